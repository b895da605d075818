#!/usr/bin/env python3
"""Which regular expressions newslint's time goes to: each pattern's calls and milliseconds.

    python benchmarks/profile_patterns.py [PATH ...] [--config FILE] [--select IDS] [--top 30]

Counted with valgrind over the Wikinews run, the standard regular-expression engine executes
about a third of newslint's machine instructions, more than the interpreter's own loop; the
profile of Python functions (``profile_newslint.py --cprofile``) cannot say which patterns,
since a match is a C call inside whatever function made it. This script wraps every pattern
compiled through :mod:`re` (``re.compile`` and the module functions such as ``re.search``) in
a proxy that times each call (and those of ``newslint.text.patterns.compile``) with a wall clock (and each step of a ``finditer``), runs
newslint in this process with one job as ``profile_newslint.py`` does, and prints the patterns
by total time with the module that compiled them. The proxy adds about a microsecond a call,
so patterns called very often look a little dearer than they are: read the table for where to
look, and measure a change with ``benchlib.instructions`` or the benchmarks.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLOCK = time.perf_counter_ns

_times: dict = collections.defaultdict(int)
_calls: dict = collections.Counter()
_where: dict = {}


class _Timed:
    """A compiled pattern whose matching methods are timed; anything else is the pattern's."""

    def __init__(self, compiled: re.Pattern, key):
        self._compiled = compiled
        self._key = key

    def __getattr__(self, name):
        value = getattr(self._compiled, name)
        if name in ("search", "match", "fullmatch", "sub", "subn", "findall", "split"):
            return self._timed(value)
        if name == "finditer":
            return self._timed_iter(value)
        return value

    def _timed(self, fn):
        key = self._key

        def call(*a, **kw):
            t0 = CLOCK()
            try:
                return fn(*a, **kw)
            finally:
                _times[key] += CLOCK() - t0
                _calls[key] += 1
        return call

    def _timed_iter(self, fn):
        key = self._key

        def call(*a, **kw):
            t0 = CLOCK()
            it = fn(*a, **kw)
            _times[key] += CLOCK() - t0
            _calls[key] += 1
            while True:
                t0 = CLOCK()
                try:
                    m = next(it)
                except StopIteration:
                    _times[key] += CLOCK() - t0
                    return
                _times[key] += CLOCK() - t0
                yield m
        return call


def _install() -> None:
    original = re._compile

    def _compile(pattern, flags):
        if isinstance(pattern, _Timed):
            pattern = pattern._compiled
        return _timed(original(pattern, flags))

    re._compile = _compile
    # newslint's own patterns are built by patterns.compile from the one parse it makes, not
    # through re._compile: wrapped too, before the modules that import it are imported.
    from newslint.text import patterns

    ours = patterns.compile
    patterns.compile = lambda pattern, flags=0: _timed(ours(pattern, flags))


def _timed(compiled) -> _Timed:
    """``compiled`` timed, keyed by its text, with the module that compiled it noted."""
    key = (compiled.pattern, compiled.flags)
    if key not in _where:
        frame = sys._getframe(2)
        while frame is not None and frame.f_globals.get("__name__", "") in (
                "re", __name__, "newslint.text.patterns"):
            frame = frame.f_back
        _where[key] = (frame.f_globals.get("__name__", "?") if frame else "?")
    return _Timed(compiled, key)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(HERE / "corpus" / "wikinews")])
    ap.add_argument("--config", default=str(HERE / "newslint" / "builtin.yaml"))
    ap.add_argument("--select", default=None)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)

    _install()
    sys.path.insert(0, str(HERE))
    import benchlib

    engine, files = benchlib.engine_in_process(args.paths, args.config, args.select)
    _times.clear()
    _calls.clear()  # what set-up compiled and ran is not the run's
    t0 = CLOCK()
    engine.start(1)
    try:
        engine.run(files, jobs=1)
    finally:
        engine.stop()
    total = CLOCK() - t0
    in_patterns = sum(_times.values())
    print(f"{len(files)} files: {total / 1e6:.0f} ms run, {in_patterns / 1e6:.0f} ms "
          f"({100 * in_patterns / total:.0f}%) in {len(_times)} patterns' methods\n")
    print(f"{'ms':>8} {'calls':>8} {'µs/call':>8}  {'compiled in':<34} pattern")
    for key, ns_ in sorted(_times.items(), key=lambda kv: -kv[1])[:args.top]:
        source = key[0] if isinstance(key[0], str) else repr(key[0])
        shown = source if len(source) <= 70 else source[:67] + "..."
        print(f"{ns_ / 1e6:>8.1f} {_calls[key]:>8} {ns_ / 1e3 / _calls[key]:>8.2f}  "
              f"{_where.get(key, '?'):<34} {shown!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
