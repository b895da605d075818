"""The HTML report: its size, the time to write it, and the time until it is interactive.

For the seed article and for the Wikinews corpus (295 articles) this runs
``newslint check … --format html --output FILE`` once (timed as a whole process), then opens the
file in a headless Chromium (Debian's ``chromium`` and ``chromium-driver``, network off) several
times, each in a fresh tab state, and reads two clocks from the page itself, in milliseconds
since the navigation started:

* ``domContentLoaded``: the browser has parsed the whole page;
* ``ready``: the report's script has set up (details, filters, navigation) — from then on a
  click or a key works: the time until it is interactive. The script is the page's last
  element, so this comes just before ``domContentLoaded``;
* ``first paint``: the first text on screen (``first-contentful-paint``).

The median of the loads is reported. LanguageTool's findings are included when a server is
given (``--languagetool-url``); without one the grammar server is off and the report holds
newslint's own findings only.

    .venv/bin/python benchmarks/bench_html.py
    .venv/bin/python benchmarks/bench_html.py --languagetool-url http://127.0.0.1:8081/ --loads 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(REPO / "tests"))  # the tests' Chromium set-up: one way to start it

from chromium import missing_message, start_driver  # noqa: E402
from shared_paths import SEED, WIKINEWS  # noqa: E402

NEWSLINT = REPO / ".venv" / "bin" / "newslint"


def write_report(paths: list, out: Path, config: Path, jobs: int) -> float:
    """Run newslint once; returns its wall time in seconds."""
    started = time.perf_counter()
    result = subprocess.run([str(NEWSLINT), "check", *map(str, paths), "--format", "html",
                             "--output", str(out), "--config", str(config), "--jobs", str(jobs),
                             "--no-cache"], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"newslint exited {result.returncode}: {result.stderr[-2000:]}")
    return elapsed


def first_paint(driver, timeout: float = 10.0) -> float:
    """``first-contentful-paint`` in ms; the entry appears a frame after the paint, so wait."""
    script = ("var p = performance.getEntriesByName('first-contentful-paint')[0];"
              "return p ? p.startTime : null")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value is not None:
            return float(value)
        time.sleep(0.05)
    raise SystemExit("the page reported no first-contentful-paint")


def load_times(driver, page: Path, loads: int) -> dict:
    from chromium import wait_ready

    ready, parsed, painted, marks = [], [], [], 0
    for _ in range(loads):
        driver.get("about:blank")
        driver.get(page.resolve().as_uri())
        ready.append(wait_ready(driver, timeout=300))
        parsed.append(float(driver.execute_script(
            "var n = performance.getEntriesByType('navigation')[0];"
            "return n.domContentLoadedEventEnd")))
        painted.append(first_paint(driver))
        marks = int(driver.execute_script(
            "return document.querySelectorAll('[data-rule]').length"))
        fetched = driver.execute_script("return performance.getEntriesByType('resource').length")
        if fetched:
            raise SystemExit(f"{page}: the page loaded {fetched} resources; it must load none")
    return {"ready_ms": statistics.median(ready), "dom_content_loaded_ms":
            statistics.median(parsed), "first_paint_ms": statistics.median(painted),
            "ready_all_ms": ready, "highlights": marks}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languagetool-url", metavar="URL",
                        help="a running LanguageTool server (default: LanguageTool off)")
    parser.add_argument("--loads", type=int, default=3, help="page loads per report (median)")
    parser.add_argument("--jobs", type=int, default=2, help="newslint --jobs")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    why = missing_message()
    if why:
        raise SystemExit(why)
    cases = [("seed", [SEED]), ("wikinews", sorted(WIKINEWS.glob("*.md")))]
    rows = []
    with tempfile.TemporaryDirectory(prefix="newslint-bench-html-") as tmp:
        config = Path(tmp) / ".newslint.yaml"
        config.write_text(f"languagetool:\n  url: {args.languagetool_url}\n"
                          if args.languagetool_url else "languagetool: off\n", encoding="utf-8")
        driver = start_driver()
        try:
            for name, paths in cases:
                out = Path(tmp) / f"{name}.html"
                seconds = write_report(paths, out, config, args.jobs)
                row = {"case": name, "files": len(paths), "bytes": out.stat().st_size,
                       "write_s": round(seconds, 2)}
                row.update(load_times(driver, out, args.loads))
                rows.append(row)
        finally:
            driver.quit()
    lt = f"LanguageTool at {args.languagetool_url}" if args.languagetool_url else \
        "LanguageTool off"
    print(f"HTML report ({lt}; median of {args.loads} loads in headless Chromium)\n")
    print("| case | files | highlights | size | newslint run | interactive | DOM parsed "
          "| first paint |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['case']} | {r['files']} | {r['highlights']:,} | "
              f"{r['bytes'] / 1e6:.2f} MB | {r['write_s']:.2f} s | "
              f"{r['ready_ms']:.0f} ms | {r['dom_content_loaded_ms']:.0f} ms | "
              f"{r['first_paint_ms']:.0f} ms |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
