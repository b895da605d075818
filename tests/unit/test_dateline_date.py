"""Dateline dates are read exactly as dateutil.parser reads them, without importing it."""

from __future__ import annotations

import itertools
import subprocess
import sys

import dateutil.parser
import pytest

from newslint.parsers.common import DATE_DATELINE, dateline_date

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
          "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
DAYS = [str(d) for d in range(0, 34)] + ["00", "04", "09", "99"]
YEARS = ["0100", "1899", "1900", "2000", "2019", "2020", "2023", "2100", "9999"]


def _either(read, text):
    try:
        return read(text)
    except (ValueError, OverflowError):
        return "not a date"


def test_every_dateline_shape_reads_as_dateutil_reads_it():
    for month, day, year in itertools.product(MONTHS, DAYS, YEARS):
        for text in (f"{month} {day}, {year}", f"{day} {month} {year}",
                     f"{month}\xa0 {day},\t{year}"):
            assert DATE_DATELINE.match(text), text
            expected = _either(lambda t: dateutil.parser.parse(t).date(), text)
            assert _either(dateline_date, text) == expected, text


@pytest.mark.parametrize("text", ["May 4, 0019", "4 May 0099", "May 4, 0000"])
def test_years_below_100_are_left_to_dateutil(text):
    assert _either(dateline_date, text) == _either(
        lambda t: dateutil.parser.parse(t).date(), text)


def test_checking_an_article_with_a_dateline_does_not_import_dateutils_parser(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2019-10-06\n---\n\nSunday, October 6, 2019\n\n"
                       "The court ruled on Thursday that the post must go.\n")
    code = ("import sys; from newslint.engine import parse_document; "
            f"doc = parse_document('a.md', open({str(article)!r}).read(), '.md'); "
            "print(doc.meta['dateline_date'], 'dateutil.parser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["2019-10-06", "False"]
