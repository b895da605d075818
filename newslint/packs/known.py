"""Pack patterns known to compile, remembered between runs.

A pack's regular expressions are compiled when the pack is loaded, so that a bad one is
reported with its file, line and key whether or not its rule is selected. Compiling the long
ones with the ``regex`` module costs more than checking an article with them, and a pattern
that compiled once compiles again under the same ``regex`` and newslint versions: so patterns
that compiled are listed in a file in the cache directory and are not compiled again at load.
A pattern that fails is never listed, so it is reported on every run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import regex

from newslint import __version__

FILE_NAME = "pack-patterns.txt"
#: More remembered patterns than this (old edits piling up) and the file starts afresh.
MAX_PATTERNS = 5000


def compile_problem(pattern: str) -> Optional[str]:
    """What ``regex`` says is wrong with ``pattern``, or None when it compiles."""
    try:
        regex.compile(pattern)
    except regex.error as exc:
        return str(exc)
    return None


class KnownPatterns:
    """The patterns listed in ``cache_dir``; :meth:`save` adds those that compiled since."""

    KIND, VERSION = "pack-patterns", 2

    def __init__(self, cache_dir: Path, warn=None):
        self.path = Path(cache_dir) / FILE_NAME
        self.header = f"newslint {__version__} regex {regex.__version__}"
        self.warn = warn
        self.known = self._read()
        self.added: set = set()

    def problem(self, pattern: str) -> Optional[str]:
        """Like :func:`compile_problem`, without compiling a pattern known to compile."""
        if pattern in self.known or pattern in self.added:
            return None
        problem = compile_problem(pattern)
        if problem is None:
            self.added.add(pattern)
        return problem

    def _read(self) -> set:
        from newslint import cachefile

        text = cachefile.read(self.path, self.KIND, self.VERSION, self.warn,
                              legacy=("newslint ",))
        if text is None:
            return set()
        lines = text.split("\n")
        # Versions first, an empty string after the last newline: anything else was cut short.
        if len(lines) < 2 or lines[-1] != "":
            cachefile.ignored(self.warn, self.path, "damaged: cut short")
            return set()
        if lines[0] != self.header:
            return set()  # another newslint or regex: patterns are compiled again
        import warnings

        try:
            with warnings.catch_warnings():
                # An invalid escape ("\\(") is never written: here it means damage.
                warnings.simplefilter("error")
                return {_unescape(line) for line in lines[1:-1]}
        except (UnicodeError, ValueError, Warning):
            cachefile.ignored(self.warn, self.path, "damaged: a line is not an escaped pattern")
            return set()

    def save(self) -> None:
        """Write the list atomically if it grew; an unwritable cache only costs time."""
        from newslint import cachefile

        if not self.added:
            return
        patterns = self.known | self.added
        if len(patterns) > MAX_PATTERNS:
            patterns = self.added
        text = "".join(f"{_escape(p)}\n" for p in sorted(patterns))
        cachefile.write(self.path, self.KIND, self.VERSION, f"{self.header}\n{text}")
        self.known, self.added = patterns, set()


def _escape(pattern: str) -> str:
    """One ASCII line for any pattern (newlines and backslashes escaped)."""
    return pattern.encode("unicode_escape").decode("ascii")


def _unescape(line: str) -> str:
    return line.encode("ascii").decode("unicode_escape")
