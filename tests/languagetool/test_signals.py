"""SIGTERM to a ``--jobs 2`` run with LanguageTool: the whole run stops, nothing is left
running, no temporary file is left, and the previous ``--output`` report is intact."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from process_tree import descendants, is_java, running
from shared_paths import WIKINEWS


@pytest.mark.languagetool
def test_sigterm_stops_the_whole_run(lt_installation, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    sources = sorted(WIKINEWS.glob("*.md"))[:30]
    assert len(sources) >= 10
    for i in range(3):  # enough work that the run is still going when the signal comes
        for src in sources:
            shutil.copy(src, articles / f"{i}-{src.name}")
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    report = tmp_path / "report.txt"
    report.write_text("the previous report\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(
        f"languagetool:\n  mode: required\n  home: {lt_installation.directory}\n"
        f"  startup_timeout: 180\n", encoding="utf-8")
    env = dict(os.environ, TMPDIR=str(private_tmp), NEWSLINT_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "--no-server", "--no-cache", "--jobs", "2",
         "--config", str(tmp_path / ".newslint.yaml"), "--output", str(report), str(articles)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen: set[int] = set()
    deadline = time.monotonic() + 240
    # Wait until the run is in full swing: the JVM and both workers are up.
    while time.monotonic() < deadline and proc.poll() is None:
        seen |= descendants(proc.pid)
        workers = [p for p in seen if running(p) and not is_java(p)]
        if any(is_java(p) for p in seen) and len(workers) >= 2:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the run ended before the signal"
    time.sleep(1.0)
    seen |= descendants(proc.pid)
    signalled = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    took = time.monotonic() - signalled
    print(f"stopped {took:.2f} s after SIGTERM")  # measured, not asserted (shared machine)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"Traceback" not in err and b"terminated" in err
    time.sleep(0.5)
    assert [p for p in seen if running(p)] == []
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(os.listdir(private_tmp)) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".report")) == []
