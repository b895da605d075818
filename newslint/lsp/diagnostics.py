"""Findings as protocol diagnostics."""

from __future__ import annotations

from typing import Optional

from lsprotocol import types

from newslint.lsp.positions import LineIndex

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}

def to_diagnostic(finding, index: LineIndex, uri: str, related_uri,
                  page: Optional[str] = None) -> types.Diagnostic:
    """One diagnostic; ``related_uri(path)`` turns a path into a URI (a related location's,
    and ``page``'s: the rule's documentation page, see
    :func:`newslint.lsp.report.rule_page`, linked as the ``codeDescription``)."""
    related = []
    for span in finding.related:
        if span.path == finding.path:
            where = index.range(span.offset, span.length)
        else:  # another file of the workspace: its line and column are what we know
            start = types.Position(line=span.line - 1, character=span.column - 1)
            end = types.Position(line=span.end_line - 1, character=span.end_column - 1)
            where = types.Range(start=start, end=end)
        related.append(types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri if span.path == finding.path
                                    else related_uri(span.path), range=where),
            message=span.message or "related"))
    return types.Diagnostic(
        range=index.range(finding.offset, finding.length),
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=related_uri(page)) if page else None,
        source=finding.source,
        related_information=related or None,
        data={"rule": finding.rule, "suggestions": list(finding.suggestions)},
    )


def error_diagnostic(message: str) -> types.Diagnostic:
    """A problem that stops the whole document from being checked (a bad configuration)."""
    origin = types.Position(line=0, character=0)
    return types.Diagnostic(range=types.Range(start=origin, end=origin), message=message,
                            severity=types.DiagnosticSeverity.Error, source="newslint")
