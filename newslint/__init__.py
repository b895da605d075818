"""newslint: an editorial QA linter for news articles.

Plugins need only ``from newslint import hookimpl``.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]


def __getattr__(name):
    # pluggy is imported on first use of ``hookimpl``, not by ``import newslint``: a
    # ``newslint check`` answered by the warm server never loads it.
    if name == "hookimpl":
        import pluggy

        global hookimpl
        #: Marker for plugin hook implementations (see :mod:`newslint.hookspecs`).
        hookimpl = pluggy.HookimplMarker("newslint")
        return hookimpl
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
