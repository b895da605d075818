"""Comparing passages of prose for repeats: normalisation, word fingerprints and similarity.

Two copies of a paragraph rarely match byte for byte: one was pasted from a page with curly
quotes, the other typed with straight ones; an update changed an em dash to a hyphen or a line
break to a space. :func:`normalise` folds those differences away before texts are compared.

Similarity is measured on words, in order: ``difflib.SequenceMatcher`` finds the longest common
runs of words and :class:`Similarity` reports them as a ratio of both lengths (the share of the
two texts that matches) and as *containment* (the share of the shorter text found in the longer
one). The ratio catches copies with a few words changed; containment catches a copy with a
sentence added or dropped, whose ratio falls with the length of that sentence.

Words, shingles and exact keys are hashed with BLAKE2 rather than Python's ``hash()``: documents
are fingerprinted in worker processes, and ``hash()`` of a string differs from one process to
the next.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional, Sequence

from newslint.text.patterns import AsciiPattern, LazyPattern

# Quote, apostrophe, dash and ellipsis styles folded onto one form each.
_FOLD = {
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
    "…": "...",
}


# A regular expression finds the few characters to fold; str.translate with a mapping looks up
# every character of the text and is several times slower on long blocks.
_FOLDABLE = LazyPattern("[" + "".join(_FOLD) + "]")
#: The foldable characters in ASCII, for text that is all ASCII (where NFKC changes nothing).
_ASCII_FOLD = tuple((ch, folded) for ch, folded in _FOLD.items() if ch.isascii())
# Words keep inner apostrophes and dots ("don't", "u.s") so that they count as one word.
# (Possessive: no shorter run could let the pattern go on, so the matches are the same, and
# the engine keeps no backtracking point at each word: a fifth quicker.)
_WORD = AsciiPattern(r"[^\W_]++(?:['.][^\W_]++)*+", r"[A-Za-z0-9]++(?:['.][A-Za-z0-9]++)*+")

#: Words in a shingle: three keeps short paragraphs (ten words or so) comparable while a
#: three-word run is already specific enough to tell unrelated paragraphs apart.
SHINGLE_WORDS = 3

#: A copy counts as containing the other when this share of the shorter text's words appear, in
#: order, in the longer one...
CONTAINMENT = 0.9
#: ...and the shorter text is at least this share of the longer one (a one-sentence quotation
#: that reappears inside a long paragraph is not a repeat of that paragraph).
CONTAINED_SHARE = 0.5


def normalise(text: str) -> str:
    """Text with white space, quote and dash styles and case folded away."""
    if text.isascii():  # its own NFKC form, and the pattern's one candidate is "`"
        for ch, folded in _ASCII_FOLD:
            if ch in text:
                text = text.replace(ch, folded)
    else:
        text = _FOLDABLE.sub(_fold, unicodedata.normalize("NFKC", text))
    # str.split() breaks at the same characters as the pattern \s, and the join leaves no
    # white space at either end: runs of white space become one space, as with re.sub.
    return " ".join(text.split()).casefold()


def _fold(m: re.Match) -> str:
    return _FOLD[m.group()]


def words(text: str, normalised: bool = False) -> list[str]:
    """The words of ``text`` after :func:`normalise`, punctuation left out."""
    return _WORD.findall(text if normalised else normalise(text))


def _hash64(data: str) -> int:
    return int.from_bytes(hashlib.blake2b(data.encode("utf-8"), digest_size=8).digest(), "big")


class _WordIds(dict):
    """Word ids already worked out, by word (a plain dict lookup is the common case)."""

    #: Beyond this many words the table starts again, which bounds its memory.
    LIMIT = 200_000

    def __missing__(self, word: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        found = self[word] = _hash64(word)
        return found


_word_ids = _WordIds()


def word_id(word: str) -> int:
    """A stable 64-bit number for a (normalised) word, the same in every process."""
    return _word_ids[word]


def word_ids(text: str, normalised: bool = False) -> list[int]:
    return list(map(_word_ids.__getitem__, words(text, normalised)))


def exact_key(text: str, normalised: bool = False) -> int:
    """A stable key shared by texts that are equal after :func:`normalise`."""
    return _hash64(text if normalised else normalise(text))


def shingles(ids: Sequence[int], size: int = SHINGLE_WORDS) -> set[int]:
    """Hashes of every run of ``size`` consecutive words (the whole text when shorter).

    Hashing a tuple of integers is deterministic across processes (only ``str`` and ``bytes``
    hashing is randomised), so these can be computed next to the document.
    """
    if len(ids) <= size:
        return {hash(tuple(ids))} if ids else set()
    # zip yields the same tuples as ids[i:i + size], without a slice and a tuple() per word.
    return set(map(hash, zip(*(ids[k:] for k in range(size)))))


def sketch(ids: Sequence[int], keep: int) -> tuple[int, ...]:
    """The ``keep`` smallest shingle hashes: a bottom-k sample of the shingle set.

    Two texts that share most of their shingles share most of their smallest ones too, so the
    sample stands in for the whole set when looking for candidates.
    """
    return tuple(sorted(shingles(ids))[:keep])


@dataclass(frozen=True)
class Similarity:
    """How much of two word sequences match, in order."""

    matched: int
    len_a: int
    len_b: int

    @property
    def ratio(self) -> float:
        """Matched words over the average length (1.0 for identical word sequences)."""
        total = self.len_a + self.len_b
        return 2.0 * self.matched / total if total else 1.0

    @property
    def containment(self) -> float:
        """Matched words over the shorter length."""
        shorter = min(self.len_a, self.len_b)
        return self.matched / shorter if shorter else 1.0

    def is_repeat(self, threshold: float, min_words: int = 0) -> bool:
        """True when the texts are near copies: similar overall, or one contains the other.

        Both texts need ``min_words`` words: in a short passage a few changed words change what
        it says ("What was the timeline of this study?" and "What was the purpose of this
        study?" are 82% alike), so short passages only count when they match exactly.
        """
        if min(self.len_a, self.len_b) < min_words:
            return False
        if self.ratio >= threshold:
            return True
        shorter, longer = sorted((self.len_a, self.len_b))
        return (self.containment >= CONTAINMENT and longer > 0
                and shorter / longer >= CONTAINED_SHARE)


def compare(a: Sequence[int], b: Sequence[int]) -> Similarity:
    """Word-level similarity of two sequences of word ids.

    ``autojunk`` is off: it drops frequent words from matching in sequences over 200 items,
    which would make long paragraphs look less alike than they are.
    """
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return Similarity(matched, len(a), len(b))


def near_repeat(a: Sequence[int], b: Sequence[int], threshold: float,
                min_words: int = 0) -> Optional[Similarity]:
    """The similarity of ``a`` and ``b`` when they are near copies (:meth:`Similarity.is_repeat`),
    else None.

    Two cheap bounds come first, lengths and then words in common, which rule out most candidate
    pairs at a fraction of the cost of finding the matching runs.
    """
    if not could_repeat(len(a), len(b), threshold, min_words):
        return None
    # Words of one text that occur anywhere in the other bound the words that can match in
    # order (counted in C through map, a few microseconds for a paragraph).
    in_b, in_a = set(b), set(a)
    most = min(sum(map(in_b.__contains__, a)), sum(map(in_a.__contains__, b)))
    if not Similarity(most, len(a), len(b)).is_repeat(threshold, min_words):
        return None
    sim = compare(a, b)
    return sim if sim.is_repeat(threshold, min_words) else None


def could_repeat(len_a: int, len_b: int, threshold: float, min_words: int = 0) -> bool:
    """False when the lengths alone rule out :meth:`Similarity.is_repeat` (a cheap pre-check)."""
    shorter, longer = sorted((len_a, len_b))
    if shorter < min_words:
        return False
    if not longer:
        return True
    return 2.0 * shorter / (shorter + longer) >= threshold or shorter / longer >= CONTAINED_SHARE
