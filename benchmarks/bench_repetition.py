#!/usr/bin/env python3
"""repeated-word on others' repetition test cases: recall and false alarms.

    python benchmarks/bench_repetition.py [--proselint FILE] [--write-good FILE]
                                          [--vale DIR --vale-feature FILE] [-v]

Cases are read at run time from others' checkouts and never stored here:
- ``--proselint``: proselint's ``tests/examples.py``, the ``lexical_illusions`` entry (a tuple of
  texts that must be flagged, then one of texts that must not);
- ``--write-good``: write-good's ``test/basic.spec.js``, the ``lexical illusions`` cases (an
  expected ``[]`` is a text that must not be flagged);
- ``--vale``: Vale's ``testdata/fixtures/checks/Repetition`` folder, with ``--vale-feature``
  its ``testdata/features/checks.feature`` giving the expected ``Vale.Repetition`` alerts.
  Each expected alert is a target; a finding elsewhere is printed for reading (Vale reads one
  line at a time, so it misses a word doubled across a line break, which newslint reports);
  reStructuredText literal blocks (after ``::``) are code, blanked out as Vale's parser does.
Without any option, the cases newslint's tests hold in their own words are measured.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def proselint_cases(path: Path) -> list[tuple[str, str, bool]]:
    source = path.read_text(encoding="utf-8")
    at = source.index('"lexical_illusions"')
    start = source.index("(", at)
    depth, end = 0, start
    for end, ch in enumerate(source[start:], start):  # the two tuples that follow the name
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            break
    # both tuples, then the closing of the entry
    bad, good = ast.literal_eval(source[start:end + 1] + "," + _next_tuple(source, end + 1))
    return ([("proselint", t, True) for t in bad] + [("proselint", t, False) for t in good])


def _next_tuple(source: str, pos: int) -> str:
    start = source.index("(", pos)
    depth = 0
    for end, ch in enumerate(source[start:], start):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return source[start:end + 1]
    raise ValueError("unbalanced tuple")


def write_good_cases(path: Path) -> list[tuple[str, str, bool]]:
    source = path.read_text(encoding="utf-8")
    cases = []
    for m in re.finditer(r"it\('(?P<title>[^']*lexical illusions[^']*)'.*?writeGood\('(?P<text>"
                         r"[^']*)'(?P<opts>[^)]*)\)\)\.toEqual\((?P<expected>\[\]|\[)", source, re.S):
        if "false" in m.group("opts"):
            continue  # the check switched off: nothing to measure
        text = m.group("text").encode().decode("unicode_escape")
        cases.append(("write-good", text, m.group("expected") != "[]"))
    return cases


def _blank_literal_blocks(text: str) -> str:
    """reStructuredText literal blocks (an indented block after ``::``) as spaces."""
    out, in_literal = [], False
    for line in text.splitlines(keepends=True):
        if in_literal and (line.startswith((" ", "\t")) or not line.strip()):
            out.append(re.sub(r"\S", " ", line))
            continue
        in_literal = line.rstrip().endswith("::")
        out.append(line)
    return "".join(out)


def vale_cases(folder: Path, feature: Path):
    """(file name, text, suffix, [(line, column) of each expected alert])."""
    expected: dict = {}
    for m in re.finditer(r"(?m)^\s*(\S+?):(\d+):(\d+):Vale\.Repetition:", feature.read_text()):
        expected.setdefault(m.group(1), []).append((int(m.group(2)), int(m.group(3))))
    files = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(("_", ".")):
            continue
        text = path.read_text(encoding="utf-8")
        suffix = ".md" if path.suffix == ".md" else ".txt"
        if path.suffix == ".rst":
            text = _blank_literal_blocks(text)
        files.append((path.name, text, suffix, expected.get(path.name, [])))
    return files


def own_cases() -> list[tuple[str, str, bool]]:
    from rules.test_grammar import REPEATS
    return [("newslint tests", text, repeat is not None) for text, repeat in REPEATS]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--proselint", type=Path, help="proselint's tests/examples.py")
    ap.add_argument("--write-good", type=Path, help="write-good's test/basic.spec.js")
    ap.add_argument("--vale", type=Path, help="Vale's testdata/fixtures/checks/Repetition")
    ap.add_argument("--vale-feature", type=Path, help="Vale's testdata/features/checks.feature")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    from newslint.rules.grammar import RepeatedWord
    from newslint.testing import check_text

    rule = RepeatedWord()
    cases = []
    if args.proselint:
        cases += proselint_cases(args.proselint)
    if args.write_good:
        cases += write_good_cases(args.write_good)
    if not (args.proselint or args.write_good or args.vale):
        cases = own_cases()
    tally: dict = {}
    for source, text, faulty in cases:
        found = check_text(text + "\n", rule, suffix=".txt")
        hit = bool(found)
        found_n, total = tally.get((source, faulty), (0, 0))
        tally[(source, faulty)] = (found_n + hit, total + 1)
        if args.verbose or hit != faulty:
            print(f"  {'found ' if hit else 'silent'} [{source} {'faulty' if faulty else 'correct'}]"
                  f" {text!r} {[f.excerpt for f in found]}")
    extra = []
    if args.vale:
        if not args.vale_feature:
            sys.exit("--vale needs --vale-feature (the expected alerts)")
        for name, text, suffix, targets in vale_cases(args.vale, args.vale_feature):
            found = check_text(text, rule, suffix=suffix)
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
            hits = 0
            for line, col in targets:
                offset = starts[line - 1] + col - 1
                covered = [f for f in found if f.offset <= offset < f.offset + f.length]
                hits += bool(covered)
                if args.verbose or not covered:
                    print(f"  {'found ' if covered else 'silent'} [Vale {name}:{line}:{col}]")
            for f in found:
                if not any(f.offset <= starts[line - 1] + col - 1 < f.offset + f.length
                           for line, col in targets):
                    extra.append(f"{name}:{f.line}:{f.column} {f.excerpt!r}")
            found_n, total = tally.get(("Vale", True), (0, 0))
            tally[("Vale", True)] = (found_n + hits, total + len(targets))
    print("| source | kind | cases | reported |")
    print("|---|---|---|---|")
    for (source, faulty), (found_n, total) in sorted(tally.items()):
        print(f"| {source} | {'faulty' if faulty else 'correct'} | {total} | {found_n} |")
    bad = [v for (s, k), v in tally.items() if k]
    good = [v for (s, k), v in tally.items() if not k]
    recall = sum(f for f, _ in bad) / max(sum(t for _, t in bad), 1)
    print(f"\nrecall on repeats: {recall:.2f}; false alarms on correct cases: "
          f"{sum(f for f, _ in good)} of {sum(t for _, t in good)}")
    if extra:
        print("findings beyond the expected alerts (read them: a repeat the other tool's fixture "
              "does not expect, or a false alarm):")
        for line in extra:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
