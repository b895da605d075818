"""Built-in formatters, registered through the same hook as third-party ones."""

from newslint import hookimpl


@hookimpl
def newslint_register_formatters():
    from newslint.formatters.jsonfmt import JsonFormatter
    from newslint.formatters.text import TextFormatter

    return {"text": TextFormatter, "json": JsonFormatter}
