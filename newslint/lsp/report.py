"""What the language server needs from one check of one open document, as plain data.

:func:`document_report` runs a :class:`~newslint.checker.Checker` on a document exactly as
``newslint check`` runs it on a file, and gathers what the editor shows besides the findings:
each reported rule's fix safety, its ``newslint explain`` text and its documentation page,
and the project dictionary. The result holds only strings, numbers, lists, dicts and None, so
it crosses the warm server's socket unchanged: the language server calls this function in its
own process, or the warm server calls it on its warm checker (one engine, one LanguageTool, for
the editor and the command line alike). :class:`Report` reads it back on the editor's side.

No editor protocol here: the warm server imports this module without pygls or lsprotocol.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from newslint.finding import Finding, Span


def check_document(checker, path: str, text: str):
    """Check one open document exactly as ``newslint check`` checks a file (document and
    corpus rules, suppressions, overlaps); returns its
    :class:`~newslint.engine.FileOutcome`."""
    result = checker.run(["-"], stdin_text=text, stdin_name=path)
    return result.files[0]


def document_report(checker, path: str, text: str) -> dict:
    """The report of one document, as plain data (see :class:`Report`)."""
    from newslint.explain import explain_text, find_rule

    outcome = check_document(checker, path, text)
    rules: dict = {}
    for finding in outcome.findings:
        if finding.rule in rules:
            continue
        rule, _ = find_rule(checker.rules, finding.rule)
        explained = explain_text(checker, finding.rule)
        rules[finding.rule] = {
            "fix_safety": getattr(rule, "fix_safety", None),
            "explain": explained,
            "page": rule_page(checker, finding.rule, explained),
        }
    return {
        "findings": [_finding_record(f) for f in outcome.findings],
        "errors": [e.message for e in outcome.errors],
        "rules": rules,
        "dictionary_file": dictionary_file(checker),
        "problem": None,
    }


def problem_report(message: str) -> dict:
    """The report of a document that could not be checked at all (a bad configuration)."""
    return {"findings": [], "errors": [], "rules": {}, "dictionary_file": None,
            "problem": message}


def dictionary_file(checker) -> Optional[str]:
    """The configured ``languagetool.dictionary_file`` as an absolute path, or None."""
    try:
        section = checker.config.section("languagetool")
    except Exception:  # no LanguageTool section registered (the plugin is disabled)
        return None
    name = section.get("dictionary_file") or ""
    if not name:
        return None
    path = Path(name).expanduser()
    return str(path if path.is_absolute() else checker.config.root / path)


def rule_page(checker, rule_id: str, text: Optional[str]) -> Optional[str]:
    """The path of a Markdown page holding ``newslint explain RULE`` for this installation,
    written into the cache folder (``docs/VERSION/RULE.md``) when missing or different; None
    when there is no text or nowhere to write it. A diagnostic's ``codeDescription`` links it:
    the page an editor opens is the documentation of the rule that reported, in the version
    that reported it, plugin and pack rules included."""
    from newslint import __version__

    if not text:
        return None
    folder = checker.config.cache_dir_or_none
    if folder is None:
        return None
    page = Path(folder) / "docs" / __version__ / (rule_id.replace("/", "~") + ".md")
    content = f"# {rule_id}\n\n{text}"
    try:
        if page.is_file() and page.read_text(encoding="utf-8") == content:
            return str(page)
        page.parent.mkdir(parents=True, exist_ok=True)
        temporary = page.with_name(f".{page.name}.{os.getpid()}")
        temporary.write_text(content, encoding="utf-8")
        os.replace(temporary, page)
    except OSError:
        return None
    return str(page)


def _finding_record(finding: Finding) -> dict:
    record = {name: getattr(finding, name) for name in _FINDING_FIELDS}
    record["suggestions"] = list(finding.suggestions)
    record["related"] = [{name: getattr(span, name) for name in _SPAN_FIELDS}
                         for span in finding.related]
    return record


_FINDING_FIELDS = ("rule", "category", "severity", "message", "path", "line", "column",
                   "end_line", "end_column", "offset", "length", "excerpt", "source")
_SPAN_FIELDS = ("path", "offset", "length", "line", "column", "end_line", "end_column",
                "excerpt", "message")


class Report:
    """A :func:`document_report` read back: :class:`~newslint.finding.Finding` objects and
    what the editor shows beside them."""

    def __init__(self, data: dict):
        self.findings = [Finding(**{**r, "suggestions": tuple(r["suggestions"]),
                                    "related": tuple(Span(**s) for s in r["related"])})
                         for r in data["findings"]]
        self.errors: list = list(data["errors"])
        self.problem: Optional[str] = data["problem"]
        self.rules: dict = data["rules"]
        self.dictionary_file: Optional[str] = data["dictionary_file"]

    def fix_safety(self, rule_id: str) -> Optional[str]:
        return (self.rules.get(rule_id) or {}).get("fix_safety")

    def explain(self, rule_id: str) -> Optional[str]:
        return (self.rules.get(rule_id) or {}).get("explain")

    def page(self, rule_id: str) -> Optional[str]:
        return (self.rules.get(rule_id) or {}).get("page")
