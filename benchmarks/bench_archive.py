#!/usr/bin/env python3
"""Archive runs: generated JSON Lines archives with `--jobs N` and with `--dask local`.

For each archive size the script generates (or reuses) ``articles.jsonl`` with planted
cross-file copies (benchmarks/generate_corpus.py --jsonl), then runs ``newslint check
--format jsonl`` over it in each mode and reports: wall time, processor time of the whole
process tree, the client's peak memory (the process that runs the corpus rules' ``finish``),
planted copies found, and how wall and processor time grow per article against the smallest
size (1.0 = linear).
LanguageTool is off in every mode, as it is by default for ``--dask``, and the result cache
is not used (``--no-cache``): every run checks every article.

    python benchmarks/bench_archive.py --sizes 10000 100000 --workers 2
    python benchmarks/bench_archive.py --sizes 1000000 --modes dask
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Runs the command line in a child and reports its own peak memory on the last stderr line.
_CLIENT = """
import resource, sys
from newslint.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
sys.stderr.write("peak-kib %d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


def archive(size: int, plant: int, root: Path) -> Path:
    folder = root / f"archive-{size}"
    if not (folder / "articles.jsonl").exists():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--jsonl",
                        "--articles", str(size), "--plant", str(plant), "--out", str(folder)],
                       check=True)
    return folder


def run(folder: Path, mode: list) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CLIENT, "check", "--no-server", "--no-cache",
                           "--ignore", "languagetool", "--format", "jsonl", *mode,
                           "articles.jsonl"], cwd=folder, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{mode}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
    peak = int(proc.stderr.strip().splitlines()[-1].split()[1])
    found = set()
    findings = 0
    for line in proc.stdout.splitlines():
        item = json.loads(line)
        if item["type"] == "finding":
            findings += 1
            if item["rule"] == "duplicate-across-files":
                found.add((item["path"], item["line"]))
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    planted = {(p["target"], p["target_line"]) for p in manifest["planted"]}
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime)
            + (after.ru_stime - before.ru_stime), "peak_mb": peak / 1024,
            "planted": len(planted), "found": len(planted & found), "findings": findings}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--plant", type=int, default=0, help="copies to plant (default: 1%% of "
                    "the articles)")
    ap.add_argument("--workers", type=int, default=2, help="--jobs and Dask workers (2)")
    ap.add_argument("--root", type=Path, default=HERE / "generated",
                    help="where the archives are generated (benchmarks/generated)")
    ap.add_argument("--modes", nargs="+", choices=["jobs", "dask"], default=["jobs", "dask"],
                    help="which modes to run (both); a million articles with --jobs hold every "
                    "fingerprint in one process, more memory than a laptop has")
    args = ap.parse_args(argv)
    modes = {"--jobs": ["--jobs", str(args.workers)],
             "--dask local": ["--jobs", str(args.workers), "--dask", "local"]}
    modes = {name: mode for name, mode in modes.items() if name.lstrip("-").split()[0] in args.modes}
    first: dict = {}
    print(f"{'articles':>9} {'mode':<13} {'wall s':>8} {'cpu s':>8} {'client MB':>10} "
          f"{'planted found':>14} {'findings':>9} {'growth':>7} {'cpu growth':>10}")
    for size in args.sizes:
        folder = archive(size, args.plant or max(1, size // 100), args.root)
        for name, mode in modes.items():
            r = run(folder, mode)
            base = first.setdefault(name, (size, r["wall"], r["cpu"]))
            growth = (r["wall"] / base[1]) / (size / base[0])
            cpu_growth = (r["cpu"] / base[2]) / (size / base[0])
            print(f"{size:>9} {name:<13} {r['wall']:>8.1f} {r['cpu']:>8.1f} "
                  f"{r['peak_mb']:>10.0f} {r['found']:>6}/{r['planted']:<7} "
                  f"{r['findings']:>9} {growth:>7.2f} {cpu_growth:>10.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
