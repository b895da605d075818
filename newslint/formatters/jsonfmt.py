"""One JSON document (``"version": 1``); its schema ships as newslint/schema/findings.schema.json."""

from __future__ import annotations

from newslint import __version__
from newslint.formatters.base import Formatter, Summary

JSON_FORMAT_VERSION = 1


class JsonFormatter(Formatter):
    whole_document = True

    def start(self):
        self._files = []
        self._findings = []
        self._errors = []

    def file(self, path, findings, errors):
        self._files.append(path)
        self._findings.extend(f.to_dict() for f in findings)
        self._errors.extend(e.to_dict() for e in errors)

    def finish(self, summary: Summary):
        doc = {
            "version": JSON_FORMAT_VERSION,
            "tool": {"name": "newslint", "version": __version__},
            "files": self._files,
            "findings": self._findings,
            "errors": self._errors,
            "summary": {"files": summary.files, "findings": summary.findings,
                        "by_severity": summary.by_severity, "errors": summary.errors,
                        "exit_code": summary.exit_code},
        }
        self.write_json(doc)
