"""JSON Lines: one finding (or file error) per line, written as each file is reported.

For archives: a million articles' findings are never held as one document, and a reader can
start on the first lines while the rest are written. Each line is the finding's object of the
``json`` format plus ``"type": "finding"`` (or ``"error"``); the last line is the summary.
"""

from __future__ import annotations

from newslint.formatters.base import Formatter, Summary


class JsonLinesFormatter(Formatter):
    def start(self):
        import json  # here: only this format needs it

        self._dumps = json.dumps

    def _line(self, kind: str, data: dict) -> None:
        self.stream.write(self._dumps({"type": kind, **data}, ensure_ascii=False) + "\n")

    def file(self, path, findings, errors):
        for f in findings:
            self._line("finding", f.to_dict())
        for e in errors:
            self._line("error", e.to_dict())
        if findings or errors:
            self.stream.flush()

    def finish(self, summary: Summary):
        self._line("summary", {"files": summary.files, "findings": summary.findings,
                               "by_severity": summary.by_severity, "errors": summary.errors,
                               "exit_code": summary.exit_code})
