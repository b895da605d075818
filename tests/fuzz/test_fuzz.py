"""The fuzz target: generated and mutated real articles, in every input format.

For each input newslint must not crash (no internal error, no ``internal-error`` finding; an
input error naming the file is fine), every position must be exact (``text[offset:offset +
length] == excerpt``, and line and column agree with the offset), and the time taken must stay
within a multiple of the time real text of the same size takes.

The suite runs a small budget. A longer run, by hand::

    NEWSLINT_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/fuzz -q

(see tests/README.md).
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.checker import Checker
from shared_paths import WIKINEWS

EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "40"))
SUFFIXES = (".md", ".html", ".txt")
#: An input may take this many times what real text of its size takes, plus a fixed allowance
#: for the per-document set-up that dominates tiny inputs.
MAX_RATIO, ALLOWANCE = 25, 0.25
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@functools.lru_cache(maxsize=1)
def checker() -> Checker:
    folder = Path(tempfile.mkdtemp(prefix="newslint-fuzz-"))
    (folder / ".newslint.yaml").write_text("languagetool: off\n", encoding="utf-8")
    return Checker.load(config_file=folder / ".newslint.yaml", extend_select=["ap"])


@functools.lru_cache(maxsize=1)
def articles() -> tuple:
    paths = sorted(WIKINEWS.glob("*.md"))
    assert len(paths) > 100
    return tuple(p.read_text(encoding="utf-8") for p in paths[::7])


@functools.lru_cache(maxsize=1)
def seconds_per_char() -> float:
    text = "\n\n".join(articles())
    best = min(_timed(text, suffix)[1] for suffix in SUFFIXES for _ in range(2))
    return best / len(text)


def _timed(text: str, suffix: str):
    start = time.perf_counter()
    outcome = checker().check_text(f"fuzzed{suffix}", text, suffix)
    return outcome, time.perf_counter() - start


# -- inputs -----------------------------------------------------------------------------------
FRAGMENTS = st.sampled_from([
    "\r", "\n", "\r\n", "\n\n", "\r\r", "\t", " ", "\x00", "\ufeff", "\u2028", "\u200b", "é",
    "e\u0301", "🇫🇷", "“", "”", "‘", "’", '"', "'", "«", "»", "*", "**", "_", "`", "```\n",
    "> ", "- ", "1. ", "# ", "---\n", "<p>", "</p>", "<br>", "<![CDATA[x]]>", "<![CDATd x]]>",
    "<!-- newslint-disable -->", "<!-- newslint-enable -->",
    "<!-- newslint-disable-next-line repeated-word -->", "&amp;", "&#x1F600;", "&#0;", "&bogus;",
    "[link](http://x)", "![img](y.png)", "<script>", "</script>", "<![endif]>", "<?xml ?>",
    "date: 2020-02-30\n", "date: 2020-13-01\n", "date: [1, 2]\n", "date: !!binary x\n",
    "Thursday, Aug. 7, 2020", "yesterday", "experts say", "the the", "e-mail", "3.1%",
    '"Quoted words here said for sure," she said.', "AFP 2023", "Related: ", "\\", "|a|b|\n",
])


@st.composite
def mutated_article(draw):
    text = draw(st.sampled_from(articles()))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        piece = draw(st.one_of(FRAGMENTS, st.text(max_size=20)))
        if how == "insert":
            text = text[:at] + piece + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)):]
        elif how == "replace":
            text = text[:at] + piece + text[at + len(piece):]
        else:
            text = text[:at] + text[at:at + 300] + text[at:]
    return text


@st.composite
def generated_article(draw):
    parts = draw(st.lists(st.one_of(FRAGMENTS, FRAGMENTS, st.text(max_size=30)), max_size=60))
    front = draw(st.sampled_from(["", "---\ntitle: T\ndate: 2020-08-07\n---\n", "---\n",
                                  "---\n: :\n---\n", "---\r\ndate: 2020-08-07\r\n---\r\n"]))
    return front + "".join(parts)


# -- what must hold -----------------------------------------------------------------------------
def line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column counted independently: CRLF, CR and LF each end one line."""
    head = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", head))
    if head.endswith("\r") and text[offset:offset + 1] == "\n":
        breaks = breaks[:-1]  # the offset splits a CRLF: still on the CR's line
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - start + 1


def assert_sound(text: str, suffix: str) -> None:
    outcome, seconds = _timed(text, suffix)
    internal = [e.message for e in outcome.errors if e.kind != "input"]
    assert not internal, internal
    assert all(e.message.startswith(f"fuzzed{suffix}: ") for e in outcome.errors)
    for f in outcome.findings:
        assert f.rule != "internal-error", f.message
        for span in (f, *f.related):
            if span.path != f.path:
                continue
            assert 0 <= span.offset and span.offset + span.length <= len(text), span
            assert text[span.offset:span.offset + span.length] == span.excerpt, span
            assert (span.line, span.column) == line_col(text, span.offset), span
            assert (span.end_line, span.end_column) == line_col(text, span.offset + span.length)
    limit = MAX_RATIO * seconds_per_char() * len(text) + ALLOWANCE
    assert seconds <= limit, f"{seconds:.2f} s for {len(text):,} characters (limit {limit:.2f})"


@FUZZ
@given(mutated_article(), st.sampled_from(SUFFIXES))
def test_mutated_real_articles(text, suffix):
    assert_sound(text, suffix)


@FUZZ
@given(generated_article(), st.sampled_from(SUFFIXES))
def test_generated_articles(text, suffix):
    assert_sound(text, suffix)
