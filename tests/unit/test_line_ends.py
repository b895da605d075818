"""Positions are exact whatever ends the lines: LF, CRLF, a bare CR, or a mix, in every parser."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.grammar import RepeatedWord
from newslint.testing import check_text, parse_text

ENDS = st.sampled_from(["\n", "\r\n", "\r"])
WORDS = st.sampled_from(["the", "news", "said", "Weaver", "“quoted”", "café", "e-mail", "42",
                         "end.", "*em*", "A&amp;B"])


def expected_line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column counted independently: CRLF, CR and LF each end one line."""
    head = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", head))
    if head.endswith("\r") and text[offset:offset + 1] == "\n":
        breaks = breaks[:-1]  # the offset splits a CRLF: still on the CR's line
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


@st.composite
def article(draw, fmt: str):
    end = draw(st.one_of(ENDS, st.none()))  # None: a different end for every line
    paras = []
    for _ in range(draw(st.integers(1, 4))):
        lines = [" ".join(draw(st.lists(WORDS, min_size=1, max_size=6)))
                 for _ in range(draw(st.integers(1, 3)))]
        if fmt == "html":
            lines = [re.sub(r"\*(\w+)\*", r"<em>\1</em>", line) for line in lines]
        if draw(st.booleans()):
            lines[0] = "the the " + lines[0]  # something to report
        sep = end or draw(ENDS)
        body = sep.join(lines) if end else "".join(line + draw(ENDS) for line in lines)
        paras.append(f"<p>{body}</p>" if fmt == "html" else body)
    sep = end or draw(ENDS)
    lead = draw(st.sampled_from(["", "\r", "\n", "\r\n"]))  # a paragraph starting with a CR
    return lead + (sep * 2).join(paras) + draw(st.sampled_from(["", "\n", "\r", "\r\n"]))


def _maps(text: str, offset: int, ch: str) -> bool:
    src = text[offset]
    if src == ch or (ch == " " and src in " \r\n"):
        return True
    if src == "&":
        return ch == "&"
    return False


def _check(text: str, suffix: str) -> None:
    doc = parse_text(text, suffix=suffix)
    for block in doc.blocks:
        for i, ch in enumerate(block.prose):
            assert _maps(text, block.source_offset(i), ch), (text, block.prose, i)
    for f in check_text(text, RepeatedWord(), suffix=suffix):
        assert f.length > 0 and text[f.offset:f.offset + f.length] == f.excerpt, (text, f)
        # Tags out; a hyphenated compound ("e-mail") is one word, as the rule reads it.
        words = re.findall(r"\w+(?:-\w+)*", re.sub(r"<[^>]*>", " ", f.excerpt.lower()))
        # The excerpt is a repeat: a word or a phrase of up to four words, two or more times.
        assert any(len(words) % k == 0 and len(words) >= 2 * k
                   and all(words[i] == words[i % k] for i in range(len(words)))
                   for k in range(1, 5)), (text, f)
        assert (f.line, f.column) == expected_line_col(text, f.offset), (text, f)
        assert (f.end_line, f.end_column) == expected_line_col(text, f.offset + f.length)


@settings(max_examples=120, deadline=None)
@given(article("markdown"))
def test_markdown_positions_with_any_line_ends(text):
    _check(text, ".md")


@settings(max_examples=120, deadline=None)
@given(article("text"))
def test_plain_text_positions_with_any_line_ends(text):
    _check(text, ".txt")


@settings(max_examples=120, deadline=None)
@given(article("html"))
def test_html_positions_with_any_line_ends(text):
    _check(text, ".html")


def test_a_markdown_paragraph_starting_with_a_bare_cr_is_reported_where_it_is():
    text = "Intro.\n\n\rThe the end.\n"
    [f] = check_text(text, RepeatedWord(), suffix=".md")
    assert (f.offset, f.length, f.excerpt, f.line, f.column) == (9, 7, "The the", 4, 1)


def test_bare_cr_files_count_their_lines():
    text = "Intro.\r\rThe the end.\r"
    for suffix in (".md", ".txt", ".html"):
        [f] = check_text(text, RepeatedWord(), suffix=suffix)
        assert (f.offset, f.excerpt, f.line, f.column) == (8, "The the", 3, 1), suffix
