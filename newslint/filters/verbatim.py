"""Words that are not the writer's to change: quoted speech and passages in another language.

A doubled word in a coach's quotation ("good good"), "Internet" in an interviewee's answer: an
editor leaves a speaker's words as they were said or written. Reduplication in an Indonesian
passage ("biasa biasa") is not a doubled English word. Rules about the writer's own wording say so with two class attributes:

- ``checks_speech = False``: matches inside quoted speech, block quotations and interviewees'
  answers (:func:`newslint.languagetool.speech.speech_spans`) are dropped;
- ``english_only = True``: matches inside a block whose words are not English by the share
  of English function words (:func:`newslint.text.english.looks_english`, six words or more)
  are dropped. That test costs nothing; the language-identification model (0.5 s to load per
  process) is left to LanguageTool.

Speech is worked out at most once per document, and only when such a rule has a match.
"""

from __future__ import annotations

import bisect
import re

#: A block this short is read as English: too few words to tell.
MIN_BLOCK_WORDS = 6

#: An editor's insertion inside a quotation: "[the senator]".
_BRACKETED = re.compile(r"\[[^\[\]]*\]")


class VerbatimSpans:
    """Where one document quotes someone, and which of its blocks are in another language."""

    def __init__(self, doc):
        self.doc = doc
        self._speech = None
        self._foreign: dict = {}  # block index -> not English

    def keeps(self, rule, match) -> bool:
        """Whether ``match`` of ``rule`` is reported (a corpus rule's resolved span always is)."""
        return match.span is not None or not self.drops(rule, match.offset, match.length)

    def drops(self, rule, offset: int, length: int) -> bool:
        """Whether a match of ``rule`` at source ``[offset, offset + length)`` is dropped."""
        if not getattr(rule, "checks_speech", True) and _covers(self.speech, offset, length):
            return True
        return getattr(rule, "english_only", False) and self._in_other_language(offset)

    @property
    def speech(self) -> tuple[list, list]:
        if self._speech is None:
            from newslint.languagetool.speech import speech_spans

            self._speech = _source_spans(self.doc, speech_spans(self.doc))
        return self._speech

    def _in_other_language(self, offset: int) -> bool:
        from newslint.text.english import looks_english

        for block in self.doc.blocks:
            if block.start <= offset < block.end:
                if block.index not in self._foreign:
                    self._foreign[block.index] = not looks_english(block.prose,
                                                                   MIN_BLOCK_WORDS)
                return self._foreign[block.index]
        return False


def _source_spans(doc, by_block: dict) -> tuple[list, list]:
    """Sorted source ``(starts, ends)`` of prose spans given per block index.

    An editor's [bracketed insertion] inside a quotation is the writer's, so it is cut out.
    """
    pieces = []
    blocks = {b.index: b for b in doc.blocks}
    for index, spans in by_block.items():
        block = blocks.get(index)
        if block is None:
            continue
        for s in spans:
            for start, end in _without_brackets(block.prose, s.start, s.end):
                if end > start:
                    off, length = block.source_span(start, end)
                    pieces.append((off, off + length))
    # Merged into disjoint spans, so that one bisection finds the span around a match.
    merged: list = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [m[0] for m in merged], [m[1] for m in merged]


def _without_brackets(prose: str, start: int, end: int) -> list:
    parts, at = [], start
    for m in _BRACKETED.finditer(prose, start, end):
        parts.append((at, m.start()))
        at = m.end()
    parts.append((at, end))
    return parts


def _covers(spans: tuple[list, list], offset: int, length: int) -> bool:
    starts, ends = spans
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and ends[k] >= offset + length
