"""Helpers for testing rules: parse text and run one rule the way the engine does.

Third-party plugin authors can use these too::

    from newslint.testing import check_text
    findings = check_text("Some text.", MyRule(), suffix=".md")
"""

from __future__ import annotations

import datetime as _dt
from typing import Optional

from newslint.document import Document
from newslint.finding import Finding
from newslint.rule import CorpusRule, DocInfo


def parse_text(text: str, suffix: str = ".md", path: Optional[str] = None,
               pub_date: Optional[_dt.date] = None) -> Document:
    """Parse ``text`` as a file with ``suffix``; ``pub_date`` acts like ``--date``."""
    from newslint.engine import parse_document

    return parse_document(path or f"article{suffix}", text, suffix=suffix, pub_date=pub_date)


def check_text(text: str, rule, suffix: str = ".md", options: Optional[dict] = None,
               pub_date: Optional[_dt.date] = None, path: Optional[str] = None) -> list[Finding]:
    """Findings of one rule on one text, sorted, with the rule's default options."""
    doc = parse_text(text, suffix=suffix, path=path, pub_date=pub_date)
    return check_document(doc, rule, options)


def check_document(doc: Document, rule, options: Optional[dict] = None) -> list[Finding]:
    from newslint.engine import finding_from_match

    opts = dict(rule.default_options)
    opts.update(options or {})
    if isinstance(rule, CorpusRule):
        return check_corpus([doc], rule, options)
    from newslint.filters.verbatim import VerbatimSpans

    verbatim = VerbatimSpans(doc)  # as the engine does: speakers' words are theirs
    found = [finding_from_match(doc, rule, m, None) for m in rule.check(doc, opts)
             if verbatim.keeps(rule, m)]
    return sorted(found, key=lambda f: f.sort_key)


def check_corpus(docs: list, rule: CorpusRule, options: Optional[dict] = None) -> list[Finding]:
    """Run a corpus rule over several parsed documents, in the given order."""
    from newslint.engine import finding_from_match

    opts = dict(rule.default_options)
    opts.update(options or {})
    items = [(DocInfo(d.path, d.pub_date, i), rule.collect(d, opts)) for i, d in enumerate(docs)]
    found = [finding_from_match(None, rule, m, None) for m in rule.finish(items, opts)]
    return sorted(found, key=lambda f: f.sort_key)
