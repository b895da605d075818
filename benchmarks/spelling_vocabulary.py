#!/usr/bin/env python3
"""Measure the news vocabulary's thresholds (newslint/languagetool/vocabulary.py).

    python benchmarks/spelling_vocabulary.py --url http://127.0.0.1:8081/

Runs newslint (default configuration, news vocabulary off) over the Wikinews articles and the
seed of the judged corpus, takes every word LanguageTool's speller still rejects, and adds the
classic misspellings below (their suggestions asked of the same server). Every corpus word was
read in its article: the ones in ``CORPUS_TYPOS`` are misspellings, the ones in ``UNCLEAR`` are
left out (fragments of a broken word, words of an unidentified language), all others are
correct names, terms and loanwords. For each pair of thresholds it prints how many typos stay
reported and how many correct words are dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import judged  # noqa: E402
from newslint.languagetool import vocabulary  # noqa: E402

#: Misspellings the speller must keep finding (newsroom classics).
CLASSIC_TYPOS = ("Goverment emplyees missles recieve goverment Hermoine accomodate occured seperate "
                 "definately untill tommorow wich becuase publically existance truely "
                 "beleive calender cemetary embarass enviroment independant neccessary "
                 "occurence persistant priviledge reccomend refered succesful").split()
#: Misspellings in the judged Wikinews articles (the writer's or a transcript's).
CORPUS_TYPOS = set(("Magnitigorsk Rhey THey alking anynomous arrrticle beggras coorna "
                    "councelling daibetic differenciate diplayed emplyees equestrial "
                    "extrememly famikidelies familes harrasment hault hygene intregrate "
                    "coorna[virus] loadsof mooved nany ncreasingly ottom pressue previusly probelm "
                    "profesional stiched telscopes ther tha treamment xtremely").split())
#: Fragments and words whose language or intent could not be told.
UNCLEAR = set("essions ment sed mak al nd ld han tele ing ies Dissolv Afdahe body-म".split())

KNOWN = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
GAPS = (1.0, 1.5, 2.0, 2.5)
CAPITALISED_GAPS = (1.5, 2.5, 3.0)


def suggestions_from(url: str, word: str) -> list[str]:
    import requests

    answer = requests.post(url.rstrip("/") + "/v2/check",
                           data={"language": "en-US", "text": f"They said {word} today."},
                           timeout=30).json()
    for m in answer.get("matches", ()):
        if m["rule"]["id"].startswith("MORFOLOGIK_RULE_"):
            return [r["value"] for r in m["replacements"][:5]]
    return []


def corpus_words(url: str) -> dict:
    docs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for doc_id, path in judged.materialize(Path(tmp)).items():
            if judged.group_of(doc_id) != "extraction":
                docs[doc_id] = path
        section = {"mode": "required", "news_vocabulary": False}
        if url:
            section["url"] = url
        findings, _, _ = judged.run_newslint(
            docs, url, config_text="languagetool: " + json.dumps(section) + "\n")
    words = {}
    for f in findings:
        if f["rule"].startswith("languagetool/MORFOLOGIK_RULE_"):
            words.setdefault(f["excerpt"], f["suggestions"])
    return words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="a running LanguageTool server")
    args = parser.parse_args()
    words = corpus_words(args.url)
    typos = {w: s for w, s in words.items() if w in CORPUS_TYPOS}
    correct = {w: s for w, s in words.items() if w not in CORPUS_TYPOS and w not in UNCLEAR}
    classic = {w: suggestions_from(args.url, w) for w in CLASSIC_TYPOS}
    print(f"speller words on the judged Wikinews articles and seed: {len(words)} "
          f"({len(typos)} typos, {len(correct)} correct, "
          f"{len(words) - len(typos) - len(correct)} unclear); classic typos: {len(classic)}\n")
    print("| known Zipf | gap | capitalised gap | corpus typos kept | classic typos kept "
          "| correct words dropped |")
    print("|---|---|---|---|---|---|")
    for known in KNOWN:
        for gap in GAPS:
            for cap in CAPITALISED_GAPS:
                def kept(group):
                    return sum(vocabulary.is_misspelling(w, s, known=known, gap=gap,
                                                         capitalised_gap=cap)
                               for w, s in group.items())
                print(f"| {known} | {gap} | {cap} | {kept(typos)}/{len(typos)} | "
                      f"{kept(classic)}/{len(classic)} | {len(correct) - kept(correct)}/"
                      f"{len(correct)} |")
    chosen = dict(known=vocabulary.KNOWN_ZIPF, gap=vocabulary.NEAR_MISS_GAP,
                  capitalised_gap=vocabulary.CAPITALISED_GAP)
    print(f"\nchosen: {chosen}")
    for label, group, want in (("typos missed", {**typos, **classic}, False),
                               ("correct words still reported", correct, True)):
        hits = sorted(w for w, s in group.items()
                      if vocabulary.is_misspelling(w, s, **chosen) is want)
        print(f"{label}: {len(hits)}: {' '.join(hits)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
