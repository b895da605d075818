#!/usr/bin/env python3
"""What the name and quotation rules cost: newslint on the corpus with them and without them.

    python benchmarks/bench_names_cost.py [--runs 7] [--jobs 1] [--corpus DIR] [--languagetool URL]

Runs ``newslint check`` over the 295 Wikinews articles with the built-in rules (LanguageTool
off unless ``--languagetool URL``, no result cache, in the process: no warm server), once as
shipped and once with
``--ignore name-variant,first-reference,unclosed-quote,figure-conflict``. The two alternate,
round after round, after one warm-up of each. Prints the median wall and CPU time of each and
how much slower the run with the rules is, the median of the per-round ratios of CPU time
(with / without - 1). The target is at most 10% slower.
With ``--instructions`` it also counts the machine instructions of one run of each with
valgrind (``benchlib.instructions``): a count that the machine's other work does not move.
Exits 0 whatever the figures are: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl  # noqa: E402

NAME_RULES = ("name-variant", "first-reference", "unclosed-quote", "figure-conflict")
TARGET = 0.10


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=bl.CORPUS)
    ap.add_argument("--newslint", default=None)
    ap.add_argument("--languagetool", metavar="URL", default="",
                    help="run with LanguageTool too, from the server at URL (a user's default "
                         "run); the server's own cache answers both sides alike")
    ap.add_argument("--instructions", action="store_true",
                    help="also count each run's machine instructions with valgrind")
    args = ap.parse_args(argv)

    exe = bl.find_newslint(args.newslint)
    config = bl.BENCH_DIR / "newslint" / "builtin.yaml"
    if args.languagetool:
        folder = Path(tempfile.mkdtemp(prefix="newslint-names-cost-"))
        config = folder / "languagetool.yaml"
        config.write_text(f'languagetool:\n  mode: required\n  url: "{args.languagetool}"\n',
                          encoding="utf-8")
    base = [exe, "check", str(args.corpus), "--no-cache", "--no-server", "--jobs",
            str(args.jobs), "--config", str(config), "--format", "json"]
    cmds = {"with": base, "without": base + ["--ignore", ",".join(NAME_RULES)]}
    files = bl.article_files(args.corpus)
    print(f"{bl.capture([exe, '--version'])}; {len(files)} articles, "
          f"{bl.count_words(files)} words; --jobs {args.jobs}")
    m = bl.machine()
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}")
    print(f"runs: median of {args.runs} after one warm-up each, alternating\n")

    for key, cmd in cmds.items():
        run, err, _ = bl.run_once(cmd)
        if run.rc not in (0, 1):
            raise SystemExit(f"{key} failed (exit {run.rc}): {err.strip()[-800:]}")
    runs = {k: [] for k in cmds}
    for _ in range(args.runs):
        for key, cmd in cmds.items():
            runs[key].append(bl.run_once(cmd)[0])

    print(f"{'rules':<10} {'wall':>9} {'cpu':>9}")
    for key, rs in runs.items():
        print(f"{key:<10} {bl.fmt_s(bl.median([r.wall for r in rs])):>9} "
              f"{bl.fmt_s(bl.median([r.cpu for r in rs])):>9}")
    if args.languagetool:  # the time LanguageTool takes is wall time, in its own process
        wall = bl.median([a.wall / b.wall - 1 for a, b in zip(runs["with"], runs["without"])])
        print(f"\nwith LanguageTool, wall time: {wall:+.1%} (median of the rounds)")
    slower = [a.cpu / b.cpu - 1 for a, b in zip(runs["with"], runs["without"])]
    slowdown = bl.median(slower)
    print(f"\nthe run with {', '.join(NAME_RULES)} against the run without them: "
          f"{slowdown:+.1%} CPU time, median of the rounds ({min(slower):+.1%} to "
          f"{max(slower):+.1%}); target at most {TARGET:+.0%}: "
          f"{'met' if slowdown <= TARGET else 'NOT met'}")
    if args.instructions:
        counts = {key: bl.instructions(cmd) for key, cmd in cmds.items()}
        print(f"\nmachine instructions (valgrind): with {counts['with']:,}, without "
              f"{counts['without']:,}: {counts['with'] / counts['without'] - 1:+.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
