"""The attribution rules: fixtures, the seed article, options, docs and the Wikinews corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from shared_paths import SEED, load_benchmark
from newslint.rules import attribution
from newslint.rules.attribution import UnattributedQuote, UnsourcedClaim, VagueAttribution
from newslint.testing import check_text, parse_text

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
WIKINEWS = ROOT / "benchmarks" / "corpus" / "wikinews"
JUDGEMENTS = ROOT / "benchmarks" / "judgements" / "attribution.md"
RULES = {cls.id: cls for cls in (UnattributedQuote, VagueAttribution, UnsourcedClaim)}


def _fixtures(kind: str):
    return [pytest.param(rule_id, path, id=f"{rule_id}/{path.name}")
            for rule_id in RULES for path in sorted((HERE / rule_id).glob(f"{kind}-*.md"))]


@pytest.mark.parametrize("rule_id,fixture", _fixtures("bad"))
def test_bad_fixture_matches_expected(rule_id, fixture):
    expected = json.loads(fixture.with_name(fixture.stem + ".expected.json").read_text())
    found = check_text(fixture.read_text(encoding="utf-8"), RULES[rule_id](), suffix=".md")
    assert [(f.line, f.excerpt) for f in found] == [(e["line"], e["excerpt"]) for e in expected]
    assert all(f.rule == rule_id and f.category == "attribution" for f in found)


@pytest.mark.parametrize("rule_id,fixture", _fixtures("good"))
def test_good_fixture_has_no_findings(rule_id, fixture):
    assert check_text(fixture.read_text(encoding="utf-8"), RULES[rule_id](), suffix=".md") == []


def test_every_rule_has_fixtures_of_both_kinds():
    for rule_id in RULES:
        assert list((HERE / rule_id).glob("bad-*.md")), rule_id
        assert list((HERE / rule_id).glob("good-*.md")), rule_id


# --- the seed article -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_text():
    if not SEED.exists():
        pytest.skip("seed article not available")
    return SEED.read_text(encoding="utf-8")


def _excerpts(text, rule, **options):
    return [f.excerpt for f in check_text(text, rule, suffix=".txt", options=options or None)]


def test_seed_vague_sources(seed_text):
    found = _excerpts(seed_text, VagueAttribution())
    # The first paragraph appears twice in the scraped page (standfirst and body).
    assert found.count("experts told") == 2
    assert "cyber security specialists say" in found
    assert "analysts saw" in found
    # Furniture below the article mentions experts without pinning a claim on them.
    assert len(found) == 4


def test_seed_unsourced_figure(seed_text):
    found = check_text(seed_text, UnsourcedClaim(), suffix=".txt")
    sentence = "Both apps collect huge amounts of data on hundreds of millions of users."
    start = seed_text.index(sentence)
    hits = [f for f in found if start <= f.offset < start + len(sentence)]
    assert [f.excerpt for f in hits] == ["hundreds of millions of users"]
    assert hits[0].severity == "info"


def test_seed_standalone_quotation_is_flagged(seed_text):
    found = _excerpts(seed_text, UnattributedQuote())
    assert any(e.startswith("“Of course the Chinese government can access that information")
               for e in found)


def test_seed_attributed_and_continued_quotations_are_not_flagged(seed_text):
    found = " ".join(_excerpts(seed_text, UnattributedQuote()))
    for accepted in ("“WeChat is bad,”", "It uses encrypted links", "This is so clearly a political",
                     "The real security threats", "They have very clearly laid out",
                     "But it is not clear what it is China is supposed to do"):
        assert accepted not in found


def test_seed_quotation_after_paraphrase_depends_on_option(seed_text):
    # "However, Weaver said, there few alternatives…" is followed by a paragraph that is only a
    # quotation. By default the paraphrased speaker has the floor (judged on real articles: the
    # reader knows who is talking); the strict AP reading asks for attribution on each new
    # quotation paragraph.
    lenient = _excerpts(seed_text, UnattributedQuote())
    strict = _excerpts(seed_text, UnattributedQuote(), accept_after_paraphrase=False)
    assert any(e.startswith("“So by banning WeChat") for e in strict)
    assert not any(e.startswith("“So by banning WeChat") for e in lenient)
    # The default does not rescue the "Of course" paragraph: the clause before it ("but Weaver
    # is doubtful of that claim") reports no words.
    assert any(e.startswith("“Of course the Chinese government") for e in lenient)


# --- behaviour and options ----------------------------------------------------------------------

def test_quotation_attributed_in_the_next_sentence_is_accepted():
    text = "\"We will appeal the ruling this week.\" That was the word from lawyer Ana Ruiz, who spoke after the hearing.\n"
    assert check_text(text, UnattributedQuote(), suffix=".txt") == []


def test_quotation_two_sentences_from_its_attribution_is_flagged():
    text = ("Lawyer Ana Ruiz spoke after the hearing. The court was packed. Reporters waited "
            "outside. \"We will appeal the ruling this week.\"\n")
    found = check_text(text, UnattributedQuote(), suffix=".txt")
    assert [f.excerpt for f in found] == ["\"We will appeal the ruling this week.\""]


def test_extra_attribution_verbs_option():
    text = "\"The bridge will reopen on Monday and not a day later,\" Mayor Ruth Hale harrumphed.\n"
    assert len(check_text(text, UnattributedQuote(), suffix=".txt")) == 1
    assert check_text(text, UnattributedQuote(), suffix=".txt",
                      options={"extra_attribution_verbs": ["harrumphed"]}) == []


def test_min_words_option_controls_short_unpunctuated_quotations():
    text = "The sign on the door simply had \"closed for the winter months now\" on it.\n"
    assert check_text(text, UnattributedQuote(), suffix=".txt") == []  # a fragment
    text = "Nobody came out. \"Closed until further notice\" Nobody knew why.\n"
    assert len(check_text(text, UnattributedQuote(), suffix=".txt", options={"min_words": 3})) == 1
    assert check_text(text, UnattributedQuote(), suffix=".txt", options={"min_words": 6}) == []


def test_extra_vague_sources_option():
    text = "Bookmakers say the manager will be sacked before Christmas.\n"
    assert check_text(text, VagueAttribution(), suffix=".txt") == []
    found = check_text(text, VagueAttribution(), suffix=".txt",
                       options={"extra_vague_sources": ["bookmakers"]})
    assert [f.excerpt for f in found] == ["Bookmakers say"]


def test_anonymity_reason_accepts_a_source_and_can_be_extended():
    plain = "Sources said the merger would be announced on Monday.\n"
    explained = ("Sources said the merger would be announced on Monday, speaking on condition of "
                 "anonymity because the talks were private.\n")
    house = "Sources said the merger would be announced on Monday, under our rule 12.\n"
    assert len(check_text(plain, VagueAttribution(), suffix=".txt")) == 1
    assert check_text(explained, VagueAttribution(), suffix=".txt") == []
    assert check_text(house, VagueAttribution(), suffix=".txt",
                      options={"extra_anonymity_reasons": [r"under our rule \d+"]}) == []


def test_vocabulary_file_adds_to_the_lists(tmp_path):
    vocab = tmp_path / "newsroom.yaml"
    vocab.write_text("vague_sources:\n  - punters\nsource_nouns:\n  - ledger\n")
    opts = {"vocabulary_file": str(vocab)}
    text = "Punters say the horse cannot lose.\n"
    assert check_text(text, VagueAttribution(), suffix=".txt") == []
    assert [f.excerpt for f in check_text(text, VagueAttribution(), suffix=".txt",
                                          options=opts)] == ["Punters say"]
    claim = "The club's ledger shows a debt of $40 million.\n"
    assert len(check_text(claim, UnsourcedClaim(), suffix=".txt")) == 1
    assert check_text(claim, UnsourcedClaim(), suffix=".txt", options=opts) == []


def test_vocabulary_file_errors_are_config_errors(tmp_path):
    from newslint.errors import ConfigError

    bad = tmp_path / "bad.yaml"
    bad.write_text("weasels:\n  - somebody\n")
    with pytest.raises(ConfigError, match="unknown list 'weasels'"):
        check_text("Experts say so.\n", VagueAttribution(), suffix=".txt",
                   options={"vocabulary_file": str(bad)})
    with pytest.raises(ConfigError, match="missing.yaml"):
        check_text("Experts say so.\n", VagueAttribution(), suffix=".txt",
                   options={"vocabulary_file": str(tmp_path / "missing.yaml")})


def test_extra_lists_must_hold_strings():
    from newslint.errors import ConfigError

    with pytest.raises(ConfigError, match="extra_vague_sources"):
        check_text("Experts say so.\n", VagueAttribution(), suffix=".txt",
                   options={"extra_vague_sources": [3]})


def test_figures_option_selects_kinds():
    text = "Sales rose 12 percent to $4 billion.\n"
    assert [f.excerpt for f in check_text(text, UnsourcedClaim(), suffix=".txt")] == ["$4 billion"]
    with_percent = check_text(text, UnsourcedClaim(), suffix=".txt",
                              options={"figures": ["percent", "money", "magnitude"]})
    assert [f.excerpt for f in with_percent] == ["12 percent"]


def test_only_sums_and_counts_in_the_millions_by_default():
    # From the judged corpus: a price, a product specification and an attendance figure are
    # not what a desk asks a source for; a contract's value in the writer's voice is.
    for quiet in ("The controller costs $129 and ships next week.\n",
                  "The 2,812-piece set measures 22 inches long.\n",
                  "The club sold 12,000 tickets for the final.\n"):
        assert check_text(quiet, UnsourcedClaim(), suffix=".txt") == [], quiet
        assert check_text(quiet, UnsourcedClaim(), suffix=".txt",
                          options={"large_only": False}) != [], quiet
    (f,) = check_text("The contract is worth $2.6bn over ten years.\n", UnsourcedClaim(),
                      suffix=".txt")
    assert f.excerpt == "$2.6bn"


def test_one_unsourced_finding_per_paragraph():
    text = "Sales rose 12 percent. Profit reached $4 billion. Staff grew to 12,000.\n"
    assert len(check_text(text, UnsourcedClaim(), suffix=".txt")) == 1


# --- registration and documentation ---------------------------------------------------------

def test_rules_are_registered_with_metadata():
    rules = attribution.newslint_register_rules(config=None)
    assert sorted(r.id for r in rules) == sorted(RULES)
    for rule in rules:
        assert rule.category == "attribution"
        assert rule.severity in ("warning", "info")
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.id)
    assert RULES["unsourced-claim"].severity == "info"


@pytest.mark.parametrize("cls", RULES.values(), ids=list(RULES))
def test_docstring_has_the_explain_sections(cls):
    doc = cls().doc
    first = doc.splitlines()[0]
    assert first and not first.startswith("#")
    positions = [doc.index(h) for h in
                 ("## What it flags", "## Why it matters", "## Example", "## Instead")]
    assert positions == sorted(positions)


@pytest.mark.parametrize("cls", RULES.values(), ids=list(RULES))
def test_examples_in_docs_behave_as_documented(cls):
    doc = cls().doc
    example, instead = re.findall(r"```\n(.*?)```", doc, re.S)[:2]
    assert check_text(example, cls(), suffix=".txt"), "the Example must be flagged"
    assert check_text(instead, cls(), suffix=".txt") == [], "the Instead must be clean"


# --- the Wikinews corpus ----------------------------------------------------------------------

def _bench():
    return load_benchmark("bench_attribution")


@pytest.mark.slow
def test_every_corpus_finding_is_judged_and_precision_holds():
    bench = _bench()
    findings, _ = bench.run_rules(bench.articles())
    tally = bench.precision(findings)
    for rule, counts in tally.items():
        assert counts["unjudged"] == 0 and counts["?"] == 0, (rule, counts)
        judged = counts["correct"] + counts["wrong"]
        assert judged and counts["correct"] / judged >= 0.9, (rule, counts)


@pytest.mark.slow
def test_removing_attributions_from_real_quotations_gets_them_flagged():
    tally, _excused, missed = _bench().removal_experiment()
    assert tally["orphans"] >= 50
    assert tally["orphans found"] / tally["orphans"] >= 0.9, missed


@pytest.mark.parametrize("text, has_figure", [
    ("Prices rose 4% in May.", True),
    ("FORTY PER CENT of them left.", True),
    ("Hundreds of millions of users signed up.", True),
    ("THOUSANDS OF people marched.", True),
    ("Thouſands of people marched.", True),  # the long s is an "s" ignoring case
    ("The minister said nothing new.", False),
    ("It cost 3 BN RUPEES.", True),
    ("Some 12,000 troops left.", True),
    ("It had 3.5 MILLION users.", True),
    ("In 2019, on May 4, 12 people met.", False),
    ("Forty PERCENT agreed.", True),
    ("Sixty per\tcent agreed.", True),
    ("The centre saw a recent rise this century.", False),  # "cent" without "per"
])
def test_the_quick_figure_test_never_rules_out_a_figure(text, has_figure):
    from newslint.text.attribution import find_figures, may_have_figures

    assert may_have_figures(text) is has_figure
    assert bool(find_figures(text)) is has_figure


def test_the_quick_figure_test_agrees_with_the_figures_of_the_corpus():
    from newslint.text.attribution import find_figures, may_have_figures

    sentences = []
    for path in sorted(WIKINEWS.glob("2019-*.md"))[:150]:
        for block in parse_text(path.read_text(encoding="utf-8")).prose_blocks:
            sentences.extend(block.prose[s.start:s.end] for s in block.sentences)
    ruled_out = [s for s in sentences if not may_have_figures(s)]
    assert len(ruled_out) > len(sentences) // 2
    # The pattern itself, without the quick test, finds nothing in what the test rules out.
    from newslint.text import attribution as text_attribution

    assert not [s for s in ruled_out if any(True for _ in text_attribution._FIGURE.finditer(s))]


def test_the_quick_figure_test_knows_every_currency_word():
    from newslint.text import attribution as text_attribution

    words = text_attribution._CURRENCY_WORD_LIST
    assert len(words) > 20
    for spelled in words:
        assert any(stem in spelled for stem in text_attribution._CURRENCY_STEMS), spelled
        assert text_attribution.may_have_figures(f"It cost 3 {spelled.upper()} then.")


def test_the_quick_figure_pattern_finds_what_the_pattern_as_written_finds():
    # _FIGURE is _FIGURE_FLAT with tries and a look-ahead: the same matches, in the corpus and
    # in figures made of every word of its lists, in any case.
    from newslint.text import attribution as text_attribution

    flat = re.compile(text_attribution._FIGURE_FLAT, re.I)
    texts = [block.prose for path in sorted(WIKINEWS.glob("*.md"))
             for block in parse_text(path.read_text(encoding="utf-8")).blocks]
    for word in text_attribution._NUMBER_WORD_LIST:
        texts += [f"Some {word} percent of {word}s, {word.upper()}  per cent, ({word}%)",
                  f"{word.title()} per cent.", f"x{word} percent"]
    for word in text_attribution._CURRENCY_WORD_LIST:
        texts += [f"It cost 3 million {word}, 4bn {word.upper()}s and 5 {word.title()}-ish."]
    texts += ["US$5m, A$ 3, NZ$4 bn, HK$12k, £200,000 and ¥3", "Tens of thousands of fans",
              "hundreds of millions of users; 3.5 billion; 12,000,000 troops; 1,00 x",
              "ſeventy percent", "SEVENTY%", "twenty-five percent"]
    quick = text_attribution._FIGURE
    spans = lambda pattern, t: [(m.span(), m.lastgroup) for m in pattern.finditer(t)]
    assert sum(1 for t in texts if spans(flat, t)) > 300
    assert [spans(quick, t) for t in texts] == [spans(flat, t) for t in texts]


def test_the_digit_led_figure_pattern_finds_what_the_whole_one_finds_where_it_is_used():
    # Where no "$", "%", "per cent" or magnitude word is in the sentence, the word-led
    # branches of the figure pattern cannot match: the digit-led ones alone find the same
    # figures (none in a sentence the quick test rules out).
    from newslint.text import attribution as text_attribution

    texts = [block.prose[s.start:s.end] for path in sorted(WIKINEWS.glob("*.md"))
             for block in parse_text(path.read_text(encoding="utf-8")).blocks
             for s in block.sentences]
    texts += ["It cost 3 million euros and 4bn Yen; 12,000 troops, 3.5 billion people.",
              "Forty people, twelve of them hurt, and a dozen more: 1,00 x, 7 m, £200,000.",
              "£3 and €4,5 k, ¥12 bn and ₹9 mn; in 2019, 1,234,567 votes."]
    quick = text_attribution._FIGURE_DIGIT_LED
    whole = text_attribution._FIGURE
    spans = lambda pattern, t: [(m.span(), m.lastgroup) for m in pattern.finditer(t)]
    used = [t for t in texts if text_attribution._figure_pattern(t) is not whole]
    assert len(used) > len(texts) // 2
    assert sum(1 for t in used if text_attribution._figure_pattern(t) is quick) > 150
    assert sum(1 for t in used if spans(whole, t)) > 100
    assert [spans(quick, t) for t in used] == [spans(whole, t) for t in used]
    for t in ("US$5m", "42%", "forty per cent", "hundreds of fans", "thousands of them"):
        assert text_attribution._figure_pattern(t) is whole, t
    for t in ("£200,000", "3 million people", "a recent 12,000 rise", "5 dollars"):
        assert text_attribution._figure_pattern(t) is quick, t


@pytest.mark.parametrize("text", ["MİLLİONS of users came.", "mıllıons of users came.",
                                  "ſeventy percent of them"])
def test_figures_spelled_with_a_letter_that_matches_another_ignoring_case_are_found(text):
    from newslint.text.attribution import find_figures, may_have_figures

    assert may_have_figures(text)
    assert find_figures(text)


# --- unattributed-quote: speakers the story does name, and what is not a quotation ------------

def _wikinews_text(prefix: str) -> str:
    return next(WIKINEWS.glob(f"{prefix}*.md")).read_text(encoding="utf-8")


def test_a_speaker_named_in_the_sentence_before_counts():
    # "… coach Geoff Ingram said" earlier; here the sentence before names him.
    text = _wikinews_text("2020-08-18-caloundra-defeat-maroochydore")
    assert "leaving Ingram unimpressed. \"One of them was questionable." in text
    assert check_text(text, UnattributedQuote()) == []


def test_a_name_the_story_never_gives_a_speaker_does_not_count():
    text = ("The home side was on the receiving end of two yellow cards at Caloundra. \"One of "
            "them was questionable. But there's a lazy high shot from Kauri at the end.\"\n")
    assert len(check_text(text, UnattributedQuote(), suffix=".txt")) == 1


def test_one_finding_per_paragraph_with_the_other_quotations_related():
    text = _wikinews_text("2019-09-02-fan-expo-canada-2019")
    found = check_text(text, UnattributedQuote())
    assert [f.excerpt[:30] for f in found] == ["\"This is not what I wanted to "]
    assert [r.excerpt[:30] for r in found[0].related] == ["\"You could just stick my legs,"]
    assert found[0].related[0].line == found[0].line


def test_inverted_and_less_common_speech_verbs_count():
    base = ("\"We're training really well together, as a unit we're gelling,\" {verb} Marshall, "
            "the Caloundra captain.\n")
    for verb in ("comments", "adds", "writes", "tweeted", "recalls", "shouts"):
        assert check_text(base.format(verb=verb), UnattributedQuote(), suffix=".txt") == [], verb
    text = ("\"The bridge has to be rebuilt before winter,\" Hale said to cheers from the crowd. "
            "\"The money is there, and the council knows it.\"\n")
    assert check_text(text, UnattributedQuote(), suffix=".txt") == []


def test_a_quotation_signed_on_the_next_line_is_attributed():
    text = _wikinews_text("2019-08-16-hickenlooper-ends-us-presidential")
    unsigned = text.replace("Hickenlooper said in the video, \"I've heard", "\"I've heard")
    assert unsigned != text and "\n\n—John Hickenlooper" in unsigned
    assert check_text(unsigned, UnattributedQuote()) == []
    assert len(check_text(unsigned.replace("—John Hickenlooper", "Hickenlooper left the race."),
                          UnattributedQuote())) == 1


@pytest.mark.parametrize("text", [
    "The tagline? \"Rain. We're ready.\" Nobody liked it.\n",            # a slogan
    "The officers ran up the stairs. \"Step out.\" He came out.\n",       # an order, two words
    "Some predicted the app would be the \"Uber of ferries,\" but it is not.\n",  # scare quotes
    "Artists share their take on the central theme ‘The River is the City’ this year.\n",
    "It will be the cheapest 65\"+ screen in the shop this season, the manager hopes.\n",
    "That is two questions. First, \"Is the ferry the future of the island?\" Possibly.\n",
    "Recall the 2014 entry, \"Don't text and sail away,\" meant to warn skippers.\n",
])
def test_slogans_scare_quotes_titles_and_inch_marks_are_not_quotations(text):
    assert check_text(text, UnattributedQuote(), suffix=".txt") == []


def test_a_story_not_in_english_is_not_checked():
    # A story in Portuguese: the rules' speech verbs and source nouns are English words.
    text = ("“A ponte vai ficar fechada durante todo o inverno, e ninguém sabe quando vai "
            "reabrir para os carros e os autocarros da cidade.”\n\n"
            "A câmara municipal gastou mais de 40 por cento do orçamento nas obras, que "
            "começaram há dois anos e ainda não terminaram.\n")
    assert check_text(text, UnattributedQuote(), suffix=".txt") == []
    assert check_text(text, UnsourcedClaim(), suffix=".txt") == []


# --- vague-attribution: a group the next paragraphs name ---------------------------------------

def test_a_vague_group_that_the_next_paragraph_names_is_attributed():
    text = _wikinews_text("2019-02-02-report-indicates-mexican-monarch-butterfly")
    assert "Scientists cautioned against an excess of optimism" in text
    assert "Center for Biological Diversity scientist Tierra Curry" in text
    assert [f.excerpt for f in check_text(text, VagueAttribution())
            if f.excerpt.startswith("Scientists")] == []


def test_a_vague_group_stays_vague_when_nobody_in_that_role_is_named():
    text = ("Scientists cautioned against an excess of optimism for the species.\n\n"
            "Remarked Tierra Curry of the Center for Biological Diversity, \"One good weather "
            "year won't save the monarch in the long run.\"\n")
    assert [f.excerpt for f in check_text(text, VagueAttribution(), suffix=".txt")] == [
        "Scientists cautioned"]
    named = text.replace("Tierra Curry of the Center", "researchers at the Center")
    assert len(check_text(named, VagueAttribution(), suffix=".txt")) == 1  # another role


def test_a_group_named_after_a_heading_is_not_the_same_group():
    text = ("Analysts expect turnout to fall in the Groom by-election.\n\n## Background\n\n"
            "Kevin Bonham, an electoral analyst, declared the seat on election night.\n")
    assert len(check_text(text, VagueAttribution())) == 1


# --- unsourced-claim: figures whose source is in sight, and figures that are no claim ---------

def test_the_judged_contract_values_are_still_unsourced():
    # Wikinews 2019-03-05 (judged correct): contract values with no source.
    text = _wikinews_text("2019-03-05-spacex-crew-dragon-capsule-docks")
    found = [f.excerpt for f in check_text(text, UnsourcedClaim())]
    assert "US$4.2 billion" in found


def test_arithmetic_on_figures_sourced_just_before_is_sourced():
    sourced = ("NASA's contract with Boeing is valued at US$4.2 billion, according to NASA. The "
               "contract with SpaceX is valued at US$2.6 billion.\n\n")
    sums = "That is US$1.6 billion less than Boeing's, a difference of about 38 percent.\n"
    assert check_text(sourced + sums, UnsourcedClaim(), suffix=".txt") == []
    unsourced = sourced.replace(", according to NASA", "")
    assert [f.excerpt for f in check_text(unsourced + sums, UnsourcedClaim(), suffix=".txt")
            ] == ["US$4.2 billion", "US$1.6 billion"]


@pytest.mark.parametrize("text", [
    "The speaker is on sale at just $139 on Amazon until Sunday.\n",          # a price
    "The headphones are priced at $399 and ship in two colours.\n",
    "After the trial you'll pay $6.99 per month, or a $69.99 annual fee.\n",
    "U.S. crude fell 3.38% to $55.12 per barrel on the news.\n",              # a market move
    "In our testing, the laptop's battery drained about 4% per hour under load.\n",
    "Nurses hear up to 1,000 alarms per shift [1], most of them false.\n",     # a citation
    "HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%\n",                          # a ticker row
])
def test_prices_market_moves_own_tests_citations_and_tables_are_not_claims(text):
    assert check_text(text, UnsourcedClaim(), suffix=".txt") == []


def test_a_conversion_in_brackets_restates_the_figure_before_it():
    # Wikinews 2019-01-10: "… to pay €20,000 (£17,500; US$22,900) in compensation."
    text = "The men are to hand over €20,000 (£17,500; US$22,900) to the family.\n"
    every_sum = {"large_only": False}
    assert [f.excerpt for f in check_text(text, UnsourcedClaim(), suffix=".txt",
                                          options=every_sum)] == ["€20,000"]


def test_the_writers_own_experience_is_first_hand():
    text = ("As one of the many thousands of people with a broken keyboard, I welcome the new "
            "design.\n\nAfter World War I ended, 20 million soldiers returned home.\n")
    assert [f.excerpt for f in check_text(text, UnsourcedClaim(), suffix=".txt")] == [
        "20 million"]


def test_valuations_at_list_prices_and_tariff_amounts_are_not_unsourced():
    text = ("The order is valued at $8.8 billion at list prices, but airlines usually negotiate "
            "a steep discount.\n\nBeijing wants the 15% tariffs on about $125 billion worth of "
            "goods imposed on Sept. 1 lifted.\n\nThe company spent $3 billion on the plant.\n")
    found = check_text(text, UnsourcedClaim(), suffix=".txt")
    assert [f.excerpt for f in found] == ["$3 billion"]


def test_the_word_tests_before_the_vague_source_patterns_change_nothing(monkeypatch):
    # vague_sources skips a pattern when the sentence lacks a word every match of it holds;
    # with the tests switched off (as for a sentence with a letter that case-insensitive
    # matching takes for an ASCII one) every pattern runs, and the answers are the same.
    from shared_paths import WIKINEWS

    from newslint.testing import parse_text
    from newslint.text import attribution as text

    sentences = ["It is believed the plan failed.", "IT WAS THOUGHT to be safe.",
                 "Bit is said to work", "it’s claimed that", "Experts say it will rain."]
    for path in sorted(WIKINEWS.glob("2019-0[1-4]*.md")):
        for block in parse_text(path.read_text(encoding="utf-8")).prose_blocks:
            sentences.extend(block.prose[s.start:s.end] for s in block.sentences)
    with_tests = [text.vague_sources(s) for s in sentences]

    monkeypatch.setattr(text, "_has_odd_case", lambda sentence: True)
    assert [text.vague_sources(s) for s in sentences] == with_tests
    assert sum(map(bool, with_tests)) >= 5
