"""Turning LanguageTool's classification into newslint's categories and severities."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the client is imported only when LanguageTool runs
    from newslint.languagetool.client import LTMatch

#: LanguageTool categories that are about style or typography rather than correctness.
STYLE_CATEGORIES = frozenset({
    "STYLE", "TYPOGRAPHY", "REDUNDANCY", "PLAIN_ENGLISH", "REPETITIONS_STYLE",
    "NONSTANDARD_PHRASES", "CREATIVE_WRITING", "WIKIPEDIA", "TEXT_ANALYSIS", "GENDER_NEUTRALITY",
    "AMERICAN_ENGLISH_STYLE", "BRITISH_ENGLISH_STYLE", "CASING",
})
#: Issue types LanguageTool uses for style findings whatever their category.
STYLE_ISSUE_TYPES = frozenset({"style", "locale-violation", "register", "typographical"})

SEVERITY = {"grammar": "warning", "spelling": "warning", "style": "info"}

#: The pure spell checkers (one per variant): the only rules names and dictionaries silence.
SPELLER_PREFIX = "MORFOLOGIK_RULE_"


def category_of(match: LTMatch) -> str:
    """newslint category for a LanguageTool match.

    Spelling is LanguageTool's TYPOS category when the issue is a misspelling (its/it's
    confusions are filed there too, and stay spelling: they are fixed the same way, by choosing
    the right word). Style categories and issue types become style; the rest is grammar.
    """
    if match.category_id == "TYPOS" or match.issue_type == "misspelling":
        return "spelling"
    if match.category_id in STYLE_CATEGORIES or match.issue_type in STYLE_ISSUE_TYPES:
        return "style"
    return "grammar"


def is_speller(match: LTMatch) -> bool:
    return match.rule_id.startswith(SPELLER_PREFIX)


#: LanguageTool's rules for misspelled multi-word terms ("Escerichia coli").
MULTITOKEN_SPELLER_PREFIX = "EN_MULTITOKEN_SPELLING"


def is_multitoken_speller(match: LTMatch) -> bool:
    return match.rule_id.startswith(MULTITOKEN_SPELLER_PREFIX)


def is_other_variant_spelling(match: LTMatch) -> bool:
    """A word LanguageTool only rejects because it belongs to another English variant
    ("colour" under en-US): it marks the replacement with the variant's name."""
    return is_speller(match) and any(
        note.startswith("English (") for note in match.replacement_notes)
