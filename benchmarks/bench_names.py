"""Name and quotation rules on the Wikinews 2019-2020 corpus: planted faults and clean findings.

1. Planted faults. Every article gets one change at a time, and each change must be found at
   the place it was made, by the rule meant to find it, while the unchanged article is quiet
   there:

   * ``name-variant``: a later mention of a surname the article uses at least twice is
     misspelled in one of three ways: a letter doubled (or a doubled one written once),
     two neighbouring letters swapped, an inner vowel changed. Found when the finding covers
     the misspelled surname.
   * ``first-reference``: the first full mention of a person ("Adam Segal") and the next
     mention of the surname alone ("Segal") trade places, as when a paragraph is moved up.
     Found when the finding covers the surname now standing first. Given over all plants and
     over the plants at people: the planting also takes storms, places and teams for full
     names ("Hurricane Dorian", "American Samoa"; read and listed in ``NOT_PEOPLE``).
   * ``unclosed-quote``: a closing mark of a quotation is deleted, or its opening mark is.
     Found when the rule reports in that paragraph.

   * ``figure-conflict``: in an article that gives a person's age beside the name, a later
     statement of it is made to disagree by one year: a second age statement gets the other
     number, or, when the age is stated once, a later lone mention of the surname becomes
     "the N-year-old Surname". Found when the finding covers the planted number. Tolls and
     sums are not planted: the rule does not check them.

   Recall is given per kind.
2. Clean findings: every finding of the three rules on the unchanged articles, for review.

    python benchmarks/bench_names.py [--findings]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from collections import defaultdict

from newslint.rules.names import FigureConflict, FirstReference, NameVariant, UnclosedQuote, _ages
from newslint.testing import parse_text
from newslint.text.names import TITLE_WORDS, mentions, previous_word
from newslint.text.quotes import find_quotations

CORPUS = Path(__file__).parent / "corpus" / "wikinews"
VOWELS = "aeiou"


def articles(folder: Path = CORPUS) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.name[:4].isdigit())


def matches(rule, text: str, path: str) -> list:
    doc = parse_text(text, path=path)
    return list(rule.check(doc, dict(rule.default_options)))


def covers(found: list, start: int, end: int) -> bool:
    return any(m.offset <= start and end <= m.offset + max(m.length, 1) for m in found)


def touches(found: list, start: int, end: int) -> bool:
    return any(start <= m.offset < end for m in found)


def misspell(word: str, kind: str):
    """``word`` with one slip of ``kind``, or None when the word has no place for one."""
    inner = range(1, len(word) - 2)  # never the first letter, never the last
    if kind == "doubled":
        for i in inner:
            if word[i] == word[i + 1]:
                return word[:i] + word[i + 1:]
        for i in inner:
            if word[i] not in VOWELS and word[i].isalpha():
                return word[:i + 1] + word[i] + word[i + 1:]
    if kind == "swapped":
        for i in inner:
            if word[i] != word[i + 1] and word[i].isalpha() and word[i + 1].isalpha():
                return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "vowel":
        for i in inner:
            if word[i] in VOWELS:
                other = "e" if word[i] != "e" else "a"
                return word[:i] + other + word[i + 1:]
    return None


def source(m, start: int, end: int) -> tuple[int, int]:
    off, length = m.block.source_span(start, end)
    return off, off + length


def plant_variants(text: str, doc):
    """(kind, changed text, start, end) for each slip kind in one surname per article."""
    by_surname: dict[str, list] = {}
    for m in mentions(doc):
        if not m.in_quote and len(m.last) >= 6 and m.last.isalpha():
            by_surname.setdefault(m.last, []).append(m)
    people = [s for s, ms in by_surname.items() if len(ms) >= 2 and any(x.full for x in ms)]
    if not people:
        return
    surname = max(people, key=lambda s: len(by_surname[s]))
    target = by_surname[surname][-1]
    start, end = source(target, target.last_start, target.last_end)
    for kind in ("doubled", "swapped", "vowel"):
        wrong = misspell(surname, kind)
        if wrong is None:
            continue
        yield kind, text[:start] + wrong + text[end:], start, start + len(wrong)


#: Runs the planting takes for a full name that, read in their articles, name no person:
#: storms, places, teams, organisations, and runs of a title or adjective and a name word.
#: `first-reference` is about people, so its recall is also given without these plants.
NOT_PEOPLE = frozenset("""Student Olympiad|Roman Catholic Christianity|Hurricane Dorian|
Yemen-based Houthi|Tropical Storm Humberto|Hurricane Humberto|London Underground|Persian Gulf|
Hurricane Lorenzo|American Samoa|Typhoon Phanfone|Indian Railways|Utah Jazz|Woman Grand Master|
Tesco's Polish|California Davis|Atheist Muslim|Regarding Ashodaya|Riquelme Base|Democratic Dean|
Democratic Senator""".replace("\n", "").split("|"))


def plant_first_reference(text: str, doc):
    """The first full mention and the next lone surname after it, swapped: (changed text,
    start, end, the full name as the mention reads)."""
    found = [m for m in mentions(doc) if not m.in_quote and m.block.kind == "paragraph"]
    introduced = set()
    for k, intro in enumerate(found):
        if not intro.full:
            continue
        # Only the person's first full mention is moved: a later one, moved, leaves the
        # person introduced ("President Donald Trump", then "Donald Trump").
        first_time = intro.last not in introduced
        introduced.add(intro.last)
        # A title before the surname ("President Duda") is not a first reference the rule
        # reports, so people introduced with one are not planted.
        if not first_time or len(intro.words) > 3 or intro.title:
            continue
        before = previous_word(intro.block.prose, intro.start)
        if before is not None and before in TITLE_WORDS:
            continue
        later = next((m for m in found[k + 1:] if m.last == intro.last and len(m.words) == 1),
                     None)
        if later is None:
            continue
        name_start = intro.block.prose.find(intro.first, intro.start, intro.last_start)
        a0, a1 = source(intro, name_start, intro.last_end)
        b0, b1 = source(later, later.last_start, later.last_end)
        full = text[a0:a1]
        changed = text[:a0] + intro.last + text[a1:b0] + full + text[b1:]
        return changed, a0, a0 + len(intro.last), " ".join(intro.words)
    return None


def plant_quotes(text: str, doc):
    """A closing mark deleted, and (separately) an opening mark deleted, in one paragraph."""
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        quotes = [q for q in find_quotations(block.prose) if q.double and q.opened and q.closed]
        if not quotes:
            continue
        q = quotes[0]
        p0, p1 = block.start, block.end
        close, _ = block.source_span(q.end - 1, q.end)
        open_, _ = block.source_span(q.start, q.start + 1)
        yield "closing deleted", text[:close] + text[close + 1:], p0, p1 - 1
        yield "opening deleted", text[:open_] + text[open_ + 1:], p0, p1 - 1
        return


def plant_age(text: str, doc):
    """A later age of a person one year off (changed text, start, end), or None."""
    given = defaultdict(set)
    for m in mentions(doc):
        if m.full and not m.in_quote:
            given[m.last].add(m.first)
    people = {s for s, firsts in given.items() if len(firsts) == 1}
    ages = sorted(_ages(doc, people), key=lambda a: (a[2].index, a[3]))
    if not ages:
        return None
    name, age, block, start, _ = ages[0]
    wrong = str(age + 1)
    later = [a for a in ages[1:] if a[0] == name]
    if later:
        _, _, b, s0, s1 = later[0]
        a0, a1 = source_of(b, s0, s1)
        return text[:a0] + wrong + text[a1:], a0, a0 + len(wrong)
    for m in mentions(doc):
        if (m.last == name and len(m.words) == 1 and not m.in_quote
                and m.block.kind == "paragraph" and (m.block.index, m.start) > (block.index, start)
                and not m.block.prose[:m.start].endswith("year-old ")):
            a0, _ = source_of(m.block, m.start, m.end)
            at_start = text[:a0].rstrip()[-1:] in ("", ".", "!", "?", "\n")
            inserted = f"{'The' if at_start else 'the'} {wrong}-year-old "
            return text[:a0] + inserted + text[a0:], a0 + 4, a0 + 4 + len(wrong)
    return None


def source_of(block, start: int, end: int) -> tuple[int, int]:
    off, length = block.source_span(start, end)
    return off, off + length


def run(paths, show_findings: bool) -> int:
    rules = {r.id: r for r in (NameVariant(), FirstReference(), UnclosedQuote(),
                                FigureConflict())}
    tried, hit, noisy = Counter(), Counter(), Counter()
    missed = []
    clean = []
    words = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        doc = parse_text(text, path=str(path))
        original = {rid: list(r.check(doc, dict(r.default_options))) for rid, r in rules.items()}
        for rid, found in original.items():
            clean += [(path.name, rid, m) for m in found]
        plants = [("name-variant " + kind, changed, s, e)
                  for kind, changed, s, e in plant_variants(text, doc)]
        fr = plant_first_reference(text, doc)
        if fr is not None:
            *planted, name = fr
            plants.append(("first-reference swapped", *planted))
            if name not in NOT_PEOPLE:
                plants.append(("first-reference swapped, people", *planted))
        age = plant_age(text, doc)
        if age is not None:
            plants.append(("figure-conflict age", *age))
        plants += [("unclosed-quote " + kind, changed, s, e)
                   for kind, changed, s, e in plant_quotes(text, doc)]
        for label, changed, start, end in plants:
            rid = label.split()[0]
            found = matches(rules[rid], changed, str(path))
            ok = (touches if rid == "unclosed-quote" else covers)(found, start, end)
            tried[label] += 1
            hit[label] += ok
            if not ok:
                missed.append((path.name, label, changed[max(0, start - 60):end + 40]))
            # The unchanged article must be quiet at the same place.
            if (touches if rid == "unclosed-quote" else covers)(original[rid], start, end):
                noisy[label] += 1
    print(f"{len(paths)} articles, {words} words")
    print(f"{'planted fault':36} {'planted':>7} {'found':>6} {'recall':>7} {'original noisy':>15}")
    for label in sorted(tried):
        print(f"{label:36} {tried[label]:7} {hit[label]:6} {hit[label] / tried[label]:7.3f} "
              f"{noisy[label]:15}")
    by_rule = Counter(rid for _, rid, _ in clean)
    print("clean findings:", dict(by_rule),
          f"= {1000 * len(clean) / max(words, 1):.3f} per 1,000 words")
    if show_findings:
        for name, rid, m in clean:
            print(f"  {name}: {rid} @{m.offset}: {m.message}")
        for name, label, context in missed[:40]:
            print(f"  missed {label} in {name}: …{context!r}…")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--findings", action="store_true",
                    help="list the clean findings and the missed plants")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    return run(articles(args.corpus), args.findings)


if __name__ == "__main__":
    sys.exit(main())
