"""Helpers for the warm server's tests: real `newslint` processes, a real server process.

Each test gets its own runtime folder (so its own socket and server) and stops what it
started. Paths are kept short: a Unix socket's path may not exceed 107 bytes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


class Result:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def __repr__(self) -> str:
        return f"Result(code={self.code}, err={self.err[-800:]!r})"


class Env:
    """Runs `newslint` as a user would, against one runtime folder."""

    def __init__(self, runtime: Path, work: Path):
        self.runtime = runtime
        self.work = work
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("NEWSLINT_SERVER", "CI", "NEWSLINT_SERVER_TIMEOUT")}
        self.env["XDG_RUNTIME_DIR"] = str(runtime)
        self.env.pop("COLUMNS", None)

    @property
    def socket(self) -> Path:
        return self.runtime / "newslint" / "server.sock"

    def run(self, *args, cwd: Path | None = None, stdin: bytes | None = None,
            timeout: float = 300, **extra_env) -> Result:
        env = dict(self.env, **{k: str(v) for k, v in extra_env.items()})
        proc = subprocess.run([sys.executable, "-m", "newslint", *map(str, args)],
                              cwd=cwd or self.work, env=env, input=stdin or b"",
                              capture_output=True, timeout=timeout)
        return Result(subprocess.CompletedProcess(proc.args, proc.returncode,
                                                  proc.stdout.decode(), proc.stderr.decode()))

    def popen(self, *args, cwd: Path | None = None, **extra_env) -> subprocess.Popen:
        env = dict(self.env, **{k: str(v) for k, v in extra_env.items()})
        return subprocess.Popen([sys.executable, "-m", "newslint", *map(str, args)],
                                cwd=cwd or self.work, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)

    def status(self) -> dict:
        """``newslint server status`` parsed into {field: value}; {} when none runs."""
        res = self.run("server", "status")
        if res.code != 0:
            return {}
        fields = {}
        for line in res.out.splitlines()[1:]:
            key, _, value = line.strip().partition(":")
            fields[key.strip()] = value.strip()
        return fields

    def pid(self) -> int | None:
        value = self.status().get("pid")
        return int(value) if value else None

    def stop(self) -> None:
        pid = self.pid()
        self.run("server", "stop")
        if pid:
            try:
                os.kill(pid, signal.SIGCONT)
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def wait_until(predicate, timeout: float = 20.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
