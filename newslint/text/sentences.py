"""Sentence splitting tuned for news prose.

A rule-based splitter rather than a library: the candidates (pysbd, NLTK's punkt) are either an
order of magnitude slower than the rest of a newslint run or need model data downloaded at run
time. News copy is regular enough that a boundary rule plus a list of the abbreviations wire
style uses ("Aug.", "Gov.", "U.S.") gets sentences right, and the tests hold it to real articles.
"""

from __future__ import annotations


from newslint.document import TextSpan
from newslint.text.patterns import compile as compile_pattern

# Abbreviations after which a period does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm maj cpl pvt gov sen rep rev hon
pres supt det insp atty jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu
thur thurs fri sat sun no nos vs etc inc ltd co corp bros dept univ est approx fig vol pp al
ave blvd rd hwy p.m a.m e.g i.e u.s u.k u.n d.c b.c a.d
""".split())

# A terminator, optional closing quotes/brackets, white space, then what can start a sentence.
_BOUNDARY = compile_pattern(
    r"""([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[A-Z0-9])""")


def split_sentences(text: str) -> list[TextSpan]:
    """Split prose into sentence spans (white space between sentences is left out)."""
    spans: list[TextSpan] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    if "." in text or "!" in text or "?" in text or "…" in text:
        for m in _BOUNDARY.finditer(text, start):
            if m.start() < start:
                continue
            if m.group(1) == "." and _is_abbreviation(text, m.start()):
                continue
            end = m.end(2)
            if end > start:
                spans.append(TextSpan(start, end))
            start = m.end(3)
    end = n
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(TextSpan(start, end))
    return spans


_INITIALS = compile_pattern(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _is_abbreviation(text: str, dot: int) -> bool:
    # The word before the dot: letters and inner dots ("U.S", "Gov", "J").
    i = dot
    while i > 0 and dot - i < 12 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    while i < dot and not text[i].isalpha():
        i += 1  # the word starts with a letter
    word = text[i:dot]
    if not word or not word.isascii():
        return False
    if word.lower().rstrip(".") in ABBREVIATIONS:
        return True
    # Initials ("John F. Kennedy", "U.S.") and single capitals.
    if len(word) == 1:
        return word.isupper()
    return _INITIALS.fullmatch(word) is not None
