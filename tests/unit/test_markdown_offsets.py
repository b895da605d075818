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
        m.setattr(markdown, "_plain_structure", lambda text: None)  # markdown-it's blocks
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


# --- plain documents, read without markdown-it's block parser ---------------------------------

def _markdown_it_structure(text):
    """(front matter, [(map, content)], other token types) as markdown-it's block parser
    gives them."""
    from newslint.parsers import markdown

    front, paragraphs, other = None, [], set()
    for tok in markdown._parser().parse(text, {}):
        if tok.type == "front_matter":
            front = tok.content
        elif tok.type == "inline":
            paragraphs.append((tok.map, tok.content))
        elif tok.type not in ("paragraph_open", "paragraph_close"):
            other.add(tok.type)
    return front, paragraphs, other


def _assert_plain_structure_is_markdown_its(text):
    from newslint.parsers import markdown

    plain = markdown._plain_structure(text)
    if plain is None:
        return False
    front, paragraphs, other = _markdown_it_structure(text)
    assert not other, (text, other)
    assert plain == (front, paragraphs), text
    return True


def test_plain_documents_have_the_structure_markdown_it_gives_them():
    from pathlib import Path

    root = Path(__file__).parents[2]
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((root / "benchmarks" / "corpus" / "wikinews").glob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests").rglob("*.md"))]
    plain = sum(map(_assert_plain_structure_is_markdown_its, texts))
    assert plain > 280


_LINE_STARTS = [" ", "  ", "    ", "\t", "#", "## ", ">", "> ", "-", "- ", "---", "***",
                "* ", "+ ", "=", "==", "_", "___", "~~~", "```", "<div>", "<!-- x -->", "[a]: /u",
                "[a]", "1. ", "2) ", "12.", "2019 ", "3.5 ", "(WN) ", "\u00a0", "\x0c", "...", "|",
                "| a | b |", "\\", "&amp; ", "!", "—", "\u3000"]
_LINE_ENDS = [" ", "  ", "\t", "\u00a0", " #", " ---", "\\"]


@st.composite
def plain_looking_doc(draw):
    lines = []
    if draw(st.booleans()):
        closer = draw(st.sampled_from(["---", "---", "----", "...", "--- ", " ---", "... "]))
        lines += ["---", "title: " + draw(st.sampled_from(["x", "- y", "---", "..."])), closer]
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(st.sampled_from(["", "", " ", "\t"])))
            continue
        words = draw(st.sampled_from(["Word", "two words", "x", "a *b* c", "it's", "—"]))
        # Mostly plain lines, so that many documents are plain and the rest nearly so.
        start = draw(st.sampled_from(_LINE_STARTS)) if draw(st.integers(0, 5)) == 0 else ""
        end = draw(st.sampled_from(_LINE_ENDS)) if draw(st.integers(0, 5)) == 0 else ""
        lines.append(start + words + end)
    end = draw(st.sampled_from(["", "\n", "\n\n", " \n"]))
    return "\n".join(lines) + end


@settings(max_examples=600, deadline=None)
@given(plain_looking_doc())
def test_made_plain_looking_documents_have_the_structure_markdown_it_gives_them(text):
    _assert_plain_structure_is_markdown_its(text)
