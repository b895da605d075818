"""The engine: parse files, run rules, collect findings. It never prints."""

from __future__ import annotations

import datetime as _dt
from typing import Optional

from newslint.document import Document
from newslint.errors import InputError
from newslint.finding import Finding, Match


def parse_document(path: str, text: str, suffix: str, pub_date: Optional[_dt.date] = None,
                   parsers: Optional[dict] = None) -> Document:
    """Parse decoded ``text``; ``pub_date`` (from ``--date``) overrides what the text says."""
    if parsers is None:
        from newslint.parsers.builtin import newslint_register_parsers
        parsers = newslint_register_parsers()
    parse = parsers.get(suffix.lower())
    if parse is None:
        raise InputError(f"{path}: no parser for files ending in {suffix!r}")
    doc = parse(path, text)
    if pub_date is not None:
        doc.pub_date, doc.pub_date_source = pub_date, "option"
    return doc


def finding_from_match(doc: Optional[Document], rule, match: Match,
                       severity_override: Optional[str]) -> Finding:
    """Turn a rule's :class:`Match` into a :class:`Finding` with resolved positions."""
    span = match.span if match.span is not None else doc.span(match.offset, match.length)
    severity = severity_override or match.severity or rule.severity
    return Finding.from_span(
        span, rule=match.rule or rule.id, category=match.category or rule.category,
        severity=severity, message=match.message, suggestions=match.suggestions,
        related=match.related, source=match.source or rule.source)
