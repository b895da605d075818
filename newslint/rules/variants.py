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
Quoted speech is included: its spelling is the writer's, not the speaker's. A quoted written
text (a statement, a paper, a post) keeps its authors' spelling and is not reported.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from pathlib import Path

from newslint import hookimpl
from newslint.finding import Match
from newslint.rule import DocumentRule
from newslint.text.patterns import AsciiPattern, LazyPattern, LazyRegexPattern

#: Shipped data files (a plain folder inside the package; importlib.resources costs start-up time).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: A word, or a hyphenated compound of words (letters only: "COVID-19" is not a compound here).
WORD_PATTERN = r"\p{L}+(?:[-‐‑]\p{L}+)*"
_HYPHEN_CHARS = "-‐‑"


#: Words: the regex module's letters, and for ASCII text (most blocks of English copy) the
#: same words by the standard engine, quicker (see ``patterns.AsciiPattern``).
_WORD = AsciiPattern(LazyRegexPattern(WORD_PATTERN), r"[A-Za-z]++(?:-[A-Za-z]++)*+")
_HYPHEN = LazyPattern(f"[{_HYPHEN_CHARS}]")


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
        forms = self.forms
        for key, suffixes in (("ize_ise", _IZE), ("yze_yse", _YZE), ("or_our", _OR),
                              ("er_re", _ER)):
            for stem in data.get(key, ()):
                word = f"{key}:{stem}"
                for american, british in suffixes:  # every suffix row is a pair
                    row = (stem + american, stem + british)
                    if row[0] not in forms:
                        forms[row[0]] = (word, 0, row)
                    if row[1] not in forms:
                        forms[row[1]] = (word, 1, row)
        for word, rows in (data.get("words") or {}).items():
            for row in rows:
                self._add(f"word:{word}", tuple(str(v).lower() for v in row))
        self.distinct = frozenset(str(w).lower() for w in data.get("distinct", ()))
        self.distinct_open = frozenset(str(w).lower() for w in data.get("distinct_open", ()))
        self.two_word = {f for f in self.forms if " " in f}
        #: The spellings as a set, to intersect with an article's words.
        self.form_set = frozenset(self.forms)
        #: First word of a two-word form -> its possible second words.
        self.two_word_next: dict[str, set[str]] = {}
        for f in self.two_word:
            first, _, rest = f.partition(" ")
            self.two_word_next.setdefault(first, set()).add(rest)

    def _add(self, word: str, row: tuple[str, ...]) -> None:
        for column, form in enumerate(row):
            self.forms.setdefault(form, (word, column, row))


@functools.lru_cache(maxsize=None)
def variant_list() -> VariantList:
    import yaml

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
    tie, a compound's closed form wins ("supergiant", "mainstream", "email": dictionaries and AP
    close a compound once it is established), and otherwise the spelling used first. Spellings
    inside a quoted written text (a statement, a paper, a letter, a post) and in embedded posts
    count toward the article's choice but are not reported: they are the source's own
    ("vapour" in a quotation from a British paper). Quoted speech and interview transcripts are
    checked: the writer spells what was said. Passages that are not in English are left
    alone.

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
    english_only = True
    #: A suggestion reads right in most copy but not all: an editor confirms it.
    fix_safety = "unsafe"
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
        if not listed and not compounds:
            return
        written = _WrittenQuotes(doc)
        for occurrences in (*listed.values(), *compounds.values()):
            yield from _report(doc, occurrences, written.holds)


class _WrittenQuotes:
    """Where a document quotes something written — a statement, a paper, a letter, a post.

    Its spelling is its authors' ("vapour" in a quotation from a British paper, "Trump's
    statement read: “… counterterrorism operation …”"), so a variant there is not the
    writer's to change. Spoken words are the writer's to spell: a quotation of speech and an
    interview transcript are checked.
    """

    def __init__(self, doc):
        from newslint.text.embeds import embed_blocks

        self.embeds = embed_blocks(doc.blocks)

    def holds(self, block, start: int, end: int) -> bool:
        if block.index in self.embeds:
            return True
        return (any(q.start <= start and end <= q.end for q in block.quotes)
                and bool(_WRITTEN.search(block.prose)))


#: A paragraph that says its quotation was written.
_WRITTEN = LazyPattern(r"\b(?:wrote|writes|written|tweeted|posted|statement|letter|paper|"
                       r"study|report|release|website|reads?\b)", re.I)


def collect_occurrences(doc, options):
    """Occurrences grouped by word: listed variants, and compound candidates by closed key.

    Only words that may be spelled two ways are collected. The article's set of lower-case
    words tells which those are (a listed word with two of its spellings present, a closed word
    also present hyphenated or as two words), and only blocks holding one of them are read word
    by word.
    """
    blocks = [b for b in doc.blocks if b.kind != "dateline"]
    # A word never spans white space, so the words of the article's distinct white-space
    # separated pieces are the article's words.
    pieces: set[str] = set()
    for block in blocks:
        pieces.update(block.tokens)
    # A piece of letters only is one word (``str.isalpha`` letters are letters to the pattern).
    words = set(filter(str.isalpha, pieces))
    # The words of the other pieces: those in ASCII by the quicker spelling of the pattern.
    rest = pieces - words
    words.update(_WORD.findall(" ".join(filter(str.isascii, rest))))
    words.update(_WORD.findall(" ".join(itertools.filterfalse(str.isascii, rest))))
    lower = set(filter(str.islower, words))
    listed_keys, compound_keys, relevant = _candidates(lower, options)
    if not relevant:
        return {}, {}
    return _collect(blocks, options, listed_keys, compound_keys, relevant)


def _candidates(lower: set, options):
    """Words that may be spelled two ways in an article whose lower-case words are ``lower``.

    Returns the listed words and compound keys that may have two spellings, and the words at
    which an occurrence of one of them starts. These are supersets: the word-by-word pass in
    :func:`_collect` decides.
    """
    vl = variant_list()
    min_part = options["min_part_length"]
    use_list = options["variant_list"]
    relevant: set[str] = set()
    listed_keys: set[str] = set()
    listed_forms = lower & vl.form_set if use_list else set()
    if use_list:
        columns: dict[str, set] = defaultdict(set)
        starts: dict[str, set] = defaultdict(set)
        for form in listed_forms:
            word, column, _ = vl.forms[form]
            columns[word].add(column)
            starts[word].add(form)
        for first in lower & vl.two_word_next.keys():
            for rest in vl.two_word_next[first]:
                if rest in lower:
                    word, column, _ = vl.forms[f"{first} {rest}"]
                    columns[word].add(column)
                    starts[word].add(first)
        for word, cols in columns.items():
            if len(cols) >= 2:
                listed_keys.add(word)
                relevant |= starts[word]
    compound_keys: set[str] = set()
    if options["compounds"]:
        # Words the compound pass sees: listed spellings are the list's business.
        plain = lower - listed_forms
        hyphens = _HYPHEN
        # Substring tests rather than the pattern: the same answer without a call into the
        # regex engine for each of the article's words.
        # (only words that are not all letters can hold one: most are ruled out in C)
        with_hyphen = {w for w in itertools.filterfalse(str.isalpha, lower)
                       if "-" in w or "‐" in w or "‑" in w}  # _HYPHEN_CHARS
        single = lower - with_hyphen
        hyphenated = {w: hyphens.split(w) for w in plain & with_hyphen}
        closed = plain & single
        for parts in hyphenated.values():
            closed.update(parts)
        joined = {"".join(parts) for w, parts in hyphenated.items()
                  if len(parts) == 2 and w not in vl.distinct}
        # An open pair: a plain word and any lower-case word, neither hyphenated nor a function
        # word, each at least ``min_part`` letters long (the range of split points sees to that).
        firsts = (plain & single) - _FUNCTION_WORDS
        seconds = single - _FUNCTION_WORDS
        pair_starts: dict[str, list[str]] = {}
        if firsts and seconds:
            shortest = max(2 * min_part, 2)
            for key in closed:
                if len(key) < shortest:
                    continue
                for i in range(min_part, len(key) - min_part + 1):
                    if key[:i] in firsts and key[i:] in seconds:
                        pair_starts.setdefault(key, []).append(key[:i])
        compound_keys = closed.intersection(joined)
        compound_keys.update(pair_starts)
        if compound_keys:
            relevant |= compound_keys
            for w, parts in hyphenated.items():
                if "".join(parts) in compound_keys or not compound_keys.isdisjoint(parts):
                    relevant.add(w)
            for key in compound_keys:
                relevant.update(pair_starts.get(key, ()))
    return listed_keys, compound_keys, relevant


def _collect(blocks, options, listed_keys, compound_keys, relevant):
    """The word-by-word pass over the blocks holding a ``relevant`` word, keeping occurrences
    of the candidate listed words and compound keys."""
    vl = variant_list()
    word_re, hyphens = _WORD, _HYPHEN
    listed: dict = defaultdict(list)
    by_key: dict[str, list[Occurrence]] = defaultdict(list)
    closed_keys: set[str] = set()
    min_part = options["min_part_length"]
    for block in blocks:
        if not any(map(block.prose.__contains__, relevant)):
            continue
        words = word_re.findall(block.prose)
        if relevant.isdisjoint(words):
            continue
        matches = list(word_re.finditer(block.prose))
        for k, text in enumerate(words):
            if text not in relevant or not text.islower():
                continue  # names, acronyms and sentence starts; words spelled one way
            start, end = matches[k].span()
            nxt = (*matches[k + 1].span(), words[k + 1]) if k + 1 < len(words) else None
            pair_ok = (nxt is not None and block.prose[end:nxt[0]] == " " and nxt[2].islower())
            if options["variant_list"]:
                entry = vl.forms.get(text)
                if entry:
                    if entry[0] in listed_keys:
                        listed[entry[0]].append(
                            Occurrence(block, start, end, entry[1], entry[2]))
                    continue
                if pair_ok and f"{text} {nxt[2]}" in vl.two_word:
                    entry = vl.forms[f"{text} {nxt[2]}"]
                    if entry[0] in listed_keys:
                        listed[entry[0]].append(
                            Occurrence(block, start, nxt[1], entry[1], entry[2]))
                    continue
            if not options["compounds"]:
                continue
            parts = hyphens.split(text)
            if len(parts) == 2 and text not in vl.distinct:
                key = "".join(parts)
                if key in compound_keys:
                    by_key[key].append(Occurrence(block, start, end, text))
            if len(parts) > 1:
                # "cybersecurity-related": its first part is a closed use of "cybersecurity".
                pos = start
                for part in parts:
                    if part in compound_keys:
                        closed_keys.add(part)
                        by_key[part].append(Occurrence(block, pos, pos + len(part), part))
                    pos += len(part) + 1
            else:
                if text in compound_keys:
                    closed_keys.add(text)
                    by_key[text].append(Occurrence(block, start, end, text))
                if (pair_ok and text + nxt[2] in compound_keys and not hyphens.search(nxt[2])
                        and len(text) >= min_part and len(nxt[2]) >= min_part
                        and text not in _FUNCTION_WORDS and nxt[2] not in _FUNCTION_WORDS
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


def _report(doc, occurrences, verbatim=None):
    """Matches for the minority spellings among ``occurrences`` of one word; none where
    ``verbatim(block, start, end)`` says the words are a quoted text's own."""
    counts = Counter(o.form for o in occurrences)
    if len(counts) < 2:
        return
    first_seen: dict = {}
    for n, o in enumerate(occurrences):
        first_seen.setdefault(o.form, n)
    # Majority wins; a tie goes to a compound's closed form ("supergiant" over "super giant",
    # "email" over "e-mail": dictionaries and AP close a compound once it is established, and
    # the article itself writes it closed), and otherwise to the spelling used first.
    top = max(counts.values())
    tied = [f for f in counts if counts[f] == top]
    compound = all(o.suggest_row is None for o in occurrences)  # forms are spellings
    closed = [f for f in tied if f.isalpha()] if compound and len(tied) > 1 else []
    if len(closed) == 1:
        majority = closed[0]
    else:
        majority = max(counts, key=lambda f: (counts[f], -first_seen[f]))
    example = next(o for o in occurrences if o.form == majority)
    example_text = example.block.prose[example.start:example.end]
    related = (doc.block_span(example.block, example.start, example.end),)
    times = "once" if counts[majority] == 1 else f"{counts[majority]} times"
    for o in occurrences:
        if o.form == majority or (verbatim is not None and verbatim(o.block, o.start, o.end)):
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
