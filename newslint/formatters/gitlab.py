"""GitLab code quality reports: findings in the merge request's code quality widget.

The report is a JSON array of issues in GitLab's subset of the Code Climate format:
``description``, ``check_name``, ``fingerprint`` (unique per issue, and stable across edits
elsewhere in the file so GitLab can tell new issues from fixed ones), ``severity`` and a
``location`` with the path from the repository root and the first line.
"""

from __future__ import annotations

from newslint.escaping import visible
from newslint.fingerprint import fingerprint_file, read_source, sha256_hex
from newslint.formatters.base import Formatter, Summary

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class GitlabFormatter(Formatter):
    whole_document = True

    def start(self):
        self._issues = []

    def file(self, path, findings, errors):
        # File errors end the run with exit code 2 and a message on standard error; the code
        # quality report has no place for them.
        if not findings:
            return
        where = self.relative_path(path)
        for finding, fp, occurrence in fingerprint_file(read_source(path), findings):
            unique = sha256_hex(f"{where}\x1f{finding.rule}\x1f{fp}\x1f{occurrence}")
            self._issues.append({
                "type": "issue",
                "check_name": finding.rule,
                "description": visible(finding.message),
                "categories": ["Style"],
                "fingerprint": unique,
                "severity": SEVERITIES[finding.severity],
                "location": {"path": visible(where),
                             "lines": {"begin": finding.line, "end": finding.end_line}},
            })

    def finish(self, summary: Summary):
        self._issues.sort(key=lambda i: (i["location"]["path"], i["location"]["lines"]["begin"],
                                         i["check_name"], i["fingerprint"]))
        self.write_json(self._issues)
