"""The formatter lifecycle (after flake8): ``start``, ``file`` per checked file, ``finish``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass
class Summary:
    files: int = 0
    findings: int = 0
    by_severity: dict = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    errors: int = 0
    exit_code: int = 0


class Formatter:
    """Base class. Subclasses override the three hooks; ``self.stream`` is where output goes.

    ``rules`` maps rule id to rule object for every rule that ran (for formats that describe
    rules, such as SARIF); ``color`` says whether ANSI colour may be used.
    """

    #: Whether the output is a single document that must be written whole (JSON, SARIF).
    whole_document = False

    #: Whether the formatter renders the articles themselves. If so, :meth:`file` is called
    #: with a ``source`` keyword: the file's :class:`~newslint.source.ArticleSource` (None for
    #: a file that could not be read or parsed).
    needs_source = False

    def __init__(self, stream: TextIO, *, color: bool = False, quiet: bool = False,
                 rules: dict | None = None, root: str | None = None):
        self.stream = stream
        self.color = color
        self.quiet = quiet
        self.rules = rules or {}
        self.root = root

    def relative_path(self, path: str) -> str:
        """``path`` from the root (the working directory) in ``/`` form; paths outside the
        root stay as given. Review tools attach findings to files by repository path."""
        root = self.root or os.getcwd()
        relative = os.path.relpath(os.path.abspath(path), root)
        if relative.split(os.sep, 1)[0] == os.pardir:
            return Path(path).as_posix()
        return Path(relative).as_posix()

    def write_json(self, doc) -> None:
        """Write ``doc`` as indented UTF-8 JSON and a final newline."""
        import json  # here, not at the top: the default text format never needs it

        json.dump(doc, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")

    def start(self) -> None:
        """Called once before any file."""

    def file(self, path: str, findings: list, errors: list) -> None:
        """Called once per checked file, in path order, with its sorted findings and errors."""

    def finish(self, summary: Summary) -> None:
        """Called once at the end."""
