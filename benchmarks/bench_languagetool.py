"""LanguageTool through newslint vs a plain language-tool-python loop, and spelling noise.

Each side talks to a LanguageTool server started the same way (from the installation that
``newslint languagetool install`` made, with newslint's server options) and runs the same
rules:

* baseline: ``language_tool_python.LanguageTool("en-US", remote_server=URL).check(text)`` on each
  file's whole text (front matter and markup included, as a plain loop would), one after
  another;
* newslint: ``newslint check --select languagetool`` over the same files with the server's URL
  in its configuration, first with an empty cache (cold), then again (warm). It sends the prose
  of paragraphs, quotes and list items, markup removed.

Each side gets a server of its own, warmed the same way on other articles: LanguageTool keeps
caches per rule pipeline (2,000 spelling suggestions each), so the side measured second on a
shared server would find the words of the first one already looked up (measured: a fifth less
server time for newslint run after the baseline on the same 60 articles). Server CPU seconds
are reported beside wall times: other processes on the machine change the wall time, hardly
the work.

``--spelling`` instead counts spell-checker findings on the first N articles with and without
the names the articles introduce (``languagetool.article_names``); ``--matches`` compares
LanguageTool's matches per rule on both sides' text.

    .venv/bin/python benchmarks/bench_languagetool.py                 # speed, 295 articles
    .venv/bin/python benchmarks/bench_languagetool.py --files 40      # speed, first 40
    .venv/bin/python benchmarks/bench_languagetool.py --spelling 50   # spelling noise
    .venv/bin/python benchmarks/bench_languagetool.py --by-rule 295   # findings per rule
    .venv/bin/python benchmarks/bench_languagetool.py --matches 40    # same matches both sides?
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import language_tool_python

from newslint.config import Config
from newslint.engine import parse_document
from newslint.languagetool.client import CheckSettings, LanguageToolClient
from newslint.languagetool.provision import DEFAULT_VERSION, find_installation
from newslint.languagetool.server import LanguageToolServer
from newslint.languagetool.settings import NEWS_DISABLED_RULES, SECTION_DEFAULTS

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


def plain_tool(url: str) -> language_tool_python.LanguageTool:
    tool = language_tool_python.LanguageTool("en-US", remote_server=url)
    # The rules newslint turns off by default, so both sides run the same rules.
    tool.disabled_rules = set(NEWS_DISABLED_RULES)
    return tool


def baseline(files: list[Path], url: str) -> float:
    tool = plain_tool(url)
    start = time.perf_counter()
    for f in files:
        tool.check(f.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def prose_of(path: Path) -> list[str]:
    """The paragraphs newslint sends to LanguageTool for one file."""
    doc = parse_document(str(path), path.read_text(encoding="utf-8"), path.suffix)
    return [b.prose for b in doc.prose_blocks if b.prose.strip()]


def server_cpu(server: LanguageToolServer) -> float:
    """CPU seconds the server's JVM has used so far (0 where /proc is missing)."""
    try:
        fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def warm_up(url: str, files: list[Path]) -> None:
    """JIT-compile the JVM and build two rule pipelines (both sides may check two texts at
    once), on articles that are not measured."""
    threads = [threading.Thread(target=baseline, args=(part, url))
               for part in (files[0::2], files[1::2])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@contextmanager
def fresh_server(args):
    inst = find_installation(Config().cache_dir, DEFAULT_VERSION)
    if inst is None:
        sys.exit("LanguageTool is not installed: run `newslint languagetool install`")
    server = LanguageToolServer(inst, heap=args.heap, startup_timeout=300,
                                jvm_options=SECTION_DEFAULTS["jvm_options"])
    server.start()
    try:
        if args.warmup:
            warm_up(server.url, articles(None)[-args.warmup:])
        yield server
    finally:
        server.stop()


def speed(args, workdir: Path) -> None:
    files = articles(args.files)
    with fresh_server(args) as server:
        cpu = server_cpu(server)
        base = baseline(files, server.url)
        base_cpu = server_cpu(server) - cpu
    cache_dir = workdir / "cache"
    with fresh_server(args) as server:
        cpu = server_cpu(server)
        cold, found = run_newslint(files, server.url, cache_dir, workdir, args.jobs)
        cold_cpu = server_cpu(server) - cpu
        warm_time, found_again = run_newslint(files, server.url, cache_dir, workdir, args.jobs)
    assert len(found) == len(found_again), "a warm run must report what the cold run did"
    raw = sum(len(f.read_text(encoding="utf-8")) for f in files)
    paragraphs = [p for f in files for p in prose_of(f)]
    unique = set(paragraphs)
    print(f"files: {len(files)}  jobs: {args.jobs}")
    print(f"baseline sends {raw:,} characters (whole files); newslint {sum(map(len, unique)):,} "
          f"({len(unique):,} distinct paragraphs of {len(paragraphs):,}, prose only)")
    print(f"baseline (language-tool-python check() per file): {base:8.1f} s  "
          f"server CPU {base_cpu:6.1f} s")
    print(f"newslint cold (empty cache):                       {cold:8.1f} s  "
          f"server CPU {cold_cpu:6.1f} s  ({base / cold:.2f}x the baseline)")
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


def matches(args, url: str, workdir: Path) -> None:
    """LanguageTool's matches per rule on what each side sends, before newslint's own filters
    (names, dictionary, rules its native rules replace): differences come from the text, markup
    and front matter the baseline also sends."""
    files = articles(args.matches)
    tool = plain_tool(url)
    settings = CheckSettings(disabled_rules=tuple(sorted(NEWS_DISABLED_RULES)))
    client = LanguageToolClient(url, settings, "bench")
    plain, ours = collections.Counter(), collections.Counter()
    for f in files:
        plain.update(m.rule_id for m in tool.check(f.read_text(encoding="utf-8")))
        ours.update(m.rule_id for answer in client.check_texts(prose_of(f)) for m in answer)
    client.close()
    print(f"{sum(plain.values())} matches on the whole files, {sum(ours.values())} on the prose "
          f"newslint sends, {len(files)} articles; rules with different counts:")
    for rule in sorted(set(plain) | set(ours), key=lambda r: -abs(plain[r] - ours[r])):
        if plain[rule] != ours[rule]:
            print(f"{plain[rule]:5d} {ours[rule]:5d}  {rule}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=0, help="first N articles (default all)")
    parser.add_argument("--spelling", type=int, default=0, metavar="N",
                        help="measure spelling findings on the first N articles instead")
    parser.add_argument("--by-rule", type=int, default=0, metavar="N",
                        help="list findings per LanguageTool rule on the first N articles")
    parser.add_argument("--matches", type=int, default=0, metavar="N",
                        help="compare LanguageTool's matches per rule on both sides' text")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--warmup", type=int, default=10, help="articles to warm the JVM on")
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        if not (args.spelling or args.by_rule or args.matches):
            speed(args, Path(tmp))
            return 0
        mode = (spelling if args.spelling else by_rule if args.by_rule else matches)
        with fresh_server(args) as server:
            mode(args, server.url, Path(tmp))
    return 0

if __name__ == "__main__":
    sys.exit(main())
