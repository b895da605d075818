"""Shared fixtures: paths to the repository, the seed article and the Wikinews corpus."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from shared_paths import REPO, SCHEMA, SEED, SHARED, WIKINEWS  # noqa: F401


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.fail(f"the seed article is missing: {SEED}")
    return SEED.read_text(encoding="utf-8")


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code = code
        self.out = out
        self.err = err

    @property
    def json(self) -> dict:
        return json.loads(self.out)

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, err={self.err[-500:]!r})"


@pytest.fixture
def run_cli(monkeypatch):
    """Run ``newslint ARGS`` in-process; returns exit code, stdout and stderr."""
    from newslint.cli import main

    def run(*args, stdin: bytes | None = None, cwd: Path | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", err)
        if stdin is not None:
            fake = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
            monkeypatch.setattr(sys, "stdin", fake)
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        return CliResult(int(code), out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def no_languagetool(monkeypatch, tmp_path):
    """Core tests run without LanguageTool: its own tests exercise the real server."""
    cfg = tmp_path / ".newslint.yaml"
    cfg.write_text("languagetool: off\n", encoding="utf-8")
    return cfg


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (Selenium and chromium-driver) with the network off, for the whole
    session. Skipped when Chromium is not installed, except in CI (``CI=true``), where that
    fails: .ci/run installs it."""
    import os

    import chromium

    why = chromium.missing_message()
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(why, pytrace=False)
        pytest.skip(why)
    driver = chromium.start_driver()
    yield driver
    driver.quit()
