#!/usr/bin/env python3
"""Missing words on learner sentences with human corrections (JFLEG): recall and false alarms.

    python benchmarks/bench_missing_words.py [--jfleg DIR] [--lt-url URL] [--newslint-lt-url URL]
                                             [--limit N] [-v]

The sentences are read at run time from a JFLEG checkout (``--jfleg``, default the shared
corpus ``jfleg_dev``: ``dev.src`` and four corrections ``dev.ref0`` … ``dev.ref3``, one
tokenised sentence a line) and never stored here.

- **Targets.** A word that two or more corrections insert at the same place of a source
  sentence is a missing word there. The missing words measured are the ones newslint's rules
  are about: a form of "be", "to", and the other auxiliaries (have, will, would, can…); every
  other inserted word (articles, prepositions, pronouns) is counted apart, for the record.
  A target is *found* when a grammar or style finding (not spelling) covers one of the two
  words on either side of the gap; *found with the word* when that finding also suggests the
  missing word.
- **False alarms.** The corrections are text to leave alone: the share of correction sentences
  with at least one grammar or style finding (they are minimal fluency edits, so a few real
  errors remain and count against every system alike). The findings of the missing-word rules
  on the corrections are listed with ``-v`` for reading.

Systems: *LanguageTool alone* is a LanguageTool server with its own defaults (``--lt-url``,
default ``http://localhost:8091``); *newslint + LanguageTool* is newslint with its defaults,
its own rules and the LanguageTool server it starts (with newslint's LanguageTool rules on its
classpath), or the one at ``--newslint-lt-url``; *newslint alone* is newslint with LanguageTool
off. Sentences are detokenised ("do n't" → "don't") for all three alike; each set of sentences
is checked sentence by sentence (LanguageTool alone in batches).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import tempfile
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

JFLEG = REPO.parent / "shared" / "corpora" / "jfleg_dev"

BE = {"is", "are", "was", "were", "be", "been", "am", "being"}
TO = {"to"}
AUXILIARIES = {"have", "has", "had", "will", "would", "could", "can", "should", "shall",
               "may", "might", "must", "do", "does", "did"}
MEASURED = BE | TO | AUXILIARIES
#: Rules about missing words: newslint's own and its LanguageTool rules.
MISSING_WORD_RULES = re.compile(r"missing-verb-after-there|languagetool/NEWSLINT_")

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|n't|'s|'re|'ve|'ll|'d|'m|'S)$", re.I)
_NO_SPACE_AFTER = re.compile(r"^[(\[{$]$")


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as written, and each token's (start, end) in it."""
    out, spans, quote_open = "", [], False
    for i, tok in enumerate(tokens):
        space = bool(out)
        if _NO_SPACE_BEFORE.match(tok):
            space = False
        elif i and _NO_SPACE_AFTER.match(tokens[i - 1]):
            space = False
        elif tok == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif i and tokens[i - 1] == '"' and quote_open:
            space = False
        if space:
            out += " "
        spans.append((len(out), len(out) + len(tok)))
        out += tok
    return out, spans


def insertions(src: list[str], ref: list[str]) -> set[tuple[int, str]]:
    """(position in ``src``, lower-cased word) of each word ``ref`` inserts."""
    sm = difflib.SequenceMatcher(None, [t.lower() for t in src], [t.lower() for t in ref],
                                 autojunk=False)
    found = set()
    for op, i1, _i2, j1, j2 in sm.get_opcodes():
        if op == "insert":
            found.update((i1, w.lower()) for w in ref[j1:j2])
    return found


def targets(src_lines: list[str], ref_sets: list[list[str]]) -> list[tuple[int, int, str]]:
    """(sentence, position, word) inserted by two or more corrections."""
    out = []
    for n, line in enumerate(src_lines):
        src = line.split()
        votes: Counter = Counter()
        for refs in ref_sets:
            votes.update(insertions(src, refs[n].split()))
        out.extend((n, i, w) for (i, w), v in sorted(votes.items()) if v >= 2
                   and re.search(r"\w", w))
    return out


class Finding:
    def __init__(self, start, end, rule, suggestions, message):
        self.start, self.end, self.rule = start, end, rule
        self.suggestions, self.message = suggestions, message


def languagetool_alone(url: str, texts: list[str]) -> list[list[Finding]]:
    """Grammar and style matches of a LanguageTool server with its own defaults."""
    from newslint.languagetool.mapping import category_of

    class M:
        def __init__(self, m):
            self.category_id = m["rule"]["category"]["id"]
            self.issue_type = m["rule"].get("issueType", "")
            self.rule_id = m["rule"]["id"]

    out: list[list[Finding]] = [[] for _ in texts]
    batch: list[int] = []

    def flush():
        if not batch:
            return
        text, starts = "", []
        for i in batch:
            starts.append(len(text))
            text += texts[i] + "\n\n"
        data = urllib.parse.urlencode({"text": text, "language": "en-US"}).encode()
        with urllib.request.urlopen(url.rstrip("/") + "/v2/check", data, timeout=600) as r:
            matches = json.load(r)["matches"]
        for m in matches:
            if category_of(M(m)) == "spelling":
                continue
            for k, i in enumerate(batch):
                end = starts[k] + len(texts[i])
                if starts[k] <= m["offset"] < end:
                    out[i].append(Finding(m["offset"] - starts[k],
                                          m["offset"] - starts[k] + m["length"],
                                          "languagetool/" + m["rule"]["id"],
                                          [x["value"] for x in m["replacements"][:5]],
                                          m["message"]))
                    break
        batch.clear()

    size = 0
    for i, t in enumerate(texts):
        batch.append(i)
        size += len(t)
        if size > 15000:
            flush()
            size = 0
    flush()
    return out


def newslint_findings(checker, texts: list[str]) -> list[list[Finding]]:
    """Grammar and style findings of newslint (its own and LanguageTool's) per sentence, each
    sentence a document of its own (a stray quote mark in one learner sentence would otherwise
    make the rest of a long document read as quoted speech)."""
    out: list[list[Finding]] = []
    for n, text in enumerate(texts):
        outcome = checker.check_text(f"sentence-{n}.txt", text + "\n", ".txt")
        out.append([Finding(f.offset, f.offset + f.length, f.rule, list(f.suggestions),
                            f.message)
                    for f in outcome.findings
                    if f.category in ("grammar", "style")
                    and not f.rule.startswith(("house.", "ap."))])
    return out


def make_checker(tmp: Path, languagetool: dict):
    from newslint.checker import Checker
    config = tmp / f"newslint-{len(list(tmp.iterdir()))}.yaml"
    config.write_text(json.dumps({"languagetool": languagetool}), encoding="utf-8")
    return Checker.load(config_file=config)


def near(found: list, spans: list, i: int) -> list:
    """The findings that cover a word on either side of the gap before token ``i``."""
    lo = spans[i - 1][0] if i > 0 else spans[0][0]
    hi = spans[i][1] if i < len(spans) else spans[-1][1]
    return [f for f in found if f.start < hi and f.end > lo]


def recall(found_by: dict, goal: list, spans_of: list) -> int:
    """How many targets of ``goal`` a finding covers."""
    return sum(bool(near(found_by["src"][n], spans_of[n], i)) for n, i, _w in goal)


def score(name, found_by, sentences, spans_of, goal, corrections, verbose):
    """Print recall on ``goal`` targets and false alarms on the corrections."""
    hits = hits_word = 0
    for n, i, w in goal:
        covering = near(found_by["src"][n], spans_of[n], i)
        hits += bool(covering)
        hits_word += any(re.search(rf"(?i)\b{re.escape(w)}\b", s) for f in covering
                         for s in f.suggestions)
    flagged = sum(bool(fs) for fs in found_by["refs"])
    mw = [(k, f) for k, fs in enumerate(found_by["refs"]) for f in fs
          if MISSING_WORD_RULES.match(f.rule)]
    total = max(len(goal), 1)
    print(f"{name:24s} recall {hits}/{len(goal)} = {hits / total:.3f}  "
          f"(with the word {hits_word / total:.3f})  false alarms on corrections "
          f"{flagged}/{len(corrections)} = {100 * flagged / len(corrections):.2f}%  "
          f"(missing-word rules: {len(mw)})")
    if verbose:
        for k, f in mw:
            print(f"    on a correction: {f.rule}: {corrections[k][max(0, f.start - 30):f.end + 30]!r}")
    return hits, flagged


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jfleg", type=Path, default=JFLEG)
    ap.add_argument("--lt-url", default="http://localhost:8091")
    ap.add_argument("--newslint-lt-url", default="",
                    help="a LanguageTool server started with newslint's rules on its classpath")
    ap.add_argument("--limit", type=int, default=0, help="only the first N source sentences")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    try:
        src_lines = (args.jfleg / "dev.src").read_text(encoding="utf-8").splitlines()
        ref_sets = [(args.jfleg / f"dev.ref{k}").read_text(encoding="utf-8").splitlines()
                    for k in range(4)]
    except OSError as exc:
        print(f"{args.jfleg}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if args.limit:
        src_lines = src_lines[:args.limit]
        ref_sets = [r[:args.limit] for r in ref_sets]
    goal_all = targets(src_lines, ref_sets)
    goal = [t for t in goal_all if t[2] in MEASURED]
    other = [t for t in goal_all if t[2] not in MEASURED]
    sources, spans_of = [], []
    for line in src_lines:
        text, spans = detokenize(line.split())
        sources.append(text)
        spans_of.append(spans)
    corrections = [detokenize(r.split())[0] for refs in ref_sets for r in refs]
    print(f"source sentences: {len(sources)}, corrections: {len(corrections)}")
    print(f"targets (a word two or more corrections insert): {len(goal_all)}; measured "
          f"(be, to, auxiliaries): {len(goal)} — be {sum(t[2] in BE for t in goal)}, "
          f"to {sum(t[2] in TO for t in goal)}, auxiliaries {sum(t[2] in AUXILIARIES for t in goal)}")

    systems = {}
    systems["LanguageTool alone"] = {
        "src": languagetool_alone(args.lt_url, sources),
        "refs": languagetool_alone(args.lt_url, corrections)}
    with tempfile.TemporaryDirectory(prefix="newslint-missing-") as tmp:
        lt = {"mode": "required"}
        if args.newslint_lt_url:
            lt["url"] = args.newslint_lt_url
        for name, section in (("newslint + LanguageTool", lt), ("newslint alone", {"mode": "off"})):
            checker = make_checker(Path(tmp), section)
            with checker.start(1):
                systems[name] = {"src": newslint_findings(checker, sources),
                                 "refs": newslint_findings(checker, corrections)}
    for name, found_by in systems.items():
        score(name, found_by, sources, spans_of, goal, corrections, args.verbose)
    # "[have] never have stopped": the corrections moved a word the source has beside the gap
    moved = [t for t in goal
             if t[2] in [w.lower() for w in src_lines[t[0]].split()[max(0, t[1] - 3):t[1] + 3]]]
    kept = [t for t in goal if t not in moved]
    print(f"without the {len(moved)} targets that are a word moved, not missing (the source has "
          f"it within three words of the gap):")
    for name, found_by in systems.items():
        hits = recall(found_by, kept, spans_of)
        print(f"    {name:24s} {hits}/{len(kept)} = {hits / max(len(kept), 1):.3f}")
    for cls, words in (("be", BE), ("to", TO), ("auxiliaries", AUXILIARIES)):
        sub = [t for t in goal if t[2] in words]
        print(f"  {cls}:")
        for name, found_by in systems.items():
            print(f"    {name:24s} {recall(found_by, sub, spans_of)}/{len(sub)}")
    print("other inserted words (articles, prepositions…), for the record:")
    for name, found_by in systems.items():
        print(f"    {name:24s} {recall(found_by, other, spans_of)}/{len(other)}")
    if args.verbose:
        base = systems["LanguageTool alone"]["src"]
        ours = systems["newslint + LanguageTool"]["src"]
        for n, i, w in goal:
            spans = spans_of[n]
            lo = spans[i - 1][0] if i > 0 else spans[0][0]
            hi = spans[i][1] if i < len(spans) else spans[-1][1]
            a = [f.rule for f in near(base[n], spans, i)]
            b = [f.rule for f in near(ours[n], spans, i)]
            s = sources[n]
            print(f"  [{w}] {'LT ' if a else '   '}{'NL ' if b else '   '}"
                  f"{s[max(0, lo - 25):lo]}|{s[lo:hi]}|{s[hi:hi + 15]}  {sorted(set(a + b))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
