"""The news vocabulary: telling a misspelling from a word the world writes.

LanguageTool's speller knows a dictionary; news copy is full of words no dictionary holds —
names, outlets, drug names, software, loanwords. wordfreq (word frequencies measured over
news, Wikipedia, subtitles, books and web text) knows how often the world writes each of them.
A misspelling has a telling shape: the world rarely writes it, and it is one or two keystrokes
away from a word the world writes far more often ("goverment" and "government", "recieve" and
"receive"). So a speller match is reported only when

- one of LanguageTool's suggestions is such a *near miss*: at most two edits away and at least
  ``NEAR_MISS_GAP`` Zipf units (a factor of ~30) more frequent than the word; or
- the word is in lower case and unknown to the world: its Zipf frequency is below
  ``KNOWN_ZIPF``. A capitalised word the world does not know is a name far more often than a
  typo (a name that opens every sentence it is in, a place, an outlet), so only a near miss
  reports it ("Goverment", "Rhey").

Both numbers were measured (``benchmarks/spelling_vocabulary.py``): typos on the judged
corpus and the classic misspellings stay reported, names and terms are dropped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional

#: A word the world writes at least this often (Zipf: log10 of occurrences per billion words;
#: 1.0 is once per 100 million) is a real word unless a near miss says otherwise.
KNOWN_ZIPF = 1.0
#: How much more frequent (in Zipf units) a close suggestion must be to call the word its typo.
NEAR_MISS_GAP = 1.5
#: At most this many edits (insertions, deletions, substitutions, swaps) make a near miss.
NEAR_MISS_EDITS = 2
#: Only LanguageTool's first suggestions are looked at: the later ones are guesses.
SUGGESTIONS_LOOKED_AT = 3


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0.0 when the world does not write it)."""
    from wordfreq import zipf_frequency  # loads its word list on first use (~0.2 s)
    return zipf_frequency(word, "en")


def edits(a: str, b: str, limit: int = NEAR_MISS_EDITS) -> int:
    """Optimal-string-alignment distance of ``a`` and ``b``, capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def near_miss(word: str, suggestions: Iterable[str],
              gap: float = NEAR_MISS_GAP) -> Optional[str]:
    """The suggestion ``word`` is most likely a typo of, or None.

    Suggestions of two words ("bug fixes" for "bugfixes") are not near misses: wordfreq rates
    a phrase by its parts, and a closed compound is a spelling choice, not a typo.
    """
    folded = word.lower()
    own = zipf(word)
    best, best_zipf = None, own + gap
    for s in list(suggestions)[:SUGGESTIONS_LOOKED_AT]:
        if " " in s or s.lower() == folded:
            continue
        if edits(folded, s.lower()) > NEAR_MISS_EDITS:
            continue
        z = zipf(s)
        if z >= best_zipf:
            best, best_zipf = s, z
    return best


def is_misspelling(word: str, suggestions: Iterable[str], *, known: float = KNOWN_ZIPF,
                   gap: float = NEAR_MISS_GAP) -> bool:
    """Whether a word LanguageTool's speller rejected should be reported."""
    if near_miss(word, suggestions, gap) is not None:
        return True
    if word[:1].isupper() and word[1:] == word[1:].lower():
        return False
    return zipf(word) < known
