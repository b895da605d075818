"""Plain text: blocks are separated by blank lines; lines of a block are joined by spaces."""

from __future__ import annotations

import re

from newslint.document import Block, Document, ProseBuilder
from newslint.parsers.common import DIRECTIVE, finish_document

# Line breaks are CRLF, a bare CR or LF; a CR before an LF is never a break of its own.
_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_SPLIT = re.compile(rf"{_BREAK}[ \t\f\v]*(?:{_BREAK}[ \t\f\v]*)+")
_LINE_BREAK = re.compile(_BREAK)
_SENTENCE_END = re.compile(r"""[.!?…:;]["'”’)]*$""")


def parse(path: str, text: str, **_) -> Document:
    doc = Document(path=path, text=text, format="text")
    doc.blocks = list(iter_blocks(text, 0, len(text)))
    _assign_kinds(doc.blocks)
    return finish_document(doc)


def iter_blocks(text: str, start: int, end: int):
    """Blocks of ``text[start:end]`` split at blank lines, as paragraphs."""
    pos = start
    for sep in list(_BLANK_SPLIT.finditer(text, start, end)) + [None]:
        stop = sep.start() if sep else end
        block = _make_block(text, pos, stop)
        if block is not None:
            yield block
        if sep:
            pos = sep.end()


def _make_block(text: str, start: int, stop: int):
    builder = ProseBuilder()
    line_start = start
    first = last = None
    while line_start < stop:
        nl = _LINE_BREAK.search(text, line_start, stop)
        line_end = stop if nl is None else nl.start()
        content_end = line_end
        while content_end > line_start and text[content_end - 1] in "\r \t":
            content_end -= 1
        content_start = line_start
        while content_start < content_end and text[content_start] in " \t\ufeff":
            content_start += 1
        line = text[content_start:content_end]
        if line and not DIRECTIVE.fullmatch(line):
            if builder.length:
                # The line break becomes one space in prose, mapped to the break itself.
                builder.add(" ", prev_break, 1)
            builder.add(line, content_start)
            first = content_start if first is None else first
            last = content_end
        prev_break = content_end
        line_start = stop if nl is None else nl.end()
    if not builder.length:
        return None
    return Block("paragraph", first, last, builder.text(), builder.runs)


def _looks_like_heading(block: Block) -> bool:
    words = block.prose.split()
    return (len(words) <= 15 and "\n" not in block.prose
            and not _SENTENCE_END.search(block.prose.rstrip()))


def _assign_kinds(blocks: list) -> None:
    """Short unpunctuated blocks are headings; the one right before the first prose paragraph
    is the headline (scraped pages put navigation and section labels above it). A byline or a
    date line sitting between headline and story is skipped over."""
    first_para = None
    for i, block in enumerate(blocks):
        if _looks_like_heading(block):
            block.kind = "heading"
        elif first_para is None and len(block.prose.split()) >= 12:
            first_para = i
    if not first_para:
        return
    k = first_para - 1
    while k > 0 and blocks[k].kind == "heading" and _is_byline_or_date(blocks[k].prose) \
            and blocks[k - 1].kind == "heading":
        k -= 1
    if blocks[k].kind == "heading":
        blocks[k].kind = "headline"


def _is_byline_or_date(prose: str) -> bool:
    from newslint.parsers.common import DATE_DATELINE

    return bool(_BYLINE.match(prose) or DATE_DATELINE.match(prose))


_BYLINE = re.compile(r"^(?:By|BY|From)\s+[A-Z]")
