"""Repeated paragraphs across the files of one run.

Each document is fingerprinted where it was parsed (:func:`fingerprint`): per prose block, its
resolved location, an exact key, its word ids and a sketch of sampled shingle hashes. The main
process then groups exact keys with a dictionary and finds near repeats through a
:class:`~newslint.text.dupindex.SketchIndex`, comparing word by word only the candidate pairs.
"""

from __future__ import annotations

import gc
from array import array
from dataclasses import dataclass
from typing import Optional

from newslint.document import Document
from newslint.finding import Span
from newslint.text.dupindex import SketchIndex
from newslint.text.dupmatch import Similarity, near_repeat
from newslint.text.duprepeats import MIN_SHARED, passages


@dataclass(frozen=True)
class Fingerprint:
    """What the corpus rule keeps of one prose block (small and picklable).

    Word ids and the sketch are only needed to find near repeats: they are left empty for a
    passage too short to be one, which then repeats only through its exact key.
    """

    span: Span
    key: int
    words: int  # how many words the passage has
    ids: array  # word ids ("Q": unsigned 64-bit), compact to pickle and to hold
    sketch: array  # sampled shingle hashes ("q": shingle hashes are signed)


_NO_IDS = array("Q")
_NO_SKETCH = array("q")


def fingerprint(doc: Document, min_words: int, near_min_words: int = 0) -> list[Fingerprint]:
    """Fingerprints of the passages of ``doc`` with ``min_words`` words or more.

    Passages shorter than ``near_min_words`` keep no word ids or sketch.
    """
    prints = []
    for p in passages(doc, min_words):
        span = doc.block_span(p.block, 0, len(p.block.prose))
        if len(p.ids) >= near_min_words:
            prints.append(Fingerprint(span, p.key, len(p.ids), array("Q", p.ids),
                                      array("q", p.sketch)))
        else:
            prints.append(Fingerprint(span, p.key, len(p.ids), _NO_IDS, _NO_SKETCH))
    return prints


def earlier(a, b) -> bool:
    """True when document ``a`` comes before ``b``: by date when both have one, else by path."""
    if a.pub_date is not None and b.pub_date is not None and a.pub_date != b.pub_date:
        return a.pub_date < b.pub_date
    return (a.path, a.order) < (b.path, b.order)


@dataclass
class CrossRepeat:
    """A passage with copies in earlier files. ``copies`` lists every copy in another file."""

    span: Span
    copies: list  # [(Span, Optional[Similarity])], earliest file first; None means exact
    first: tuple  # the copy in the earliest file: (Span, Optional[Similarity])


def cross_file_repeats(items: list, threshold: float, near_min_words: int,
                       max_document_frequency: int) -> list[CrossRepeat]:
    """Passages repeated in other files, reported on every copy but the earliest.

    Near (not exact) repeats need ``near_min_words`` words in both copies.
    ``items`` is ``[(DocInfo, [Fingerprint, ...]), ...]``. Text found in more than
    ``max_document_frequency`` files is skipped: that is boilerplate, not a copy error.
    """
    # The index holds millions of small objects and none of them form cycles: pausing the
    # cyclic garbage collector saves it from walking them again and again as they are built.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _cross_file_repeats(items, threshold, near_min_words, max_document_frequency)
    finally:
        if paused:
            gc.enable()


def _cross_file_repeats(items: list, threshold: float, near_min_words: int,
                        max_document_frequency: int) -> list[CrossRepeat]:
    infos = []
    prints: list[Fingerprint] = []
    doc_of: list[int] = []
    for d, (info, summary) in enumerate(items):
        infos.append(info)
        for fp in summary or ():
            prints.append(fp)
            doc_of.append(d)
    if len(infos) < 2:
        return []

    # Neighbours of each passage in other files, with how they match (None: exactly).
    links: dict[int, dict[int, Optional[Similarity]]] = {}

    def link(a: int, b: int, sim: Optional[Similarity]) -> None:
        links.setdefault(a, {})[b] = sim
        links.setdefault(b, {})[a] = sim

    by_key: dict[int, list[int]] = {}
    for i, fp in enumerate(prints):
        by_key.setdefault(fp.key, []).append(i)
    for members in by_key.values():
        if len(members) < 2:
            continue
        docs = {doc_of[i] for i in members}
        if len(docs) < 2 or len(docs) > max_document_frequency:
            continue
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if doc_of[a] != doc_of[b]:
                    link(a, b, None)

    index = SketchIndex()
    for fp in prints:
        # Passages too short for a near repeat can only repeat exactly: keep them out.
        index.add(fp.sketch if fp.words >= near_min_words else ())
    # A sampled hash shared by many more files than the cap is a common phrase or boilerplate.
    key_limit = max(2 * max_document_frequency, 10)
    for a, b in index.candidate_pairs(doc_of, MIN_SHARED, key_limit):
        pa, pb = prints[a], prints[b]
        if pa.key == pb.key:
            continue  # exact: handled above (or over the cap)
        sim = near_repeat(pa.ids, pb.ids, threshold, near_min_words)
        if sim is not None:
            link(a, b, sim)

    found = []
    for i in sorted(links):
        neighbours = links[i]
        docs = {doc_of[i]} | {doc_of[j] for j in neighbours}
        if len(docs) > max_document_frequency:
            continue
        mine = infos[doc_of[i]]
        if not any(earlier(infos[doc_of[j]], mine) for j in neighbours):
            continue  # the first appearance is not a copy
        order = sorted(neighbours, key=lambda j: _order_key(infos[doc_of[j]], prints[j].span))
        copies = [(prints[j].span, neighbours[j]) for j in order]
        first = next(c for j, c in zip(order, copies) if earlier(infos[doc_of[j]], mine))
        found.append(CrossRepeat(prints[i].span, copies, first))
    return found


def _order_key(info, span: Span):
    # Dated files first, by date, then the rest by path (the order ``earlier`` mostly agrees with).
    return (info.pub_date is None, info.pub_date or 0, info.path, span.offset)
