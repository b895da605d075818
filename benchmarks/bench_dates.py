"""Date rules on the Wikinews 2019-2020 corpus: datelines, planted mismatches, clean findings.

Three measurements over ``benchmarks/corpus/wikinews/*.md``:

1. Datelines: every dateline date is compared with the article's date in the original CSV
   files (matched by address) when their folder is given, else with the front-matter date.
2. Planted mismatches: each article gets one wrong weekday at a time, in the dateline
   ("Friday, January 4, 2019" becomes "Saturday, January 4, 2019"), on a date in the body
   ("on January 7" becomes "on Tuesday, January 7", a weekday that date does not fall on;
   every body date, one at a time, with the right weekday planted too as a control that
   must stay silent),
   next to a relative word ("yesterday" becomes "yesterday (Tuesday)", the wrong day) and as
   a dateline moved off the publication date. A plant is found when a date rule reports on
   the planted words.
3. Clean findings: every finding of the date rules on the unmodified articles, for review
   (``benchmarks/judgements/dates.md`` holds the verdicts).

    python benchmarks/bench_dates.py [--csv ../shared/corpora/wikinews_2019_2020] [--findings]
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import sys
from collections import Counter
from pathlib import Path

from newslint.rules.dates import RULES, temporal_expressions
from newslint.testing import check_document, parse_text
from newslint.text.temporal import WEEKDAY_NAMES, resolve

CORPUS = Path(__file__).parent / "corpus" / "wikinews"


def articles(folder: Path = CORPUS) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.name[:4].isdigit())


def run_rules(doc) -> list:
    found = []
    for rule in RULES:
        found += check_document(doc, rule())
    return found


def csv_dates(folder: Path) -> dict:
    dates = {}
    for path in sorted(folder.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                dates[row["url"]] = _dt.date.fromisoformat(row["date"])
    return dates


def check_datelines(paths, by_url: dict | None) -> dict:
    """Dateline date against the CSV (or front-matter) date, and what the rules report."""
    out = Counter()
    disagreements = []
    for path in paths:
        doc = parse_text(path.read_text(encoding="utf-8"), ".md", path=str(path))
        out["articles"] += 1
        line = doc.meta.get("dateline_date")
        if line is None:
            continue
        out["datelines"] += 1
        truth = by_url.get(doc.meta.get("source")) if by_url else doc.pub_date
        if truth is None:
            out["no_csv_row"] += 1
            continue
        wd = doc.meta.get("dateline_weekday")
        ok = line == truth and (wd is None or wd == WEEKDAY_NAMES[line.weekday()])
        out["agree" if ok else "disagree"] += 1
        if not ok:
            disagreements.append(f"{path.name}: dateline {doc.meta.get('dateline')!r}, date {truth}")
        reported = [f for f in run_rules(doc) if f.rule in ("weekday-date-mismatch",
                                                             "relative-date-conflict")
                    and f.line <= doc.line_col(doc.blocks[0].end)[0] + 2]
        out["dateline_findings"] += len(reported)
    return {"counts": dict(out), "disagreements": disagreements}


# --- planting ---------------------------------------------------------------------------

def _wrong_weekday(right: int, seed: int) -> int:
    return (right + 1 + seed % 6) % 7


def _plant_results(doc_text: str, path: Path, start: int, end: int) -> bool:
    """True when a date rule reports on source ``[start, end)`` of the planted text."""
    doc = parse_text(doc_text, ".md", path=str(path))
    return any(f.offset < end and start < f.offset + f.length for f in run_rules(doc)
               if f.rule in ("weekday-date-mismatch", "relative-date-conflict"))


def plants(path: Path, seed: int):
    """Yield ``(kind, text, start, end)``: one planted copy of the article per kind."""
    text = path.read_text(encoding="utf-8")
    doc = parse_text(text, ".md", path=str(path))
    found = temporal_expressions(doc)
    pub = doc.pub_date

    # 1. Dateline weekday.
    if doc.meta.get("dateline_weekday"):
        off = doc.meta["dateline_weekday_offset"]
        right = doc.meta["dateline_date"].weekday()
        wrong = WEEKDAY_NAMES[_wrong_weekday(right, seed)]
        old = doc.meta["dateline_weekday"]
        yield ("dateline-weekday", text[:off] + wrong + text[off + len(old):], off,
               off + len(wrong))

    # 2. Dateline moved off the publication date (weekday kept right for the new date).
    for f in found:
        if f.block.kind == "dateline" and f.expr.kind == "date" and f.expr.year:
            moved = doc.meta["dateline_date"] + _dt.timedelta(days=1 + seed % 3)
            new = f"{WEEKDAY_NAMES[moved.weekday()]}, {moved:%B} {moved.day}, {moved.year}"
            s, n = f.block.source_span(f.expr.start, f.expr.end)
            yield ("dateline-date", text[:s] + new + text[s + n:], s, s + len(new))
            break

    # 3. Each body date given a weekday it does not fall on (or its weekday changed); and,
    # as a control, given the weekday it does fall on, which must not be reported.
    for f in found:
        e = f.expr
        if f.block.kind not in ("paragraph", "list_item", "blockquote") or e.kind != "date":
            continue
        r = resolve(e, pub)
        if r is None:
            continue
        for kind, weekday in (("body-date", _wrong_weekday(r.first.weekday(), seed)),
                              ("control-right-weekday", r.first.weekday())):
            name = WEEKDAY_NAMES[weekday]
            if e.weekday is not None:
                s, n = f.block.source_span(e.weekday_start, e.weekday_end)
                yield (kind, text[:s] + name + text[s + n:], s, s + len(name))
            else:
                s, _ = f.block.source_span(e.date_start, e.date_end)
                yield (kind, text[:s] + name + ", " + text[s:], s, s + len(name))

    # 4. "yesterday" restated with the wrong weekday.
    for f in found:
        e = f.expr
        if e.kind == "relative" and e.modifier == "yesterday" and not f.in_quote and pub:
            day = resolve(e, pub).first
            wrong = WEEKDAY_NAMES[_wrong_weekday(day.weekday(), seed)]
            s, n = f.block.source_span(e.start, e.end)
            insert = f" ({wrong})"
            yield ("relative-word", text[:s + n] + insert + text[s + n:], s + n + 2,
                   s + n + 2 + len(wrong))
            break


def planted_recall(paths) -> dict:
    found, total, missed = Counter(), Counter(), []
    wrongly_reported = []
    for i, path in enumerate(paths):
        for kind, text, start, end in plants(path, i):
            total[kind] += 1
            reported = _plant_results(text, path, start, end)
            found[kind] += reported
            snippet = f"{kind}: {path.name}: {text[max(0, start - 40):end + 20]!r}"
            if kind.startswith("control") and reported:
                wrongly_reported.append(snippet)
            elif not kind.startswith("control") and not reported:
                missed.append(snippet)
    kinds = {k: {"planted": total[k], "reported": found[k],
                 "rate": round(found[k] / total[k], 3)} for k in sorted(total)}
    planted = [k for k in total if not k.startswith("control")]
    all_total, all_found = sum(total[k] for k in planted), sum(found[k] for k in planted)
    return {"by_kind": kinds, "planted": all_total, "found": all_found,
            "recall": round(all_found / all_total, 3) if all_total else None, "missed": missed,
            "controls_reported": wrongly_reported}


def clean_findings(paths) -> list[dict]:
    rows = []
    for path in paths:
        doc = parse_text(path.read_text(encoding="utf-8"), ".md", path=str(path))
        for f in run_rules(doc):
            line = doc.text.splitlines()[f.line - 1]
            rows.append({"file": path.name, "rule": f.rule, "line": f.line, "column": f.column,
                         "excerpt": f.excerpt, "message": f.message,
                         "suggestions": list(f.suggestions),
                         "context": line[max(0, f.column - 100):f.column + 60]})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, help="folder of the original wikinews_*.csv files")
    ap.add_argument("--findings", action="store_true", help="list every clean finding")
    args = ap.parse_args(argv)
    paths = articles()
    by_url = csv_dates(args.csv) if args.csv else None
    rows = clean_findings(paths)
    by_rule = Counter(r["rule"] for r in rows)
    report = {
        "articles": len(paths),
        "datelines": check_datelines(paths, by_url),
        "planted": planted_recall(paths),
        "clean_findings_by_rule": dict(by_rule),
    }
    print(json.dumps(report, indent=2))
    if args.findings:
        for r in rows:
            print(f"{r['file']}:{r['line']}:{r['column']} {r['rule']} {r['excerpt']!r} "
                  f"-> {r['suggestions']} | {r['context']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
