#!/usr/bin/env python3
"""Findings of the working tree against those of an earlier commit, on real articles.

    python benchmarks/compare_findings.py COMMIT [PATH ...] [--select …] [--extend-select ap]

Checks out COMMIT into a temporary git worktree, runs ``python -m newslint check --format json``
from there and from this working tree on the same files (default: the Wikinews corpus and the
example article, plus the seed article when ``../shared/seed`` exists) with the benchmarks'
built-in configuration, and prints the findings only one side has. A change meant to make
newslint faster, not different, should print "0 only before, 0 only after". Exit status 1 when
the findings differ.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = [REPO / "benchmarks" / "corpus" / "wikinews", REPO / "examples",
                 REPO.parent / "shared" / "seed"]
CONFIG = REPO / "benchmarks" / "newslint" / "builtin.yaml"


def findings(source: Path, paths: list[Path], extra: list[str]) -> set:
    """(path, rule, offset, length, message) of every finding, running newslint from ``source``."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    cmd = [sys.executable, "-m", "newslint", "check", *map(str, paths), "--no-cache",
           "--config", str(CONFIG), "--format", "json", *extra]
    out = subprocess.run(cmd, cwd=source, env=env, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"newslint from {source} failed ({out.returncode}): {out.stderr.strip()}")
    return {(f["path"], f["rule"], f["offset"], f["length"], f["message"])
            for f in json.loads(out.stdout)["findings"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("commit")
    ap.add_argument("paths", nargs="*", type=Path)
    args, extra = ap.parse_known_args(argv)
    paths = [p.resolve() for p in args.paths] or [p for p in DEFAULT_PATHS if p.exists()]
    with tempfile.TemporaryDirectory(prefix="newslint-before-") as tmp:
        before_tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q",
                        str(before_tree), args.commit], check=True)
        try:
            before = findings(before_tree, paths, extra)
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force",
                            str(before_tree)], check=False)
    after = findings(REPO, paths, extra)
    for sign, items in (("-", before - after), ("+", after - before)):
        for item in sorted(items)[:20]:
            print(sign, *item)
    print(f"{len(before)} findings before, {len(after)} after: "
          f"{len(before - after)} only before, {len(after - before)} only after")
    return 0 if before == after else 1


if __name__ == "__main__":
    sys.exit(main())
