"""Finding quotations in prose, and telling quoted speech from quoted terms.

Curly quotes say which way they face; straight quotes do not, so each straight mark is read
from its neighbours: after a space or an opening bracket it opens, before a space or punctuation
it closes, and when both or neither hold it toggles. Single quotes count as quotation marks
only when they open after a space, a bracket or a double quote and close before punctuation or
a space; an apostrophe between letters ("Trump’s", "don't") or before a clipped year ("’90s")
never opens a quotation. Single quotes inside double quotes are nested quotations and do not end
the outer one.

AP style runs a quotation across paragraphs by leaving the closing mark off the first paragraph
and opening the next one with a fresh mark, so an opening mark with no closing mark runs to the
end of the paragraph (``Quote.closed`` is false) and a closing mark with nothing open before it
starts the paragraph inside a quotation (``Quote.opened`` is false).

Not every quotation is speech. Titles ("Band on the Run"), nicknames, scare quotes and a quoted
word or two are *terms*; :func:`is_speech` separates them so that rules about who said what do
not ask for a speaker for a film title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.document import TextSpan
from newslint.text.patterns import AsciiPattern, LazyPattern


_MARKS = LazyPattern(r"[“”\"‘’']")
# Characters after which a quote mark opens rather than closes.
_OPENING_CONTEXT = set(" \t\n([{—–-/“‘\"'")
# Characters before which a quote mark closes rather than opens.
_CLOSING_CONTEXT = set(" \t\n.,;:!?)]}—–-…”’\"'")
# Clipped words and years that begin with an apostrophe: ’90s, ’em, ’til, ’n’, ’tis.
_ELISION = LazyPattern(r"(?:\d\d(?:s\b|\b)|em\b|til\b|n\b|tis\b|twas\b|cause\b|bout\b)", re.I)

#: Words that name the quoted text as a title, label or term rather than someone's words.
_TERM_CUES = LazyPattern(
    r"(?:\b(?:titled|entitled|called|named|dubbed|nicknamed|headlined|labell?ed|known as|"
    r"slogan|hashtag|motto|phrase|word|words|term|read|reads|reading|marked|banner|sign|"
    r"displays?|displayed|displaying|shows|showed|showing|message|notice|label|caption|"
    r"song|album|single|film|movie|book|novel|show|series|play|episode|poem|article|"
    r"column|report|operation|campaign|programme|program|project|exhibition|festival|"
    r"award|category|so-called|as|theme|tagline|title|mantra|catchphrase|chant|chanting|"
    r"chanted)\s*[,:?]?\s*)$", re.I)
# (Possessive: no shorter run could let the pattern go on, so the matches are the same, and
# the engine keeps no backtracking point at each word: a fifth quicker.)
_WORD = AsciiPattern(r"[^\W_]++(?:['’.-][^\W_]++)*+", r"[A-Za-z0-9]++(?:['.-][A-Za-z0-9]++)*+")
# What a quotation used as a noun is followed by: "“Don't jerk and drive,” meant to
# discourage drivers …", "“…,” which ran in 2014".
_NOUN_USE_AFTER = LazyPattern(
    r"\s*(?:meant|designed|intended|aimed|which\s+(?:ran|was|is|became|appeared))\b")
#: Quoted questions shorter than this are the writer's or a headline's more often than a
#: speaker's words, which come with their "she asked".
SHORT_QUESTION_WORDS = 10
# Two sentences inside one short quotation: a slogan ("Rain. We're ready.").
_SENTENCE_BREAK = LazyPattern(r"[^\W\d_]{2,}[.!?]\s+\S")
# A quoted phrase used as a noun: "will be the “Uber of ferries”".
_DETERMINER_BEFORE = LazyPattern(r"\b(?:the|a|an|this|that|its|his|her|their|our|your)\s*$",
                                 re.I)
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or the to with vs via de la le du von".split())


@dataclass(frozen=True)
class Quote:
    """One quotation in a block's prose.

    ``start``/``end`` cover the quote marks; ``inner_start``/``inner_end`` the quoted words.
    ``opened`` is false when the quotation began in an earlier paragraph (the paragraph starts
    with a stray closing mark); ``closed`` is false when it runs on into the next paragraph.
    ``double`` tells double quotes from single ones.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    opened: bool = True
    closed: bool = True
    double: bool = True

    @property
    def span(self) -> TextSpan:
        return TextSpan(self.start, self.end)


def find_quotes(text: str) -> list[TextSpan]:
    """Spans of top-level quotations (speech and terms), quote marks included."""
    return [q.span for q in find_quotations(text)]


def find_quotations(text: str) -> list[Quote]:
    """Top-level quotations of ``text`` in order; nested quotations are left inside them."""
    quotes: list[Quote] = []
    open_double = -1          # position of the open double mark, or -1
    open_single = -1          # position of an open top-level single mark, or -1
    nested_single = False     # a single quotation is open inside the double one
    seen_double = False
    n = len(text)
    for m in _MARKS.finditer(text):
        i = m.start()
        ch = m.group()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == "\"" and open_double < 0 and prev.isdigit():
            continue  # an inch mark: "a 55\" screen", "the 65\"+ models"
        if ch in "“”\"":
            role = double_role(ch, prev, nxt)
            if open_double < 0:
                if role == "close" and not seen_double and open_single < 0 and not quotes:
                    # Nothing opened in this paragraph: the quotation began in an earlier one.
                    quotes.append(Quote(0, i + 1, 0, i, opened=False))
                elif role != "close":
                    if open_single >= 0:
                        open_single = -1  # a double quote cannot sit inside a single one here
                    open_double = i
                    nested_single = False
            elif ch == "“":
                # A second curly opening mark: the first quotation was never closed.
                quotes.append(Quote(open_double, i, open_double + 1, i, closed=False))
                open_double = i
                nested_single = False
            else:
                quotes.append(Quote(open_double, i + 1, open_double + 1, i))
                open_double = -1
            seen_double = True
            continue
        # Single marks.
        role = _single_role(ch, prev, nxt, text, i)
        if open_double >= 0:
            if role == "open" and not nested_single:
                nested_single = True
            elif role == "close" and nested_single:
                nested_single = False
            continue
        if open_single < 0:
            if role == "open":
                open_single = i
        elif role == "close":
            if i - open_single > 1:
                quotes.append(Quote(open_single, i + 1, open_single + 1, i, double=False))
            open_single = -1
    if open_double >= 0:
        quotes.append(Quote(open_double, n, open_double + 1, n, closed=False))
    return quotes


def double_role(ch: str, prev: str, nxt: str) -> str:
    """"open", "close" or "toggle" (either) for a double quotation mark between ``prev`` and
    ``nxt``: curly marks say which way they face, a straight one is read from its neighbours."""
    if ch == "“":
        return "open"
    if ch == "”":
        return "close"
    opens = prev in _OPENING_CONTEXT or prev == " "
    closes = nxt in _CLOSING_CONTEXT
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "toggle"


def _single_role(ch: str, prev: str, nxt: str, text: str, i: int) -> str:
    """"open", "close" or "apostrophe" for a single quote mark at ``i``."""
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"  # Trump’s, don't, rock'n'roll
    if ch in "‘'’" and prev in _OPENING_CONTEXT and (nxt.isalnum() or nxt in "“\"$£€("):
        if _ELISION.match(text, i + 1):
            return "apostrophe"  # ’90s, ’em
        if ch == "’" and not nxt.isalpha():
            return "apostrophe"
        return "open"
    if ch in "’'" and not prev.isspace() and (nxt in _CLOSING_CONTEXT or i + 1 >= len(text)):
        return "close"
    return "apostrophe"


def inner_text(text: str, quote: Quote) -> str:
    return text[quote.inner_start:quote.inner_end]


def is_speech(text: str, quote: Quote, min_words: int = 5) -> bool:
    """True when ``quote`` reads as someone's words rather than a quoted term.

    A quotation that runs across paragraphs is speech. Otherwise it is speech when it has at
    least ``min_words`` words, or when it is one short full sentence of three words or more
    (capital letter first, sentence punctuation inside the closing mark, as in “We will
    appeal.”). Shorter or choppier quotations — “Rain. We're ready.”, “Step out.” — and a
    quoted phrase after an article (the “Uber of ferries”) are slogans, orders and scare
    quotes far more often than a speaker's statement, and are left alone, as are short quoted
    questions (“Is streaming the future of gaming?”) and a quotation used as a noun ("“Don't
    jerk and drive,” meant to discourage …"). Titles in title case, quotations introduced as a
    title or label ("a film called …", "a sign reading …", "the central theme ‘…’", "The
    tagline? “…”") and single-quoted words are terms.
    """
    if not quote.opened or not quote.closed:
        return True
    inner = inner_text(text, quote).strip()
    words = _WORD.findall(inner)
    if not words:
        return False
    before = text[max(0, quote.start - 40):quote.start]
    if _TERM_CUES.search(before) or _NOUN_USE_AFTER.match(text, quote.end):
        return False
    if inner.rstrip("\"'”’").endswith("?") and len(words) < SHORT_QUESTION_WORDS:
        return False  # “Is streaming the future of gaming?”: the writer's question, a headline
    ends_like_sentence = inner[-1:] in ".!?,…" or inner.endswith(("—", "–", "-", "..."))
    if not ends_like_sentence and text[quote.end:quote.end + 1] in (".", "!", "?"):
        # British punctuation outside the marks: a quotation that is the whole sentence
        # ("“It was incredible”.") is still a sentence.
        ends_like_sentence = not text[:quote.start].strip() or bool(
            re.search(r"[.!?][\"”’)]*\s*$", text[:quote.start]))
    if _looks_like_title(words) and (len(words) <= 6 or not ends_like_sentence):
        return False
    if len(words) >= min_words:
        return True
    return (len(words) >= 3 and inner[:1].isupper() and ends_like_sentence
            and not _SENTENCE_BREAK.search(inner) and not _DETERMINER_BEFORE.search(before))


def _looks_like_title(words: list[str]) -> bool:
    """Every significant word capitalised: “Band on the Run”, “Operation Warp Speed”."""
    if len(words) > 12:
        return False  # before looking at each word: most quotations are long sentences
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return (len(significant) >= 1
            and all(w[:1].isupper() or w[:1].isdigit() for w in significant)
            and len(significant) >= 2)


_LEADING_MARKUP = LazyPattern(r"^[\s\[\](.…'‘’\"“”-]*")


def is_fragment(text: str, quote: Quote) -> bool:
    """A quoted phrase worked into the writer's sentence ("called it “a disgrace to the city”"),
    as opposed to a quoted sentence: it starts with a lower-case letter."""
    inner = inner_text(text, quote)
    rest = inner[_LEADING_MARKUP.match(inner).end():]
    return bool(rest) and rest[0].islower()
