"""LanguageTool killed mid-run with ``--jobs 2``, and signals while it runs or starts: one
server for the whole run (restarted once, by the main process), clear per-file errors after a
second death, nothing left running (read from the process tree) and no temporary file left."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest

from process_tree import descendants, is_java, java_port, parent, running
from shared_paths import WIKINEWS

FAILED = "LanguageTool failed, this file was not checked for grammar"


class Run:
    """``newslint check --jobs 2`` over copies of the Wikinews corpus, watched from outside."""

    def __init__(self, tmp_path, lt_installation, copies: int, startup_timeout: int = 180):
        articles = tmp_path / "articles"
        articles.mkdir()
        sources = sorted(WIKINEWS.glob("*.md"))[:30]
        assert len(sources) >= 10
        for i in range(copies):
            for src in sources:
                shutil.copy(src, articles / f"{i}-{src.name}")
        self.tmp = tmp_path / "tmp"
        self.tmp.mkdir()
        config = tmp_path / ".newslint.yaml"
        config.write_text(
            f"languagetool:\n  mode: required\n  home: {lt_installation.directory}\n"
            f"  startup_timeout: {startup_timeout}\n", encoding="utf-8")
        env = dict(os.environ, TMPDIR=str(self.tmp), NEWSLINT_CACHE_DIR=str(tmp_path / "cache"))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newslint", "check", "--no-server", "--no-cache", "--jobs",
             "2", "--config", str(config), str(articles)],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.seen: set[int] = set()
        #: Every JVM seen during the run, with the process that started it.
        self.javas: dict[int, int] = {}

    def look(self) -> None:
        for pid in descendants(self.proc.pid):
            self.seen.add(pid)
            # Looked at again each time: a child seen between fork and exec is not java yet.
            if pid not in self.javas and is_java(pid):
                self.javas[pid] = parent(pid)

    def wait_for(self, condition, what: str, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"the run ended while waiting for {what}"
            self.look()
            if condition():
                return
            time.sleep(0.1)
        self.proc.kill()
        out, err = self.proc.communicate()
        pytest.fail(f"timed out waiting for {what}; JVMs {self.javas}; the run said:\n"
                    f"{err.decode()[-2000:]}\n{out.decode()[-2000:]}")

    def serving_java(self, exclude=()) -> int:
        """Wait until a JVM of the run (not one in ``exclude``) listens; its process id."""
        found: list[int] = []

        def answers() -> bool:
            for pid in self.javas:
                if pid in exclude or not running(pid):
                    continue
                # Listening is enough: LanguageTool opens its port once it has loaded, and a
                # health check can wait behind the workers' requests on a busy machine.
                try:
                    socket.create_connection(("127.0.0.1", java_port(pid)), timeout=1).close()
                    ok = True
                except OSError:
                    ok = False
                if ok:
                    found.append(pid)
                    return True
            return False

        self.wait_for(answers, "LanguageTool to listen")
        return found[0]

    def terminate(self) -> None:
        """SIGTERM to the main process: it ends at once (the issue's contract is 2 s; 5 s
        leaves room for a busy machine), with exit 143 and one line, no traceback."""
        self.look()
        self.proc.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        out, err = self.proc.communicate(timeout=60)
        took = time.monotonic() - signalled
        assert self.proc.returncode == 128 + signal.SIGTERM, err
        assert b"Traceback" not in err and b"terminated" in err
        assert took < 5.0, f"stopped {took:.1f} s after SIGTERM"

    def workers(self) -> list[int]:
        return [p for p in self.seen if running(p) and not is_java(p)]

    def nothing_left(self) -> None:
        time.sleep(0.5)
        assert [p for p in self.seen if running(p)] == []
        assert sorted(os.listdir(self.tmp)) == []


@pytest.mark.languagetool
def test_killed_twice_with_jobs_2_one_restart_then_clear_errors(lt_installation, tmp_path):
    run = Run(tmp_path, lt_installation, copies=10)
    first = run.serving_java()
    run.wait_for(lambda: len(run.workers()) >= 2, "both workers")
    time.sleep(2.0)  # requests in flight from both workers
    os.kill(first, signal.SIGKILL)
    second = run.serving_java(exclude={first})
    time.sleep(1.0)
    os.kill(second, signal.SIGKILL)
    time.sleep(3.0)  # long enough for a worker to start a JVM of its own, if it would
    run.look()
    out, err = run.proc.communicate(timeout=300)
    out, err = out.decode(), err.decode()
    # One server for the run, replaced once, both by the main process, never by a worker.
    assert sorted(run.javas) == sorted({first, second}), run.javas
    assert set(run.javas.values()) == {run.proc.pid}
    assert run.proc.returncode == 2, err
    assert "Traceback" not in out + err
    failed = [line for line in out.splitlines() if FAILED in line]
    assert failed, out[-2000:]
    for line in failed:  # each names its file and the reason
        assert line.startswith(str(tmp_path / "articles")) or \
            line.startswith(os.path.join("articles", "")), line
        assert "LanguageTool stopped again after a restart" in line, line
    assert len(failed) < 300  # the files checked before the second death have no error
    run.nothing_left()


@pytest.mark.languagetool
def test_killed_once_then_sigterm_with_jobs_2(lt_installation, tmp_path):
    run = Run(tmp_path, lt_installation, copies=10)
    first = run.serving_java()
    run.wait_for(lambda: len(run.workers()) >= 2, "both workers")
    time.sleep(2.0)
    os.kill(first, signal.SIGKILL)
    second = run.serving_java(exclude={first})
    time.sleep(1.0)
    run.terminate()
    assert sorted(run.javas) == sorted({first, second}), run.javas
    assert set(run.javas.values()) == {run.proc.pid}
    run.nothing_left()


@pytest.mark.languagetool
def test_sigterm_while_languagetool_starts(lt_installation, tmp_path):
    run = Run(tmp_path, lt_installation, copies=2)
    run.wait_for(lambda: run.javas, "the JVM to be started")
    java = next(iter(run.javas))
    time.sleep(0.5)
    assert running(java)
    run.terminate()
    run.nothing_left()
