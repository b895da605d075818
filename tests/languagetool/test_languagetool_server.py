"""Findings from a real LanguageTool server: exact positions, mapping, names, cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.languagetool.client import LanguageToolClient
from newslint.rules.grammar import MissingVerbAfterThere, NeitherOr, RepeatedWord
from newslint.testing import check_document, check_text, parse_text

pytestmark = pytest.mark.languagetool

HERE = Path(__file__).parent
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "securityweek-tiktok-wechat-bans.txt"

# "accomodate" is one of the misspellings in Wikipedia's list of common misspellings
# (the mitton_wikipedia_misspellings corpus lists it under "accommodate").
ARTICLE = """---
title: "Experts doubt the value of app bans"
date: 2020-08-07
---

*Weaver* said, there few alternatives for [people](https://example.org/) in China.

A **ban** on [apps](https://example.org/a) covers neither WeChat or TikTok, *officials* said.

It is, [he said](https://example.org/b), the
the end of an era.

**The** company said _the_ app had lost it's appeal among [teenagers](https://example.org/c).

*Officials* said the servers could not [accomodate](https://example.org/d) the traffic.
"""


def everything(doc, lt_rule):
    """Findings of LanguageTool and of the native grammar rules, as one run reports them."""
    found = check_document(doc, lt_rule)
    for rule in (MissingVerbAfterThere(), NeitherOr(), RepeatedWord()):
        found += check_document(doc, rule)
    return found


def at(found, text, needle):
    offset = text.index(needle)
    return [f for f in found if f.offset == offset]


def test_article_errors_found_at_exact_positions(lt_rule):
    doc = parse_text(ARTICLE, ".md")
    found = everything(doc, lt_rule)

    there = at(found, ARTICLE, "there few")
    assert there and there[0].length == len("there few")
    assert there[0].suggestions[0] == "there are few"

    nor = at(found, ARTICLE, "or TikTok")
    assert nor and "nor" in nor[0].suggestions

    the = at(found, ARTICLE, "the\nthe")
    assert the and the[0].excerpt == "the\nthe"

    its = at(found, ARTICLE, "it's appeal")
    assert len(its) == 1 and its[0].rule.startswith("languagetool/")
    assert its[0].excerpt == "it's" and "its" in its[0].suggestions

    typo = at(found, ARTICLE, "accomodate")
    assert len(typo) == 1 and typo[0].rule == "languagetool/MORFOLOGIK_RULE_EN_US"
    assert typo[0].category == "spelling" and "accommodate" in typo[0].suggestions
    assert typo[0].excerpt == "accomodate"


def test_one_slip_one_finding(lt_rule):
    # LanguageTool also knows "there few", "neither…or" and "the the"; newslint's own rules
    # report them, so LanguageTool's duplicates are left out.
    doc = parse_text(ARTICLE, ".md")
    found = everything(doc, lt_rule)
    for needle in ("there few", "or TikTok", "the\nthe"):
        start = ARTICLE.index(needle)
        overlapping = [f for f in found if f.offset < start + len(needle)
                       and start < f.offset + f.length]
        assert len(overlapping) == 1, overlapping


def test_languagetool_reports_them_itself_when_not_deferring(lt_server, tmp_path, make_config,
                                                             start_rule):
    rule = start_rule(make_config(tmp_path, url=lt_server.url, defer_to_native_rules=False))
    found = check_text(ARTICLE, rule)
    rules = {f.rule for f in found}
    assert {"languagetool/NEITHER_NOR", "languagetool/ENGLISH_WORD_REPEAT_RULE"} <= rules
    # "there few" is newslint's own LanguageTool rule's (it takes the place of LanguageTool's
    # THERE_MISSING_VERB, which marks only "there")
    there = next(f for f in found if f.rule == "languagetool/NEWSLINT_THERE_MISSING_VERB")
    assert there.excerpt == "there few" and there.suggestions[0] == "there are few"
    assert there.offset == ARTICLE.index("there few")
    assert there.source == "languagetool" and there.category == "grammar"


def test_positions_survive_characters_outside_the_bmp(lt_rule):
    # LanguageTool counts UTF-16 units: each emoji shifts its offsets by one.
    text = "Fans 😀😀 cheered 🎉 and the servers could not accomodate them.\n"
    found = check_text(text, lt_rule, suffix=".txt")
    typo = [f for f in found if f.category == "spelling"]
    assert [f.offset for f in typo] == [text.index("accomodate")]
    assert typo[0].excerpt == "accomodate"


def test_html_entities_and_markup_map_back(lt_rule):
    text = "<p>The &amp; sign and <b>the</b> servers could not accomodate the traffic.</p>\n"
    found = check_text(text, lt_rule, suffix=".html")
    typo = [f for f in found if f.category == "spelling"]
    assert [f.excerpt for f in typo] == ["accomodate"]


def test_seed_article(lt_rule):
    if not SEED.exists():
        pytest.skip("seed article not available")
    text = SEED.read_text(encoding="utf-8")
    doc = parse_text(text, ".txt")
    found = everything(doc, lt_rule)
    assert any(f.offset == text.index("there few") for f in found)
    spelled = {f.excerpt for f in found if f.category == "spelling"}
    assert not spelled & {"Weaver", "Segal", "WeChat", "TikTok"}, spelled


def test_names_off_reports_them(lt_server, tmp_path, make_config, start_rule):
    text = ("Officials met Zinichev and Chupriyan on Monday. Zinichev said the search was over, "
            "according to Chupriyan.\n")
    rule_off = start_rule(make_config(tmp_path, url=lt_server.url, article_names=False,
                                      news_vocabulary=False))
    assert {f.excerpt for f in check_text(text, rule_off, suffix=".txt")} >= {"Zinichev"}
    rule_on = start_rule(make_config(tmp_path, url=lt_server.url))
    assert [f for f in check_text(text, rule_on, suffix=".txt")
            if f.category == "spelling"] == []


def test_name_spelled_two_ways_is_reported(lt_rule):
    text = ("An apartment building collapsed in Magnitogorsk. Rescuers reached Magnitogorsk "
            "on Monday.\n\nPolice searched a second block in Magnitigorsk.\n")
    found = [f for f in check_text(text, lt_rule) if f.category == "spelling"]
    assert [f.excerpt for f in found] == ["Magnitigorsk"]
    assert found[0].suggestions[0] == "Magnitogorsk"


def test_project_dictionary(lt_server, tmp_path, make_config, start_rule):
    words = tmp_path / "words.txt"
    words.write_text("# house words\naccomodate\n", encoding="utf-8")
    rule = start_rule(make_config(tmp_path, url=lt_server.url, dictionary_file=str(words)))
    assert check_text("The hall could not accomodate them.\n", rule, suffix=".txt") == []
    rule = start_rule(make_config(tmp_path, url=lt_server.url, dictionary=["Accomodate"]))
    # An entry with capitals matches only that spelling.
    assert check_text("The hall could not accomodate them.\n", rule, suffix=".txt") != []


def test_disabled_rules_and_picky(lt_server, tmp_path, make_config, start_rule):
    rule = start_rule(make_config(tmp_path, url=lt_server.url,
                                  disabled_rules=["MORFOLOGIK_RULE_EN_US"]))
    assert check_text("The hall could not accomodate them.\n", rule, suffix=".txt") == []


def test_other_variant_spellings(lt_server, tmp_path, make_config, start_rule):
    text = "Engineers worked to stabilise the colour of the ten-storey building.\n"
    default = start_rule(make_config(tmp_path, url=lt_server.url))
    assert check_text(text, default, suffix=".txt") == []
    strict = start_rule(make_config(tmp_path, url=lt_server.url, other_variant_spellings=True))
    assert {f.excerpt for f in check_text(text, strict, suffix=".txt")} >= {"stabilise", "colour"}


def test_warm_rerun_sends_nothing(lt_server, tmp_path, make_config, start_rule, monkeypatch):
    config = make_config(tmp_path, use_cache=True, url=lt_server.url)
    first = check_text(ARTICLE, start_rule(config))
    sent = []
    original = LanguageToolClient.check_one

    def counting(self, text):
        sent.append(text)
        return original(self, text)
    monkeypatch.setattr(LanguageToolClient, "check_one", counting)
    second = check_text(ARTICLE, start_rule(config))
    assert sent == [] and second == first
    # A different rule set is a different cache key: the paragraphs are checked again.
    picky = make_config(tmp_path, use_cache=True, url=lt_server.url, picky=True)
    check_text(ARTICLE, start_rule(picky))
    # ...in one request: the article's five paragraphs travel together.
    assert len(sent) == 1 and sent[0].count("\n\n") == 4


def test_batched_paragraphs_keep_their_own_positions(lt_server, tmp_path, make_config,
                                                     start_rule):
    # Paragraphs sent together in one request, or each alone, give the same findings.
    text = ("The hall could not accomodate them.\n\nIt was the the end.\n\n"
            "He recieved the letter.\n")
    together = check_text(text, start_rule(make_config(tmp_path, url=lt_server.url,
                                                       defer_to_native_rules=False)))
    alone = check_text(text, start_rule(make_config(tmp_path, url=lt_server.url, batch_chars=1,
                                                    defer_to_native_rules=False)))
    assert [(f.offset, f.rule) for f in together] == [(f.offset, f.rule) for f in alone]
    assert {f.excerpt for f in together} >= {"accomodate", "the the", "recieved"}


def test_news_defaults_turn_off_rules_that_misread_news(lt_server, tmp_path, make_config,
                                                         start_rule):
    text = ("Trump spoke on Monday. Trump spoke again on Tuesday. Trump also spoke on "
            "Wednesday.\n")
    plain = start_rule(make_config(tmp_path, url=lt_server.url, news_defaults=False))
    assert "languagetool/ENGLISH_WORD_REPEAT_BEGINNING_RULE" in {
        f.rule for f in check_text(text, plain, suffix=".txt")}
    news = start_rule(make_config(tmp_path, url=lt_server.url))
    assert check_text(text, news, suffix=".txt") == []
