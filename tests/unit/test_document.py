"""The document model: positions, plain-text blocks, datelines, publication dates."""

import datetime as dt

import pytest

from newslint.errors import InputError
from newslint.testing import parse_text


def test_line_col_and_span_agree_with_offsets():
    doc = parse_text("ab\ncd\n\nef", suffix=".txt")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(3) == (2, 1)
    assert doc.line_col(8) == (4, 2)
    span = doc.span(3, 2)
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 1, 2, 3)
    assert span.excerpt == "cd"


def test_plain_text_blocks_join_lines_and_map_back(seed_text):
    doc = parse_text(seed_text, suffix=".txt")
    for block in doc.blocks:
        for i, ch in enumerate(block.prose):
            src = doc.text[block.source_offset(i)]
            assert src == ch or (ch == " " and src in "\r\n"), (block, i)


def test_seed_kinds_headline_after_navigation(seed_text):
    doc = parse_text(seed_text, suffix=".txt")
    headline = [b for b in doc.blocks if b.kind == "headline"]
    assert [b.prose for b in headline] == ["TikTok, WeChat Bans Not Crucial to US Security: Experts"]
    assert doc.blocks[1].kind == "heading" and doc.blocks[1].prose == "Connect with us"
    assert doc.pub_date is None


def test_crlf_positions():
    text = "First paragraph line one\r\nline two.\r\n\r\nSecond paragraph.\r\n"
    doc = parse_text(text, suffix=".txt")
    assert [b.prose for b in doc.blocks] == ["First paragraph line one line two.",
                                            "Second paragraph."]
    second = doc.blocks[1]
    off, length = second.source_span(0, 6)
    assert doc.text[off:off + length] == "Second"
    assert doc.line_col(off) == (4, 1)


def test_markdown_front_matter_and_dateline():
    doc = parse_text("---\ntitle: T\ndate: 2019-01-04\n---\n\nFriday, January 4, 2019\n\n"
                     "Body text here.\n")
    assert doc.pub_date == dt.date(2019, 1, 4)
    assert doc.pub_date_source == "front-matter"
    assert doc.blocks[0].kind == "dateline"
    assert doc.meta["dateline_weekday"] == "Friday"
    assert doc.meta["title"] == "T"


def test_dateline_alone_gives_publication_date():
    doc = parse_text("Friday, January 4, 2019\n\nBody.\n", suffix=".txt")
    assert doc.pub_date == dt.date(2019, 1, 4)
    assert doc.pub_date_source == "dateline"


def test_date_option_wins_over_front_matter():
    doc = parse_text("---\ndate: 2019-01-04\n---\nText.\n", pub_date=dt.date(2020, 8, 7))
    assert doc.pub_date == dt.date(2020, 8, 7)
    assert doc.pub_date_source == "option"


def test_wire_dateline_is_recorded():
    doc = parse_text("WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.\n")
    assert doc.meta["dateline"] == "WASHINGTON (AP)"


@pytest.mark.parametrize("front, message", [
    ("title: [unclosed\n", "broken front matter"),
    ("- a\n- b\n", "expected key: value pairs"),
    ("date: someday soon\n", "is not a date"),
])
def test_broken_front_matter_is_a_clear_input_error(front, message):
    with pytest.raises(InputError) as exc:
        parse_text(f"---\n{front}---\n\nBody.\n", path="a.md")
    assert message in str(exc.value)
    assert "a.md" in str(exc.value)


def test_sentences_respect_abbreviations():
    doc = parse_text("Gov. Jay Inslee spoke on Aug. 7 in the U.S. capital. He left. "
                     "“Go,” she said.\n")
    block = doc.blocks[0]
    assert [block.sentence_text(s) for s in block.sentences] == [
        "Gov. Jay Inslee spoke on Aug. 7 in the U.S. capital.", "He left.", "“Go,” she said."]
