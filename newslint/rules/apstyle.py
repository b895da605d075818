"""AP Stylebook rules that need more than a pattern: numerals under ten, month abbreviations,
mixed quote marks and mixed date formats.

They share the ``ap.`` prefix and origin with the YAML pack ``rules/ap.yaml`` and are off by
default like it, so ``extend_select: [ap]`` turns on the whole AP set.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from types import SimpleNamespace

from newslint import hookimpl
from newslint.finding import Match
from newslint.rule import DocumentRule
from newslint.text.patterns import compile as compile_pattern

#: Blocks holding the writer's running copy. AP headlines follow their own rules (figures for
#: all numbers, abbreviated months), and datelines are page metadata.
COPY_BLOCKS = ("paragraph", "blockquote", "list_item", "caption")

SPELLED = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: AP abbreviates these five… seven months before a day; March–July are always spelled out.
AP_ABBREVIATION = {"January": "Jan.", "February": "Feb.", "August": "Aug.", "September": "Sept.",
                   "October": "Oct.", "November": "Nov.", "December": "Dec."}
_ABBREVIATED_FULL = {v[:-1]: k for k, v in AP_ABBREVIATION.items()}
_ABBREVIATED_FULL["Sep"] = "September"
_NEVER_ABBREVIATED = {"Mar": "March", "Apr": "April", "Jun": "June", "Jul": "July"}
_MONTH_ALT = "|".join(MONTHS)
_ABBR_ALT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"


class ApRule(DocumentRule):
    """Common ground of the AP rules: opt-in, listed under the ``ap`` origin."""

    category = "style"
    severity = "warning"
    default_enabled = False
    origin = "ap"
    #: A suggestion reads right in most copy but not all: an editor confirms it.
    fix_safety = "unsafe"


def copy_blocks(doc):
    return [b for b in doc.blocks if b.kind in COPY_BLOCKS]


# --- numerals under ten ---------------------------------------------------------------------

# A lone digit: not part of a larger number, a decimal, a time, a score, a fraction, a code
# ("COVID-19", "5G", "F-16"), money ("$5") or a percentage.
_LONE_DIGIT = r"(?<![\w.,:/$€£¥#+\-–'’\[\]])([1-9])(?![\w:/%°′″×\-–~\]])"
_WORD_AFTER = r"\s*([A-Za-z][A-Za-z.]*)(?:\s+([A-Za-z][A-Za-z.]*))?"
_WORD_BEFORE = r"([A-Za-z][A-Za-z.]*)[\s,]*$"

# Figures are AP style before these: units of measure, money, time, ages, ratings.
_UNITS = frozenset("""
percent million billion trillion a.m. p.m. am pm feet foot ft inch inches in. yard yards meter
meters metre metres m km kilometer kilometers kilometres mile miles mph kph km/h knot knots
pound pounds lb lbs kg kilogram kilograms gram grams g ounce ounces oz ton tons tonne tonnes
liter liters litre litres gallon gallons degree degrees cent cents dollar dollars euro euros
pence points point mm cm mg ml kb mb gb tb ghz mhz kw mw gw kwh acres acre hectare hectares
magnitude stars star
""".split())
# ...and after these: numbered things and designations ("No. 3", "Room 5", "age 7").
_DESIGNATORS = frozenset("""
no. no number nos. chapter page pages room route highway interstate grade size level category
phase stage week game round article section amendment district station terminal gate platform
flight title tier class act part volume vol. issue episode season psalm verse unit apartment
apt. suite channel version model type aged age ages year day figure table
""".split())


class Numerals(ApRule):
    """Spell out whole numbers below 10 in running copy.

    ## What it flags
    A figure from 1 to 9 standing alone in the writer's prose ("3 people were hurt"). Figures
    AP keeps are not flagged: ages ("aged 5", "Smith, 7,"), percentages, money ("$5"),
    measurements and units ("5 feet", "3 million"), times ("5 p.m.", "5:30"), dates
    ("Aug. 7"), scores and votes ("3-2"), decimals, and numbered things ("No. 3",
    "Chapter 7", "Terminal 5"). Headlines, which AP sets in figures, and quoted speech are
    skipped.

    ## Why it matters
    The AP Stylebook's numerals entry: spell out whole numbers below 10, use figures for 10 and
    above. A story that writes "3 people" and "four cars" looks unedited.

    ## Example
    Police said 3 people were hurt and 12 cars damaged.

    ## Instead
    Police said three people were hurt and 12 cars damaged.
    """

    id = "ap.numerals"

    def check(self, doc, options):
        for block in copy_blocks(doc):
            prose = block.prose
            for m in _patterns().lone_digit.finditer(prose):
                start, end = m.span(1)
                if block.in_quote(start, end) or _figure_is_ap_style(prose, start, end):
                    continue
                word = SPELLED[int(m.group(1))]
                if _sentence_start(block, start):
                    word = word.capitalize()
                off, length = block.source_span(start, end)
                yield Match(off, length,
                            f"AP style: spell out numbers below 10: '{word}', not '{m.group(1)}'.",
                            suggestions=(word,))


def _figure_is_ap_style(prose: str, start: int, end: int) -> bool:
    after = prose[end:end + 40]
    before = prose[max(0, start - 40):start]
    if re.match(r"[.,]\d", after) or re.match(r"\s*(?:%|percent|per cent)", after):
        return True
    if re.match(r"\s*(?:to|or|and|-|–)\s*\d", after) or re.search(
            r"\d\s*(?:to|or|and|&|-|–)\s*$", before):
        return True  # ranges, scores and votes: "5 to 4", "3 or 4 games", "Dec. 5 and 6"
    if after.startswith(")") or (after.startswith(".")
                                 and re.search(r"(?:^|[.!?:]\s+)$", before)):
        return True  # enumerators: "(3)", "1) estimating", "2. Relative to…"
    if re.search(r",\s*$", before) and re.match(r",", after):
        return True  # an age in apposition: "Ana Ruiz, 7, was"
    if re.search(r"[:\-–—=]\s*$", before) or re.match(r"\s*(?:\S+\s+){0,2}=", after):
        return True  # data: "Hare: 3", "Sinn Féin - 7 seats", "1 micron = 0.001 mm"
    if re.match(r"\s*(?:hours?|minutes?|h|min)\s+\d", after) or re.search(
            r"\d\s*(?:hours?|minutes?)\s+$", before):
        return True  # race and clock times: "2 hours 1 minute 39 seconds"
    if re.match(r"\s*(?:years?|months?|weeks?|days?)\s+(?:old|of age)\b", after):
        return True  # ages: "4 years old", "under 5 years of age"
    if re.match(r"\s*(?:out\s+of|in)\s+\d", after) or re.search(r"\d\s+in\s+$", before):
        return True  # "7 out of 20 cases", "1 in 5 adults": one style for both figures
    nxt = _patterns().word_after.match(after)
    if nxt:
        w1 = nxt.group(1).lower()
        if w1 in _UNITS or w1.rstrip(".") in _UNITS:
            return True
        if _month_name(nxt.group(1)) or _month_name(nxt.group(1).rstrip(".")):
            return True  # "7 August"
    if re.search(r"\]\s*$", before):
        return True  # an editor's insertion names the thing numbered: "[CentOS] 8"
    prev = _patterns().word_before.search(before)
    if prev:
        word = prev.group(1)
        if word.lower() in _DESIGNATORS or word.lower().rstrip(".") in _DESIGNATORS:
            return True
        if _month_name(word):
            return True  # "Aug. 7", "May 5"
        # A product name with an inner capital ("CentOS 8", "iPhone 6") is numbered.
        if any(c.isupper() for c in word[1:]) and not word.isupper():
            return True
        # A capitalised word right before the figure, not opening a sentence, names the thing
        # numbered: "Terminal 5", "Apollo 9", "Windows 7", "Category 4".
        if word[:1].isupper() and not re.search(r"(?:^|[.!?]\s+)[\"“]?" + re.escape(word)
                                                + r"[\s,]*$", before):
            return True
    return False


def _sentence_start(block, start: int) -> bool:
    return any(s.start == start for s in block.sentences)


# --- month abbreviations --------------------------------------------------------------------

_FULL_WITH_DAY = (
    r"\b(January|February|August|September|October|November|December) (\d{1,2})(?![\d:])")
_SHORT_WITH_DAY = rf"\b({_ABBR_ALT})(\.?) (\d{{1,2}})(?![\d:])"
_SHORT_WITH_YEAR = rf"\b({_ABBR_ALT})\.? (\d{{4}})\b"


class MonthAbbreviation(ApRule):
    """Abbreviate Jan., Feb., Aug., Sept., Oct., Nov. and Dec. before a day; spell out the rest.

    ## What it flags
    "August 7" (AP: "Aug. 7"), "Sep. 7" (AP: "Sept. 7"), "Aug 7" without the period,
    "Mar. 3", "Apr. 3", "Jun. 3" or "Jul. 3" (these months are never abbreviated), and an
    abbreviated month with a year but no day ("Aug. 2020"). Datelines, headlines and quoted
    speech are skipped.

    ## Why it matters
    The AP Stylebook's months entry: capitalize the names of months; when a month is used with
    a specific date, abbreviate only Jan., Feb., Aug., Sept., Oct., Nov. and Dec.; spell out
    the month when it stands alone or with a year alone. Wire desks and readers expect the
    same form in every story.

    ## Example
    The law takes effect August 7. It was passed in Aug. 2020 and signed Mar. 3.

    ## Instead
    The law takes effect Aug. 7. It was passed in August 2020 and signed March 3.
    """

    id = "ap.months"

    def check(self, doc, options):
        for block in copy_blocks(doc):
            for start, end, found, right in _month_problems(block.prose):
                if block.in_quote(start, end):
                    continue
                off, length = block.source_span(start, end)
                yield Match(off, length, f"AP style: write '{right}', not '{found}'.",
                            suggestions=(right,))


def _month_problems(prose: str):
    for m in _patterns().full_with_day.finditer(prose):
        yield m.start(), m.end(), m.group(), f"{AP_ABBREVIATION[m.group(1)]} {m.group(2)}"
    for m in _patterns().short_with_day.finditer(prose):
        name, dot, day = m.groups()
        if name in _NEVER_ABBREVIATED:
            right = f"{_NEVER_ABBREVIATED[name]} {day}"
        elif name == "Sep" or not dot:
            right = f"{AP_ABBREVIATION[_ABBREVIATED_FULL[name]]} {day}"
        else:
            continue
        yield m.start(), m.end(), m.group(), right
    for m in _patterns().short_with_year.finditer(prose):
        name = m.group(1)
        full = _ABBREVIATED_FULL.get(name) or _NEVER_ABBREVIATED.get(name)
        yield m.start(), m.end(), m.group(), f"{full} {m.group(2)}"


# --- mixed quote marks ----------------------------------------------------------------------

# Straight marks right after a digit are feet and inches (6'2", 5"), not quotation marks.
_QUOTE_MARK = r"(?<!\d)[\"“”]|(?<!\d)['‘’]"
_CURLY = {"“": "double", "”": "double", "‘": "single", "’": "single"}


class QuoteMarks(ApRule):
    """Straight and curly quotation marks mixed in one article.

    ## What it flags
    Quotation marks and apostrophes of the less used kind when an article mixes straight
    (" ') and curly (“ ” ‘ ’) marks; double marks and single marks/apostrophes are counted
    separately. Straight marks after a figure (6'2") are measurements and are not counted.
    Quoted speech is checked too: the marks are the writer's. On a tie, curly marks win.

    ## Why it matters
    AP wire copy is sent with straight quotes and typeset with curly ones; either is fine, but
    one article should use one kind. Mixed marks show text pasted from several sources, and
    they break quote matching in publishing systems (a straight mark cannot say whether it
    opens or closes).

    ## Example
    “We will reopen,” she said. "It's a matter of weeks."

    ## Instead
    “We will reopen,” she said. “It’s a matter of weeks.”
    """

    id = "ap.quote-marks"

    def check(self, doc, options):
        marks = {"double": [], "single": []}
        for block in doc.blocks:
            for m in _patterns().quote_mark.finditer(block.prose):
                ch = m.group()
                kind = _CURLY.get(ch) or ("double" if ch == '"' else "single")
                marks[kind].append((block, m.start(), ch in _CURLY))
        for kind, found in marks.items():
            counts = Counter(curly for _, _, curly in found)
            if len(counts) < 2:
                continue
            curly_wins = counts[True] >= counts[False]
            majority = "curly" if curly_wins else "straight"
            for block, i, curly in found:
                if curly == curly_wins:
                    continue
                ch = block.prose[i]
                right = _curly_for(block.prose, i) if curly_wins else (
                    '"' if kind == "double" else "'")
                off, length = block.source_span(i, i + 1)
                yield Match(off, length,
                            f"Mixed quotation marks: this article mostly uses {majority} "
                            f"{kind} marks ({counts[curly_wins]} against "
                            f"{counts[not curly_wins]}); write {right} here, not {ch}.",
                            suggestions=(right,))


def _curly_for(prose: str, i: int) -> str:
    """The curly mark for a straight one: opening after a space or an opening bracket."""
    ch = prose[i]
    opening = i == 0 or prose[i - 1] in " \t\n([{—–-“‘"
    if ch == '"':
        return "“" if opening else "”"
    return "‘" if opening and i + 1 < len(prose) and not prose[i + 1].isdigit() else "’"


# --- mixed date formats ---------------------------------------------------------------------

_DATE = (
    rf"\b(?P<md>(?P<m1>{_MONTH_ALT}|(?:{_ABBR_ALT})\.?) (?P<d1>\d{{1,2}}))(?![\d:])"
    rf"|\b(?P<dm>(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH_ALT}|(?:{_ABBR_ALT})\.?))\b"
    r"|\b(?P<num>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))\b"
    r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b")


@functools.lru_cache(maxsize=None)
def _patterns() -> SimpleNamespace:
    """The module's patterns, compiled on first use rather than at import: the AP rules are
    off by default."""
    return SimpleNamespace(
        lone_digit=compile_pattern(_LONE_DIGIT), word_after=compile_pattern(_WORD_AFTER),
        word_before=compile_pattern(_WORD_BEFORE), full_with_day=compile_pattern(_FULL_WITH_DAY),
        short_with_day=compile_pattern(_SHORT_WITH_DAY), short_with_year=compile_pattern(_SHORT_WITH_YEAR),
        quote_mark=compile_pattern(_QUOTE_MARK), date=compile_pattern(_DATE))

FORMAT_NAMES = {"abbreviated": "abbreviated month first ('Aug. 7')",
                "full": "full month first ('August 7')",
                "day-first": "day first ('7 August')",
                "numeric": "numeric ('8/7/2020')",
                "iso": "ISO ('2020-08-07')"}


class DateFormat(ApRule):
    """Dates written in two formats in one article.

    ## What it flags
    Dates in the less used format when an article writes dates more than one way: "Aug. 7"
    and "August 7", "August 7" and "7 August", or figures ("8/7/2020", "2020-08-07") among
    written dates. Months that AP never abbreviates ("March 7") fit either month-first form
    and are not counted. Datelines, headlines and quoted speech are skipped.

    ## Why it matters
    The AP Stylebook writes dates one way: month first, abbreviated before a day where the
    month allows it ("Aug. 7, 2020"), never day first and never in figures. Whatever the house
    form, a story that switches formats reads as pasted together, and "8/7" is read as
    August 7 in the US and 8 July elsewhere.

    ## Example
    The ban takes effect Sept. 20. Talks are due to end September 15.

    ## Instead
    The ban takes effect Sept. 20. Talks are due to end Sept. 15.
    """

    id = "ap.date-format"

    def check(self, doc, options):
        dates = []
        for block in copy_blocks(doc):
            for m in _patterns().date.finditer(block.prose):
                fmt, month, day = _classify(m)
                if fmt is None or block.in_quote(m.start(), m.end()):
                    continue
                dates.append((block, m.start(), m.end(), fmt, month, day))
        counts = Counter(d[3] for d in dates)
        if len(counts) < 2:
            return
        first_seen = {}
        for n, d in enumerate(dates):
            first_seen.setdefault(d[3], n)
        majority = max(counts, key=lambda f: (counts[f], -first_seen[f]))
        for block, start, end, fmt, month, day in dates:
            if fmt == majority:
                continue
            found = block.prose[start:end]
            rewritten = _rewrite(majority, month, day)
            off, length = block.source_span(start, end)
            yield Match(off, length,
                        f"Date format differs from the rest of the article: most dates are "
                        f"{FORMAT_NAMES[majority]}; '{found}' is {FORMAT_NAMES[fmt]}.",
                        suggestions=(rewritten,) if rewritten else ())


def _month_name(token: str):
    if token in MONTHS:
        return token
    name = token.rstrip(".")
    return _ABBREVIATED_FULL.get(name) or _NEVER_ABBREVIATED.get(name)


def _classify(m):
    """(format, full month name, day) of a date match; format None when it fits any style."""
    if m.group("md"):
        month = _month_name(m.group("m1"))
        day = int(m.group("d1"))
        if not month or not 1 <= day <= 31:
            return None, None, None
        if month not in AP_ABBREVIATION:
            return None, month, day  # "March 7" fits both month-first forms
        fmt = "full" if m.group("m1") in MONTHS else "abbreviated"
        return fmt, month, day
    if m.group("dm"):
        month = _month_name(m.group("m2"))
        day = int(m.group("d2"))
        if not month or not 1 <= day <= 31:
            return None, None, None
        return "day-first", month, day
    if m.group("num"):
        return "numeric", None, None
    return "iso", None, None


def _rewrite(fmt: str, month, day):
    if month is None or fmt in ("numeric", "iso"):
        return None
    if fmt == "day-first":
        return f"{day} {month}"
    if fmt == "abbreviated":
        return f"{AP_ABBREVIATION.get(month, month)} {day}"
    return f"{month} {day}"


@hookimpl
def newslint_register_rules(config):
    return [Numerals(), MonthAbbreviation(), QuoteMarks(), DateFormat()]
