"""Spelling in news copy: which of LanguageTool's speller matches an editor should see.

LanguageTool's speller rejects every word its dictionary lacks. In a news story most of those
are right: names, outlets, handles, drug names, loanwords. What the article itself shows is
the best evidence, so each document is read once for

- names it introduces (:mod:`newslint.languagetool.names`: capitalised inside a sentence,
  inner capitals, acronyms);
- words it uses twice or more ("Rappler" in three paragraphs is the outlet's name) — unless the
  word is a near miss of a far more common one, so a misspelling made consistently
  ("councelling" four times) is still reported;
- social handles ("@natasha_f") and photo-credit lines ("Image: Remi Mathis / Flickr");

then the news vocabulary (:mod:`newslint.languagetool.vocabulary`) asks whether the world writes
the word. A single word in its own quotation marks is a cited term ("going to 'Jannah'").
Two unknown words side by side are a foreign phrase or a name ("quo warranto").
A bracketed editorial insertion ("sow[ing]", "Count[ies]") is read as the whole word
("sowing"). Each misspelled word is reported once per document, at its first place, with the
other places as related locations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

import regex

from newslint.languagetool import vocabulary

#: A word of running prose, apostrophes and hyphens inside it included.
WORD = regex.compile(r"[\p{L}\p{M}\d]+(?:['’\-][\p{L}\p{M}\d]+)*")
#: Letters with bracketed parts: "sow[ing]", "Count[ies]", "[the]ir".
BRACKETED = regex.compile(r"[\p{L}\[\]]*(?:\[[\p{L}]*\]|[\p{L}]\[|\][\p{L}])[\p{L}\[\]]*")
#: A sentence or block that credits a photo, video or graphic (names and user names follow).
CREDIT_LINE = regex.compile(
    r"^\W*(?:(?:photo(?:graph)?s?|images?|pictures?|videos?|graphics?|illustrations?|credits?|"
    r"sources?|footage)(?:\s+(?:credit|courtesy|by))?\s*[:|]|(?:photo|image|video)s?\s+"
    r"(?:by|courtesy|credit|via)\b)", regex.I)
#: A credit inside a sentence: "(AP Photo/Evan Vucci)", "Photo: …", "via Flickr user …".
CREDIT_INSIDE = regex.compile(
    r"(?:\((?:[^()]*\b(?:photo|image|credit|picture)s?\b[^()]*)\)|"
    r"\b(?:photo|image|picture)s?\s*(?:credit|courtesy|by)?\s*:[^.]*|"
    r"\bflickr\s+user\s+\S+)", regex.I)
#: @handles and #hashtags: their spelling is their owner's.
HANDLE = regex.compile(r"[@#][\w.]+")
#: A species' Latin name after its genus ("Spheniscus magellanicus", "E. coli").
BINOMIAL = regex.compile(
    r"\b\p{Lu}(?:\p{Ll}+|\.)\s+\p{Ll}+(?:us|um|a|ae|is|i|ii|ensis|oides|oida|ides|"
    r"ana|ica|ata|ata|coli|iae)\b")
#: One word in brackets is an abbreviation or a gloss: "15–75 million years old (myr)".
BRACKETED_WORD = regex.compile(r"\(\s*[\p{L}\-]+\s*\)")
#: A brand spelled with an inner capital: eBook, iFixit, eGPU.
BRAND_CASE = regex.compile(r"\p{Ll}{1,2}\p{Lu}[\p{L}\d]*")
#: Marks that put a single word in quotation: the word is cited as a term.
QUOTE_MARKS = "'‘’\"“”«»"
#: The whole token around a match: a speller may judge "ida" of "al-Qa’ida".
TOKEN = regex.compile(r"[\p{L}\p{M}\d]+(?:['’\-][\p{L}\p{M}\d]+)+")


@dataclass(frozen=True)
class Verdict:
    """A speller match worth reporting: the word as read and the suggestions."""

    word: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...]


def misspelling_message(word: str, suggestions) -> str:
    """The message names the word: “Hermoine”: possible misspelling; did you mean “Hermione”?"""
    if suggestions:
        return f"“{word}”: possible misspelling; did you mean “{suggestions[0]}”?"
    return f"“{word}”: possible misspelling"


class DocumentSpelling:
    """What one document teaches about its own vocabulary."""

    def __init__(self, names, counts: Counter, exempt: dict):
        self.names = names
        self.counts = counts
        #: Block index -> prose spans (start, end) where the speller is not heard.
        self.exempt = exempt

    @classmethod
    def from_document(cls, doc) -> "DocumentSpelling":
        from newslint.languagetool.names import ArticleNames

        counts: Counter = Counter()
        exempt: dict = {}
        for block in doc.blocks:
            counts.update(m.group() for m in WORD.finditer(block.prose))
            spans = [m.span() for pattern in (HANDLE, CREDIT_INSIDE, BINOMIAL, BRACKETED_WORD)
                     for m in pattern.finditer(block.prose)]
            # A quoted word or two is a term, a title or a loanword ("kuffar"), not prose.
            spans += [(q.start, q.end) for q in block.quotes
                      if len(WORD.findall(block.prose, q.start, q.end)) <= 2]
            for s in block.sentences:
                if CREDIT_LINE.match(block.prose, s.start, s.end):
                    spans.append((s.start, s.end))
            if spans:
                exempt[block.index] = spans
        return cls(ArticleNames.from_document(doc), counts, exempt)

    def is_exempt(self, block, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.exempt.get(block.index, ()))

    def learned(self, word: str, suggestions) -> bool:
        """A word the article uses twice or more, and that is no near miss of a common word."""
        return (self.counts[word] >= 2
                and vocabulary.near_miss(word, suggestions) is None)


def whole_word(prose: str, start: int, end: int) -> tuple[int, int, str]:
    """The span and text of the word a speller match belongs to, bracketed insertions joined
    ("sow[ing]" is read as "sowing"); the match itself when no bracket touches it."""
    near = prose[max(0, start - 1):end + 1]
    if "[" not in near and "]" not in near:
        return start, end, prose[start:end]
    for m in BRACKETED.finditer(prose, max(0, start - 40), min(len(prose), end + 40)):
        if m.start() <= start and end <= m.end():
            text = m.group().replace("[", "").replace("]", "")
            return m.start(), m.end(), text
    return start, end, prose[start:end]


def in_foreign_phrase(prose: str, start: int, end: int, rejected: list) -> bool:
    """Whether the word next to this one (one space away) was rejected by the speller too.

    Two unknown words in a row are a phrase of another language ("quo warranto", "Punta
    Tombo") or a name, far more often than two typos side by side.
    """
    for s, e in rejected:
        if (e < start and prose[e:start] == " ") or (s > end and prose[end:s] == " "):
            return True
    return False


def _token_around(prose: str, start: int, end: int) -> Optional[str]:
    """The hyphenated or apostrophised token a match is part of, when it is only a part."""
    for m in TOKEN.finditer(prose, max(0, start - 30), min(len(prose), end + 30)):
        if m.start() <= start and end <= m.end() and (m.start(), m.end()) != (start, end):
            return m.group()
    return None


def verdict(block, start: int, end: int, suggestions, knowledge: DocumentSpelling,
            *, dictionary, vocabulary_on: bool, names_on: bool) -> Optional[Verdict]:
    """None when the speller match at prose ``[start, end)`` is not worth reporting."""
    prose = block.prose
    if knowledge.is_exempt(block, start, end):
        return None
    if start > 0 and prose[start - 1] in "@#":
        return None
    start, end, word = whole_word(prose, start, end)
    joined = word != prose[start:end]
    if joined:
        # LanguageTool judged a fragment; its suggestions are for the fragment.
        suggestions = ()
        if vocabulary.zipf(word) >= vocabulary.KNOWN_ZIPF or word in dictionary:
            return None
    if word in dictionary:
        return None
    token = _token_around(prose, start, end)
    if token is not None and (names_on and knowledge.names.is_name(token)
                              or vocabulary.zipf(token) >= vocabulary.TOKEN_KNOWN_ZIPF):
        return None  # part of a name or a known word: "al-Qa’ida", "anti-vax"
    if BRAND_CASE.fullmatch(word):
        return None
    if 0 < start and end < len(prose) and prose[start - 1] in QUOTE_MARKS \
            and prose[end] in QUOTE_MARKS:
        return None  # a term cited in its own quotation marks: going to 'Jannah'

    if len(word) < 3 or not word.isascii():
        # Fragments and abbreviations ("st", "mo"); loanwords keep their accents ("libré",
        # "hijāb"), which typing English does not put in by accident.
        return None
    if names_on and knowledge.names.is_name(word):
        variant_of = knowledge.names.likely_variant_of(word)
        if variant_of is None:
            return None
        # A name spelled two ways: report the rarer spelling, pointing at the other.
        return Verdict(word, start, end,
                       f"“{word}” may be a misspelling of “{variant_of}”, as the name is "
                       f"spelled elsewhere in the article",
                       (variant_of,) + tuple(s for s in suggestions if s != variant_of))
    if vocabulary_on:
        if knowledge.learned(word, suggestions):
            return None
        if not vocabulary.is_misspelling(word, suggestions):
            return None
    suggestions = tuple(suggestions)
    return Verdict(word, start, end, misspelling_message(word, suggestions), suggestions)


def multitoken_message(text: str, suggestions) -> Optional[str]:
    """The message for LanguageTool's multi-word spelling match ("Escerichia coli"), or None
    when it reads a person's name as a famous one's ("Tom Frieden" for "Tom Friedman",
    "Evan Duffey" for "Evan Dunfee"): a name with the same given name and another capitalised
    surname is someone else, not a misspelling."""
    suggestions = list(suggestions)
    words = text.split()
    best = suggestions[0].split() if suggestions else []
    if (len(words) >= 2 and len(best) == len(words) and words[0] == best[0]
            and all(w[:1].isupper() for w in words) and words[-1].lower() != best[-1].lower()):
        return None
    return misspelling_message(text, suggestions)
