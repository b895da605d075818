#!/usr/bin/env python3
"""The judged corpus: every default finding on real articles, read and judged by a person.

    python benchmarks/judged.py table [--by-rule] [--url URL]   # precision per rule family
    python benchmarks/judged.py todo --out FILE [--url URL]     # findings nobody has judged yet
    python benchmarks/judged.py record FILE                     # add the verdicts written in FILE
    python benchmarks/judged.py check [--url URL]               # exit 1 unless every finding is
                                                                # judged and every family meets the bar

The corpus (``benchmarks/judgements/corpus.yaml``) is the seed article, a fixed sample of the
Wikinews articles in ``benchmarks/corpus/wikinews`` and the story texts (``articleBody``) of the
saved news pages in ``../shared/corpora/news_page_extraction_dev``. Those pages are other
outlets' copyright: their text is written to a temporary folder for the run and never kept, and
their judgements record only the page id, the position, a hash of the flagged text and the
reason. The publication date each saved page states (its meta tags) is given to newslint beside
the text, as a newsroom's export gives it; the seed, whose text is all there is, has none.

newslint runs with the default configuration and LanguageTool on (a server of its own, or
``--url``), as a user's first run would. Each finding is looked up in the judgement files
(``benchmarks/judgements/findings/*.jsonl``) by document, rule, offset and length; a finding
whose flagged text has changed counts as unjudged. Verdicts:

- ``true``: a copy editor would act on it (a real error, or a real breach of the rule's stated
  purpose);
- ``false``: wrong, or right only in a way no copy editor would act on;
- ``debatable``: reasonable editors would differ.

Precision is true / (true + false); debatable findings are counted but left out of it, and
false findings are also given per 1,000 words of the judged corpus.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import collections
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "securityweek-tiktok-wechat-bans.txt"
WIKINEWS = REPO / "benchmarks" / "corpus" / "wikinews"
EXTRACTION = SHARED / "corpora" / "news_page_extraction_dev" / "ground-truth.json"
JUDGEMENTS = REPO / "benchmarks" / "judgements"
CORPUS_FILE = JUDGEMENTS / "corpus.yaml"
FINDINGS_DIR = JUDGEMENTS / "findings"
VERDICTS = ("true", "false", "debatable")
#: Judgement files by document group; the extraction pages' text is never stored.
GROUP_FILES = {"seed": "seed.jsonl", "wikinews": "wikinews.jsonl",
               "extraction": "extraction.jsonl"}
THIRD_PARTY = {"extraction"}
#: The bar every default-on rule family is held to, and the corpus-wide false-alarm budget.
PRECISION_BAR = 0.9
FALSE_PER_1000_WORDS_MAX = 0.5


# -- the corpus -----------------------------------------------------------------------------

def load_corpus() -> dict:
    import yaml

    return yaml.safe_load(CORPUS_FILE.read_text(encoding="utf-8"))


def materialize(workdir: Path) -> dict:
    """``{doc_id: path}`` for every judged document; extraction texts go to ``workdir``."""
    corpus = load_corpus()
    docs: dict = {}
    if corpus.get("seed"):
        if not SEED.exists():
            sys.exit(f"the seed article is missing: {SEED}")
        docs["seed"] = SEED
    for name in corpus.get("wikinews", []) + corpus.get("heldout", []):
        docs[f"wikinews/{name}"] = WIKINEWS / name
    pages = corpus.get("extraction", [])
    if pages:
        if not EXTRACTION.exists():
            sys.exit(f"the saved news pages are missing: {EXTRACTION}")
        truth = json.loads(EXTRACTION.read_text(encoding="utf-8"))
        folder = workdir / "extraction"
        folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            path = folder / f"{page}.txt"
            path.write_text(truth[page]["articleBody"].strip() + "\n", encoding="utf-8")
            docs[f"extraction/{page}"] = path
    return docs


#: Where a saved page states its publication date, most trusted first: meta tags and JSON-LD,
#: then a page's own "published" field or label.
_PAGE_DATE = [re.compile(p, re.I) for p in (
    r'<meta[^>]+(?:property|name|itemprop)=["\'](?:article:published_time|article:published|'
    r'datePublished[^"\']*|date|pubdate|publishdate|og:published_time|parsely-pub-date|'
    r'sailthru\.date|dc\.date|DC\.date\.issued)["\'][^>]*content=["\']([^"\']+)',
    r'<meta[^>]+content=["\']([^"\']+)["\'][^>]*(?:property|name|itemprop)=["\']'
    r'(?:article:published_time|datePublished|date|pubdate)["\']',
    r'"(?:datePublished|firstPublished)"\s*:\s*"([^"]+)"',
    r'class="published_date"[^>]*value="([^"]+)"',
    r'class="article-publish-date">([^<]+)<',
    r'itemprop="datePublished">([^<]+)<',
    r'\bPublished\s+(\d{1,2}:\d\d\s*[AP]M\s+\w+\s+\w+\.? \d{1,2}, \d{4})',
    r'<time[^>]+datetime=["\']([^"\']+)')]


def _page_day(value: str):
    from dateutil import parser

    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    import warnings

    try:
        with warnings.catch_warnings():  # "EST", "IST": the day is all that is needed
            warnings.simplefilter("ignore")
            return parser.parse(value, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None


def page_dates(doc_ids) -> dict:
    """``{doc_id: date}`` for the saved news pages that state their publication date.

    A publisher's system holds the date beside the story; the extracted story text lost it.
    newslint is given it the way a newsroom's export would give it (``Checker.run(dates=)``),
    so that "on Friday" is read against the day the story ran. The seed, whose text is all
    there is, gets no date.
    """
    import gzip

    dates = {}
    for doc_id in doc_ids:
        if group_of(doc_id) != "extraction":
            continue
        page = EXTRACTION.parent / "html" / f"{doc_id.split('/', 1)[1]}.html.gz"
        try:
            html = gzip.open(page, "rt", encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        for pattern in _PAGE_DATE:
            day = next((d for d in (_page_day(m.group(1)) for m in pattern.finditer(html))
                        if d is not None and d.year >= 1990), None)  # not a template's 0001
            if day is not None:
                dates[doc_id] = day
                break
    return dates


def group_of(doc_id: str) -> str:
    return doc_id.split("/", 1)[0]


# -- running newslint ---------------------------------------------------------------------

def run_newslint(docs: dict, url: str = "", jobs: int = 2, use_cache: bool = True,
                 config_text: str = "") -> tuple[list, dict, dict]:
    """Findings (dicts) of the default configuration with LanguageTool required, the words of
    each document and each document's text."""
    from newslint.checker import Checker

    with tempfile.TemporaryDirectory(prefix="newslint-judged-") as tmp:
        cfg = Path(tmp) / ".newslint.yaml"
        section = {"mode": "required"}
        if url:
            section["url"] = url
        cfg.write_text(config_text or ("languagetool: " + json.dumps(section) + "\n"),
                       encoding="utf-8")
        checker = Checker.load(config_file=cfg, warn=lambda m: print(f"warning: {m}",
                                                                       file=sys.stderr))
        checker.config.use_cache = use_cache
        by_path = {str(p): d for d, p in docs.items()}
        dates = {str(docs[d]): day for d, day in page_dates(docs).items()}
        with checker.start(jobs):
            result = checker.run(list(by_path), dates=dates)
    errors = [e.message for fo in result.files for e in fo.errors]
    if errors:
        sys.exit("newslint could not check every judged document:\n" + "\n".join(errors))
    findings, words, texts = [], {}, {}
    for fo in result.files:
        doc_id = by_path[fo.path]
        words[doc_id] = fo.words
        texts[doc_id] = Path(fo.path).read_text(encoding="utf-8")
        for f in fo.findings:
            item = f.to_dict()
            item["doc"] = doc_id
            findings.append(item)
    return findings, words, texts


# -- judgements ---------------------------------------------------------------------------

def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def key_of(item: dict) -> tuple:
    return (item["doc"], item["rule"], item["offset"], item["length"])


def load_judgements() -> dict:
    judged = {}
    for name in GROUP_FILES.values():
        path = FINDINGS_DIR / name
        if not path.exists():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if item.get("verdict") not in VERDICTS:
                sys.exit(f"{path}:{n}: verdict must be one of {VERDICTS}")
            if not item.get("reason"):
                sys.exit(f"{path}:{n}: every judgement needs a one-line reason")
            judged[key_of(item)] = item
    return judged


def same_text(judgement: dict, finding: dict) -> bool:
    if "excerpt" in judgement:
        return judgement["excerpt"] == finding["excerpt"]
    return judgement.get("excerpt_sha1") == digest(finding["excerpt"])


def write_judgements(judged: dict) -> None:
    FINDINGS_DIR.mkdir(parents=True, exist_ok=True)
    groups = collections.defaultdict(list)
    for item in judged.values():
        groups[group_of(item["doc"])].append(item)
    for group, name in GROUP_FILES.items():
        items = sorted(groups.get(group, []), key=key_of)
        lines = [json.dumps(_stored(i), ensure_ascii=False, sort_keys=False) for i in items]
        (FINDINGS_DIR / name).write_text("".join(line + "\n" for line in lines),
                                         encoding="utf-8")


def _stored(item: dict) -> dict:
    out = {"doc": item["doc"], "rule": item["rule"], "offset": item["offset"],
           "length": item["length"]}
    if group_of(item["doc"]) in THIRD_PARTY:
        out["excerpt_sha1"] = item.get("excerpt_sha1") or digest(item["excerpt"])
    else:
        out["excerpt"] = item["excerpt"]
    out["verdict"] = item["verdict"]
    out["reason"] = item["reason"]
    return out


def join(findings: list, judged: dict, checked=None) -> tuple[list, list]:
    """(findings with their verdict or None, judged-true findings no longer produced).

    ``checked`` holds the documents of this run: a judgement of an article outside the judged
    corpus (the names rules' findings on every Wikinews article) is not a lost finding."""
    seen = set()
    out = []
    for f in findings:
        j = judged.get(key_of(f))
        verdict = j["verdict"] if j is not None and same_text(j, f) else None
        out.append((f, verdict, j["reason"] if verdict else ""))
        seen.add(key_of(f))
    # A true finding is lost only when nothing reports its words any more: the same fault
    # reported by another rule (one finding per fault) or with a wider span still counts.
    spans = collections.defaultdict(list)
    for f in findings:
        spans[f["doc"]].append((f["offset"], f["offset"] + max(f["length"], 1)))
    lost = [j for k, j in judged.items() if k not in seen and j["verdict"] == "true"
            and (checked is None or j["doc"] in checked)
            and not any(s < j["offset"] + max(j["length"], 1) and j["offset"] < e
                        for s, e in spans[j["doc"]])]
    return out, lost


# -- the table ----------------------------------------------------------------------------

def family(finding: dict) -> str:
    rule = finding["rule"]
    if rule.startswith("languagetool/"):
        return f"LanguageTool {finding['category']}"
    return rule


def table(joined: list, words: dict, by_rule: bool = False) -> str:
    families = collections.defaultdict(collections.Counter)
    lt_rules = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for f, verdict, _ in joined:
        label = verdict or "unjudged"
        families[family(f)][label] += 1
        families["all"][label] += 1
        if f["rule"].startswith("languagetool/"):
            lt_rules[family(f)][f["rule"]][label] += 1
    total_words = sum(words.values())
    lines = [f"{len(words)} documents, {total_words:,} words", "",
             "| rule family | findings | true | false | debatable | unjudged | precision |",
             "|---|---|---|---|---|---|---|"]
    for name in sorted(families, key=lambda n: (n == "all", n)):
        lines.append(_row(name, families[name]))
        if by_rule:
            for rule in sorted(lt_rules.get(name, {})):
                lines.append(_row("&nbsp;&nbsp;" + rule, lt_rules[name][rule]))
    false = families["all"]["false"]
    lines.append(f"\nfalse findings per 1,000 words: {1000 * false / max(total_words, 1):.2f}")
    return "\n".join(lines)


def shortfalls(joined: list, words: dict, lost: list) -> list[str]:
    """What keeps today's findings from the bar: a default-on rule family below
    ``PRECISION_BAR``, more than ``FALSE_PER_1000_WORDS_MAX`` false findings per 1,000 words, or a
    finding judged true that is no longer found (recall lost)."""
    families = collections.defaultdict(collections.Counter)
    for f, verdict, _ in joined:
        families[family(f)][verdict or "unjudged"] += 1
    problems = []
    for name in sorted(families):
        c = families[name]
        decided = c["true"] + c["false"]
        if decided and c["true"] / decided < PRECISION_BAR:
            problems.append(f"{name}: precision {c['true'] / decided:.2f} "
                            f"({c['true']} true, {c['false']} false) is below {PRECISION_BAR}")
    false = sum(c["false"] for c in families.values())
    rate = 1000 * false / max(sum(words.values()), 1)
    if rate > FALSE_PER_1000_WORDS_MAX:
        problems.append(f"{rate:.2f} false findings per 1,000 words is above "
                        f"{FALSE_PER_1000_WORDS_MAX}")
    # LanguageTool grammar and style inside quoted speech and interview answers is dropped by
    # design (editors do not correct quotes), even where a reader judged a transcriber's slip
    # true; any other true finding lost is recall lost.
    recall = [j for j in lost if not is_languagetool_grammar(j["rule"])]
    if recall:
        problems.append(f"{len(recall)} findings judged true are no longer found "
                        "(listed above)")
    return problems


def is_languagetool_grammar(rule: str) -> bool:
    return rule.startswith("languagetool/") and not rule.startswith("languagetool/MORFOLOGIK")


def _row(name: str, c: collections.Counter) -> str:
    n = sum(c.values())
    decided = c["true"] + c["false"]
    precision = f"{c['true'] / decided:.2f}" if decided else "—"
    return (f"| {name} | {n} | {c['true']} | {c['false']} | {c['debatable']} | "
            f"{c['unjudged']} | {precision} |")


# -- to judge -----------------------------------------------------------------------------

def context_of(text: str, finding: dict, width: int = 300) -> str:
    """The paragraph around a finding with the flagged text marked ⟦…⟧."""
    start, end = finding["offset"], finding["offset"] + finding["length"]
    left = text.rfind("\n\n", 0, start)
    left = max(left + 2 if left >= 0 else 0, start - width)
    right = text.find("\n\n", end)
    right = min(right if right >= 0 else len(text), end + width)
    return (text[left:start] + "⟦" + text[start:end] + "⟧" + text[end:right]).strip()


def todo_items(joined: list, texts: dict) -> list:
    items = []
    for f, verdict, _ in joined:
        if verdict is not None:
            continue
        items.append({"doc": f["doc"], "rule": f["rule"], "offset": f["offset"],
                      "length": f["length"], "excerpt": f["excerpt"], "message": f["message"],
                      "suggestions": f["suggestions"], "line": f["line"],
                      "context": context_of(texts[f["doc"]], f), "verdict": "", "reason": ""})
    return items


def record(path: Path) -> int:
    judged = load_judgements()
    added = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        if not item.get("verdict"):
            continue
        if item["verdict"] not in VERDICTS or not item.get("reason"):
            sys.exit(f"{path}:{n}: needs a verdict ({'/'.join(VERDICTS)}) and a reason")
        judged[key_of(item)] = item
        added += 1
    write_judgements(judged)
    print(f"recorded {added} judgements from {path}")
    return 0


# -- the command line ---------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("table", "todo", "record", "check"))
    ap.add_argument("file", nargs="?", type=Path, help="for record: the judged todo file")
    ap.add_argument("--url", default=os.environ.get("NEWSLINT_JUDGED_URL", ""),
                    help="an already-running LanguageTool server")
    ap.add_argument("--out", type=Path, help="for todo: where to write the findings to judge "
                    "(keep it outside the repository: it holds other outlets' text)")
    ap.add_argument("--by-rule", action="store_true", help="also one row per LanguageTool rule")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the joined findings to this file")
    ap.add_argument("--strict", action="store_true",
                    help="for check: fail on every shortfall, known ones included")
    ap.add_argument("--heldout", action="store_true",
                    help="only the held-out sample (corpus.yaml `heldout`): articles added after "
                         "the rules were tuned")
    args = ap.parse_args(argv)
    if args.command == "record":
        if not args.file:
            ap.error("record needs the judged file")
        return record(args.file)
    with tempfile.TemporaryDirectory(prefix="newslint-judged-docs-") as tmp:
        docs = materialize(Path(tmp))
        if args.heldout:
            held = {f"wikinews/{n}" for n in load_corpus().get("heldout", [])}
            docs = {k: v for k, v in docs.items() if k in held}
        findings, words, texts = run_newslint(docs, args.url, args.jobs, not args.no_cache)
    judged = load_judgements()
    joined, lost = join(findings, judged, checked=set(words))
    if args.json:
        args.json.write_text(json.dumps([dict(f, verdict=v, reason=r) for f, v, r in joined],
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    if args.command == "todo":
        if not args.out:
            ap.error("todo needs --out FILE")
        items = todo_items(joined, texts)
        args.out.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items),
                            encoding="utf-8")
        print(f"{len(items)} findings to judge written to {args.out}")
        return 0
    print(table(joined, words, args.by_rule))
    if lost:
        print(f"\n{len(lost)} findings judged true are no longer found:")
        for j in lost:
            print(f"  {j['doc']} {j['rule']} @{j['offset']}: {j['reason']}")
    if args.command != "check":
        return 0
    failed = False
    unjudged = sum(1 for _, v, _ in joined if v is None)
    if unjudged:
        print(f"\n{unjudged} findings are not judged: run `judged.py todo` and judge them")
        failed = True
    problems = shortfalls(joined, words, lost)
    known = known_shortfalls()
    for problem in problems:
        tolerated = not args.strict and shortfall_key(problem, known) is not None
        print(f"below the bar{' (known)' if tolerated else ''}: {problem}")
        failed = failed or not tolerated
    return 1 if failed else 0


#: Shortfalls written down as known, so that ``check`` fails only on a new or a worse one.
KNOWN_SHORTFALLS = REPO / "benchmarks" / "judgements" / "known-shortfalls.txt"


def known_shortfalls() -> dict:
    """``{family: None}`` and ``{"lost": n}`` from ``known-shortfalls.txt`` ("#" comments)."""
    known: dict = {}
    if not KNOWN_SHORTFALLS.exists():
        return known
    for line in KNOWN_SHORTFALLS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("lost "):
            known["lost"] = int(line.split()[1])
        elif line:
            known[line] = None
    return known


def shortfall_key(problem: str, known: dict):
    """The entry of ``known`` that covers ``problem``, or None when it is new or worse."""
    if problem.endswith("(listed above)"):
        n = int(problem.split()[0])
        return "lost" if n <= known.get("lost", -1) else None
    if "per 1,000 words" in problem:
        return None  # the corpus-wide rate is never tolerated
    name = problem.split(": precision", 1)[0]
    return name if name in known else None


if __name__ == "__main__":
    sys.exit(main())
