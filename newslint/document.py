"""The document model: what parsers produce and rules read.

``Document.text`` is the decoded source, untouched; every offset anywhere is a code-point
offset into it. Each :class:`Block` holds the block's *prose* (markup removed, line breaks turned
into spaces) and a map from prose positions back to source offsets, so a rule can search the
prose and report exact source positions.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from newslint.finding import Span

#: One line break: CRLF, a bare CR or LF (CRLF first, so that it counts once).
LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: Block kinds parsers may produce.
BLOCK_KINDS = ("headline", "heading", "dateline", "paragraph", "blockquote", "list_item", "caption")


@dataclass(frozen=True)
class TextSpan:
    """A span of a block's prose: ``start`` inclusive, ``end`` exclusive."""

    start: int
    end: int


class ProseBuilder:
    """Builds prose and its source map piece by piece (used by parsers).

    The map is a list of runs ``(prose_start, source_start, prose_len, source_len)``. In a
    *linear* run (``prose_len == source_len``) prose character ``i`` comes from source character
    ``source_start + i - prose_start``. In a *collapsed* run (an entity such as ``&amp;``) every
    prose character maps to ``source_start`` and the run ends at ``source_start + source_len``.
    """

    def __init__(self):
        self._parts: list[str] = []
        self.runs: list[tuple[int, int, int, int]] = []
        self.length = 0

    def add(self, text: str, source_start: int, source_len: Optional[int] = None) -> None:
        if not text:
            return
        n = len(text)
        slen = n if source_len is None else source_len
        last = self.runs[-1] if self.runs else None
        if (last and slen == n and last[2] == last[3]
                and last[0] + last[2] == self.length and last[1] + last[3] == source_start):
            # Extend the previous linear run: keeps maps small for long plain paragraphs.
            self.runs[-1] = (last[0], last[1], last[2] + n, last[3] + n)
        else:
            self.runs.append((self.length, source_start, n, slen))
        self._parts.append(text)
        self.length += n

    def text(self) -> str:
        return "".join(self._parts)

    def ends_with_space(self) -> bool:
        return bool(self._parts) and self._parts[-1][-1:] in (" ", "\n")


class Block:
    """One block of the article (headline, heading, paragraph, blockquote, list item…)."""

    __slots__ = ("kind", "index", "start", "end", "prose", "_runs", "_run_starts", "attrs",
                 "_sentences", "_quotations", "_quotes", "_quote_reach", "_tokens")

    def __init__(self, kind: str, start: int, end: int, prose: str, runs, index: int = 0,
                 attrs: Optional[dict] = None):
        self.kind = kind
        self.index = index
        #: Source span of the whole block (markup included).
        self.start = start
        self.end = end
        self.prose = prose
        self._runs = list(runs)
        self._run_starts = [r[0] for r in self._runs]
        self.attrs = attrs or {}
        self._sentences = None
        self._quotations = None
        self._quotes = None
        self._quote_reach = None
        self._tokens = None

    def __repr__(self) -> str:
        return f"Block({self.kind!r}, {self.start}..{self.end}, {self.prose[:40]!r})"

    @property
    def runs(self) -> tuple:
        """The prose → source map as ``(prose_start, source_start, prose_len, source_len)``
        runs (see :class:`ProseBuilder`)."""
        return tuple(self._runs)

    def source_offset(self, i: int) -> int:
        """Source offset of prose position ``i`` (``i == len(prose)`` maps to the block's end)."""
        if not self._runs:
            return self.start
        k = bisect.bisect_right(self._run_starts, i) - 1
        if k < 0:
            return self._runs[0][1]
        pstart, sstart, plen, slen = self._runs[k]
        d = i - pstart
        if d >= plen:
            return sstart + slen
        if plen == slen:
            return sstart + d
        return sstart

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source ``(offset, length)`` covering prose ``[start, end)``."""
        if end <= start:
            off = self.source_offset(start)
            return off, 0
        s = self.source_offset(start)
        last = end - 1
        k = bisect.bisect_right(self._run_starts, last) - 1
        pstart, sstart, plen, slen = self._runs[max(k, 0)]
        if plen == slen:
            e = sstart + (last - pstart) + 1
        else:
            e = sstart + slen  # a collapsed run (entity): cover all of it
        return s, e - s

    @property
    def tokens(self) -> list[str]:
        """The prose split at white space (``prose.split()``), split once for the engine's
        word count and the rules that count or scan these pieces. Do not change the list."""
        if self._tokens is None:
            self._tokens = self.prose.split()
        return self._tokens

    @property
    def sentences(self) -> list[TextSpan]:
        """Sentence spans of the prose (computed on first use)."""
        if self._sentences is None:
            from newslint.text.sentences import split_sentences
            self._sentences = split_sentences(self.prose)
        return self._sentences

    @property
    def quotes(self) -> list[TextSpan]:
        """Spans of top-level quotations (speech and quoted terms), quote marks included.

        Single-quoted passages and a quotation left open at the end of the paragraph (AP style
        for a quote that runs on) are included. Computed on first use.
        """
        if self._quotes is None:
            self._quotes = [q.span for q in self.quotations]
        return self._quotes

    @property
    def quotations(self) -> list:
        """The top-level quotations of the prose (:class:`newslint.text.quotes.Quote`: spans,
        marks and whether each was opened and closed here), found once for every rule that
        reads them. Computed on first use; do not change the list."""
        if self._quotations is None:
            from newslint.text.quotes import find_quotations
            self._quotations = find_quotations(self.prose)
        return self._quotations

    def in_quote(self, start: int, end: int) -> bool:
        """True when prose ``[start, end)`` lies inside quoted speech."""
        # Bisected rather than tested against every quotation: rules ask this for every word
        # they might flag, and a long paragraph has many of both.
        if self._quote_reach is None:
            ordered = sorted((q.start, q.end) for q in self.quotes)
            reach, furthest = [], -1
            for _, q_end in ordered:  # the furthest end of the quotations starting up to here
                furthest = max(furthest, q_end)
                reach.append(furthest)
            self._quote_reach = ([q_start for q_start, _ in ordered], reach)
        starts, reach = self._quote_reach
        i = bisect.bisect_right(starts, start)
        return i > 0 and end <= reach[i - 1]

    def sentence_text(self, s: TextSpan) -> str:
        return self.prose[s.start:s.end]


@dataclass
class Suppression:
    """An inline ``newslint-disable`` comment and the source lines it covers."""

    offset: int
    length: int
    rules: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int  # inclusive; a large number for "to the end of the file"
    used: bool = False
    #: The comment's own location, for reporting it when it suppressed nothing.
    span: Optional[Span] = None


@dataclass
class Document:
    path: str
    text: str
    format: str  # "markdown", "html", "text"
    blocks: list[Block] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    pub_date: Optional[_dt.date] = None
    #: Where ``pub_date`` came from: "option", "front-matter", "html-meta", "dateline" or None.
    pub_date_source: Optional[str] = None
    suppressions: list[Suppression] = field(default_factory=list)
    #: Work rules share within one document (extracted dates, duplicate fingerprints…), keyed
    #: by the module that computes it. Never carried across documents.
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets where lines start. A line ends at CRLF, CR or LF, as in editors and in
        markdown-it (which numbers lines that way): a file with bare CRs is not one line."""
        text = self.text
        if "\r" not in text:  # the common case, without a regular expression
            starts = [0]
            i = text.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            return starts
        return [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a source offset."""
        starts = self.line_starts
        k = bisect.bisect_right(starts, offset) - 1
        return k + 1, offset - starts[k] + 1

    def span(self, offset: int, length: int) -> Span:
        """Resolve a source span into a :class:`~newslint.finding.Span`."""
        offset = max(0, min(offset, len(self.text)))
        length = max(0, min(length, len(self.text) - offset))
        line, col = self.line_col(offset)
        end_line, end_col = self.line_col(offset + length)
        return Span(self.path, offset, length, line, col, end_line, end_col,
                    self.text[offset:offset + length])

    def block_span(self, block: Block, start: int, end: int) -> Span:
        """Resolve prose positions of ``block`` into a source span."""
        off, length = block.source_span(start, end)
        return self.span(off, length)

    def blocks_of(self, *kinds: str) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]

    @property
    def prose_blocks(self) -> list[Block]:
        """Blocks that carry article prose (paragraphs, blockquotes and list items)."""
        return [b for b in self.blocks if b.kind in ("paragraph", "blockquote", "list_item")]
