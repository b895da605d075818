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


def _runs_read_by_parse(paths) -> set:
    """Every run of two or more words the mentions of ``paths`` leave to ``names._parse``."""
    runs = set()
    original = names._parse
    try:
        names._parse = lambda run: runs.add(run) or original(run)
        for path in paths:
            for m in names.mentions(parse_text(path.read_text(encoding="utf-8"),
                                               path=str(path))):
                m.full  # noqa: B018 - reading it is what hands the run to _parse
    finally:
        names._parse = original
    return runs


def test_every_run_of_the_corpus_reads_as_nameparser_reads_it():
    from tests.shared_paths import WIKINEWS

    runs = _runs_read_by_parse(sorted(WIKINEWS.glob("*.md")))
    direct = {run for run in runs if names._read_directly(run.split(" ")) is not None}
    assert len(runs) > 1000 and len(direct) >= 10
    for run in sorted(runs):
        assert names._parse.__wrapped__(run) == _nameparser(run), run


def test_titles_initials_and_particles_read_directly_as_nameparser_reads_them():
    # Runs made of plain names, initials, particles, titles nameparser knows and words it
    # gives other roles, in every position: wherever the direct reading answers, it answers
    # as nameparser does; it must answer for many of them (else the test tests nothing).
    vocabulary = names._vocabulary()
    rnd = random.Random(20)
    plain = [w for run in RUNS for w in run.split(" ") if names._plain_word(w)]
    titles = sorted(w.capitalize() for w in vocabulary.parts if w.isalpha())
    pools = [plain, plain, plain, ["R.", "F.", "J.", "T."], list(names.PARTICLES),
             [w.capitalize() for w in names.PARTICLES], titles,
             [t + "." for t in titles], ["Abu", "Capp", "Master", "Jr", "Iii", "Dame", "Rock"]]
    answered = 0
    for _ in range(4000):
        words = [rnd.choice(rnd.choice(pools)) for _ in range(rnd.choice((2, 2, 3, 3, 4, 5)))]
        direct = names._read_directly(words)
        if direct is not None:
            answered += 1
            assert direct == _nameparser(" ".join(words)), words
    assert answered > 400


def test_the_vocabulary_is_kept_in_the_cache_folder_and_read_back(tmp_path):
    from newslint.text import name_vocabulary as nv

    built = nv._load(tmp_path, None)
    path = nv.cache_file(tmp_path, nv.installation_key())
    assert built == nv.from_nameparser() and path.is_file()
    assert sorted(tmp_path.glob(nv.FILE_GLOB)) == [path]
    assert nv._read(path, nv.installation_key(), None) == built
    assert {"honorable", "rock", "mme"} <= built.leading_titles and "capp" in built.name_like
    assert {"van", "bin", "de"} <= built.prefixes and "abu" not in built.not_given


def test_a_damaged_or_stale_vocabulary_file_is_read_again_from_nameparser(tmp_path):
    from newslint.text import name_vocabulary as nv

    path = nv.cache_file(tmp_path, nv.installation_key())
    nv._load(tmp_path, None)
    warnings = []
    path.write_bytes(path.read_bytes()[:-40])  # cut short: the checksum fails
    assert nv._load(tmp_path, warnings.append) == nv.from_nameparser()
    assert len(warnings) == 1 and "damaged" in warnings[0]
    text = path.read_text(encoding="utf-8")  # rewritten whole by that run
    assert nv._read(path, nv.installation_key(), None) is not None
    header, body = text.split("\n", 1)
    stale = body.replace(body.split("\n", 1)[0], "/somewhere/else", 1)
    from newslint import cachefile

    cachefile.write(path, nv.KIND, nv.VERSION, stale)  # written for another installation
    assert nv._read(path, nv.installation_key(), None) is None
    assert nv._load(tmp_path, None) == nv.from_nameparser()


def test_each_nameparser_installation_keeps_its_own_vocabulary_file(tmp_path):
    # Two environments sharing a cache folder: each reads its own file, and the file of an
    # installation that no longer exists is removed when another is written.
    from newslint import cachefile
    from newslint.text import name_vocabulary as nv

    elsewhere = tmp_path / "other-env" / "nameparser"
    elsewhere.mkdir(parents=True)
    other = nv.cache_file(tmp_path, f"{elsewhere}\n__init__.py\t1\t2")
    cachefile.write(other, nv.KIND, nv.VERSION, f"{elsewhere}\n__init__.py\t1\t2\n\nx")
    gone = nv.cache_file(tmp_path, "/no/such/env/nameparser\nx\t1\t2")
    cachefile.write(gone, nv.KIND, nv.VERSION, "/no/such/env/nameparser\nx\t1\t2\n\nx")
    nv._load(tmp_path, None)
    mine = nv.cache_file(tmp_path, nv.installation_key())
    assert sorted(tmp_path.glob(nv.FILE_GLOB)) == sorted([mine, other])
    assert len({mine, other, gone}) == 3


def test_ascii_prose_has_the_runs_the_letter_classes_find():
    # Runs of ASCII prose are found by the standard engine (names.RUNS): the same runs as the
    # regex module's letter classes find, in every ASCII block of the corpus.
    from tests.shared_paths import WIKINEWS

    blocks = [b.prose for p in sorted(WIKINEWS.glob("*.md"))
              for b in parse_text(p.read_text(encoding="utf-8")).blocks if b.prose.isascii()]
    assert len(blocks) > 3000
    for prose in blocks:
        assert ([m.span() for m in names.RUNS.ascii.finditer(prose)]
                == [m.span() for m in names.RUNS.general.finditer(prose)])
