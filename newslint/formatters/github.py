"""GitHub Actions workflow commands: findings show as annotations on the pull request.

Each finding is one line,
``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``. Property values
and the message are escaped the way GitHub's own toolkit does (``@actions/core``,
``command.ts``): ``%``, carriage return and line feed everywhere, and also ``:`` and ``,`` in
properties, where they would otherwise end the value.
"""

from __future__ import annotations


from newslint.formatters.base import Formatter, Summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message (the part after ``::``); other control characters (a terminal escape
    the log viewer would run) are shown as visible escapes."""
    from newslint.escaping import visible

    return visible(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``…)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, **properties) -> str:
    """One workflow command line; properties whose value is None are left out."""
    props = ",".join(f"{key}={escape_property(str(value))}"
                     for key, value in properties.items() if value is not None)
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


class GithubFormatter(Formatter):
    def file(self, path, findings, errors):
        w = self.stream.write
        for err in errors:
            w(workflow_command("error", err.message, file=self.relative_path(err.path),
                               title="newslint: file not checked") + "\n")
        for f in findings:
            if self.quiet and f.severity == "info":
                continue
            message = f.message
            if f.suggestions:
                message += f" (suggestion: {' / '.join(f.suggestions[:3])})"
            w(workflow_command(COMMANDS[f.severity], message, file=self.relative_path(f.path),
                               line=f.line, col=f.column, endLine=f.end_line,
                               endColumn=f.end_column, title=f.rule) + "\n")

    def finish(self, summary: Summary):
        if self.quiet:
            return
        # A plain line: the job log shows it, GitHub does not read it as a command.
        self.stream.write(f"newslint: {summary.findings} problem"
                          f"{'s' if summary.findings != 1 else ''} in {summary.files} file"
                          f"{'s' if summary.files != 1 else ''}\n")
