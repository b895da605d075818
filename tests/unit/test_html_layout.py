"""Where the HTML report puts each finding: prose positions, nesting, pieces, colours."""

from __future__ import annotations

import pytest

from newslint.engine import parse_document
from newslint.finding import CATEGORIES, Finding
from newslint.formatters.html.layout import (
    BACKGROUND, CATEGORY_STYLES, LINE_NAMES, TEXT, FindingView, Mark, chart_bars,
    contrast_ratio, explanation_parts, place)
from newslint.source import ArticleSource


def _source(text: str, suffix: str = ".md") -> ArticleSource:
    return ArticleSource.from_document(parse_document(f"story{suffix}", text, suffix))


def _finding(source, start: int, length: int, rule: str = "r", category: str = "style"):
    return Finding(rule=rule, category=category, severity="warning", message=f"about {rule}",
                   path=source.path, line=1, column=1, end_line=1, end_column=1, offset=start,
                   length=length, excerpt=source.text[start:start + length])


def _views(source, *spans):
    return [FindingView(i, _finding(source, s, n, rule=f"r{i}"), 1)
            for i, (s, n) in enumerate(spans, start=1)]


def _marks(children):
    for c in children:
        if isinstance(c, Mark):
            yield c
            yield from _marks(c.children)


def _text(children) -> str:
    return "".join(c if isinstance(c, str) else _text(c.children) for c in children)


def _covered(children, number) -> str:
    """The prose text under every piece of finding ``number``."""
    return "".join(_text(m.children) for m in _marks(children) if m.view.number == number)


TEXT_MD = ("---\ntitle: A story\ndate: 2020-08-07\n---\n\n"
           "Experts say the [city council](https://example.org/a) met &amp; voted.\n\n"
           "Second paragraph with words.\n")


def test_the_source_keeps_title_date_and_blocks():
    source = _source(TEXT_MD)
    assert source.title == "A story"
    assert source.pub_date.isoformat() == "2020-08-07"
    assert [b.kind for b in source.blocks] == ["paragraph", "paragraph"]
    assert source.blocks[0].line == 6
    assert source.blocks[0].prose == "Experts say the city council met & voted."


def test_a_span_inside_a_link_maps_to_the_link_text():
    source = _source(TEXT_MD)
    start = TEXT_MD.index("city council")
    blocks, outside = place(source, _views(source, (start, len("city council"))))
    assert outside == []
    assert _covered(blocks[0].children, 1) == "city council"
    # The whole prose is still there, in order, around the mark.
    assert _text(blocks[0].children) == source.blocks[0].prose


def test_an_entity_is_covered_whole():
    source = _source(TEXT_MD)
    start = TEXT_MD.index("&amp;")
    blocks, _ = place(source, _views(source, (start, 5)))
    assert _covered(blocks[0].children, 1) == "&"


def test_a_finding_on_link_markup_only_becomes_a_marker():
    source = _source(TEXT_MD)
    start = TEXT_MD.index("https://")
    blocks, outside = place(source, _views(source, (start, len("https://example.org/a"))))
    assert outside == []
    (mark,) = list(_marks(blocks[0].children))
    assert mark.primary and mark.empty


def test_front_matter_findings_are_listed_outside_the_text():
    source = _source(TEXT_MD)
    start = TEXT_MD.index("2020-08-07")
    blocks, outside = place(source, _views(source, (start, 10)))
    assert [v.number for v in outside] == [1]
    assert not any(list(_marks(b.children)) for b in blocks)


def test_nested_and_crossing_findings_each_have_one_primary_piece():
    source = _source("One two three four five six.\n", ".txt")
    text = source.text
    spans = [(text.index("two"), len("two three four")),      # 1: outer
             (text.index("three"), len("three")),             # 2: inside 1
             (text.index("four"), len("four five")),          # 3: crosses the end of 1
             (text.index("six"), 0)]                          # 4: empty, at "six"
    blocks, outside = place(source, _views(source, *spans))
    children = blocks[0].children
    assert outside == []
    assert _text(children) == source.blocks[0].prose
    primaries = [m.view.number for m in _marks(children) if m.primary]
    assert sorted(primaries) == [1, 2, 3, 4]
    assert _covered(children, 1) == "two three four"
    assert _covered(children, 2) == "three"
    assert _covered(children, 3) == "four five"
    assert [m.primary for m in _marks(children) if m.view.number == 3] == [True, False]
    empty = next(m for m in _marks(children) if m.view.number == 4)
    assert empty.empty


def test_a_finding_across_two_blocks_is_cut_at_the_block_boundary():
    source = _source("First paragraph ends here.\n\nSecond one starts here.\n", ".txt")
    start = source.text.index("ends")
    end = source.text.index("starts")
    blocks, _ = place(source, _views(source, (start, end - start)))
    first = list(_marks(blocks[0].children))
    second = list(_marks(blocks[1].children))
    assert [m.primary for m in first] == [True]
    assert [m.primary for m in second] == [False]
    assert _text(first[0].children) == "ends here."
    assert _text(second[0].children) == "Second one "


@pytest.mark.parametrize("category", CATEGORIES)
def test_category_colours_meet_wcag_aa(category):
    style = CATEGORY_STYLES[category]
    assert contrast_ratio(TEXT, style["tint"]) >= 4.5  # body text on the highlight
    assert contrast_ratio(style["line"], BACKGROUND) >= 3.0  # the underline, a graphic
    assert contrast_ratio(style["line"], style["tint"]) >= 3.0


def test_each_category_has_its_own_line_style_not_only_a_colour():
    assert set(CATEGORY_STYLES) == set(CATEGORIES) == set(LINE_NAMES)
    assert len(set(LINE_NAMES.values())) == len(CATEGORIES)
    decorations = [s["decoration"] for c, s in CATEGORY_STYLES.items() if c != "boilerplate"]
    assert len(set(decorations)) == len(decorations)


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_chart_bars_scale_to_the_largest_count():
    bars = chart_bars({"dates": 2, "style": 8, "grammar": 0}, width=400)
    assert [(b.category, b.width) for b in bars] == [("dates", 100.0), ("style", 400.0),
                                                      ("grammar", 0.0)]
    assert [b.y for b in bars] == [0, 26, 52]


def test_the_screen_reader_label_starts_with_the_flagged_words():
    source = _source("Experts say   the\nplan failed.\n", ".txt")
    (view,) = _views(source, (0, len("Experts say   the\nplan")))
    assert view.label == "“Experts say the plan”, warning style finding, r1: about r1"
    empty = FindingView(2, _finding(source, 0, 0), 1)
    assert empty.label == "warning style finding, r: about r"


def test_an_explanation_becomes_headings_paragraphs_lists_and_examples():
    text = ("Claims pinned on unnamed groups.\n\n## What it flags\nA claim attributed to a\n"
            "group, see ``data/attribution.yaml``.\n\n## Example\n```\nexperts told AFP\n"
            "  Friday.\n```\n\n## Options\n- `extra` (default: [])\n  and more\n- `other`\n")
    assert explanation_parts(text) == [
        ["p", "Claims pinned on unnamed groups."],
        ["h", "What it flags"],
        ["p", "A claim attributed to a group, see data/attribution.yaml."],
        ["h", "Example"],
        ["pre", "experts told AFP\n  Friday."],
        ["h", "Options"],
        ["li", "extra (default: []) and more"],
        ["li", "other"],
    ]
