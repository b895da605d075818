"""The compiled-pattern cache: patterns from the cache behave exactly like re.compile's."""

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


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache directory and an empty in-memory table, as in a new process."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setitem(patterns._state, "programs", None)
    monkeypatch.setitem(patterns._state, "dirty", False)
    monkeypatch.setattr(patterns, "_used", set())
    return tmp_path


def _behaviour(compiled: re.Pattern) -> tuple:
    return (compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex),
            [(m.span(), m.groupdict()) for m in compiled.finditer(TEXT)])


def _new_process_state():
    patterns._state["programs"] = None
    patterns._state["dirty"] = False


def test_cached_patterns_match_exactly_like_re_compile(fresh_cache):
    if patterns.cache_file() is None:
        pytest.skip("the cache needs CPython")
    expected = [_behaviour(re.compile(p, f)) for p, f in SAMPLES]
    first = [_behaviour(patterns.compile(p, f)) for p, f in SAMPLES]
    patterns.save()
    cache = patterns.cache_file()
    assert cache is not None and cache.is_file() and cache.parent == fresh_cache
    _new_process_state()
    from_disk = [_behaviour(patterns.compile(p, f)) for p, f in SAMPLES]
    assert first == expected
    assert from_disk == expected
    assert patterns._state["dirty"] is False  # every program came from the file


def test_a_damaged_cache_file_is_ignored_and_replaced(fresh_cache):
    cache = patterns.cache_file()
    if cache is None:
        pytest.skip("the cache needs CPython")
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"\x00not marshal data")
    assert _behaviour(patterns.compile(*SAMPLES[0])) == _behaviour(re.compile(*SAMPLES[0]))
    patterns.save()
    _new_process_state()
    assert patterns._programs(), "the damaged file was rewritten with the new program"


def test_a_rejected_program_falls_back_to_compiling(fresh_cache):
    if patterns.cache_file() is None:
        pytest.skip("the cache needs CPython")
    pattern, flags = SAMPLES[0]
    table = patterns._programs()
    table[(pattern, flags)] = (0, [1, 2, 3], 0, {}, ())  # not a program the engine accepts
    assert _behaviour(patterns.compile(pattern, flags)) == _behaviour(re.compile(pattern, flags))


def test_bad_patterns_raise_re_error(fresh_cache):
    with pytest.raises(re.error):
        patterns.compile(r"(unclosed")


def test_lazy_pattern_compiles_on_first_use(fresh_cache):
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


def test_without_a_home_directory_patterns_still_compile(monkeypatch):
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(patterns.Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(
        RuntimeError("Could not determine home directory."))))
    monkeypatch.setitem(patterns._state, "programs", None)
    assert patterns.cache_file() is None
    assert patterns.compile(r"\bthe\b").search("in the end").span() == (3, 6)


def test_programs_of_patterns_no_longer_used_are_dropped_once_they_pile_up(fresh_cache,
                                                                           monkeypatch):
    if patterns.cache_file() is None:
        pytest.skip("the cache needs CPython")
    monkeypatch.setattr(patterns, "PRUNE_MIN_USED", 2)
    for n in range(10):  # e.g. word lists of an earlier configuration
        patterns.compile(rf"\bword{n}\b")
    patterns.save()
    _new_process_state()
    patterns._used.clear()
    patterns.compile(r"\bword1\b")  # a run that uses one of them only: nothing to write
    patterns.save()
    _new_process_state()
    assert len(patterns._programs()) == 10
    patterns._used.clear()
    patterns.compile(r"\bword1\b")
    patterns.compile(r"\bnew\b")
    patterns.save()
    _new_process_state()
    assert set(patterns._programs()) == {(r"\bword1\b", 0), (r"\bnew\b", 0)}
