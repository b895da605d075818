#!/usr/bin/env python3
"""boilerplate on saved news pages: recall on furniture blocks, false alarms on story paragraphs.

    python benchmarks/bench_furniture.py [--pages DIR] [--halves] [-v]

The pages are ``../shared/corpora/news_page_extraction_dev`` (``ground-truth.json`` and
``html/*.html.gz``): other outlets' copyright, read at run time and never stored. Each page's
body is cut into text blocks at block-level elements (scripts, styles and forms left out), as a
careless extraction would leave them, and written to a temporary plain-text file, one block a
paragraph. A block whose text is part of the hand-extracted story (``articleBody``) is a story
paragraph (a block of a few words must be a whole story paragraph); a block sharing no five-word run with the story is furniture; blocks in between are
left out of both counts. A block is reported when a ``boilerplate`` finding overlaps it.
``--halves`` also prints the figures for two halves of the pages (alternate pages in sorted
order), so that a change tuned on one half can be checked on the other.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
PAGES = REPO.parent / "shared" / "corpora" / "news_page_extraction_dev"

_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "tr",
               "table", "section", "article", "header", "footer", "nav", "aside", "figure",
               "figcaption", "blockquote", "br", "hr", "main", "dd", "dt", "button", "label"}
_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "select", "option",
            "iframe", "form"}


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._text: list[str] = []
        self._skip = 0

    def _flush(self):
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append(text)
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skip = max(self._skip - 1, 0)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._text.append(data)


def page_blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def label(block: str, story: str, story_grams: set, paragraphs: set) -> str | None:
    norm = _norm(block)
    if not norm:
        return None
    words = norm.split()
    if norm in paragraphs or (len(words) >= 6 and norm in story):
        return "story"
    if norm in story:
        return None  # a few words found in the story ("news", "1"): cannot tell
    grams = {" ".join(words[i:i + 5]) for i in range(max(len(words) - 4, 1))}
    return None if grams & story_grams else "furniture"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=PAGES)
    ap.add_argument("--halves", action="store_true",
                    help="also the figures for alternate pages (halves A and B)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    truth_file = args.pages / "ground-truth.json"
    if not truth_file.exists():
        print(f"{truth_file}: not found", file=sys.stderr)
        return 2
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    from newslint.checker import Checker

    checker = Checker.load(select=["boilerplate"])
    halves = {name: {"story": [0, 0], "furniture": [0, 0]} for name in ("all", "A", "B")}
    half_of = {page: "AB"[k % 2] for k, page in enumerate(sorted(truth))}
    with tempfile.TemporaryDirectory(prefix="newslint-furniture-") as tmp, checker.start(1):
        pages = {}
        for page, entry in sorted(truth.items()):
            html = gzip.decompress((args.pages / "html" / f"{page}.html.gz").read_bytes())
            blocks = page_blocks(html.decode("utf-8", errors="replace"))
            path = Path(tmp) / f"{page}.txt"
            path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
            pages[str(path)] = (page, entry, blocks)
        # One run over all pages, as a user checks a folder: recurring template lines count.
        result = checker.run(sorted(pages))
        for outcome in result.files:
            page, entry, blocks = pages[str(outcome.path)]
            story = _norm(entry["articleBody"])
            words = story.split()
            story_grams = {" ".join(words[i:i + 5]) for i in range(max(len(words) - 4, 1))}
            paragraphs = {_norm(p) for p in entry["articleBody"].split("\n")}
            found = [f for f in outcome.findings if f.rule == "boilerplate"]
            offset = 0
            for block in blocks:
                kind = label(block, story, story_grams, paragraphs)
                end = offset + len(block)
                hit = any(f.offset < end and f.offset + f.length > offset for f in found)
                if kind:
                    for name in ("all", half_of[page]):
                        halves[name][kind][0] += hit
                        halves[name][kind][1] += 1
                    if args.verbose and (hit != (kind == "furniture")):
                        print(f"  {'found ' if hit else 'silent'} [{kind}] {page[:8]} {block[:90]!r}")
                offset = end + 2
    print(f"pages: {len(truth)}")
    for name in ("all", "A", "B") if args.halves else ("all",):
        counts = halves[name]
        fur_hit, fur_total = counts["furniture"]
        story_hit, story_total = counts["story"]
        head = "" if name == "all" else f"half {name}: "
        print(f"{head}recall on furniture blocks: {fur_hit}/{fur_total} = "
              f"{fur_hit / max(fur_total, 1):.3f}")
        print(f"{head}false alarms on story paragraphs: {story_hit}/{story_total} = "
              f"{100 * story_hit / max(story_total, 1):.2f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
