"""SARIF 2.1.0, the format of GitHub code scanning and other code-review dashboards.

One run: ``tool.driver`` describes every rule that ran (with ``newslint explain``'s text as
help), each finding becomes a result with its exact region, ``related`` spans become
``relatedLocations`` and ``partialFingerprints`` carry newslint's line-independent fingerprint
so that dashboards keep tracking an alert after lines move. Columns count Unicode code points,
as newslint's do, which the run declares in ``columnKind``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from newslint.escaping import visible
from newslint import __version__
from newslint.fingerprint import fingerprint_file, read_source
from newslint.formatters.base import Formatter, Summary

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
#: The key of newslint's own fingerprint; bump the suffix if the fingerprint ever changes.
FINGERPRINT_KEY = "newslint/v1"
ROOT_ID = "%SRCROOT%"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def rule_name(rule_id: str) -> str:
    """``duplicate-paragraph`` → ``DuplicateParagraph``: SARIF's advice for a rule's name."""
    parts = [p for p in rule_id.replace(".", "-").replace("/", "-").replace("_", "-").split("-")
             if p]
    return "".join(p[:1].upper() + p[1:] for p in parts) or rule_id


def help_text(rule) -> str:
    """What ``newslint explain RULE`` prints below its heading: the doc and the options."""
    return rule.help_text()


def _first_paragraph(doc: str) -> str:
    return doc.split("\n\n", 1)[0].strip()


def _full_description(rule) -> str:
    """The "What it flags" section when the doc has one, else the summary."""
    doc = rule.doc
    marker = "## What it flags"
    if marker in doc:
        section = doc.split(marker, 1)[1].split("\n## ", 1)[0]
        return " ".join(section.split()) or rule.summary
    return _first_paragraph(doc) or rule.summary


def _message(finding) -> str:
    # Suggestions are advice ("remove") as often as replacement text, so they stay in the
    # message, as in the text format, rather than becoming SARIF fixes.
    if not finding.suggestions:
        return finding.message
    return f"{finding.message} (suggestion: {' / '.join(finding.suggestions[:3])})"


class SarifFormatter(Formatter):
    whole_document = True

    def start(self):
        self._results = []
        self._notifications = []
        self._used_rule_ids = set()

    # -- locations ------------------------------------------------------------------------
    def _artifact(self, path: str) -> dict:
        root = self.root or os.getcwd()
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, root)
        if relative == os.curdir or relative.split(os.sep, 1)[0] == os.pardir:
            return {"uri": Path(absolute).as_uri()}
        return {"uri": quote(Path(relative).as_posix()), "uriBaseId": ROOT_ID}

    def _region(self, span) -> dict:
        region = {"startLine": span.line, "startColumn": span.column,
                  "endLine": span.end_line, "endColumn": span.end_column,
                  "charOffset": span.offset, "charLength": span.length}
        excerpt = getattr(span, "excerpt", "")
        if excerpt:
            region["snippet"] = {"text": excerpt}
        return region

    def _location(self, span) -> dict:
        return {"physicalLocation": {"artifactLocation": self._artifact(span.path),
                                     "region": self._region(span)}}

    # -- lifecycle ------------------------------------------------------------------------
    def file(self, path, findings, errors):
        for err in errors:
            self._notifications.append({
                "level": "error" if err.kind == "internal" else "warning",
                "message": {"text": visible(err.message)},
                "locations": [{"physicalLocation": {"artifactLocation": self._artifact(err.path)}}],
                "properties": {"kind": err.kind},
            })
        if not findings:
            return
        text = read_source(path)
        for finding, fp, occurrence in fingerprint_file(text, findings):
            self._results.append(self._result(finding, f"{fp}:{occurrence}"))

    def _result(self, finding, fingerprint: str) -> dict:
        self._used_rule_ids.add(finding.rule)
        result = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": visible(_message(finding))},
            "locations": [self._location(finding)],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            "properties": {"category": finding.category, "source": finding.source},
        }
        if finding.related:
            result["relatedLocations"] = [
                dict(self._location(span), id=i,
                     message={"text": span.message or "related passage"})
                for i, span in enumerate(finding.related, start=1)]
        return result

    def _descriptors(self) -> list[dict]:
        """Every rule that ran, plus one entry per sub-id a dynamic rule reported under."""
        descriptors = {rid: self._descriptor(rid, rule) for rid, rule in self.rules.items()}
        for rid in self._used_rule_ids - descriptors.keys():
            parent = self.rules.get(rid.split("/", 1)[0])
            descriptors[rid] = self._descriptor(rid, parent)
        return [descriptors[rid] for rid in sorted(descriptors)]

    @staticmethod
    def _descriptor(rule_id: str, rule) -> dict:
        if rule is None:  # a finding under an id no rule declared (e.g. an internal error)
            return {"id": rule_id, "name": rule_name(rule_id),
                    "shortDescription": {"text": rule_id}}
        inherited = rule_id != rule.id
        note = f"Reported by {rule.id}: " if inherited else ""
        return {
            "id": rule_id,
            "name": rule_name(rule_id),
            "shortDescription": {"text": note + rule.summary},
            "fullDescription": {"text": note + _full_description(rule)},
            "help": {"text": help_text(rule), "markdown": help_text(rule)},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"category": rule.category, "origin": rule.origin,
                           "tags": [rule.category, rule.origin]},
        }

    def finish(self, summary: Summary):
        rules = self._descriptors()
        index = {d["id"]: i for i, d in enumerate(rules)}
        for result in self._results:
            result["ruleIndex"] = index[result["ruleId"]]
        root = Path(os.path.abspath(self.root or os.getcwd())).as_uri().rstrip("/") + "/"
        run = {
            "tool": {"driver": {"name": "newslint", "version": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "originalUriBaseIds": {ROOT_ID: {"uri": root}},
            "invocations": [{"executionSuccessful": summary.exit_code in (0, 1),
                             "exitCode": summary.exit_code,
                             "toolExecutionNotifications": self._notifications}],
            "columnKind": "unicodeCodePoints",
            "results": self._results,
        }
        doc = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
        self.write_json(doc)
