#!/usr/bin/env python3
"""newslint through its warm server against local runs, Vale and proselint, in one measurement.

    python benchmarks/bench_server.py [--rounds 11] [--lt-rounds 7] [--hook-rounds 3]
                                      [--skip lt,hook,corpus] [--json FILE]

Whole processes, started fresh, in alternating order within each round (so a noisy machine
slows every tool alike); medians of the timed rounds after one untimed warm-up, and the median
of the per-round ratios. Four parts:

1. one article (the benchmarks' single article), LanguageTool off: Vale (the Newsroom style in
   ``benchmarks/vale``), proselint, newslint through a warm server, newslint in-process;
2. the same article with LanguageTool on, one paragraph changed before every run (the editor
   and pre-commit case): proselint, newslint through the warm server, newslint in-process
   (a JVM started per run, only that paragraph sent to it; the rest is in the paragraph cache);
3. the repository's real pre-commit hook (``.pre-commit-hooks.yaml``, installed by pre-commit
   from this commit) on a repository of articles with one changed article, LanguageTool on:
   ``NEWSLINT_SERVER=off`` (before) against the warm server (after);
4. the server's resident memory, and its LanguageTool's, after checking the 295 Wikinews
   articles with LanguageTool (an empty paragraph cache, so every paragraph reaches it).

Vale and proselint come from ``benchmarks/tools/install.sh vale proselint``; pre-commit from
the benchmark venv (``pip install pre-commit`` there). The server runs in a runtime folder of
its own and is stopped at the end. Exits 0 whatever the figures are: a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def median(xs):
    return statistics.median(xs) if xs else None


def ms(seconds) -> str:
    return "—" if seconds is None else (f"{seconds * 1000:.0f} ms" if seconds < 1
                                        else f"{seconds:.1f} s")


class Bench:
    def __init__(self, work: Path, newslint: str):
        self.work = work
        self.newslint = newslint
        runtime = Path(tempfile.mkdtemp(prefix="nlb-"))
        os.chmod(runtime, 0o700)
        self.runtime = runtime
        self.env = bl.bench_env()
        for key in ("CI", "NEWSLINT_SERVER"):
            self.env.pop(key, None)
        self.env["XDG_RUNTIME_DIR"] = str(runtime)
        home = subprocess.run([newslint, "languagetool", "path"], capture_output=True,
                              text=True, env=self.env).stdout.strip()
        # A paragraph cache of its own (nothing answered from an earlier benchmark), and the
        # LanguageTool installed in the usual cache directory.
        self.lt_config = (f"cache_dir: .cache\nlanguagetool:\n  mode: required\n"
                          f"  home: {home}\n")

    def timed(self, cmd, cwd=None, env=None) -> float:
        run, stderr, _ = bl.run_once(cmd, cwd=cwd or self.work, env=env or self.env)
        if run.rc not in (0, 1):
            sys.exit(f"{' '.join(map(str, cmd))} failed ({run.rc}): {stderr.strip()[-2000:]}")
        return run.wall

    def server(self, *args) -> str:
        return subprocess.run([self.newslint, "server", *args], cwd=self.work, env=self.env,
                              capture_output=True, text=True, timeout=900).stdout

    def server_pids(self) -> tuple:
        fields = {}
        for line in self.server("status").splitlines()[1:]:
            key, _, value = line.strip().partition(":")
            fields[key] = value.strip()
        lt = fields.get("languagetool", "")
        lt_pid = int(lt.split("pid ")[1].split(",")[0]) if "pid " in lt else None
        return (int(fields["pid"]) if "pid" in fields else None), lt_pid

    def stop(self) -> None:
        self.server("stop")
        shutil.rmtree(self.runtime, ignore_errors=True)


def alternate(rounds: int, tools: dict, before_each=None) -> dict:
    """{name: [wall, ...]}: one untimed warm-up round, then ``rounds`` rounds, each running
    every tool once in turn (the order rotating each round)."""
    walls = {name: [] for name in tools}
    names = list(tools)
    for r in range(rounds + 1):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            if before_each:
                before_each(name, r)
            wall = tools[name]()
            if r:
                walls[name].append(wall)
    return walls


def ratios(walls: dict, numerator: str, denominator: str):
    return median([a / b for a, b in zip(walls[numerator], walls[denominator])])


def part_single_no_lt(bench: Bench, article: Path, rounds: int) -> dict:
    vale = bl.vale_tool()
    prose = bl.proselint_tool()
    if vale is None or prose is None:
        sys.exit("Vale and proselint are needed: bash benchmarks/tools/install.sh vale proselint")
    ds = bl.DataSet.load("single", article)
    folder = bench.work / "single"
    folder.mkdir()
    (folder / ".newslint.yaml").write_text("languagetool: off\n")
    shutil.copy(article, folder / article.name)
    nl = [bench.newslint, "check", article.name]
    bench.server("start")
    tools = {
        "Vale": lambda: bench.timed(vale.command(ds), cwd=folder),
        "proselint": lambda: bench.timed(prose.command(ds), cwd=folder),
        "newslint, warm server": lambda: bench.timed(nl, cwd=folder),
        "newslint, in-process": lambda: bench.timed(nl + ["--no-server"], cwd=folder),
    }
    walls = alternate(rounds, tools)
    return {"walls": walls, "words": ds.words,
            "server/Vale": ratios(walls, "newslint, warm server", "Vale"),
            "server/proselint": ratios(walls, "newslint, warm server", "proselint"),
            "in-process/server": ratios(walls, "newslint, in-process", "newslint, warm server")}


def _change_paragraph(path: Path, original: str, stamp: str) -> None:
    """One body paragraph reworded, differently each time: LanguageTool must check it."""
    parts = original.split("\n\n")
    body = [i for i, p in enumerate(parts) if len(p) > 200 and not p.startswith(("---", "#"))]
    k = body[len(body) // 2]
    parts[k] = parts[k] + f" Officials said they would meet again on day {stamp}."
    path.write_text("\n\n".join(parts), encoding="utf-8")


def part_single_lt(bench: Bench, article: Path, rounds: int) -> dict:
    prose = bl.proselint_tool()
    folder = bench.work / "single-lt"
    folder.mkdir()
    (folder / ".newslint.yaml").write_text(bench.lt_config)
    target = folder / article.name
    original = article.read_text(encoding="utf-8")
    target.write_text(original, encoding="utf-8")
    ds = bl.DataSet.load("single", target)
    bench.server("stop")
    t0 = time.perf_counter()
    bench.server("start")  # in the directory of this configuration: LanguageTool warm
    start = time.perf_counter() - t0
    nl = [bench.newslint, "check", article.name]
    counter = iter(range(10_000))
    tools = {
        "proselint": lambda: bench.timed(prose.command(ds), cwd=folder),
        "newslint + LanguageTool, warm server": lambda: bench.timed(nl, cwd=folder),
        "newslint + LanguageTool, in-process": lambda: bench.timed(nl + ["--no-server"],
                                                                   cwd=folder),
    }

    def before_each(name, _round):
        if name.startswith("newslint"):
            _change_paragraph(target, original, f"{next(counter)}")

    walls = alternate(rounds, tools, before_each)
    return {"walls": walls, "server_start": start,
            "server/proselint": ratios(walls, "newslint + LanguageTool, warm server",
                                       "proselint"),
            "in-process/server": ratios(walls, "newslint + LanguageTool, in-process",
                                        "newslint + LanguageTool, warm server")}


def part_hook(bench: Bench, rounds: int) -> dict:
    pre_commit = bl.BENCH_HOME / "bench-venv" / "bin" / "pre-commit"
    if not pre_commit.exists():
        sys.exit(f"pre-commit is needed: {bl.BENCH_HOME}/bench-venv/bin/pip install pre-commit")
    rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True,
                         text=True, check=True).stdout.strip()
    repo = bench.work / "articles"
    repo.mkdir()
    articles = sorted(bl.CORPUS.glob("2019-*.md"))[:20]
    for a in articles:
        shutil.copy(a, repo / a.name)
    (repo / ".newslint.yaml").write_text(bench.lt_config)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {REPO}\n  rev: {rev}\n  hooks:\n  - id: newslint\n")
    env = dict(bench.env, PRE_COMMIT_HOME=str(bl.BENCH_HOME / "pre-commit"))
    git = ["git", "-C", str(repo), "-c", "user.name=bench", "-c", "user.email=b@example.org"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "articles"], check=True)
    # Builds the hook's environment from this commit (once; cached in PRE_COMMIT_HOME).
    subprocess.run([str(pre_commit), "install-hooks"], cwd=repo, env=env, check=True)
    target = repo / articles[0].name
    original = target.read_text(encoding="utf-8")
    counter = iter(range(10_000))
    hook = [str(pre_commit), "run"]  # the hook on what is staged: one changed article
    tools = {
        "pre-commit hook, NEWSLINT_SERVER=off": lambda: bench.timed(
            hook, cwd=repo, env=dict(env, NEWSLINT_SERVER="off")),
        "pre-commit hook, warm server": lambda: bench.timed(hook, cwd=repo, env=env),
    }

    def before_each(_name, _round):
        _change_paragraph(target, original, f"{next(counter)}")
        subprocess.run(git + ["add", target.name], check=True)

    walls = alternate(rounds, tools, before_each)
    # The hook's newslint is another installation: it started a server of its own, which
    # replaced the benchmark's. Stop it through the hook's own newslint.
    hook_newslint = sorted((bl.BENCH_HOME / "pre-commit").glob("repo*/py_env-*/bin/newslint"))
    for exe in hook_newslint:
        subprocess.run([str(exe), "server", "stop"], env=bench.env, capture_output=True)
    return {"walls": walls,
            "before/after": ratios(walls, "pre-commit hook, NEWSLINT_SERVER=off",
                                   "pre-commit hook, warm server")}


def part_corpus_memory(bench: Bench) -> dict:
    folder = bench.work / "corpus"
    folder.mkdir()
    (folder / ".newslint.yaml").write_text(bench.lt_config)
    shutil.copytree(bl.CORPUS, folder / "wikinews")
    bench.server("stop")
    bench.server("start")
    pid, lt_pid = bench.server_pids()
    before = (bl.proc_rss(pid), bl.proc_rss(lt_pid) if lt_pid else 0)
    wall = bench.timed([bench.newslint, "check", "wikinews", "--quiet"], cwd=folder)
    pid, lt_pid = bench.server_pids()
    after = (bl.proc_rss(pid), bl.proc_rss(lt_pid) if lt_pid else 0)
    peak = (bl.proc_rss(pid, "VmHWM"), bl.proc_rss(lt_pid, "VmHWM") if lt_pid else 0)
    again = bench.timed([bench.newslint, "check", "wikinews", "--quiet"], cwd=folder)
    return {"files": len(list((folder / "wikinews").glob("*.md"))), "wall": wall,
            "wall_again": again, "rss_before": before, "rss_after": after, "rss_peak": peak,
            "status": bench.server("status")}


def report(results: dict) -> str:
    out = [f"# newslint's warm server ({results['when']}, commit {results['commit']})", "",
           f"Machine: {results['machine']}; load average {results['load'][0]} at the start, "
           f"{results['load'][1]} at the end.", ""]

    def table(part: dict, title: str) -> None:
        out.extend([f"## {title}", "", "| run | median wall | runs |", "| --- | ---: | ---: |"])
        for name, walls in part["walls"].items():
            out.append(f"| {name} | {ms(median(walls))} | {len(walls)} |")
        out.append("")

    if "single" in results:
        p = results["single"]
        table(p, f"One article ({p['words']} words), LanguageTool off")
        out.append(f"Median per-round ratios: warm server / Vale **{p['server/Vale']:.2f}**, "
                   f"warm server / proselint **{p['server/proselint']:.2f}**, in-process / "
                   f"warm server {p['in-process/server']:.1f}.\n")
    if "single_lt" in results:
        p = results["single_lt"]
        table(p, "One article, LanguageTool on, one paragraph changed before each run")
        out.append(f"Median per-round ratios: warm server / proselint "
                   f"**{p['server/proselint']:.2f}**, in-process / warm server "
                   f"{p['in-process/server']:.1f}. `newslint server start` (JVM start and "
                   f"LanguageTool's first check) took {ms(p['server_start'])}.\n")
    if "hook" in results:
        p = results["hook"]
        table(p, "The pre-commit hook, one changed article of 20, LanguageTool on")
        out.append(f"Median per-round ratio before / after: **{p['before/after']:.1f}**.\n")
    if "corpus" in results:
        p = results["corpus"]
        mb = [f"{x / 1e6:.0f} MB" for x in p["rss_after"]]
        peak = [f"{x / 1e6:.0f} MB" for x in p["rss_peak"]]
        out.extend([f"## Memory after {p['files']} articles with LanguageTool", "",
                    f"Checked in {ms(p['wall'])} through the server (every paragraph sent to "
                    f"LanguageTool), again in {ms(p['wall_again'])} (all remembered). Resident "
                    f"memory afterwards: server {mb[0]}, its LanguageTool {mb[1]} (peaks "
                    f"{peak[0]} and {peak[1]}).", "", "```", p["status"].rstrip(), "```", ""])
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--lt-rounds", type=int, default=7)
    ap.add_argument("--hook-rounds", type=int, default=3)
    ap.add_argument("--skip", default="", help="comma-separated: single,lt,hook,corpus")
    ap.add_argument("--newslint", help="the newslint command (default: next to this Python)")
    ap.add_argument("--json", type=Path, default=bl.RESULTS / "bench_server.json")
    args = ap.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    exe = bl.find_newslint(args.newslint)
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    m = bl.machine()
    results = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "commit": commit,
               "machine": f"{m.get('cpu', '?')}, {m.get('cores', '?')} cores",
               "load": [", ".join(f"{x:.1f}" for x in os.getloadavg())]}
    with tempfile.TemporaryDirectory(prefix="newslint-bench-server-") as tmp:
        bench = Bench(Path(tmp), exe)
        try:
            if "single" not in skip:
                results["single"] = part_single_no_lt(bench, bl.SINGLE_ARTICLE, args.rounds)
            if "lt" not in skip:
                results["single_lt"] = part_single_lt(bench, bl.SINGLE_ARTICLE,
                                                      args.lt_rounds)
            if "hook" not in skip:
                results["hook"] = part_hook(bench, args.hook_rounds)
            if "corpus" not in skip:
                results["corpus"] = part_corpus_memory(bench)
        finally:
            bench.stop()
    results["load"].append(", ".join(f"{x:.1f}" for x in os.getloadavg()))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str))
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
