"""Built-in formatters, registered through the same hook as third-party ones."""

from newslint import hookimpl


@hookimpl
def newslint_register_formatters():
    from newslint.formatters.github import GithubFormatter
    from newslint.formatters.gitlab import GitlabFormatter
    from newslint.formatters.html.render import HtmlFormatter
    from newslint.formatters.jsonfmt import JsonFormatter
    from newslint.formatters.jsonl import JsonLinesFormatter
    from newslint.formatters.sarif import SarifFormatter
    from newslint.formatters.text import TextFormatter

    return {"text": TextFormatter, "json": JsonFormatter, "jsonl": JsonLinesFormatter, "sarif": SarifFormatter,
            "github": GithubFormatter, "gitlab": GitlabFormatter, "html": HtmlFormatter}
