"""Measure the attribution rules on the Wikinews corpus.

    python benchmarks/bench_attribution.py            # counts, precision, removal recall
    python benchmarks/bench_attribution.py --list     # every finding to be judged, as Markdown

Precision is read from ``benchmarks/judgements/attribution.md``: one table row per
``unattributed-quote`` and ``unsourced-claim`` finding, keyed by file, line and rule, with a
verdict of ``correct`` or ``wrong``. Findings with no row are reported as unjudged.

The removal experiment takes real attributed quotations ("…," he said. / "…," said Jane Doe.),
deletes the attribution and checks that ``unattributed-quote`` then flags the quotation. Cases
where the rule is right not to flag (another attribution still stands in the same or the next
sentence, or the bare quotation now continues a quotation attributed in the paragraph before)
are counted separately.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.rules.attribution import UnattributedQuote, UnsourcedClaim, VagueAttribution  # noqa: E402
from newslint.testing import check_text  # noqa: E402

CORPUS = ROOT / "benchmarks" / "corpus" / "wikinews"
JUDGEMENTS = ROOT / "benchmarks" / "judgements" / "attribution.md"
JUDGED = ("unattributed-quote", "unsourced-claim")

# Speech verbs used to pick attributions to delete. Deliberately a short list of its own, not
# the rule's vocabulary, so the experiment does not only find what the rule already knows.
_VERBS = r"(?:said|says|told|added|explained|wrote|stated|noted|continued|commented|tweeted)"
# After a closing quotation mark, the rest of the sentence when it holds the attribution:
#   '…," he said.'   '…," said Jane Doe, a lecturer at X.'   '…," the ministry told AFP.'
TRAILING = re.compile(rf',"(?P<rest>\s+[^".\n]{{0,40}}?\b{_VERBS}\b[^".\n]{{0,100}})\.(?=\s|$)')
# Before an opening quotation mark, a whole clause of attribution starting the sentence:
#   'Jane Doe said, "…'   'The ministry said in a statement: "…'
LEADING = re.compile(
    rf'(?:(?<=^)|(?<=[.!?"] ))(?P<clause>[A-Z][^".\n]{{0,80}}?\b{_VERBS}\b[^".\n]{{0,40}}?[,:]\s+)"(?=[A-Z])',
    re.M)


def articles():
    return sorted(CORPUS.glob("[0-9]*.md"))  # articles, not the licence note


def run_rules(files):
    rules = [UnattributedQuote(), VagueAttribution(), UnsourcedClaim()]
    findings = []
    started = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        for rule in rules:
            findings.extend(check_text(text, rule, suffix=".md", path=path.name))
    elapsed = time.perf_counter() - started
    return findings, elapsed


def list_findings(findings) -> str:
    rows = ["| # | rule | file:line | excerpt | verdict | note |", "|---|---|---|---|---|---|"]
    n = 0
    for f in findings:
        if f.rule not in JUDGED:
            continue
        n += 1
        excerpt = " ".join(f.excerpt.split())[:110].replace("|", "\\|")
        rows.append(f"| {n} | {f.rule} | {f.path}:{f.line} | {excerpt} | ? | |")
    return "\n".join(rows)


_ROW = re.compile(r"^\|\s*\d+\s*\|\s*([\w-]+)\s*\|\s*(\S+):(\d+)\s*\|.*\|\s*(correct|wrong|\?)\s*\|")


def read_judgements():
    verdicts = {}
    if not JUDGEMENTS.exists():
        return verdicts
    for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m:
            rule, path, lineno, verdict = m.groups()
            verdicts.setdefault((rule, path, int(lineno)), []).append(verdict)
    return verdicts


def precision(findings):
    verdicts = read_judgements()
    seen = Counter()
    tally = {rule: Counter() for rule in JUDGED}
    for f in findings:
        if f.rule not in JUDGED:
            continue
        key = (f.rule, f.path, f.line)
        i = seen[key]
        seen[key] += 1
        got = verdicts.get(key, [])
        tally[f.rule][got[i] if i < len(got) else "unjudged"] += 1
    return tally


def removals(text: str):
    """Each real attribution that can be deleted: (edited text, offset inside the quotation)."""
    for m in TRAILING.finditer(text):
        # '…," he said.' becomes '…."'; the quotation ends where the comma was.
        yield text[:m.start()] + '."' + text[m.end():], m.start()
    for m in LEADING.finditer(text):
        # 'Jane Doe said, "…' becomes '"…'; the quotation now starts where the clause did.
        yield text[:m.start()] + text[m.end("clause"):], m.start() + 1


def removal_experiment():
    """Delete real attributions and count how many quotations are then flagged.

    A quotation is *orphaned* by the edit when nothing in its paragraph outside quotation marks
    is a speech verb or "according to" any more (read with :data:`_ANY_ATTRIBUTION`, a list
    independent of the rule's vocabulary) and the paragraph does not continue a quotation the
    paragraph before attributed. Recall is counted on orphaned quotations; the others are
    reported with the reason the rule leaves them alone.
    """
    rule = UnattributedQuote()
    tally = Counter()
    excused = Counter()
    missed = []
    for path in articles():
        text = path.read_text(encoding="utf-8")
        before = check_text(text, rule, suffix=".md", path=path.name)
        for edited, inside in removals(text):
            # Only quotations the rule accepts in the original are cases.
            if _flagged(before, inside):
                continue
            after = check_text(edited, rule, suffix=".md", path=path.name)
            hit = _flagged(after, inside)
            orphan = _orphaned(edited, inside)
            tally["cases"] += 1
            tally["found"] += hit
            tally["orphans"] += orphan
            tally["orphans found"] += orphan and hit
            if orphan and not hit:
                missed.append((path.name, edited[max(0, inside - 160):inside + 60].replace("\n", " ")))
            elif not hit:
                excused[_excuse(edited, inside) or "other"] += 1
    return tally, excused, missed


_ANY_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|explained|wrote|writes|stated|states|noted|"
    r"continued|commented|tweeted|asked|replied|responded|argued|claimed|insisted|warned|"
    r"announced|recalled|described|expressed|quipped|admitted|acknowledged|confirmed|"
    r"according\s+to|statement|interview|saying|adding|add|speaking|spoke|reads|read|posted)\b",
    re.I)


def _orphaned(text: str, inside: int) -> bool:
    start = text.rfind("\n\n", 0, inside) + 2
    end = text.find("\n\n", inside)
    end = len(text) if end < 0 else end
    paragraph = text[start:end]
    if paragraph.startswith("(("):
        return False  # a transcript paragraph: the labelled speaker is talking
    if _ANY_ATTRIBUTION.search(re.sub(r'"[^"]*"?', " ", paragraph)):
        return False
    if re.match(r"\s*[—–-]+\s*[A-Z][^\n]{0,60}(?:\n|$)", text[end:].lstrip("\n")):
        return False  # signed on the next line: "—John Hickenlooper"
    if paragraph.lstrip().startswith('"'):
        # Continuing the paragraph before: it ends with an attributed quotation.
        prev_end = max(0, start - 2)
        prev_start = text.rfind("\n\n", 0, prev_end) + 2
        previous = text[prev_start:prev_end].rstrip()
        if previous.endswith(":"):
            return False  # introduced by the paragraph before
        # It ends with a quotation, and something in it says who is speaking.
        ends_quoted = re.search(r'["”][.!?]?$', previous) or re.search(r'["”][^"”]{0,80}[.!?]$', previous)
        if ends_quoted and _ANY_ATTRIBUTION.search(re.sub(r'"[^"]*"?', " ", previous)):
            return False
    return True


def _flagged(findings, inside):
    return any(f.offset <= inside < f.offset + f.length for f in findings)


def _excuse(text: str, quote_end: int):  # quote_end: an offset inside the quotation
    """Why the rule may rightly leave an edited quotation alone (for the report only)."""
    from newslint.testing import parse_text
    from newslint.rules.attribution import _read, _quote_attributed
    from newslint.text.attribution import vocabulary

    doc = parse_text(text, suffix=".md")
    vocab = vocabulary()
    for block in doc.blocks:
        if not block.start <= quote_end <= block.end:
            continue
        para = _read(block, vocab, 5)
        for q in para.speech:
            off, length = block.source_span(q.start, q.end)
            if off <= quote_end < off + length:
                if _quote_attributed(para, q, vocab):
                    return "still attributed nearby"
                if para.wholly_quoted:
                    return "continues the paragraph before"
                return None
        if block.kind not in ("paragraph", "blockquote", "list_item"):
            return "not in a paragraph"
        return "a quoted phrase, not a quoted sentence"
    return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print the findings to judge")
    ap.add_argument("--no-removal", action="store_true", help="skip the removal experiment")
    args = ap.parse_args(argv)
    files = articles()
    findings, elapsed = run_rules(files)
    if args.list:
        print(list_findings(findings))
        return 0
    by_rule = Counter(f.rule for f in findings)
    print(f"articles: {len(files)}; time for three rules: {elapsed:.2f}s "
          f"({1000 * elapsed / len(files):.1f} ms per article)")
    for rule in ("unattributed-quote", "vague-attribution", "unsourced-claim"):
        print(f"{rule}: {by_rule[rule]} findings, {by_rule[rule] / len(files):.3f} per article")
    for rule, tally in precision(findings).items():
        judged = tally["correct"] + tally["wrong"]
        p = tally["correct"] / judged if judged else float("nan")
        print(f"{rule}: precision {p:.3f} ({tally['correct']}/{judged} judged correct; "
              f"{tally['unjudged'] + tally['?']} unjudged)")
    if not args.no_removal:
        tally, excused, missed = removal_experiment()
        print(f"removal: {tally['cases']} attributions deleted; "
              f"{tally['orphans']} quotations left with no attribution in their paragraph, "
              f"{tally['orphans found']} of them then flagged "
              f"(recall {tally['orphans found'] / max(1, tally['orphans']):.3f}); "
              f"all cases flagged: {tally['found']}/{tally['cases']}; "
              f"left alone with attribution still in reach: {dict(excused)}")
        for name, context in missed:
            print(f"  missed {name}: …{context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
