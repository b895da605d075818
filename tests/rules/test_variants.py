"""The spelling-variant rule: compounds, the variant list, the seed article, Wikinews."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared_paths import SEED
from newslint.rules import variants
from newslint.rules.variants import SpellingVariant, variant_list
from newslint.testing import check_document, check_text, parse_text

FIXTURES = Path(__file__).parent / "spelling-variant"
WIKINEWS = Path(__file__).parents[2] / "benchmarks" / "corpus" / "wikinews"


def _check(text: str, suffix: str = ".txt", **options):
    return check_text(text, SpellingVariant(), suffix=suffix, options=options or None)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("bad-*.md")), ids=lambda p: p.name)
def test_bad_fixture_matches_expected(fixture):
    expected = json.loads(fixture.with_name(fixture.stem + ".expected.json").read_text())
    found = check_text(fixture.read_text(encoding="utf-8"), SpellingVariant(), suffix=".md")
    assert [(f.line, f.excerpt, f.suggestions) for f in found] == [
        (e["line"], e["excerpt"], (e["suggestion"],)) for e in expected]
    assert all(f.rule == "spelling-variant" and f.category == "style" for f in found)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("good-*.md")), ids=lambda p: p.name)
def test_good_fixture_has_no_findings(fixture):
    assert check_text(fixture.read_text(encoding="utf-8"), SpellingVariant(), suffix=".md") == []


def test_majority_wins_and_related_points_at_it():
    text = ("The email arrived on Monday. A second email followed. She answered the e-mail "
            "the next day.\n")
    found = _check(text)
    assert [f.excerpt for f in found] == ["e-mail"]
    assert found[0].suggestions == ("email",)
    assert "2 times" in found[0].message
    assert found[0].related[0].excerpt == "email"
    assert found[0].related[0].column == 5


def test_tie_goes_to_the_closed_word_then_to_the_spelling_used_first():
    found = _check("The e-mail came first. The email came later.\n")
    assert [(f.excerpt, f.suggestions) for f in found] == [("e-mail", ("email",))]
    # A closed form the world does not write as a word does not win the tie.
    found = _check("The colour came first. The color came later.\n")
    assert [(f.excerpt, f.suggestions) for f in found] == [("color", ("colour",))]


def test_variant_in_a_quoted_written_text_is_not_reported():
    text = ("The agency ran a counter-terrorism operation, officials said. The statement read: "
            "\u201cA counterterrorism operation was carried out in the region by our forces.\u201d "
            "Its counterterrorism office gave no date.\n")
    found = _check(text)
    assert [f.excerpt for f in found] == ["counter-terrorism"]
    # Spoken words are the writer's to spell: a variant in quoted speech is reported.
    spoken = ("The counterterrorism unit met twice. \u201cOur counter-terrorism work goes on "
              "every single day,\u201d the chief said.\n")
    assert [f.excerpt for f in _check(spoken)] == ["counter-terrorism"]


def test_inflections_of_one_word_count_together():
    text = ("Volunteers organised the event. The organisers thanked donors, and the group "
            "organized a second drive.\n")
    found = _check(text)
    assert [(f.excerpt, f.suggestions) for f in found] == [("organized", ("organised",))]


def test_two_word_listed_variant():
    found = _check("Prices rose 4 percent in May and 3 per cent in June; wages rose 2 percent.\n")
    assert [(f.excerpt, f.suggestions) for f in found] == [("per cent", ("percent",))]


def test_capitalised_sentence_start_is_not_counted():
    # "Cyber security" opens a sentence and could be a name; only the lower-case uses count.
    text = "Cyber security is rising. Budgets for cybersecurity and cybersecurity staff too.\n"
    assert _check(text) == []
    found = _check(text.replace("Cyber security is", "So cyber security is"))
    assert [(f.excerpt, f.suggestions) for f in found] == [("cyber security", ("cybersecurity",))]


def test_names_keep_their_spelling():
    text = ("The Labour Party met at the Lincoln Center. Labor unions and the city centre "
            "were discussed.\n")
    assert _check(text) == []


def test_open_against_hyphenated_alone_is_not_a_variant():
    # AP hyphenates a compound modifier before a noun and leaves it open after.
    assert _check("A long-term plan was agreed. It will pay off in the long term.\n") == []
    assert _check("A high-risk area. The area is at high risk of floods.\n") == []


def test_options_switch_each_source_off():
    mixed = "The colour was odd; the color was new; the colour faded. The e-mail and email.\n"
    assert {f.excerpt for f in _check(mixed)} == {"color", "e-mail"}
    assert {f.excerpt for f in _check(mixed, compounds=False)} == {"color"}
    assert {f.excerpt for f in _check(mixed, variant_list=False)} == {"e-mail"}


def test_variant_list_only_pairs_spellings_of_one_word():
    vl = variant_list()
    word, column, row = vl.forms["centre"]
    assert row == ("center", "centre") and column == 1
    assert vl.forms["organisations"][2] == ("organizations", "organisations")
    # Words with two meanings in British English are not listed.
    for form in ("license", "practise", "programme", "tyre", "metre", "analyses"):
        assert form not in vl.forms


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_cyber_security_against_cybersecurity():
    found = check_text(SEED.read_text(encoding="utf-8"), SpellingVariant(), suffix=".txt")
    assert [(f.line, f.excerpt, f.suggestions) for f in found] == [
        (20, "cyber security", ("cybersecurity",))]


JUDGEMENTS = Path(__file__).parents[2] / "benchmarks" / "judgements" / "boilerplate.md"


def _judged_variants() -> list[tuple[str, int, str, str]]:
    """Rows of the spelling-variant table: (file, line, reported, judgement)."""
    text = JUDGEMENTS.read_text(encoding="utf-8")
    section = text.split("## `spelling-variant` on Wikinews", 1)[1].split("\n## ", 1)[0]
    rows, current = [], None
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not cells[1].isdigit():
            continue
        current = cells[0].strip("`") if cells[0] != "same" else current
        rows.append((current, int(cells[1]), cells[2], cells[4]))
    return rows


@pytest.mark.slow
@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="Wikinews corpus not available")
def test_every_wikinews_finding_is_judged_true():
    found = []
    for p in sorted(WIKINEWS.glob("2*.md")):
        doc = parse_text(p.read_text(encoding="utf-8"), suffix=".md", path=p.name)
        found.extend(check_document(doc, SpellingVariant()))
    judged = _judged_variants()
    assert sorted((f.path, f.line, f.excerpt) for f in found) == sorted(
        (path, line, excerpt) for path, line, excerpt, _ in judged)
    assert all(judgement.startswith("true") for *_, judgement in judged)


def test_docstring_has_the_four_sections():
    doc = SpellingVariant().doc
    for section in ("## What it flags", "## Why it matters", "## Example", "## Instead"):
        assert section in doc


def test_registered_through_the_hook():
    assert [r.id for r in variants.newslint_register_rules(None)] == ["spelling-variant"]
