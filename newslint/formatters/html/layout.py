"""Where each finding goes in the rendered article: pure data, no markup.

The report shows an article's *prose* (what a reader reads: markup removed, entities decoded),
block by block, while findings point at *source* offsets. Each finding is mapped into the prose
of the blocks it covers through the blocks' source maps and laid out as a tree of text and
marks, so that overlapping findings nest instead of tangling. A finding that crosses a mark's
end or a block boundary is cut into pieces: the first piece is *the* element of the finding
(the one carrying ``data-rule``), the others point back to it. A finding with no place in the
prose (front matter, a comment) is listed below the article instead, so every finding has
exactly one element wherever it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from newslint.finding import CATEGORIES, SEVERITIES

#: Colours and underline styles per category. Colour is never the only signal: each category
#: has its own line style too, and the legend names them. ``line`` is the underline colour on
#: white (WCAG non-text contrast, at least 3:1); ``tint`` the background behind the flagged
#: words, under body text ``TEXT`` (at least 4.5:1). tests/unit/test_html_layout.py checks both.
CATEGORY_STYLES = {
    "duplication": {"line": "#7b3294", "tint": "#f3e6f8", "decoration": "underline double"},
    "grammar": {"line": "#b00020", "tint": "#fde8ea", "decoration": "underline wavy"},
    "spelling": {"line": "#b3400a", "tint": "#fdeee3", "decoration": "underline dotted"},
    "attribution": {"line": "#1d4ed8", "tint": "#e6eefc", "decoration": "underline dashed"},
    "dates": {"line": "#0f766e", "tint": "#e0f4f1", "decoration": "underline overline solid"},
    "style": {"line": "#4d7c0f", "tint": "#eef6e0", "decoration": "underline solid"},
    "boilerplate": {"line": "#525252", "tint": "#ededed", "decoration": "none"},
}
#: How each style reads in the legend (for people who cannot tell the colours apart).
LINE_NAMES = {
    "duplication": "double underline", "grammar": "wavy underline",
    "spelling": "dotted underline", "attribution": "dashed underline",
    "dates": "line above and below", "style": "solid underline",
    "boilerplate": "dashed box",
}
TEXT = "#1a1a1a"
BACKGROUND = "#ffffff"

#: Block kinds and the element each is shown as.
BLOCK_ELEMENTS = {"headline": "h3", "heading": "h4", "dateline": "p", "paragraph": "p",
                  "blockquote": "blockquote", "list_item": "li", "caption": "p"}


@dataclass
class FindingView:
    """One finding and what the report says about it."""

    number: int  # unique across the report: the element id is f<number>
    finding: object
    article: int

    @property
    def category(self) -> str:
        return self.finding.category if self.finding.category in CATEGORIES else "style"

    @property
    def label(self) -> str:
        """What a screen reader announces on the highlighted words. The label replaces the
        words themselves for a screen reader, so it starts with them."""
        f = self.finding
        words = " ".join(f.excerpt.split())
        if len(words) > 80:
            words = words[:77].rstrip() + "…"
        quoted = f"“{words}”, " if words else ""
        return f"{quoted}{f.severity} {self.category} finding, {f.rule}: {f.message}"


@dataclass
class Mark:
    """A highlighted stretch of prose; ``primary`` for the finding's own element."""

    view: FindingView
    primary: bool
    children: list = field(default_factory=list)  # str and Mark, in order

    @property
    def empty(self) -> bool:
        return not self.children


@dataclass
class BlockView:
    kind: str
    line: int
    children: list  # str and Mark, in order
    #: The element id a link to this line goes to ("" when an earlier block has the line).
    anchor: str = ""

    @property
    def element(self) -> str:
        return BLOCK_ELEMENTS.get(self.kind, "p")


@dataclass
class ArticleView:
    number: int
    path: str
    title: str
    date: str
    blocks: list
    findings: list  # FindingView, in position order
    outside: list  # FindingView with no place in the prose
    errors: list  # FileError

    @property
    def anchor(self) -> str:
        return f"a{self.number}"

    def link_to_line(self, line: int) -> str:
        """The in-page link to the block holding ``line`` (the article when none does)."""
        target = self.anchor
        for block in self.blocks:
            if block.line > line:
                break
            if block.anchor:
                target = block.anchor
        return "#" + target

    def counts(self) -> dict:
        return category_counts(self.findings)

    def severity_counts(self) -> dict:
        counts = {s: 0 for s in SEVERITIES}
        for v in self.findings:
            counts[v.finding.severity] = counts.get(v.finding.severity, 0) + 1
        return counts


def category_counts(views) -> dict:
    counts = {c: 0 for c in CATEGORIES}
    for v in views:
        counts[v.category] += 1
    return counts


# -- placing findings ---------------------------------------------------------------------------
@dataclass
class _Piece:
    start: int
    end: int
    view: FindingView
    primary: bool


def place(source, views: list) -> tuple[list, list]:
    """Lay out ``views`` (one file's findings) in ``source``'s blocks.

    Returns ``(blocks, outside)``: a :class:`BlockView` per block and the findings that have
    no place in any block's prose.
    """
    per_block: list[list[_Piece]] = [[] for _ in source.blocks]
    outside = []
    for view in views:
        pieces = _pieces(source.blocks, view)
        if not pieces:
            outside.append(view)
            continue
        for index, piece in pieces:
            per_block[index].append(piece)
    blocks = [BlockView(b.kind, b.line, _nest(b.prose, 0, len(b.prose), pieces))
              for b, pieces in zip(source.blocks, per_block)]
    return blocks, outside


def _pieces(blocks, view) -> list:
    """``(block index, piece)`` for each block the finding covers, first one primary."""
    f = view.finding
    start, end = f.offset, f.offset + f.length
    found = []
    if f.length == 0:
        for i, b in enumerate(blocks):
            if b.start <= start <= b.end:
                found.append((i, _Piece(*([b.prose_position(start)] * 2), view, True)))
                break
        return found
    fallback = None
    for i, b in enumerate(blocks):
        if start >= b.end or end <= b.start:
            continue
        ps = b.prose_position(max(start, b.start))
        pe = b.prose_position(min(end, b.end), end=True)
        if pe > ps:
            found.append((i, _Piece(ps, pe, view, not found)))
        elif fallback is None:  # it covers only markup here (a link target, a tag)
            fallback = (i, _Piece(ps, ps, view, True))
    if not found and fallback is not None:
        found.append(fallback)
    return found


def _nest(text: str, lo: int, hi: int, pieces: list) -> list:
    """Text and marks for ``text[lo:hi]``; ``pieces`` lie within it.

    Longer pieces contain shorter ones that start inside them; a piece running past the end
    of the one containing it is cut there and its rest continues outside.
    """
    pieces = sorted(pieces, key=lambda p: (p.start, -p.end, p.view.number))
    out: list = []
    cursor = lo
    while pieces:
        outer = pieces.pop(0)
        if outer.start > cursor:
            out.append(text[cursor:outer.start])
        inner, rest = [], []
        for p in pieces:
            if outer.start == outer.end:  # an empty mark holds nothing
                rest.append(p)
            elif p.start < outer.end:
                if p.end <= outer.end:
                    inner.append(p)
                else:  # crosses the end: the part inside nests, the rest comes after
                    inner.append(_Piece(p.start, outer.end, p.view, p.primary))
                    rest.append(_Piece(outer.end, p.end, p.view, False))
            else:
                rest.append(p)
        out.append(Mark(outer.view, outer.primary,
                        _nest(text, outer.start, outer.end, inner)))
        cursor = max(cursor, outer.end)
        pieces = sorted(rest, key=lambda p: (p.start, -p.end, p.view.number))
    if hi > cursor:
        out.append(text[cursor:hi])
    return [c for c in out if not (isinstance(c, str) and not c)]


# -- the chart ------------------------------------------------------------------------------------
@dataclass
class Bar:
    category: str
    count: int
    y: int
    width: float


def chart_bars(counts: dict, width: float = 360.0, row: int = 26) -> list:
    """One horizontal bar per category, scaled to the largest count."""
    top = max(counts.values(), default=0) or 1
    return [Bar(c, n, i * row, round(width * n / top, 1))
            for i, (c, n) in enumerate(counts.items())]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def article_view(number: int, path: str, source: Optional[object], views: list,
                 errors: list) -> ArticleView:
    if source is None:
        return ArticleView(number, path, "", "", [], views, list(views), errors)
    blocks, outside = place(source, views)
    seen = set()
    for block in blocks:
        if block.line not in seen:
            seen.add(block.line)
            block.anchor = f"a{number}-l{block.line}"
    date = source.pub_date.isoformat() if source.pub_date else ""
    return ArticleView(number, path, source.title, date, blocks, views, outside, errors)


# -- a rule's explanation -------------------------------------------------------------------------
def explanation_parts(text: str) -> list:
    """``newslint explain``'s Markdown as ``[kind, text]`` parts the page builds elements from:
    ``h`` (a section heading), ``p`` (a paragraph, its hard line breaks joined), ``li`` (a list
    item) and ``pre`` (an example, its lines kept). Code spans lose their backticks."""
    parts: list = []
    paragraph: list = []
    code = None

    def flush():
        if paragraph:
            parts.append(["p", _inline(" ".join(paragraph))])
            paragraph.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if code is not None:
            if stripped.startswith("```"):
                parts.append(["pre", "\n".join(code)])
                code = None
            else:
                code.append(line)
        elif stripped.startswith("```"):
            flush()
            code = []
        elif stripped.startswith("#"):
            flush()
            parts.append(["h", _inline(stripped.lstrip("#").strip())])
        elif not stripped:
            flush()
        elif stripped.startswith(("- ", "* ")):
            flush()
            parts.append(["li", _inline(stripped[2:])])
        elif parts and parts[-1][0] == "li" and not paragraph and line.startswith("  "):
            parts[-1][1] += " " + _inline(stripped)  # a list item's next line
        else:
            paragraph.append(stripped)
    flush()
    if code:
        parts.append(["pre", "\n".join(code)])
    return parts


def _inline(text: str) -> str:
    return text.replace("``", "").replace("`", "")
