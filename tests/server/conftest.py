"""Fixtures for the warm server's tests (see server_helpers)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from server_helpers import Env


@pytest.fixture
def server_env(tmp_path):
    runtime = Path(tempfile.mkdtemp(prefix="nls-"))
    os.chmod(runtime, 0o700)
    work = tmp_path / "work"
    work.mkdir()
    env = Env(runtime, work)
    yield env
    env.stop()
    shutil.rmtree(runtime, ignore_errors=True)
