"""Names an article introduces, so that the spell checker does not flag them.

News is full of people, places and brands no dictionary knows. An article introduces them the
way it introduces anything: capitalised in the middle of a sentence ("said Nicholas Weaver, a
lecturer…", "Adam Segal, director of…"), or spelled with inner capitals (WeChat, TikTok,
McArthur). A word that appears like that anywhere in the article is taken as a name everywhere
in it, also at the start of a sentence ("Segal said…").

Acronyms (LRIT, PLOS) are accepted too: no dictionary knows them all, and a typo in
capitals is rare.

A name spelled two ways in one article is still worth a finding: the rarer spelling of a pair
of near-identical names ("Magnitigorsk" once, "Magnitogorsk" three times) is reported.
"""

from __future__ import annotations

import difflib
from collections import Counter

import regex

from newslint.languagetool.vocabulary import edits

# A capitalised word, letters and inner apostrophes/hyphens included ("O'Brien", "Al-Assad").
WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}]*(?:['’\-][\p{L}\p{M}]+)*")
# Inner capitals after a lower-case letter: WeChat, TikTok, McArthur, DeSantis.
INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
# What may stand before a word that starts a sentence or a quotation.
OPENERS = set("\"“”‘’'([{«»—–:;…*")
POSSESSIVE = regex.compile(r"['’]s$")
# Acronyms (LRIT, PLOS): a dictionary cannot know them all, and typos in capitals are rare.
ACRONYM = regex.compile(r"\p{Lu}{2,}\d*s?")

#: Near-identical names: difflib's ratio at or above this is treated as one name spelled twice.
SIMILARITY = 0.85
#: Names this long two edits apart are one name too ("Megallanic" and "Magellanic"): two
#: letters swapped across a doubled one score low on difflib's ratio.
LONG_NAME = 8


def _parts(word: str) -> list[str]:
    word = POSSESSIVE.sub("", word)
    return [p for p in regex.split(r"['’\-]", word) if p] + ([word] if "-" in word else [])


#: Titles that stand before a name: "Dr. Sundar" is a name, though it follows a full stop.
TITLE_BEFORE = regex.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sr|Jr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|Fr|Hon|Pres|"
    r"Supt|Insp|Det|Cpl|Adm|Brig|Maj|Cmdr)\.\s*$")


def _mid_sentence(prose: str, start: int, sentence_starts: set[int]) -> bool:
    if TITLE_BEFORE.search(prose, max(0, start - 8), start):
        return True
    if start in sentence_starts:
        return False
    i = start - 1
    while i >= 0 and prose[i].isspace():
        i -= 1
    if i < 0:
        return False
    return prose[i] not in OPENERS and prose[i] not in ".!?"


class ArticleNames:
    """The names of one document, with how often each spelling occurs."""

    def __init__(self, names: set[str], counts: Counter):
        self.names = names
        self.counts = counts

    @classmethod
    def from_document(cls, doc) -> "ArticleNames":
        names: set[str] = set()
        counts: Counter = Counter()
        pairs: list[tuple[str, str]] = []
        for block in doc.blocks:
            # Headlines and headings are title case: capitals there prove nothing.
            if block.kind in ("headline", "heading", "dateline"):
                continue
            prose = block.prose
            starts = {s.start for s in block.sentences}
            previous = None
            for m in WORD.finditer(prose):
                word = m.group()
                if word.isupper() and len(word) > 1:
                    previous = None
                    continue  # acronyms and shouting are not evidence of a name
                parts = _parts(word)
                counts.update(parts)
                if INNER_CAPITAL.search(word) or _mid_sentence(prose, m.start(), starts):
                    names.update(p for p in parts if p[:1].isupper())
                if previous is not None and prose[previous.end():m.start()] == " ":
                    pairs.append((POSSESSIVE.sub("", previous.group()), POSSESSIVE.sub("", word)))
                previous = m
        # A capitalised word right before a name is part of it: the first name that opens a
        # sentence ("Satyendra Jain, the minister…") or follows a colon ("Image: Remi Mathis").
        for first, second in pairs:
            if second in names and first[:1].isupper():
                names.add(first)
        return cls(names, counts)

    def is_name(self, word: str) -> bool:
        word = POSSESSIVE.sub("", word)
        if not word:
            return False
        if ACRONYM.fullmatch(word):
            return True
        if word[:1].isupper() and (word in self.names or INNER_CAPITAL.search(word)):
            return True
        # "al-Eryani", "van der Berg"-style particles: every capitalised part is a name.
        parts = [p for p in regex.split(r"['’\-]", word) if p]
        capitalised = [p for p in parts if p[:1].isupper()]
        return len(parts) > 1 and bool(capitalised) and all(p in self.names for p in capitalised)

    def likely_variant_of(self, word: str) -> str | None:
        """The more frequent, near-identical name this word may be a misspelling of."""
        word = POSSESSIVE.sub("", word)
        if len(word) < 5:
            return None
        best, best_count = None, self.counts.get(word, 0)
        for other in self.names:
            if other == word or abs(len(other) - len(word)) > 2 or other[:1] != word[:1]:
                continue
            if other + "s" == word or word + "s" == other:
                continue  # "the Turpins", "Grand Bahama" and "the Bahamas": one name
            if self.counts[other] <= best_count:
                continue
            if (difflib.SequenceMatcher(None, word, other).ratio() >= SIMILARITY
                    or len(word) >= LONG_NAME and edits(word, other) <= 2):
                best, best_count = other, self.counts[other]
        return best
