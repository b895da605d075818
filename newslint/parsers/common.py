"""What every parser does after building blocks: suppressions, datelines, publication date."""

from __future__ import annotations

import datetime as _dt

from newslint.document import Document
from newslint.errors import InputError
from newslint.text.patterns import compile as compile_pattern  # cached across runs

# <!-- newslint-disable rule-a, rule-b --> ; <!-- newslint-enable --> ; <!-- newslint-disable-next-line x -->
DIRECTIVE = compile_pattern(
    r"<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|"
           "Nov\\.?|Dec\\.?")
#: A dateline that is a date: "Friday, January 4, 2019" (Wikinews), "Jan. 4, 2019".
DATE_DATELINE = compile_pattern(
    rf"^\s*(?:(?P<weekday>{_WEEKDAYS}),?\s+)?(?P<date>(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})\s*$")
#: A wire dateline: "WASHINGTON (AP) —", "LONDON, Aug 7 (Reuters) -".
WIRE_DATELINE = compile_pattern(
    r"^(?P<place>[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z. ]+)?)\s*(?:,\s*[A-Z][a-z]{2,}\.? \d{1,2}\s*)?"
    r"\((?P<agency>[A-Za-z][A-Za-z .]{1,30})\)\s*[—–-]")
#: A place dateline without an agency: "NEW DELHI: Their American dream …", "LONDON — …".
PLACE_DATELINE = compile_pattern(
    r"^(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?)"
    r"\s*(?::|\s[—–])\s+\S")

#: Capitalised labels that open a paragraph the way a dateline does but name no place.
_NOT_PLACES = frozenset("""BREAKING UPDATE UPDATED EXCLUSIVE WATCH LISTEN READ VIDEO PHOTOS
PHOTO EDITOR'S EDITOR’S NOTE CORRECTION WARNING ALERT LIVE OPINION ANALYSIS REVIEW""".split())

#: The two shapes of a DATE_DATELINE date, dots dropped: "Jan 4, 2019" and "4 January 2019".
_DATELINE_PARTS = compile_pattern(r"(?:(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2}),"
                                  r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]+))\s+(?P<year>\d{4})")
_MONTH_NUMBERS = {name: number for number, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"), 1)
    for name in names.split()}


def parse_date_value(value, what: str, path: str) -> _dt.date:
    """A date from front matter or a meta tag; a clear error when it is not one."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    import dateutil.parser  # only for dates YAML or the page did not already give as dates

    try:
        return dateutil.parser.isoparse(str(value).strip()).date()
    except (ValueError, OverflowError):
        pass
    try:
        return dateutil.parser.parse(str(value), fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        raise InputError(f"{path}: {what} {value!r} is not a date") from None


def dateline_date(text: str) -> _dt.date:
    """The date in a dateline's date (dots dropped), read as ``dateutil.parser.parse`` reads
    it, without importing dateutil's parser for the two shapes a dateline date has."""
    m = _DATELINE_PARTS.fullmatch(text)
    month = _MONTH_NUMBERS.get((m.group("month") or m.group("month2")).lower()) if m else None
    if month is None or int(m.group("year")) < 100:
        # dateutil reads a year below 100 as a two-digit year near today's: leave it to it.
        import dateutil.parser

        return dateutil.parser.parse(text).date()
    return _dt.date(int(m.group("year")), month, int(m.group("day") or m.group("day2")))


def finish_document(doc: Document) -> Document:
    """Find suppressions and the dateline; settle the publication date."""
    doc.suppressions = find_suppressions(doc)
    # A date line sits near the top, though scraped navigation can push it down: look at
    # everything above the first prose paragraph.
    first_prose = next((i for i, b in enumerate(doc.blocks)
                        if b.kind in ("paragraph", "blockquote", "list_item")
                        and len(b.tokens) >= 12), len(doc.blocks))
    for block in doc.blocks[:max(3, first_prose + 1)]:
        m = DATE_DATELINE.match(block.prose)
        if m:
            block.kind = "dateline"
            doc.meta.setdefault("dateline", block.prose.strip())
            try:
                date = dateline_date(m.group("date").replace(".", ""))
            except (ValueError, OverflowError):
                break
            doc.meta["dateline_date"] = date
            if m.group("weekday"):
                doc.meta["dateline_weekday"] = m.group("weekday")
                doc.meta["dateline_weekday_offset"] = block.source_offset(
                    block.prose.index(m.group("weekday")))
            if doc.pub_date is None:
                doc.pub_date, doc.pub_date_source = date, "dateline"
            break
    else:
        for block in doc.prose_blocks[:1]:
            m = WIRE_DATELINE.match(block.prose)
            if m:
                doc.meta.setdefault("dateline", m.group(0).rstrip(" —–-").strip())
            elif ((m := PLACE_DATELINE.match(block.prose)) and len(m.group("place")) >= 4
                  and m.group("place").split()[0] not in _NOT_PLACES):
                doc.meta.setdefault("dateline", m.group("place"))
    for i, block in enumerate(doc.blocks):
        block.index = i
    return doc


def find_suppressions(doc: Document):
    from newslint.document import Suppression

    found = []
    open_ranges = []
    for m in DIRECTIVE.finditer(doc.text):
        kind = m.group(1)
        rules = tuple(r.strip() for r in m.group(2).replace(",", " ").split() if r.strip())
        span = doc.span(m.start(), m.end() - m.start())
        line, end_line = span.line, span.end_line
        if kind == "disable-next-line":
            found.append(Suppression(m.start(), m.end() - m.start(), rules, end_line + 1,
                                     end_line + 1, span=span))
        elif kind == "disable":
            sup = Suppression(m.start(), m.end() - m.start(), rules, line, 10 ** 9, span=span)
            found.append(sup)
            open_ranges.append(sup)
        else:  # enable: closes the matching (or every) open disable
            for sup in list(open_ranges):
                if not rules or set(rules) & set(sup.rules) or not sup.rules:
                    sup.last_line = line
                    open_ranges.remove(sup)
    return found
