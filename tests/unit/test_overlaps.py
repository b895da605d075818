"""One finding per fault: findings inside reported blocks, and two rules on the same words."""

from __future__ import annotations

import datetime as _dt

from newslint.checker import Checker
from newslint.filters.overlaps import resolve
from newslint.finding import Finding

from shared_paths import SEED


def _f(rule, offset, length, *, category="style", severity="warning", source="newslint",
       suggestions=(), excerpt=None):
    return Finding(rule=rule, category=category, severity=severity, message=f"{rule} says",
                   path="a.md", line=1, column=offset + 1, end_line=1,
                   end_column=offset + length + 1, offset=offset, length=length,
                   excerpt=excerpt if excerpt is not None else "x" * length,
                   suggestions=tuple(suggestions), source=source)


def test_native_rule_beats_languagetool_on_the_same_words_and_names_it():
    lt = _f("languagetool/CYBER_COMPOUNDS", 10, 14, category="spelling", source="languagetool",
            suggestions=["cybersecurity"])
    native = _f("spelling-variant", 10, 14, suggestions=["cybersecurity"])
    kept = resolve([lt, native])
    assert [f.rule for f in kept] == ["spelling-variant"]
    assert kept[0].related[-1].message.startswith("also reported by languagetool/CYBER_COMPOUNDS")


def test_different_concerns_on_overlapping_words_both_stay():
    variant = _f("spelling-variant", 10, 14, suggestions=["cybersecurity"])
    vague = _f("vague-attribution", 10, 30, category="attribution")
    assert resolve([variant, vague]) == [variant, vague]


def test_a_small_overlap_is_not_the_same_fault():
    a = _f("house.email", 0, 10)
    b = _f("languagetool/X", 8, 10, category="style", source="languagetool")
    assert resolve([a, b]) == [a, b]


def test_findings_inside_a_reported_block_are_dropped_but_short_lines_keep_theirs():
    teaser = _f("boilerplate", 100, 60, category="boilerplate",
                excerpt="Join this live webinar as we explore the risks of 2023")
    inside = _f("languagetool/MORFOLOGIK_RULE_EN_US", 120, 6, category="spelling",
                source="languagetool")
    credit_line = _f("boilerplate", 200, 8, category="boilerplate", excerpt="AFP 2023")
    credit_year = _f("date-after-publication", 204, 4, category="dates", excerpt="2023")
    kept = resolve([teaser, inside, credit_line, credit_year])
    assert kept == [teaser, credit_line, credit_year]


def test_a_duplicate_copy_swallows_what_it_repeats():
    copy = _f("duplicate-paragraph", 0, 200, category="duplication")
    vague = _f("vague-attribution", 50, 12, category="attribution")
    assert resolve([copy, vague]) == [copy]


def _seed_findings(tmp_path, **kw):
    cfg = tmp_path / ".newslint.yaml"
    cfg.write_text("languagetool: off\n", encoding="utf-8")
    with Checker.load(config_file=cfg).start() as checker:
        if kw.get("date"):
            checker.engine.date_override = kw["date"]
        return checker.run([str(SEED)]).findings


def test_the_seed_reports_the_repeated_standfirst_once(tmp_path):
    found = _seed_findings(tmp_path)
    on_copy = [(f.rule, f.excerpt) for f in found if f.line == 14]
    assert [r for r, _ in on_copy] == ["duplicate-paragraph"]
    # The first copy keeps its own findings.
    assert ("vague-attribution", "experts told") in [(f.rule, f.excerpt) for f in found
                                                     if f.line == 12]


def test_the_seed_keeps_the_late_credit_year_but_not_the_teaser_dates(tmp_path):
    found = _seed_findings(tmp_path, date=_dt.date(2020, 8, 7))
    dates = [(f.line, f.excerpt) for f in found if f.rule == "date-after-publication"]
    assert dates == [(76, "2023")]
    assert any(f.rule == "boilerplate" and f.line == 76 for f in found)


def test_word_consistency_is_reported_once_by_spelling_variant():
    variant = _f("spelling-variant", 100, 9, excerpt="judgement", suggestions=["judgment"])
    lt = _f("languagetool/EN_WORD_COHERENCY", 900, 8, category="spelling",
            source="languagetool", excerpt="judgment", suggestions=["judgement"])
    kept = resolve([variant, lt])
    assert [f.rule for f in kept] == ["spelling-variant"]
    assert "also reported by languagetool/EN_WORD_COHERENCY" in kept[0].related[-1].message
    # A pair spelling-variant does not know ("protestor"/"protester") keeps LanguageTool's.
    other = _f("languagetool/EN_WORD_COHERENCY", 900, 10, category="spelling",
               source="languagetool", excerpt="protestors", suggestions=["protesters"])
    assert [f.rule for f in resolve([variant, other])] == ["spelling-variant",
                                                            "languagetool/EN_WORD_COHERENCY"]
