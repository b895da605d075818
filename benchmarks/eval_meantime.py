"""Temporal expression extraction measured against MEANTIME's gold TIMEX3 annotations.

MEANTIME (NewsReader, CC BY 4.0) annotates time expressions in Wikinews articles. Its English
"stocks" section has six gold files; each annotates the title, the date line and the first
sentences of the article as tokens. This script rebuilds the text from the tokens, runs
:func:`newslint.text.temporal.find_temporal_expressions` on it, and compares spans:

- recall: gold DATE expressions (the document creation time excluded when asked) that overlap
  an extracted expression;
- precision: extracted expressions inside the annotated sentences that overlap a gold TIMEX3 of
  type DATE (strict) or of any type (DATE, DURATION, SET, TIME);
- value accuracy: for gold DATE values that are calendar dates (YYYY-MM-DD, YYYY-MM, YYYY),
  whether :func:`resolve` against the creation time gives the same value.

The corpus is not part of the repository: pass its directory (the folder of ``*.xml`` files)::

    python benchmarks/eval_meantime.py ../shared/corpora/meantime_wikinews_stocks/gold_cat_xml
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from newslint.text.temporal import find_temporal_expressions, resolve

# Tokens after which no space is written when the text is rebuilt.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "'s", "’s", "%", ")", "?", "!", "''", "n't"}


def load(path: Path) -> dict:
    """Text rebuilt from tokens, with the character span of every gold TIMEX3."""
    root = ET.parse(path).getroot()
    text, spans, sentence_before = "", {}, None
    for tok in root.iter("token"):
        word = tok.text or ""
        if sentence_before is not None and tok.get("sentence") != sentence_before:
            # A new sentence starts a new line so that no expression runs across sentences.
            text += "\n"
        elif text and word not in _NO_SPACE_BEFORE and not text.endswith(("(", "``")):
            text += " "
        sentence_before = tok.get("sentence")
        spans[tok.get("t_id")] = (len(text), len(text) + len(word))
        text += word
    # Only the first sentences are annotated (every annotation layer stops at the same
    # sentence); precision is measured on that part of the text only.
    sentence = {tok.get("t_id"): int(tok.get("sentence")) for tok in root.iter("token")}
    anchored = [a.get("t_id") for a in root.iter("token_anchor")]
    last = max((sentence[t] for t in anchored), default=-1)
    annotated_end = max((spans[t][1] for t in spans if sentence[t] <= last), default=0)
    gold = []
    dct = None
    for timex in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in timex.iter("token_anchor")]
        value, kind = timex.get("value"), timex.get("type")
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _dt.date.fromisoformat(value[:10])
        if not ids:
            continue  # empty TIMEX3: an implied time with no words in the text
        gold.append({"start": spans[ids[0]][0], "end": spans[ids[-1]][1], "type": kind,
                     "value": value, "dct": timex.get("functionInDocument") == "CREATION_TIME",
                     "text": text[spans[ids[0]][0]:spans[ids[-1]][1]]})
    return {"name": path.stem, "text": text, "gold": gold, "dct": dct,
            "annotated_end": annotated_end}


def _overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def evaluate(folder: Path, include_dct: bool = True) -> dict:
    docs = [load(p) for p in sorted(folder.glob("*.xml"))]
    gold_dates = found_dates = extracted = correct_strict = correct_any = 0
    values_checked = values_right = 0
    missed, spurious = [], []
    for doc in docs:
        exprs = [{"start": e.start, "end": e.end, "expr": e}
                 for e in find_temporal_expressions(doc["text"])]
        dates = [g for g in doc["gold"] if g["type"] == "DATE" and (include_dct or not g["dct"])]
        for g in dates:
            gold_dates += 1
            hit = next((x for x in exprs if _overlaps(x, g)), None)
            if hit is None:
                missed.append(f"{doc['name']}: {g['text']!r} ({g['value']})")
                continue
            found_dates += 1
            if re.fullmatch(r"\d{4}(-\d\d){0,2}", g["value"]) and doc["dct"]:
                r = resolve(hit["expr"], doc["dct"])
                if r is not None:
                    values_checked += 1
                    values_right += _value(r) == g["value"] or (
                        r.is_day and r.first.isoformat() == g["value"])
        for x in exprs:
            if x["start"] >= doc["annotated_end"]:
                continue
            extracted += 1
            if any(_overlaps(x, g) for g in doc["gold"] if g["type"] == "DATE"):
                correct_strict += 1
            if any(_overlaps(x, g) for g in doc["gold"]):
                correct_any += 1
            else:
                spurious.append(f"{doc['name']}: {x['expr'].text!r} ({x['expr'].kind})")
    return {
        "documents": len(docs),
        "gold_date_expressions": gold_dates,
        "recall": round(found_dates / gold_dates, 3) if gold_dates else None,
        "extracted": extracted,
        "precision_vs_date": round(correct_strict / extracted, 3) if extracted else None,
        "precision_vs_any_timex": round(correct_any / extracted, 3) if extracted else None,
        "values_checked": values_checked,
        "value_accuracy": round(values_right / values_checked, 3) if values_checked else None,
        "missed": missed,
        "not_in_gold": spurious,
    }


def _value(r) -> str:
    if r.granularity == "year":
        return str(r.first.year)
    if r.granularity == "month":
        return f"{r.first:%Y-%m}"
    return r.first.isoformat()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path, help="folder of MEANTIME CAT XML files")
    ap.add_argument("--no-dct", action="store_true",
                    help="leave the document creation time (the date line) out of recall")
    args = ap.parse_args(argv)
    if not args.gold_dir.is_dir():
        print(f"{args.gold_dir}: not a folder", file=sys.stderr)
        return 2
    print(json.dumps(evaluate(args.gold_dir, include_dct=not args.no_dct), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
