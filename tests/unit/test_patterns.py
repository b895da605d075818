"""Patterns: compiled by re.compile in every run, never read back from a cache file."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.text import patterns
from newslint.text.attribution import vocabulary

SAMPLES = [
    (r"(?P<verb>\b(?:said|says|told)\b)\s+(?P<who>[A-Z]\w+)", 0),
    (r"\b(?:monday|tuesday)\b", re.IGNORECASE),
    (r"""
        (?P<year>\d{4})   # a year
        -(?P<month>\d\d)
     """, re.VERBOSE),
    (r"[“”\"‘’'«»]", 0),
    (r"^\s*(?:[A-Z][A-Z.'-]+)\s*:\s", re.MULTILINE),
]
TEXT = ("On Monday the minister said Weaver would go; TUESDAY 2019-05 and “quoted” text.\n"
        "MR SMITH: yes\n")


def test_bad_patterns_raise_re_error():
    with pytest.raises(re.error):
        patterns.compile(r"(unclosed")


def test_lazy_pattern_compiles_on_first_use():
    lazy = patterns.LazyPattern(r"\bthe\s+the\b", re.IGNORECASE)
    assert "search" not in vars(lazy)
    assert lazy.search("in The the end").span() == (3, 10)
    assert "search" in vars(lazy)  # the compiled pattern's own method from now on
    assert lazy.pattern == r"\bthe\s+the\b"
    assert lazy.compiled().pattern == r"\bthe\s+the\b"


def test_word_list_patterns_are_the_same_in_every_process():
    # Patterns built from word lists are cached by their text, so a set's order (which
    # changes with the hash seed) must not change them.
    code = ("import hashlib; from newslint.text.attribution import vocabulary as d; "
            "v = d(); print(hashlib.sha256((v.attribution_cue.pattern + v.vague_source.pattern)"
            ".encode()).hexdigest())")
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")}
    assert len(digests) == 1
    assert vocabulary().attribution_cue.pattern


# A recorder run: every (pattern, flags) newslint compiles while checking an article.
_RECORD = r"""
import json, sys
import newslint.text.patterns as p
seen, real = set(), p.compile
def recording(pattern, flags=0):
    seen.add((pattern, int(flags)))
    return real(pattern, flags)
p.compile = recording
from newslint.cli import main
code = main(sys.argv[1:])
json.dump(sorted(seen), open(sys.argv[0] + ".keys", "w"))
"""


def _never_matching_programs(keys) -> dict:
    """What an attacker could plant: for each pattern, a valid program that never matches."""
    import _sre
    from re import _compiler, _parser

    parsed_never = _parser.parse(r"(?!x)x", 0)
    never = [int(op) for op in _compiler._code(parsed_never, 0)]
    programs = {}
    for pattern, flags in keys:
        parsed = _parser.parse(pattern, flags)
        index = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
        names = [None] * parsed.state.groups
        for name, i in index.items():
            names[i] = name
        programs[(pattern, flags)] = (int(flags | parsed.state.flags), never,
                                      parsed.state.groups - 1, index, tuple(names))
    return programs


def _check_json(cache_dir, article, config):
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache_dir)}
    env.pop("NEWSLINT_NO_PATTERN_CACHE", None)
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json",
                           "--jobs", "1", "--config", str(config), str(article)],
                          capture_output=True, text=True, env=env, timeout=120)
    return proc.returncode, [(f["rule"], f["offset"], f["length"])
                             for f in __import__("json").loads(proc.stdout)["findings"]]


def test_a_planted_compiled_pattern_file_changes_nothing(tmp_path):
    """A compiled-program file in the cache directory (as earlier versions wrote, or as
    another user could plant) is never handed to the regular-expression engine."""
    import json
    import marshal

    _sre = pytest.importorskip("_sre")
    from shared_paths import REPO

    article = REPO / "tests" / "rules" / "weekday-date-mismatch" / "bad.md"
    config = tmp_path / "newslint.yaml"
    config.write_text("languagetool: off\n", encoding="utf-8")
    clean, planted = tmp_path / "clean", tmp_path / "planted"
    script = tmp_path / "record.py"
    script.write_text(_RECORD, encoding="utf-8")
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(clean)}
    subprocess.run([sys.executable, str(script), "check", "--jobs", "1", "--config", str(config),
                    str(article)], env=env, capture_output=True, timeout=120)
    keys = [tuple(k) for k in json.loads((tmp_path / "record.py.keys").read_text())]
    assert len(keys) > 20
    planted.mkdir()
    name = f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"
    (planted / name).write_bytes(marshal.dumps(_never_matching_programs(keys)))

    expected = _check_json(clean, article, config)
    assert expected[0] == 1 and any(rule == "weekday-date-mismatch" for rule, *_ in expected[1])
    assert _check_json(planted, article, config) == expected


def _lead_tested_patterns():
    from newslint.text import attribution, temporal
    from newslint.text.patterns import _LeadTestedPattern

    found = [(f"{mod.__name__}.{name}", value) for mod in (temporal, attribution)
             for name, value in vars(mod).items() if isinstance(value, _LeadTestedPattern)]
    assert len(found) >= 5
    return found


#: Texts where a word character stands right before a match of the rest of a pattern.
_EDGES = ["xMarch 2020 and March 2020", "_March 2020, éMarch 2020", "3March 2020March 2020",
          "in 5 daysin 5 days, Win 5 days", "zPhoto: a Photo: b", "the same day_the same day",
          "bathe same day; the same day", "", "March 2020", "Photo:",
          "x2020 $2020 ,2020 2020 é2020 /2020 (2020)"]


def test_lead_tested_patterns_match_as_the_whole_pattern_does():
    from shared_paths import WIKINEWS

    from newslint.testing import parse_text

    texts = list(_EDGES)
    for path in sorted(WIKINEWS.glob("2019-*.md"))[:120]:
        texts.extend(b.prose for b in parse_text(path.read_text(encoding="utf-8")).blocks)
    for name, lazy in _lead_tested_patterns():
        whole = re.compile(lazy.pattern, lazy.flags)
        hits = 0
        for text in texts:
            want = [(m.span(), m.groupdict()) for m in whole.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in lazy.finditer(text)] == want, (name, text)
            for pos in (0, 1, len(text) // 2):
                a, b = whole.search(text, pos), lazy.search(text, pos)
                assert (a and a.span()) == (b and b.span()), (name, text, pos)
            hits += len(want)
        assert hits, name  # the texts exercise every pattern


def test_a_lead_tested_pattern_reads_as_its_whole_pattern():
    from newslint.text.patterns import BoundaryLedPattern, NotAfterPattern

    # The lead applies to every alternative of the rest, in both readings.
    either = BoundaryLedPattern(r"ab|c")
    assert either.pattern == r"\b(?:ab|c)"
    assert [m.span() for m in either.finditer("xc c xab ab")] == [(3, 4), (9, 11)]
    year = NotAfterPattern(r"\d{4}", after="$")
    assert [m.group() for m in year.finditer("$2020 x2020 (2020)")] == ["2020"]
    with pytest.raises(ValueError):
        BoundaryLedPattern(r"March", re.ASCII)


def _module_values():
    """Every value at the top of every newslint module."""
    import importlib
    import pkgutil

    import newslint

    for info in pkgutil.walk_packages(newslint.__path__, "newslint."):
        if info.name.endswith("__main__"):
            continue  # runs the command line
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        yield from vars(module).values()


def _newslint_patterns():
    """Every pattern newslint's modules hold, compiled or lazy (those of the standard engine),
    and the word-list patterns."""
    found = {}
    for value in _module_values():
        lazies = [value.ascii, value.general] if isinstance(value, patterns.AsciiPattern) \
            else [value]
        for lazy in lazies:
            if isinstance(lazy, patterns.LazyPattern) and not isinstance(
                    lazy, patterns.LazyRegexPattern):
                found[(lazy.pattern, lazy.flags)] = lazy.compiled()
            elif isinstance(lazy, re.Pattern):
                found[(lazy.pattern, lazy.flags)] = lazy
    v = vocabulary()
    for name in ("attribution_cue", "source_cue", "vague_source", "vague_quantifier",
                 "vague_passive"):
        compiled = getattr(v, name)
        found[(compiled.pattern, compiled.flags)] = compiled
    return list(found.values())


def _as_written(compiled):
    """What re.compile makes of the pattern as written (without a look-ahead it was led by)."""
    source = compiled.pattern
    if source.startswith("(?=["):
        source = _strip_lead(source)
        cls = patterns.lead_class(source, compiled.flags & ~re.UNICODE)
        assert cls is not None and compiled.pattern.startswith(f"(?={cls})(?:")
    return re.compile(source, compiled.flags)


def _strip_lead(source: str) -> str:
    body = source[source.index("])(?:") + len("])(?:"):] if "|(?" not in source.split(
        ")(?:")[0] else source[source.index("]))(?:") + len("]))(?:"):]
    return body[:-2] if body.endswith("\n)") else body[:-1]


@pytest.fixture(scope="module")
def wikinews_docs():
    from pathlib import Path

    from newslint.testing import parse_text

    corpus = Path(__file__).parents[2] / "benchmarks" / "corpus" / "wikinews"
    return [parse_text(p.read_text(encoding="utf-8"), ".md", path=p.name)
            for p in sorted(corpus.glob("20*.md"))]


def test_patterns_find_what_re_compile_makes_of_them_find(wikinews_docs):
    # patterns.compile tells the engine where a match can start (an info block or a
    # look-ahead): every pattern of newslint finds the same matches as re.compile's program
    # of it, over the corpus's blocks and their sentences, with finditer and match.
    compiled = _newslint_patterns()
    assert patterns.FALLBACKS == []  # every program was built as compile means to build it
    told = [p for p in compiled
            if patterns.lead_class(p.pattern, p.flags & ~re.UNICODE)
            or p.pattern.startswith("(?=[")]
    assert len(told) > 40
    texts = [b.prose for doc in wikinews_docs[::3] for b in doc.blocks]
    texts += [t[s.start:s.end] for doc in wikinews_docs[:20] for b in doc.blocks
              for t in (b.prose,) for s in b.sentences]
    texts += ["", " ", "A", "On Monday, Jan. 6, 2020, 42 percent", "ſaid ſhe", "İN ıT KELVIN",
              "THE MINISTER SAID ON MONDAY THAT 40 PERCENT"]
    for quick in told:
        plain = _as_written(quick)
        for text in texts:
            assert ([m.span() for m in quick.finditer(text)]
                    == [m.span() for m in plain.finditer(text)]), (plain.pattern, text)
            for pos in (0, len(text) // 2):
                q, p = quick.match(text, pos), plain.match(text, pos)
                assert (q and q.groups()) == (p and p.groups()), (plain.pattern, text, pos)


def test_lead_class_holds_every_first_character_and_leaves_the_rest_alone():
    assert patterns.lead_class(r"\b(?:one|two)\b", re.I) == "[ot]"
    assert patterns.lead_class(r"(?<![\w-])(?:\$\d|per cent)", 0) == "[\\$p]"
    assert patterns.lead_class(r"(?i:\bab)|\bXy", 0) == "[X]|(?i:[a])"
    assert patterns.compile(r"(?i:\bab)|\bXy").search("xy AB").span() == (3, 5)
    for pattern in (r"[a-z]+", r"abc", r"^\bfoo", r"\b\w+", r"\bx?", r"(?i)\bfoo",
                    r"\b(?:a|[^b])", r"(\w)\1"):
        assert patterns.lead_class(pattern, 0) is None, pattern
    verbose = patterns.compile("\n  \\b(?P<year>\\d{4})  # a year", re.VERBOSE)
    assert verbose.search("in 2019").group("year") == "2019"
    # A first character matched ignoring case outside ASCII: led by a look-ahead instead,
    # which a verbose pattern's closing comment must not swallow.
    led = patterns.compile("\\b(?:émile|zoë)  # names", re.VERBOSE | re.I)
    assert led.pattern.startswith("(?=[")
    assert [m.group() for m in led.finditer("ÉMILE, Zoë and xémile")] == ["ÉMILE", "Zoë"]


def test_the_other_cases_of_ascii_letters_are_the_engines():
    # _OTHER_CASES lists every character outside ASCII that the engine matches as an ASCII
    # letter ignoring case; derived here from the engine itself.
    import _sre

    found: dict = {}
    for code in range(128, sys.maxunicode + 1):
        lower = _sre.unicode_tolower(code)
        if lower < 128:
            found[chr(lower)] = found.get(chr(lower), "") + chr(code)
    from re._casefix import _EXTRA_CASES

    for lower, others in _EXTRA_CASES.items():
        if lower < 128:
            found[chr(lower)] = found.get(chr(lower), "") + "".join(map(chr, others))
    assert {k: sorted(v) for k, v in found.items()} == {
        k: sorted(v) for k, v in patterns._OTHER_CASES.items()}
    for letter, others in patterns._OTHER_CASES.items():
        for other in others:
            assert re.fullmatch(letter, other, re.I)


@pytest.mark.parametrize("pattern, flags", SAMPLES + [(r"\b(?P<n>\d+)\s+(?:people|dead)", re.I)])
def test_compiled_patterns_are_what_re_compile_makes(pattern, flags):
    # patterns.compile builds the program from the one parse it made: the same groups, flags
    # and matches as re.compile, with the pattern's own text where it is not led.
    ours, theirs = patterns.compile(pattern, flags), re.compile(pattern, flags)
    assert (ours.flags, ours.groups, ours.groupindex) == (theirs.flags, theirs.groups,
                                                          theirs.groupindex)
    assert ours.pattern == pattern or ours.pattern.startswith("(?=[")
    assert [m.groupdict() or m.span() for m in ours.finditer(TEXT + "In 2019, 12 people")] == \
        [m.groupdict() or m.span() for m in theirs.finditer(TEXT + "In 2019, 12 people")]
    assert isinstance(patterns.compile(pattern, re.RegexFlag(flags)).flags, int)


def _ascii_patterns():
    return [v for v in _module_values() if isinstance(v, patterns.AsciiPattern)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=60))
def test_ascii_spellings_find_what_the_patterns_find_on_ascii_text(text):
    # Each AsciiPattern's ASCII spelling is the same pattern on ASCII text: every character
    # of it, in any order, with and without lower-casing.
    pairs = _ASCII_PAIRS or _ASCII_PAIRS.extend(_ascii_patterns()) or _ASCII_PAIRS
    assert len(pairs) >= 5
    names = ("Dr. Adam Segal said. Ursula von der Leyen, O'Brien's and Jean-Luc Picard-Smith; "
             "J. R. Bolton, al-Assad, De Blasio, 'Weaver' -Tom x.Ann Mc-Kay ")
    for pair in pairs:
        for sample in (text, text.lower(), "Don't e-mail U.S. x_y 3.5 a-b " + text,
                       names + text, text + names):
            assert pair.ascii.findall(sample) == pair.general.findall(sample), pair.general.pattern
            assert pair.ascii.split(sample) == pair.general.split(sample)
            assert ([m.span() for m in pair.ascii.finditer(sample)]
                    == [m.span() for m in pair.general.finditer(sample)])


_ASCII_PAIRS: list = []


# What the tests without a pattern are compared with: their patterns, and texts made of the
# characters that matter to them (marks, closers, white space of every kind, digits of other
# scripts) and of any other.
_ENDINGS = st.text(alphabet=st.sampled_from(
    list(".!?…;。！？\"'”’)]") + [" ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "a", "Z", "é", "("]),
    max_size=12)
_ANY_TEXT = st.text(max_size=20)


@settings(max_examples=500, deadline=None)
@given(_ANY_TEXT, _ENDINGS)
def test_ends_with_mark_is_its_pattern(head, tail):
    text = head + tail
    for marks, closers in ((".!?…", "\"'”’)]"), (".!?…;。！？", "\"'”’)]"), ("?", ")")):
        cls_m, cls_c = re.escape(marks), re.escape(closers)
        assert patterns.ends_with_mark(text, marks, closers) == \
            bool(re.search(f"[{cls_m}][{cls_c}]*\\s*$", text)), (text, marks)
        assert patterns.ends_with_mark(text, marks, closers, space=False) == \
            bool(re.search(f"[{cls_m}][{cls_c}]*$", text)), (text, marks)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 a.,\n") + ["٣", "৯", "²", "Ⅻ", "é"]),
               max_size=12) | _ANY_TEXT)
def test_has_digit_is_its_pattern(text):
    assert patterns.has_digit(text) == bool(re.search(r"\d", text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_an_ascii_samples_words_are_the_english_patterns_words(text):
    # looks_english splits an ASCII sample at its non-letters rather than with its pattern.
    from newslint.text import english

    low = text.lower()
    assert low.translate(english._ASCII_NON_LETTERS).split() == english._WORD.findall(low)
    words = ("the of and said " * 10 + text).lower()
    expected = english._WORD.findall(words)
    share = sum(map(english._FUNCTION_WORDS.__contains__, expected)) / max(len(expected), 1)
    assert english.looks_english(words) is (len(expected) < english.MIN_WORDS
                                             or share >= english.MIN_SHARE)
