"""Repeated paragraphs and sentences inside one document.

Kept apart from the rule classes so that the sentence rule can ask which paragraphs the
paragraph rule reports (a sentence inside a repeated paragraph is not reported a second time).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Optional

import re

from newslint.document import Block, Document, TextSpan
from newslint.text.embeds import embed_blocks
from newslint.text.memo import remember_last
from newslint.text.patterns import AsciiPattern, ends_with_mark
from newslint.text.transcripts import labelled_or_questions, spoken_blocks
from newslint.text.dupindex import SketchIndex
from newslint.text.dupmatch import (Similarity, exact_key, near_repeat, normalise, sketch,
                                     word_ids, words)

#: Key of this module's entry in ``Document.cache``.
_CACHE_KEY = __name__

#: Block kinds compared for repeats: article prose. Headlines, headings and datelines are short
#: and legitimately echo the body; captions are left to page-furniture rules.
PROSE_KINDS = ("paragraph", "blockquote", "list_item")

#: Shingle hashes sampled per passage to find candidate pairs (see ``dupmatch.sketch``).
SKETCH_SIZE = 16

#: Candidate pairs must share this many sampled hashes (all of them for very short passages).
MIN_SHARED = 2


@dataclass(frozen=True)
class Passage:
    """A prose block ready for comparison."""

    block: Block
    ids: list  # word ids, in order
    key: int  # exact key of the normalised text

    @cached_property
    def sketch(self) -> tuple[int, ...]:
        """Sampled shingle hashes (``SKETCH_SIZE`` of them), computed on first use."""
        return sketch(self.ids, SKETCH_SIZE)


@dataclass(frozen=True)
class Repeat:
    """A later passage that repeats an earlier one (``similarity`` is None for exact repeats)."""

    later: Passage
    earlier: Passage
    similarity: Optional[Similarity]

    @property
    def exact(self) -> bool:
        return self.similarity is None


def _cache(doc: Document) -> dict:
    """This module's per-document work: passages and repeats, shared by the duplicate rules."""
    cache = doc.cache.get(_CACHE_KEY)
    if cache is None:
        cache = doc.cache[_CACHE_KEY] = {}
    return cache


#: A list of items: at least this many comma- or semicolon-separated parts ...
ENUMERATION_MIN_PARTS = 3
#: ... of at most this many words each, as a median, most of them opening with a quantity.
ENUMERATION_MEDIAN_WORDS = 10

_LABEL = re.compile(r"^[^\W\d_][^:.!?]{0,40}:\s")
_PART_SPLIT = re.compile(r"[,;]\s")
_WORD = AsciiPattern(r"[^\W_]+", r"[A-Za-z0-9]+")
#: A block that ends a sentence: one of these marks, then closing quotes and brackets (see
#: ``patterns.ends_with_mark``).
_SENTENCE_MARKS = ".!?…"
_CLOSERS = "\"'”’)]"
_QUANTITY = re.compile(r"\W*[\d½¼¾⅓⅔⅛]")


def _median(values) -> float:
    """The median of some numbers, as :func:`statistics.median` gives it (the mean of the two
    middle values of an even count): that module imports random, fractions and decimal, a
    cost every run paid at start-up for this one use."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def is_enumeration(prose: str) -> bool:
    """A block that lists items rather than saying something: "Containers: 1 green, 1 red,
    1 yellow, 1 tsp.", "1 scoop oats, 1 cup strawberries, 8 oz. almond milk".
    Menus, form fields and ingredient lists repeat by design (the same meal on Monday and
    Thursday); a repeated sentence is a different matter."""
    # (a label ends with a colon within the first 42 characters: most blocks have none)
    body, labelled = _LABEL.subn("", prose, count=1) if ":" in prose[:42] else (prose, 0)
    if not labelled and ends_with_mark(prose, _SENTENCE_MARKS, _CLOSERS):
        # A list has no full stop of its own; "there had been 2741 confirmed cases, 80
        # deaths, 461 severe cases …." is a sentence that happens to list figures.
        return False
    parts = [p for p in _PART_SPLIT.split(body) if p.strip()]
    if len(parts) < ENUMERATION_MIN_PARTS:
        return False
    if re.search(r"[.!?]\s+[A-Z]", body):
        return False  # more than one sentence: prose with commas in it
    if 2 * sum(1 for p in parts if _QUANTITY.match(p)) < len(parts):
        return False  # "on December 8, US-based software company …": prose with figures
    return _median(len(_WORD.findall(p)) for p in parts) <= ENUMERATION_MEDIAN_WORDS


#: A short line ("Vote for Olga on the last page!") of at most this many words ...
TEMPLATE_MAX_WORDS = 12
#: ... that the document repeats this often with only its names changed is a template line.
TEMPLATE_MIN_COPIES = 3

_INNER_NAME = re.compile(r"(?<=\s)[^\W\d_]*[A-ZА-ЯЁ][\w’'-]*")


@remember_last  # asked for the in-file and the cross-file comparison alike
def template_lines(blocks) -> frozenset:
    """Indices of short lines that follow a per-item template: the same words around a
    different name each time ("Vote for Olga on the last page!", "Vote for Daria …"). A list
    of contestants or products repeats them by design, including when two items share a
    name."""
    keys = {}
    for i, b in enumerate(blocks):
        # A cheap length test first: most blocks are long sentences.
        if (b.kind in PROSE_KINDS and len(b.prose) < 20 * TEMPLATE_MAX_WORDS
                and len(_WORD.findall(b.prose)) <= TEMPLATE_MAX_WORDS):
            keys.setdefault(_INNER_NAME.sub("#", b.prose.strip()), []).append(i)
    return frozenset(i for group in keys.values() if len(group) >= TEMPLATE_MIN_COPIES
                     for i in group)


def compared_blocks(doc: Document, across_files: bool = False) -> list[Block]:
    """The blocks the duplicate rules compare: article prose, but not interview turns or the
    questions of a Q&A (asked of each interviewee by design, see ``newslint.text.transcripts``),
    embedded posts and video modules (they restate the story by design, see
    ``newslint.text.embeds``), template lines nor lists of items. Across files only labelled turns and questions are left out: an
    unlabelled paragraph found in another file is more often the page's furniture or copied
    text than the same answer given twice."""
    cache = _cache(doc)
    key = ("compared", across_files)
    found = cache.get(key)
    if found is None:
        spoken = (labelled_or_questions if across_files else spoken_blocks)(doc.blocks)
        spoken = spoken | template_lines(doc.blocks) | embed_blocks(doc.blocks)
        found = cache[key] = [
            b for i, b in enumerate(doc.blocks)
            if b.kind in PROSE_KINDS and i not in spoken and not is_enumeration(b.prose)]
    return found


def _all_passages(doc: Document, across_files: bool = False
                  ) -> tuple[list[Passage], dict[int, str]]:
    """Every compared block with a word, and the normalised text of each (by block index)."""
    cache = _cache(doc)
    key = ("passages", across_files)
    found = cache.get(key)
    if found is None:
        items, texts = [], {}
        for block in compared_blocks(doc, across_files):
            passage, text = _passage(cache, block)
            if passage is not None:
                items.append(passage)
            texts[block.index] = text
        found = cache[key] = (items, texts)
    return found


def _passage(cache: dict, block: Block) -> tuple[Optional[Passage], str]:
    """The block's passage (None when it has no word) and its normalised text, made once for
    the in-file and the cross-file comparison, which read mostly the same blocks: the shared
    passage also works out its sketch only once."""
    made = cache.setdefault("passage", {})
    found = made.get(block.index)
    if found is None:
        text = normalise(block.prose)
        ids = word_ids(text, normalised=True)
        passage = Passage(block, ids, exact_key(text, normalised=True)) if ids else None
        found = made[block.index] = (passage, text)
    return found


def passages(doc: Document, min_words: int, across_files: bool = False) -> list[Passage]:
    """Prose blocks of ``doc`` with at least ``min_words`` words (worked out once per document);
    ``across_files`` for the comparison with other files (see ``compared_blocks``)."""
    items = _all_passages(doc, across_files)[0]
    least = max(min_words, 1)
    return [p for p in items if len(p.ids) >= least]


def paragraph_repeats(doc: Document, threshold: float, min_words: int,
                      near_min_words: int) -> list[Repeat]:
    """Every prose block that repeats an earlier one, exactly or nearly, in document order.

    Blocks of ``min_words`` words or more are compared; near (not exact) repeats need
    ``near_min_words`` in both copies. Each later copy is paired with the earlier block it
    resembles most (the first of several equally close ones). The result is kept for the
    document: the paragraph and sentence rules both ask for it.
    """
    cache = _cache(doc)
    key = ("paragraph_repeats", threshold, min_words, near_min_words)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _paragraph_repeats(doc, threshold, min_words, near_min_words)
    return list(found)


def _paragraph_repeats(doc: Document, threshold: float, min_words: int,
                       near_min_words: int) -> list[Repeat]:
    items = passages(doc, min_words)
    best: dict[int, Repeat] = {}

    first_with_key: dict[int, int] = {}
    for i, p in enumerate(items):
        j = first_with_key.setdefault(p.key, i)
        if j != i:
            best[i] = Repeat(p, items[j], None)

    index = SketchIndex()
    for p in items:
        # Passages too short for a near repeat can only repeat exactly: keep them out.
        index.add(p.sketch if len(p.ids) >= near_min_words else ())
    for a, b in index.candidate_pairs(min_shared=MIN_SHARED):
        if b in best and best[b].exact:
            continue
        pa, pb = items[a], items[b]
        sim = near_repeat(pa.ids, pb.ids, threshold, near_min_words)
        if sim is None:
            continue
        current = best.get(b)
        if current is None or sim.ratio > current.similarity.ratio:
            best[b] = Repeat(pb, pa, sim)
    return [best[i] for i in sorted(best)]


@dataclass(frozen=True)
class SentenceRepeat:
    block: Block
    sentence: TextSpan
    earlier_block: Block
    earlier_sentence: TextSpan


def sentence_repeats(doc: Document, min_words: int, skip_blocks=()) -> list[SentenceRepeat]:
    """Sentences (normalised) that repeat an earlier sentence of the document.

    Sentences of blocks in ``skip_blocks`` (later copies of repeated paragraphs, already
    reported) are still remembered as earlier occurrences but never reported.
    """
    skip = {id(b) for b in skip_blocks}
    least = max(min_words, 1)
    block_texts = _all_passages(doc)[1]
    # Sentences are told apart by their normalised text itself.
    seen: dict[str, tuple[Block, TextSpan]] = {}
    found = []
    for block in compared_blocks(doc):
        prose = block.prose
        for sentence in block.sentences:
            if sentence.start == 0 and sentence.end == len(prose):
                text = block_texts[block.index]  # the whole block, normalised already
            else:
                text = normalise(prose[sentence.start:sentence.end])
            # Short sentences are remembered too: equal texts have equal lengths, so counting
            # the words of repeated sentences only (a few per article) decides the same.
            earlier = seen.get(text)
            if earlier is None:
                seen[text] = (block, sentence)
            elif id(block) not in skip and len(words(text, normalised=True)) >= least:
                found.append(SentenceRepeat(block, sentence, *earlier))
    return found
