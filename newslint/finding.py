"""The one shape every result takes: :class:`Finding`.

Rules never build findings themselves. A document rule returns :class:`Match` objects (a
character span in the document plus a message); the engine resolves the span into line and
column through the :class:`~newslint.document.Document` and adds rule metadata. Corpus rules
work across files and so return matches whose ``span`` is already resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

#: The fixed set of categories a rule can belong to.
CATEGORIES = ("duplication", "grammar", "spelling", "attribution", "dates", "style", "boilerplate")

#: Severities from most to least serious.
SEVERITIES = ("error", "warning", "info")

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class Span:
    """A resolved location in one file.

    ``offset`` and ``length`` count code points in the decoded text; ``line`` and ``column`` are
    1-based, ``column`` counted in code points; the end is exclusive (the position just after the
    last character), so a one-character span on column 5 ends at column 6.
    """

    path: str
    offset: int
    length: int
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    #: For a related location: what it is ("the first copy", "also reported by …").
    message: str = ""

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
        }


@dataclass(frozen=True)
class Match:
    """What a rule reports: a span of the document and what is wrong with it.

    ``offset``/``length`` are code-point positions in ``Document.text``. Corpus rules, which
    report on documents they no longer hold, pass a resolved ``span`` instead. ``rule``,
    ``category``, ``severity`` and ``source`` override the rule's own metadata for rules that
    report under several ids (LanguageTool, YAML packs).
    """

    offset: int = 0
    length: int = 0
    message: str = ""
    suggestions: tuple[str, ...] = ()
    related: tuple[Span, ...] = ()
    span: Optional[Span] = None
    rule: Optional[str] = None
    category: Optional[str] = None
    severity: Optional[str] = None
    source: Optional[str] = None


@dataclass(frozen=True)
class Finding:
    """One reported problem, with exact positions into the original file."""

    rule: str
    category: str
    severity: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    excerpt: str
    suggestions: tuple[str, ...] = ()
    related: tuple[Span, ...] = ()
    source: str = "newslint"

    @classmethod
    def from_span(cls, span: Span, *, rule: str, category: str, severity: str, message: str,
                  suggestions=(), related=(), source: str = "newslint") -> "Finding":
        return cls(rule=rule, category=category, severity=severity, message=message,
                   path=span.path, line=span.line, column=span.column, end_line=span.end_line,
                   end_column=span.end_column, offset=span.offset, length=span.length,
                   excerpt=span.excerpt, suggestions=tuple(suggestions), related=tuple(related),
                   source=source)

    @property
    def span(self) -> Span:
        """Where the finding is, as a :class:`Span`."""
        return Span(self.path, self.offset, self.length, self.line, self.column,
                    self.end_line, self.end_column, self.excerpt)

    @property
    def sort_key(self):
        return (self.path, self.line, self.column, self.rule, self.offset, self.message)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "excerpt": self.excerpt,
            "suggestions": list(self.suggestions),
            "related": [_related_dict(r) for r in self.related],
            "source": self.source,
        }


def _related_dict(span: Span) -> dict:
    out = {"path": span.path, "line": span.line, "column": span.column}
    if span.message:
        out["message"] = span.message
    return out


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked (or a rule that failed on it), reported instead of a crash."""

    path: str
    message: str
    kind: str = "input"  # "input" (exit 2) or "internal" (exit 3)

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message, "kind": self.kind}


@dataclass
class FileResult:
    """Everything one file produced."""

    path: str
    findings: list = field(default_factory=list)
    errors: list = field(default_factory=list)
