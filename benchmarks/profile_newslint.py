#!/usr/bin/env python3
"""Where newslint's time goes: start-up, parsing, and each rule, in CPU milliseconds.

    python benchmarks/profile_newslint.py [PATH ...] [--config FILE] [--cprofile OUT.prof]

Runs newslint in this process with one job (default: the Wikinews corpus and
benchmarks/newslint/builtin.yaml), timing each stage with the process's CPU clock wrapped
around it (so other load on the machine hardly moves the figures): the imports, building the
configuration and plugins, parsing each file, each rule's per-file work and the corpus-level
rules. Prints a table sorted by time. With ``--cprofile`` it also
writes a cProfile file of the whole run (``python -m pstats OUT.prof``), and prints the
slowest functions by own time. It uses newslint's engine directly, so it follows the code as
it is today; it is a tool for finding slow spots, not a benchmark.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: CPU time of this process: steadier than wall time on a machine that other work shares.
CLOCK = time.process_time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(HERE / "corpus" / "wikinews")])
    ap.add_argument("--config", default=str(HERE / "newslint" / "builtin.yaml"))
    ap.add_argument("--select", default=None)
    ap.add_argument("--cprofile", metavar="OUT", default=None)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args(argv)

    timings: dict[str, float] = collections.defaultdict(float)
    calls: dict[str, int] = collections.Counter()

    def timed(name, fn):
        def wrapper(*a, **kw):
            t0 = CLOCK()
            try:
                result = fn(*a, **kw)
                if hasattr(result, "__next__"):  # a generator: time its consumption
                    result = list(result)
                return result
            finally:
                timings[name] += CLOCK() - t0
                calls[name] += 1
        return wrapper

    profiler = None
    if args.cprofile:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()

    t0 = CLOCK()
    import newslint.cli  # noqa: F401 - its import is timed here
    import newslint.engine as engine_mod
    timings["import newslint.cli, newslint.engine"] = CLOCK() - t0

    t0 = CLOCK()
    sys.path.insert(0, str(HERE))
    import benchlib

    engine, files = benchlib.engine_in_process(args.paths, args.config, args.select)
    timings["set-up: config, plugins, rules, packs"] = CLOCK() - t0

    engine_mod.parse_document = timed("parse (markdown, front matter, blocks)",
                                      engine_mod.parse_document)
    for rule in engine.active:
        for meth in ("check", "collect", "finish", "check_corpus"):
            fn = getattr(rule, meth, None)
            if callable(fn):
                try:
                    setattr(rule, meth, timed(f"rule {rule.id}.{meth}", fn))
                except (AttributeError, TypeError):
                    pass
    for meth in ("_run_corpus_rules", "_report_unused_suppressions", "_read", "_filter",
                 "_finding"):
        fn = getattr(engine, meth, None)
        if callable(fn):
            setattr(engine, meth, timed(f"engine {meth}", fn))

    t0 = CLOCK()
    engine.start(1)
    try:
        result = engine.run(files, jobs=1)
    finally:
        engine.stop()
    total_run = CLOCK() - t0
    timings["engine.run (all files, one job)"] = total_run

    if profiler:
        profiler.disable()
        profiler.dump_stats(args.cprofile)

    n_files = len(files)
    findings = len(result.findings) if hasattr(result, "findings") else "?"
    print(f"{n_files} files, {findings} findings\n")
    print(f"{'stage':<58} {'CPU ms':>10} {'calls':>7} {'ms/file':>8} {'% of run':>8}")
    for name, secs in sorted(timings.items(), key=lambda kv: -kv[1]):
        share = f"{100 * secs / total_run:7.1f}%" if not name.startswith(("import", "set-up",
                                                                        "engine.run")) else ""
        print(f"{name:<58} {secs * 1000:>10.1f} {calls.get(name, 1):>7} "
              f"{secs * 1000 / max(n_files, 1):>8.2f} {share:>8}")
    if profiler:
        import pstats
        print(f"\nslowest functions by own time ({args.cprofile}):")
        pstats.Stats(args.cprofile).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
