"""Built-in rules: dates, weekdays, years and the publication date must agree.

Every rule here reads the same list of temporal expressions (see
:mod:`newslint.text.temporal`), found once per document, and resolves them against
``Document.pub_date`` (from ``--date``, front matter, an HTML meta tag or the dateline).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

from newslint import hookimpl
from newslint.document import Block, Document
from newslint.errors import ConfigError
from newslint.finding import Match
from newslint.rule import DocumentRule
from newslint.text import transcripts
from newslint.text.patterns import LazyPattern
from newslint.text.temporal import (
    WEEKDAY_NAMES, TemporalExpression, find_temporal_expressions, reads_as_past,
    resolve, weekday_name)


@dataclass(frozen=True)
class Found:
    """A temporal expression and where it stands."""

    block: Block
    expr: TemporalExpression
    in_quote: bool


def temporal_expressions(doc: Document) -> list[Found]:
    """Every temporal expression of ``doc`` in document order (computed once per document)."""
    found = doc.cache.get(__name__)
    if found is not None:
        return found
    found = []
    speech = transcript_blocks(doc)
    for block in doc.blocks:
        for expr in find_temporal_expressions(block.prose):
            quoted = block.index in speech or block.in_quote(expr.start, expr.end)
            found.append(Found(block, expr, quoted))
    doc.cache[__name__] = found
    return found


def transcript_blocks(doc: Document) -> frozenset[int]:
    """Indices of blocks that are interview turns, which count as quoted speech: relative
    words in a turn refer to the day of the interview, which the publication date does not
    give (see ``newslint.text.transcripts``). Found once per document, for every rule that
    asks."""
    found = doc.cache.get(_TRANSCRIPT_KEY)
    if found is None:
        found = doc.cache[_TRANSCRIPT_KEY] = frozenset(
            doc.blocks[i].index for i in transcripts.transcript_blocks(doc.blocks))
    return found


_TRANSCRIPT_KEY = __name__ + ".transcript_blocks"


def _long_date(day: _dt.date) -> str:
    return f"{weekday_name(day)}, {day:%B} {day.day}, {day.year}"


def _match(block: Block, start: int, end: int, message: str, suggestions=(),
           related=()) -> Match:
    """A match on prose ``[start, end)`` of ``block``, in source positions."""
    offset, length = block.source_span(start, end)
    return Match(offset, length, message, tuple(suggestions), tuple(related))


class WeekdayDateMismatch(DocumentRule):
    """A weekday is attached to a date that falls on another day.

    ## What it flags
    A weekday written next to a full date, year included, that the calendar puts on a
    different day: "Thursday, Aug. 7, 2020" (a Friday), "Aug. 7, 2020 (Thursday)", datelines
    such as "Saturday, January 4, 2019", abbreviated weekdays ("Thu., Aug. 7, 2020", "Mon, 7
    October 2014"), numeric and ISO dates ("Monday, 10/31/2014", "31/10/2014", "2014-10-31",
    "2016-12-29 (Fri)"). Dates without a year are left to `relative-date-conflict`, which reads
    the year from the publication date.

    A numeric date whose first two numbers can both be the month ("Monday, 9/10/2014") is read
    in the order `numeric_dates` says, and is not reported when only the other order falls on
    the weekday written: the writer may simply use the other convention.

    ## Why it matters
    Copy updated over several days, or rewritten from an older story, keeps weekdays that no
    longer match their dates. Readers cannot tell which of the two is right, and a wrong day
    in a story about a deadline or an event is a correction waiting to happen.

    ## Example
    ```
    The ban takes effect on Thursday, Aug. 7, 2020.
    ```

    ## Instead
    ```
    The ban takes effect on Friday, Aug. 7, 2020.
    ```
    Options: `check_quotes` (default true) also checks dates inside quoted speech;
    `numeric_dates` (default `month-first`, US style; `day-first` for "9/10/2014" as 9 October)
    is how ambiguous numeric dates are read.
    """

    id = "weekday-date-mismatch"
    category = "dates"
    severity = "error"
    #: A suggestion reads right in most copy but not all: an editor confirms it.
    fix_safety = "unsafe"
    default_options = {"check_quotes": True, "numeric_dates": "month-first"}

    def check(self, doc, options):
        if options["numeric_dates"] not in ("month-first", "day-first"):
            raise ConfigError("weekday-date-mismatch: numeric_dates must be "
                              "'month-first' or 'day-first'")
        for f in temporal_expressions(doc):
            e = f.expr
            if e.kind != "date" or e.weekday is None or e.year is None:
                continue
            if f.in_quote and not options["check_quotes"]:
                continue
            day = _written_day(e, options["numeric_dates"])
            if day is None or day.weekday() == e.weekday:
                continue
            right = _in_written_form(weekday_name(day), f.block.prose[e.weekday_start:e.weekday_end])
            written = WEEKDAY_NAMES[e.weekday]
            date_text = f.block.prose[e.date_start:e.date_end]
            yield _match(
                f.block, e.weekday_start, e.weekday_end,
                f"{date_text} is a {right}, not a {written}",
                suggestions=(right,),
                related=(doc.block_span(f.block, e.date_start, e.date_end),))


def _in_written_form(name: str, written: str) -> str:
    """``name`` ("Tuesday") abbreviated the way the weekday it replaces was ("Mon" → "Tue",
    "Fri." → "Thu.", "Mo" → "Tu"), so that the suggestion drops into the copy as it is."""
    if written.rstrip(".") in WEEKDAY_NAMES:
        return name
    short = name[:2] if len(written.rstrip(".")) == 2 else name[:3]
    return short + ("." if written.endswith(".") else "")


#: A "year" this far after publication, reported as past, is a figure, not a year.
FAR_YEARS = 10
#: A date without a year may lie this far either side of the publication date.
_NEAR_YEAR_DAYS = 275


def _weekday_fits_a_near_year(e, pub: _dt.date) -> bool:
    """Whether the yearless date ``e`` falls on its weekday in some year that puts it within
    nine months of ``pub``: the text then does not say which year, and one reading is right."""
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            day = _dt.date(year, e.month, e.day)
        except ValueError:
            continue
        if abs((day - pub).days) <= _NEAR_YEAR_DAYS and day.weekday() == e.weekday:
            return True
    return False


def _written_day(e, numeric_dates: str) -> Optional[_dt.date]:
    """The day a dated expression names; for an ambiguous numeric date ("Monday, 8/7/2020")
    the reading ``numeric_dates`` prefers — or None when only the other reading falls on the
    weekday written, since the writer may simply use the other convention."""
    if not e.ambiguous:
        r = resolve(e, None)
        return r.first if r is not None else None
    month_first = _dt.date(e.year, e.month, e.day)
    try:
        day_first = _dt.date(e.year, e.day, e.month)
    except ValueError:
        return month_first
    preferred, other = ((month_first, day_first) if numeric_dates == "month-first"
                        else (day_first, month_first))
    if other.weekday() == e.weekday and preferred.weekday() != e.weekday:
        return None
    return preferred


class RelativeDateConflict(DocumentRule):
    """Two references to one day disagree once read against the publication date.

    ## What it flags
    - a relative word and the weekday or date next to it: "yesterday (Thursday)" in a story
      dated Saturday;
    - a weekday attached to a date without a year, read in the year nearest the publication
      date: "on Monday, March 3" when March 3 of that year is a Tuesday (not when the date
      falls on that weekday in the year before or after, within nine months of publication: a
      story of November telling of "Saturday, May 18" may mean the May before);
    - a dateline whose date is not the publication date given by front matter, an HTML meta
      tag or `--date` (a meta tag may be a day off, since its timestamp is often in UTC).

    ## Why it matters
    Each reference is plausible on its own, so an editor reads past them; together they tell
    the reader two different days. They are typical of copy moved to a new day without
    updating every reference.

    ## Example
    ```
    ---
    date: 2020-08-08
    ---
    The minister resigned yesterday (Thursday).
    ```

    ## Instead
    ```
    The minister resigned on Thursday.
    ```
    (or "yesterday (Friday)" if Friday is when it happened).
    Options: `check_dateline` (default true) compares the dateline with the publication date.
    """

    id = "relative-date-conflict"
    category = "dates"
    severity = "warning"
    #: A suggestion reads right in most copy but not all: an editor confirms it.
    fix_safety = "unsafe"
    default_options = {"check_dateline": True}

    # Text between two expressions that makes the second restate the first.
    _APPOSITION = LazyPattern(r"\s*(?:\(|,)\s*(?:an?\s+|the\s+)?$")

    def check(self, doc, options):
        pub = doc.pub_date
        if pub is None:
            return
        found = temporal_expressions(doc)
        if options["check_dateline"]:
            yield from self._dateline(doc, found)
        for f in found:
            e = f.expr
            if (e.kind == "date" and e.weekday is not None and e.year is None
                    and f.block.kind != "dateline"):
                r = resolve(e, pub)
                if (r is not None and r.first.weekday() != e.weekday
                        and not _weekday_fits_a_near_year(e, pub)):
                    right = weekday_name(r.first)
                    yield _match(
                        f.block, e.weekday_start, e.weekday_end,
                        f"{f.block.prose[e.date_start:e.date_end]} is a {right} in "
                        f"{r.first.year} (the year nearest the publication date {pub:%Y-%m-%d}), "
                        f"not a {WEEKDAY_NAMES[e.weekday]}",
                        suggestions=(right,),
                        related=(doc.block_span(f.block, e.date_start, e.date_end),))
        for a, b in zip(found, found[1:]):
            yield from self._restated(doc, pub, a, b)

    def _dateline(self, doc, found):
        if doc.pub_date_source == "dateline":
            return
        for f in found:
            if f.block.kind != "dateline" or f.expr.kind != "date":
                continue
            r = resolve(f.expr, doc.pub_date)
            if r is None or r.first == doc.pub_date:
                return
            if doc.pub_date_source == "html-meta" and abs((r.first - doc.pub_date).days) <= 1:
                return  # meta timestamps are often UTC: a day either way is the time zone
            source = {"front-matter": "the front-matter date", "html-meta": "the page's meta date",
                      "option": "--date"}.get(doc.pub_date_source, "the publication date")
            e = f.expr
            yield _match(
                f.block, e.date_start, e.date_end,
                f"the dateline says {_long_date(r.first)} but {source} is "
                f"{_long_date(doc.pub_date)}",
                suggestions=(_dateline_text(f.block.prose[e.start:e.end], e, doc.pub_date),))
            return

    def _restated(self, doc, pub, a: Found, b: Found):
        """'yesterday (Thursday)', 'Thursday (yesterday)', 'today, Aug. 7,'."""
        if a.block is not b.block:
            return
        gap = a.block.prose[a.expr.end:b.expr.start]
        if not self._APPOSITION.fullmatch(gap):
            return
        rel, other = (a, b) if _is_relative_day(a.expr) else (b, a)
        if not _is_relative_day(rel.expr) or other.expr.kind not in ("weekday", "date"):
            return
        if other.expr.kind == "weekday" and other.expr.modifier:
            return
        if "(" not in gap and not _closes_apposition(b.block.prose, b.expr.end):
            return  # "yesterday, Monday and Tuesday" is a list, not a restatement
        day = resolve(rel.expr, pub).first
        e = other.expr
        if e.kind == "weekday":
            if e.weekday == day.weekday():
                return
            said = WEEKDAY_NAMES[e.weekday]
            start, end, suggestion = e.weekday_start, e.weekday_end, weekday_name(day)
        else:
            r = resolve(e, pub)
            if r is None or r.first == day:
                return
            said = f"{weekday_name(r.first)}, {r.first:%B} {r.first.day}"
            start, end, suggestion = e.date_start, e.date_end, f"{day:%B} {day.day}"
        yield _match(
            other.block, start, end,
            f"\u201c{rel.expr.text}\u201d is {_long_date(day)} (publication date "
            f"{pub:%Y-%m-%d}), but the text next to it says {said}",
            suggestions=(suggestion,),
            related=(doc.block_span(rel.block, rel.expr.start, rel.expr.end),))


def _is_relative_day(e: TemporalExpression) -> bool:
    return e.kind == "relative" and e.unit == "day"


def _closes_apposition(prose: str, end: int) -> bool:
    rest = prose[end:end + 12]
    return re.match(r"\s*(?:[,)]|[.;!?]|$)", rest) is not None and not re.match(
        r"\s*,\s*(?:and|or)\b", rest)


def _dateline_text(written: str, e: TemporalExpression, pub: _dt.date) -> str:
    """The dateline rewritten for ``pub`` in the same shape (weekday or not, day first or not)."""
    day_first = e.date_start is not None and written[e.date_start - e.start:][:1].isdigit()
    date = f"{pub.day} {pub:%B} {pub.year}" if day_first else f"{pub:%B} {pub.day}, {pub.year}"
    return f"{weekday_name(pub)}, {date}" if e.weekday is not None else date


# Lines that credit or copyright the story: "AFP 2023", "© 2023 The Associated Press".
_COPYRIGHT = LazyPattern(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.I)
_AGENCY_CREDIT = LazyPattern(
    r"^\W*(?:(?:photo|image|picture|credit|source|by|written\s+by)\s*:?\s*)?"
    r"(?:AFP|AP|Reuters|Getty\s+Images|EPA|Xinhua|dpa|DPA|ANSA|Bloomberg|PA|UPI|Kyodo|Yonhap|"
    r"TASS|AAP|Shutterstock|Agence\s+France-Presse|The\s+Associated\s+Press|Associated\s+Press)"
    r"\b[\s/,|-]*(?:19|20)\d\d\W*$", re.I)
_BYLINE_LEAD = LazyPattern(r"^\s*(?:written\s+by|by|author|credit|photo|image)\s*:?\s*$", re.I)


def is_credit_line(doc: Document, block: Block) -> bool:
    """A short byline, credit or copyright line (never a headline)."""
    if block.kind == "headline" or len(block.tokens) > 12:
        return False
    if _COPYRIGHT.search(block.prose) or _AGENCY_CREDIT.match(block.prose):
        return True
    before = doc.blocks[block.index - 1] if block.index > 0 else None
    return (before is not None and _BYLINE_LEAD.match(before.prose) is not None
            and len(block.tokens) <= 6)


class DateAfterPublication(DocumentRule):
    """A date or year later than the publication date, told as if it had already happened.

    ## What it flags
    A date, month or year after the publication date where the sentence reports it as past
    ("deals were announced in December 2022" in a story published in 2020), or where it stands
    in a byline, credit or copyright line ("AFP 2023"). Dates the text looks forward to are
    left alone: anything in a sentence with "will", "scheduled", "expected", "until", "by" and
    the like, and dates used as targets ("by 2021"). A date without a year counts only when it
    falls within `yearless_days` days after publication (otherwise the year before is meant).

    ## Why it matters
    A past event after the publication date means the date, the year or the publication date
    is wrong, or the text was pasted from a later story. A credit line with a later year shows
    the page was republished or scraped, and the rest of its dates may not be what they seem.

    ## Example
    ```
    ---
    date: 2020-08-07
    ---
    The bans were announced in 2021.
    ```

    ## Instead
    ```
    The bans were announced in 2020.
    ```
    Options: `check_quotes` (default false) also checks quoted speech; `credit_lines`
    (default true) checks years in credit and copyright lines; `yearless_days` (default 14).
    """

    id = "date-after-publication"
    category = "dates"
    severity = "warning"
    #: A suggestion reads right in most copy but not all: an editor confirms it.
    fix_safety = "unsafe"
    default_options = {"check_quotes": False, "credit_lines": True, "yearless_days": 14}

    def check(self, doc, options):
        pub = doc.pub_date
        if pub is None:
            return
        for f in temporal_expressions(doc):
            e = f.expr
            if e.kind not in ("date", "month", "year", "quarter") or f.block.kind == "dateline":
                continue
            r = resolve(e, pub)
            if r is None or r.first <= pub:
                continue
            if e.year is None and (e.kind != "date"
                                   or (r.first - pub).days > options["yearless_days"]):
                continue
            credit = options["credit_lines"] and e.kind == "year" and is_credit_line(doc, f.block)
            if not credit:
                if e.kind == "year" and e.role != "preposition":
                    continue  # "a 2021 budget", "Tokyo 2020": a name or a modifier
                if e.kind == "year" and e.year > pub.year + FAR_YEARS:
                    continue  # "a total score of 2072": a figure; no story reports 2072 as past
                if f.in_quote and not options["check_quotes"]:
                    continue
                sentence = next((s for s in f.block.sentences
                                 if s.start <= e.start and e.end <= s.end), None)
                if sentence is None:
                    continue
                text = f.block.prose[sentence.start:sentence.end]
                if not reads_as_past(text, e.start - sentence.start, e.end - sentence.start):
                    continue
            if credit:
                message = (f"the credit line gives {e.text}, after the publication date "
                           f"{pub:%Y-%m-%d}: a republished or scraped page, or a wrong date")
            else:
                message = (f"{e.text} is after the publication date {pub:%Y-%m-%d} but the "
                           f"sentence reports it as past")
            yield _match(f.block, e.start, e.end, message)


class RelativeDateUnanchored(DocumentRule):
    """Weekdays or relative words in a document with no publication date.

    ## What it flags
    The first weekday ("told AFP Friday") or relative word ("yesterday", "last week") in a
    document that has no publication date from any source: no `--date`, no front-matter
    `date`, no HTML date meta tag and no dateline. A story that opens with a place dateline
    ("NEW DELHI:", "WASHINGTON (AP) —") is news copy whose publishing system carries its date
    with the dateline, so its weekdays are read against that day and are not flagged. One
    finding per document; the other weekdays and relative words are listed as its related
    locations.

    ## Why it matters
    Without a date nobody, reader or tool, can tell which Friday is meant, and none of the
    other date checks can run. Copy that travels without its date (syndication, archives,
    scraped pages) loses the meaning of every relative reference.

    ## Example
    ```
    Experts told AFP Friday that the bans were of little value.
    ```

    ## Instead
    ```
    ---
    date: 2020-08-07
    ---
    Experts told AFP Friday that the bans were of little value.
    ```
    or a dateline ("Friday, August 7, 2020"), or `newslint check --date 2020-08-07`.
    Options: `check_quotes` (default false) also counts references in quoted speech.
    """

    id = "relative-date-unanchored"
    category = "dates"
    severity = "info"
    default_options = {"check_quotes": False}

    def check(self, doc, options):
        if doc.pub_date is not None or doc.meta.get("dateline"):
            return
        refs = [f for f in temporal_expressions(doc)
                if _needs_anchor(f.expr) and (options["check_quotes"] or not f.in_quote)]
        if not refs:
            return
        first = refs[0]
        more = len(refs) - 1
        also = f" ({more} more relative reference{'s' if more != 1 else ''} in the document)" \
            if more else ""
        # The missing date is one fault of the document, however many weekdays it has: the
        # other references are related locations, so an editor sees them without a finding
        # for each.
        related = [doc.block_span(r.block, r.expr.start, r.expr.end) for r in refs[1:]]
        yield _match(
            first.block, first.expr.start, first.expr.end,
            f"\u201c{first.expr.text}\u201d cannot be placed on the calendar: the document has "
            f"no publication date{also}. Add a front-matter `date`, a dateline such as "
            f"\u201cFriday, August 7, 2020\u201d, or run with `--date YYYY-MM-DD`",
            related=related)


def _needs_anchor(e: TemporalExpression) -> bool:
    return e.kind == "weekday" or (e.kind == "relative" and e.modifier not in ("ago", "in"))


class RelativeDayWord(DocumentRule):
    """"Yesterday" or "tomorrow" in dated copy; AP style names the day.

    ## What it flags
    "yesterday" and "tomorrow" (including "yesterday's", "tomorrow morning") outside quoted
    speech, in a document with a publication date, with the weekday they resolve to as the
    suggestion. Figurative uses ("the technology of tomorrow"), words the text already pairs
    with a weekday ("tomorrow, a Tuesday,") and interview transcripts are left alone.

    ## Why it matters
    Copy is read on other days than it was written: on the web, in syndication, in archives.
    "Yesterday" then points at the wrong day, while "Thursday" stays right for a week. AP style
    uses the day of the week for anything within seven days.

    ## Example
    ```
    ---
    date: 2020-08-07
    ---
    The president signed the order yesterday.
    ```

    ## Instead
    ```
    The president signed the order Thursday.
    ```
    Options: `words` (default `["yesterday", "tomorrow"]`) lists the words to flag; add
    "today" or "tonight" for a stricter house style. `check_quotes` (default false).
    Switch the rule off in configuration where house style prefers relative words.
    """

    id = "relative-day-word"
    category = "dates"
    severity = "info"
    #: A suggestion reads right in most copy but not all: an editor confirms it.
    fix_safety = "unsafe"
    default_options = {"words": ["yesterday", "tomorrow"], "check_quotes": False}

    _FIGURATIVE_AFTER = LazyPattern(r"\b(?:of|for)\s+$", re.I)
    _FIGURATIVE_NOUN = LazyPattern(r"^['’]s\s+(?:news|world|men|leaders|technology|generation)\b")

    def check(self, doc, options):
        pub = doc.pub_date
        if pub is None:
            return
        words = {w.lower() for w in options["words"]}
        found = temporal_expressions(doc)
        for i, f in enumerate(found):
            e = f.expr
            if not _is_relative_day(e) or e.modifier not in words:
                continue
            nxt = found[i + 1] if i + 1 < len(found) else None
            if (nxt is not None and nxt.block is f.block and nxt.expr.kind in ("weekday", "date")
                    and RelativeDateConflict._APPOSITION.fullmatch(
                        f.block.prose[e.end:nxt.expr.start])):
                continue  # "tomorrow, a Tuesday,": the day is named already
            if f.in_quote and not options["check_quotes"]:
                continue
            prose = f.block.prose
            head = prose[e.start:e.start + len(e.modifier)]
            rest = e.text[len(e.modifier):]
            if (self._FIGURATIVE_AFTER.search(prose[max(0, e.start - 5):e.start])
                    or self._FIGURATIVE_NOUN.match(prose[e.start + len(e.modifier):])):
                continue
            day = resolve(e, pub).first
            name = weekday_name(day)
            yield _match(
                f.block, e.start, e.end,
                f"\u201c{head}\u201d is {_long_date(day)}; AP style names the day",
                suggestions=(name + rest,))


RULES = (WeekdayDateMismatch, DateAfterPublication, RelativeDateConflict,
         RelativeDateUnanchored, RelativeDayWord)


@hookimpl
def newslint_register_rules(config):
    return [rule() for rule in RULES]
