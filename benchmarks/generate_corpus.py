#!/usr/bin/env python3
"""Generate a corpus of Markdown articles by sampling real Wikinews paragraphs.

Every article gets front matter (title, date), a dateline and 6 to 16 paragraphs sampled from
benchmarks/corpus/wikinews. A few thousand real paragraphs cannot fill ten thousand articles
without repeating, so each sampled paragraph has a share of its words (``--rewrite``, default
0.5) replaced by corpus words of the same shape (lower case, capitalised, upper case, digits):
length, punctuation and rhythm stay real while two uses of one source paragraph no longer read
as copies of each other. ``--rewrite 0`` keeps the paragraphs exactly as written.

``--plant K`` then copies K paragraphs into later articles as known cross-file repeats, cycling
through four kinds: an exact copy, a copy with 1 to 3 words changed, a copy with one sentence
dropped and a copy with one sentence added. ``manifest.json`` in the output directory records
every plant with both locations (file name, relative to the output directory, and 1-based
line), so the directory can be moved or renamed after it is made.

    python benchmarks/generate_corpus.py --articles 1000 --plant 50 --seed 1 \\
        --out benchmarks/generated/dup-1k

``--jsonl`` writes the same articles as one JSON Lines archive, as a newsroom's archive export
would be (``articles.jsonl``; each id is the file name the manifest uses):

    python benchmarks/generate_corpus.py --jsonl --articles 100000 --plant 500 \\
        --out benchmarks/generated/archive-100k
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "corpus" / "wikinews"
PLANT_KINDS = ("exact", "words", "drop-sentence", "add-sentence")

_TOKEN = re.compile(r"[^\W\d_]+|[0-9]+")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_DATELINE = re.compile(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ")


def shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if token.islower():
        return "lower"
    if token.isupper() and len(token) > 1:
        return "upper"
    if token[0].isupper():
        return "title"
    return "other"


class Source:
    """Real paragraphs, sentences and titles to sample from, with a vocabulary by shape."""

    def __init__(self, folder: Path):
        from newslint.text.sentences import split_sentences

        self.paragraphs: list[str] = []
        self.titles: list[str] = []
        vocab: dict[str, set] = {}
        for path in sorted(folder.glob("*.md")):
            text = path.read_text(encoding="utf-8")
            m = re.search(r'^title:\s*"?(.*?)"?\s*$', text, re.M)
            if m:
                self.titles.append(m.group(1))
            body = _FRONT.sub("", text)
            for chunk in re.split(r"\n\s*\n", body):
                para = " ".join(chunk.split())
                # Plain prose paragraphs only: no headings, lists, quotes, tables or datelines.
                if (not para or para[0] in "#>-*|![" or _DATELINE.match(para)
                        or len(para.split()) < 8):
                    continue
                self.paragraphs.append(para)
                for token in _TOKEN.findall(para):
                    vocab.setdefault(shape(token), set()).add(token)
        self.vocab = {k: sorted(v) for k, v in vocab.items()}
        self.sentences = [para[s.start:s.end] for para in self.paragraphs
                          for s in split_sentences(para)]
        self.split_sentences = split_sentences
        if not self.paragraphs:
            raise SystemExit(f"no paragraphs found under {folder}")

    def replace_word(self, token: str, rng: random.Random) -> str:
        choices = self.vocab.get(shape(token))
        if not choices:
            return token
        for _ in range(8):
            new = rng.choice(choices)
            if new != token:
                return new
        return token

    def rewrite(self, text: str, share: float, rng: random.Random) -> str:
        if share <= 0:
            return text
        return _TOKEN.sub(
            lambda m: self.replace_word(m.group(), rng) if rng.random() < share else m.group(),
            text)


def change_words(source: Source, text: str, rng: random.Random) -> str:
    """``text`` with 1 to 3 of its words replaced."""
    tokens = list(_TOKEN.finditer(text))
    picks = sorted(rng.sample(range(len(tokens)), rng.randint(1, 3)), reverse=True)
    for i in picks:
        m = tokens[i]
        text = text[:m.start()] + source.replace_word(m.group(), rng) + text[m.end():]
    return text


def sentences_of(source: Source, text: str) -> list[str]:
    return [text[s.start:s.end] for s in source.split_sentences(text)]


def word_count(text: str) -> int:
    """Words as the duplicate rules count them."""
    from newslint.text.dupmatch import words
    return len(words(text))


def droppable(source: Source, text: str) -> list[int]:
    """Sentences whose removal leaves a copy the rules call a near repeat: 24 words or more
    (near repeats need 20) and at least 60% of the paragraph."""
    sents = sentences_of(source, text)
    if len(sents) < 3:
        return []
    total = word_count(text)
    return [i for i, s in enumerate(sents)
            if total - word_count(s) >= max(24, 0.6 * total)]


def plantable(source: Source, text: str, kind: str) -> bool:
    if kind == "exact":
        return word_count(text) >= 8
    if word_count(text) < 30:  # near copies are only reported for paragraphs of 20 words or more
        return False
    if kind == "drop-sentence":
        return bool(droppable(source, text))
    return True


def make_copy(source: Source, text: str, kind: str, rng: random.Random, share: float) -> str:
    if kind == "exact":
        return text
    if kind == "words":
        return change_words(source, text, rng)
    sents = sentences_of(source, text)
    if kind == "drop-sentence":
        del sents[rng.choice(droppable(source, text))]
        return " ".join(sents)
    # add-sentence: a real sentence, rewritten like the rest, no longer than the paragraph
    limit = len(text.split())
    for _ in range(100):
        extra = source.rewrite(rng.choice(source.sentences), share, rng)
        if 6 <= len(extra.split()) <= limit // 2:
            break
    sents.insert(rng.randint(0, len(sents)), extra)
    return " ".join(sents)


def weekday_dateline(day: dt.date) -> str:
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def generate(articles: int, plant: int, seed: int, out: Path, share: float,
             source_dir: Path = DEFAULT_SOURCE, jsonl: bool = False) -> dict:
    rng = random.Random(seed)
    source = Source(source_dir)
    start = dt.date(2019, 1, 1)
    width = max(5, len(str(articles)))
    docs = []
    for n in range(articles):
        # Dates rise with the article number, so a plant's target is always the later file.
        day = start + dt.timedelta(days=(n * 3650) // max(articles, 1))
        title = source.rewrite(rng.choice(source.titles), share, rng).replace('"', "'")
        paras = [source.rewrite(p, share, rng)
                 for p in rng.sample(source.paragraphs, rng.randint(6, 16))]
        docs.append({"name": f"article-{n:0{width}d}.md", "date": day, "title": title,
                     "paragraphs": paras})

    plants = []
    used: set[str] = set()  # plant sources and copies: each plant stands alone
    if plant and articles < 2:
        raise SystemExit("planting repeats needs at least two articles")
    for k in range(plant):
        kind = PLANT_KINDS[k % len(PLANT_KINDS)]
        for _ in range(10_000):
            src = rng.randrange(articles - 1)
            candidates = [i for i, p in enumerate(docs[src]["paragraphs"])
                          if p not in used and plantable(source, p, kind)]
            if candidates:
                break
        else:
            raise SystemExit(f"no paragraph suits a {kind!r} plant")
        para = rng.choice(candidates)
        dst = rng.randrange(src + 1, articles)
        copy = make_copy(source, docs[src]["paragraphs"][para], kind, rng, share)
        used.update((docs[src]["paragraphs"][para], copy))
        at = rng.randint(0, len(docs[dst]["paragraphs"]))
        docs[dst]["paragraphs"].insert(at, copy)
        plants.append({"kind": kind, "source": src, "source_paragraph": para,
                       "target": dst, "target_paragraph": at})
        # Later inserts shift paragraph numbers: keep earlier plants pointing at their text.
        for p in plants[:-1]:
            if p["target"] == dst and p["target_paragraph"] >= at:
                p["target_paragraph"] += 1
            if p["source"] == dst and p["source_paragraph"] >= at:
                p["source_paragraph"] += 1

    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("article-*.md"):
        old.unlink()
    # An archive export: one JSON object a line, the article's name as its id.
    archive = (out / "articles.jsonl").open("w", encoding="utf-8") if jsonl else None
    lines_of = []
    for doc in docs:
        head = (f'---\ntitle: "{doc["title"]}"\ndate: {doc["date"].isoformat()}\n---\n\n'
                f'{weekday_dateline(doc["date"])}\n\n')
        line = head.count("\n") + 1
        starts = []
        for p in doc["paragraphs"]:
            starts.append(line)
            line += 2
        text = head + "\n\n".join(doc["paragraphs"]) + "\n"
        if archive is not None:
            archive.write(json.dumps({"id": doc["name"], "date": doc["date"].isoformat(),
                                      "format": "markdown", "text": text},
                                     ensure_ascii=False) + "\n")
        else:
            (out / doc["name"]).write_text(text, encoding="utf-8")
        lines_of.append(starts)
    if archive is not None:
        archive.close()

    manifest = {
        "articles": articles, "seed": seed, "rewrite": share,
        "paragraphs": sum(len(d["paragraphs"]) for d in docs),
        "planted": [{
            "kind": p["kind"],
            "source": docs[p["source"]]["name"],
            "source_line": lines_of[p["source"]][p["source_paragraph"]],
            "target": docs[p["target"]]["name"],
            "target_line": lines_of[p["target"]][p["target_paragraph"]],
        } for p in plants],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="number of articles (1000)")
    ap.add_argument("--plant", type=int, default=0,
                    help="cross-file repeats to plant (0); recorded in manifest.json")
    ap.add_argument("--seed", type=int, default=1, help="random seed (1)")
    ap.add_argument("--rewrite", type=float, default=0.5,
                    help="share of words replaced in each sampled paragraph (0.5)")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                    help="folder of Markdown articles to sample (benchmarks/corpus/wikinews)")
    ap.add_argument("--jsonl", action="store_true",
                    help="write one JSON Lines archive (OUT/articles.jsonl: id, date, format, "
                         "text) instead of Markdown files; ids are the file names the "
                         "manifest names")
    ap.add_argument("--out", type=Path, required=True,
                    help="output directory, e.g. benchmarks/generated/corpus-1k")
    args = ap.parse_args(argv)
    if args.articles < 1 or args.plant < 0 or not 0 <= args.rewrite <= 1:
        ap.error("--articles must be >= 1, --plant >= 0 and --rewrite between 0 and 1")
    manifest = generate(args.articles, args.plant, args.seed, args.out, args.rewrite,
                        args.source, args.jsonl)
    print(f"{args.articles} articles, {manifest['paragraphs']} paragraphs, "
          f"{len(manifest['planted'])} planted repeats -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
