"""The spelling, quotation and language filters on recorded LanguageTool answers.

``tests/data/languagetool/spelling-filters.json`` holds LanguageTool 6.8's answers (en-US, no
rules disabled) for each paragraph of ``spelling-filters.md``, recorded from a real server, so
these tests exercise newslint's mapping of its matches without one. The real-server tests are
in ``tests/languagetool/test_news_spelling.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.languagetool.client import parse_matches
from newslint.languagetool.plugin import LanguageToolRule
from newslint.languagetool.settings import NEWS_DISABLED_RULES, SECTION_DEFAULTS
from newslint.testing import parse_text

DATA = Path(__file__).resolve().parents[1] / "data" / "languagetool"
TEXT = (DATA / "spelling-filters.md").read_text(encoding="utf-8")
ANSWERS = json.loads((DATA / "spelling-filters.json").read_text(encoding="utf-8"))["answers"]


class RecordedClient:
    """Answers each paragraph with the recorded LanguageTool response."""

    def __init__(self):
        self.sent: list[str] = []

    def check_texts(self, texts):
        self.sent += texts
        return [parse_matches(t, ANSWERS[t], 5) for t in texts]


def run(**section):
    rule = LanguageToolRule()
    # news_defaults off: the measured rule table is not what these tests are about.
    rule.section = {**SECTION_DEFAULTS, "news_defaults": False, **section}
    rule.client = RecordedClient()
    found = rule.check(parse_text(TEXT, ".md"), {})
    return found, rule.client


def excerpt(match) -> str:
    return TEXT[match.offset:match.offset + match.length]


def test_only_the_typo_is_a_misspelling_and_it_is_reported_once():
    found, _ = run()
    spelling = [f for f in found if f.category == "spelling"]
    assert [excerpt(f) for f in spelling] == ["goverment"]
    (typo,) = spelling
    assert typo.message == ("“goverment”: possible misspelling; did you mean “government”? "
                            "(1 more time in the document)")
    assert [r.offset for r in typo.related] == [TEXT.rindex("goverment")]
    assert typo.related[0].message == "the same spelling again"


def test_every_filter_off_reports_names_handles_credits_fragments_and_spanish():
    found, _ = run(news_vocabulary=False, article_names=False, skip_other_languages=False,
                   grammar_in_quotes=True)
    reported = {excerpt(f) for f in found}
    # Bracketed insertions are read whole and credit lines skipped with every filter off.
    assert {"Ressa", "Rappler", "warranto", "gobierno", "gonna"} <= reported
    assert "Zyxwq" not in reported  # a photo credit
    assert "ing" not in reported and "ies" not in reported


def test_names_the_article_introduces_and_learned_words():
    found, _ = run(news_vocabulary=False, skip_other_languages=False)
    reported = {excerpt(f) for f in found if f.category == "spelling"}
    assert "Ressa" not in reported and "Rappler" not in reported  # "of Rappler", "Ressa said"
    assert "Zyxwq" not in reported  # a photo credit


def test_grammar_in_quotes_is_dropped_unless_asked_for():
    quiet, _ = run()
    assert not [f for f in quiet if f.category != "spelling"]
    loud, _ = run(grammar_in_quotes=True)
    assert {f.rule for f in loud if f.category != "spelling"} >= {
        "languagetool/THERE_S_MANY", "languagetool/GONNA"}


def test_a_foreign_paragraph_is_not_sent():
    found, client = run()
    assert not any(t.startswith("El gobierno") for t in client.sent)
    assert not [f for f in found if f.offset >= TEXT.index("El gobierno")]
    _, client = run(skip_other_languages=False)
    assert any(t.startswith("El gobierno") for t in client.sent)


@pytest.mark.parametrize("rule_id", ["EN_DATE_WEEKDAY", "EN_DATE_WEEKDAY_CURRENTYEAR"])
def test_weekday_rules_are_off_for_news(rule_id):
    assert rule_id in NEWS_DISABLED_RULES


def _turns(text: str, width: int) -> list[str]:
    """The openings (``width`` characters) of the blocks read as an interviewee's words."""
    from newslint.languagetool.speech import interviewee_turns

    doc = parse_text(text, ".md")
    return [b.prose[:width] for b in doc.blocks if b.index in interviewee_turns(doc)]


def test_interviewee_turns_not_the_interviewers_questions_or_the_intro():
    # The shape of a Wikinews interview ("Male Magellanic penguins pine for pairings", 2019).
    text = ("Gownaris answered a series of questions for our correspondent.\n\n"
            "((Wikinews)) What prompted your curiosity about Magellanic penguins?\n\n"
            "Natasha Gownaris: I've wanted to be a marine scientist since I was a child.\n\n"
            "I studied fish as a graduate student.\n\n"
            "((WN)) How did you approach putting together such a large-scale study?\n\n"
            "NG: This study started in 1982, long before my joining the lab.\n")
    assert _turns(text, 12) == ["Natasha Gown", "I studied fi", "NG: This stu"]


def test_multiword_match_on_a_persons_name_is_not_a_misspelling():
    from newslint.languagetool.spelling import multitoken_message

    # LanguageTool reads a name as a famous one's: the given name stays, the surname changes.
    assert multitoken_message("Tom Frieden", ["Tom Friedman"]) is None
    assert multitoken_message("Evan Duffey", ["Evan Dunfee"]) is None
    # A real slip in a term or a product name is reported, and the message names it.
    assert multitoken_message("Escerichia coli", ["Escherichia coli"]) == (
        "“Escerichia coli”: possible misspelling; did you mean “Escherichia coli”?")
    assert multitoken_message("XBox One", ["Xbox One"]) is not None


def test_an_interviewee_who_asks_back_is_still_the_interviewee():
    # The shape of a Wikinews interview ("Neanderthals knew what they were doing", 2020).
    text = ("((WN)) How did you pick the bone tools you studied?\n\n"
            "((Naomi Martisius)) So do you specifically mean these ones? The tools from this "
            "study?\n\n"
            "((WN)) Yes, those.\n\n"
            "((Naomi Martisius)) They came from two sites in the southwest of France.\n")
    assert _turns(text, 22) == ["((Naomi Martisius)) So", "((Naomi Martisius)) Th"]
    # Without a label of the interviewer's own, a labelled turn that asks is the interviewer's.
    text = ("Jane Doe: How did you pick the tools?\n\n"
            "John Roe: They came from two sites in France.\n\n"
            "Jane Doe: Why those two?\n\n"
            "John Roe: They were the best preserved.\n")
    assert _turns(text, 8) == ["John Roe", "John Roe"]


def test_a_mistyped_bracket_is_one_finding_with_its_other_end_related():
    recorded = json.loads((DATA / "paired-brackets.json").read_text(encoding="utf-8"))["answers"]
    text = next(t for t in recorded if "{" in t)

    class Client:
        def check_texts(self, texts):
            return [parse_matches(t, recorded[t], 5) for t in texts]

    rule = LanguageToolRule()
    rule.section = {**SECTION_DEFAULTS, "news_defaults": False}
    rule.client = Client()
    found = [f for f in rule.check(parse_text(text + "\n", ".txt"), {})
             if f.rule == "languagetool/EN_UNPAIRED_BRACKETS"]
    assert [text[f.offset] for f in found] == ["{"]
    assert [text[r.offset] for r in found[0].related] == [")"]
    assert found[0].related[0].message == "the other end of the same pair"
