"""Repeated paragraphs and sentences inside one document.

Kept apart from the rule classes so that the sentence rule can ask which paragraphs the
paragraph rule reports (a sentence inside a repeated paragraph is not reported a second time).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from newslint.document import Block, Document, TextSpan
from newslint.text.dupindex import SketchIndex
from newslint.text.dupmatch import (Similarity, exact_key, near_repeat, normalise, sketch,
                                     word_ids, words)

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


@dataclass(frozen=True)
class Repeat:
    """A later passage that repeats an earlier one (``similarity`` is None for exact repeats)."""

    later: Passage
    earlier: Passage
    similarity: Optional[Similarity]

    @property
    def exact(self) -> bool:
        return self.similarity is None


def passages(doc: Document, min_words: int) -> list[Passage]:
    """Prose blocks of ``doc`` with at least ``min_words`` words."""
    found = []
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS:
            continue
        text = normalise(block.prose)
        ids = word_ids(text, normalised=True)
        if len(ids) >= max(min_words, 1):
            found.append(Passage(block, ids, exact_key(text, normalised=True)))
    return found


def paragraph_repeats(doc: Document, threshold: float, min_words: int,
                      near_min_words: int) -> list[Repeat]:
    """Every prose block that repeats an earlier one, exactly or nearly, in document order.

    Blocks of ``min_words`` words or more are compared; near (not exact) repeats need
    ``near_min_words`` in both copies. Each later copy is paired with the earlier block it
    resembles most (the first of several equally close ones).
    """
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
        index.add(sketch(p.ids, SKETCH_SIZE) if len(p.ids) >= near_min_words else ())
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
    seen: dict[int, tuple[Block, TextSpan]] = {}
    found = []
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS:
            continue
        for sentence in block.sentences:
            text = normalise(block.sentence_text(sentence))
            if len(words(text, normalised=True)) < max(min_words, 1):
                continue
            key = exact_key(text, normalised=True)
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = (block, sentence)
            elif id(block) not in skip:
                found.append(SentenceRepeat(block, sentence, *earlier))
    return found
