"""Built-in rules: attribution (being written)."""

from newslint import hookimpl


@hookimpl
def newslint_register_rules(config):
    return []
