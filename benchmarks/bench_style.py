#!/usr/bin/env python3
"""Measure the page-furniture and house-style rules on real articles.

* ``boilerplate`` on the 295 Wikinews articles, as Markdown and again as plain text (the title
  on the first line, then the body), where the plain-text parser turns every short unpunctuated
  line (photo captions, legends) into a heading: the harder case for the structural signals.
  Every finding is listed; each must be judged in benchmarks/judgements/boilerplate.md.
* ``spelling-variant`` on the same articles: every finding listed.
* The AP set (``rules/ap.yaml`` and ``newslint/rules/apstyle.py``): findings per rule and per
  1,000 words of article text.
* The seed article, if given: furniture found, variants found.

    python benchmarks/bench_style.py [--seed PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = HERE / "corpus" / "wikinews"
DEFAULT_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "securityweek-tiktok-wechat-bans.txt"
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def load_articles():
    from newslint.testing import parse_text

    md, txt, words = [], [], 0
    for path in sorted(CORPUS.glob("2*.md")):
        text = path.read_text(encoding="utf-8")
        md.append(parse_text(text, suffix=".md", path=str(path.relative_to(REPO))))
        front = _FRONT.match(text)
        title = re.search(r'^title: "?(.*?)"?$', front.group(1), re.M).group(1)
        body = text[front.end():]
        words += len(body.split())
        txt.append(parse_text(f"{title}\n\n{body}", suffix=".txt",
                              path=str(path.relative_to(REPO).with_suffix(".txt"))))
    return md, txt, words


def planted_articles(limit: int = 295):
    """Plain-text Wikinews articles with page furniture planted the way scraped pages carry it.

    Returns ``(documents, planted)`` where ``planted[path]`` is the set of 1-based line numbers
    of planted lines. Furniture: navigation and a section label above the title, an
    "Advertisement" after the second paragraph of 12 words or more, "Share this article" and a
    "Related: <another title>" teaser after the fourth, and at the end "Related Content" with
    three teasers made of section labels and other articles' truncated second paragraphs.
    Articles with fewer than four such paragraphs (test pages, photo essays) are left out.
    """
    from newslint.testing import parse_text

    paths = sorted(CORPUS.glob("2*.md"))[:limit]
    sources = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        front = _FRONT.match(text)
        title = re.search(r'^title: "?(.*?)"?$', front.group(1), re.M).group(1)
        paras = [p for p in text[front.end():].split("\n\n") if p.strip()]
        # Furniture is planted between story paragraphs, so articles need a few of them.
        if sum(len(p.split()) >= 12 for p in paras) >= 4:
            sources.append((path, title, paras))
    docs, planted = [], {}
    for k, (path, title, paras) in enumerate(sources):
        other = sources[(k + 1) % len(sources)]
        teasers = [sources[(k + j) % len(sources)] for j in (2, 3, 4)]
        blocks: list[tuple[str, bool]] = [("Skip to content", True), ("Menu", True),
                                          ("World News", True), (title, False)]
        real = 0
        for para in paras:
            blocks.append((para.strip(), False))
            real += len(para.split()) >= 12
            if real == 2 and len(para.split()) >= 12:
                blocks.append(("Advertisement", True))
            if real == 4 and len(para.split()) >= 12:
                blocks += [("Share this article", True), (f"Related: {other[1]}", True)]
        blocks.append(("Related Content", True))
        for _, t_title, t_paras in teasers:
            first = t_paras[1] if len(t_paras) > 1 else t_paras[0]
            blurb = " ".join(first.split()[:20]) + "..."
            blocks += [("World News", True), (blurb, True)]
        text, lines, line = "", set(), 1
        for content, is_planted in blocks:
            if is_planted:
                lines.add(line)
            text += content + "\n\n"
            line += content.count("\n") + 2
        name = str(path.relative_to(REPO).with_suffix(".planted.txt"))
        docs.append(parse_text(text, suffix=".txt", path=name))
        planted[name] = lines
    return docs, planted


def score_planted(findings, planted) -> dict:
    """Planted lines covered by a finding, and findings that cover a line nobody planted."""
    covered: dict[str, set] = {}
    wrong = []
    for f in findings:
        lines = set(range(f.line, f.end_line + 1))
        mine = planted[f.path]
        story = {n for n in lines if n not in mine and _is_block_start(f, n)}
        covered.setdefault(f.path, set()).update(lines & mine)
        if not lines & mine or story:
            wrong.append(finding_row(f))
    total = sum(len(v) for v in planted.values())
    found = sum(len(v) for v in covered.values())
    return {"articles": len(planted), "planted_lines": total, "found": found, "wrong": wrong}


def _is_block_start(finding, line: int) -> bool:
    """Whether ``line`` of a multi-line finding starts a block (not the blank line between)."""
    lines = finding.excerpt.split("\n")
    k = line - finding.line
    return 0 <= k < len(lines) and lines[k].strip() != ""


def ap_rules():
    from newslint.packs import load_pack
    from newslint.rules import apstyle

    return load_pack(REPO / "rules" / "ap.yaml") + apstyle.newslint_register_rules(None)


def finding_row(f) -> dict:
    return {"rule": f.rule, "path": f.path, "line": f.line, "end_line": f.end_line,
            "excerpt": f.excerpt[:80], "message": f.message, "suggestions": list(f.suggestions)}


def run(seed: Path | None) -> dict:
    from newslint.rules.boilerplate import Boilerplate
    from newslint.rules.variants import SpellingVariant
    from newslint.testing import check_corpus, check_document, check_text

    md, txt, words = load_articles()
    out: dict = {"articles": len(md), "words": words}
    out["boilerplate_md"] = [finding_row(f) for f in check_corpus(md, Boilerplate())]
    out["boilerplate_txt"] = [finding_row(f) for f in check_corpus(txt, Boilerplate())]
    planted_docs, planted = planted_articles()
    out["boilerplate_planted"] = score_planted(check_corpus(planted_docs, Boilerplate()),
                                               planted)
    variant = SpellingVariant()
    out["spelling_variant"] = [finding_row(f) for d in md for f in check_document(d, variant)]
    per_rule = {}
    for rule in ap_rules():
        n = sum(len(check_document(d, rule)) for d in md)
        per_rule[rule.id] = {"findings": n, "per_1000_words": round(1000 * n / words, 2)}
    total = sum(r["findings"] for r in per_rule.values())
    out["ap"] = {"rules": per_rule, "findings": total,
                 "per_1000_words": round(1000 * total / words, 2)}
    if seed and seed.exists():
        text = seed.read_text(encoding="utf-8")
        out["seed"] = {
            "boilerplate": [finding_row(f) for f in check_text(text, Boilerplate(),
                                                               suffix=".txt")],
            "spelling_variant": [finding_row(f) for f in check_text(text, SpellingVariant(),
                                                                    suffix=".txt")],
            "ap": {r.id: len(check_text(text, r, suffix=".txt")) for r in ap_rules()},
        }
    return out


def report(out: dict) -> str:
    lines = [f"{out['articles']} Wikinews articles, {out['words']:,} words", ""]
    for key, label in (("boilerplate_md", "boilerplate (Markdown)"),
                       ("boilerplate_txt", "boilerplate (plain text)"),
                       ("spelling_variant", "spelling-variant")):
        rows = out[key]
        lines.append(f"{label}: {len(rows)} findings "
                     f"({len(rows) / out['articles'] * 50:.2f} per 50 articles)")
        lines += [f"  {r['path']}:{r['line']}  {r['excerpt']!r} -> {r['suggestions']}"
                  for r in rows]
    p = out["boilerplate_planted"]
    lines.append(f"boilerplate on {p['articles']} of these articles with planted furniture: "
                 f"{p['found']} of "
                 f"{p['planted_lines']} planted lines found, {len(p['wrong'])} findings "
                 "touching a story line")
    lines += [f"  {r['path']}:{r['line']}-{r['end_line']}  {r['excerpt'][:70]!r}"
              for r in p["wrong"]]
    lines += ["", f"AP set: {out['ap']['findings']} findings, "
                  f"{out['ap']['per_1000_words']} per 1,000 words"]
    for rule_id, r in sorted(out["ap"]["rules"].items()):
        lines.append(f"  {rule_id:22} {r['findings']:5}  {r['per_1000_words']:6.2f} per 1,000 words")
    if "seed" in out:
        seed = out["seed"]
        lines += ["", f"seed: boilerplate {len(seed['boilerplate'])} findings"]
        lines += [f"  {r['line']}-{r['end_line']}  {r['excerpt'][:60]!r}"
                  for r in seed["boilerplate"]]
        lines.append(f"seed: spelling-variant {len(seed['spelling_variant'])} findings")
        lines += [f"  {r['line']}  {r['excerpt']!r} -> {r['suggestions']}"
                  for r in seed["spelling_variant"]]
        lines.append("seed: AP " + ", ".join(f"{k} {v}" for k, v in sorted(seed["ap"].items())))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    out = run(args.seed)
    print(json.dumps(out, indent=2) if args.json else report(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
