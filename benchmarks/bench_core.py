#!/usr/bin/env python3
"""newslint's core performance targets, beside proselint on the same files.

    python benchmarks/bench_core.py [--runs 5] [--newslint PATH] [--proselint PATH]

Measures whole processes (wall time, CPU time and peak RSS: of the largest process, and summed
over the process tree with newslint's workers), median of ``--runs`` after one warm-up:

  * one article:            newslint check FILE           target: <= 150 ms wall
  * the 295 Wikinews files: newslint check DIR --jobs 2   target: <= 0.25x proselint's wall

newslint runs with its built-in rules and packs, without the result cache and without
LanguageTool. proselint comes from ``bash benchmarks/tools/install.sh python``. Runs of the two
tools alternate, and each ratio is the median of the per-round ratios.
Exits 0 whatever the figures are: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl  # noqa: E402

SINGLE_TARGET_S = 0.150
CORPUS_TARGET_RATIO = 0.25


def measure(cmds: dict[str, list[str]], runs: int) -> tuple[dict[str, list[bl.Run]], dict]:
    """Timed runs per tool, and the summed peak RSS of each tool's process tree (warm-up)."""
    out: dict[str, list[bl.Run]] = {k: [] for k in cmds}
    tree: dict[str, int] = {}
    for key, cmd in cmds.items():  # warm-up: file cache, .pyc files; samples the tree's RSS
        run, err, _ = bl.run_once(cmd, sample_tree=True)
        if run.rc not in (0, 1):
            raise SystemExit(f"{key} failed (exit {run.rc}): {err.strip()[-800:]}")
        tree[key] = run.tree_peak
    for _ in range(runs):
        for key, cmd in cmds.items():
            out[key].append(bl.run_once(cmd)[0])
    return out, tree


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--newslint", default=None)
    ap.add_argument("--proselint", default=str(bl.BENCH_HOME / "bench-venv" / "bin" / "proselint"))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)

    exe = bl.find_newslint(args.newslint)
    if not Path(args.proselint).exists():
        raise SystemExit(f"proselint not found at {args.proselint}: "
                         "bash benchmarks/tools/install.sh python")
    cfg = ["--config", str(bl.BENCH_DIR / "newslint" / "builtin.yaml")]
    single, corpus = bl.SINGLE_ARTICLE, bl.CORPUS
    words_single = bl.count_words([single])
    files = bl.article_files(corpus)
    words_corpus = bl.count_words(files)

    print(f"{bl.capture([exe, '--version'])}; {bl.capture([args.proselint, 'version'])}")
    m = bl.machine()
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}")
    print(f"runs: median of {args.runs} after one warm-up\n")

    rows = []
    res, tree = measure({
        "newslint": [exe, "check", str(single), "--no-cache", *cfg],
        "proselint": [args.proselint, "check", str(single)],
    }, args.runs)
    rows.append(("one article", words_single, res, tree))
    res, tree = measure({
        "newslint": [exe, "check", str(corpus), "--no-cache", "--jobs", str(args.jobs), *cfg],
        "proselint": [args.proselint, "check", str(corpus)],
    }, args.runs)
    rows.append((f"{len(files)} articles", words_corpus, res, tree))

    print(f"{'input':<14} {'tool':<10} {'wall':>9} {'cpu':>9} {'peak RSS':>9} {'tree peak':>9} "
          f"{'words/s':>9}")
    ratios = []
    for name, words, res, tree in rows:
        for key, runs in res.items():
            wall = bl.median([r.wall for r in runs])
            cpu = bl.median([r.cpu for r in runs])
            rss = max(r.maxrss for r in runs) / 1e6
            print(f"{name:<14} {key:<10} {bl.fmt_s(wall):>9} {bl.fmt_s(cpu):>9} "
                  f"{rss:>6.0f} MB {tree[key] / 1e6:>6.0f} MB {bl.fmt_n(words / wall):>9}")
        ratio = bl.median([n.wall / p.wall for n, p in zip(res["newslint"], res["proselint"])])
        ratios.append(ratio)
        print(f"{name:<14} newslint/proselint wall: {ratio:.2f}x "
              f"(proselint/newslint {1 / ratio:.1f}x)\n")

    single_wall = bl.median([r.wall for r in rows[0][2]["newslint"]])
    print("targets:")
    print(f"  one article <= {SINGLE_TARGET_S * 1000:.0f} ms wall: "
          f"{single_wall * 1000:.0f} ms  {'met' if single_wall <= SINGLE_TARGET_S else 'NOT met'}")
    print(f"  corpus with --jobs {args.jobs} <= {CORPUS_TARGET_RATIO}x proselint: "
          f"{ratios[1]:.2f}x  {'met' if ratios[1] <= CORPUS_TARGET_RATIO else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
