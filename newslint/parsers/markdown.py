"""Markdown with YAML front matter, parsed by markdown-it-py (CommonMark) with source maps.

markdown-it-py gives each block its source lines but not inline offsets, so the prose of each
inline token is aligned back to the source: characters are matched in order, skipping markup
(emphasis marks, link destinations, backslashes before escaped characters) and collapsing an
entity such as ``&amp;`` onto its source span.
"""

from __future__ import annotations

import html
import re

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_core.inline import inline as core_inline
from markdown_it.rules_core.state_core import StateCore
from markdown_it.rules_core.text_join import text_join
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from newslint.document import Block, Document, ProseBuilder
from newslint.errors import InputError
from newslint.yamlutil import safe_load, yaml_problem
from newslint.parsers.common import finish_document, parse_date_value

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_md = None


def _parser() -> MarkdownIt:
    """CommonMark with front matter; inline markup is parsed per block, when a block has
    any (see :func:`_inline_children`)."""
    global _md
    if _md is None:
        _md = MarkdownIt("commonmark").use(front_matter_plugin)
        _md.disable("inline")
    return _md


# The characters that can start inline markup in CommonMark: a line break, a backslash
# escape, a code span, emphasis, an entity, an autolink or HTML, an image or a link. A block
# with none of them is one run of text to markdown-it's inline parser (its text rule stops at
# more characters, "-" or ":", but no other rule starts there and the text runs on), so it is
# not parsed: most paragraphs of news copy (the corpus: 3,716 of 4,286).
_INLINE_MARKUP = "\n\\`*_&<![]"


def _may_have_inline_markup(content: str) -> bool:
    # A substring test for each character: quicker in C than a class tested at every one.
    return any(map(content.__contains__, _INLINE_MARKUP))


def _inline_children(tok, src: str, env: dict) -> list:
    """The inline tokens of one block, as markdown-it's core rules "inline" and "text_join"
    make them."""
    state = StateCore(src, _parser(), env, [tok])
    core_inline(state)
    text_join(state)
    return tok.children or []


def parse(path: str, text: str, **_) -> Document:
    doc = Document(path=path, text=text, format="markdown")
    line_starts = doc.line_starts
    env: dict = {}  # link reference definitions, read by the block parser for the inlines
    simple = _plain_structure(text)
    tokens = _parser().parse(text, env) if simple is None else ()

    def offset_of_line(n: int) -> int:
        return line_starts[n] if n < len(line_starts) else len(text)

    blocks: list[Block] = []

    def add_block(kind: str, lines: list, content: str, tok=None) -> None:
        start = offset_of_line(lines[0])
        end = offset_of_line(lines[1])
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        builder = ProseBuilder()
        if _may_have_inline_markup(content):
            if tok is None:  # a plain paragraph's inline token, as markdown-it makes it
                tok = Token("inline", "", 0, map=lines, content=content, children=[])
            _align_inline(text, start, end, _inline_children(tok, text, env), builder)
        else:  # one text token: what _align_inline does with it
            _align_text(text, start, end, content, builder)
        prose = builder.text()
        if prose.strip():
            blocks.append(Block(kind, start, end, prose, builder.runs))

    if simple is not None:
        front, paragraphs = simple
        if front is not None:
            _read_front_matter(doc, front, path)
        for lines, content in paragraphs:
            add_block("paragraph", lines, content)
    container: list[str] = []
    pending_kind = None
    pending_map = None
    for tok in tokens:
        t = tok.type
        if t == "front_matter":
            _read_front_matter(doc, tok.content, path)
        elif t in ("blockquote_open", "list_item_open"):
            container.append(t[:-5])
        elif t in ("blockquote_close", "list_item_close"):
            container.pop()
        elif t == "heading_open":
            pending_kind = ("headline" if tok.tag == "h1" and not any(
                b.kind == "headline" for b in blocks) else "heading")
            pending_map = tok.map
        elif t == "paragraph_open":
            if "list_item" in container:
                pending_kind = "list_item"
            elif "blockquote" in container:
                pending_kind = "blockquote"
            else:
                pending_kind = "paragraph"
            pending_map = tok.map
        elif t == "inline" and pending_kind and pending_map:
            add_block(pending_kind, pending_map, tok.content, tok)
            pending_kind = pending_map = None
    doc.blocks = blocks
    return finish_document(doc)


# What makes a line something other than paragraph text in CommonMark, at its start: white
# space (indented code, or a continuation that needs care), a heading, a block quote, a rule,
# a list, a fence, HTML, a link reference definition, a setext underline...
_NOT_PLAIN_START = frozenset("#>-*+=_~`<[")
# ... or an ordered list item's number ("1. ", "2)").
_LIST_NUMBER = re.compile(r"[0-9]{1,9}[.)](?:[ \t]|$)")
_DIGITS = frozenset("0123456789")


def _plain_structure(text: str):
    """A document of front matter and plain paragraphs, read without markdown-it's block
    parser: ``(front matter or None, [([first line, end line], inline content), ...])``, as
    its tokens give them. None for any other document, which markdown-it reads.

    News copy is mostly that: paragraphs of text separated by blank lines (the corpus: 289 of
    295 articles), and the block parser, which tries each of its rules at every line, takes
    half of the parse. A line is plain when it starts with none of the characters that can
    open another block and neither starts nor ends with white space (markdown-it trims a
    paragraph's ends); a document with a carriage return or a NUL (which markdown-it
    rewrites first) is left to it, and so is front matter whose end is not a plain ``---``
    line. ``tests/unit/test_markdown_offsets.py`` compares the two on the corpus, the test
    fixtures and made documents.
    """
    if "\r" in text or "\0" in text:
        return None
    lines = text.split("\n")
    first = 0
    front = None
    if text.startswith("-"):
        if lines[0] != "---":
            return None
        for k in range(1, len(lines)):
            line = lines[k].lstrip(" \t")
            if line.startswith("---") or line.startswith("..."):
                if lines[k] != "---":
                    return None  # another closing line than "---": left to the plugin
                front = "\n".join(lines[1:k])
                first = k + 1
                break
        else:
            return None  # unclosed: no front matter, a rule
    paragraphs = []
    start = None
    for n in range(first, len(lines)):
        line = lines[n]
        if not line.strip(" \t"):  # blank, as markdown-it counts white space
            if start is not None:
                paragraphs.append(([start, n], "\n".join(lines[start:n])))
                start = None
            continue
        if (line[0] in _NOT_PLAIN_START or line[0].isspace() or line[-1].isspace()
                or (line[0] in _DIGITS and _LIST_NUMBER.match(line))):
            return None
        if start is None:
            start = n
    if start is not None:
        paragraphs.append(([start, len(lines)], "\n".join(lines[start:])))
    return front, paragraphs


def _read_front_matter(doc: Document, content: str, path: str) -> None:
    try:
        data = safe_load(content) if content.strip() else {}
    except yaml.YAMLError as exc:
        line, problem = yaml_problem(exc, line_offset=1)  # after the opening ---
        where = f" (line {line})" if line else ""
        raise InputError(f"{path}: broken front matter{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: broken front matter: expected key: value pairs, "
                         f"got {type(data).__name__}")
    doc.meta.update({str(k): v for k, v in data.items()})
    for key in ("date", "published", "pubdate"):
        if data.get(key) not in (None, ""):
            doc.pub_date = parse_date_value(data[key], f"front matter {key!r}", path)
            doc.pub_date_source = "front-matter"
            break


def _align_inline(src: str, start: int, end: int, children, builder: ProseBuilder) -> None:
    cursor = start
    for tok in children:
        t = tok.type
        if t in ("text", "code_inline"):
            cursor = _align_text(src, cursor, end, tok.content, builder)
        elif t in ("softbreak", "hardbreak"):
            # markdown-it reads CRLF and a bare CR as line breaks too.
            nl = _LINE_BREAK.search(src, cursor, end)
            if nl is None:
                continue
            if not builder.ends_with_space():
                builder.add(" ", nl.start(), 1)
            cursor = nl.end()
        elif t == "html_inline":
            i = src.find(tok.content, cursor, end)
            if i != -1:
                cursor = i + len(tok.content)
        elif t == "link_close" and tok.markup != "autolink":
            cursor = _skip_link_destination(src, cursor, end)
        elif t == "image":
            i = src.find("![", cursor, end)
            if i != -1:
                j = src.find("]", i, end)
                cursor = _skip_link_destination(src, j if j != -1 else i, end)


_PLAIN_RUN = re.compile(r"[^&\\\n\r\ufffd]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _align_text(src: str, cursor: int, end: int, content: str, builder: ProseBuilder) -> int:
    """Match ``content`` against the source from ``cursor``, skipping markup.

    Runs of ordinary characters that appear verbatim in the source are taken whole (the common
    case); entities, backslash escapes and line breaks are matched one character at a time.
    """
    pos = cursor
    i = 0
    n = len(content)
    while i < n:
        run = _PLAIN_RUN.match(content, i)
        if run is not None:
            piece = run.group()
            # Skip markup up to where the run starts in the source, then take what matches.
            at = src.find(piece, pos, end)
            if at != -1 and (at == pos or _only_markup(src, pos, at)):
                builder.add(piece, at)
                pos = at + len(piece)
                i = run.end()
                continue
        pos = _align_char(src, pos, end, content[i], builder)
        i += 1
    return pos


def _only_markup(src: str, start: int, stop: int) -> bool:
    """True when ``src[start:stop]`` holds nothing but characters markup is made of. A
    backslash escape there may stand for the very text being looked for (``\\*42\\*`` is the
    text ``*42*``), so skipped source with one is matched character by character instead."""
    skipped = src[start:stop]
    return not skipped.strip(_MARKUP_CHARS) and "\\" not in skipped


_MARKUP_CHARS = " \t\r\n*_`[]()<>!#>-+=~|\\\"'.:/0123456789"


def _align_char(src: str, pos: int, end: int, ch: str, builder: ProseBuilder) -> int:
    """Find one character of prose in the source from ``pos``; return the position after it."""
    while pos < end:
        c = src[pos]
        if c == "&" and ch != "&" or c == "&" and src.startswith("&amp;", pos):
            # An entity decodes to one character: checked before a literal match so that
            # "&amp;" maps to its whole span rather than to its first character.
            m = _ENTITY.match(src, pos, end)
            if m and html.unescape(m.group()) == ch:
                builder.add(ch, pos, m.end() - pos)
                return m.end()
        if c == ch:
            builder.add(ch, pos)
            return pos + 1
        if c == "\\" and pos + 1 < end and src[pos + 1] == ch:
            builder.add(ch, pos + 1)
            return pos + 2
        if c in "\r\n" and ch in " \n":  # a line break in a code span, or a soft break
            builder.add(ch, pos, 1)
            return pos + (2 if src.startswith("\r\n", pos) else 1)
        if c == "\0" and ch == "\ufffd":  # markdown-it replaces NUL characters
            builder.add(ch, pos)
            return pos + 1
        pos += 1
    # Not found (should not happen): map it onto the end of the block.
    builder.add(ch, end, 0)
    return pos


def _skip_link_destination(src: str, cursor: int, end: int) -> int:
    """After a link's text: skip ``](url "title")`` or ``][ref]`` or ``]``."""
    i = src.find("]", cursor, end)
    if i == -1:
        return cursor
    i += 1
    if i < end and src[i] == "(":
        depth = 0
        j = i
        while j < end:
            c = src[j]
            if c == "\\":
                j += 2
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return end
    if i < end and src[i] == "[":
        j = src.find("]", i, end)
        return j + 1 if j != -1 else i
    return i
