"""The name and quotation rules on real Wikinews fixtures, on the safeguards, on the seed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from shared_paths import SEED
from newslint.rules.names import RULES, FirstReference, NameVariant, UnclosedQuote
from newslint.testing import check_text
from newslint.text.slips import one_slip

HERE = Path(__file__).parent
BY_ID = {cls.id: cls for cls in RULES}


def _fixtures(kind: str):
    return [(rid, p) for rid in BY_ID for p in sorted((HERE / rid).glob(f"{kind}*.md"))]


@pytest.mark.parametrize("rule_id,fixture", _fixtures("bad"), ids=lambda v: getattr(v, "name", v))
def test_bad_fixture_matches_expected(rule_id, fixture):
    expected = [e for e in json.loads((HERE / rule_id / "expected.json").read_text())
                if e["file"] == fixture.name]
    found = check_text(fixture.read_text(encoding="utf-8"), BY_ID[rule_id]())
    assert [(f.line, f.excerpt, list(f.suggestions)) for f in found] == [
        (e["line"], e["excerpt"], e["suggestions"]) for e in expected]
    assert expected and all(f.rule == rule_id for f in found)


@pytest.mark.parametrize("rule_id,fixture", _fixtures("good"), ids=lambda v: getattr(v, "name", v))
def test_good_fixture_has_no_findings(rule_id, fixture):
    assert check_text(fixture.read_text(encoding="utf-8"), BY_ID[rule_id]()) == []


def test_every_rule_is_documented_in_ruffs_shape():
    for cls in RULES:
        doc = cls().doc
        for heading in ("## What it flags", "## Why it matters", "## Example", "## Instead"):
            assert heading in doc, (cls.id, heading)


def test_explain_prints_the_documentation():
    out = subprocess.run([sys.executable, "-m", "newslint", "explain", "name-variant"],
                         capture_output=True, text=True, check=True).stdout
    assert "## Why it matters" in out and "Segall" in out


@pytest.mark.parametrize("a,b,same", [
    ("Segal", "Segall", True), ("Weaver", "Weever", True), ("Zuckerberg", "Zuckerburg", True),
    ("Dwayne", "Dwyane", True), ("Korea", "Korean", False), ("Mario", "Maria", False),
    ("Adam", "Adem", False), ("Segal", "Regal", False), ("Chirac", "Chriac", True)])
def test_one_slip(a, b, same):
    assert one_slip(a, b) is same


def test_rarer_spelling_reported_with_the_other_related():
    text = ("Nicholas Weaver, a lecturer, said the ban was minimal.\n\n"
            "Weaver said it would not help.\n\nWeever said so again.\n")
    found = check_text(text, NameVariant())
    assert [(f.excerpt, f.suggestions) for f in found] == [("Weever", ("Weaver",))]
    assert found[0].related[0].excerpt == "Weaver" and found[0].related[0].line == 1


def test_two_people_introduced_in_full_are_not_one_name():
    text = ("Ann Johnson, a nurse, said the ward was full. Mark Johnston, a doctor, agreed.\n\n"
            "Johnson said more beds were needed; Johnston said staff were.\n")
    assert check_text(text, NameVariant()) == []


def test_one_person_with_one_given_name_is_one_name():
    text = "Adam Segal directs the program.\n\nAdam Segall said the ban was minimal.\n"
    assert [f.excerpt for f in check_text(text, NameVariant())] == ["Segall"]


def test_quoted_statement_keeps_its_spelling():
    text = ('Osama bin Laden was killed in 2011. Bin Laden led al-Qaeda.\n\n'
            'The statement read: "Hamza bin Ladin, son of Usama bin Ladin, was killed."\n')
    assert check_text(text, NameVariant()) == []


def test_ordinary_words_at_a_sentence_start_are_not_names():
    text = "Women play in the open event. Woman Grand Master is a title for women.\n"
    assert check_text(text, NameVariant()) == []


def test_first_reference_after_a_title_or_the_is_not_reported():
    text = ("President Trump spoke first. The Trump administration agreed.\n\n"
            "Donald Trump said on Friday he may declare an emergency. Trump said so again.\n")
    assert check_text(text, FirstReference()) == []


def test_name_and_quotation_rules_are_on_by_default():
    assert FirstReference.default_enabled and NameVariant.default_enabled
    assert UnclosedQuote.default_enabled


@pytest.mark.parametrize("text", [
    # A role before the name, from a Wikinews obituary.
    "English mathematician Conway died on Saturday.\n\nJohn Horton Conway developed a fever.\n",
    # A title given only to people, ending a phrase the name run set apart.
    "Former Vice President of the United States Biden won the primary.\n\n"
    "Joe Biden said he was grateful.\n",
    # An age after the name.
    "A judge sentenced Ohio man Fields, now 22, to life.\n\nJames Alex Fields drove the car.\n",
    # "of" before a person the article describes ("comedian Tim Heidecker").
    "The film continues the universe of Heidecker and his web series.\n\n"
    "It follows comedian Tim Heidecker on a campaign.\n",
    # A function word at the sentence start is not part of a longer name.
    "Both Buttigieg and others dropped out.\n\nPete Buttigieg, the former mayor, spoke.\n",
])
def test_first_reference_introductions_that_lack_the_given_name(text):
    found = check_text(text, FirstReference())
    assert len(found) == 1 and found[0].line == 1, found


@pytest.mark.parametrize("text", [
    # "of Allen, Texas" is a town, though the police chief Greg Allen speaks.
    "Officials named the suspect, a man of Allen, Texas.\n\n"
    "Police chief Greg Allen said the attack was planned.\n",
    # A storm is described as a hurricane, not with a role.
    "Dorian, a Category 5 hurricane, hit the islands.\n\n"
    "Hurricane Dorian is the strongest storm on record there.\n",
    # A place, introduced with a role word that is not a person's.
    "Kabul, the capital of Afghanistan, was quiet.\n\nJohn Kabul visited.\n",
    # The person was introduced with a title before the surname stood alone.
    "President Donald Trump spoke. Trump flew to Florida.\n\nDonald Trump returned.\n",
])
def test_first_reference_quiet_where_the_person_is_not_missing(text):
    assert check_text(text, FirstReference()) == []


def test_running_quote_over_paragraphs_is_not_unclosed():
    text = ('"The first part runs on,\n\n"and the second part ends here," she said.\n')
    assert check_text(text, UnclosedQuote()) == []


def test_unclosed_at_the_end_of_the_article():
    text = 'She said, "We will appeal the ruling.\n'
    found = check_text(text, UnclosedQuote())
    assert [(f.line, f.column, f.excerpt) for f in found] == [(1, 11, '"')]


def test_curly_marks_and_nested_single_quotes():
    ok = "“He called it ‘a disgrace’ and left,” she said.\n"
    bad = "“He called it ‘a disgrace’ and left, she said. “We will appeal.”\n"
    assert check_text(ok, UnclosedQuote()) == []
    assert [f.column for f in check_text(bad, UnclosedQuote())] == [1]


@pytest.mark.skipif(not SEED.exists(), reason="the seed article lives outside the repository")
def test_seed_article_is_quiet():
    text = SEED.read_text(encoding="utf-8")
    for cls in RULES:
        assert check_text(text, cls(), suffix=".txt") == [], cls.id


def test_german_low_high_marks_are_a_pair():
    # From a German health-app story: „Vivy“ opens low and closes high.
    text = "Die App „Vivy“ wurde von 90 Krankenkassen auf den Weg gebracht.\n"
    assert check_text(text, UnclosedQuote()) == []
    assert len(check_text("Die App „Vivy wurde entwickelt.\n", UnclosedQuote())) == 1


def test_inch_marks_after_a_figure_are_not_quotation_marks():
    # From a deals page: screen sizes and dimensions in inches.
    text = ('Specs include a 34" 3440x1440 curved panel. The set measures 22" long and 22" '
            'wide and is called the "Master Builder Series".\n')
    assert check_text(text, UnclosedQuote()) == []
    # A figure at the end of a real quotation still closes it.
    assert check_text('The final score was "3-2" on Sunday.\n', UnclosedQuote()) == []


@pytest.mark.parametrize("text", [
    # Two people of one family: one surname, two given names.
    "Police named Jane Weaver, 45, and Tom Weaver, 46.\n\nThe 46-year-old Weaver was hurt.\n",
    # An age at another time, or a birthday, is meant to differ.
    "James Ford, 42, held him down.\n\nFord, who turned 43 in prison, was praised.\n",
    # The same age twice.
    "James Ford, 42, held him down.\n\nThe 42-year-old Ford was praised.\n",
])
def test_figure_conflict_leaves_consistent_or_changing_ages_alone(text):
    assert check_text(text, BY_ID["figure-conflict"]()) == []


def test_figure_conflict_reports_the_second_age_with_the_first_related():
    text = "James Ford, 42, held him down.\n\nThe 43-year-old Ford was praised.\n"
    [found] = check_text(text, BY_ID["figure-conflict"]())
    assert found.excerpt == "43" and "42" in found.message


def test_slip_pairs_are_every_pair_one_slip_apart():
    # The pairs are found within groups of one first letter and neighbouring lengths: the
    # same pairs as comparing every two spellings.
    import itertools
    import random

    from newslint.rules.names import _slip_pairs

    rnd = random.Random(7)
    base = ["Segal", "Weaver", "Zuckerberg", "Johnson", "Chirac", "Magnitogorsk", "Pierluisi",
            "Soleimani", "Sacoolas", "Neanderthals", "Kennedy", "Martisius", "Ukrainian"]
    for _ in range(200):
        words = set(rnd.sample(base, 6))
        for w in list(words):
            i = rnd.randrange(1, len(w) - 1)
            words.add(rnd.choice([w[:i] + w[i + 1:], w[:i] + w[i] + w[i:],
                                  w[:i] + "e" + w[i + 1:], w[:i] + w[i + 1] + w[i] + w[i + 2:]]))
        surnames = {w for w in words if rnd.random() < 0.7}
        given = words - surnames | {w for w in words if rnd.random() < 0.2}
        every = {frozenset((a, b)) for a, b in itertools.combinations(sorted(surnames | given), 2)
                 if one_slip(a, b) and ({a, b} <= surnames or {a, b} <= given)}
        assert {frozenset(p) for p in _slip_pairs(surnames, given)} == every


def test_ages_read_only_where_a_name_stands_by_a_number():
    # The blocks an age pattern is tried on are chosen by the number and the name beside it;
    # every age the patterns would find in the whole article is still found.
    from newslint.rules.names import _ages
    from newslint.testing import parse_text

    text = ("March 20, 2020\n\nNicholas Weaver, 45, a lecturer, spoke. Later Weaver's (46) "
            "remarks were read.\n\nThe 47-year-old Dr. Weaver left. Jones, 30, stayed.\n\n"
            "McArthur, 67, was charged.\n")
    doc = parse_text(text)
    ages = sorted((name, age) for name, age, *_ in _ages(doc, {"Weaver", "Arthur", "Jones"}))
    assert ages == [("Arthur", 67), ("Jones", 30), ("Weaver", 45), ("Weaver", 46), ("Weaver", 47)]
