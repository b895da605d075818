"""The news vocabulary: telling a misspelling from a word the world writes.

LanguageTool's speller knows a dictionary; news copy is full of words no dictionary holds —
names, outlets, drug names, software, loanwords. wordfreq (word frequencies measured over
news, Wikipedia, subtitles, books and web text) knows how often the world writes each of them.
A misspelling has a telling shape: it is one or two keystrokes away from a word the world
writes far more often ("goverment" and "government", "recieve" and "receive"). So a speller
match is reported only when one of LanguageTool's first suggestions is such a *near miss*:

- for a word in lower case, at most two edits away and at least ``NEAR_MISS_GAP`` Zipf units
  (a factor of ~30) more frequent than the word;
- for a word in lower case, never a proper noun: "reusers" is no slip for "Reuters", and
  when the speller's first choice is the word itself capitalised ("chile", "govt"), the word
  exists and its case is a choice;
- for a capitalised word (names opening a sentence reach the speller that way: "Rudaw",
  "Wistron"), one edit away, at least ``CAPITALISED_GAP`` more frequent, and not the same word
  with an "s" ("Turpins", "Bahama"): names are often two letters from a common word.

Rarity alone proves nothing: the measurement (``benchmarks/spelling_vocabulary.py``) found no
Zipf floor under which unknown words are more often typos than names and terms
(``chlorophanum``, ``dimethylsulfide``, ``Wistron``); every typo of the judged corpus but a
garbled one has a near miss. Words in mixed case ("THey") are reported as the typo of their
capitalised form.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

#: Words rarer than this (Zipf: log10 of occurrences per billion words) are reported even with
#: no near miss. Measured: any floor above 0 reports more names and terms than typos.
KNOWN_ZIPF = 0.0
#: A hyphenated or apostrophised token the world writes this often is not misspelled in part.
TOKEN_KNOWN_ZIPF = 1.0
#: How much more frequent (in Zipf units) a close suggestion must be to call the word its typo.
NEAR_MISS_GAP = 1.5
#: The same for a capitalised word, whose near miss must also be a single edit away.
CAPITALISED_GAP = 1.5
#: At most this many edits (insertions, deletions, substitutions, swaps) make a near miss.
NEAR_MISS_EDITS = 2
#: A word this short (letters) is a near miss only one slip away (see ``slip_edits``).
SHORT_WORD = 5
#: A capitalised word the world writes this often is a name, not a typo ("Rappler" 1.7,
#: "Groupe" 2.5); the capitalised typos of the judged corpus are all rarer ("Rhey" 1.4).
KNOWN_NAME_ZIPF = 1.5
#: Only LanguageTool's first suggestions are looked at: the later ones are guesses.
SUGGESTIONS_LOOKED_AT = 3


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0.0 when the world does not write it)."""
    from wordfreq import zipf_frequency  # loads its word list on first use (~0.2 s)
    return zipf_frequency(word, "en")


def edits(a: str, b: str, limit: int = NEAR_MISS_EDITS, substitution=None) -> int:
    """Optimal-string-alignment distance of ``a`` and ``b``, capped at ``limit + 1``;
    ``substitution(x, y)`` gives the cost of typing ``y`` for ``x`` (1 when not given)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else (1 if substitution is None else substitution(ca, cb))
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset]:
    """Letters whose keys touch on a QWERTY keyboard (same row, or the row above or below).
    Rows are staggered: a key touches the two keys below it at its column and the one before,
    and the two above it at its column and the one after."""
    near: dict[str, frozenset] = {}
    for r, row in enumerate(_KEYBOARD_ROWS):
        for c, ch in enumerate(row):
            keys = set()
            for dr, columns in ((0, (c - 1, c + 1)), (-1, (c, c + 1)), (1, (c - 1, c))):
                if 0 <= r + dr < len(_KEYBOARD_ROWS):
                    other = _KEYBOARD_ROWS[r + dr]
                    keys.update(other[i] for i in columns if 0 <= i < len(other))
            near[ch] = frozenset(keys - {ch})
    return near


_NEIGHBOURS = _keyboard_neighbours()
_VOWELS = frozenset("aeiouy")


def slip(a: str, b: str) -> bool:
    """Whether typing ``b`` could give ``a`` by one substituted letter: a neighbouring key
    ("Rhey" for "They"), or one vowel for another ("seperate", "anynomous")."""
    return b in _NEIGHBOURS.get(a, ()) or (a in _VOWELS and b in _VOWELS)


def slip_edits(a: str, b: str, limit: int = NEAR_MISS_EDITS) -> int:
    """:func:`edits` with a letter substituted by one neither next to it on the keyboard nor a
    vowel for a vowel counted as two edits: "boops" is two edits from "books", "mukt" from
    "must" — another word, not a slip of the finger — while "Rhey" is one from "They"."""
    return edits(a, b, limit, lambda x, y: 1 if slip(x, y) else 2)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _plural_or_stem(a: str, b: str) -> bool:
    """One is the other with an s: "Turpins"/"Turpin"/"Turpin's", "Bahama"/"Bahamas"."""
    a, b = a.replace("’", "'"), b.replace("’", "'")
    return any(x + end == y for x, y in ((a, b), (b, a)) for end in ("s", "'s"))


def near_miss(word: str, suggestions: Iterable[str], gap: float = NEAR_MISS_GAP,
              capitalised_gap: float = CAPITALISED_GAP) -> Optional[str]:
    """The suggestion ``word`` is most likely a typo of, or None.

    Suggestions of two words ("bug fixes" for "bugfixes") are not near misses: wordfreq rates
    a phrase by its parts, and a closed compound is a spelling choice, not a typo.
    """
    folded = word.lower()
    capitalised = _capitalised(word)
    # A word in lower case is not a typo of a proper noun: "reusers" is no slip for "Reuters".
    lower = word.islower()
    if capitalised and zipf(word) >= KNOWN_NAME_ZIPF:
        return None  # a name the world writes: "Rappler", "Groupe"
    # Short words have close neighbours that are other words ("grep"/"grip", "boops"/"books"):
    # a word of SHORT_WORD letters or fewer is a typo only one slip away.
    max_edits = 1 if capitalised or len(word) <= SHORT_WORD else NEAR_MISS_EDITS
    best, best_zipf = None, zipf(word) + (capitalised_gap if capitalised else gap)
    for s in list(suggestions)[:SUGGESTIONS_LOOKED_AT]:
        lowered = s.lower()
        if " " in s or lowered == folded or (lower and not s.islower()):
            continue
        if capitalised and _plural_or_stem(folded, lowered):
            continue
        if slip_edits(folded, lowered, max_edits) > max_edits:
            continue
        z = zipf(s)
        if z >= best_zipf:
            best, best_zipf = s, z
    return best


#: British spellings and the American ones an American speller suggests for them.
_BRITISH_TO_AMERICAN = [(re.compile(p), r) for p, r in (
    (r"our(?=s?$|ed$|ing$|ite|able|ful|less|ise|ize|er)", "or"),   # colour, vapourised
    (r"is(?=e$|es$|ed$|ing$|ation|er$|ers$)", "iz"),                # organise, vaporised
    (r"ys(?=e$|es$|ed$|ing$)", "yz"),                              # analyse
    (r"(?<=[^aeiou])re(?=s?$)", "er"),                              # centre
    (r"ogue(?=s?$)", "og"),                                         # catalogue
    (r"(?<=[aeiou])ll(?=ed$|ing$|er$|ers$)", "l"),                  # travelled
    (r"ae", "e"), (r"oe", "e"),                                     # anaemia, oestrogen
)]


def american_form(word: str) -> str:
    """``word`` with British spelling patterns made American ("vapourised" -> "vaporized")."""
    out = word.lower()
    for pattern, repl in _BRITISH_TO_AMERICAN:
        out = pattern.sub(repl, out)
    return out


def is_british_spelling(word: str, suggestions: Iterable[str]) -> bool:
    """An American speller's suggestion is ``word`` spelled the American way: the word is
    British English, not a typo. Mixing the two in one article is ``spelling-variant``'s
    question."""
    american = american_form(word)
    return american != word.lower() and any(
        s.lower() == american for s in list(suggestions)[:SUGGESTIONS_LOOKED_AT])


#: Endings that make a word of a word: "crew" + "able", "vote" + "less".
_DERIVING_SUFFIXES = ("able", "ible", "less", "like", "ish", "ness", "wise", "ful")
#: The word a derivation is built on is one the world writes at least this often.
STEM_KNOWN_ZIPF = 3.0


def is_derivation(word: str) -> bool:
    """A regular derivation of a common word ("crewable", "pandemicless"): written by the
    rules of the language, not mistyped. In a hyphenated compound ("human-crewable") every
    part is a common word or such a derivation."""
    if "-" in word:
        parts = word.split("-")
        derived = [_derived(p) for p in parts]
        return all(parts) and any(derived) and all(
            d or zipf(p) >= STEM_KNOWN_ZIPF for p, d in zip(parts, derived))
    return _derived(word)


def _derived(word: str) -> bool:
    lower = word.lower()
    for suffix in _DERIVING_SUFFIXES:
        stem = lower[:-len(suffix)]
        if lower.endswith(suffix) and len(stem) >= 3:
            if zipf(stem) >= STEM_KNOWN_ZIPF or zipf(stem + "e") >= STEM_KNOWN_ZIPF:
                return True
    return False


def is_misspelling(word: str, suggestions: Iterable[str], *, known: float = KNOWN_ZIPF,
                   gap: float = NEAR_MISS_GAP, capitalised_gap: float = CAPITALISED_GAP) -> bool:
    """Whether a word LanguageTool's speller rejected should be reported."""
    suggestions = list(suggestions)
    if _mixed_case_typo(word, suggestions):
        return True
    if is_british_spelling(word, suggestions) or is_derivation(word):
        return False
    if word.islower() and suggestions and suggestions[0].lower() == word:
        # The speller's own first choice is this word capitalised ("chile"/"Chile",
        # "govt"/"Govt", "sed"/"SED"): the word exists, and its case is the writer's choice.
        return False
    if near_miss(word, suggestions, gap, capitalised_gap) is not None:
        return True
    return zipf(word) < known


def _mixed_case_typo(word: str, suggestions: list) -> bool:
    """"THey" for "They": the shift key held a letter too long."""
    return (len(word) > 2 and word[:2].isupper() and word[2:].islower()
            and word.capitalize() in suggestions[:SUGGESTIONS_LOOKED_AT])
