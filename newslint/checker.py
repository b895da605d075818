"""The one way in: a :class:`Checker` holds what is loaded once for a configuration.

Every front door drives the same object: the command line builds one per run, a long-lived
process (a server, a language server, a cluster worker) builds one per configuration it serves
and reuses it warm. A checker owns the effective configuration, the plugin manager, the engine
(parsers, rules, packs, their options and run-wide resources) and the formatters; none of the
front doors wires rules to parsers itself.

Life cycle: :meth:`Checker.load`, then :meth:`start` (run-wide resources such as a LanguageTool
server), any number of :meth:`check_text` or :meth:`run` calls, then :meth:`stop`. The checker is
also a context manager that starts and stops itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

from newslint.exitcodes import ExitCode
from newslint.finding import SEVERITY_RANK


class Checker:
    """Configuration, plugins, rules and formatters, loaded once and reused."""

    def __init__(self, config, pm, engine):
        self.config = config
        self.pm = pm
        self.engine = engine
        self._formatters: Optional[dict] = None
        self._jobs = 0

    @classmethod
    def load(cls, *, config_file: Optional[Path] = None, start: Optional[Path] = None,
             select: Optional[Sequence[str]] = None,
             extend_select: Optional[Sequence[str]] = None,
             ignore: Optional[Sequence[str]] = None,
             warn: Optional[Callable[[str], None]] = None,
             notice: Optional[Callable[[str], None]] = None) -> "Checker":
        """Find and validate the configuration, load plugins, build the engine.

        ``config_file`` names the configuration; without it the nearest one upward from
        ``start`` (default: the working directory) is used. ``select`` replaces the configured
        selection; ``extend_select`` and ``ignore`` add to it (the command line's flags).
        ``warn`` prints a warning line, ``notice`` a note for a terminal (a long wait).
        Raises :class:`~newslint.errors.ConfigError` for a bad configuration.
        """
        from newslint.config import find_config, load_config
        from newslint.engine import Engine
        from newslint.filters.selection import Selection
        from newslint.plugins import build_plugin_manager

        path = config_file if config_file is not None else find_config(start or Path.cwd())
        config = load_config(path)
        configured = {key: list(config.values[key]) for key in ("select", "extend_select",
                                                                 "ignore")}
        if select is not None:
            config.values["select"] = list(select)
        if extend_select:
            config.values["extend_select"] = config.values["extend_select"] + list(extend_select)
        if ignore:
            config.values["ignore"] = config.values["ignore"] + list(ignore)
        config.warn = warn
        pm = build_plugin_manager(cache_dir=config.cache_dir_or_none, warn=warn)
        declared: dict = {}
        for sections in pm.hook.newslint_config_sections():
            declared.update(sections or {})
        config.apply_sections(declared)
        overrides = {rid: e["enabled"] for rid, e in config.values["rules"].items()
                     if isinstance(e, dict) and "enabled" in e}
        selection = Selection(config.select, config.extend_select, config.ignore, overrides)
        engine = Engine(config, pm, selection, config.date, warn=warn, notice=notice)
        _check_selection(engine.rules.values(), configured, config.where,
                         {"select": select, "extend_select": extend_select, "ignore": ignore})
        return cls(config, pm, engine)

    # -- what it holds ------------------------------------------------------------------------
    @property
    def rules(self) -> dict:
        """Every registered rule by id (on or off)."""
        return self.engine.rules

    @property
    def active(self) -> list:
        """The rules this configuration runs."""
        return self.engine.active

    @property
    def parsers(self) -> dict:
        """Parser functions by lower-case file suffix."""
        return self.engine.parsers

    @property
    def formatters(self) -> dict:
        """Formatter classes by name (built-in and from plugins)."""
        if self._formatters is None:
            self._formatters = {}
            for mapping in self.pm.hook.newslint_register_formatters():
                self._formatters.update(mapping or {})
        return self._formatters

    # -- life cycle ---------------------------------------------------------------------------
    def start(self, jobs: int = 1) -> "Checker":
        """Acquire run-wide resources (a LanguageTool server) for ``jobs`` processes."""
        try:
            self.engine.start(jobs)
        except BaseException:
            self.engine.stop()  # what started before the failure
            raise
        self._jobs = jobs
        return self

    def stop(self) -> None:
        """Release what :meth:`start` acquired; safe to call twice."""
        self.engine.stop()

    def __enter__(self) -> "Checker":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- checking -----------------------------------------------------------------------------
    def check_text(self, path: str, text: str, suffix: Optional[str] = None):
        """Check one document held in memory; returns its
        :class:`~newslint.engine.FileOutcome` (per-document rules; corpus rules' summaries are
        in ``outcome.corpus``)."""
        return self.engine.check_file(path, text, suffix)

    def run(self, paths: list, *, jobs: Optional[int] = None, progress=None,
            stdin_text: Optional[str] = None, stdin_name: Optional[str] = None,
            keep_source: bool = False, dates: Optional[dict] = None, executor=None):
        """Check files (``"-"`` stands for ``stdin_text``, parsed as ``stdin_name``), corpus
        rules included; returns a :class:`~newslint.engine.RunResult`. With ``keep_source``
        each outcome also carries its :class:`~newslint.source.ArticleSource` (for a
        formatter whose ``needs_source`` is true). ``dates`` gives publication dates by path
        for articles that carry none in their text (an archive export); ``--date`` wins.
        ``executor`` runs the per-document work elsewhere (a Dask cluster:
        :class:`~newslint.archive.dask_executor.DaskExecutor`); the corpus rules still finish
        here."""
        import os

        self.engine.keep_source = keep_source
        self.engine.dates = dict(dates or {})

        stdin_meta = (stdin_name, os.path.splitext(stdin_name)[1]) if stdin_name else None
        return self.engine.run(paths, jobs=jobs or self._jobs or 1, progress=progress,
                               stdin_text=stdin_text, stdin_suffix=stdin_meta,
                               executor=executor)


def exit_code(outcomes: list, extra_errors: list, fail_on: str) -> ExitCode:
    """The run's exit code (see :class:`~newslint.exitcodes.ExitCode`)."""
    threshold = SEVERITY_RANK[fail_on]
    internal = failing = False
    for fo in outcomes:
        for f in fo.findings:
            if f.rule == "internal-error":
                internal = True
            elif SEVERITY_RANK[f.severity] >= threshold:
                failing = True
    errors = list(extra_errors) + [e for fo in outcomes for e in fo.errors]
    if internal or any(e.kind == "internal" for e in errors):
        return ExitCode.INTERNAL
    if errors:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if failing else ExitCode.OK


def summarize(outcomes: list, extra_errors: list, fail_on: str):
    """The :class:`~newslint.formatters.base.Summary` every formatter finishes with."""
    from newslint.formatters.base import Summary

    summary = Summary(files=len(outcomes))
    for fo in outcomes:
        for f in fo.findings:
            summary.findings += 1
            summary.by_severity[f.severity] += 1
    summary.errors = len(extra_errors) + sum(len(fo.errors) for fo in outcomes)
    summary.exit_code = int(exit_code(outcomes, extra_errors, fail_on))
    return summary


def _check_selection(rules, configured: dict, where: str, flags: dict) -> None:
    """Every ``select``/``extend_select``/``ignore`` entry, from the file or a flag, must name
    something that exists."""
    from newslint.filters.selection import check_entries

    for key, entries in configured.items():
        check_entries(entries, rules, f"{where}: {key}")
    for key, entries in flags.items():
        check_entries(entries or (), rules, "--" + key.replace("_", "-"))
