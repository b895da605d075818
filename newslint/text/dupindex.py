"""Finding candidate pairs of near-repeated passages without comparing every pair.

Each passage is represented by a small sample of its shingle hashes (see
:func:`newslint.text.dupmatch.sketch`). An inverted index maps every sampled hash to the
passages that carry it; two passages become a *candidate pair* when they share at least
``min_shared`` sampled hashes, and only candidates are compared word by word. Work grows with
the number of passages and the length of each posting list, not with the square of the corpus.

A hash carried by passages in very many groups (documents) is a common phrase or boilerplate:
its posting list is skipped, which keeps the cost of one key bounded. Genuine near repeats
share many rare hashes as well, so they are still paired.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Iterable, Optional, Sequence


class SketchIndex:
    """An inverted index from sampled shingle hashes to passage numbers."""

    def __init__(self):
        # A posting is a bare int while a key has one passage (most keys do), a list after:
        # this halves the memory of an index over a large corpus.
        self._postings: dict[int, object] = {}
        self._sizes: list[int] = []

    def add(self, keys: Iterable[int]) -> int:
        """Add one passage's sampled hashes; returns its passage number (0, 1, 2…)."""
        item = len(self._sizes)
        keys = set(keys)
        self._sizes.append(len(keys))
        postings = self._postings
        for key in keys:
            found = postings.get(key)
            if found is None:
                postings[key] = item
            elif type(found) is int:
                postings[key] = [found, item]
            else:
                found.append(item)
        return item

    def __len__(self) -> int:
        return len(self._sizes)

    def candidate_pairs(self, group_of: Optional[Sequence[int]] = None, min_shared: int = 2,
                        max_groups: Optional[int] = None) -> list[tuple[int, int]]:
        """Pairs ``(a, b)``, ``a < b``, sharing at least ``min_shared`` sampled hashes.

        With ``group_of`` (the group, e.g. document, of each passage) only pairs from different
        groups are returned, and a key shared by more than ``max_groups`` groups is skipped. A
        passage with fewer than ``min_shared`` hashes needs to share all of them.
        """
        shared: Counter = Counter()
        for items in self._postings.values():
            if type(items) is int:
                continue
            if group_of is not None:
                if max_groups is not None and len(items) > max_groups:
                    if len({group_of[i] for i in items}) > max_groups:
                        continue
                shared.update((a, b) for a, b in combinations(items, 2)
                              if group_of[a] != group_of[b])
            else:
                shared.update(combinations(items, 2))
        sizes = self._sizes
        return sorted(pair for pair, n in shared.items()
                      if n >= min(min_shared, sizes[pair[0]], sizes[pair[1]]))
