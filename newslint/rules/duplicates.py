"""Built-in rules: duplicates (being written)."""

from newslint import hookimpl


@hookimpl
def newslint_register_rules(config):
    return []
