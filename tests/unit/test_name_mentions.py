"""Name mentions: runs read without nameparser are read exactly as nameparser reads them."""

from __future__ import annotations

import random

import pytest
from nameparser import HumanName

from newslint.testing import parse_text
from newslint.text import names

#: Names from news copy, in several scripts and spellings; some are plain, some are not.
RUNS = [
    "Adam Segal", "Nicholas Weaver", "Mary Ann Smith", "Łukasz Szumowski", "Recep Tayyip Erdoğan",
    "Jean-Luc Picard", "John Rhys-Davies", "Christopher Gallego-Lazo", "Yousef Al-Othaimeen",
    "Abdel Fattah Sisi", "Abu Dhabi", "Ursula von der Leyen", "Luiz Inácio Lula da Silva",
    "Dmitry Medvedev", "Дмитрий Кошелев", "Jack Smith Iii", "Sailor Moon", "Los Angeles",
    "Ali bin Tamim", "John De Lancie", "Vladimir Vladimirovich Putin", "Sławoj Leszek Głódź",
    "Mme Spanton", "First Minister", "Maria Jose Carrasco", "Goody Two-Shoes",
]


def _nameparser(run: str) -> tuple[str, str, str]:
    name = HumanName(run)
    return str(name.title), str(name.first), str(name.last)


@pytest.mark.parametrize("run", RUNS)
def test_a_run_reads_as_nameparser_reads_it(run):
    names._parse.cache_clear()
    assert names._parse(run) == _nameparser(run)


def test_words_nameparser_gives_a_role_are_left_to_it():
    for word in ("Abdel", "Abu", "Al-Othaimeen", "Von", "De", "Dr", "Iii", "Iv", "Mme"):
        assert not names._plain_word(word), word
    for word in ("Segal", "Łukasz", "Erdoğan", "Jean-Luc", "Rhys-Davies"):
        assert names._plain_word(word), word


def test_plain_runs_made_of_many_names_read_as_nameparser_reads_them():
    # Two to four plain words drawn from names in several languages: nameparser reads every
    # such run as given name first and surname last, which is what the direct reading says.
    words = [w for run in RUNS for w in run.split(" ") if names._plain_word(w)]
    rnd = random.Random(18)
    for _ in range(300):
        run = " ".join(rnd.choice(words) for _ in range(rnd.choice((2, 3, 4))))
        assert ("", run.split(" ")[0], run.split(" ")[-1]) == _nameparser(run), run


def test_mentions_know_their_quotations_and_sentence_starts():
    doc = parse_text('Adam Segal spoke first. "Weaver is wrong," he said of Nicholas Weaver.\n')
    segal, quoted, later = [m for m in names.mentions(doc) if m.last in ("Segal", "Weaver")]
    assert segal.full and segal.first == "Adam" and segal.sentence_start and not segal.in_quote
    assert quoted.in_quote and quoted.sentence_start and not quoted.full
    assert not later.in_quote and not later.sentence_start and later.first == "Nicholas"


@pytest.mark.parametrize("prose,speaks", [
    ("Segal said the ban was minimal.", True),
    ("Segal's, who runs the program", True),
    ("“It's minimal,” said Adam Segal.", True),
    ("according to Dr. Adam Segal, the ban", True),
    ("McSegal said so.", False),           # another word that ends in the surname
    ("said the Segal family", False),      # a lower-case word between
    ("Segalsaid nothing", False),
    ("said\nSegal", False),                # a line, not a space, after the verb
    ("the Segal report said", False),
])
def test_a_surname_that_speaks(prose, speaks):
    from newslint.rules.names import _speaks

    assert _speaks(prose, "Segal") is speaks


def test_a_generational_suffix_is_not_the_surname():
    doc = parse_text("Patrick Carlineo Jr., 55, pleaded guilty. Carlineo was arrested.\n")
    intro, later = [m for m in names.mentions(doc) if m.last == "Carlineo"]
    assert intro.full and intro.first == "Patrick" and intro.words == ("Patrick", "Carlineo")
    assert not later.full


def test_a_given_name_is_one_of_the_words_before_the_surname():
    # The name rules look for slips and introductions among the words of the runs before
    # asking nameparser for given names, which is only right if a one-word given name is
    # always one of those words ("Abu Dhabi" of "Abu Dhabi Media" is two). The full mentions
    # of half a year of the Wikinews corpus:
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus" / "wikinews"
    full = 0
    for path in sorted(corpus.glob("2019-0[1-6]*.md")):
        for m in names.mentions(parse_text(path.read_text(encoding="utf-8"), path=str(path))):
            if m.full:
                full += 1
                assert " " in m.first or m.first in m.words[:-1], (path.name, m)
    assert full > 500
