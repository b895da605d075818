"""Temporal expressions in news prose: what they say, where they are, which days they mean.

:func:`find_temporal_expressions` returns every date, weekday, relative word, month, year,
quarter and duration in a piece of prose with its exact span. :func:`resolve` turns one of them
into the days it refers to, given a reference date (normally the publication date).

Patterns are written for the forms news copy uses (AP "Aug. 7, 2020", British "7 August 2020",
ISO "2020-08-07") rather than taken from a general date parser: a parser such as
``dateutil.parser`` finds *a* date in a string but neither the span nor the difference between
"May 5" and "may be five". Numeric dates are only read when they cannot be misread ("8/17/2020";
never "8/7/2020", which is August in the US and July elsewhere). All calendar arithmetic is the
standard library's and python-dateutil's.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

from newslint.text.patterns import (BoundaryLedPattern, LazyPattern, NotAfterPattern,
                                    has_digit as text_has_digit)




def relativedelta(**kwargs):
    """``dateutil.relativedelta.relativedelta``, imported when first needed."""
    from dateutil.relativedelta import relativedelta as _relativedelta

    return _relativedelta(**kwargs)


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

_MONTH_NUMBER = {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTH_NUMBER.update({name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES)})
_MONTH_NUMBER["sept"] = 9
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
#: The first two letters name a weekday unambiguously: "Thurs." and "Th" are both Thursday.
_WEEKDAY_BY_PREFIX = {name[:2].lower(): i for i, name in enumerate(WEEKDAY_NAMES)}

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}

# Month names are matched case-sensitively so that "may", "march" and "august" as ordinary
# words are never dates. Abbreviations are the AP set, with or without the period.
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|"
          r"Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: A weekday as written next to a date: in full, or abbreviated ("Thu.", "Thurs", "Tues.", "Mo")
#: — abbreviations only count where a date follows or they stand in parentheses after one, and
#: never after "The" ("The Sun, March 3": a newspaper, not a Sunday).
_WEEKDAY_ABBR = (r"(?<!The )(?:(?:Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)(?:\.|\b)|"
                 r"(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:\.|(?=,)))")
_WEEKDAY_AT_DATE = rf"(?:{_WEEKDAY}|{_WEEKDAY_ABBR})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# A year is four digits not continued by more digits, a thousands group or a decade "s".
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d%]|,\d|s\b|-\d)"
_NUMBER = r"(?:\d+|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(?:day|week|month|year|decade)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"

# A day number must not run on into a bigger number ("March 3,000") or a time ("May 5:30").
_DAY_END = r"(?![\d:])(?!,\d)"

_DATE_MDY = rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY}){_DAY_END}(?:,?\s+(?P<year>{_YEAR}))?"
_DATE_DMY = rf"(?P<day2>{_DAY})\s+(?:of\s+)?(?P<month2>{_MONTH})(?:,?\s+(?P<year2>{_YEAR}))?"

#: Full dates, with an optional weekday in front ("Thursday, Aug. 7, 2020") or after in
#: parentheses ("Aug. 7 (Thursday)").
_DATE_RE = LazyPattern(
    rf"\b(?:(?P<wd>{_WEEKDAY_AT_DATE})(?:,\s*|\s+)(?:the\s+)?)?(?:{_DATE_MDY}|{_DATE_DMY})\b"
    rf"(?:\s*\((?P<wd_after>{_WEEKDAY_AT_DATE})\))?")
#: A weekday followed by a date in parentheses: "Thursday (Aug. 7)".
_WEEKDAY_PAREN_DATE_RE = LazyPattern(
    rf"\b(?P<wd>{_WEEKDAY_AT_DATE})\s*\((?:{_DATE_MDY}|{_DATE_DMY})\)")
_ISO = r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
_NUMERIC = r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})"
#: ISO and numeric dates, each with an optional weekday before ("Fri, 2014-10-31", "Monday,
#: 10/31/2014", "Thursday (10/31/2014)") or after in parentheses ("2016-12-29 (Fri)").
_ISO_RE = LazyPattern(
    rf"(?:\b(?P<wd>{_WEEKDAY_AT_DATE})(?:,\s*|\s+|\s*\((?=[^)]*\)))(?:the\s+)?)?"
    rf"(?<![\w/.-]){_ISO}(?![\w/-])\)?(?:\s*\((?P<wd_after>{_WEEKDAY_AT_DATE})\))?")
_NUMERIC_RE = LazyPattern(
    rf"(?:\b(?P<wd>{_WEEKDAY_AT_DATE})(?:,\s*|\s+|\s*\((?=[^)]*\)))(?:the\s+)?)?"
    rf"(?<![\w/.-]){_NUMERIC}(?![\w/])\)?(?:\s*\((?P<wd_after>{_WEEKDAY_AT_DATE})\))?")
#: A numeric month/day without a year, read only with a weekday beside it ("Monday, 4/23",
#: "4/23 (Wed)"), never as a fraction ("Tuesday, 2/3 of the Senate").
_NUMERIC_MD_RE = LazyPattern(
    rf"(?:\b(?P<wd>{_WEEKDAY_AT_DATE})(?:,\s*|\s+)(?<![\w/.-])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})"
    rf"(?![\w/]|\s+(?:of|majority|share|vote)\b)|(?<![\w/.-])(?P<a2>\d{{1,2}})/(?P<b2>\d{{1,2}})"
    rf"\s*\((?P<wd_after>{_WEEKDAY_AT_DATE})\))")
_MONTH_YEAR_RE = BoundaryLedPattern(rf"(?P<month>{_MONTH})(?:,?\s+(?:of\s+)?)(?P<year>{_YEAR})")
#: A month alone needs a word that makes it a time ("in November", "late May").
_MONTH_ALONE_RE = LazyPattern(
    rf"\b(?:(?:in|since|during|until|till|by|from|through|throughout|before|after|"
    rf"last|next|this|early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|"
    rf"[Ee]arlier\s+in|[Ll]ater\s+in|[Ii]n\s+early|[Ii]n\s+late|[Ii]n\s+mid)[\s-]+)"
    rf"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|"
    rf"November|December))\b(?!\s+\d)")
_YEAR_RE = NotAfterPattern(rf"(?P<year>{_YEAR})\b(?!\s*(?:%|per\s?cent))", after=",.$£€#/")
_WEEKDAY_RE = LazyPattern(
    rf"\b(?:(?P<mod>last|next|this|on|On|Last|Next|This|until|by|since|from)\s+)?"
    rf"(?P<wd>{_WEEKDAY})(?!s\b)(?:'s|’s)?(?:\s+(?P<part>{_PART_OF_DAY}))?\b")
_RELATIVE_DAY_RE = LazyPattern(
    r"\b(?P<word>[Tt]he\s+day\s+before\s+yesterday|[Tt]he\s+day\s+after\s+tomorrow|"
    r"[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+(?:morning|"
    r"afternoon|evening))(?:(?:'s|’s)|\s+(?P<part>" + _PART_OF_DAY + r"))?\b")
_RELATIVE_PERIOD_RE = LazyPattern(
    rf"\b(?:(?P<edge>[Ee]arlier|[Ll]ater)\s+)?(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+past|"
    rf"[Tt]he\s+previous|[Tt]he\s+coming)\s+(?P<unit>{_UNIT}|weekend)\b")
_IN_N_RE = BoundaryLedPattern(
    rf"[Ii]n\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})s?\b(?!\s+(?:ago|of)\b)")
_AGO_RE = LazyPattern(rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})s?\s+ago\b", re.I)
_QUARTER_RE = LazyPattern(
    rf"\b(?:(?:[Tt]he\s+)?(?P<ord>first|second|third|fourth|last)[\s-]+quarter|"
    rf"Q(?P<q>[1-4]))(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b")
_DURATION_RE = LazyPattern(
    rf"\b(?:(?P<n>{_NUMBER}|single|multi|several|few)[\s-]+(?P<unit>{_UNIT})s?\b|"
    rf"(?P<plural>(?:several|many|few|some)\s+{_UNIT}s)\b)(?![\s-]+olds?\b)")
_ANAPHORIC_RE = BoundaryLedPattern(
    r"(?:[Tt]he|[Tt]hat)\s+(?:same\s+|previous\s+|following\s+|next\s+)?day\b(?!-)")
_VAGUE_RE = LazyPattern(r"\b(?:[Rr]ecent\s+(?:days|weeks|months|years|decades)|[Rr]ecently|"
                       r"[Tt]he\s+coming\s+(?:days|weeks|months|years))\b")

#: Weekday names that are part of a name, not a day: "Black Monday", "Sunday Times".
_NAMED_DAY_RE = LazyPattern(
    rf"\b(?:(?:Black|Good|Cyber|Super|Ash|Holy|Maundy|Bloody|Easter|Palm|Giving|Patch|Blue|"
    rf"Freaky|Casual|Man|Girl)\s+{_WEEKDAY}|{_WEEKDAY}\s+(?:Times|Telegraph|Mirror|Express|"
    rf"Herald|Post|Tribune|Independent|Star|Sport|People|Mail|Night\s+(?:Live|Football|Raw)|"
    rf"School|Service|Market|Club|Show)|Mail\s+on\s+Sunday|Fridays\s+for\s+Future)\b")

_PREPOSITION_BEFORE_YEAR = LazyPattern(
    r"(?:\b(?:in|In|since|Since|during|During|until|Until|till|by|By|from|From|through|"
    r"throughout|before|Before|after|After|of|early|Early|late|Late|around|circa|year|"
    r"spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter|and|to|or)\s+|"
    r"\bmid-|©\s*|\(c\)\s*)$")
_DETERMINER_BEFORE_YEAR = LazyPattern(r"\b(?:a|the|A|The|its|his|her|their|this|that)\s+$")


#: What every ISO date ("2020-08-07") and every numeric date ("8/7/2020", "4/23") contains:
#: a quick test before their patterns, which try a weekday name at every word first.
_ISO_CORE = LazyPattern(r"\d{4}-\d\d-\d\d")
_SLASHED = LazyPattern(r"\d/\d")
#: A unit of time after white space or a hyphen, in lower-cased text: what every duration and
#: every relative period, "ago" included, contains.
_SPACED_UNIT = LazyPattern(r"[\s-](?:day|week|month|year|decade)")
_ANY_MONTH = LazyPattern(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


@dataclass(frozen=True)
class TemporalExpression:
    """One temporal expression found in prose; ``start``/``end`` are prose positions.

    ``kind`` is one of ``date`` (a day of a month, maybe with year and weekday), ``month``,
    ``year``, ``weekday``, ``relative`` (today, yesterday, last week, "in 45 days", "two years
    ago"), ``quarter``, ``duration`` ("two weeks", "single-day"), ``anaphoric`` ("the same
    day"), ``vague`` ("recent years") or ``named_day`` ("Black Monday").
    """

    kind: str
    start: int
    end: int
    text: str
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    #: The weekday as written (0 = Monday), for weekdays and dates that name one.
    weekday: Optional[int] = None
    weekday_start: Optional[int] = None
    weekday_end: Optional[int] = None
    #: Prose span of the date part of a ``date`` (without its weekday).
    date_start: Optional[int] = None
    date_end: Optional[int] = None
    #: Relative expressions: the unit ("day", "week", "month", "year", "weekend"), how many
    #: units from the reference (negative is earlier), and for weekdays "last"/"next"/"this".
    unit: Optional[str] = None
    shift: Optional[int] = None
    modifier: Optional[str] = None
    quarter: Optional[int] = None
    #: For years: "preposition" ("in 2017"), "modifier" ("a 2017 law") or "bare".
    role: Optional[str] = None
    #: A numeric date both of whose first numbers can be the month ("Monday, 8/7/2020"): read
    #: month first here; it has no place on the calendar for anything but the weekday check.
    ambiguous: bool = False

    @property
    def has_day(self) -> bool:
        return self.day is not None and self.month is not None


@dataclass(frozen=True)
class Resolution:
    """The days an expression refers to: ``first`` to ``last`` inclusive."""

    first: _dt.date
    last: _dt.date
    granularity: str  # "day", "week", "weekend", "month", "quarter", "year"

    @property
    def is_day(self) -> bool:
        return self.first == self.last


def find_temporal_expressions(text: str) -> list[TemporalExpression]:
    """Every temporal expression in ``text``, in order, none overlapping.

    Where two candidates overlap the longer wins ("Thursday, Aug. 7, 2020" over "Thursday"),
    and named days ("Black Monday", "Sunday Times") block the weekday inside them.
    """
    candidates: list[TemporalExpression] = []
    # Cheap substring tests decide which patterns can match at all: most paragraphs hold no
    # temporal expression, and long interviews would otherwise pay for every pattern. Each test
    # only skips a pattern that cannot match, so the candidates are the same as without them.
    low = text.lower()
    has_digit = text_has_digit(text)
    has_month = _ANY_MONTH.search(text) is not None
    has_day = "day" in low
    # (``map`` of the bound test rather than a generator: the loop runs in C)
    has_unit = has_day or any(map(low.__contains__, ("week", "month", "year", "decade")))
    # Durations and relative periods ("three days", "last week", "two years ago") have their
    # unit after white space or a hyphen; "Monday" and "today" only contain "day".
    spaced_unit = has_unit and _SPACED_UNIT.search(low) is not None
    # Every weekday pattern, named days included, needs a weekday name as written.
    has_weekday = "day" in text and any(map(text.__contains__, WEEKDAY_NAMES))
    if has_weekday:
        candidates += _named_days(text)
        candidates += _weekdays(text)
    if has_month:
        if has_digit:  # a full date has a day number
            candidates += _full_dates(text, has_weekday and "(" in text)
        candidates += _months(text, has_digit)
    if has_digit:
        if ("-" in text and _ISO_CORE.search(text)) or ("/" in text and _SLASHED.search(text)):
            candidates += _iso_and_numeric_dates(text)
        candidates += _years(text)
    if has_unit or any(map(low.__contains__, _RELATIVE_DAY_WORDS)):
        candidates += _relatives(text, low, spaced_unit)
        if spaced_unit:  # every duration names a unit
            candidates += _durations(text)
        candidates += _anaphoric_and_vague(text)
    elif "recently" in low:
        candidates += _anaphoric_and_vague(text)
    if "quarter" in low or "Q" in text:
        candidates += _quarters(text)
    # Longest first, then earliest; accept what does not overlap something accepted.
    # The accepted spans never overlap, so keeping them sorted by start lets one bisection
    # find the only neighbours a candidate could overlap (testing every accepted span made a
    # long paragraph quadratic).
    chosen: list[TemporalExpression] = []
    starts: list[int] = []
    ends: list[int] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect.bisect_left(starts, c.end)  # accepted spans starting before c ends
        if i > 0 and ends[i - 1] > c.start:
            continue
        chosen.append(c)
        starts.insert(i, c.start)
        ends.insert(i, c.end)
    return sorted(chosen, key=lambda c: c.start)


def _month_number(name: str) -> int:
    name = name.rstrip(".").lower()
    return _MONTH_NUMBER.get(name) or _MONTH_NUMBER[name[:3]]


def _day_number(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _named_days(text: str):
    for m in _NAMED_DAY_RE.finditer(text):
        yield TemporalExpression("named_day", m.start(), m.end(), m.group())


def _full_dates(text: str, weekday_paren: bool = True):
    for regex in ((_DATE_RE, _WEEKDAY_PAREN_DATE_RE) if weekday_paren else (_DATE_RE,)):
        for m in regex.finditer(text):
            g = m.groupdict()
            if g.get("month"):
                month, day, year = g["month"], g["day"], g.get("year")
                date_start, date_end = m.start("month"), m.end("year") if year else m.end("day")
            else:
                month, day, year = g["month2"], g["day2"], g.get("year2")
                date_start, date_end = m.start("day2"), m.end("year2") if year else m.end("month2")
            wd_name = g.get("wd") or g.get("wd_after")
            wd_group = "wd" if g.get("wd") else ("wd_after" if g.get("wd_after") else None)
            yield TemporalExpression(
                "date", m.start(), m.end(), m.group(), year=int(year) if year else None,
                month=_month_number(month), day=_day_number(day),
                weekday=_weekday_number(wd_name) if wd_name else None,
                weekday_start=m.start(wd_group) if wd_group else None,
                weekday_end=m.end(wd_group) if wd_group else None,
                date_start=date_start, date_end=date_end)


def _weekday_number(name: str) -> int:
    return _WEEKDAY_BY_PREFIX[name[:2].lower()]


def _iso_and_numeric_dates(text: str):
    for m in _ISO_RE.finditer(text) if "-" in text else ():
        y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
        if _valid(y, mo, d):
            yield _numeric_expression(m, y, mo, d)
    for m in _NUMERIC_RE.finditer(text) if "/" in text else ():
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        ambiguous = False
        if a == b:
            mo = d = a
        elif a > 12 >= b:
            d, mo = a, b  # 17/8/2020: only day-month reads
        elif b > 12 >= a:
            mo, d = a, b  # 8/17/2020: only month-day reads
        elif m.group("wd") or m.group("wd_after"):
            # "Monday, 8/7/2020": August or July depending on the reader. Kept, marked
            # ambiguous, only for the weekday check, which tries both readings.
            mo, d, ambiguous = a, b, True
        else:
            continue
        if _valid(y, mo, d):
            yield _numeric_expression(m, y, mo, d, ambiguous)
    for m in _NUMERIC_MD_RE.finditer(text) if "/" in text else ():
        first, second = ("a", "b") if m.group("a") else ("a2", "b2")
        mo, d = int(m.group(first)), int(m.group(second))
        if mo > 12 or not _valid(2000, mo, d):  # 2000: a leap year, so 2/29 is a date
            continue  # day first or no date at all: a yearless date is read month first only
        wd_group = "wd" if m.group("wd") else "wd_after"
        yield TemporalExpression(
            "date", m.start(), m.end(), m.group(), month=mo, day=d,
            weekday=_weekday_number(m.group(wd_group)), weekday_start=m.start(wd_group),
            weekday_end=m.end(wd_group), date_start=m.start(first), date_end=m.end(second))


def _numeric_expression(m, y: int, mo: int, d: int, ambiguous: bool = False):
    """An ISO or numeric date match, with the weekday written beside it if any."""
    wd_group = "wd" if m.group("wd") else ("wd_after" if m.group("wd_after") else None)
    start, end = m.start(), m.end()
    if "a" in m.re.groupindex:  # numeric: month or day first, the year last
        date_start, date_end = m.start("a"), m.end("year")
    else:  # ISO: the year first
        date_start, date_end = m.start("year"), m.end("day")
    if m.group().endswith(")") and not m.group("wd_after") and "(" not in m.group():
        end -= 1  # a closing parenthesis the date does not own
    if wd_group is None:
        start, end = date_start, date_end
    return TemporalExpression(
        "date", start, end, m.string[start:end], year=y, month=mo, day=d,
        weekday=_weekday_number(m.group(wd_group)) if wd_group else None,
        weekday_start=m.start(wd_group) if wd_group else None,
        weekday_end=m.end(wd_group) if wd_group else None,
        date_start=date_start, date_end=date_end, ambiguous=ambiguous)


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        _dt.date(y, mo, d)
    except ValueError:
        return False
    return True


def _months(text: str, has_digit: bool = True):
    for m in _MONTH_YEAR_RE.finditer(text) if has_digit else ():
        yield TemporalExpression("month", m.start(), m.end(), m.group(),
                                 year=int(m.group("year")), month=_month_number(m.group("month")))
    for m in _MONTH_ALONE_RE.finditer(text):
        yield TemporalExpression("month", m.start("month"), m.end(), m.group("month"),
                                 month=_month_number(m.group("month")))


def _years(text: str):
    for m in _YEAR_RE.finditer(text):
        before = text[max(0, m.start() - 30):m.start()]
        if before.endswith("-") and not before.endswith("mid-"):
            continue  # "2019-2020", "COVID-2019": part of a range or a name
        if re.search(r"\b(?:[Cc]lass|[Vv]intage|[Mm]odel\s+year)\s+of\s+$", before):
            role = "modifier"  # "the class of 2021": a name, not when something happened
        elif _PREPOSITION_BEFORE_YEAR.search(before):
            role = "preposition"
        elif _DETERMINER_BEFORE_YEAR.search(before):
            role = "modifier"
        elif re.match(r"\s+[a-z]", text[m.end():m.end() + 2]):
            continue  # "2000 people": a count, not a year
        else:
            role = "bare"
        yield TemporalExpression("year", m.start(), m.end(), m.group(), year=int(m.group()),
                                 role=role)


def _weekdays(text: str):
    for m in _WEEKDAY_RE.finditer(text):
        mod = (m.group("mod") or "").lower() or None
        start = m.start() if mod in ("last", "next", "this") else m.start("wd")
        yield TemporalExpression(
            "weekday", start, m.end(), text[start:m.end()],
            weekday=_WEEKDAY_NUMBER[m.group("wd").lower()], weekday_start=m.start("wd"),
            weekday_end=m.end("wd"), modifier=mod if mod in ("last", "next", "this") else None)


_DAY_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
              "this morning": 0, "this afternoon": 0, "this evening": 0,
              "the day before yesterday": -2, "the day after tomorrow": 2}


# Words one of which a relative day ("yesterday", "last night", "this morning") contains.
_RELATIVE_DAY_WORDS = ("yesterday", "today", "tomorrow", "night", "morning", "afternoon",
                       "evening")
# Words one of which a relative period ("last week", "the past year") contains.
_RELATIVE_PERIOD_WORDS = ("last", "next", "this", "past", "previous", "coming")


def _relatives(text: str, low: Optional[str] = None, has_unit: bool = True):
    if low is None:
        low = text.lower()
    if any(map(low.__contains__, _RELATIVE_DAY_WORDS)):
        for m in _RELATIVE_DAY_RE.finditer(text):
            word = re.sub(r"\s+", " ", m.group("word").lower())
            yield TemporalExpression("relative", m.start(), m.end(), m.group(), unit="day",
                                     shift=_DAY_SHIFT[word], modifier=word)
    if not has_unit:
        return  # every other relative expression names a unit
    for m in (_RELATIVE_PERIOD_RE.finditer(text)
              if any(map(low.__contains__, _RELATIVE_PERIOD_WORDS)) else ()):
        mod = re.sub(r"\s+", " ", m.group("mod").lower())
        shift = {"last": -1, "the past": -1, "the previous": -1, "next": 1, "the coming": 1,
                 "this": 0}[mod]
        yield TemporalExpression("relative", m.start(), m.end(), m.group(),
                                 unit=m.group("unit").lower(), shift=shift, modifier=mod)
    # "ago" is rare, and its pattern (case-insensitive, tried at every word) is the costliest.
    for regex, sign in ((_IN_N_RE, 1), (_AGO_RE, -1) if "ago" in low else (None, -1)):
        if regex is None:
            continue
        for m in regex.finditer(text):
            n = _number(m.group("n"))
            if n is None:
                continue
            yield TemporalExpression("relative", m.start(), m.end(), m.group(),
                                     unit=m.group("unit").lower(), shift=sign * n,
                                     modifier="in" if sign > 0 else "ago")


def _number(s: str) -> Optional[int]:
    s = s.lower()
    if s.isdigit():
        return int(s)
    return _NUMBER_WORDS.get(s)


def _quarters(text: str):
    for m in _QUARTER_RE.finditer(text):
        q = int(m.group("q")) if m.group("q") else _ORDINALS[m.group("ord")]
        year = int(m.group("year")) if m.group("year") else None
        yield TemporalExpression("quarter", m.start(), m.end(), m.group(), year=year, quarter=q)


def _durations(text: str):
    for m in _DURATION_RE.finditer(text):
        unit = m.group("unit") or m.group("plural").split()[-1].rstrip("s")
        yield TemporalExpression("duration", m.start(), m.end(), m.group(), unit=unit.lower())


def _anaphoric_and_vague(text: str):
    for m in _ANAPHORIC_RE.finditer(text) if "day" in text else ():
        yield TemporalExpression("anaphoric", m.start(), m.end(), m.group())
    for m in _VAGUE_RE.finditer(text) if "ecent" in text or "coming" in text else ():
        yield TemporalExpression("vague", m.start(), m.end(), m.group())


# --- resolution -------------------------------------------------------------------------


def resolve(expr: TemporalExpression, reference: Optional[_dt.date],
            prefer: str = "nearest") -> Optional[Resolution]:
    """The days ``expr`` refers to, read from ``reference`` (the publication date).

    ``prefer`` settles what the text leaves open: a date without a year, a month alone or a
    bare weekday can lie before or after the reference. "past" takes the latest occurrence on
    or before it, "future" the earliest on or after it, "nearest" the closest (a bare weekday
    counts as "past" under "nearest": news reports what happened). Returns None for what has
    no place on the calendar (durations, "the same day", "recent years", invalid dates, and
    days past the calendar's ends, as from a page template's empty date "0001-01-01").
    """
    try:
        return _resolve(expr, reference, prefer)
    except (ValueError, OverflowError):
        return None


def _resolve(expr: TemporalExpression, reference: Optional[_dt.date],
             prefer: str) -> Optional[Resolution]:
    kind = expr.kind
    if kind == "date":
        if expr.ambiguous:
            return None
        if expr.year is not None:
            return _day(expr.year, expr.month, expr.day)
        if reference is None:
            return None
        return _pick_year(lambda y: _day(y, expr.month, expr.day), reference, prefer)
    if kind == "month":
        if expr.year is not None:
            return _month(expr.year, expr.month)
        if reference is None:
            return None
        return _pick_year(lambda y: _month(y, expr.month), reference, prefer)
    if kind == "year":
        if not _dt.MINYEAR <= expr.year <= _dt.MAXYEAR:
            return None
        return Resolution(_dt.date(expr.year, 1, 1), _dt.date(expr.year, 12, 31), "year")
    if kind == "quarter":
        if expr.year is None:
            return None
        first = _dt.date(expr.year, 3 * expr.quarter - 2, 1)
        return Resolution(first, first + relativedelta(months=3, days=-1), "quarter")
    if reference is None:
        return None
    if kind == "weekday":
        return _resolve_weekday(expr, reference, prefer)
    if kind == "relative":
        return _resolve_relative(expr, reference)
    return None


def _day(y: int, m: int, d: int) -> Optional[Resolution]:
    try:
        day = _dt.date(y, m, d)
    except ValueError:
        return None
    return Resolution(day, day, "day")


def _month(y: int, m: int) -> Optional[Resolution]:
    try:
        first = _dt.date(y, m, 1)
    except ValueError:  # "year 0", a month read from a garbled figure: no place on the calendar
        return None
    return Resolution(first, first + relativedelta(months=1, days=-1), "month")


def _pick_year(make, reference: _dt.date, prefer: str) -> Optional[Resolution]:
    options = [r for r in (make(reference.year + k) for k in (-1, 0, 1)) if r is not None]
    if not options:
        return None
    if prefer == "past":
        past = [r for r in options if r.first <= reference]
        return max(past, key=lambda r: r.first) if past else None
    if prefer == "future":
        future = [r for r in options if r.last >= reference]
        return min(future, key=lambda r: r.first) if future else None

    def distance(r: Resolution) -> int:
        if r.first <= reference <= r.last:
            return 0
        return min(abs((r.first - reference).days), abs((r.last - reference).days))

    return min(options, key=distance)


def _resolve_weekday(expr: TemporalExpression, reference: _dt.date,
                     prefer: str) -> Resolution:
    target = expr.weekday
    back = (reference.weekday() - target) % 7  # days since the latest such weekday
    ahead = (target - reference.weekday()) % 7  # days until the next one
    if expr.modifier == "last":
        day = reference - _dt.timedelta(days=back or 7)
    elif expr.modifier == "next":
        day = reference + _dt.timedelta(days=ahead or 7)
    elif expr.modifier == "this":
        # "this Friday": the one in the current Monday-to-Sunday week.
        day = reference + _dt.timedelta(days=target - reference.weekday())
    elif prefer == "future":
        day = reference + _dt.timedelta(days=ahead)
    else:
        day = reference - _dt.timedelta(days=back)
    return Resolution(day, day, "day")


def _resolve_relative(expr: TemporalExpression, reference: _dt.date) -> Resolution:
    unit, shift = expr.unit, expr.shift
    if unit == "day":
        day = reference + _dt.timedelta(days=shift)
        return Resolution(day, day, "day")
    if expr.modifier in ("in", "ago"):
        # A point "45 days" or "two years" away; months and years keep the day of the month.
        if unit == "week":
            day = reference + _dt.timedelta(weeks=shift)
        elif unit == "decade":
            day = reference + relativedelta(years=10 * shift)
        else:
            day = reference + relativedelta(**{unit + "s": shift})
        return Resolution(day, day, "day")
    if expr.modifier == "the past":
        # "the past year": the twelve months up to the reference, not last calendar year.
        span = {"week": relativedelta(weeks=1), "weekend": relativedelta(weeks=1),
                "decade": relativedelta(years=10)}.get(unit) or relativedelta(**{unit + "s": 1})
        return Resolution(reference - span, reference, unit)
    if unit in ("week", "weekend"):
        monday = reference - _dt.timedelta(days=reference.weekday()) + _dt.timedelta(weeks=shift)
        if unit == "weekend":
            return Resolution(monday + _dt.timedelta(days=5), monday + _dt.timedelta(days=6),
                              "weekend")
        return Resolution(monday, monday + _dt.timedelta(days=6), "week")
    if unit == "month":
        first = reference.replace(day=1) + relativedelta(months=shift)
        return Resolution(first, first + relativedelta(months=1, days=-1), "month")
    years = 10 * shift if unit == "decade" else shift
    year = reference.year + years
    return Resolution(_dt.date(year, 1, 1), _dt.date(year, 12, 31), "year")


def weekday_name(day: _dt.date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


# --- tense around an expression ----------------------------------------------------------

# Anything that points forward, hedges or sets a target: when one of these is in the sentence
# the date may be a plan, a forecast or a deadline, so the sentence is not read as past.
_NOT_PAST = LazyPattern(
    r"\b(?:will|won['’]t|would|shall|going\s+to|scheduled|expect(?:s|ed)?|set\s+to|due|"
    r"plan(?:s|ned|ning)?|aim(?:s|ed)?|intend(?:s|ed)?|propos(?:es|ed)|upcoming|forthcoming|"
    r"next|forecasts?|projected|predict(?:s|ed)?|deadline|until|till|should|could|may|might|"
    r"must|can|hop(?:e|es|ed)|want(?:s|ed)?|promised|pledged|vowed|targets?|slated|"
    r"estimates?|(?:is|are|was|were)\s+to|to\s+be|anticipated|likely|unless|if|postponed|delayed|"
    r"moved|rescheduled|extended|pushed|ahead|budget|fiscal|season|edition)\b|['’]ll\b",
    re.I)
# Past-tense verbs common in news reporting, besides regular "-ed" forms.
_IRREGULAR_PAST = (
    "was|were|had|did|said|told|made|took|came|went|began|saw|found|left|gave|held|won|lost|"
    "fell|rose|met|sent|led|hit|struck|spoke|wrote|became|brought|bought|sold|paid|ran|kept|"
    "broke|chose|drove|flew|grew|knew|shot|stole|thought|threw|beat|built|caught|fought|felt|"
    "hid|laid|meant|rode|sank|sought|shook|spent|stood|swore|swept|taught|tore|understood|"
    "withdrew|underwent|oversaw|arose|froze|bore|dealt|fled|forbade|forgave|got|heard|lay|"
    "overcame|overthrew|sang|sat|slid|split|spread|sprang|stung|strove|stuck|swung|upheld|"
    "wove|wound")
_PAST = LazyPattern(rf"\b(?:{_IRREGULAR_PAST}|[a-z]+[a-df-z]ed|agreed|freed|decreed|died)\b")
# "-ed" words that are not past events.
_NOT_PAST_ED = frozenset("""hundred red bed shed wed sacred naked wicked kindred rugged beloved
aged based so-called called named titled entitled related united limited unrelated unnamed
unidentified alleged reported supposed""".split())
# A date straight after one of these is a target or a span start, not when something happened.
_TARGET_BEFORE = LazyPattern(
    r"\b(?:until|till|by|through|before|to|for|into|from|starting|beginning|effective|"
    r"as\s+of|in\s+time\s+for|ahead\s+of|between|after|since)\s+(?:(?:early|late|mid|the\s+end\s+"
    r"of|the\s+start\s+of)[\s-]+)?$", re.I)
_CLAUSE_BREAK = LazyPattern(r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|while|which|who)\b")


def reads_as_past(sentence: str, start: int, end: int) -> bool:
    """True when the expression at ``sentence[start:end]`` dates something already done.

    Conservative by design: a past-tense verb must stand in the expression's clause (or, for
    an opening phrase such as "In December 2022,", in the clause after it), nothing in the
    sentence may point forward or hedge ("will", "scheduled", "expected", "until"), and the
    expression must not be a target ("by 2021", "until March").
    """
    if _NOT_PAST.search(sentence):
        return False
    if _TARGET_BEFORE.search(sentence[max(0, start - 30):start]):
        return False
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    clauses = list(zip(bounds, bounds[1:]))
    k = next((i for i, (a, b) in enumerate(clauses) if a <= start < b), None)
    if k is None:
        return False
    a, b = clauses[k]
    if _has_past(sentence[a:start] + " " + sentence[end:b]):
        return True
    opening = sentence[a:start].strip() == "" or re.fullmatch(
        r"\s*(?:[Ii]n|[Oo]n|[Dd]uring|[Ll]ate|[Ee]arly)?(?:\s+(?:early|late|mid))?[\s-]*",
        sentence[a:start]) is not None
    if opening and k + 1 < len(clauses):
        a2, b2 = clauses[k + 1]
        return _has_past(sentence[a2:b2])
    return False


def _has_past(text: str) -> bool:
    return any(m.group() not in _NOT_PAST_ED for m in _PAST.finditer(text))
