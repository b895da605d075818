#!/usr/bin/env python3
"""Draw the benchmark chart from a results JSON written by benchmarks/run.py.

    python benchmarks/chart.py benchmarks/results/latest.json --out benchmarks/results.png

Left: throughput (words per second, log scale) of each tool on the Wikinews corpus (the
LanguageTool rows: on their sample). Middle: one article, whole process (the pre-commit case).
Right: CPU seconds (all processes) against words checked (log-log) on the corpus, 1k and 10k
generated articles; a straight line of slope 1 is linear cost.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

COLORS = {
    "newslint": "#1f6feb", "newslint-j1": "#79a8f5", "newslint-lt": "#0b3d91",
    "proselint": "#d1762a", "vale": "#2da44e", "textlint": "#8250df", "languagetool": "#cf222e",
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results")
    ap.add_argument("--out", default="benchmarks/results.png")
    ap.add_argument("--dpi", type=int, default=80)
    args = ap.parse_args(argv)

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    summary = json.loads(Path(args.results).read_text())
    labels = {k: v["label"] for k, v in summary["tools"].items()}
    results = summary["results"]
    sets = summary["data_sets"]

    fig, (ax1, ax3, ax2) = plt.subplots(1, 3, figsize=(14, 4.2),
                                        gridspec_kw={"width_ratios": [1.15, 1, 1]})

    # Throughput: one bar per tool, on the largest real set each tool ran.
    bars = []
    for key in summary["tools"]:
        for name in ("wikinews", "lt-sample"):
            r = results.get(name, {}).get(key, {})
            if r.get("words_per_s"):
                bars.append((labels[key] + ("" if name == "wikinews" else " *"),
                             r["words_per_s"], COLORS.get(key, "#888888")))
                break
    bars.sort(key=lambda b: b[1])
    ax1.barh([b[0] for b in bars], [b[1] for b in bars], color=[b[2] for b in bars])
    ax1.set_xscale("log")
    ax1.set_xlabel("words per second (log scale; higher is better)")
    n = sets.get("wikinews", {}).get("files", "?")
    ax1.set_title(f"Throughput on {n} Wikinews articles", fontsize=11)
    for i, (_, v, _) in enumerate(bars):
        ax1.text(v, i, f" {v:,.0f}", va="center", fontsize=8)
    ax1.margins(x=0.25)
    if any(b[0].endswith("*") for b in bars):
        ax1.text(0.99, 0.02, f"* on the first {sets['lt-sample']['files']} articles",
                 transform=ax1.transAxes, ha="right", fontsize=8, color="#555555")

    # Single-file latency: the pre-commit case.
    lat = sorted(((labels[k], r["wall_s"] * 1000, COLORS.get(k, "#888888"))
                  for k, r in results.get("single", {}).items() if r.get("wall_s")),
                 key=lambda b: -b[1])
    if lat:
        ax3.barh([b[0] for b in lat], [b[1] for b in lat], color=[b[2] for b in lat])
        ax3.set_xscale("log")
        for i, (_, v, _) in enumerate(lat):
            ax3.text(v, i, f" {v:,.0f} ms", va="center", fontsize=8)
        ax3.margins(x=0.3)
    ax3.set_xlabel("wall milliseconds (log scale; lower is better)")
    ax3.set_title("One article, whole process (pre-commit)", fontsize=11)

    # Scaling: CPU time (steadier than wall time on a shared machine) against words.
    order = [s for s in ("wikinews", "1k", "10k") if s in results]
    for key in summary["tools"]:
        pts = [(sets[s]["words"], results[s][key]["cpu_s"]) for s in order
               if results[s].get(key, {}).get("cpu_s")]
        if len(pts) >= 2:
            ax2.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=labels[key],
                     color=COLORS.get(key, "#888888"))
    ax2.set_xscale("log")
    ax2.set_yscale("log")
    ax2.set_xlabel("words checked (log)")
    ax2.set_ylabel("CPU seconds (log; lower is better)")
    from matplotlib.ticker import NullFormatter
    ax2.xaxis.set_minor_formatter(NullFormatter())
    ax2.yaxis.set_minor_formatter(NullFormatter())
    ax2.set_title("Scaling: 295, 1k and 10k articles", fontsize=11)
    ax2.grid(True, which="major", alpha=0.3)
    if ax2.get_lines():
        ax2.legend(fontsize=8, loc="upper left")

    m = summary["machine"]
    merged = "".join(f" · {name} measured {when}"
                     for name, when in summary.get("merged_from", {}).items())
    fig.text(0.5, 0.005, f"{summary['date']} · {m['cpu']}, {m['cores']} cores, "
             f"{m['memory_gib']} GiB · median of timed runs after a warm-up{merged}",
             ha="center", fontsize=8, color="#555555")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(args.out, dpi=args.dpi)
    print(f"chart: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
