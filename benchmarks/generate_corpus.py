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
from typing import Iterator

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
    if text.startswith("(("):
        return False  # a speaker's turn of a transcript: read as one only in some articles
    if kind == "exact":
        return word_count(text) >= 8
    if word_count(text) < 30:  # near copies are only reported for paragraphs of 20 words or more
        return False
    if kind == "drop-sentence":
        return bool(droppable(source, text))
    return True


def compared_lines(name: str, text: str) -> set:
    """Lines where the blocks the cross-file duplicate rule compares begin."""
    from newslint.engine import parse_document
    from newslint.text.duprepeats import compared_blocks

    doc = parse_document(name, text, ".md")
    return {doc.line_col(b.start)[0] for b in compared_blocks(doc, across_files=True)}


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
        # Not a speaker's label ("((Name))", from a transcript): that would make the copy
        # an interview turn, which the duplicate rules leave out.
        if 6 <= len(extra.split()) <= limit // 2 and extra[:1].isalpha():
            break
    sents.insert(rng.randint(1, len(sents)), extra)
    return " ".join(sents)


def weekday_dateline(day: dt.date) -> str:
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def article_stream(articles: int, plant: int, seed: int, share: float, source: Source,
                   plants: list) -> Iterator[dict]:
    """The articles one by one, planted copies included: ``{"name", "date", "title",
    "paragraphs", "lines"}`` (``lines``: the 1-based line of each paragraph).

    Only the copies waiting for their target article are held, never the corpus, so a million
    articles take as little memory as a thousand. ``plants`` is filled in as plants are made
    (the manifest's entries, with both locations).
    """
    rng = random.Random(seed)
    start = dt.date(2019, 1, 1)
    width = max(5, len(str(articles)))
    if plant and articles < 2:
        raise SystemExit("planting repeats needs at least two articles")
    # Where each plant goes is decided first: its source article, then a later target.
    by_source: dict[int, list] = {}
    for k in range(plant):
        src = rng.randrange(articles - 1)
        by_source.setdefault(src, []).append(
            {"kind": PLANT_KINDS[k % len(PLANT_KINDS)], "target": rng.randrange(src + 1, articles)})
    pending: dict[int, list] = {}  # target article: [(plant, copy text)]
    for n in range(articles):
        name = f"article-{n:0{width}d}.md"
        # Dates rise with the article number, so a plant's target is always the later file.
        day = start + dt.timedelta(days=(n * 3650) // max(articles, 1))
        title = source.rewrite(rng.choice(source.titles), share, rng).replace('"', "'")
        paras = [source.rewrite(p, share, rng)
                 for p in rng.sample(source.paragraphs, rng.randint(6, 16))]
        # Copies planted here from earlier articles, each at a random place.
        arrived = []
        for entry, copy in pending.pop(n, ()):
            at = rng.randint(0, len(paras))
            paras.insert(at, copy)
            for other in arrived:
                if other[1] >= at:
                    other[1] += 1
            arrived.append([entry, at])
        head = (f'---\ntitle: "{title}"\ndate: {day.isoformat()}\n---\n\n'
                f'{weekday_dateline(day)}\n\n')
        first = head.count("\n") + 1
        lines = [first + 2 * i for i in range(len(paras))]
        for _ in range(20 if arrived else 0):
            # A copy must land where the duplicate rules read prose (not as a question of a
            # Q&A, say): else it moves.
            compared = compared_lines(name, head + "\n\n".join(paras) + "\n")
            astray = [a for a in arrived if lines[a[1]] not in compared]
            if not astray:
                break
            for entry in astray:
                copy = paras.pop(entry[1])
                for other in arrived:
                    if other[1] > entry[1]:
                        other[1] -= 1
                at = rng.randint(0, len(paras))
                paras.insert(at, copy)
                for other in arrived:
                    if other is not entry and other[1] >= at:
                        other[1] += 1
                entry[1] = at
        copies = {at for _, at in arrived}
        for entry, at in arrived:
            entry.update(target=name, target_line=lines[at])
            plants.append(entry)
        # Plants taken from this article: distinct paragraphs of its own, none of them a copy.
        used: set = set()
        plants_here = by_source.pop(n, ())
        if plants_here:
            # Plants copy prose the duplicate rules compare (not an interview turn, say).
            compared = compared_lines(name, head + "\n\n".join(paras) + "\n")
            used = {i for i in range(len(paras)) if lines[i] not in compared}
        for entry in plants_here:
            kind = entry["kind"]
            candidates = [i for i in range(len(paras)) if i not in copies and i not in used
                          and plantable(source, paras[i], kind)]
            if not candidates:
                # Nothing here suits this kind: the next article before the target gives it.
                if n + 1 < entry["target"]:
                    by_source.setdefault(n + 1, []).append(entry)
                    continue
                raise SystemExit(f"no paragraph suits a {kind!r} plant")
            para = rng.choice(candidates)
            used.add(para)
            copy = make_copy(source, paras[para], kind, rng, share)
            entry.update(source=name, source_line=lines[para])
            pending.setdefault(entry.pop("target"), []).append((entry, copy))
        yield {"name": name, "date": day, "title": title, "paragraphs": paras, "lines": lines}


def generate(articles: int, plant: int, seed: int, out: Path, share: float,
             source_dir: Path = DEFAULT_SOURCE, jsonl: bool = False) -> dict:
    source = Source(source_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("article-*.md"):
        old.unlink()
    # An archive export: one JSON object a line, the article's name as its id.
    archive = (out / "articles.jsonl").open("w", encoding="utf-8") if jsonl else None
    plants: list = []
    paragraphs = 0
    try:
        for doc in article_stream(articles, plant, seed, share, source, plants):
            head = (f'---\ntitle: "{doc["title"]}"\ndate: {doc["date"].isoformat()}\n---\n\n'
                    f'{weekday_dateline(doc["date"])}\n\n')
            text = head + "\n\n".join(doc["paragraphs"]) + "\n"
            paragraphs += len(doc["paragraphs"])
            if archive is not None:
                archive.write(json.dumps({"id": doc["name"], "date": doc["date"].isoformat(),
                                          "format": "markdown", "text": text},
                                         ensure_ascii=False) + "\n")
            else:
                (out / doc["name"]).write_text(text, encoding="utf-8")
    finally:
        if archive is not None:
            archive.close()
    manifest = {
        "articles": articles, "seed": seed, "rewrite": share, "paragraphs": paragraphs,
        "planted": [{k: p[k] for k in ("kind", "source", "source_line", "target",
                                        "target_line")} for p in plants],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def count(text: str) -> int:
    """``100000``, ``100k`` or ``1M``."""
    text = text.strip().lower()
    scale = {"k": 1000, "m": 1000000}.get(text[-1:], 1)
    try:
        return int(float(text[:-1] if scale > 1 else text) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of articles: {text!r}") from None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=count, default=1000,
                    help="number of articles: 1000 (the default), 100k, 1M…")
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
