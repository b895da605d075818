"""Native grammar rules: fixtures of bad and good copy, and precision on real Wikinews articles."""

from pathlib import Path

import pytest

from shared_paths import SEED
from newslint.rules.grammar import MissingVerbAfterThere, NeitherOr, RepeatedWord
from newslint.testing import check_text, parse_text, check_document

HERE = Path(__file__).parent
WIKINEWS = Path(__file__).parents[2] / "benchmarks" / "corpus" / "wikinews"


@pytest.fixture(scope="module")
def wikinews_docs():
    return [parse_text(p.read_text(encoding="utf-8"), ".md", path=p.name)
            for p in sorted(WIKINEWS.glob("20*.md"))]


def fixture(rule_id: str, name: str) -> str:
    return (HERE / rule_id / name).read_text(encoding="utf-8")


def located(text: str, needle: str, occurrence: int = 0) -> int:
    """Offset of the n-th occurrence of ``needle`` in ``text``."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    return offset


@pytest.mark.parametrize("rule", [MissingVerbAfterThere(), NeitherOr(), RepeatedWord()],
                         ids=lambda r: r.id)
def test_good_fixture_is_clean(rule):
    assert check_text(fixture(rule.id, "good.md"), rule) == []


def test_missing_verb_after_there_bad_fixture():
    text = fixture("missing-verb-after-there", "bad.md")
    found = check_text(text, MissingVerbAfterThere())
    assert [(f.offset, f.excerpt) for f in found] == [
        (located(text, "there few"), "there few"),
        (located(text, "there many"), "there many"),
        (located(text, "there no"), "there no"),
        (located(text, "There several"), "There several"),
        (located(text, "there few", 1), "there few"),
        (located(text, "there a lot of"), "there a lot of"),
        (located(text, "there a way"), "there a way"),
        (located(text, "there little"), "there little"),
    ]
    assert found[0].suggestions[0] == "there are few"
    # after "admitted", a verb not of a clause-opening word list before
    assert found[4].suggestions[0] == "there are few"
    assert found[5].suggestions[0] == "there are a lot of"
    assert found[6].suggestions == ("there is a way", "there was a way")
    assert found[7].suggestions[0] == "there is little"
    assert found[2].suggestions == ("there is no", "there was no", "there are no", "there were no")
    assert all(f.category == "grammar" for f in found)


def test_neither_or_bad_fixture_points_at_or():
    text = fixture("neither-or", "bad.md")
    found = check_text(text, NeitherOr())
    assert [(f.offset, f.length) for f in found] == [
        (located(text, " or TikTok") + 1, 2), (located(text, " or the\n") + 1, 2)]
    assert {f.suggestions for f in found} == {("nor",)}


def test_repeated_word_across_line_break_and_markup():
    text = fixture("repeated-word", "bad.md")
    found = check_text(text, RepeatedWord())
    starts = [located(text, "the\n*the*"), located(text, "and and"), located(text, "was [was")]
    assert [f.offset for f in found] == starts
    assert [f.excerpt for f in found] == ["the\n*the", "and and", "was [was"]
    assert found[0].line == 6 and found[0].end_line == 7


def test_repeated_word_in_plain_text_and_html():
    found = check_text("<p>It was the <em>the</em> end.</p>", RepeatedWord(), suffix=".html")
    assert len(found) == 1 and found[0].suggestions == ("the",)
    assert check_text("It was the end.\n", RepeatedWord(), suffix=".txt") == []


def test_seed_article_missing_verb():
    seed = SEED
    if not seed.exists():
        pytest.skip("seed article not available")
    text = seed.read_text(encoding="utf-8")
    found = check_text(text, MissingVerbAfterThere(), suffix=".txt")
    assert [f.offset for f in found] == [located(text, "there few")]


@pytest.mark.parametrize("rule", [MissingVerbAfterThere(), NeitherOr()], ids=lambda r: r.id)
def test_no_findings_on_clean_wikinews(rule, wikinews_docs):
    # Published, edited articles: these two patterns never fire on them (see
    # benchmarks/judgements/grammar.md), so any finding here is a false positive.
    assert len(wikinews_docs) >= 295
    for doc in wikinews_docs:
        assert check_document(doc, rule) == []


def test_repeated_word_on_wikinews_only_reports_real_doubles(wikinews_docs):
    # Wikinews copy does contain doubled words ("rights and and the inclusion"); every finding
    # must be two identical words that are not one of the correctly doubled ones.
    found = []
    for doc in wikinews_docs:
        found += check_document(doc, RepeatedWord())
    assert found, "the corpus has known doubled words"
    assert any(len(f.excerpt.split()) > 2 for f in found), "and doubled phrases (“it gives it gives”)"
    for f in found:
        words = f.excerpt.lower().split()
        half = len(words) // 2
        assert len(words) % 2 == 0 and words[:half] == words[half:]
        assert words[0] not in {"had", "that", "really", "very", "many"}


# Others' repetition cases in our own words: (text, the repeat newslint must report or None).
REPEATS = [
    ("It rained in the the capital.", "the the"),
    ("The minister said that that that was final.", "that that that"),
    ("Police found the car on the Foo bar bar.", "bar bar"),
    ("The mayor said it was an echo was an echo of 2019.", "was an echo was an echo"),
    ("Critics say we go we go we go too far.", "we go we go we go"),
    ("Voters won't forget the broken promise forget the broken promise soon.",
     "forget the broken promise forget the broken promise"),
    ("Turnout rose in\nin the north.", "in\nin"),
    ("She she left the hall.", "She she"),
    ("It was a well-known well-known fact.", "well-known well-known"),
    ("A café café opened.", "café café"),
    ("A cafe\u0301 cafe\u0301 opened.", "cafe\u0301 cafe\u0301"),
    ("The council met at the Foo-bar bar on Friday.", None),
    ("The minister said that that decision was final.", None),
    ("The board had had enough.", None),
    ("Don't just play the game - play the game.", None),
    ("He's gone, gone for good.", None),
    ("The practitioner's side of the case.", None),
    ("Green greenery lined the road.", None),
    ("She flew from Walla Walla to New York.", None),
]


@pytest.mark.parametrize("text, repeat", REPEATS)
def test_repeated_words_and_phrases(text, repeat):
    found = check_text(text + "\n", RepeatedWord(), suffix=".txt")
    assert [f.excerpt for f in found] == ([repeat] if repeat else [])
    if repeat:
        single = repeat.split()[:len(repeat.split()) // (3 if repeat.endswith("that that that")
                                                          or repeat.startswith("we go") else 2)]
        assert found[0].suggestions[0].split() == single


def test_repeat_starts_are_where_the_scan_finds_its_repeats(wikinews_docs):
    # _repeat_starts says where the rule's word-by-word scan can find a repeat: the scan over
    # those words alone finds what the scan over every word finds, in the corpus and in
    # repeats made from its words, in every script and with every kind of gap.
    from newslint.rules.grammar import _repeat_starts, _words, repeated_phrases, _repeats

    blocks = [b.prose for doc in wikinews_docs for b in doc.blocks]
    made = []
    for prose in blocks[:400]:
        words = prose.split()
        for n in (1, 2, 3, 4):
            if len(words) > n + 2:
                made.append(" ".join(words[:2] + words[2:2 + n] * 2 + words[2 + n:]))
                made.append(" ".join(words[:2] + words[2:2 + n] + ["\n"] + words[2:2 + n]))
    made += ["Το σπίτι σπίτι μας.", "ΟΔΟΣ ΟΔΟΣ.Α", "the, the and the. The",
             "İstanbul istanbul",
             "x_y x_y", "e\u0301tude e\u0301tude now", "a-b-c-d-e a-b-c-d-e"]
    texts = blocks + made
    with_repeat = [p for p in texts if next(repeated_phrases(p), None)]
    assert len(with_repeat) > 800
    for prose in texts:
        starts = _repeat_starts(prose)
        words = _words(prose)
        assert starts == [i for i in range(len(words))
                          if any(_repeats(prose, words, i, n) > 1 for n in (1, 2, 3, 4))], prose
        assert list(repeated_phrases(prose, starts)) == list(repeated_phrases(prose))
    # and it is a test: most of the corpus's blocks repeat nothing and are passed over
    assert sum(1 for p in blocks if _repeat_starts(p)) < len(blocks) / 20


def test_repeated_word_leaves_speakers_and_other_languages_alone():
    from newslint.rules.grammar import RepeatedWord

    quoted = 'The coach said: "It was a good good game, and we deserved it."\n'
    answer = ("((WN)) What did you use?\n\n"
              "((Perttu Ahola)) I think you you need nothing more than the shell and an "
              "editor for this work.\n")
    indonesian = ("Menurut dia, kondisi itu biasa biasa saja dan tidak perlu dikhawatirkan "
                  "oleh warga di sekitar lokasi.\n")
    writer = "The ban takes effect in the the coming weeks.\n"
    assert check_text(quoted, RepeatedWord()) == []
    assert check_text(answer, RepeatedWord()) == []
    assert check_text(indonesian, RepeatedWord()) == []
    assert [f.excerpt for f in check_text(writer, RepeatedWord())] == ["the the"]
