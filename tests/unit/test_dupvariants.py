"""Near copies across files that are a series' template or a shared quotation (Wikinews
"On the campaign trail" editions, CC BY 2.5; the quotation texts are written for the test)."""

import datetime as dt

from newslint.rules.duplicates import DuplicateAcrossFiles
from newslint.testing import check_corpus, parse_text
from newslint.text.dupvariants import is_series_template, is_shared_quotation

JULY = ("As the campaign reached July, presumptive Democratic presidential nominee Joe Biden led "
        "incumbent President Donald Trump, the presumptive Republican presidential nominee, in "
        "the RealClearPolitics head-to-head polling average, 49.7 percent to 40.3 percent.")
AUGUST = ("As the campaign shifted to August, presumptive Democratic presidential nominee Joe "
          "Biden led incumbent President Donald Trump, the presumptive Republican presidential "
          "nominee, in the RealClearPolitics head-to-head polling average, 49.4 percent to 42.0 "
          "percent.")
SECOND = ("The following is the second edition of a monthly series chronicling the 2020 United "
          "States presidential election. It features original material compiled throughout the "
          "previous month after an overview of the month's biggest stories.")


def test_the_same_slots_filled_differently_are_a_template():
    assert is_series_template(JULY, AUGUST)
    assert is_series_template(SECOND, SECOND.replace("second", "third"))


def test_an_edited_copy_is_not_a_template():
    assert not is_series_template(SECOND, SECOND)  # an exact copy
    # A word replaced by a date is an edit, not a slot: "said in October" / "on Saturday".
    assert not is_series_template(JULY, JULY.replace("presumptive Democratic", "Saturday"))
    assert not is_series_template(JULY, JULY.replace("head-to-head polling average",
                                                     "latest survey of likely voters"))


QUOTE = ("\u201cWe have not seen the water itself yet, but we have found the next best thing, "
         "which is the vapour rising from it,\u201d")


def test_one_quotation_with_each_story_s_attribution_is_shared():
    a = QUOTE + " Dr Ana Ruiz added."
    b = QUOTE + " lead researcher and agency planetary scientist Ana Ruiz said in a statement."
    assert is_shared_quotation(a, b)
    # The same attribution, or a sentence of the writer's added: a copy.
    assert not is_shared_quotation(a, a.replace("added", "said"))
    assert not is_shared_quotation(a, a + " The team will publish its full results next month "
                                          "in a journal.")


def test_corpus_rule_skips_templates_but_not_exact_copies():
    def run(first, second):
        docs = [parse_text(f"Intro paragraph one of the story goes here.\n\n{first}\n",
                           suffix=".md", path="july.md", pub_date=dt.date(2020, 8, 31)),
                parse_text(f"Another story opens with its own words.\n\n{second}\n",
                           suffix=".md", path="august.md", pub_date=dt.date(2020, 9, 30))]
        return check_corpus(docs, DuplicateAcrossFiles())
    assert run(JULY, AUGUST) == []
    assert [f.path for f in run(JULY, JULY)] == ["august.md"]
