"""Where a language server session checks a document: on the warm server (``newslint server``)
when one runs or the configuration asks for one, else on its own checkers, one per
configuration file, loaded on first use, started once (LanguageTool stays warm) and dropped
when their configuration changes. Either way the same function makes the report:
:func:`newslint.lsp.report.document_report` on a :class:`~newslint.checker.Checker`."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from newslint.configpaths import CONFIG_NAMES, find_config_file
from newslint.errors import NewslintError
from newslint.lsp.report import Report, dictionary_file, document_report, problem_report

#: File names whose change reloads the configuration.
CONFIG_FILE_NAMES = frozenset(CONFIG_NAMES) | {"pyproject.toml"}


class Checkers:
    """Started :class:`~newslint.checker.Checker` objects by configuration path.

    Every method that loads, runs or stops a checker is called from the language server's one
    checking thread, so a checker is never used by two threads at once.
    """

    def __init__(self, warn=None, use_server: bool = True):
        # Standard output carries the protocol: warnings go to standard error, which
        # editors show in the server's log.
        self._warn = warn or _warn_to_stderr
        self._by_config: dict = {}
        self._lock = threading.Lock()
        self.use_server = use_server
        #: Dictionary files the warm server's reports named (their edits reload).
        self._served_files: set = set()

    def report(self, path: str, text: str) -> Report:
        """Check the document ``text`` at ``path``: through the warm server when the
        configuration's ``server`` mode (or ``NEWSLINT_SERVER``) lets it and one answers
        (``auto`` starts one when the document needs LanguageTool, as ``newslint check``
        does), else with this session's own checker."""
        key = self.config_for(path)
        if self.use_server:
            from newslint.server.client import ServerUnavailable, document_through_server

            try:
                data = document_through_server(path, text, key or None)
            except ServerUnavailable as exc:
                return Report(problem_report(str(exc)))
            if data is not None:
                self._drop(key)  # the warm server's checker serves this configuration
                if key:
                    self._served_files.add(os.path.realpath(key))
                if data["dictionary_file"]:
                    self._served_files.add(os.path.realpath(data["dictionary_file"]))
                return Report(data)
        try:
            return Report(document_report(self.get(path), path, text))
        except NewslintError as exc:
            return Report(problem_report(str(exc)))

    def _drop(self, key: str) -> None:
        with self._lock:
            checker = self._by_config.pop(key, None)
        if checker is not None:
            checker.stop()

    def config_for(self, path: str) -> str:
        """The configuration file for a document ("" for the defaults)."""
        return find_config_file(os.path.dirname(path) or ".") or ""

    def get(self, path: str):
        """The started checker for the document at ``path``; raises
        :class:`~newslint.errors.ConfigError` for a bad configuration."""
        from newslint.checker import Checker

        key = self.config_for(path)
        with self._lock:
            checker = self._by_config.get(key)
        if checker is None:
            checker = Checker.load(config_file=Path(key) if key else None,
                                   start=Path(os.path.dirname(path) or "."), warn=self._warn)
            checker.start(1)
            with self._lock:
                self._by_config[key] = checker
        return checker

    def watched_files(self) -> set:
        """Files whose change must reload a checker: configurations and dictionary files."""
        out = set(self._served_files)
        with self._lock:
            checkers = dict(self._by_config)
        for key, checker in checkers.items():
            if key:
                out.add(os.path.realpath(key))
            dictionary = dictionary_file(checker)
            if dictionary:
                out.add(os.path.realpath(dictionary))
        return out

    def drop_all(self) -> None:
        """Stop and forget every checker: the next check loads the configuration afresh."""
        with self._lock:
            checkers = list(self._by_config.values())
            self._by_config.clear()
        for checker in checkers:
            checker.stop()


def _warn_to_stderr(message: str) -> None:
    import sys

    sys.stderr.write(f"newslint: warning: {message}\n")
    sys.stderr.flush()
