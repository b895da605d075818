"""Every rule takes time growing about linearly with the text, also on pathological text.

Each case builds a hostile text (one word repeated 20,000 times, a 5 MB paragraph on one line,
50,000 quotation marks, deeply nested lists and quotes) and times each active rule on it, and
the parser, against the time *all* rules and the parser take on real news text of the same
size. A rule that is linear stays within a small multiple of that; one that is quadratic is
hundreds of times slower already at these sizes. Ratios, not absolute times, so the test means
the same on a fast and on a busy machine.
"""

from __future__ import annotations

import functools
import time

import pytest

from newslint.checker import Checker
from newslint.engine import parse_document
from newslint.rule import CorpusRule, DocInfo
from shared_paths import WIKINEWS

pytestmark = pytest.mark.slow

#: The most one rule (or the parser) may take on hostile text, as a multiple of what the
#: parser and every rule together take on real text of the same size.
MAX_RATIO = 10


@functools.lru_cache(maxsize=1)
def _engine():
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="newslint-linear-"))
    (folder / ".newslint.yaml").write_text("languagetool: off\n", encoding="utf-8")
    return Checker.load(config_file=folder / ".newslint.yaml", extend_select=["ap"]).engine


@functools.lru_cache(maxsize=1)
def _corpus_text() -> str:
    bodies = [p.read_text(encoding="utf-8").split("---", 2)[-1]
              for p in sorted(WIKINEWS.glob("*.md"))]
    assert len(bodies) > 100
    return "\n\n".join(bodies)


def real_text(size: int) -> str:
    text = _corpus_text()
    return (text * (size // len(text) + 1))[:size]


def _one_word(size):
    return "the " * (size // 4)


def _long_word(size):
    return "internationalisation " * (size // 21)


def _one_line(size):
    return real_text(size).replace("\n", " ")


def _curly_quotes(size):
    return "“" * (size // 2) + "\n\n" + "”" * (size // 2)


def _straight_quotes(size):
    return '"' * size


def _short_quotes(size):
    return ' "a' * (size // 3)


def _nested_lists(size):
    depth = size // 50
    return "".join("  " * i + "- item\n" for i in range(depth))[:size]


def _nested_quotes(size):
    return "> " * (size // 2 - 1) + "x\n"


CASES = [  # (name, generator, size in characters)
    ("one word × 20,000", _one_word, 80_000),
    ("a long word repeated", _long_word, 200_000),
    ("one 5 MB line", _one_line, 5_000_000),
    ("50,000 curly quote marks", _curly_quotes, 100_000),
    ("50,000 straight quote marks", _straight_quotes, 50_000),
    ("50,000 short quotations", _short_quotes, 150_000),
    ("lists nested 2,000 deep", _nested_lists, 100_000),
    ("block quotes nested 50,000 deep", _nested_quotes, 100_000),
]


def _timings(text: str, suffix: str) -> dict:
    """Seconds for the parser and for each active rule (the best of two on short texts)."""
    engine = _engine()
    rounds = 1 if len(text) > 200_000 else 2
    best: dict = {}
    for _ in range(rounds):
        start = time.perf_counter()
        doc = parse_document(f"article{suffix}", text, suffix, None, engine.parsers)
        times = {"parser": time.perf_counter() - start}
        for rule in engine.active:
            options = engine.options[rule.id]
            start = time.perf_counter()
            if isinstance(rule, CorpusRule):
                found = rule.collect(doc, options)
                list(rule.finish([(DocInfo(doc.path, doc.pub_date, 0), found)], options))
            else:
                list(rule.check(doc, options))
            times[rule.id] = time.perf_counter() - start
        for key, seconds in times.items():
            best[key] = min(seconds, best.get(key, seconds))
    return best


@functools.lru_cache(maxsize=None)
def _real_total(size: int, suffix: str) -> float:
    return sum(_timings(real_text(size), suffix).values())


@pytest.mark.parametrize("suffix", [".md", ".html", ".txt"])
@pytest.mark.parametrize("name,make,size", CASES, ids=[c[0] for c in CASES])
def test_each_rule_is_linear_on_pathological_text(name, make, size, suffix):
    if size > 1_000_000 and suffix != ".md":
        size //= 5  # the 5 MB case once in full; the other parsers at 1 MB
    text = make(size)
    baseline = _real_total(len(text), suffix)
    slow = {key: round(seconds / baseline, 1)
            for key, seconds in _timings(text, suffix).items()
            if seconds > MAX_RATIO * baseline}
    assert not slow, (f"{name} ({len(text):,} characters, {suffix}): times the whole check of "
                      f"real text of that size: {slow}")
