#!/usr/bin/env python3
"""Regenerate newslint/languagetool/news_rules.json from the judged corpus.

    python benchmarks/curate_languagetool.py [--dry-run] [--url URL]

Runs the judged corpus (see ``benchmarks/judged.py``) with every LanguageTool default rule on,
joins the findings with their judgements in ``benchmarks/judgements/findings/``, counts true, false and debatable findings per LanguageTool rule and
per LanguageTool category, and writes the table that decides which rules newslint runs by
default (``newslint.languagetool.curation``). Each rule's category comes from the installed
LanguageTool itself (``benchmarks/tools/ListRules.java``). The speller
(``MORFOLOGIK_RULE_*``) is left out: spelling has its own news vocabulary.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import judged  # noqa: E402
from newslint.languagetool.curation import PRECISION_BAR, decide  # noqa: E402

OUT = REPO / "newslint" / "languagetool" / "news_rules.json"
LISTER = REPO / "benchmarks" / "tools" / "ListRules.java"


def rule_categories(language: str) -> dict:
    from newslint.config import Config
    from newslint.languagetool.provision import DEFAULT_VERSION, find_installation

    inst = find_installation(Config().cache_dir, DEFAULT_VERSION)
    if inst is None:
        sys.exit("LanguageTool is not installed: run `newslint languagetool install`")
    out = subprocess.run(["java", "-cp", inst.classpath, str(LISTER), language],
                         capture_output=True, text=True, check=True)
    table = {}
    for line in out.stdout.splitlines():
        rule_id, category = line.split("\t")[:2]
        table.setdefault(rule_id, category)
    return table


def category_of(rule_id: str, categories_of: dict) -> str:
    """A rule's category; rules that report one id per entry of a word list
    ("EN_COMPOUNDS_WELL_DESIGNED" from "EN_COMPOUNDS") take their parent rule's."""
    if rule_id in categories_of:
        return categories_of[rule_id]
    parents = [r for r in categories_of if rule_id.startswith(r + "_")]
    return categories_of[max(parents, key=len)] if parents else "UNKNOWN"


def judged_languagetool_findings(url: str, jobs: int) -> list[dict]:
    """The judged LanguageTool findings newslint gives on the judged corpus today with every
    LanguageTool default rule on (``news_defaults: false``: no curated table, so that a rule the
    table switched off is still measured), after newslint's own filters (quoted speech,
    transcripts, other languages, one finding per fault), and the ids of rules with findings
    nobody has judged yet (``judged.py todo`` lists only the default configuration's)."""
    section = {"mode": "required", "news_defaults": False}
    if url:
        section["url"] = url
    with tempfile.TemporaryDirectory(prefix="newslint-curate-") as tmp:
        docs = judged.materialize(Path(tmp))
        findings, _, _ = judged.run_newslint(
            docs, url, jobs, config_text="languagetool: " + json.dumps(section) + "\n")
    joined, _ = judged.join(findings, judged.load_judgements())
    unjudged = [f for f, v, _ in joined if v is None and f["rule"].startswith("languagetool/")]
    if unjudged:
        print(f"note: {len(unjudged)} LanguageTool findings are not judged and not counted",
              file=sys.stderr)
    return ([dict(f, verdict=v) for f, v, _ in joined
             if v is not None and f["rule"].startswith("languagetool/")],
            collections.Counter(f["rule"].split("/", 1)[1] for f in unjudged))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="print the table, write nothing")
    ap.add_argument("--by-rule", action="store_true", help="also print one row per rule")
    ap.add_argument("--language", default="en-US")
    ap.add_argument("--url", default="", help="an already-running LanguageTool server")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    categories_of = rule_categories(args.language)
    per_rule = collections.defaultdict(collections.Counter)
    judged_findings, unjudged = judged_languagetool_findings(args.url, args.jobs)
    for item in judged_findings:
        rule_id = item["rule"].split("/", 1)[1]
        if rule_id.startswith("MORFOLOGIK_RULE_"):
            continue
        per_rule[rule_id][item["verdict"]] += 1
    rules, per_category = {}, collections.defaultdict(collections.Counter)
    for rule_id, counts in sorted(per_rule.items()):
        category = category_of(rule_id, categories_of)
        precision, default = decide(counts["true"], counts["false"], counts["debatable"])
        rules[rule_id] = {"category": category, "findings": sum(counts.values()),
                          "true": counts["true"], "false": counts["false"],
                          "debatable": counts["debatable"],
                          "precision": None if precision is None else round(precision, 3),
                          "default": default}
        per_category[category].update(counts)
    for rule_id, n in sorted(unjudged.items()):
        if rule_id in rules or rule_id.startswith("MORFOLOGIK_RULE_"):
            continue
        # It fires on news copy and nobody has read what it says: not on by default.
        rules[rule_id] = {"category": category_of(rule_id, categories_of), "findings": n,
                          "true": 0, "false": 0, "debatable": 0, "precision": None,
                          "default": "picky", "unjudged": n}
    categories = {}
    for category, counts in sorted(per_category.items()):
        precision, _ = decide(counts["true"], counts["false"], counts["debatable"])
        # A rule with no finding at all on the judged corpus (every rule on) stays on: together
        # such rules gave no finding in its 157,000 words, so their false alarms are too rare
        # to matter, and a sibling's noise says nothing about them.
        unseen = "on"
        categories[category] = {"findings": sum(counts.values()), "true": counts["true"],
                                "false": counts["false"], "debatable": counts["debatable"],
                                "precision": None if precision is None else round(precision, 3),
                                "unseen_rules": unseen}
    data = {"about": "LanguageTool rules measured on newslint's judged corpus of real news "
                     "articles; regenerate with benchmarks/curate_languagetool.py",
            "precision_bar": PRECISION_BAR,
            "categories": categories, "rules": rules}
    print("| category | findings | true | false | debatable | precision | unseen rules |")
    print("|---|---|---|---|---|---|---|")
    for name, c in categories.items():
        print(f"| {name} | {c['findings']} | {c['true']} | {c['false']} | {c['debatable']} | "
              f"{c['precision']} | {c['unseen_rules']} |")
    if args.by_rule:
        print("\n| rule | category | findings | true | false | debatable | precision | default |")
        print("|---|---|---|---|---|---|---|---|")
        for rule_id, r in rules.items():
            print(f"| {rule_id} | {r['category']} | {r['findings']} | {r['true']} | {r['false']} "
                  f"| {r['debatable']} | {r['precision']} | {r['default']} |")
    on = sum(1 for r in rules.values() if r["default"] == "on")
    print(f"\n{len(rules)} rules judged: {on} stay on, {len(rules) - on} move to the picky set")
    if not args.dry_run:
        OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
