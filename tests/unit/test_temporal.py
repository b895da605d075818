"""Temporal expression extraction and resolution."""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

import pytest

from shared_paths import load_benchmark
from newslint.text.temporal import find_temporal_expressions, reads_as_past, resolve

D = _dt.date
FRIDAY = D(2020, 8, 7)  # the seed article's publication date, a Friday
ROOT = Path(__file__).parent.parent.parent
# Data kept next to the repository (not shipped with it); NEWSLINT_SHARED points elsewhere.
SHARED = Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))
MEANTIME = SHARED / "corpora" / "meantime_wikinews_stocks" / "gold_cat_xml"


def exprs(text):
    return [(e.kind, e.text) for e in find_temporal_expressions(text)]


def one(text, kind=None):
    found = [e for e in find_temporal_expressions(text) if kind is None or e.kind == kind]
    assert len(found) == 1, found
    return found[0]


# --- extraction ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("on Aug. 7 the", "Aug. 7"),
    ("on Aug. 7, 2020, the", "Aug. 7, 2020"),
    ("on August 7th the", "August 7th"),
    ("on 7 August 2020 the", "7 August 2020"),
    ("on the 7th of August the", "7th of August"),
    ("dated 2020-08-07 in", "2020-08-07"),
    ("dated 8/17/2020 in", "8/17/2020"),
    ("dated 17/8/2020 in", "17/8/2020"),
    ("on Sept. 21 the", "Sept. 21"),
    ("Friday, January 4, 2019", "Friday, January 4, 2019"),
    ("on Thursday (Aug. 6) the", "Thursday (Aug. 6)"),
    ("on Aug. 6 (Thursday) the", "Aug. 6 (Thursday)"),
])
def test_full_dates_and_their_spans(text, expected):
    e = one(text, "date")
    assert e.text == expected and text[e.start:e.end] == expected


def test_date_parts_and_weekday_span():
    text = "It began on Thursday, Aug. 7, 2020, at noon."
    e = one(text, "date")
    assert (e.year, e.month, e.day, e.weekday) == (2020, 8, 7, 3)
    assert text[e.weekday_start:e.weekday_end] == "Thursday"
    assert text[e.date_start:e.date_end] == "Aug. 7, 2020"


@pytest.mark.parametrize("text", [
    "dated 8/7/2020 in",          # August 7 in the US, July 8 elsewhere
    "May 5,000 people marched",   # a count, not May 5
    "the meeting at May 5:30",    # a time
    "he may be five years old",
    "a march on the capital",
    "2020-02-30 was typed",       # no such day
])
def test_no_date_where_the_text_has_none(text):
    assert [k for k, _ in exprs(text) if k == "date"] == []


@pytest.mark.parametrize("text, kind, expected", [
    ("experts told AFP Friday, but", "weekday", "Friday"),
    ("Trump declared Thursday that", "weekday", "Thursday"),
    ("on Thursday night the", "weekday", "Thursday night"),
    ("until next Monday the", "weekday", "next Monday"),
    ("the vote yesterday was", "relative", "yesterday"),
    ("Yesterday's vote was", "relative", "Yesterday's"),
    ("talks resume tomorrow morning", "relative", "tomorrow morning"),
    ("talks began last week in", "relative", "last week"),
    ("sales fell this month as", "relative", "this month"),
    ("to take effect in 45 days", "relative", "in 45 days"),
    ("when 20 years ago the", "relative", "20 years ago"),
    ("reelection in November, analysts", "month", "November"),
    ("announced in December 2022.", "month", "December 2022"),
    ("a 2017 security law", "year", "2017"),
    ("founded in 2017 by", "year", "2017"),
    ("AFP 2023", "year", "2023"),
    ("rose in the fourth quarter of 2006", "quarter", "the fourth quarter of 2006"),
    ("the worst single-day decline", "duration", "single-day"),
    ("losses in recent years.", "vague", "recent years"),
    ("ending the day down", "anaphoric", "the day"),
    ("known as Black Monday.", "named_day", "Black Monday"),
])
def test_expression_kinds(text, kind, expected):
    e = one(text)
    assert (e.kind, e.text) == (kind, expected)
    assert text[e.start:e.end] == expected


def test_names_with_weekdays_are_not_days():
    assert exprs("The Sunday Times said on Sunday") == [("named_day", "Sunday Times"),
                                                       ("weekday", "Sunday")]
    assert exprs("Protests on Mondays continue") == []


def test_counts_ages_and_hyphenated_ranges_are_not_years():
    assert exprs("about 2000 people came") == []
    assert exprs("a 92-year-old woman") == []
    # A season or a range is not one year; reading either end alone would mislead.
    assert exprs("the 2019-2020 season") == []


def test_year_roles():
    assert one("since 2015 the", "year").role == "preposition"
    assert one("by mid-2021 the", "year").role == "preposition"
    assert one("a 2017 law", "year").role == "modifier"
    assert one("the class of 2021", "year").role == "modifier"
    assert one("AFP 2023", "year").role == "bare"


def test_longest_expression_wins():
    assert exprs("on Thursday, Aug. 7, 2020.") == [("date", "Thursday, Aug. 7, 2020")]


# --- resolution ----------------------------------------------------------------------------

def day_of(text, reference=FRIDAY, prefer="nearest"):
    r = resolve(one(text), reference, prefer)
    assert r is not None and r.is_day
    return r.first


def test_relative_days():
    assert day_of("yesterday") == D(2020, 8, 6)
    assert day_of("tomorrow") == D(2020, 8, 8)
    assert day_of("today") == FRIDAY
    assert day_of("the day before yesterday") == D(2020, 8, 5)
    assert day_of("in 45 days") == D(2020, 9, 21)
    assert day_of("two years ago") == D(2018, 8, 7)


def test_weekdays_resolve_backwards_unless_told_otherwise():
    assert day_of("Thursday") == D(2020, 8, 6)
    assert day_of("Friday") == FRIDAY
    assert day_of("Monday") == D(2020, 8, 3)
    assert day_of("Monday", prefer="future") == D(2020, 8, 10)
    assert day_of("last Friday") == D(2020, 7, 31)
    assert day_of("next Friday") == D(2020, 8, 14)
    assert day_of("this Sunday") == D(2020, 8, 9)


def test_periods():
    r = resolve(one("last week"), FRIDAY)
    assert (r.first, r.last, r.granularity) == (D(2020, 7, 27), D(2020, 8, 2), "week")
    r = resolve(one("next month"), D(2020, 12, 15))
    assert (r.first, r.last) == (D(2021, 1, 1), D(2021, 1, 31))
    r = resolve(one("in November"), FRIDAY)
    assert (r.first, r.last) == (D(2020, 11, 1), D(2020, 11, 30))
    r = resolve(one("February 2020"), None)
    assert r.last == D(2020, 2, 29)  # a leap year
    r = resolve(one("the first quarter of 2020"), None)
    assert (r.first, r.last) == (D(2020, 1, 1), D(2020, 3, 31))


def test_yearless_dates_take_the_year_nearest_the_reference():
    assert day_of("on Dec. 30 the", reference=D(2021, 1, 3)) == D(2020, 12, 30)
    assert day_of("on Jan. 2 the", reference=D(2020, 12, 28)) == D(2021, 1, 2)
    assert day_of("on Sept. 1 the", prefer="past") == D(2019, 9, 1)
    assert day_of("on Feb. 29 the", reference=D(2021, 1, 10)) == D(2020, 2, 29)


def test_what_has_no_place_on_the_calendar():
    assert resolve(one("Friday"), None) is None
    assert resolve(one("two weeks"), FRIDAY) is None
    assert resolve(one("recent years"), FRIDAY) is None
    assert resolve(one("the fourth quarter"), FRIDAY) is None


# --- tense ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expression, past", [
    ("Twenty-one deals were announced in December 2022.", "December 2022", True),
    ("In December 2022, the company announced cuts.", "December 2022", True),
    ("He was born in 2021.", "2021", True),
    ("The company will announce cuts in December 2022.", "December 2022", False),
    ("Funding runs until 2021.", "2021", False),
    ("The election, to be held on August 9, was postponed.", "August 9", False),
    ("Analysts expected the deal to close in 2021.", "2021", False),
    ("Sales in 2021 are strong.", "2021", False),
    ("The report, published in January 2021, found flaws.", "January 2021", True),
    ("A report due in January 2021 was leaked.", "January 2021", False),
    ("The deadline was extended to March 2021.", "March 2021", False),
    ("In fiscal 2021, which began in October, revenue rose.", "2021", False),
    ("He served as mayor from 2015 to 2021.", "2021", False),
])
def test_reads_as_past(sentence, expression, past):
    i = sentence.index(expression)
    assert reads_as_past(sentence, i, i + len(expression)) is past


# --- MEANTIME gold time expressions --------------------------------------------------------

@pytest.mark.skipif(not MEANTIME.is_dir(), reason="MEANTIME corpus not available")
def test_meantime_date_recall():
    module = load_benchmark("eval_meantime")
    result = module.evaluate(MEANTIME)
    assert result["gold_date_expressions"] >= 20
    assert result["recall"] >= 0.9, result["missed"]
    assert result["precision_vs_any_timex"] >= 0.8, result["not_in_gold"]


@pytest.mark.parametrize("text,kind,shift", [
    ("The plant closed two years ago.", "relative", -2),
    ("THE PLANT CLOSED TWO YEARS AGO.", "relative", -2),
    ("It opens in 45 days.", "relative", 45),
])
def test_ago_and_in_expressions_are_found(text, kind, shift):
    found = [e for e in find_temporal_expressions(text) if e.modifier in ("ago", "in")]
    assert [(e.kind, e.shift) for e in found] == [(kind, shift)]


def test_text_without_ago_has_no_ago_expression():
    assert not [e for e in find_temporal_expressions("Two years on, the plant is still shut.")
                if e.modifier == "ago"]


def test_importing_compiles_no_pattern():
    import subprocess
    import sys

    code = ("import re, newslint.text.temporal as t; "
            "print(isinstance(t._DATE_RE, re.Pattern), '_DATE_RE' in vars(t))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "True"]
    # Once used, a pattern behaves like the compiled one.
    assert [e.kind for e in find_temporal_expressions("Thursday, Aug. 7, 2020")] == ["date"]


def test_a_reference_in_year_one_resolves_to_nothing_rather_than_failing():
    # A page template's empty date ("0001-01-01") made the year before year 1 a ValueError.
    for text in ("in May", "on May 18", "last year"):
        for expr in find_temporal_expressions(text):
            resolve(expr, D(1, 1, 1))  # must not raise
