#!/usr/bin/env python3
"""weekday-date-mismatch on others' public test cases: recall and false alarms.

    python benchmarks/bench_weekdays.py [--textlint-tests FILE] [-v]

Cases come, at run time and never stored here, from
- LanguageTool's own ``EN_DATE_WEEKDAY`` examples in the installed LanguageTool's English
  ``grammar.xml`` (``newslint languagetool install``): an ``<example correction=…>`` is a wrong
  weekday, an ``<example>`` without one is correct (those LanguageTool itself marks "not
  correct, but ambiguous" are listed apart: they are wrong under both readings);
- textlint's ``date-weekday-mismatch`` tests (``--textlint-tests``: its
  ``test/textlint-rule-date-weekday-mismatch-test.js``), the cases written in English only.
A wrong case is found when newslint reports ``weekday-date-mismatch`` (or, for a date without a
year, ``relative-date-conflict``) on it; a correct case is a
false alarm when it does. Cases without a year are read against a publication date given in
the case when there is one (textlint's ``currentYear``), else they are skipped.
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def languagetool_cases() -> list[tuple[str, str, str]]:
    """(source, text, "wrong"/"right"/"ambiguous") from LanguageTool's EN_DATE_WEEKDAY group."""
    from newslint.config import Config
    from newslint.languagetool.provision import DEFAULT_VERSION, find_installation

    inst = find_installation(Config().cache_dir, DEFAULT_VERSION)
    if inst is None:
        sys.exit("LanguageTool is not installed: run `newslint languagetool install`")
    jar = next(inst.lib.glob("language-en-*.jar"))
    with zipfile.ZipFile(jar) as z:
        xml = z.read("org/languagetool/rules/en/grammar.xml").decode("utf-8")
    group = re.search(r'<rulegroup id="EN_DATE_WEEKDAY".*?</rulegroup>', xml, re.S).group()
    cases = []
    for m in re.finditer(r"<example(?P<attrs>[^>]*)>(?P<text>.*?)</example>(?P<note>[^\n]*)",
                         group):
        text = re.sub(r"</?marker>", "", m.group("text"))
        if "correction=" in m.group("attrs"):
            kind = "wrong"
        else:
            kind = "ambiguous" if "ambiguous" in m.group("note") else "right"
        cases.append(("LanguageTool", text, kind, ""))
    return cases


def textlint_cases(path: Path) -> list[tuple[str, str, str]]:
    """English cases of textlint's tests: valid strings and ``invalid`` entries' ``text``."""
    source = path.read_text(encoding="utf-8")
    valid, invalid = source.split("invalid:", 1)
    cases = []
    for part, kind in ((valid, "right"), (invalid, "wrong")):
        for m in re.finditer(r'(?P<key>\w+:\s*)?"(?P<text>[^"\n]+)"', part):
            text, key = m.group("text"), (m.group("key") or "").strip()
            if key not in ("", "text:"):  # an expected output, a message, an option
                continue
            if not text.isascii() or not re.search(r"\d", text):
                continue
            year = re.match(r"[^}]*currentYear:\s*(\d{4})", part[m.end():])
            if year and "}" in part[m.end():year.end()]:
                year = None
            cases.append(("textlint", text, kind, year.group(1) if year else ""))
    return cases


def findings(checker, text: str, year: str) -> int:
    if year:  # textlint's currentYear: the story is published that year
        outcome = checker.check_text("case.md", f"---\ndate: {year}-06-30\n---\n\n{text}\n")
    else:
        outcome = checker.check_text("case.txt", text + "\n")
    return sum(1 for f in outcome.findings
               if f.rule in ("weekday-date-mismatch", "relative-date-conflict"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--textlint-tests", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    from newslint.checker import Checker

    cases = languagetool_cases()
    if args.textlint_tests:
        cases += textlint_cases(args.textlint_tests)
    checker = Checker.load(select=["weekday-date-mismatch", "relative-date-conflict"])
    tally: dict = {}
    with checker.start(1):
        for source, text, kind, year in cases:
            if not year and not re.search(r"(?:1[89]|20)\d\d", text):
                continue  # no year, no publication date: nothing to check against
            hit = findings(checker, text, year) > 0
            key = (source, kind)
            found, total = tally.get(key, (0, 0))
            tally[key] = (found + hit, total + 1)
            if args.verbose or (hit != (kind != "right")):
                print(f"  {'found' if hit else 'silent'}  [{source} {kind}] {text}")
    print("| source | cases | kind | reported |")
    print("|---|---|---|---|")
    for (source, kind), (found, total) in sorted(tally.items()):
        print(f"| {source} | {total} | {kind} | {found} |")
    wrong = [v for (s, k), v in tally.items() if k != "right"]
    right = [v for (s, k), v in tally.items() if k == "right"]
    recall = sum(f for f, _ in wrong) / max(sum(t for _, t in wrong), 1)
    print(f"\nrecall on wrong weekdays: {recall:.2f}; false alarms on correct cases: "
          f"{sum(f for f, _ in right)} of {sum(t for _, t in right)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
