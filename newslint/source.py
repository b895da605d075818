"""The article as a report shows it: its text, its blocks and the map back to the file.

Most formatters need only findings. A formatter that renders the article itself (the HTML
report) declares ``needs_source = True``; the checker then keeps an :class:`ArticleSource` for
every checked file, taken from the same parse the rules read, so a report never re-reads a file
that may have changed since it was checked (and standard input can be shown too).

It is a plain, picklable object: it crosses process boundaries with the file's outcome.
"""

from __future__ import annotations

import datetime as _dt
from typing import Optional


class SourceBlock:
    """One block as the reader sees it: its kind, its prose, and the prose → source map."""

    __slots__ = ("kind", "start", "end", "prose", "runs", "line")

    def __init__(self, kind: str, start: int, end: int, prose: str, runs, line: int):
        self.kind = kind
        #: Source span of the whole block, markup included.
        self.start = start
        self.end = end
        self.prose = prose
        #: ``(prose_start, source_start, prose_len, source_len)`` runs, as in
        #: :class:`~newslint.document.ProseBuilder`.
        self.runs = tuple(runs)
        #: 1-based line of the block's first character in the file.
        self.line = line

    def __repr__(self) -> str:
        return f"SourceBlock({self.kind!r}, {self.start}..{self.end}, {self.prose[:30]!r})"

    def prose_position(self, offset: int, *, end: bool = False) -> Optional[int]:
        """The prose position of source ``offset``, or None when it lies outside the block.

        A start inside markup or an entity moves to the next prose character (``end=False``);
        an end moves back to just after the previous one (``end=True``), so a span never grows
        onto words it did not cover.
        """
        if offset < self.start or offset > self.end:
            return None
        previous_end = 0
        for pstart, sstart, plen, slen in self.runs:
            if offset < sstart:  # in markup before this run
                return previous_end if end else pstart
            if offset < sstart + slen or (end and offset == sstart + slen):
                if plen == slen:
                    return pstart + (offset - sstart)
                # A collapsed run (an entity): all of it or nothing.
                if end:
                    return pstart + plen if offset > sstart else pstart
                return pstart
            previous_end = pstart + plen
        return previous_end


class ArticleSource:
    """The decoded text of one checked file, its title, date and readable blocks."""

    def __init__(self, path: str, text: str, format: str, blocks: list, title: str = "",
                 pub_date: Optional[_dt.date] = None):
        self.path = path
        self.text = text
        self.format = format
        self.blocks = blocks
        self.title = title
        self.pub_date = pub_date

    @classmethod
    def from_document(cls, doc) -> "ArticleSource":
        blocks = [SourceBlock(b.kind, b.start, b.end, b.prose, b.runs, doc.line_col(b.start)[0])
                  for b in doc.blocks]
        title = str(doc.meta.get("title") or "").strip()
        if not title:
            headline = next((b for b in doc.blocks if b.kind == "headline"), None)
            title = headline.prose.strip() if headline is not None else ""
        return cls(doc.path, doc.text, doc.format, blocks, title, doc.pub_date)
