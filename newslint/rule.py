"""Base classes for rules.

A rule is an object with an ``id`` (kebab-case, reads as what it flags), a ``category`` from
:data:`newslint.finding.CATEGORIES`, a default ``severity``, a docstring in ruff's shape
(*What it flags* / *Why it matters* / *Example* / *Instead*) that ``newslint explain`` prints, and
``default_options``: every option the rule accepts with its default value. Configuration is
validated against ``default_options`` (unknown keys and wrong types are errors).

Document rules implement :meth:`DocumentRule.check`. Corpus rules see every document of a run
in two steps so that files can be parsed in parallel processes: :meth:`CorpusRule.collect` runs
next to the document (in a worker) and returns a small picklable summary, and
:meth:`CorpusRule.finish` runs once in the main process over all summaries.
"""

from __future__ import annotations

import inspect
from typing import Any, Iterable, Mapping

from newslint.finding import Match


class Rule:
    id: str = ""
    category: str = "style"
    severity: str = "warning"
    #: Rules that are off unless selected or enabled in config (opt-in style packs).
    default_enabled: bool = True
    #: Every option and its default; types are taken from the defaults.
    default_options: Mapping[str, Any] = {}
    #: "newslint" for native rules; the engine's name for wrappers (e.g. "languagetool").
    source: str = "newslint"
    #: Where the rule comes from, shown by ``newslint rules`` (plugin or pack name).
    origin: str = "newslint"
    #: True when findings carry their own ids below ``id + "/"`` (LanguageTool).
    dynamic_ids: bool = False
    #: False when :meth:`start` found the rule cannot work this run (no LanguageTool server):
    #: it then checks nothing and does not count as having run (baselines, SARIF).
    available: bool = True
    #: False for rules about the writer's own wording (style, doubled words): their matches
    #: inside quoted speech and interviewees' answers are dropped (newslint.filters.verbatim).
    checks_speech: bool = True
    #: True for rules that only make sense in English: matches in passages of another
    #: language are dropped.
    english_only: bool = False

    @property
    def doc(self) -> str:
        """The rule's documentation: its class docstring, dedented."""
        return inspect.cleandoc(type(self).__doc__ or "")

    @property
    def summary(self) -> str:
        """First line of the documentation."""
        doc = self.doc
        return doc.splitlines()[0] if doc else self.id

    def help_text(self) -> str:
        """The documentation plus the options: what ``newslint explain`` and SARIF show."""
        text = self.doc
        if self.default_options:
            text += "\n\n## Options\n" + "\n".join(
                f"- `{key}` (default: {value!r})" for key, value in self.default_options.items())
        return text

    def start(self, context: "RunContext") -> None:  # pragma: no cover - default no-op
        """Called once in the main process before any document is checked.

        Rules that need a run-wide resource (a server, a cache) acquire it here. State set here
        must survive a ``fork`` (worker processes inherit it).
        """

    def stop(self) -> None:  # pragma: no cover - default no-op
        """Called once in the main process when the run ends, also on errors and Ctrl-C."""


class DocumentRule(Rule):
    scope = "document"

    def check(self, doc, options: Mapping[str, Any]) -> Iterable[Match]:
        """Return matches for one :class:`~newslint.document.Document`."""
        raise NotImplementedError


class CorpusRule(Rule):
    scope = "corpus"

    def collect(self, doc, options: Mapping[str, Any]) -> Any:
        """Summarise one document (picklable); runs where the document was parsed."""
        raise NotImplementedError

    def finish(self, items: list, options: Mapping[str, Any]) -> Iterable[Match]:
        """Report across documents.

        ``items`` is a list of ``(doc_info, summary)`` in run order, where ``doc_info`` is a
        :class:`DocInfo`. Every returned :class:`Match` must carry a resolved ``span``.
        """
        raise NotImplementedError


class DocInfo:
    """What a corpus rule knows about a document after it has been parsed elsewhere."""

    __slots__ = ("path", "pub_date", "order")

    def __init__(self, path: str, pub_date, order: int):
        self.path = path
        self.pub_date = pub_date
        self.order = order

    def __repr__(self) -> str:
        return f"DocInfo({self.path!r}, {self.pub_date!r}, {self.order})"


class RunContext:
    """Run-wide facts handed to :meth:`Rule.start`."""

    def __init__(self, config, rule_options: Mapping[str, Any], warn, jobs: int = 1,
                 notice=None):
        self.config = config
        self.options = rule_options
        #: ``warn(message)`` prints one warning line on stderr (the engine owns the stream).
        self.warn = warn
        self.jobs = jobs
        #: ``notice(message)`` tells a person at a terminal what a long wait is for; it prints
        #: nothing when the output is not a terminal.
        self.notice = notice or (lambda message: None)
