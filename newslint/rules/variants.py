"""One word spelled two ways in one article.

Two sources of variants:

* compounds, found without a list: a closed word ("cybersecurity", "reelection") that the same
  article also writes open ("cyber security") or hyphenated ("re-election");
* the variant list ``newslint/data/variants.yaml``: American and British spellings
  (organize/organise, color/colour, center/centre, traveled/travelled…) and a few others
  (toward/towards, percent/per cent), matched across inflections, so "organized" and
  "organisation" count as the two spellings of one word.

Capitalised words are left out: they are names ("Labour Party", "World Trade Center",
"Digital and Cyberspace Policy Program") or sentence starts, and a name keeps its own spelling.
Quoted speech is included: its spelling is the writer's, not the speaker's.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from pathlib import Path

import regex
import yaml

from newslint import hookimpl
from newslint.finding import Match
from newslint.rule import DocumentRule

#: Shipped data files (a plain folder inside the package; importlib.resources costs start-up time).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# A word, or a hyphenated compound of words (letters only: "COVID-19" is not a compound here).
_WORD = regex.compile(r"\p{L}+(?:[-‐‑]\p{L}+)*")
_HYPHENS = regex.compile(r"[-‐‑]")

# Open pairs made of these words are phrases, not compounds written open: "every day" and
# "everyday", "any one" and "anyone", "set up" and "setup", "long time" and "longtime" are
# different words, so a pair is only a compound candidate when neither part is listed here.
_FUNCTION_WORDS = frozenset("""
a an the and or but nor for so yet of in on at to by up down out off over under into onto upon
with without within about above across after against along among around as before behind below
beneath beside between beyond during except inside near outside past since than through
throughout till toward towards until via be is are was were been being am do does did done
have has had having can could may might must shall should will would not no any every some all
each either neither both many much more most other another such own same what whatever which
who whom whose where when why how however ever there here this that these those it its he she
they we you me him her us them my your his our their one ones back away together apart aside
ahead forth home long well even just also only still very too per self last first next
zero two three four five six seven eight nine ten eleven twelve hundred thousand million billion
half double twice
""".split())

_IZE = [("ize", "ise"), ("izes", "ises"), ("ized", "ised"), ("izing", "ising"),
        ("izer", "iser"), ("izers", "isers"), ("ization", "isation"),
        ("izations", "isations"), ("izational", "isational")]
# "analyses" is also the plural of "analysis" in American English, so -yzes/-yses is left out.
_YZE = [("yze", "yse"), ("yzed", "ysed"), ("yzing", "ysing"), ("yzer", "yser")]
_OR = [("or" + s, "our" + s) for s in
       ("", "s", "ed", "ing", "ite", "ites", "able", "ably", "er", "ers", "hood", "hoods",
        "al", "ally", "less", "ful", "y")]
_ER = [("er", "re"), ("ers", "res"), ("ered", "red"), ("ering", "ring")]


class VariantList:
    """The variant list, indexed by spelling: form -> (word, spelling column, row)."""

    def __init__(self, data: dict):
        self.forms: dict[str, tuple[str, int, tuple[str, ...]]] = {}
        for key, suffixes in (("ize_ise", _IZE), ("yze_yse", _YZE), ("or_our", _OR),
                              ("er_re", _ER)):
            for stem in data.get(key, ()):
                for row in suffixes:
                    self._add(f"{key}:{stem}", tuple(stem + s for s in row))
        for word, rows in (data.get("words") or {}).items():
            for row in rows:
                self._add(f"word:{word}", tuple(str(v).lower() for v in row))
        self.distinct = frozenset(str(w).lower() for w in data.get("distinct", ()))
        self.distinct_open = frozenset(str(w).lower() for w in data.get("distinct_open", ()))
        self.two_word = {f for f in self.forms if " " in f}

    def _add(self, word: str, row: tuple[str, ...]) -> None:
        for column, form in enumerate(row):
            self.forms.setdefault(form, (word, column, row))


@functools.lru_cache(maxsize=None)
def variant_list() -> VariantList:
    text = (DATA_DIR / "variants.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return VariantList(yaml.load(text, Loader=loader) or {})


class Occurrence:
    """One spelling of a word at prose ``start..end`` of ``block``."""

    __slots__ = ("block", "start", "end", "form", "suggest_row")

    def __init__(self, block, start: int, end: int, form: str, suggest_row=None):
        self.block, self.start, self.end, self.form = block, start, end, form
        #: For listed words: the same inflection in every spelling.
        self.suggest_row = suggest_row


class SpellingVariant(DocumentRule):
    """One word spelled two ways in the same article.

    ## What it flags
    A word the article spells two ways: a compound written closed and open or hyphenated
    ("cybersecurity" and "cyber security", "reelection" and "re-election", "email" and
    "e-mail"), or an American and a British spelling ("organize" and "organise", "color" and
    "colour"). The less frequent spelling is reported and the more frequent one suggested; on a
    tie, the spelling used first wins.

    ## Why it matters
    Readers notice a word changing shape within a story; it signals copy assembled from several
    sources and not edited as one piece. Each newsroom picks one spelling per word; this rule
    does not pick for you, it asks for one.

    ## Example
    ```
    Cyber security specialists say the ban is minimal. It "does not increase US
    cybersecurity," Segal said, adding that cybersecurity budgets are rising.
    ```

    ## Instead
    ```
    Cybersecurity specialists say the ban is minimal. ...
    ```
    Names keep their own spelling and are not counted ("World Trade Center" in a story that
    writes "centre"), and pairs that are different words are not variants ("set up" and
    "setup", "every day" and "everyday", "re-sign" and "resign").
    """

    id = "spelling-variant"
    category = "style"
    severity = "warning"
    default_options = {
        # Find closed/open/hyphenated compounds without a list.
        "compounds": True,
        # Use the list of American/British and other variants.
        "variant_list": True,
        # Each part of an open compound ("cyber security") has at least this many letters.
        "min_part_length": 3,
    }

    def check(self, doc, options):
        listed, compounds = collect_occurrences(doc, options)
        for occurrences in listed.values():
            yield from _report(doc, occurrences)
        for occurrences in compounds.values():
            yield from _report(doc, occurrences)


def collect_occurrences(doc, options):
    """Occurrences grouped by word: listed variants, and compound candidates by closed key."""
    vl = variant_list()
    listed: dict = defaultdict(list)
    by_key: dict[str, list[Occurrence]] = defaultdict(list)
    closed_keys: set[str] = set()
    min_part = options["min_part_length"]
    for block in doc.blocks:
        if block.kind == "dateline":
            continue
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(block.prose)]
        for k, (start, end, text) in enumerate(tokens):
            if not text.islower():
                continue  # names, acronyms and sentence starts
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            pair_ok = (nxt is not None and block.prose[end:nxt[0]] == " " and nxt[2].islower())
            if options["variant_list"]:
                entry = vl.forms.get(text)
                if entry:
                    listed[entry[0]].append(
                        Occurrence(block, start, end, entry[1], entry[2]))
                    continue
                if pair_ok and f"{text} {nxt[2]}" in vl.two_word:
                    entry = vl.forms[f"{text} {nxt[2]}"]
                    listed[entry[0]].append(
                        Occurrence(block, start, nxt[1], entry[1], entry[2]))
                    continue
            if not options["compounds"]:
                continue
            parts = _HYPHENS.split(text)
            if len(parts) == 2 and text not in vl.distinct:
                key = "".join(parts)
                by_key[key].append(Occurrence(block, start, end, text))
            if len(parts) > 1:
                # "cybersecurity-related": its first part is a closed use of "cybersecurity".
                pos = start
                for part in parts:
                    closed_keys.add(part)
                    by_key[part].append(Occurrence(block, pos, pos + len(part), part))
                    pos += len(part) + 1
            else:
                closed_keys.add(text)
                by_key[text].append(Occurrence(block, start, end, text))
                if (pair_ok and not _HYPHENS.search(nxt[2]) and len(text) >= min_part
                        and len(nxt[2]) >= min_part and text not in _FUNCTION_WORDS
                        and nxt[2] not in _FUNCTION_WORDS
                        and f"{text} {nxt[2]}" not in vl.distinct_open):
                    by_key[text + nxt[2]].append(
                        Occurrence(block, start, nxt[1], f"{text} {nxt[2]}"))
    compounds = {}
    for key, occ in by_key.items():
        forms = {o.form for o in occ}
        # A compound variant needs the closed word itself and another spelling of it; open
        # against hyphenated alone is AP's compound-modifier rule ("a long-term plan", "in the
        # long term"), not a variant.
        if len(forms) >= 2 and key in closed_keys and key in forms:
            compounds[key] = occ
    return listed, compounds


def _report(doc, occurrences):
    """Matches for the minority spellings among ``occurrences`` of one word."""
    counts = Counter(o.form for o in occurrences)
    if len(counts) < 2:
        return
    first_seen: dict = {}
    for n, o in enumerate(occurrences):
        first_seen.setdefault(o.form, n)
    # Majority wins; a tie goes to the spelling used first.
    majority = max(counts, key=lambda f: (counts[f], -first_seen[f]))
    example = next(o for o in occurrences if o.form == majority)
    example_text = example.block.prose[example.start:example.end]
    related = (doc.block_span(example.block, example.start, example.end),)
    times = "once" if counts[majority] == 1 else f"{counts[majority]} times"
    for o in occurrences:
        if o.form == majority:
            continue
        found = o.block.prose[o.start:o.end]
        suggestion = example_text if o.suggest_row is None else o.suggest_row[majority]
        off, length = o.block.source_span(o.start, o.end)
        if example_text.lower() == suggestion.lower():
            message = (f"'{found}' is spelled '{example_text}' elsewhere in this article "
                       f"({times}); use one spelling throughout.")
        else:
            message = (f"'{found}' is spelled the other way elsewhere in this article "
                       f"('{example_text}', {times} in all); use '{suggestion}'.")
        yield Match(off, length, message, suggestions=(suggestion,), related=related)


@hookimpl
def newslint_register_rules(config):
    return [SpellingVariant()]
