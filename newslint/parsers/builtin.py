"""Built-in parsers, registered through the same hook as third-party ones."""

from newslint import hookimpl


def _markdown(path, text, **kw):
    from newslint.parsers import markdown
    return markdown.parse(path, text, **kw)


def _html(path, text, **kw):
    from newslint.parsers import htmldoc
    return htmldoc.parse(path, text, **kw)


def _text(path, text, **kw):
    from newslint.parsers import plaintext
    return plaintext.parse(path, text, **kw)


@hookimpl
def newslint_register_parsers():
    return {".md": _markdown, ".markdown": _markdown, ".html": _html, ".htm": _html,
            ".txt": _text, ".text": _text}
