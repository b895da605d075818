#!/usr/bin/env python3
"""This working tree's speed against an earlier commit's, on the same files, in one measurement.

    python benchmarks/bench_against_commit.py COMMIT [PATH ...] [--runs 7] [--jobs 2] [-- EXTRA]

Checks out COMMIT into a temporary git worktree and runs ``python -m newslint check`` from there
and from this tree alternately (before, after, before, after, …), whole processes, with the
benchmarks' built-in configuration (no LanguageTool, no result cache); default paths: the 295
Wikinews articles. Prints the median wall and CPU time of each side and the median of the
per-round ratios (after / before), so that a noisy machine slows both sides alike. Arguments
after ``--`` go to both runs (``-- --select attribution``).
Exits 0 whatever the figures are: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "benchmarks" / "newslint" / "builtin.yaml"
DEFAULT_PATHS = [REPO / "benchmarks" / "corpus" / "wikinews"]


def command(paths: list[Path], jobs: int, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "newslint", "check", *map(str, paths), "--no-cache",
            "--config", str(CONFIG), "--format", "json", "--jobs", str(jobs), *extra]


def run_from(tree: Path, cmd: list[str]) -> bl.Run:
    env = {**bl.bench_env(), "PYTHONPATH": str(tree)}
    run, stderr, _ = bl.run_once(cmd, cwd=tree, env=env)
    if run.rc not in (0, 1):
        sys.exit(f"newslint from {tree} failed ({run.rc}): {stderr.strip()}")
    return run


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("commit")
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or DEFAULT_PATHS
    cmd = command(paths, args.jobs, extra)
    before_runs, after_runs, ratios = [], [], []
    with tempfile.TemporaryDirectory(prefix="newslint-speed-before-") as tmp:
        before_tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q",
                        str(before_tree), args.commit], check=True)
        try:
            run_from(before_tree, cmd), run_from(REPO, cmd)  # warm-up: bytecode, page cache
            for _ in range(args.runs):
                before = run_from(before_tree, cmd)
                after = run_from(REPO, cmd)
                before_runs.append(before)
                after_runs.append(after)
                ratios.append(after.wall / before.wall)
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force",
                            str(before_tree)], check=False)
    print(f"{len(paths)} path(s), --jobs {args.jobs}, {args.runs} alternating rounds")
    print("| tree | median wall | median CPU |")
    print("|---|---|---|")
    for label, runs in ((args.commit, before_runs), ("working tree", after_runs)):
        print(f"| {label} | {bl.fmt_s(bl.median([r.wall for r in runs]))} | "
              f"{bl.fmt_s(bl.median([r.cpu for r in runs]))} |")
    print(f"\nmedian per-round ratio (working tree / {args.commit}): {bl.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
