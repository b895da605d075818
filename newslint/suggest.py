"""Did you mean …?" for names a person typed: rule ids, prefixes, categories, commands."""

from __future__ import annotations

from typing import Iterable


def close_names(word: str, names: Iterable[str], n: int = 3) -> list[str]:
    """The names closest to ``word``: those it is part of first (``weekday`` →
    ``weekday-date-mismatch``, which difflib's ratio alone ranks too low), then near spellings."""
    import difflib

    names = sorted(set(names))
    low = word.lower()
    containing = [name for name in names if low and low in name.lower()]
    containing.sort(key=lambda name: (not name.lower().startswith(low), len(name), name))
    close = difflib.get_close_matches(word, names, n=n, cutoff=0.6)
    out: list[str] = []
    for name in containing + close:
        if name not in out and name != word:
            out.append(name)
    return out[:n]


def did_you_mean(word: str, names: Iterable[str]) -> str:
    """`` (did you mean a, b?)`` or an empty string."""
    close = close_names(word, names)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def command_typo(word: str, commands: Iterable[str]) -> list[str]:
    """The commands ``word`` is probably a misspelling of, when it cannot be a file to check:
    ``newslint chek draft.md`` is not a check of a missing file named ``chek``."""
    import os

    if not word or word.startswith("-") or "/" in word or "." in word or os.path.exists(word):
        return []
    import difflib

    return difflib.get_close_matches(word, list(commands), n=2, cutoff=0.6)
