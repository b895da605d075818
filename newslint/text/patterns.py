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


def _is_word(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern without re.ASCII."""
    return ch.isalnum() or ch == "_"


class _LeadTestedPattern(LazyPattern):
    """A :class:`LazyPattern` led by a zero-width test of the characters before the match,
    with quicker ``finditer`` and ``search``.

    The engine scans ahead for the characters a pattern can begin with only when the pattern
    starts with them; a leading ``\\b`` or look-behind hides them, and every position of the
    text is tried. These methods search for the rest of the pattern and make the leading test
    themselves, which finds the same matches: the leftmost position where the rest matches is
    tried first, and where the test fails there the search goes on one character later, as
    the engine's own scan would ("\\b(?:January|…) 2020" over the Wikinews corpus: 25 ms
    against 6 ms). For patterns that never match the empty string; the other methods use the
    whole pattern.
    """

    _METHODS = tuple(m for m in LazyPattern._METHODS if m not in ("finditer", "search"))

    def __init__(self, pattern: str, rest: str, flags: int = 0):
        if flags & re.ASCII:
            raise ValueError("a lead-tested pattern reads \\w as Unicode: not re.ASCII")
        super().__init__(pattern, flags)
        self._rest_source = rest
        self._rest = None

    def _lead_holds(self, text: str, at: int) -> bool:
        raise NotImplementedError

    def search(self, text: str, pos: int = 0):
        """The first match at or after ``pos``, as ``re.Pattern.search``."""
        if self._rest is None:
            self._rest = compile(self._rest_source, self.flags)
        search = self._rest.search
        m = search(text, pos)
        while m is not None:
            s = m.start()
            if self._lead_holds(text, s):
                return m
            m = search(text, s + 1)  # the leading test fails here: on, as the engine would
        return None

    def finditer(self, text: str):
        m = self.search(text)
        while m is not None:
            yield m
            m = self.search(text, m.end())


class BoundaryLedPattern(_LeadTestedPattern):
    """``rest`` at a word boundary: the pattern ``\\b(?:<rest>)`` (see
    :class:`_LeadTestedPattern`). The group makes the boundary lead every alternative of
    ``rest``, in the whole pattern as in the quicker methods."""

    def __init__(self, rest: str, flags: int = 0):
        super().__init__(rf"\b(?:{rest})", rest, flags)

    def _lead_holds(self, text: str, at: int) -> bool:
        return (at > 0 and _is_word(text[at - 1])) != (at < len(text) and _is_word(text[at]))


class NotAfterPattern(_LeadTestedPattern):
    """``rest`` where it does not follow a word character or one of ``after``: the pattern
    ``(?<![\\w<after>])(?:<rest>)`` (see :class:`_LeadTestedPattern`)."""

    def __init__(self, rest: str, after: str, flags: int = 0):
        super().__init__(f"(?<![\\w{re.escape(after)}])(?:{rest})", rest, flags)
        self._after = after

    def _lead_holds(self, text: str, at: int) -> bool:
        return at == 0 or not (_is_word(text[at - 1]) or text[at - 1] in self._after)
