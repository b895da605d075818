"""Spelling in news copy against a real LanguageTool server, on a real Wikinews article.

``data/wikinews-magellanic-penguins.md`` is the opening of "Male Magellanic penguins pine for
pairings: Wikinews interviews biologist Natasha Gownaris" (Wikinews, 2019-01-27, CC BY 2.5;
the source is in its front matter). It is full of names LanguageTool does not know (Gownaris,
Punta Tombo, Spheniscus magellanicus, Wikinews) and holds one real slip of the writer's:
"Megallanic" for "Magellanic".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import check_text

pytestmark = pytest.mark.languagetool

ARTICLE = (Path(__file__).parent / "data" / "wikinews-magellanic-penguins.md").read_text(
    encoding="utf-8")


def spelling(found):
    return [f for f in found if f.category == "spelling"]


def test_names_are_not_misspellings_and_the_real_slip_is_found(lt_rule):
    found = spelling(check_text(ARTICLE, lt_rule))
    assert [f.excerpt for f in found] == ["Megallanic"]
    assert found[0].suggestions[0] == "Magellanic"


def test_without_the_news_filters_the_names_are_reported(lt_server, tmp_path, make_config,
                                                          start_rule):
    rule = start_rule(make_config(tmp_path, url=lt_server.url, news_vocabulary=False,
                                  article_names=False))
    excerpts = {f.excerpt for f in spelling(check_text(ARTICLE, rule))}
    assert {"Gownaris", "Tombo", "Wikinews"} <= excerpts


def test_a_planted_typo_is_found_once_with_its_other_places(lt_rule):
    text = ARTICLE + ("\nThe goverment of Argentina funds the work; the goverment said it "
                      "would sow[ing] new bands on the Count[ies] coast.\n")
    found = [f for f in spelling(check_text(text, lt_rule)) if f.excerpt == "goverment"]
    assert len(found) == 1
    (typo,) = found
    assert typo.message.startswith("“goverment”: possible misspelling; did you mean "
                                   "“government”?")
    assert [r.excerpt for r in typo.related] == ["goverment"]
    assert typo.related[0].offset == text.rindex("goverment")
    assert not [f for f in spelling(check_text(text, lt_rule))
                if f.excerpt in ("ing", "ies", "sow[ing]", "Count[ies]")]


def test_a_spanish_quotation_is_not_checked_as_english(lt_rule):
    text = ARTICLE + ('\nA guide told visitors: "Los pingüinos llegan cada año a Punta Tombo '
                      'para criar a sus polluelos en la costa."\n')
    found = check_text(text, lt_rule)
    start = text.index("Los pingüinos")
    assert not [f for f in found if f.offset >= start]


def test_grammar_inside_a_quotation_is_the_speakers(lt_server, tmp_path, make_config,
                                                    start_rule, lt_rule):
    text = ARTICLE + ('\nA ranger said, "There\'s three days left and we gonna try find the '
                      'last chicks." The goverment did not comment.\n')
    start = text.index("There's three")
    found = [f for f in check_text(text, lt_rule) if f.offset >= start]
    assert [f.excerpt for f in found] == ["goverment"]
    # The measured rule table is not what this is about: every rule on.
    strict = start_rule(make_config(tmp_path, url=lt_server.url, grammar_in_quotes=True,
                                    news_defaults=False))
    quoted = [f for f in check_text(text, strict) if start <= f.offset < text.index("The gov")]
    assert quoted and all(f.category != "spelling" for f in quoted)


def test_judged_corpus_false_alarms_stay_quiet_and_typos_do_not(lt_rule):
    # Each line is modelled on a finding judged false on the judged corpus, next to a typo.
    text = ("He wrote that dying a martyr meant going to 'Jannah' — the afterlife.\n\n"
            "Add one Fresno chile or chili flakes to the noodles.\n\n"
            "Company meteorologist Evan Duffey said the wind event would be strong.\n\n"
            "The agreement seeks to better intregrate African economies.\n")
    found = check_text(text, lt_rule)
    assert [f.excerpt for f in spelling(found)] == ["intregrate"]


def test_a_before_a_vowel_in_an_interview_answer_is_the_speakers(lt_rule):
    text = ("((WN)) What did you learn?\n\n"
            "((Perttu Ahola)) It was a incredible time, and I learned a lot from a older "
            "developer who helped me.\n")
    assert not [f for f in check_text(text, lt_rule) if f.rule == "languagetool/EN_A_VS_AN"]
    written = "It was a incredible time for the developers of the game.\n"
    assert [f.rule for f in check_text(written, lt_rule)
            if f.rule == "languagetool/EN_A_VS_AN"] == ["languagetool/EN_A_VS_AN"]
