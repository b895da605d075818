"""Regular expressions compiled when first used, not when their module is imported.

Compiling newslint's long word-list alternations costs real start-up time, and a command that
never reaches a rule (``newslint rules``, a bad flag) should not pay it. Patterns are compiled
by :func:`re.compile` in every run: compiled programs are never read back from a file, because
a cache file is data that another process or user may have written, and a regular-expression
program handed to the engine unchecked could crash the interpreter or silently stop a rule
from matching.
"""

from __future__ import annotations

import re


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)`` (one name for every pattern newslint compiles)."""
    return re.compile(pattern, flags)


class LazyPattern:
    """A regular expression compiled the first time it is used, not when its module is
    imported. It has the methods of :class:`re.Pattern`; after the first use each one is the
    compiled pattern's own bound method, so later calls cost what they cost on the pattern."""

    _METHODS = ("finditer", "search", "match", "fullmatch", "sub", "subn", "findall", "split")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern:
        compiled = compile(self.pattern, self.flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        self.compiled = lambda: compiled
        return compiled

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)
