#!/usr/bin/env python3
"""Regenerate newslint/languagetool/news_rules.json from the judged corpus.

    python benchmarks/curate_languagetool.py [--dry-run]

Reads every judgement of a LanguageTool finding in ``benchmarks/judgements/findings/`` (see
``benchmarks/judged.py``), counts true, false and debatable findings per LanguageTool rule and
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import judged  # noqa: E402
from newslint.languagetool.curation import PRECISION_BAR, decide  # noqa: E402

OUT = REPO / "newslint" / "languagetool" / "news_rules.json"
LISTER = REPO / "benchmarks" / "tools" / "ListRules.java"
#: A category's unseen rules are judged by the category only when this many of its findings
#: were decided true or false.
MIN_CATEGORY_EVIDENCE = 5


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="print the table, write nothing")
    ap.add_argument("--language", default="en-US")
    args = ap.parse_args(argv)
    categories_of = rule_categories(args.language)
    per_rule = collections.defaultdict(collections.Counter)
    for item in judged.load_judgements().values():
        rule = item["rule"]
        if not rule.startswith("languagetool/"):
            continue
        rule_id = rule.split("/", 1)[1]
        if rule_id.startswith("MORFOLOGIK_RULE_"):
            continue
        per_rule[rule_id][item["verdict"]] += 1
    rules, per_category = {}, collections.defaultdict(collections.Counter)
    for rule_id, counts in sorted(per_rule.items()):
        category = categories_of.get(rule_id, "UNKNOWN")
        precision, default = decide(counts["true"], counts["false"], counts["debatable"])
        rules[rule_id] = {"category": category, "findings": sum(counts.values()),
                          "true": counts["true"], "false": counts["false"],
                          "debatable": counts["debatable"],
                          "precision": None if precision is None else round(precision, 3),
                          "default": default}
        per_category[category].update(counts)
    categories = {}
    for category, counts in sorted(per_category.items()):
        precision, _ = decide(counts["true"], counts["false"], counts["debatable"])
        decided = counts["true"] + counts["false"]
        unseen = "on" if decided < MIN_CATEGORY_EVIDENCE or precision >= PRECISION_BAR \
            else "picky"
        categories[category] = {"findings": sum(counts.values()), "true": counts["true"],
                                "false": counts["false"], "debatable": counts["debatable"],
                                "precision": None if precision is None else round(precision, 3),
                                "unseen_rules": unseen}
    data = {"about": "LanguageTool rules measured on newslint's judged corpus of real news "
                     "articles; regenerate with benchmarks/curate_languagetool.py",
            "precision_bar": PRECISION_BAR, "min_category_evidence": MIN_CATEGORY_EVIDENCE,
            "categories": categories, "rules": rules}
    print("| category | findings | true | false | debatable | precision | unseen rules |")
    print("|---|---|---|---|---|---|---|")
    for name, c in categories.items():
        print(f"| {name} | {c['findings']} | {c['true']} | {c['false']} | {c['debatable']} | "
              f"{c['precision']} | {c['unseen_rules']} |")
    on = sum(1 for r in rules.values() if r["default"] == "on")
    print(f"\n{len(rules)} rules judged: {on} stay on, {len(rules) - on} move to the picky set")
    if not args.dry_run:
        OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
