"""Patterns: compiled by re.compile in every run, never read back from a cache file."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

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
