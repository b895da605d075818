"""The date rules on fixtures, on the seed article and on the Wikinews corpus."""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from pathlib import Path

import pytest

from shared_paths import load_benchmark
from newslint.finding import CATEGORIES, SEVERITIES
from newslint.rules import dates
from newslint.testing import check_text

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
# Data kept next to the repository (not shipped with it); NEWSLINT_SHARED points elsewhere.
SHARED = Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "securityweek-tiktok-wechat-bans.txt"
WIKINEWS = ROOT / "benchmarks" / "corpus" / "wikinews"
WIKINEWS_CSV = SHARED / "corpora" / "wikinews_2019_2020"
RULES = {rule.id: rule for rule in (cls() for cls in dates.RULES)}


def run(rule_id: str, text: str, suffix: str = ".md", **kw):
    return check_text(text, RULES[rule_id], suffix=suffix, **kw)


def all_rules(text: str, suffix: str = ".md", **kw):
    found = []
    for rule in RULES.values():
        found += check_text(text, rule, suffix=suffix, **kw)
    return found


# --- registration and documentation ------------------------------------------------------

def test_registers_the_five_rules():
    registered = dates.newslint_register_rules(config=None)
    assert sorted(r.id for r in registered) == sorted([
        "weekday-date-mismatch", "date-after-publication", "relative-date-conflict",
        "relative-date-unanchored", "relative-day-word"])


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_metadata_and_docs(rule_id):
    rule = RULES[rule_id]
    assert rule.category == "dates" and rule.category in CATEGORIES
    assert rule.severity in SEVERITIES
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.id)
    doc = rule.doc
    for section in ("## What it flags", "## Why it matters", "## Example", "## Instead"):
        assert section in doc, section
    assert not doc.splitlines()[0].startswith("#")
    # Every option the docs mention by name exists, and every option is documented.
    for name in rule.default_options:
        assert f"`{name}`" in doc, name


def test_severities_follow_the_issue():
    assert RULES["weekday-date-mismatch"].severity == "error"
    assert RULES["date-after-publication"].severity == "warning"
    assert RULES["relative-date-conflict"].severity == "warning"
    assert RULES["relative-date-unanchored"].severity == "info"
    assert RULES["relative-day-word"].severity == "info"


# --- fixtures ------------------------------------------------------------------------------

FIXTURE_DIRS = sorted(d for d in HERE.iterdir() if d.is_dir() and d.name in RULES)


def test_every_rule_has_fixtures():
    assert sorted(d.name for d in FIXTURE_DIRS) == sorted(RULES)
    for d in FIXTURE_DIRS:
        assert list(d.glob("bad*")) and list(d.glob("good*")), d.name


@pytest.mark.parametrize("folder", FIXTURE_DIRS, ids=lambda d: d.name)
def test_bad_fixtures_give_exactly_the_expected_findings(folder):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    got = []
    for path in sorted(folder.glob("bad*")):
        text = path.read_text(encoding="utf-8")
        for f in run(folder.name, text, suffix=path.suffix, path=path.name):
            assert text[f.offset:f.offset + f.length] == f.excerpt
            got.append({"file": path.name, "line": f.line, "excerpt": f.excerpt,
                        "suggestions": list(f.suggestions)})
    assert got == expected


@pytest.mark.parametrize("path", [p for d in FIXTURE_DIRS for p in sorted(d.glob("good*"))],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_good_fixtures_are_silent(path):
    assert run(path.parent.name, path.read_text(encoding="utf-8"), suffix=path.suffix) == []


# --- individual behaviour -----------------------------------------------------------------

def test_weekday_mismatch_points_at_the_weekday_and_relates_the_date():
    text = "The bans were announced on Thursday, Aug. 7, 2020, by the White House.\n"
    (f,) = run("weekday-date-mismatch", text)
    assert f.excerpt == "Thursday" and f.suggestions == ("Friday",)
    assert "Aug. 7, 2020 is a Friday" in f.message
    assert [r.excerpt for r in f.related] == ["Aug. 7, 2020"]


def test_weekday_mismatch_quotes_option():
    text = '"We met on Thursday, Aug. 7, 2020," she said.\n'
    assert len(run("weekday-date-mismatch", text)) == 1
    assert run("weekday-date-mismatch", text, options={"check_quotes": False}) == []


def test_yearless_weekday_date_needs_a_publication_date():
    text = "Talks resume on Monday, March 3.\n"
    assert run("relative-date-conflict", text) == []
    (f,) = run("relative-date-conflict", text, pub_date=_dt.date(2020, 2, 20))
    assert f.suggestions == ("Tuesday",)
    # Read from 2025, March 3 is a Monday: nothing to report.
    assert run("relative-date-conflict", text, pub_date=_dt.date(2025, 2, 20)) == []


def test_dateline_against_option_date():
    text = "Friday, August 7, 2020\n\nThe minister resigned on Thursday.\n"
    assert run("relative-date-conflict", text, suffix=".txt") == []  # the dateline is the date
    (f,) = run("relative-date-conflict", text, suffix=".txt", pub_date=_dt.date(2020, 8, 8))
    assert f.excerpt == "August 7, 2020" and "--date" in f.message
    assert run("relative-date-conflict", text, suffix=".txt", pub_date=_dt.date(2020, 8, 8),
               options={"check_dateline": False}) == []


def test_date_after_publication_ignores_future_and_quotes():
    pub = _dt.date(2020, 8, 7)
    assert run("date-after-publication", "The vote will take place in 2021.\n",
               pub_date=pub) == []
    quoted = '"The deal was signed in 2021," he said.\n'
    assert run("date-after-publication", quoted, pub_date=pub) == []
    assert len(run("date-after-publication", quoted, pub_date=pub,
                   options={"check_quotes": True})) == 1


def test_date_after_publication_yearless_window():
    text = "The suspect was arrested on Aug. 12.\n"
    assert len(run("date-after-publication", text, pub_date=_dt.date(2020, 8, 7))) == 1
    assert run("date-after-publication", text, pub_date=_dt.date(2020, 8, 7),
               options={"yearless_days": 3}) == []


def test_credit_line_option():
    text = "The bans were announced on Thursday.\n\nAFP 2023\n"
    pub = _dt.date(2020, 8, 7)
    (f,) = run("date-after-publication", text, pub_date=pub)
    assert f.excerpt == "2023" and "credit line" in f.message
    assert run("date-after-publication", text, pub_date=pub,
               options={"credit_lines": False}) == []


def test_headline_year_is_not_a_credit_line():
    text = "# Tokyo 2021\n\nThe games were moved.\n"
    assert run("date-after-publication", text, pub_date=_dt.date(2020, 8, 7)) == []


def test_relative_day_word_words_option():
    text = "The order was signed today.\n"
    pub = _dt.date(2020, 8, 7)
    assert run("relative-day-word", text, pub_date=pub) == []
    (f,) = run("relative-day-word", text, pub_date=pub,
               options={"words": ["yesterday", "tomorrow", "today"]})
    assert f.suggestions == ("Friday",)


def test_unanchored_counts_further_references():
    text = "Experts spoke Friday.\n\nThe order came Thursday and takes effect next week.\n"
    (f,) = run("relative-date-unanchored", text, suffix=".txt")
    assert f.excerpt == "Friday" and "2 more relative references" in f.message


# --- the seed article ---------------------------------------------------------------------

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="seed article not available")


@needs_seed
def test_seed_without_a_date_gives_one_unanchored_finding():
    found = all_rules(SEED.read_text(encoding="utf-8"), suffix=".txt")
    assert [(f.rule, f.excerpt, f.line) for f in found] == [
        ("relative-date-unanchored", "Friday", 12)]


@needs_seed
def test_seed_with_date_flags_the_credit_year_and_not_the_weekdays():
    text = SEED.read_text(encoding="utf-8")
    found = all_rules(text, suffix=".txt", pub_date=_dt.date(2020, 8, 7))
    credit = [f for f in found if f.rule == "date-after-publication" and f.line == 76]
    assert [f.excerpt for f in credit] == ["2023"]
    # "told AFP Friday" (line 12, 14), "declared Thursday" (16), "said Friday" (56).
    assert not [f for f in found if f.excerpt in ("Friday", "Thursday")]
    assert not [f for f in found if f.line in (12, 14, 16, 56)]
    # The related-content teaser on line 107 reports December 2022 as past.
    assert [(f.line, f.excerpt) for f in found if f.line != 76] == [(107, "December 2022")]


# --- the Wikinews corpus ------------------------------------------------------------------

def _bench():
    return load_benchmark("bench_dates")


@pytest.mark.slow
def test_wikinews_planted_weekday_mismatches_are_found():
    bench = _bench()
    result = bench.planted_recall(bench.articles())
    assert result["planted"] > 500
    assert result["recall"] >= 0.95, result["missed"][:10]
    assert result["controls_reported"] == []


@pytest.mark.slow
def test_wikinews_clean_articles_are_quiet():
    bench = _bench()
    paths = bench.articles()
    rows = bench.clean_findings(paths)
    serious = [r for r in rows if r["rule"] != "relative-day-word"]
    assert len(serious) <= len(paths) / 10, serious
    # Every "yesterday"/"tomorrow" suggestion is a weekday.
    for r in rows:
        if r["rule"] == "relative-day-word":
            assert re.match(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", r["suggestions"][0])


@pytest.mark.slow
def test_wikinews_datelines_match_their_dates():
    bench = _bench()
    # The original CSV dates when they are at hand, else the front matter made from them.
    by_url = bench.csv_dates(WIKINEWS_CSV) if WIKINEWS_CSV.is_dir() else None
    result = bench.check_datelines(bench.articles(), by_url)
    counts = result["counts"]
    assert counts["datelines"] > 150
    assert counts.get("no_csv_row", 0) == 0
    assert counts["agree"] == counts["datelines"] and counts["dateline_findings"] == 0


# --- HTML ----------------------------------------------------------------------------------

def _html(meta_date: str, body: str) -> str:
    return (f'<html><head><meta property="article:published_time" content="{meta_date}">'
            f"</head><body><h1>Minister resigns</h1>{body}</body></html>")


def test_html_dateline_against_meta_date_allows_a_time_zone_day():
    body = "<p>Friday, August 7, 2020</p><p>The minister resigned on Thursday.</p>"
    assert run("relative-date-conflict", _html("2020-08-08T02:00:00Z", body), ".html") == []
    (f,) = run("relative-date-conflict", _html("2020-08-10", body), ".html")
    assert f.excerpt == "August 7, 2020" and "meta date" in f.message


def test_html_entities_keep_exact_spans():
    body = ("<p>Profits &amp; losses were reported on Thursday, Aug. 7, 2020.</p>"
            "<p>&copy; 2023 Example News</p>")
    text = _html("2020-08-07", body)
    (mismatch,) = run("weekday-date-mismatch", text, ".html")
    assert text[mismatch.offset:mismatch.offset + mismatch.length] == "Thursday"
    (credit,) = run("date-after-publication", text, ".html")
    assert text[credit.offset:credit.offset + credit.length] == "2023"


def test_interview_turns_count_as_speech_but_notes_do_not():
    pub = _dt.date(2020, 4, 14)
    interview = ("((WN)) When did you start?\n\n((Ann Lee)) I called him yesterday.\n\n"
                 "He answered yesterday too.\n\n## Sources\n\nThe interview ran yesterday.\n")
    found = run("relative-day-word", interview, pub_date=pub)
    assert [f.line for f in found] == [9]  # only the prose after the transcript
    notes = "Update: one.\n\nUpdate: two.\n\nThe minister spoke yesterday.\n"
    assert len(run("relative-day-word", notes, pub_date=pub)) == 1


def test_expressions_are_kept_in_the_document_cache():
    from newslint.testing import parse_text

    doc = parse_text("The minister resigned yesterday (Thursday).\n",
                     pub_date=_dt.date(2020, 8, 8))
    first = dates.temporal_expressions(doc)
    assert doc.cache[dates.__name__] is first
    assert dates.temporal_expressions(doc) is first
    other = parse_text("The minister resigned on Friday.\n", pub_date=_dt.date(2020, 8, 8))
    assert dates.temporal_expressions(other) is not first
    assert [f.expr.text for f in dates.temporal_expressions(doc)] == ["yesterday", "Thursday"]


def test_ambiguous_numeric_dates_follow_the_configured_order():
    # 9/10/2014: 10 September (a Wednesday) month first, 9 October (a Thursday) day first.
    # Neither order gives a Monday: the suggestion follows the configured order.
    text = "The ruling came Monday, 9/10/2014, after a long wait.\n"
    (f,) = run("weekday-date-mismatch", text)
    assert f.suggestions == ("Wednesday",)
    (f,) = run("weekday-date-mismatch", text, options={"numeric_dates": "day-first"})
    assert f.suggestions == ("Thursday",)
    # Only the other order falls on the weekday written: the writer's convention, not an error.
    for weekday, order in (("Thursday", "month-first"), ("Wednesday", "day-first")):
        other = f"The ruling came {weekday}, 9/10/2014, after a long wait.\n"
        assert run("weekday-date-mismatch", other, options={"numeric_dates": order}) == []


def test_yearless_numeric_date_with_a_weekday_is_read_against_the_publication_date():
    text = "Ticket sales open 4/23 (Fri) at the box office.\n"
    (f,) = run("relative-date-conflict", text, pub_date=_dt.date(2025, 3, 1))
    assert f.excerpt == "Fri" and f.suggestions == ("Wednesday",)
    assert run("relative-date-conflict", "Ticket sales open 4/23 (Wed).\n",
               pub_date=_dt.date(2025, 3, 1)) == []
    # A fraction after a weekday is not a date.
    assert run("relative-date-conflict", "On Tuesday, 2/3 of the Senate voted.\n",
               pub_date=_dt.date(2025, 3, 1)) == []


def test_numeric_dates_option_is_validated():
    from newslint.errors import ConfigError

    with pytest.raises(ConfigError, match="numeric_dates"):
        run("weekday-date-mismatch", "Monday, 9/10/2014.\n", options={"numeric_dates": "iso"})


def test_an_undated_story_gets_one_unanchored_finding_with_the_others_related():
    # A Wikinews story with its front matter and dateline removed, as story text travels.
    path = next(WIKINEWS.glob("2019-01-04-magnitogorsk-apartment-building*.md"))
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    body = body.replace("Friday, January 4, 2019\n", "", 1)
    (f,) = run("relative-date-unanchored", body)
    assert f.excerpt == "Monday"  # "An apartment building collapsed on Monday …"
    related = [r.excerpt for r in f.related]
    assert "yesterday" in related and "Wednesday" in related
    assert f"{len(related)} more relative reference" in f.message
    assert all(r.path == f.path and r.line >= f.line for r in f.related)


def test_yearless_weekday_date_that_fits_the_year_before_is_not_a_conflict():
    # A story of November 19, 2019 about a trial: May 18, 2019 was a Saturday; May 18, 2020
    # (a few days nearer) is a Monday. The text does not say which year; one reading is right.
    text = "Webb grabbed the girl at 6:38 p.m. on Saturday, May 18, evidence showed.\n"
    assert run("relative-date-conflict", text, pub_date=_dt.date(2019, 11, 19)) == []
    (f,) = run("relative-date-conflict", text.replace("Saturday", "Sunday"),
               pub_date=_dt.date(2019, 11, 19))
    assert f.excerpt == "Sunday"


def test_a_figure_far_past_the_publication_year_is_not_a_year():
    pub = _dt.date(2019, 11, 18)
    text = "That beats the previous design, which earned a total score of 2072.\n"
    assert run("date-after-publication", text, pub_date=pub) == []
    assert len(run("date-after-publication", "The plant closed in 2021.\n", pub_date=pub)) == 1


def test_unanchored_is_quiet_in_datelined_copy():
    # A place dateline is news copy whose publishing system carries the day with it.
    for opening in ("NEW DELHI: ", "WASHINGTON \u2014 ", "LONDON, England \u2014 "):
        text = opening + "Nearly 150 deportees returned home on Wednesday, officials said.\n"
        assert run("relative-date-unanchored", text, suffix=".txt") == [], opening
    # A label that opens a paragraph the same way is no dateline.
    (f,) = run("relative-date-unanchored",
               "BREAKING: Nearly 150 deportees returned home on Wednesday.\n", suffix=".txt")
    assert f.excerpt == "Wednesday"
