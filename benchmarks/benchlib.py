"""Shared pieces of the benchmark scripts: the tools, how to run one, and what is measured.

Every figure comes from a whole process started fresh: wall time from the parent's clock,
CPU time and peak RSS from ``os.wait4`` (the child's own ``rusage``, which includes the
children it waited for). Peak RSS from ``rusage`` is the largest single process; the summed
peak of a whole process tree (newslint's worker processes, a JVM) is sampled from ``/proc`` in
the untimed warm-up run only, so that sampling never slows a timed run.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
CORPUS = BENCH_DIR / "corpus" / "wikinews"
GENERATED = BENCH_DIR / "generated"
RESULTS = BENCH_DIR / "results"
BENCH_HOME = Path(os.environ.get("NEWSLINT_BENCH_HOME",
                                 Path.home() / ".cache" / "newslint-bench"))
BENCH_PY = BENCH_HOME / "bench-venv" / "bin" / "python"

#: The article used for single-file latency (the pre-commit case): a typical length.
SINGLE_ARTICLE = CORPUS / "2019-01-04-magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead.md"

CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


# --------------------------------------------------------------------------------------------
# Inputs


def article_files(path: Path) -> list[Path]:
    """The Markdown articles under ``path`` (a file or a folder), sorted."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.md") if p.name != "ATTRIBUTION.md")


def body(text: str) -> str:
    """Text without YAML front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def count_words(files: list[Path]) -> int:
    return sum(len(_WORD.findall(body(f.read_text(encoding="utf-8")))) for f in files)


@dataclass
class DataSet:
    name: str
    path: Path          # a file or a folder, given to every tool as it is
    files: list[Path]
    words: int
    bytes: int

    @classmethod
    def load(cls, name: str, path: Path) -> "DataSet":
        files = article_files(path)
        if not files:
            raise SystemExit(f"no articles under {path}")
        return cls(name, path, files, count_words(files), sum(f.stat().st_size for f in files))


# --------------------------------------------------------------------------------------------
# Measuring one process


def _proc_children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def tree_rss(pid: int) -> int:
    """Summed resident set size in bytes of ``pid`` and all its descendants."""
    kids = _proc_children()
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(kids.get(p, ()))
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
    return total


def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used so far by a running process (e.g. a server)."""
    with open(f"/proc/{pid}/stat", "rb") as fh:
        stat = fh.read()
    fields = stat[stat.rindex(b")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_rss(pid: int, key: str = "VmRSS") -> int:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return 0


@dataclass
class Run:
    wall: float            # seconds
    cpu: float             # user + system seconds of the process and its waited-for children
    maxrss: int            # bytes, largest single process
    rc: int
    tree_peak: int = 0     # bytes, summed over the process tree (sampled; warm-up only)
    server_cpu: float = 0.0  # CPU seconds spent by a long-running server on this run's behalf
    stdout_bytes: int = 0


def bench_env() -> dict:
    """The environment for measured tools: this one, but letting Python write bytecode.

    With PYTHONDONTWRITEBYTECODE set (some CI images set it) every run of a Python tool
    recompiles its sources; an installed tool's users have .pyc files, so the benchmark does too.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(cmd: list[str], cwd: Optional[Path] = None, sample_tree: bool = False,
             server_pid: Optional[int] = None, env: Optional[dict] = None,
             timeout: float = 3600.0, sample_interval: float = 0.02) -> tuple[Run, str, bytes]:
    """Run ``cmd`` once in a fresh process; stdout and stderr go to temporary files."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        server_before = proc_cpu_seconds(server_pid) if server_pid else 0.0
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env=env if env is not None else bench_env())
        peak = 0
        stop = threading.Event()

        def sample():
            nonlocal peak
            while not stop.is_set():
                try:
                    peak = max(peak, tree_rss(proc.pid))
                except Exception:
                    pass
                stop.wait(sample_interval)

        sampler = threading.Thread(target=sample, daemon=True) if sample_tree else None
        if sampler:
            sampler.start()
        deadline = time.monotonic() + timeout
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, ru = os.wait4(proc.pid, 0)
                break
            time.sleep(0.0005 if time.perf_counter() - t0 < 0.5 else 0.005)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            stop.set()
            sampler.join()
        server_cpu = proc_cpu_seconds(server_pid) - server_before if server_pid else 0.0
        out.seek(0, os.SEEK_END)
        n_out = out.tell()
        out.seek(0)
        head = out.read(200_000)
        err.seek(0)
        stderr = err.read()[-4000:].decode("utf-8", "replace")
    return (Run(wall=wall, cpu=ru.ru_utime + ru.ru_stime, maxrss=ru.ru_maxrss * 1024,
                rc=proc.returncode, tree_peak=peak, server_cpu=server_cpu, stdout_bytes=n_out),
            stderr, head)


# --------------------------------------------------------------------------------------------
# Tools


@dataclass
class Tool:
    key: str
    label: str
    command: Callable[[DataSet], list[str]]
    ok_codes: tuple = (0, 1)
    cwd: Optional[Path] = None
    version: str = ""
    note: str = ""
    server_pid: Optional[int] = None
    env: Optional[dict] = None
    count_findings: Optional[Callable[[bytes], Optional[int]]] = None


_FINDING_LINE = re.compile(rb"^.+?:\d+:\d+:|: line \d+, col \d+,", re.M)


def _lines(out: bytes) -> int:
    """Findings in ``path:line:col: ...`` (or textlint's compact) output."""
    return len(_FINDING_LINE.findall(out))


def find_newslint(explicit: Optional[str] = None) -> str:
    for cand in (explicit, os.environ.get("NEWSLINT"), str(REPO / ".venv" / "bin" / "newslint"),
                 shutil.which("newslint")):
        if cand and os.path.exists(cand):
            return cand
    raise SystemExit("newslint not found: install it (pip install -e .) or pass --newslint PATH")


def instructions(cmd: list[str], cwd=None, env: Optional[dict] = None) -> int:
    """How many machine instructions ``cmd`` executes, counted by valgrind's cachegrind.

    A count, not a time: the same for every run of the same command (string hashing is fixed
    with PYTHONHASHSEED=0), whatever else the machine is doing, where the processor times of
    two runs on a shared machine differ by 20%. About fifteen times slower than the command
    itself. Instructions are not time (a cache miss costs more than an addition), so this
    confirms what the timed rounds say; it does not replace them.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("valgrind not found: it counts the instructions (apt-get install "
                         "valgrind)")
    env = {**(env or bench_env()), "PYTHONHASHSEED": "0"}
    res = subprocess.run([valgrind, "--tool=cachegrind", "--cache-sim=no",
                          "--cachegrind-out-file=/dev/null", *cmd], cwd=cwd, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", res.stderr)
    if found is None or res.returncode not in (0, 1):
        raise SystemExit(f"valgrind failed (exit {res.returncode}): {res.stderr[-800:]}")
    return int(found.group(1).replace(",", ""))


def capture(cmd: list[str], cwd=None) -> str:
    try:
        res = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc.__class__.__name__})"
    return (res.stdout.strip() or res.stderr.strip()).splitlines()[0] if (
        res.stdout.strip() or res.stderr.strip()) else ""


def newslint_tool(exe: str, key: str, label: str, jobs: int, extra: list[str],
                  note: str = "", server_pid: Optional[int] = None) -> Tool:
    def cmd(ds: DataSet) -> list[str]:
        return [exe, "check", str(ds.path), "--no-cache", "--format", "text",
                "--jobs", str(jobs), *extra]
    return Tool(key, label, cmd, version=capture([exe, "--version"]), note=note,
                server_pid=server_pid, count_findings=_lines)


def proselint_tool() -> Optional[Tool]:
    exe = BENCH_HOME / "bench-venv" / "bin" / "proselint"
    if not exe.exists():
        return None
    return Tool("proselint", "proselint", lambda ds: [str(exe), "check", str(ds.path)],
                version=capture([str(exe), "version"]), count_findings=_lines,
                note="all default checks")


def vale_tool() -> Optional[Tool]:
    exe = BENCH_HOME / "go" / "bin" / "vale"
    if not exe.exists():
        return None
    ini = BENCH_DIR / "vale" / ".vale.ini"
    version = _pinned("VALE_VERSION")
    return Tool("vale", "Vale", lambda ds: [str(exe), "--config", str(ini), "--output", "line",
                                             "--no-exit", str(ds.path)],
                version=f"vale {version}", count_findings=_lines,
                note="benchmarks/vale style: 12 rules")


def textlint_tool() -> Optional[Tool]:
    prefix = BENCH_HOME / "textlint"
    exe = prefix / "node_modules" / ".bin" / "textlint"
    if not exe.exists():
        return None
    rc = BENCH_DIR / "textlint" / ".textlintrc.json"
    rules = ", ".join(json.loads(rc.read_text())["rules"])

    def cmd(ds: DataSet) -> list[str]:
        target = str(ds.path) if ds.path.is_file() else str(ds.path / "**" / "*.md")
        return [str(exe), "--config", str(rc), "--format", "compact", target]
    return Tool("textlint", "textlint", cmd, cwd=prefix,
                version=f"textlint {capture([str(exe), '--version'])}",
                note=f"rules: {rules}", count_findings=_lines)


def lt_alone_tool(server_url: str, server_pid: int) -> Optional[Tool]:
    if not BENCH_PY.exists():
        return None
    script = BENCH_DIR / "tools" / "lt_check.py"
    return Tool("languagetool", "LanguageTool alone",
                lambda ds: [str(BENCH_PY), str(script), "--server", server_url, str(ds.path)],
                version="LanguageTool 6.8 via language-tool-python "
                        + capture([str(BENCH_PY), "-c", "import importlib.metadata as m;"
                                   "print(m.version('language-tool-python'))"]),
                note="check() per file against a warm local server; server CPU added",
                server_pid=server_pid,
                count_findings=lambda out: int(out.splitlines()[-1].split(b"\t")[1])
                if out.strip() else None)


def _pinned(var: str) -> str:
    text = (BENCH_DIR / "tools" / "install.sh").read_text()
    m = re.search(rf'^{var}="([^"]+)"', text, re.M)
    return m.group(1) if m else "?"


# --------------------------------------------------------------------------------------------
# LanguageTool server


def lt_lib_dir() -> Optional[Path]:
    for cand in (os.environ.get("NEWSLINT_BENCH_LT_LIB"), BENCH_HOME / "languagetool" / "lib",
                 Path.home() / ".cache" / "newslint" / "lt-test" / "lib"):
        if cand and any(Path(cand).glob("languagetool-server-*.jar")):
            return Path(cand)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LanguageToolServer:
    """A LanguageTool HTTP server on loopback, started and stopped by the benchmark."""

    def __init__(self, lib: Path, heap: str = "1g"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="lt-server-", suffix=".log", delete=False)
        # Without --public the server listens on loopback only.
        self.proc = subprocess.Popen(
            ["java", f"-Xmx{heap}", "-cp", f"{lib}/*", "org.languagetool.server.HTTPServer",
             "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.pid = self.proc.pid

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"LanguageTool server exited; log: {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/v2/languages", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("LanguageTool server did not start in time")

    def warm(self, files: list[Path]) -> None:
        """Check a few articles so the JVM's JIT has compiled the hot paths."""
        import urllib.parse
        for f in files:
            data = urllib.parse.urlencode({"language": "en-US",
                                           "text": body(f.read_text(encoding="utf-8"))}).encode()
            with urllib.request.urlopen(self.url + "/v2/check", data=data, timeout=300) as r:
                r.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --------------------------------------------------------------------------------------------
# Summaries


def median(xs):
    return statistics.median(xs) if xs else None


def summarize(runs: list[Run], warm: Run, ds: DataSet) -> dict:
    walls = [r.wall for r in runs]
    cpus = [r.cpu + r.server_cpu for r in runs]
    wall = median(walls)
    return {
        "runs": len(runs),
        "wall_s": wall,
        "wall_all_s": walls,
        "cpu_s": median(cpus),
        "server_cpu_s": median([r.server_cpu for r in runs]) if runs and runs[0].server_cpu else 0.0,
        "words_per_s": ds.words / wall if wall else None,
        "maxrss_mb": max(r.maxrss for r in runs + [warm]) / 1e6,
        "tree_peak_mb": warm.tree_peak / 1e6 if warm.tree_peak else None,
        "rc": sorted({r.rc for r in runs + [warm]}),
    }


def machine() -> dict:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    osname = platform.platform()
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip().strip('"') + f", Linux {platform.release()}"
    except OSError:
        pass
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem / 2**30, 1), "os": osname,
        "python": platform.python_version(),
        "java": capture(["java", "-version"]),
        "node": capture(["node", "--version"]),
        "go": capture(["go", "version"]),
    }


def fmt_s(x: Optional[float]) -> str:
    if x is None:
        return "-"
    if x < 1:
        return f"{x * 1000:.0f} ms"
    return f"{x:.2f} s"


def fmt_n(x: Optional[float]) -> str:
    if x is None:
        return "-"
    if x >= 1e6:
        return f"{x / 1e6:.2f}M"
    if x >= 1e3:
        return f"{x / 1e3:.1f}k"
    return f"{x:.0f}"


def engine_in_process(paths: list, config: str, select: Optional[str] = None):
    """(engine, files): newslint's checker for ``config`` built in this process, result cache
    off, and the files it would check under ``paths``; for the profiling scripts."""
    import argparse

    import newslint.cli as cli
    from newslint.discovery import discover

    ns = argparse.Namespace(config=config, select=select, extend_select=None, ignore=None)
    checker = cli._setup(ns, Path(paths[0]))
    checker.config.use_cache = False
    engine = checker.engine
    return engine, discover(paths, engine.parsers, checker.config.exclude)
