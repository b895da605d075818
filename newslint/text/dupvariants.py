"""Copies across files that an editor does not count as copies.

Two kinds of paragraph recur across the stories of a run by design:

- a *series template*: the same words with the figures and dates changed — "The following
  is the third edition of a monthly series …" in each month's edition, "As the campaign
  shifted to August, … 49.4 percent to 42.0 percent." against July's figures;
- a *shared quotation*: the same line of a press release or a speaker, quoted by two stories.
  Each story credits its speaker; that both quote the line is reporting, not a copy.

Exact copies and paragraphs whose changed words are words (not only figures and dates) are
still copies.
"""

from __future__ import annotations

import difflib
import re

from newslint.text.dupmatch import normalise, words

_SLOTS = {
    "ordinal": frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth
        eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth
        nineteenth twentieth""".split()),
    "month": frozenset("""january february march april may june july august september october
        november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()),
    "weekday": frozenset("monday tuesday wednesday thursday friday saturday sunday".split()),
}
_SLOT_OF = {word: kind for kind, names in _SLOTS.items() for word in names}
_CARDINALS = frozenset("""one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
seventy eighty ninety hundred thousand million billion""".split())

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*(?:st|nd|rd|th|s|%)?$")

#: A paragraph at least this much inside quotation marks is mostly a quotation.
QUOTED_SHARE = 0.5


def _variable(word: str) -> bool:
    return _slot(word) is not None


def _slot(word: str):
    """What kind of slot a word fills: a figure, an ordinal, a month, a weekday (or None)."""
    if _NUMBER.match(word) or word in _CARDINALS:
        return "figure"
    return _SLOT_OF.get(word)


#: Besides its figures and dates, a template's sentence may change this many words on each
#: side ("As the campaign reached July" / "As the campaign shifted to August").
TEMPLATE_OTHER_WORDS = 2


def is_series_template(a: str, b: str) -> bool:
    """``a`` and ``b`` put different figures, ordinals, months or weekdays in the same slots
    ("second" / "third", "49.7" / "49.4", "July" / "August"), and differ in at most
    ``TEMPLATE_OTHER_WORDS`` other words on each side. A word replaced by a date or a figure is not a slot filled
    differently: "said on Saturday" for "said in October" is an edit of a copy."""
    wa, wb = words(a), words(b)
    slots = other_a = other_b = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        old, new = wa[i1:i2], wb[j1:j2]
        kinds = {_slot(w) for w in old + new}
        if old and new and len(kinds) == 1 and None not in kinds:
            slots += 1  # the same slot filled differently: "second" / "third"
            continue
        other_a += sum(not _variable(w) for w in old)
        other_b += sum(not _variable(w) for w in new)
    return slots > 0 and max(other_a, other_b) <= TEMPLATE_OTHER_WORDS


#: Each story's own attribution: the words outside the quotation marks differ by this many.
OWN_ATTRIBUTION_WORDS = 3


def _quoted(text: str) -> list[tuple[int, int]]:
    from newslint.text.quotes import find_quotations, is_speech

    return [(q.inner_start, q.inner_end) for q in find_quotations(text) if is_speech(text, q)]


def _outside(text: str, spans) -> str:
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(text[at:start])
        at = end
    return " ".join(pieces + [text[at:]])


#: The words around a quotation that only attribute it: at most this many, in one sentence.
ATTRIBUTION_MAX_WORDS = 20
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")


def _attribution_only(outside: str) -> bool:
    return (len(words(outside)) <= ATTRIBUTION_MAX_WORDS
            and not _SENTENCE_BREAK.search(outside.strip()))


def is_shared_quotation(a: str, b: str) -> bool:
    """``a`` and ``b`` are mostly a quotation, and the same one (the words inside the marks
    of one are in the other), each with nothing but its own attribution around it: the words
    outside the marks are one short clause and differ by ``OWN_ATTRIBUTION_WORDS`` or more ("…,” Paganini added." / "…,” lead researcher
    Lucas Paganini said in a NASA statement."). A copy with its attribution intact, or
    with a word of it changed, is a copy."""
    qa, qb = _quoted(a), _quoted(b)
    if not qa or not qb:
        return False
    for text, spans in ((a, qa), (b, qb)):
        if sum(e - s for s, e in spans) < QUOTED_SHARE * len(text.strip()):
            return False
    inner_a = normalise(" ".join(a[s:e] for s, e in qa))
    inner_b = normalise(" ".join(b[s:e] for s, e in qb))
    shorter, longer = sorted((inner_a, inner_b), key=len)
    if shorter not in longer:
        return False
    outside_a, outside_b = _outside(a, qa), _outside(b, qb)
    if not (_attribution_only(outside_a) and _attribution_only(outside_b)):
        return False
    oa, ob = words(outside_a), words(outside_b)
    changed = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in
                  difflib.SequenceMatcher(None, oa, ob, autojunk=False).get_opcodes()
                  if op != "equal")
    return changed >= OWN_ATTRIBUTION_WORDS
