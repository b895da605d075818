"""``newslint lsp``: a Language Server Protocol server over standard input and output.

It drives the same :class:`~newslint.checker.Checker` as the command line, one per
configuration of the workspace, kept warm for the session (LanguageTool included).
"""


def main() -> int:
    """``newslint lsp``, with one clear line when the ``lsp`` extra is not installed."""
    try:
        from newslint.lsp.server import serve
    except ImportError as exc:
        from newslint.errors import UsageError

        raise UsageError(f"the language server needs the lsp extra ({exc.name} is missing): "
                         "pip install 'newslint[lsp]'") from None
    return serve()
