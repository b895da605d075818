"""Why `figure-conflict` leaves death tolls and headline sums alone: every article that states
one kind of toll (the dead, the injured) with two different numbers, for reading.

The 295 Wikinews articles of ``benchmarks/corpus/wikinews`` and, when present, the story text
of the saved news pages (``../shared/corpora/news_page_extraction_dev/ground-truth.json``,
read for measuring only). A toll statement is a sentence with a number next to a toll word
("killed at least 20", "the 27 victims", "death toll rising to 22"); the listing groups them
by article and kind and prints the articles where the numbers differ, each sentence whole
enough to judge whether the two numbers contradict each other. Then the headlines with a sum
("$2 million", "540 million") and where the body states it.

    python benchmarks/scan_tolls.py
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "benchmarks" / "corpus" / "wikinews"
PAGES = REPO.parent / "shared" / "corpora" / "news_page_extraction_dev" / "ground-truth.json"

NUMBER = (r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
          r"dozens?|hundreds?)")
KINDS = {
    "dead": r"\b(killed|dead|died|deaths?|death toll|fatalities|victims|lives)\b",
    "injured": r"\b(injured|wounded|injuries|hurt)\b",
}
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
SUM = re.compile(r"[$€£][0-9][0-9.,]*(?: (?:million|billion|trillion))?|"
                 r"\b[0-9][0-9.,]* (?:million|billion|trillion)\b")


def articles() -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8")
             for p in sorted(CORPUS.glob("*.md")) if p.name[:4].isdigit()}
    if PAGES.exists():
        for key, page in json.loads(PAGES.read_text(encoding="utf-8")).items():
            if isinstance(page, dict) and page.get("articleBody"):
                texts[f"page {key[:12]}"] = page["articleBody"]
    return texts


def toll_statements(text: str) -> dict[str, list[tuple[str, str]]]:
    """Kind -> (the number as written, the sentence) for each toll statement."""
    found = defaultdict(list)
    for sentence in SENTENCE.findall(text):
        for kind, word in KINDS.items():
            if not re.search(word, sentence, re.I):
                continue
            m = (re.search(NUMBER + r"\s+(?:\w+\s+){0,3}?" + word, sentence, re.I)
                 or re.search(word + r"\s+(?:\w+\s+){0,3}?(?:to\s+|at\s+|of\s+)?" + NUMBER,
                              sentence, re.I))
            if m:
                number = re.search(NUMBER, m.group(0), re.I).group(0).lower()
                found[kind].append((number, sentence.strip()))
    return found


def main() -> None:
    texts = articles()
    statements = with_tolls = 0
    differing = []
    for name, text in texts.items():
        tolls = toll_statements(text)
        statements += sum(len(v) for v in tolls.values())
        with_tolls += bool(tolls)
        for kind, stated in tolls.items():
            if len({number for number, _ in stated}) > 1:
                differing.append((name, kind, stated))
    print(f"{len(texts)} articles; {statements} toll statements in {with_tolls} articles; "
          f"{len(differing)} times one kind of toll with two or more numbers:")
    for name, kind, stated in differing:
        print(f"\n{name} ({kind})")
        for number, sentence in stated:
            print(f"  {number:>8}  {sentence[:200]}")
    print("\nHeadlines with a sum:")
    for name, text in texts.items():
        title = re.search(r'^title: "(.*)"$', text, re.M)
        if title and SUM.search(title.group(1)):
            body = text.split("\n---\n", 1)[-1]  # after the front matter
            print(f"  {title.group(1)}: " + ", ".join(
                f"{s} {'also in the body' if s in body else 'not in the body'}"
                for s in SUM.findall(title.group(1))))


if __name__ == "__main__":
    main()
