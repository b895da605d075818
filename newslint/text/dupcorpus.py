"""Repeated paragraphs across the files of one run.

Each document is fingerprinted where it was parsed (:func:`fingerprint`): per prose block, its
resolved location, an exact key, its word ids and a sketch of sampled shingle hashes, held in a
few flat arrays per document (:class:`Fingerprints`). The main process then groups exact keys
with a dictionary and finds near repeats through a :class:`~newslint.text.dupindex.SketchIndex`,
comparing word by word only the candidate pairs.
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


@dataclass
class Fingerprints:
    """What the corpus rule keeps of one document's prose blocks (compact and picklable).

    One document's passages sit in flat arrays rather than one object each: the main process
    holds these for every file of the run. Passage ``i`` has ``keys[i]`` (exact key),
    ``words[i]`` (its number of words) and the location ``spans[6 * i:6 * i + 6]`` (offset,
    length, line, column, end line, end column) with ``excerpts[i]``. Word ids and sampled
    shingle hashes, only needed to find near repeats, are kept for passages of at least
    ``near_min_words`` words: ``ids[id_starts[i]:id_starts[i + 1]]`` and
    ``sketches[sketch_starts[i]:sketch_starts[i + 1]]`` (empty for shorter passages).
    """

    path: str
    keys: array  # "Q"
    words: array  # "I"
    spans: array  # "q", six numbers per passage
    excerpts: list
    ids: array  # word ids ("Q": unsigned 64-bit)
    id_starts: array  # "Q", one more than there are passages
    sketches: array  # sampled shingle hashes ("q": shingle hashes are signed)
    sketch_starts: array  # "Q", one more than there are passages

    def __len__(self) -> int:
        return len(self.keys)

    def span(self, i: int) -> Span:
        offset, length, line, column, end_line, end_column = self.spans[6 * i:6 * i + 6]
        return Span(self.path, offset, length, line, column, end_line, end_column,
                    self.excerpts[i])

    def ids_of(self, i: int) -> array:
        return self.ids[self.id_starts[i]:self.id_starts[i + 1]]

    def sketch_of(self, i: int) -> array:
        return self.sketches[self.sketch_starts[i]:self.sketch_starts[i + 1]]


def fingerprint(doc: Document, min_words: int, near_min_words: int = 0) -> Fingerprints:
    """Fingerprints of the passages of ``doc`` with ``min_words`` words or more.

    Passages shorter than ``near_min_words`` can only repeat exactly: they keep no word ids or
    sketch.
    """
    prints = Fingerprints(doc.path, array("Q"), array("I"), array("q"), [], array("Q"),
                          array("Q", [0]), array("q"), array("Q", [0]))
    for p in passages(doc, min_words, across_files=True):
        span = doc.block_span(p.block, 0, len(p.block.prose))
        prints.keys.append(p.key)
        prints.words.append(len(p.ids))
        prints.spans.extend((span.offset, span.length, span.line, span.column, span.end_line,
                             span.end_column))
        prints.excerpts.append(span.excerpt)
        if len(p.ids) >= near_min_words:
            prints.ids.extend(p.ids)
            prints.sketches.extend(p.sketch)
        prints.id_starts.append(len(prints.ids))
        prints.sketch_starts.append(len(prints.sketches))
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
    ``items`` is ``[(DocInfo, Fingerprints), ...]``. Text found in more than
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
    summaries: list[Fingerprints] = []
    # Passages of all files, numbered in order: their file, number in the file, key and length.
    doc_of: list[int] = []
    local: list[int] = []
    keys: list[int] = []
    lengths: list[int] = []
    for d, (info, summary) in enumerate(items):
        infos.append(info)
        summaries.append(summary)
        if not summary:
            continue
        n = len(summary)
        doc_of.extend([d] * n)
        local.extend(range(n))
        keys.extend(summary.keys)
        lengths.extend(summary.words)
    if len(infos) < 2:
        return []

    def span(i: int) -> Span:
        return summaries[doc_of[i]].span(local[i])

    # Neighbours of each passage in other files, with how they match (None: exactly).
    links: dict[int, dict[int, Optional[Similarity]]] = {}

    def link(a: int, b: int, sim: Optional[Similarity]) -> None:
        links.setdefault(a, {})[b] = sim
        links.setdefault(b, {})[a] = sim

    by_key: dict[int, list[int]] = {}
    for i, key in enumerate(keys):
        by_key.setdefault(key, []).append(i)
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
    for i, n in enumerate(lengths):
        # Passages too short for a near repeat can only repeat exactly: keep them out.
        index.add(summaries[doc_of[i]].sketch_of(local[i]) if n >= near_min_words else ())
    # A sampled hash shared by many more files than the cap is a common phrase or boilerplate.
    key_limit = max(2 * max_document_frequency, 10)
    for a, b in index.candidate_pairs(doc_of, MIN_SHARED, key_limit):
        if keys[a] == keys[b]:
            continue  # exact: handled above (or over the cap)
        sim = near_repeat(summaries[doc_of[a]].ids_of(local[a]),
                          summaries[doc_of[b]].ids_of(local[b]), threshold, near_min_words)
        if sim is not None:
            link(a, b, sim)

    return repeats_from_links(links, doc_of, infos, span, max_document_frequency)


def repeats_from_links(links: dict, doc_of, infos, span, max_document_frequency: int
                       ) -> list[CrossRepeat]:
    """The report of a run's links between passages of different files.

    ``links`` maps a passage number to ``{neighbour: similarity or None (exact)}``, both
    ways; passages are numbered in the order of their documents, and within a document in
    order. ``doc_of[i]`` is the document of passage ``i``, ``infos[d]`` its
    :class:`~newslint.rule.DocInfo` and ``span(i)`` its location. Shared by the run on
    this machine and the cluster's merged index, so that both report alike.
    """
    found = []
    for i in sorted(links):
        neighbours = links[i]
        docs = {doc_of[i]} | {doc_of[j] for j in neighbours}
        if len(docs) > max_document_frequency:
            continue
        mine = infos[doc_of[i]]
        if not any(earlier(infos[doc_of[j]], mine) for j in neighbours):
            continue  # the first appearance is not a copy
        spans = {j: span(j) for j in neighbours}
        order = sorted(neighbours, key=lambda j: _order_key(infos[doc_of[j]], spans[j]))
        copies = [(spans[j], neighbours[j]) for j in order]
        first = next(c for j, c in zip(order, copies) if earlier(infos[doc_of[j]], mine))
        found.append(CrossRepeat(span(i), copies, first))
    return found


def _order_key(info, span: Span):
    # Dated files first, by date, then the rest by path (the order ``earlier`` mostly agrees with).
    return (info.pub_date is None, info.pub_date or 0, info.path, span.offset)
