"""The checkers a language server session holds: one per configuration file, loaded on first
use, started once (LanguageTool stays warm) and dropped when their configuration changes."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Optional

from newslint.configpaths import CONFIG_NAMES, find_config_file

#: File names whose change reloads the configuration.
CONFIG_FILE_NAMES = frozenset(CONFIG_NAMES) | {"pyproject.toml"}


class Checkers:
    """Started :class:`~newslint.checker.Checker` objects by configuration path.

    Every method that loads, runs or stops a checker is called from the language server's one
    checking thread, so a checker is never used by two threads at once.
    """

    def __init__(self, warn=None):
        # Standard output carries the protocol: warnings go to standard error, which
        # editors show in the server's log.
        self._warn = warn or _warn_to_stderr
        self._by_config: dict = {}
        self._lock = threading.Lock()

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

    def loaded(self, path: str):
        """The checker already loaded for ``path``, or None (never loads one)."""
        with self._lock:
            return self._by_config.get(self.config_for(path))

    def watched_files(self) -> set:
        """Files whose change must reload a checker: configurations and dictionary files."""
        out = set()
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


def dictionary_file(checker) -> Optional[str]:
    """The configured ``languagetool.dictionary_file`` as an absolute path, or None."""
    try:
        section = checker.config.section("languagetool")
    except Exception:  # no LanguageTool section registered (the plugin is disabled)
        return None
    name = section.get("dictionary_file") or ""
    if not name:
        return None
    path = Path(name).expanduser()
    return str(path if path.is_absolute() else checker.config.root / path)


def check_document(checker, path: str, text: str):
    """Check one open document exactly as ``newslint check`` checks a file (document and
    corpus rules, suppressions, overlaps); returns its
    :class:`~newslint.engine.FileOutcome`."""
    result = checker.run(["-"], stdin_text=text, stdin_name=path)
    return result.files[0]
