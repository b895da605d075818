"""Inline suppressions: ``<!-- newslint-disable RULE -->`` and friends."""

from __future__ import annotations

from newslint.filters.selection import _score


def is_suppressed(finding, suppressions) -> bool:
    """True (and the suppression marked used) when a comment covers the finding."""
    for sup in suppressions:
        if not (sup.first_line <= finding.line <= sup.last_line):
            continue
        if not sup.rules or any(_score(r, finding.rule, finding.category) for r in sup.rules):
            sup.used = True
            return True
    return False
