"""newslint: an editorial QA linter for news articles.

Plugins need only ``from newslint import hookimpl``.
"""

import pluggy

__version__ = "0.1.0"

#: Marker for plugin hook implementations (see :mod:`newslint.hookspecs`).
hookimpl = pluggy.HookimplMarker("newslint")

__all__ = ["__version__", "hookimpl"]
