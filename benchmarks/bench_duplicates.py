#!/usr/bin/env python3
"""Benchmark the duplicate-across-files rule on generated corpora of growing size.

For each size, a corpus is generated with benchmarks/generate_corpus.py (one planted cross-file
repeat per 20 articles unless --plant is given), then measured in a fresh process: every file is
read, parsed and summarised by the rule's ``collect`` one after the other (as an engine worker
would, keeping only the summary), and ``finish`` runs once over all summaries. The report gives
wall time of each step, peak resident memory of the measuring process, and how many planted
repeats were found; any finding that is not a plant is listed. Each size is measured
``--repeat`` times, sizes alternating, and the fastest time of each step is kept.

    python benchmarks/bench_duplicates.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATED = HERE / "generated"


def measure(folder: Path) -> dict:
    from newslint.engine import parse_document
    from newslint.rule import DocInfo
    from newslint.rules.duplicates import DuplicateAcrossFiles

    rule = DuplicateAcrossFiles()
    options = dict(rule.default_options)
    paths = sorted(folder.glob("article-*.md"))
    start = time.perf_counter()
    cpu_start = time.process_time()
    items = []
    parse_seconds = collect_seconds = 0.0
    for order, path in enumerate(paths):
        t0 = time.perf_counter()
        doc = parse_document(str(path), path.read_text(encoding="utf-8"), ".md")
        t1 = time.perf_counter()
        items.append((DocInfo(doc.path, doc.pub_date, order), rule.collect(doc, options)))
        parse_seconds += t1 - t0
        collect_seconds += time.perf_counter() - t1
    t2 = time.perf_counter()
    cpu_finish = time.process_time()
    matches = list(rule.finish(items, options))
    finish_seconds = time.perf_counter() - t2
    finish_cpu = time.process_time() - cpu_finish
    total = time.perf_counter() - start
    total_cpu = time.process_time() - cpu_start

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    reported = {(m.span.path, m.span.line): {(r.path, r.line) for r in m.related}
                for m in matches}
    planted = [dict(p, source=str(folder / p["source"]), target=str(folder / p["target"]))
               for p in manifest["planted"]]
    found = [p for p in planted if (p["source"], p["source_line"])
             in reported.get((p["target"], p["target_line"]), ())]
    plant_spots = {(p["target"], p["target_line"]) for p in planted}
    extra = sorted(f"{path}:{line}" for path, line in reported if (path, line) not in plant_spots)
    return {
        "articles": len(paths),
        "paragraphs": sum(len(s) for _, s in items),
        "parse_s": round(parse_seconds, 2),
        "collect_s": round(collect_seconds, 2),
        "finish_s": round(finish_seconds, 2),
        "rule_s": round(collect_seconds + finish_seconds, 2),
        "total_s": round(total, 2),
        # CPU time of this process: steadier than wall time on a shared machine.
        "finish_cpu_s": round(finish_cpu, 2),
        "total_cpu_s": round(total_cpu, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "planted": len(planted),
        "found": len(found),
        "missed": [p for p in planted if p not in found],
        "by_kind": {k: sum(1 for p in found if p["kind"] == k)
                    for k in sorted({p["kind"] for p in planted})},
        "extra_findings": extra,
    }


def ensure_corpus(size: int, plant: int, seed: int, regenerate: bool) -> Path:
    folder = GENERATED / f"dup-{size}-seed{seed}"
    manifest = folder / "manifest.json"
    if not regenerate and manifest.exists():
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        if meta["articles"] == size and len(meta["planted"]) == plant:
            return folder
    subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--articles", str(size),
                    "--plant", str(plant), "--seed", str(seed), "--out", str(folder)],
                   check=True)
    return folder


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--plant", type=int, help="planted repeats per corpus (default: size / 20)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--regenerate", action="store_true", help="generate corpora again")
    ap.add_argument("--repeat", type=int, default=3,
                    help="measure each size this many times, alternating sizes, and keep the "
                         "fastest (other work on the machine only ever slows a run down)")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # run in a fresh process
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0

    folders = []
    for size in args.sizes:
        plant = args.plant if args.plant is not None else max(1, size // 20)
        folders.append(ensure_corpus(size, plant, args.seed, args.regenerate))
    runs: list[list[dict]] = [[] for _ in folders]
    for _ in range(max(1, args.repeat)):
        for k, folder in enumerate(folders):
            out = subprocess.run([sys.executable, __file__, "--measure", str(folder)],
                                 check=True, capture_output=True, text=True).stdout
            runs[k].append(json.loads(out))
    results = []
    for measured in runs:
        best = dict(measured[0])
        for key, value in best.items():
            if key.endswith("_s"):
                best[key] = min(r[key] for r in measured)
        best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in measured)
        results.append(best)

    print(f"{'articles':>8} {'paragraphs':>10} {'parse s':>8} {'collect s':>9} {'finish s':>8} "
          f"{'rule s':>7} {'total s':>8} {'finish cpu s':>12} {'total cpu s':>11} {'peak MB':>8} "
          f"{'found':>9} {'extra':>5}")
    for r in results:
        print(f"{r['articles']:>8} {r['paragraphs']:>10} {r['parse_s']:>8} {r['collect_s']:>9} "
              f"{r['finish_s']:>8} {r['rule_s']:>7} {r['total_s']:>8} {r['finish_cpu_s']:>12} "
              f"{r['total_cpu_s']:>11} "
              f"{r['peak_rss_mb']:>8} "
              f"{r['found']:>4}/{r['planted']:<4} {len(r['extra_findings']):>5}")
    for r in results:
        for p in r["missed"]:
            print(f"missed {p['kind']}: {p['target']}:{p['target_line']} "
                  f"(copy of {p['source']}:{p['source_line']})")
        for spot in r["extra_findings"]:
            print(f"not planted: {spot}")
    if len(results) >= 2:
        small, large = results[0], results[-1]
        scale = large["articles"] / small["articles"]
        for key in ("rule_s", "total_s", "finish_s", "finish_cpu_s", "total_cpu_s"):
            print(f"{key}: {large['articles']} articles take "
                  f"{large[key] / max(small[key], 1e-9):.1f}x the time of {small['articles']} "
                  f"({scale:.0f}x the articles)")
    ok = all(r["found"] == r["planted"] and not r["extra_findings"] for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
