"""LanguageTool through newslint vs a plain language-tool-python loop, and spelling noise.

Both sides talk to the same LanguageTool server (started here from the installation that
``newslint languagetool install`` made) with the same rules:

* baseline: ``language_tool_python.LanguageTool("en-US", remote_server=URL).check(text)`` for
  each file, one after another;
* newslint: ``newslint check --select languagetool`` over the same files with the server's URL
  in its configuration, first with an empty cache (cold), then again (warm).

``--spelling`` instead counts spell-checker findings on the first N articles with and without
the names the articles introduce (``languagetool.article_names``).

    .venv/bin/python benchmarks/bench_languagetool.py                 # speed, 295 articles
    .venv/bin/python benchmarks/bench_languagetool.py --spelling 50   # spelling noise
    .venv/bin/python benchmarks/bench_languagetool.py --by-rule 295   # findings per rule
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import language_tool_python

from newslint.config import Config
from newslint.languagetool.provision import DEFAULT_VERSION, find_installation
from newslint.languagetool.server import LanguageToolServer
from newslint.languagetool.service import NEWS_DISABLED_RULES, SECTION_DEFAULTS

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "benchmarks" / "corpus" / "wikinews"
NEWSLINT = Path(sys.executable).with_name("newslint")


def articles(limit: int | None) -> list[Path]:
    files = sorted(CORPUS.glob("20*.md"))
    return files[:limit] if limit else files


def run_newslint(files: list[Path], url: str, cache_dir: Path, workdir: Path, jobs: int,
                 extra_section: dict | None = None, cache: bool = True) -> tuple[float, list]:
    section = {"mode": "required", "url": url}
    section.update(extra_section or {})
    config = workdir / ".newslint.yaml"
    config.write_text(json.dumps({"cache_dir": str(cache_dir), "languagetool": section}))
    cmd = [str(NEWSLINT), "check", "--config", str(config), "--select", "languagetool",
           "--format", "json", "--jobs", str(jobs), "--fail-on", "error"]
    if not cache:
        cmd.append("--no-cache")
    start = time.perf_counter()
    proc = subprocess.run(cmd + [str(f) for f in files], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed, findings_of(json.loads(proc.stdout))


def findings_of(report) -> list:
    if isinstance(report, dict):
        for key in ("findings", "results", "files"):
            if key in report:
                return findings_of(report[key])
        return []
    out = []
    for item in report:
        if isinstance(item, dict) and "rule" in item:
            out.append(item)
        elif isinstance(item, dict) and "findings" in item:
            out += item["findings"]
    return out


def baseline(files: list[Path], url: str) -> float:
    tool = language_tool_python.LanguageTool("en-US", remote_server=url)
    # The rules newslint turns off by default, so both sides run the same rules.
    tool.disabled_rules = set(NEWS_DISABLED_RULES)
    start = time.perf_counter()
    for f in files:
        tool.check(f.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def speed(args, url: str, workdir: Path) -> None:
    files = articles(args.files)
    # Warm the JVM (its JIT) on other text first, so neither side pays for it.
    warm = articles(None)[-args.warmup:] if args.warmup else []
    baseline(warm, url)
    base = baseline(files, url)
    cache_dir = workdir / "cache"
    cold, found = run_newslint(files, url, cache_dir, workdir, args.jobs)
    warm_time, found_again = run_newslint(files, url, cache_dir, workdir, args.jobs)
    assert len(found) == len(found_again), "a warm run must report what the cold run did"
    print(f"files: {len(files)}  jobs: {args.jobs}")
    print(f"baseline (language-tool-python check() per file): {base:8.1f} s")
    print(f"newslint cold (empty cache):                       {cold:8.1f} s  "
          f"({base / cold:.2f}x the baseline)")
    print(f"newslint warm (unchanged files):                   {warm_time:8.2f} s  "
          f"({cold / warm_time:.0f}x faster than cold)")


def spelling(args, url: str, workdir: Path) -> None:
    files = articles(args.spelling)
    results = {}
    for label, names in (("without names", False), ("with names", True)):
        _, found = run_newslint(files, url, workdir / "cache", workdir, args.jobs,
                                {"article_names": names}, cache=True)
        spelled = [f for f in found if f["rule"].startswith("languagetool/MORFOLOGIK")]
        results[label] = spelled
        print(f"{label}: {len(spelled)} spelling findings in {len(files)} articles")
    words = collections.Counter(f["excerpt"] for f in results["with names"])
    print("left with names:", ", ".join(f"{w} ({n})" if n > 1 else w
                                        for w, n in words.most_common()))


def by_rule(args, url: str, workdir: Path) -> None:
    files = articles(args.by_rule)
    _, found = run_newslint(files, url, workdir / "cache", workdir, args.jobs)
    groups = collections.defaultdict(list)
    for f in found:
        groups[f["rule"]].append(f)
    print(f"{len(found)} findings in {len(files)} articles")
    for rule, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        examples = "; ".join(f"{Path(f['path']).name[:24]}:{f['line']} {f['excerpt']!r}"
                             for f in items[:args.examples])
        print(f"{len(items):4d} {rule}  [{items[0]['category']}]  {examples}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=0, help="first N articles (default all)")
    parser.add_argument("--spelling", type=int, default=0, metavar="N",
                        help="measure spelling findings on the first N articles instead")
    parser.add_argument("--by-rule", type=int, default=0, metavar="N",
                        help="list findings per LanguageTool rule on the first N articles")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--warmup", type=int, default=10, help="articles to warm the JVM on")
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args()
    inst = find_installation(Config().cache_dir, DEFAULT_VERSION)
    if inst is None:
        sys.exit("LanguageTool is not installed: run `newslint languagetool install`")
    server = LanguageToolServer(inst, heap=args.heap, startup_timeout=300,
                                jvm_options=SECTION_DEFAULTS["jvm_options"])
    server.start()
    try:
        with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
            mode = spelling if args.spelling else by_rule if args.by_rule else speed
            mode(args, server.url, Path(tmp))
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
