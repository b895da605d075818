"""Page furniture: navigation, widgets, promotions and teasers left in copy.

Five signals, from the most to the least certain:

1. A block that is, in its entirety, a known furniture line ("Click to comment", "Related: …",
   "Subscribe to …"), from the phrase pack ``newslint/data/boilerplate.yaml``.
2. Navigation before the headline: once one known furniture line sits above the headline, every
   block above it (except a dateline or byline) is page chrome, section labels included.
3. Short labels among furniture: a short line without sentence punctuation whose neighbours are
   both furniture ("Daily Briefing Newsletter" between "Click to comment" and "Subscribe to…").
   A crosshead between two story paragraphs ("– Tough on China –") is never one. A run of three
   or more short lines, at least half of them known furniture, is a site menu: all of it is,
   from its first known item to its last.
4. A teaser list after the story: a list heading ("Related Content") followed by teaser blurbs
   and section labels up to the end of the article is one finding.
5. Page chrome around the story: the story is the run of blocks with the most prose in it (long
   paragraphs count for it, short lines and known furniture against it). Above it, from the last
   known furniture line up, and below it, from the first known furniture line down, every block
   is chrome (menus, teaser titles, footer links) until a sentence of the story's prose.

Across a run, a short line that recurs verbatim in many files is template text; that is why the
rule is a corpus rule. Signals 1–5 are computed per document in :meth:`collect` (spans resolved
there), recurrence is added in :meth:`finish`.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from newslint import hookimpl
from newslint.finding import Match
from newslint.parsers.common import DATE_DATELINE
from newslint.rule import CorpusRule
from newslint.text.patterns import compile as compile_pattern, ends_with_mark

#: Shipped data files (a plain folder inside the package; importlib.resources costs start-up time).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Bullets, pipes and arrows before a navigation item; the same and a trailing colon after it.
_EDGE_JUNK_BEFORE = " •·|>»›▸◂«‹*-"
_EDGE_JUNK_AFTER = " :|>»›▸«‹*"
#: A section label ("World", "Management & Strategy") has at most this many words.
SECTION_LABEL_WORDS = 4


class _Patterns:
    """The rule's own patterns, compiled on first use (see :func:`_patterns`)."""

    def __init__(self):
        self.byline = compile_pattern(
            r"^(?:by\s+[A-Z]|\(?(?:additional )?(?:reporting|writing|editing) by\b)",
            re.IGNORECASE)
        self.truncated = compile_pattern(r"(?:\.\.\.|…)\s*$")
        # Photo credits and captions recur across files by design; they are not template text.
        self.credit = compile_pattern(r"^(?:image|photo|picture|video|graphic|credit)s?\b",
                                 re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _patterns() -> _Patterns:
    return _Patterns()


def _sentence_end(text: str) -> bool:
    """Whether ``text`` ends a sentence, as the pattern ``[.!?…;。！？]["'”’)\\]]*$`` finds (see
    ``patterns.ends_with_mark``)."""
    return ends_with_mark(text, ".!?…;。！？", "\"'”’)]", space=False)


def _byline(text: str):
    return _patterns().byline.match(text)


#: Seconds a user's ``extra_lines`` pattern may run on one block.
PATTERN_TIMEOUT = 1.0


@functools.lru_cache(maxsize=None)
def phrase_pack() -> dict:
    """The compiled phrase pack: one alternation per kind, anchored to the whole block.

    The shipped patterns are simple and compiled with :mod:`re`, which compiles them an order
    of magnitude faster than :mod:`regex` (this runs once per process, on every check).
    """
    import yaml

    text = (DATA_DIR / "boilerplate.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {kind: _compile(data.get(kind, ()), whole=(kind != "prefixes"))
            for kind in ("lines", "prefixes", "openers")}


def _compile(patterns, whole: bool, engine=None):
    """One alternation of ``patterns``, ignoring case; with :mod:`re` (and its compiled form
    cached across runs) unless ``engine`` is given."""
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    text = rf"(?:{body})" + (r"\Z" if whole else "")
    if engine is None:
        return compile_pattern(text, re.IGNORECASE)
    return engine.compile(text, engine.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _extra_lines(patterns: tuple):
    """A user's extra whole-line patterns, run by :mod:`regex` under a time limit."""
    if not patterns:
        return None
    import regex

    return _compile(patterns, whole=True, engine=regex)


def normalise(prose: str) -> str:
    """A block's prose as compared with the pack and across files: white space collapsed,
    bullets, pipes and arrows around it and a trailing colon taken off."""
    return _joined(prose.split())


def _joined(pieces: list) -> str:
    """:func:`normalise` of the prose whose white-space pieces are ``pieces``."""
    return " ".join(pieces).lstrip(_EDGE_JUNK_BEFORE).rstrip(_EDGE_JUNK_AFTER)


def _more_words_than(text: str, n: int) -> bool:
    """``len(text.split()) > n``, without splitting a long paragraph into all its words."""
    if not isinstance(n, int):
        return len(text.split()) > n
    return len(text.split(None, max(n, 0))) > n


def is_label(prose: str, max_words: int) -> bool:
    """A short line without sentence punctuation (a label, button or section name)."""
    text = prose.strip()
    return (bool(text) and not _more_words_than(text, max_words)
            and not _sentence_end(text))


class Boilerplate(CorpusRule):
    """Page furniture (navigation, widgets, promotions, teasers) left in the article.

    ## What it flags
    Blocks that belong to a web page or a CMS template rather than to the story: navigation and
    section labels above the headline, lines such as "Click to comment", "Related: …",
    "Written By", "Subscribe to …", newsletter and webinar promotions, cookie notices, a list of
    teasers after the story ("Related Content" and the blurbs under it, reported once), the
    menus, teaser titles and footer links of a saved page around the story once a known
    furniture line marks them, and short lines that recur verbatim in many files of one run.

    ## Why it matters
    Copy pasted from a published page or drafted in a template carries this furniture along. In
    print, an app or a syndication feed it reads as part of the story, and teasers for other
    articles put unrelated claims under this article's headline.

    ## Example
    ```
    “But it is not clear what it is China is supposed to do,” he said.

    Related: TikTok and WeChat: Chinese Apps Dogged by Security Fears

    Click to comment
    ```

    ## Instead
    ```
    “But it is not clear what it is China is supposed to do,” he said.
    ```
    Remove the furniture. Section crossheads inside the story ("– Tough on China –") are not
    reported.
    """

    id = "boilerplate"
    category = "boilerplate"
    severity = "warning"
    default_options = {
        # A "label" has at most this many words and no sentence punctuation.
        "max_label_words": 8,
        # Teaser blurbs under a list heading are at most this long and quote no one.
        "max_teaser_words": 60,
        # A short line recurring verbatim in at least this many files of a run is template text.
        "recurring_min_files": 3,
        "recurring_max_words": 12,
        # Extra whole-line patterns (regular expressions, case-insensitive) for a house template.
        "extra_lines": [],
    }

    def collect(self, doc, options):
        texts = [_joined(b.tokens) for b in doc.blocks]  # normalise(b.prose), split once
        furniture = find_furniture(doc, options, texts)
        flagged = {i for f in furniture for i in range(f.first, f.last + 1)}
        matches = [Match(message=f.message, suggestions=("remove",),
                         span=doc.span(doc.blocks[f.first].start,
                                       doc.blocks[f.last].end - doc.blocks[f.first].start))
                   for f in furniture]
        candidates = [(key, doc.span(b.start, b.end - b.start))
                      for i, b in enumerate(doc.blocks)
                      if i not in flagged and (key := recurrence_key(b, options, texts[i]))]
        return matches, candidates

    def finish(self, items, options):
        files_by_line: dict[str, set] = {}
        for info, (_, candidates) in items:
            for key, _span in candidates:
                files_by_line.setdefault(key, set()).add(info.path)
        threshold = max(2, options["recurring_min_files"])
        for info, (matches, candidates) in items:
            yield from matches
            for key, span in candidates:
                n = len(files_by_line[key])
                if n >= threshold:
                    yield Match(message=f"This line recurs verbatim in {n} files of this run: "
                                        "template text, not story.",
                                suggestions=("remove",), span=span)


def recurrence_key(block, options, text=None) -> str:
    """The key under which a block is compared across files, or "" when it cannot be template
    text (prose paragraphs, headlines, datelines, bylines, photo credits). ``text`` is the
    block's normalised prose (:func:`normalise`) when the caller has it."""
    if block.kind in ("headline", "dateline", "caption"):
        return ""
    if text is None:
        text = normalise(block.prose)
    if (not text or _more_words_than(text, options["recurring_max_words"])
            or _sentence_end(text) or _byline(text) or _patterns().credit.match(text)):
        return ""
    return text.casefold()


class Furniture:
    """A run of blocks ``first..last`` (inclusive) reported as one finding."""

    __slots__ = ("first", "last", "message")

    def __init__(self, first: int, last: int, message: str):
        self.first, self.last, self.message = first, last, message


def find_furniture(doc, options, texts=None) -> list[Furniture]:
    """Furniture in ``doc``; ``texts`` are its blocks' normalised prose (:func:`normalise`),
    if known."""
    blocks = doc.blocks
    max_label = options["max_label_words"]
    headline = headline_index(blocks)
    reasons: dict[int, str] = {}
    openers: set[int] = set()
    extra = _extra_lines(tuple(options.get("extra_lines") or ()))
    for i, block in enumerate(blocks):
        if block.kind == "dateline":
            continue
        text = normalise(block.prose) if texts is None else texts[i]
        kind = pack_kind(text, extra)
        if (block.kind == "headline" or i == headline) and kind != "line":
            # A "headline" that is wholly a known line ("Back to main menu") is a link the
            # parser took for the headline; any other headline is the story's.
            continue
        if kind == "opener":
            openers.add(i)
            reasons[i] = f"'{_short(text)}' heads a teaser list from a web page."
        elif kind:
            reasons[i] = f"'{_short(text)}' is page furniture, not part of the story."

    _mark_navigation_before_headline(blocks, reasons)
    _mark_labels_among_furniture(blocks, reasons, max_label)
    _mark_menus(blocks, reasons, max_label)
    _mark_outside_story(blocks, reasons)

    found: list[Furniture] = []
    run = _teaser_run(blocks, openers, reasons, options)
    for i in sorted(reasons):
        if run and run.first <= i <= run.last:
            continue
        found.append(Furniture(i, i, reasons[i]))
    if run:
        found.append(run)
    return sorted(found, key=lambda f: f.first)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def pack_kind(text: str, extra=None) -> str:
    """"line", "prefix", "opener" or "" for a normalised block."""
    if not text or len(text) > 400:
        return ""
    pack = phrase_pack()
    if pack["openers"] and pack["openers"].match(text):
        return "opener"
    if pack["lines"] and pack["lines"].match(text):
        return "line"
    if extra is not None and extra.match(text, timeout=PATTERN_TIMEOUT):
        return "line"
    if pack["prefixes"] and pack["prefixes"].match(text):
        return "prefix"
    return ""


def headline_index(blocks):
    """Index of the headline block, or None.

    A parser that takes the last short line before the first paragraph for the headline picks
    the byline when one sits between them ("Harbour Council Approves…", "By Dana Whitfield");
    the headline is then the line above the byline. The same goes for a date line
    ("Friday, January 4, 2019") that sits below the headline.
    """
    h = next((i for i, b in enumerate(blocks) if b.kind == "headline"), None)
    while h and _byline_or_dateline(blocks[h].prose) and blocks[h - 1].kind == "heading":
        h -= 1
    return h


def _byline_or_dateline(prose: str) -> bool:
    return bool(_byline(prose.strip()) or DATE_DATELINE.match(prose))


def _mark_navigation_before_headline(blocks, reasons) -> None:
    """Page chrome above the headline: everything down to the last certain furniture line, and
    one short section label right after it ("Management & Strategy").

    Without a certain furniture line above the headline nothing is marked: a short line there
    may be a kicker. Below the last one, only a label of a few words is taken; a longer line is
    more likely the real headline, with photo captions or map legends between it and the first
    paragraph (which the parser may have taken for the headline).
    """
    headline = headline_index(blocks)
    if not headline:
        return
    hits = [i for i in range(headline) if i in reasons]
    if not hits:
        return
    last = hits[-1]
    for i in range(last):
        if blocks[i].kind != "dateline" and not _byline_or_dateline(blocks[i].prose):
            reasons.setdefault(i, "Navigation or section label above the headline.")
    label = last + 1
    if label < headline and is_label(normalise(blocks[label].prose), SECTION_LABEL_WORDS) \
            and not _byline_or_dateline(blocks[label].prose):
        reasons.setdefault(label, "Section label above the headline.")


#: In :func:`story_region` a block scores its words less this many: a paragraph counts for the
#: story, a label, a button or a teaser title against it; a known furniture line scores
#: :data:`FURNITURE_SCORE`, and a long block that does not read as prose (a headline, a row of
#: links) :data:`NON_PROSE_SCORE`.
PROSE_MIN_WORDS = 10
FURNITURE_SCORE = -PROSE_MIN_WORDS
NON_PROSE_SCORE = 0
#: A block of more than this many words that ends as a sentence ends (or a quoted sentence) is
#: the story's prose: page chrome around the story stops at it.
SENTENCE_MIN_WORDS = 4
#: A headline has at most this many words, and this share of its longer words capitalised.
TITLE_MAX_WORDS = 20
TITLE_CASE_SHARE = 0.8


def story_region(blocks, reasons):
    """``(first, last)``: the run of blocks with the most story prose in it, or None.

    Each block scores its words less :data:`PROSE_MIN_WORDS` (:data:`NON_PROSE_SCORE` at most
    when it does not read as prose), a known furniture line :data:`FURNITURE_SCORE`; the story
    is the run with the highest total (the maximum-sum subarray). Whatever follows it scores at
    most zero in total: more labels and buttons than prose, which a story going on after an
    "Advertisement" line does not.
    """
    best, best_range = 0, None
    total, start = 0, 0
    for i, block in enumerate(blocks):
        if i in reasons:
            score = FURNITURE_SCORE
        else:
            score = len(block.tokens) - PROSE_MIN_WORDS
            if score > NON_PROSE_SCORE and not _reads_as_prose(block.prose.strip()):
                score = NON_PROSE_SCORE
        if total <= 0:
            total, start = 0, i
        total += score
        if total > best:
            best, best_range = total, (start, i)
    return best_range


def _reads_as_prose(prose: str) -> bool:
    """Ends as a sentence ends and is not in title case."""
    return bool(_sentence_end(prose)) and not _title_case(prose)


def _story_sentence(block) -> bool:
    """A sentence of story prose: more than a few words, or quoting someone (a teaser title or
    a button quotes no one), ending as a sentence ends, and not in title case (a teaser's
    headline: "Can Your Phone Survive the Cold?")."""
    prose = block.prose.strip()
    return _reads_as_prose(prose) and bool(
        block.quotes or _more_words_than(prose, SENTENCE_MIN_WORDS))


def _title_case(prose: str) -> bool:
    """Most words of four letters or more capitalised, as in a headline; a sentence of story
    prose capitalises its first word and its names."""
    if _more_words_than(prose, TITLE_MAX_WORDS):
        return False  # tested first: most paragraphs are longer, and this is the cheap test
    words = [w for w in prose.split() if len(w) >= 4 and w[0].isalpha()]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _chrome_exempt(block) -> bool:
    """Datelines, bylines and photo credits belong to the story wherever they sit."""
    prose = block.prose.strip()
    return (block.kind in ("headline", "dateline") or _byline_or_dateline(prose)
            or bool(_patterns().credit.match(prose)))


def _mark_outside_story(blocks, reasons) -> None:
    """Page chrome around the story (:func:`story_region`). Reading up from the story, from
    each known furniture line on, every block is chrome until a sentence of story prose
    (:func:`_story_sentence`); reading down from the story, the same. Datelines, bylines and
    photo credits are left alone."""
    region = story_region(blocks, reasons)
    if region is None:
        return
    first, last = region
    known = set(reasons)

    def sweep(indices, message):
        chrome = False
        for i in indices:
            if i in known:
                chrome = True
            elif _story_sentence(blocks[i]):
                chrome = False
            elif chrome and not _chrome_exempt(blocks[i]):
                reasons.setdefault(i, message)

    sweep(range(first - 1, -1, -1), "Navigation or page chrome above the story.")
    sweep(range(last + 1, len(blocks)), "Page chrome below the story.")


def _mark_labels_among_furniture(blocks, reasons, max_label: int) -> None:
    """Short labels whose neighbours are both furniture (or the end of the article)."""
    headline = headline_index(blocks)
    headline = -1 if headline is None else headline
    changed = True
    while changed:
        changed = False
        for i, block in enumerate(blocks):
            if i in reasons or i <= headline or block.kind == "dateline":
                continue
            if not is_label(block.prose, max_label) or _byline(block.prose.strip()):
                continue
            before = i - 1 in reasons
            after = i + 1 in reasons or i + 1 == len(blocks)
            if before and after:
                reasons[i] = "Short label among page furniture."
                changed = True


#: A menu is at least this many short labels in a row, with at least this many of them, and at
#: least half, known furniture: a story's fact box of short lines can end beside share buttons.
MENU_MIN_LABELS = 3
MENU_MIN_KNOWN = 2


def _mark_menus(blocks, reasons, max_label: int) -> None:
    """Runs of at least :data:`MENU_MIN_LABELS` short labels in a row, :data:`MENU_MIN_KNOWN`
    of them and at least half known furniture ("Video", "Back to main menu"): a site's menu,
    section labels and all, from its first known item to its last. A crosshead stands alone
    between paragraphs, so it is never part of such a run."""
    def label_at(i):
        block = blocks[i]
        return i in reasons or (block.kind not in ("headline", "dateline")
                                and is_label(block.prose, max_label)
                                and not _byline(block.prose.strip()))

    i = 0
    while i < len(blocks):
        if not label_at(i):
            i += 1
            continue
        j = i
        while j + 1 < len(blocks) and label_at(j + 1):
            j += 1
        run = range(i, j + 1)
        known = [k for k in run if k in reasons]
        if len(run) >= MENU_MIN_LABELS and len(known) >= MENU_MIN_KNOWN \
                and 2 * len(known) >= len(run):
            # Labels before the first known item or after the last may be the story's own (a
            # fact box ending beside the share buttons, a quote's attribution below them):
            # those are left to the other signals.
            for k in range(known[0], known[-1] + 1):
                reasons.setdefault(k, "Menu item among page furniture.")
        i = j + 1


def _teaser_run(blocks, openers, reasons, options):
    """The first list heading after the story whose teasers run to the end of the article."""
    first_prose = next((i for i, b in enumerate(blocks)
                        if b.kind in ("paragraph", "blockquote", "list_item")
                        and i not in reasons), None)
    if first_prose is None:
        return None
    for start in sorted(openers):
        if start < first_prose:
            continue
        if all(_teaser_like(blocks[j], j in reasons, options)
               for j in range(start + 1, len(blocks))):
            n = len(blocks) - start
            return Furniture(start, len(blocks) - 1,
                             f"Teaser list after the story ({n} blocks): links to other "
                             "articles left from a web page.")
    return None


def _teaser_like(block, is_furniture: bool, options) -> bool:
    if is_furniture or is_label(block.prose, options["max_label_words"]):
        return True
    if block.kind not in ("paragraph", "list_item", "heading", "caption"):
        return False
    if _more_words_than(block.prose, options["max_teaser_words"]):
        return False
    # Teasers are short blurbs in the site's voice, often cut off mid-sentence; a story
    # paragraph usually quotes someone.
    return bool(_patterns().truncated.search(block.prose)) or not block.quotes


@hookimpl
def newslint_register_rules(config):
    return [Boilerplate()]
