"""The boilerplate rule: fixtures with expected findings, the seed article, Wikinews."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared_paths import SEED, load_benchmark
from newslint.rules import boilerplate
from newslint.rules.boilerplate import Boilerplate
from newslint.testing import check_corpus, check_text, parse_text

FIXTURES = Path(__file__).parent / "boilerplate"
WIKINEWS = Path(__file__).parents[2] / "benchmarks" / "corpus" / "wikinews"


def _findings(path: Path, **options):
    return check_text(path.read_text(encoding="utf-8"), Boilerplate(), suffix=path.suffix,
                      options=options or None)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("bad-*.txt")) +
                         sorted(FIXTURES.glob("bad-*.md")), ids=lambda p: p.name)
def test_bad_fixture_matches_expected(fixture):
    expected = json.loads(fixture.with_name(fixture.stem + ".expected.json").read_text())
    found = _findings(fixture)
    assert [(f.line, f.end_line) for f in found] == [(e["line"], e["end_line"])
                                                     for e in expected]
    for f, e in zip(found, expected):
        assert f.excerpt.startswith(e["excerpt"])
        assert f.rule == "boilerplate" and f.category == "boilerplate"
        assert f.suggestions == ("remove",)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("good-*.*")), ids=lambda p: p.name)
def test_good_fixture_has_no_findings(fixture):
    assert _findings(fixture) == []


def test_teaser_list_is_one_finding_covering_the_run():
    found = _findings(FIXTURES / "bad-scraped-page.txt")
    run = [f for f in found if f.message.startswith("Teaser list")]
    assert len(run) == 1
    assert "(7 blocks)" in run[0].message
    assert run[0].excerpt.endswith("repairs continue...")


def test_byline_below_headline_keeps_the_headline_unflagged():
    # The plain-text parser takes "By Dana Whitfield" for the headline; the rule must still
    # treat the line above it as the headline, not as navigation.
    found = _findings(FIXTURES / "bad-scraped-page.txt")
    excerpts = [f.excerpt for f in found]
    assert "Harbour Council Approves Ferry Terminal Upgrade" not in excerpts
    assert "By Dana Whitfield" not in excerpts


def test_phrase_inside_a_sentence_is_not_furniture():
    text = ("The mayor urged residents to subscribe to the alerts and read more about the plan "
            "on the council website, which she said was related: to the budget.\n")
    assert check_text(text, Boilerplate(), suffix=".txt") == []


def test_teasers_need_to_run_to_the_end_of_the_article():
    # A list heading in the middle of the story reports only the heading; the story paragraphs
    # after it are not teasers.
    text = ("Main Street Market Reopens\n\n"
            "The market on Main Street reopened on Saturday after a year of repairs, drawing "
            "a crowd of several hundred shoppers, the organisers said.\n\n"
            "Related stories\n\n"
            "Stallholders said trade was better than before the fire.\n\n"
            "“It feels like coming home,” said baker Ruth Ames, who has run a stall for ten "
            "years and lost her oven in the fire.\n")
    found = check_text(text, Boilerplate(), suffix=".txt")
    assert [f.excerpt for f in found] == ["Related stories"]


def test_wire_credit_line_at_the_end_is_not_a_label():
    text = ("Port Reopens After Strike\n\n"
            "The port reopened on Monday after a three-day strike by crane operators ended "
            "with a pay deal, the port authority said.\n\n"
            "Advertisement\n\n"
            "(Reporting by Jane Doe; Editing by John Smith)\n")
    found = check_text(text, Boilerplate(), suffix=".txt")
    assert [f.excerpt for f in found] == ["Advertisement"]
    # The same position with a label is reported: the end of the article counts as furniture.
    found = check_text(text.replace("(Reporting by Jane Doe; Editing by John Smith)",
                                    "Most Popular Tags"), Boilerplate(), suffix=".txt")
    assert [f.excerpt for f in found] == ["Advertisement", "Most Popular Tags"]


def test_html_page_furniture():
    html = ("<html><body><p>Skip to content</p><p>Menu</p>"
            "<h1>Storm closes coastal road</h1>"
            "<p>The coastal road between Marton and Sandby was closed on Friday after a storm "
            "washed away part of the sea wall, the highways agency said.</p>"
            "<p>Advertisement</p>"
            "<p>Engineers will inspect the wall over the weekend, the agency said.</p>"
            "<h2>Related stories</h2><ul><li><a href='/a'>Sea wall repairs delayed</a></li>"
            "<li><a href='/b'>Harbour reopens</a></li></ul></body></html>")
    found = check_text(html, Boilerplate(), suffix=".html")
    messages = [f.message for f in found]
    assert len(found) == 4
    assert "'Skip to content' is page furniture, not part of the story." in messages
    assert "'Advertisement' is page furniture, not part of the story." in messages
    assert messages[-1].startswith("Teaser list after the story (3 blocks)")
    assert not any("Storm closes" in f.excerpt or "Engineers" in f.excerpt for f in found)


def test_extra_lines_option_adds_house_template_lines():
    text = ("Port Reopens After Strike\n\n"
            "The port reopened on Monday after a three-day strike by crane operators ended "
            "with a pay deal, the port authority said.\n\n"
            "Harbour Times Live Blog\n\n"
            "Ships that had waited offshore began unloading in the afternoon.\n")
    assert check_text(text, Boilerplate(), suffix=".txt") == []
    found = check_text(text, Boilerplate(), suffix=".txt",
                       options={"extra_lines": [r"harbour times live blog"]})
    assert [f.excerpt for f in found] == ["Harbour Times Live Blog"]


def test_line_recurring_in_many_files_is_template_text():
    docs = [parse_text(p.read_text(), suffix=".md", path=str(p))
            for p in sorted((FIXTURES / "recurring").glob("*.md"))]
    found = check_corpus(docs, Boilerplate())
    assert len(found) == 3
    assert {f.excerpt for f in found} == {"Harbour Times Community Desk"}
    assert all("3 files" in f.message for f in found)
    # Two files are not "many": the default threshold is three.
    assert check_corpus(docs[:2], Boilerplate()) == []
    assert len(check_corpus(docs[:2], Boilerplate(), {"recurring_min_files": 2})) == 2


def test_bylines_and_photo_credits_never_count_as_recurring():
    body = ("The council met on Tuesday and agreed to repair the bridge before winter, "
            "officials said.\n\n")
    docs = [parse_text(f"By Jane Doe\n\n{body}Photo: Harbour Times\n\n{body}",
                       suffix=".txt", path=f"story{i}.txt") for i in range(4)]
    assert check_corpus(docs, Boilerplate()) == []


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_furniture_found_and_story_untouched():
    text = SEED.read_text(encoding="utf-8")
    doc = parse_text(text, suffix=".txt")
    found = check_text(text, Boilerplate(), suffix=".txt")
    lines = [(f.line, f.end_line) for f in found]
    # Before the headline: "Security Experts:", "Connect with us", the search box, the section.
    assert lines[:4] == [(1, 1), (3, 3), (5, 5), (8, 8)]
    # After the story: Related x2, Written By, AFP 2023, Click to comment, the newsletter
    # (label and promotion), two webinars, Expert Insights, and the teaser list as one finding.
    assert lines[4:] == [(70, 70), (72, 72), (74, 74), (76, 76), (78, 78), (80, 80), (82, 82),
                         (84, 84), (87, 87), (90, 90), (92, 123)]
    story_end = doc.line_col(text.index("Related: Microsoft"))[0]
    headline_line = 10
    for f in found:
        assert f.end_line < headline_line or f.line >= story_end
    flagged = " ".join(f.excerpt for f in found)
    assert "Tough on China" not in flagged and "Data-sucking" not in flagged


@pytest.mark.slow
@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="Wikinews corpus not available")
def test_wikinews_false_positives_at_most_one_per_fifty_articles():
    paths = sorted(WIKINEWS.glob("2*.md"))
    assert len(paths) == 295
    docs = [parse_text(p.read_text(encoding="utf-8"), suffix=".md", path=str(p))
            for p in paths]
    found = check_corpus(docs, Boilerplate())
    # Every finding on these published articles is judged in benchmarks/judgements/.
    assert len(found) <= len(paths) // 50


def test_docstring_has_the_four_sections():
    doc = Boilerplate().doc
    for section in ("## What it flags", "## Why it matters", "## Example", "## Instead"):
        assert section in doc
    assert Boilerplate().summary.endswith(".")


def test_registered_through_the_hook():
    rules = boilerplate.newslint_register_rules(None)
    assert [r.id for r in rules] == ["boilerplate"]


@pytest.mark.slow
@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="Wikinews corpus not available")
def test_planted_furniture_in_wikinews_is_found_without_touching_the_story():
    module = load_benchmark("bench_style")
    docs, planted = module.planted_articles(limit=60)
    score = module.score_planted(check_corpus(docs, Boilerplate()), planted)
    assert score["wrong"] == []
    assert score["found"] >= 0.95 * score["planted_lines"]


MENU_STORY = """Sign in

Video

World

Business

Back to main menu

The council approved the budget on Tuesday after a long debate, officials said.

Ticket prices

Adults: $20

Children: $10

Share
"""


def test_a_menu_of_labels_around_known_furniture_is_reported_but_not_a_fact_box():
    found = check_text(MENU_STORY, Boilerplate(), suffix=".txt")
    flagged = {f.excerpt for f in found}
    assert {"World", "Business"} <= flagged  # section labels inside the menu
    assert {"Sign in", "Video", "Share"} <= flagged  # known furniture
    assert not flagged & {"Ticket prices", "Adults: $20", "Children: $10"}


@pytest.mark.parametrize("line", ["Advert", "Iklan", "Anzeige", "Реклама", "Video", "1:45",
                                  "Share this on WhatsApp", "Email • Twitter", "Reddit",
                                  "1.2k Shares", "10h ago", "Continue reading the main story",
                                  "Back to main menu", "About us", "Log out", "Reply",
                                  "Show more comments (20)", "Image 1 of 23", "Bagikan",
                                  "Baca juga: Harga cabai naik", "3 min read", "Loading...",
                                  "© 2019 Harbour Times Media. Alle Rechte vorbehalten",
                                  "This site uses Akismet to reduce spam.",
                                  "No spam, we promise. You can unsubscribe at any time.",
                                  "Follow Harbour Times on Instagram and Facebook.",
                                  "This post may contain affiliate links."])
def test_furniture_phrase_families(line):
    text = f"The council approved the budget on Tuesday, officials said.\n\n{line}\n"
    found = check_text(text, Boilerplate(), suffix=".txt")
    assert [f.excerpt for f in found] == [line]


SCRAPED_AROUND_STORY = """\
Harbour Times

Ports

Shipping

Weather

Sign in

Port Reopens After Strike

The port reopened on Monday after a three-day strike by crane operators ended with a pay deal, \
the port authority said in a statement.

Ships that had waited offshore for two days began unloading in the afternoon, and the first \
trucks left the terminal before dark.

Advertisement

The union said its members would vote on the deal next week.

Share on Facebook

Tonight's Picks

Ferry Timetable Changes

Council Budget Explained

Crossword Answers

About Us

Careers
"""


def test_page_chrome_around_the_story_is_reported_up_to_a_sentence_of_story():
    found = check_text(SCRAPED_AROUND_STORY, Boilerplate(), suffix=".txt")
    flagged = {f.excerpt for f in found}
    # Above the story: everything up to the last known furniture line, section labels included.
    assert {"Harbour Times", "Ports", "Shipping", "Weather", "Sign in"} <= flagged
    # Below it: everything from the first known furniture line on, teaser titles and all.
    assert {"Share on Facebook", "Tonight's Picks", "Ferry Timetable Changes", "Careers"} \
        <= flagged
    # The headline, the story and its last short paragraph after the advert are not.
    assert "Advertisement" in flagged
    assert not any(e.startswith(("Port Reopens", "The port", "Ships", "The union"))
                   for e in flagged)


def test_a_story_sentence_stops_the_chrome_below_the_story():
    text = SCRAPED_AROUND_STORY.replace(
        "Ferry Timetable Changes", "Officials expect the backlog to clear by Friday.")
    flagged = {f.excerpt for f in check_text(text, Boilerplate(), suffix=".txt")}
    assert "Tonight's Picks" in flagged
    assert "Officials expect the backlog to clear by Friday." not in flagged
    assert "Council Budget Explained" not in flagged  # no known furniture line above it


@pytest.mark.parametrize("line", ["© Reuters", "Sign up for a streaming account for $7.99 a month",
                                  "The company uses cookies to track its users.",
                                  # crossheads a story may have, though a footer has them too
                                  "Jobs", "Privacy", "Terms", "Help", "About", "Careers"])
def test_credits_and_story_lines_like_furniture_are_not_reported(line):
    text = (f"The council approved the budget on Tuesday, officials said.\n\n{line}\n\n"
            "The plan adds 40 posts at the harbour office over the next two years.\n")
    assert check_text(text, Boilerplate(), suffix=".txt") == []


def test_a_teaser_headline_in_title_case_does_not_stop_the_chrome():
    text = SCRAPED_AROUND_STORY.replace("Ferry Timetable Changes", "Can Your Phone Survive the Cold?")
    flagged = {f.excerpt for f in check_text(text, Boilerplate(), suffix=".txt")}
    assert {"Can Your Phone Survive the Cold?", "Council Budget Explained"} <= flagged
