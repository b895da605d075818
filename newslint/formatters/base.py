"""The formatter lifecycle (after flake8): ``start``, ``file`` per checked file, ``finish``."""

from __future__ import annotations

from dataclasses import dataclass, field
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

    def __init__(self, stream: TextIO, *, color: bool = False, quiet: bool = False,
                 rules: dict | None = None, root: str | None = None):
        self.stream = stream
        self.color = color
        self.quiet = quiet
        self.rules = rules or {}
        self.root = root

    def start(self) -> None:
        """Called once before any file."""

    def file(self, path: str, findings: list, errors: list) -> None:
        """Called once per checked file, in path order, with its sorted findings and errors."""

    def finish(self, summary: Summary) -> None:
        """Called once at the end."""
