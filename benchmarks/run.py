#!/usr/bin/env python3
"""newslint side by side with proselint, Vale, textlint and LanguageTool, on the same files.

    bash benchmarks/tools/install.sh          # once: the other tools, outside the repository
    python benchmarks/run.py --quick          # a few minutes
    python benchmarks/run.py                  # everything, including 10k generated articles

Each tool runs as a whole fresh process on the same inputs, in the same run. Per data set:
one untimed warm-up run of each tool (it also samples the peak memory of the whole process
tree), then ``--runs`` timed rounds; in each round every tool runs once, one after the other,
so a tool and newslint are measured pair by pair under the same machine load, and the ratio
of the two is taken round by round before the median. A table goes to stdout, the results to
``benchmarks/results/*.json`` and a chart to ``benchmarks/results/results.png``.

Data sets:
  single     one article (the pre-commit case; start-up dominates)
  wikinews   the 295 committed Wikinews articles
  lt-sample  the first N of them (default 10), where the LanguageTool rows are measured:
             a LanguageTool pass over the whole corpus takes minutes per run
  1k, 10k    articles made by benchmarks/generate_corpus.py from real paragraphs (seeded),
             written into benchmarks/generated/ on first use
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl  # noqa: E402

REFERENCE = "newslint"  # the row every ratio is taken against


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("--quick", action="store_true",
                    help="single, lt-sample, wikinews and 1k only; 3 rounds")
    ap.add_argument("--runs", type=int, default=None, help="timed rounds per data set (default 3)")
    ap.add_argument("--single-runs", type=int, default=None,
                    help="timed rounds for the single article (default 10, quick 5)")
    ap.add_argument("--sets", default=None,
                    help="comma-separated data sets (default: single,lt-sample,wikinews,1k,10k)")
    ap.add_argument("--tools", default=None,
                    help="comma-separated tool keys to run (default: every installed one): "
                         "newslint,newslint-j1,newslint-lt,proselint,vale,textlint,languagetool")
    ap.add_argument("--newslint", default=None, help="path of the newslint executable")
    ap.add_argument("--jobs", type=int, default=2, help="newslint --jobs for the main row")
    ap.add_argument("--lt-sample", type=int, default=10, help="articles in the lt-sample set")
    ap.add_argument("--no-languagetool", action="store_true",
                    help="skip both LanguageTool rows (no JVM is started)")
    ap.add_argument("--budget", type=float, default=150.0,
                    help="skip a tool on a data set when one run is expected to take longer "
                         "than this many seconds (estimated from its previous set); 0 = never skip")
    ap.add_argument("--seed", type=int, default=1, help="seed for the generated corpora")
    ap.add_argument("--out", default=str(bl.RESULTS), help="folder for JSON results and the chart")
    ap.add_argument("--merge", metavar="JSON", default=None,
                    help="take the data sets this run does not measure from an earlier results "
                         "file (e.g. 1k and 10k from a long run); the summary says so")
    ap.add_argument("--no-chart", action="store_true")
    ap.add_argument("--write-md", metavar="FILE", default=None,
                    help="also write the summary as Markdown")
    ap.add_argument("--publish", action="store_true",
                    help="write benchmarks/RESULTS.md and benchmarks/results.png (the committed "
                         "summary and chart)")
    args = ap.parse_args(argv)
    if args.publish and not args.write_md:
        args.write_md = str(bl.BENCH_DIR / "RESULTS.md")
    if args.runs is None:
        args.runs = 3
    if args.single_runs is None:
        args.single_runs = 5 if args.quick else 10
    if args.sets is None:
        args.sets = "single,lt-sample,wikinews,1k" + ("" if args.quick else ",10k")
    args.sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    args.tools = None if args.tools is None else {t.strip() for t in args.tools.split(",")}
    return args


# --------------------------------------------------------------------------------------------
# Data sets


def generated_set(n: int, seed: int) -> Path:
    """benchmarks/generated/<n>-s<seed>, made by generate_corpus.py when missing."""
    name = f"{n // 1000}k" if n % 1000 == 0 else str(n)
    out = bl.GENERATED / f"{name}-s{seed}"
    if out.exists() and any(out.rglob("*.md")):
        return out
    gen = bl.BENCH_DIR / "generate_corpus.py"
    if not gen.exists():
        raise SystemExit(f"{gen} is missing: cannot make the {name} data set")
    print(f"generating {n} articles into {out} ...", file=sys.stderr, flush=True)
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    venv_py = bl.REPO / ".venv" / "bin" / "python"  # the generator imports newslint
    py = str(venv_py) if venv_py.exists() else sys.executable
    subprocess.run([py, str(gen), "--articles", str(n), "--plant", str(n // 20), "--seed",
                    str(seed), "--out", str(tmp)], check=True, stdout=subprocess.DEVNULL)
    tmp.rename(out)
    return out


def lt_sample_set(n: int) -> Path:
    """The first ``n`` Wikinews articles, copied into a folder of their own."""
    out = bl.GENERATED / f"wikinews-first{n}"
    files = bl.article_files(bl.CORPUS)[:n]
    if out.exists() and sorted(p.name for p in out.glob("*.md")) == [f.name for f in files]:
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for f in files:
        shutil.copy2(f, out / f.name)
    return out


def load_set(name: str, args) -> bl.DataSet:
    if name == "single":
        return bl.DataSet.load(name, bl.SINGLE_ARTICLE)
    if name == "wikinews":
        return bl.DataSet.load(name, bl.CORPUS)
    if name == "lt-sample":
        return bl.DataSet.load(name, lt_sample_set(args.lt_sample))
    if name.endswith("k") and name[:-1].isdigit():
        return bl.DataSet.load(name, generated_set(int(name[:-1]) * 1000, args.seed))
    raise SystemExit(f"unknown data set {name!r}")


#: Which tools run on which set by default. The LanguageTool rows run on the single article
#: and the sample only; the generated sets run the fast tools (others are skipped by budget).
SET_TOOLS = {
    "single": None,
    "lt-sample": None,
    "wikinews": {"newslint", "newslint-j1", "proselint", "vale", "textlint"},
    "1k": {"newslint", "proselint", "vale", "textlint"},
    "10k": {"newslint", "proselint", "vale", "textlint"},
}
#: Sets whose warm-up only reads the files (see measure_set).
BIG_SETS = {"1k", "10k"}


# --------------------------------------------------------------------------------------------
# Tools


def newslint_configs(tmp: Path, lt_url: str | None) -> tuple[list[str], list[str]]:
    """Extra arguments for the built-in row and the LanguageTool row."""
    builtin = bl.BENCH_DIR / "newslint" / "builtin.yaml"
    base = ["--config", str(builtin)] if builtin.exists() else []
    lt = []
    if lt_url:
        cfg = tmp / "newslint-languagetool.yaml"
        template = (bl.BENCH_DIR / "newslint" / "languagetool.yaml").read_text()
        cfg.write_text(template.replace("{url}", lt_url))
        lt = ["--config", str(cfg)]
    return base, lt


def build_tools(args, tmp: Path, server) -> list[bl.Tool]:
    exe = bl.find_newslint(args.newslint)
    base, lt = newslint_configs(tmp, server.url if server else None)
    tools = [
        bl.newslint_tool(exe, "newslint", f"newslint --jobs {args.jobs}", args.jobs, base,
                         note="built-in rules"),
        bl.newslint_tool(exe, "newslint-j1", "newslint --jobs 1", 1, base,
                         note="built-in rules, one process"),
    ]
    if server:
        tools.append(bl.newslint_tool(exe, "newslint-lt", "newslint + LanguageTool", args.jobs,
                                      lt, server_pid=server.pid,
                                      note="built-in rules and LanguageTool grammar "
                                           "(warm local server; server CPU added)"))
    for make in (bl.proselint_tool, bl.vale_tool, bl.textlint_tool):
        t = make()
        if t is None:
            print(f"note: {make.__name__[:-5]} is not installed "
                  f"(bash benchmarks/tools/install.sh); skipped", file=sys.stderr)
        else:
            tools.append(t)
    if server:
        t = bl.lt_alone_tool(server.url, server.pid)
        if t:
            tools.append(t)
    if args.tools is not None:
        unknown = args.tools - {t.key for t in tools}
        if unknown:
            print(f"note: not available: {', '.join(sorted(unknown))}", file=sys.stderr)
        tools = [t for t in tools if t.key in args.tools or t.key == REFERENCE]
    return tools


# --------------------------------------------------------------------------------------------
# Measuring


def measure_set(ds: bl.DataSet, tools: list[bl.Tool], rounds: int, budget: float,
                previous: dict, big: bool = False) -> dict:
    """Warm up each tool, then ``rounds`` interleaved timed rounds. Returns per-tool results.

    On a ``big`` set a full warm-up run of every tool would double the time the set takes, so
    the warm-up only reads the files into the page cache, and the process tree's peak memory is
    sampled (every 100 ms) during the first timed round instead.
    """
    results: dict[str, dict] = {}
    active: list[bl.Tool] = []
    warm: dict[str, bl.Run] = {}
    if big:
        for f in ds.files:
            f.read_bytes()
    for tool in tools:
        est = None
        prev = previous.get(tool.key)
        if prev and prev.get("wall_s") and prev.get("words"):
            est = prev["wall_s"] * ds.words / prev["words"]
        if budget and est and est > budget and tool.key != REFERENCE:
            results[tool.key] = {"skipped": f"one run estimated at {est:.0f} s (over the "
                                            f"{budget:.0f} s budget)"}
            print(f"  {tool.label:<26} skipped: estimated {est:.0f} s per run", flush=True)
            continue
        results[tool.key] = {}
        active.append(tool)
        if big:
            continue
        run, stderr, out = bl.run_once(tool.command(ds), cwd=tool.cwd, sample_tree=True,
                                       server_pid=tool.server_pid, env=tool.env)
        if run.rc not in tool.ok_codes:
            results[tool.key] = {"failed": f"exit {run.rc}: {stderr.strip()[-600:]}"}
            print(f"  {tool.label:<26} FAILED (exit {run.rc}): {stderr.strip()[-300:]}",
                  flush=True)
            active.remove(tool)
            continue
        warm[tool.key] = run
        results[tool.key]["findings"] = _findings(tool, out)
        print(f"  {tool.label:<26} warm-up {bl.fmt_s(run.wall):>9}"
              f"  tree peak {run.tree_peak / 1e6:6.0f} MB  findings "
              f"{results[tool.key]['findings']}", flush=True)
        if budget and run.wall > budget and tool.key != REFERENCE:
            results[tool.key]["note"] = "warm-up over budget: timed once only"
    runs: dict[str, list[bl.Run]] = {t.key: [] for t in active}
    for r in range(rounds):
        for tool in list(active):
            if results[tool.key].get("note") and runs[tool.key]:
                continue
            first_big = big and r == 0
            run, stderr, out = bl.run_once(tool.command(ds), cwd=tool.cwd,
                                           server_pid=tool.server_pid, env=tool.env,
                                           sample_tree=first_big, sample_interval=0.1)
            if run.rc not in tool.ok_codes:
                print(f"  {tool.label}: exit {run.rc} in round {r + 1}: {stderr[-300:]}",
                      file=sys.stderr)
                if first_big:
                    results[tool.key] = {"failed": f"exit {run.rc}: {stderr.strip()[-600:]}"}
                    active.remove(tool)
                    continue
            if first_big:
                warm[tool.key] = run
                results[tool.key]["findings"] = _findings(tool, out)
                if budget and run.wall > budget and tool.key != REFERENCE:
                    results[tool.key]["note"] = "first run over budget: timed once only"
            runs[tool.key].append(run)
            print(f"  round {r + 1}/{rounds} {tool.label:<26} {bl.fmt_s(run.wall):>9}",
                  flush=True)
    ref_runs = runs.get(REFERENCE, [])
    for tool in active:
        summary = bl.summarize(runs[tool.key], warm[tool.key], ds)
        summary.update(results[tool.key])
        summary["words"] = ds.words
        if ref_runs and tool.key != REFERENCE:
            pairs = list(zip(runs[tool.key], ref_runs))
            summary["wall_ratio"] = bl.median([t.wall / n.wall for t, n in pairs])
            summary["cpu_ratio"] = bl.median([(t.cpu + t.server_cpu) / (n.cpu + n.server_cpu)
                                              for t, n in pairs])
        if tool.server_pid:
            summary["server_peak_rss_mb"] = bl.proc_rss(tool.server_pid, "VmHWM") / 1e6
        results[tool.key] = summary
    return results


def _findings(tool: bl.Tool, out: bytes):
    if not tool.count_findings:
        return None
    try:
        return tool.count_findings(out)
    except Exception:
        return None


# --------------------------------------------------------------------------------------------
# Reporting


def table(results: dict, tools: list[bl.Tool], sets: list[str], data: dict) -> str:
    labels = {t.key: t.label for t in tools}
    lines = []
    for name in sets:
        ds = data[name]
        lines.append(f"\n{name}: {len(ds['files'])} files, {ds['words']:,} words, "
                     f"{ds['bytes'] / 1e6:.2f} MB")
        head = (f"{'tool':<26} {'wall':>9} {'cpu':>9} {'words/s':>8} {'peak RSS':>9} "
                f"{'tree peak':>9} {'findings':>8}  {'tool/newslint wall':>18} {'cpu':>6}")
        lines.append(head)
        lines.append("-" * len(head))
        for key, r in results[name].items():
            label = labels.get(key, key)
            if "skipped" in r or "failed" in r:
                lines.append(f"{label:<26} {('skipped: ' + r['skipped']) if 'skipped' in r else 'FAILED'}")
                continue
            ratio = r.get("wall_ratio")
            ratio_s = "1.00 (reference)" if key == REFERENCE else (
                f"{ratio:.2f}" if ratio is not None else "-")
            tree = f"{r['tree_peak_mb']:.0f} MB" if r.get("tree_peak_mb") else "-"
            lines.append(f"{label:<26} {bl.fmt_s(r['wall_s']):>9} {bl.fmt_s(r['cpu_s']):>9} "
                         f"{bl.fmt_n(r['words_per_s']):>8} {r['maxrss_mb']:>6.0f} MB "
                         f"{tree:>9} {str(r.get('findings', '-')):>8}  {ratio_s:>18} "
                         f"{(format(r['cpu_ratio'], '6.2f') if r.get('cpu_ratio') else ''):>6}")
    return "\n".join(lines)


def scaling(results: dict) -> dict:
    out = {}
    if "1k" in results and "10k" in results:
        for key, r1 in results["1k"].items():
            r10 = results["10k"].get(key, {})
            if r1.get("wall_s") and r10.get("wall_s"):
                out[key] = {"time_10k_over_1k": r10["wall_s"] / r1["wall_s"],
                            "cpu_10k_over_1k": r10["cpu_s"] / r1["cpu_s"],
                            "words_10k_over_1k": r10["words"] / r1["words"]}
    return out


def markdown(summary: dict, chart: str | None = None) -> str:
    m = summary["machine"]
    labels = {k: v["label"] for k, v in summary["tools"].items()}
    out = ["# Benchmark results", ""]
    if chart:
        out += [f"![Throughput, single-file latency and scaling]({chart})", ""]
    out += [
           f"Measured {summary['date']} (newslint commit {summary.get('newslint_commit', '?')}) "
           f"with `python benchmarks/run.py"
           f"{' ' + summary['argv'] if summary['argv'] else ''}` on {m['cpu']}, "
           f"{m['cores']} cores, {m['memory_gib']} GiB, {m['os']}; Python {m['python']}, "
           f"{m['java']}, Node {m['node']}, {m['go']}. Load average (1/5/15 min) "
           f"{'/'.join(f'{x:.1f}' for x in summary['load_average']['start'])} at the start, "
           f"{'/'.join(f'{x:.1f}' for x in summary['load_average']['end'])} at the end"
           + (": above the core count, other processes shared the machine and wall times "
              "are inflated; CPU seconds are the steadier figure."
              if max(summary['load_average']['start'][0], summary['load_average']['end'][0])
              > (m['cores'] or 1) else "."), "",
           "Whole processes, median of the timed rounds after one warm-up; `tool/newslint` "
           "is the median of per-round ratios of wall time (above 1: newslint is faster). "
           "Peak RSS is the largest single process; tree peak sums a process and its children "
           "(newslint's workers), sampled in the warm-up run.", "",
           "| tool | version | configuration |", "| --- | --- | --- |"]
    for k, t in summary["tools"].items():
        out.append(f"| {t['label']} | {t['version']} | {t['note']} |")
    for name, ds in summary["data_sets"].items():
        merged = summary.get("merged_from", {}).get(name)
        out += ["", f"## {name}: {ds['files']} files, {ds['words']:,} words", ""]
        if merged:
            out += [f"Measured in an earlier run of the same script: {merged}.", ""]
        out += [
                "| tool | wall | CPU | words/s | peak RSS | tree peak | findings | tool/newslint wall | tool/newslint CPU |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for key, r in summary["results"][name].items():
            if "skipped" in r or "failed" in r:
                out.append(f"| {labels.get(key, key)} | {'skipped: ' + r['skipped'] if 'skipped' in r else 'failed'} |"
                           " | | | | | | |")
                continue
            ratio = "reference" if key == REFERENCE else (
                f"{r['wall_ratio']:.2f}" if r.get("wall_ratio") is not None else "-")
            tree = f"{r['tree_peak_mb']:.0f} MB" if r.get("tree_peak_mb") else "-"
            cpu_ratio = "" if key == REFERENCE else (
                f"{r['cpu_ratio']:.2f}" if r.get("cpu_ratio") is not None else "-")
            out.append(f"| {labels.get(key, key)} | {bl.fmt_s(r['wall_s'])} | {bl.fmt_s(r['cpu_s'])} | "
                       f"{bl.fmt_n(r['words_per_s'])} | {r['maxrss_mb']:.0f} MB | {tree} | "
                       f"{r.get('findings', '-')} | {ratio} | {cpu_ratio} |")
    if summary.get("scaling"):
        out += ["", "## Scaling, 1k to 10k articles", ""]
        if summary.get("scaling_from"):
            out += [f"Both sets measured in one earlier run: {summary['scaling_from']}.", ""]
        out += ["| tool | wall 10k / 1k | CPU 10k / 1k | words 10k / 1k |",
                "| --- | ---: | ---: | ---: |"]
        for key, s in summary["scaling"].items():
            out.append(f"| {labels.get(key, key)} | {s['time_10k_over_1k']:.2f} | "
                       f"{s.get('cpu_10k_over_1k', float('nan')):.2f} | "
                       f"{s['words_10k_over_1k']:.2f} |")
    if summary.get("startup"):
        out += ["", f"Start-up: `newslint --version` takes {bl.fmt_s(summary['startup']['wall_s'])} "
                    f"(median of {summary['startup']['runs']})."]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    load_start = os.getloadavg()
    # The code measured is the tree as it is now (it may change while a long run goes on).
    commit = bl.capture(["git", "-C", str(bl.REPO), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(bl.REPO), "status", "--porcelain", "--", "newslint",
                            "rules", "pyproject.toml"], capture_output=True, text=True).stdout
    if dirty.strip():
        commit += " with uncommitted changes"
    want_lt = not args.no_languagetool and (
        args.tools is None or args.tools & {"newslint-lt", "languagetool"})
    server = None
    if want_lt:
        lib = bl.lt_lib_dir()
        if lib is None or not shutil.which("java"):
            print("note: LanguageTool jars or java not found "
                  "(bash benchmarks/tools/install.sh languagetool); LanguageTool rows skipped",
                  file=sys.stderr)
        else:
            server = bl.LanguageToolServer(lib)
    try:
        with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmpd:
            if server:
                print(f"starting LanguageTool on {server.url} ...", flush=True)
                server.wait_ready()
                server.warm(bl.article_files(bl.CORPUS)[-8:])
            tools = build_tools(args, Path(tmpd), server)
            data: dict[str, dict] = {}
            results: dict[str, dict] = {}
            previous: dict[str, dict] = {}
            exe = bl.find_newslint(args.newslint)
            startup_runs = [bl.run_once([exe, "--version"])[0] for _ in range(args.single_runs + 1)][1:]
            startup = {"runs": len(startup_runs), "wall_s": bl.median([r.wall for r in startup_runs]),
                       "maxrss_mb": max(r.maxrss for r in startup_runs) / 1e6}
            print(f"newslint --version: {bl.fmt_s(startup['wall_s'])}", flush=True)
            for name in args.sets:
                ds = load_set(name, args)
                data[name] = {"path": str(ds.path.relative_to(bl.REPO)) if ds.path.is_relative_to(bl.REPO)
                              else str(ds.path), "files": [str(f) for f in ds.files],
                              "words": ds.words, "bytes": ds.bytes}
                allowed = SET_TOOLS.get(name)
                set_tools = [t for t in tools if allowed is None or t.key in allowed]
                print(f"\n== {name}: {len(ds.files)} files, {ds.words:,} words", flush=True)
                rounds = args.single_runs if name == "single" else args.runs
                res = measure_set(ds, set_tools, rounds, args.budget,
                                  previous if name not in ("single", "lt-sample") else {},
                                  big=name in BIG_SETS)
                results[name] = res
                if name not in ("single", "lt-sample"):  # too small to extrapolate from
                    for key, r in res.items():
                        if r.get("wall_s"):
                            previous[key] = r
            summary = {
                "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                "argv": " ".join(sys.argv[1:] if argv is None else argv),
                "machine": bl.machine(),
                "tools": {t.key: {"label": t.label, "version": t.version, "note": t.note}
                          for t in tools},
                "startup": startup,
                "data_sets": {k: {"path": v["path"], "files": len(v["files"]), "words": v["words"],
                                  "bytes": v["bytes"]} for k, v in data.items()},
                "results": results,
                "merged_from": {},
                "elapsed_s": time.monotonic() - started,
                "load_average": {"start": load_start, "end": os.getloadavg()},
            }
    finally:
        if server:
            server.stop()

    if args.merge:
        earlier = json.loads(Path(args.merge).read_text())
        for name, res in earlier["results"].items():
            if name in results:
                continue
            results[name] = res
            summary["data_sets"][name] = earlier["data_sets"][name]
            summary["merged_from"][name] = f"{earlier['date']} ({earlier.get('newslint_commit', '?')})"
            data[name] = dict(earlier["data_sets"][name], files=[None] * earlier["data_sets"][name]["files"])
            for key, t in earlier["tools"].items():
                summary["tools"].setdefault(key, t)
            args.sets.append(name)
        tools = tools + [bl.Tool(k, t["label"], lambda ds: [], version=t["version"], note=t["note"])
                         for k, t in earlier["tools"].items() if k not in {x.key for x in tools}]
    summary["scaling"] = scaling(results)
    if args.merge and "10k" in summary["merged_from"]:
        # A ratio within one run only: 1k and 10k both from the earlier file.
        summary["scaling"] = earlier.get("scaling") or scaling(earlier["results"])
        summary["scaling_from"] = summary["merged_from"]["10k"]
    summary["newslint_commit"] = commit

    print(table(results, tools, args.sets, data))
    for name, when in summary["merged_from"].items():
        print(f"({name}: measured in an earlier run, {when})")
    print(f"\nnewslint --version (start-up): {bl.fmt_s(startup['wall_s'])}")
    if summary["scaling"]:
        print("\nscaling 1k -> 10k (wall and CPU ratios; words ratio "
              f"{next(iter(summary['scaling'].values()))['words_10k_over_1k']:.2f}):")
        for key, s in summary["scaling"].items():
            print(f"  {key:<14} wall {s['time_10k_over_1k']:.2f}  "
                  f"CPU {s.get('cpu_10k_over_1k', float('nan')):.2f}")
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = out_dir / f"results-{stamp}.json"
    path.write_text(json.dumps(summary, indent=2))
    (out_dir / "latest.json").write_text(json.dumps(summary, indent=2))
    print(f"\nresults: {path}")
    if args.write_md:
        Path(args.write_md).write_text(markdown(summary, chart="results.png" if args.publish
                                                else None))
        print(f"summary: {args.write_md}")
    if not args.no_chart:
        chart = bl.BENCH_DIR / "chart.py"
        png = bl.BENCH_DIR / "results.png" if args.publish else out_dir / "results.png"
        py = sys.executable
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            py = str(bl.BENCH_PY) if bl.BENCH_PY.exists() else None
        if py:
            subprocess.run([py, str(chart), str(path), "--out", str(png)], check=False)
        else:
            print("note: matplotlib not found; no chart (bash benchmarks/tools/install.sh python)",
                  file=sys.stderr)
    la = summary["load_average"]
    print(f"elapsed: {summary['elapsed_s']:.0f} s; load average (1/5/15 min) at start "
          f"{'/'.join(f'{x:.1f}' for x in la['start'])}, at end "
          f"{'/'.join(f'{x:.1f}' for x in la['end'])} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
