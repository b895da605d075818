"""Markdown prose maps back to the source exactly, whatever inline markup surrounds it."""

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.testing import parse_text

WORDS = st.sampled_from(["news", "Trump", "said", "it's", "42", "percent", "“quoted”", "café",
                         "A&B", "x_y", "end.", "(aside)", "über", "—", "e-mail"])


@st.composite
def inline_piece(draw):
    word = draw(WORDS)
    style = draw(st.sampled_from(["plain", "em", "strong", "link", "code", "entity", "escape",
                                  "titled-link", "ref-link"]))
    if style == "em":
        return f"*{word}*"
    if style == "strong":
        return f"**{word}**"
    if style == "link":
        return f"[{word}](https://example.com/{draw(st.integers(0, 99))})"
    if style == "titled-link":
        return f'[{word}](https://example.com/x "a title")'
    if style == "ref-link":
        return f"[{word}][ref]"
    if style == "code":
        return f"`{word}`"
    if style == "entity":
        return f"{word}&amp;co"
    if style == "escape":
        return f"\\*{word}\\*"
    return word


@st.composite
def markdown_doc(draw):
    paras = []
    for _ in range(draw(st.integers(1, 4))):
        lines = []
        for _ in range(draw(st.integers(1, 3))):
            lines.append(" ".join(draw(st.lists(inline_piece(), min_size=1, max_size=6))))
        prefix = draw(st.sampled_from(["", "> ", "- ", "## "]))
        if prefix == "## ":
            lines = lines[:1]
        paras.append("\n".join(prefix + line for line in lines))
    return "\n\n".join(paras) + "\n\n[ref]: https://example.com/ref\n"


def _source_matches(text, offset, ch):
    if text[offset] == ch:
        return True
    if ch == " " and text[offset] in "\r\n":
        return True  # a soft line break became a space
    if text[offset] == "&":  # an entity: the whole entity decodes to the character
        end = text.index(";", offset) + 1
        return html.unescape(text[offset:end]) == ch
    return False


@settings(max_examples=150, deadline=None)
@given(markdown_doc())
def test_every_prose_character_maps_to_its_source(text):
    doc = parse_text(text)
    assert doc.blocks, text
    for block in doc.blocks:
        for i, ch in enumerate(block.prose):
            off = block.source_offset(i)
            assert _source_matches(doc.text, off, ch), (text, block.prose, i, ch, off)
        off, length = block.source_span(0, len(block.prose))
        assert doc.text[off:off + length].strip()


def test_emphasis_link_and_entity_spans():
    text = "Intro *emphasised* and [a link](http://x.org \"t\") then A&amp;B end.\n"
    doc = parse_text(text)
    block = doc.blocks[0]
    assert block.prose == "Intro emphasised and a link then A&B end."
    i = block.prose.index("then")
    off, length = block.source_span(i, i + 4)
    assert text[off:off + length] == "then"
    amp = block.prose.index("&")
    off, length = block.source_span(amp, amp + 1)
    assert text[off:off + length] == "&amp;"
    off, length = block.source_span(amp - 1, amp + 2)
    assert text[off:off + length] == "A&amp;B"


def test_block_kinds():
    text = "# Headline\n\nPara one.\n\n> Quoted para.\n\n- item one\n\n## Section\n"
    kinds = [(b.kind, b.prose) for b in parse_text(text).blocks]
    assert kinds == [("headline", "Headline"), ("paragraph", "Para one."),
                     ("blockquote", "Quoted para."), ("list_item", "item one"),
                     ("heading", "Section")]


def test_escaped_markup_before_the_same_text_as_emphasis_maps_to_the_escapes():
    text = "\\*42\\* *42* news\n"
    [block] = parse_text(text).blocks
    assert block.prose == "*42* 42 news"
    assert [block.source_offset(i) for i in range(len(block.prose))] == [
        1, 2, 3, 5, 6, 8, 9, 11, 12, 13, 14, 15]


def _blocks(text):
    return [(b.kind, b.start, b.end, b.prose, tuple(b.runs)) for b in parse_text(text).blocks]


def _blocks_with_every_inline_parsed(text, monkeypatch):
    # The parse as markdown-it makes it with its inline rule on for every block.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    from newslint.parsers import markdown

    with monkeypatch.context() as m:
        m.setattr(markdown, "_md", MarkdownIt("commonmark").use(front_matter_plugin))
        m.setattr(markdown, "_may_have_inline_markup", lambda content: True)  # every block
        m.setattr(markdown, "_inline_children", lambda tok, src, env: tok.children or [])
        return _blocks(text)


def test_blocks_without_inline_markup_read_as_markdown_it_reads_them(monkeypatch):
    # A block with none of the characters that start inline markup is not given to the inline
    # parser: the same prose and offsets as when it is, over the corpus and made documents.
    from pathlib import Path

    root = Path(__file__).parents[2]
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((root / "benchmarks" / "corpus" / "wikinews").glob("*.md"))[::2]]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests").rglob("*.md"))]
    texts += ["Plain - dash: colon # hash $5 %x @at ~t ^c {b} = + > end.\n",
              "A [ref] and [ref2] here.\n\n[ref]: https://example.com\n",
              "Line one\nline two\r\nline three\rfour\n", "Tab\there &amp; x\n",
              "Nul \0 char\n", "> quoted *em*\n> more\n\n- item one\n- item `two`\n"]
    plain = sum(1 for t in texts for b in parse_text(t).blocks
                if not any(c in b.prose for c in "*_`&<![]"))
    assert plain > 1000
    for text in texts:
        assert _blocks(text) == _blocks_with_every_inline_parsed(text, monkeypatch), text[:80]


@settings(max_examples=100, deadline=None)
@given(markdown_doc())
def test_made_documents_read_as_markdown_it_reads_them(text):
    import pytest

    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _blocks(text) == _blocks_with_every_inline_parsed(text, monkeypatch)
