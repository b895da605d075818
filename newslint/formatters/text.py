"""``path:line:col: severity rule message`` lines and a summary line."""

from __future__ import annotations

from newslint.escaping import visible
from newslint.formatters.base import Formatter, Summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


class TextFormatter(Formatter):
    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def file(self, path, findings, errors):
        w = self.stream.write
        for err in errors:
            w(f"{self._c(_BOLD, visible(err.path))}: {self._c(_COLORS['error'], 'error')} "
              f"{visible(err.message.removeprefix(err.path + ': '))}\n")
        for f in findings:
            if self.quiet and f.severity == "info":
                continue
            where = self._c(_BOLD, f"{visible(f.path)}:{f.line}:{f.column}:")
            sev = self._c(_COLORS[f.severity], f.severity)
            rule = self._c(_DIM, f.rule)
            hint = f" (suggestion: {' / '.join(f.suggestions[:3])})" if f.suggestions else ""
            w(f"{where} {sev} {rule} {visible(f.message + hint)}\n")

    def finish(self, summary: Summary):
        if self.quiet:
            return
        self.stream.write(summary_line(summary) + "\n")


def summary_line(summary: Summary) -> str:
    """"Found 3 problems (1 error, 2 warnings) in 2 files." (also shown by the HTML report)."""
    counts = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}"
                       for sev, n in summary.by_severity.items() if n)
    files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
    if summary.findings:
        line = f"Found {summary.findings} problem{'s' if summary.findings != 1 else ''} " \
               f"({counts}) in {files}."
    else:
        line = f"No problems found in {files}."
    if summary.errors:
        line += f" {summary.errors} file error{'s' if summary.errors != 1 else ''}."
    return line
