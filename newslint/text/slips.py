"""Telling a slip of the keyboard from a different name: "Segal"/"Segall", "Weaver"/"Weever".

Two spellings are one slip apart when one becomes the other by a single change of the kinds
copy editors see in names: a doubled letter written once or a letter doubled ("Segal"/"Segall"),
a letter dropped inside the word ("Zinichev"/"Zinchev"), two neighbouring letters swapped
("Dwayne"/"Dwyane"), or one vowel written as another ("Weaver"/"Weever",
"Zuckerberg"/"Zuckerburg"). Changes at the very end of a word are left out unless they double
the last letter, because there they make other words: "Korea"/"Korean", "Mario"/"Maria",
"Roma"/"Rome", "Democrat"/"Democrats".
"""

from __future__ import annotations

VOWELS = frozenset("aeiouy")

#: The shorter spelling has at least this many letters: short names differ by one letter all
#: the time ("Dana"/"Dina", "Adam"/"Adem").
MIN_LENGTH = 5


def one_slip(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are one slip apart (see the module docstring)."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < MIN_LENGTH:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            i = diff[0]
            return i < len(a) - 1 and a[i] in VOWELS and b[i] in VOWELS
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            return a[i] == b[i + 1] and a[i + 1] == b[i] and diff[1] < len(a) - 1
        return False
    if abs(len(a) - len(b)) != 1:
        return False
    long, short = (a, b) if len(a) > len(b) else (b, a)
    i = next((k for k in range(len(short)) if long[k] != short[k]), len(short))
    if long[i + 1:] != short[i:]:
        return False
    doubled = long[i] == long[i - 1] or (i + 1 < len(long) and long[i] == long[i + 1])
    if i == len(long) - 1:
        return doubled  # only a doubled last letter: "Segal"/"Segall", not "Korea"/"Korean"
    return True
