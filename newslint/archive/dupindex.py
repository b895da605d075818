"""The cross-file duplicate index of a cluster run, merged from per-partition pieces.

On this machine ``duplicate-across-files`` keeps every document's fingerprints in the main
process and indexes them there. A cluster run keeps them where they were made:

1. **pieces**: the task that checks a partition keeps its documents' fingerprints as a
   :class:`Piece` on the worker, and only the findings go to the client;
2. **hash buckets**: each piece is split by exact key and by sampled shingle hash into
   ``buckets`` slices (:func:`split`); one task per bucket gathers that bucket's slice of every
   piece and finds what the bucket alone can tell (:func:`bucket_links`): pairs of passages
   with the same exact key, and how many sampled hashes pairs of passages share there;
3. **merge**: one task adds the buckets' counts up (:func:`merge`) and keeps the pairs that
   share enough hashes to be compared: the *candidates*;
4. only the candidates' locations and word ids come back to the client (:func:`extract`), which
   compares them word by word and reports exactly as a run on this machine does
   (:func:`newslint.text.dupcorpus.repeats_from_links`).

The client's memory then grows with the copies found, not with the archive. A passage is
numbered ``part << 32 | n`` (its partition, its number there), a document likewise.
"""

from __future__ import annotations

from array import array
from collections import Counter
from itertools import combinations

from newslint.text.duprepeats import MIN_SHARED

#: The rule whose index is merged on the cluster.
RULE = "duplicate-across-files"

_SHIFT = 32


class Piece:
    """One partition's fingerprints: ``prints[k]`` is the
    :class:`~newslint.text.dupcorpus.Fingerprints` of its document ``docs[k]`` (the document's
    place in the partition's outcomes); passages are numbered across them in order."""

    __slots__ = ("docs", "prints", "starts")

    def __init__(self, docs: list, prints: list):
        self.docs = docs
        self.prints = prints
        self.starts = [0]
        for p in prints:
            self.starts.append(self.starts[-1] + len(p))

    def __getstate__(self):
        return (self.docs, self.prints)

    def __setstate__(self, state):
        self.__init__(*state)

    def __len__(self) -> int:
        return self.starts[-1]

    def locate(self, n: int) -> tuple:
        """``(document, fingerprints, passage number in the document)`` of passage ``n``."""
        from bisect import bisect_right

        k = bisect_right(self.starts, n) - 1
        return self.docs[k], self.prints[k], n - self.starts[k]


def take_piece(outcomes: list) -> Piece:
    """Move the duplicate index's summaries out of ``outcomes`` into a :class:`Piece`."""
    docs, prints = [], []
    for k, fo in enumerate(outcomes):
        summary = fo.corpus.pop(RULE, None)
        if summary is not None:
            docs.append(k)
            prints.append(summary)
    return Piece(docs, prints)


def split(piece: Piece, part: int, buckets: int, near_min_words: int) -> list:
    """``buckets`` slices of ``piece``: ``(exact, sketch)`` where ``exact`` holds
    ``(key, passage, document)`` arrays and ``sketch`` ``(hash, passage, document, key,
    size)`` arrays (size: the passage's number of distinct sampled hashes)."""
    slices = [((array("Q"), array("Q"), array("Q")),
               (array("q"), array("Q"), array("Q"), array("Q"), array("I")))
              for _ in range(buckets)]
    base = part << _SHIFT
    n = 0
    for doc, prints in zip(piece.docs, piece.prints):
        d = base | doc
        for i in range(len(prints)):
            g = base | n
            n += 1
            key = prints.keys[i]
            ex = slices[key % buckets][0]
            ex[0].append(key)
            ex[1].append(g)
            ex[2].append(d)
            if prints.words[i] < near_min_words:
                continue  # can only repeat exactly, as on this machine
            hashes = set(prints.sketch_of(i))
            for h in hashes:
                sk = slices[h % buckets][1]
                sk[0].append(h)
                sk[1].append(g)
                sk[2].append(d)
                sk[3].append(key)
                sk[4].append(len(hashes))
    return slices


def bucket_links(max_document_frequency: int, key_limit: int, *slices) -> tuple:
    """What one bucket tells: ``(exact pairs, shared-hash counts, passage facts)``.

    Exact pairs join passages of different documents with the same key when 2 to
    ``max_document_frequency`` documents have it. Shared-hash counts are per pair of passages of
    different documents; a hash carried by more than ``key_limit`` documents is skipped (a
    common phrase). Passage facts: ``{passage: (key, size)}`` for the passages counted.
    """
    by_key: dict = {}
    postings: dict = {}
    facts: dict = {}
    for (ex_key, ex_pass, ex_doc), (sk_hash, sk_pass, sk_doc, sk_key, sk_size) in slices:
        for key, g, d in zip(ex_key, ex_pass, ex_doc):
            by_key.setdefault(key, []).append((g, d))
        for h, g, d, key, size in zip(sk_hash, sk_pass, sk_doc, sk_key, sk_size):
            postings.setdefault(h, []).append((g, d))
            facts[g] = (key, size)
    exact = []
    for members in by_key.values():
        if len(members) < 2:
            continue
        docs = {d for _, d in members}
        if len(docs) < 2 or len(docs) > max_document_frequency:
            continue
        exact.extend((a, b) for (a, da), (b, db) in combinations(members, 2) if da != db)
    shared: Counter = Counter()
    for items in postings.values():
        if len(items) < 2:
            continue
        if len(items) > key_limit and len({d for _, d in items}) > key_limit:
            continue
        shared.update((min(a, b), max(a, b)) for (a, da), (b, db) in combinations(items, 2)
                      if da != db)
    return exact, shared, {g: facts[g] for pair in shared for g in pair}


def merge(*buckets) -> tuple:
    """``(exact pairs, candidate pairs)`` over all buckets: candidates share at least
    ``MIN_SHARED`` sampled hashes (all of them for a passage with fewer) and differ in key."""
    exact: list = []
    shared: Counter = Counter()
    facts: dict = {}
    for b_exact, b_shared, b_facts in buckets:
        exact.extend(b_exact)
        shared.update(b_shared)
        facts.update(b_facts)
    candidates = []
    for (a, b), n in shared.items():
        (key_a, size_a), (key_b, size_b) = facts[a], facts[b]
        if key_a != key_b and n >= min(MIN_SHARED, size_a, size_b):
            candidates.append((a, b))
    return exact, candidates


def extract(piece: Piece, spans: list, ids: list) -> dict:
    """``{passage number in the piece: (document, span, word ids or None)}`` for the passages
    asked (``spans``: a location only; ``ids``: word ids too)."""
    want_ids = set(ids)
    out = {}
    for n in set(spans) | want_ids:
        doc, prints, i = piece.locate(n)
        out[n] = (doc, prints.span(i), prints.ids_of(i) if n in want_ids else None)
    return out


def split_id(g: int) -> tuple:
    """``(partition, number)`` of a passage or document number."""
    return g >> _SHIFT, g & ((1 << _SHIFT) - 1)



def merged_repeats(client, pieces: dict, part_outcomes: dict, outcomes: list, options,
                   buckets: int) -> list:
    """The :class:`~newslint.text.dupcorpus.CrossRepeat` items of a cluster run.

    ``pieces`` maps a partition number to the future of its :class:`Piece`,
    ``part_outcomes`` the same number to the partition's outcomes (in the order the piece
    numbers its documents), and ``outcomes`` is every outcome of the run in the order of a run
    on this machine.
    """
    import operator

    from newslint.rule import DocInfo
    from newslint.text.dupcorpus import repeats_from_links
    from newslint.text.dupmatch import near_repeat

    threshold = float(options["similarity"])
    near_min_words = int(options["near_min_words"])
    max_df = int(options["max_document_frequency"])
    key_limit = max(2 * max_df, 10)  # as on this machine
    parts = sorted(pieces)
    if not parts:
        return []
    sliced = client.map(split, [pieces[p] for p in parts], parts, buckets=buckets,
                        near_min_words=near_min_words)
    per_bucket = [client.submit(bucket_links, max_df, key_limit,
                                *client.map(operator.getitem, sliced, [b] * len(sliced)))
                  for b in range(buckets)]
    exact, candidates = client.submit(merge, *per_bucket).result()
    del sliced, per_bucket

    asked: dict = {}
    for pairs, which in ((exact, 0), (candidates, 1)):
        for pair in pairs:
            for g in pair:
                part, n = split_id(g)
                asked.setdefault(part, (set(), set()))[which].add(n)
    extracted = {part: client.submit(extract, pieces[part], sorted(s), sorted(i))
                 for part, (s, i) in asked.items()}
    order_of = {id(fo): i for i, fo in enumerate(outcomes)}
    found: dict = {}  # passage: (document's place in ``outcomes``, span, word ids)
    infos: dict = {}
    for part, future in extracted.items():
        for n, (doc, span, ids) in future.result().items():
            fo = part_outcomes[part][doc]
            order = order_of[id(fo)]
            infos.setdefault(order, DocInfo(fo.path, fo.pub_date, order))
            found[(part << _SHIFT) | n] = (order, span, ids)
        future.release()

    # Number the passages as a run on this machine does: by document, then in order.
    ranked = sorted(found, key=lambda g: (found[g][0], g))
    number = {g: i for i, g in enumerate(ranked)}
    doc_of = [found[g][0] for g in ranked]
    links: dict = {}

    def link(a: int, b: int, sim) -> None:
        links.setdefault(a, {})[b] = sim
        links.setdefault(b, {})[a] = sim

    for a, b in exact:
        link(number[a], number[b], None)
    for pair in candidates:
        a, b = sorted((number[g] for g in pair))
        sim = near_repeat(found[ranked[a]][2], found[ranked[b]][2], threshold, near_min_words)
        if sim is not None:
            link(a, b, sim)
    return repeats_from_links(links, doc_of, infos, lambda i: found[ranked[i]][1], max_df)
