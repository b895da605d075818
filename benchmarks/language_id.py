#!/usr/bin/env python3
"""Measure py3langid on short news sentences (newslint/text/language.py).

    python benchmarks/language_id.py

English sentences: every sentence of the judged corpus's Wikinews articles (read as newslint
reads them). Non-English sentences: every sentence of the saved news pages of
``../shared/corpora/news_page_extraction_dev`` whose whole story text is not English (their
text is read in memory, never stored). For sentence lengths and probability thresholds it
prints how many English sentences would be skipped as foreign (the cost) and how many foreign
ones are (the gain): a passage is foreign when the model gives English a
probability of at most 1 − p, and the model's start-up and per-sentence time.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import judged  # noqa: E402

BUCKETS = ((3, 5), (6, 9), (10, 14), (15, 1000))
PROBABILITIES = (0.5, 0.9, 0.99)


def main() -> int:
    t0 = time.perf_counter()
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    startup = time.perf_counter() - t0
    from newslint.parsers import markdown, plaintext
    from newslint.text.language import _WORDS

    english, foreign = [], []
    corpus = judged.load_corpus()
    for name in corpus.get("wikinews", []):
        path = judged.WIKINEWS / name
        doc = markdown.parse(str(path), path.read_text(encoding="utf-8"))
        for block in doc.prose_blocks:
            english += [block.sentence_text(s) for s in block.sentences]
    truth = json.loads(judged.EXTRACTION.read_text(encoding="utf-8"))
    for page in corpus.get("extraction", []):
        body = truth[page]["articleBody"]
        lang, p = ident.classify(body)
        if lang == "en" or p < 0.99:
            continue
        doc = plaintext.parse("page.txt", body)
        for block in doc.prose_blocks:
            foreign += [block.sentence_text(s) for s in block.sentences]
    t1 = time.perf_counter()
    def p_english(text):  # the model's probability that the text is English
        return dict(ident.rank(text)).get("en", 0.0)
    rated = {"en": [(len(_WORDS.findall(s)), p_english(s)) for s in english],
             "xx": [(len(_WORDS.findall(s)), p_english(s)) for s in foreign]}
    per_sentence = (time.perf_counter() - t1) / max(1, len(english) + len(foreign))
    print(f"{len(english)} English sentences (Wikinews), {len(foreign)} non-English sentences "
          f"(saved pages in de/id/pt/it…)")
    print(f"model start-up {startup * 1000:.0f} ms (import and load), "
          f"{per_sentence * 1000:.3f} ms a sentence\n")
    print("| words | not English with probability ≥ | English called foreign | foreign called foreign |")
    print("|---|---|---|---|")
    for lo, hi in BUCKETS:
        for p in PROBABILITIES:
            en = [r for n, r in rated["en"] if lo <= n <= hi]
            xx = [r for n, r in rated["xx"] if lo <= n <= hi]
            false = sum(1 for q in en if q <= 1 - p)
            true = sum(1 for q in xx if q <= 1 - p)
            print(f"| {lo}–{hi if hi < 1000 else '…'} | {p} | {false}/{len(en)} | "
                  f"{true}/{len(xx)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
