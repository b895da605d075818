"""The AP set: the YAML pack rules/ap.yaml and the Python rules in newslint/rules/apstyle.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared_paths import SEED
from newslint.packs import load_pack
from newslint.rules import apstyle
from newslint.testing import check_text

REPO = Path(__file__).parents[2]
FIXTURES = Path(__file__).parent / "ap"


def ap_rules() -> dict:
    rules = load_pack(REPO / "rules" / "ap.yaml") + apstyle.newslint_register_rules(None)
    return {r.id: r for r in rules}


RULES = ap_rules()


def _check(rule_id: str, text: str, suffix: str = ".md"):
    return check_text(text, RULES[rule_id], suffix=suffix)


def test_every_ap_rule_is_opt_in_under_the_ap_origin():
    assert set(RULES) == {"ap.percent", "ap.stated", "ap.titles", "ap.numerals", "ap.months",
                          "ap.quote-marks", "ap.date-format"}
    for rule in RULES.values():
        assert rule.default_enabled is False
        assert rule.origin == "ap"
        assert rule.category == "style"
        for section in ("## What it flags", "## Why it matters", "## Example", "## Instead"):
            assert section in rule.doc, (rule.id, section)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.bad.md")), ids=lambda p: p.name)
def test_bad_fixture_matches_expected(fixture):
    rule_id = "ap." + fixture.name.split(".")[0]
    expected = json.loads(fixture.with_name(fixture.name[:-3] + ".expected.json").read_text())
    found = _check(rule_id, fixture.read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.excerpt, f.suggestions) for f in found] == [
        (e["line"], e["column"], e["excerpt"], (e["suggestion"],)) for e in expected]
    assert all(f.rule == rule_id for f in found)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.good.md")), ids=lambda p: p.name)
def test_good_fixture_has_no_findings(fixture):
    rule_id = "ap." + fixture.name.split(".")[0]
    assert _check(rule_id, fixture.read_text(encoding="utf-8")) == []


def test_each_bad_fixture_has_a_good_counterpart():
    bad = {p.name.split(".")[0] for p in FIXTURES.glob("*.bad.md")}
    good = {p.name.split(".")[0] for p in FIXTURES.glob("*.good.md")}
    assert bad == good == {r.split(".", 1)[1] for r in RULES}


@pytest.mark.parametrize("rule_id, text", [
    ("ap.percent", '"Prices rose 4 percent," she said.'),
    ("ap.stated", '"I stated the facts," he said.'),
    ("ap.titles", '"Senator Ted Cruz is here," she said.'),
    ("ap.numerals", '"I saw 4 cars," he said.'),
    ("ap.months", '"It was August 9," she said.'),
    ("ap.date-format", 'Talks end Sept. 20, Aug. 3 and Oct. 1. "We said September 15," she said.'),
])
def test_quoted_speech_is_skipped(rule_id, text):
    assert _check(rule_id, text) == []
    # The same words outside the quotation are reported.
    unquoted = text.replace('"', "")
    assert len(_check(rule_id, unquoted)) == 1


def test_quote_marks_are_checked_inside_quotations_too():
    found = _check("ap.quote-marks", "“We’re ready,” she said. “It's time,” he said.")
    assert [(f.excerpt, f.suggestions) for f in found] == [("'", ("’",))]


def test_quote_marks_suggest_opening_and_closing_curly_marks():
    text = "“One,” she said. “Two,” he said. “Three.” Then: \"Four.\""
    found = _check("ap.quote-marks", text)
    assert [f.suggestions for f in found] == [("“",), ("”",)]


def test_numerals_capitalise_at_sentence_start():
    found = _check("ap.numerals", "Police arrived. 3 cars were towed.")
    assert [f.suggestions for f in found] == [("Three",)]


def test_numerals_skip_headlines_where_ap_uses_figures():
    assert _check("ap.numerals", "# 3 Hurt in Crash\n\nThree people were hurt.\n") == []


def test_months_skip_datelines():
    text = "Friday, January 4, 2019\n\nThe talks ended Jan. 3.\n"
    assert _check("ap.months", text) == []


def test_date_format_ignores_months_ap_never_abbreviates():
    # "March 7" fits both "Aug. 7" and "August 7" styles; it never tips the balance.
    assert _check("ap.date-format", "Talks began March 7 and end Aug. 3.") == []
    found = _check("ap.date-format", "Talks began March 7, paused Aug. 3 and end August 20 "
                                     "or August 21.")
    assert [(f.excerpt, f.suggestions) for f in found] == [("Aug. 3", ("August 3",))]


def test_numeric_dates_are_reported_without_a_guessed_rewrite():
    found = _check("ap.date-format", "Talks began Aug. 3 and end Sept. 9, not 9/10/2020.")
    assert [(f.excerpt, f.suggestions) for f in found] == [("9/10/2020", ())]


def test_titles_need_a_full_name():
    assert _check("ap.titles", "Senator Cruz left. The Governor spoke.") == []


def test_stated_adjective_and_passive_are_left_alone():
    text = ("Its stated goal was met. The cause was not stated. The company stated its "
            "intention to grow, as stated below.")
    assert _check("ap.stated", text) == []


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_has_no_ap_findings_outside_its_conventions():
    # The seed is AFP copy: curly quotes throughout, no figures under ten, no dates with days.
    text = SEED.read_text(encoding="utf-8")
    counts = {rule_id: len(_check(rule_id, text, suffix=".txt")) for rule_id in RULES}
    assert counts == {rule_id: 0 for rule_id in RULES}
