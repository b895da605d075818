"""Convert the Wikinews 2019-2020 CSV files into Markdown articles with front matter.

Usage: python benchmarks/make_wikinews_corpus.py ../shared/corpora/wikinews_2019_2020 benchmarks/corpus/wikinews

Text: Wikinews contributors, CC BY 2.5 (see benchmarks/corpus/ATTRIBUTION.md).
Changes made: paragraphs re-flowed (runs of blank lines become one), non-breaking spaces at line
ends removed, front matter added from the CSV's url, date and title columns.
"""

import csv
import re
import sys
from pathlib import Path


def slug(url: str) -> str:
    name = url.rstrip("/").rsplit("/", 1)[-1]
    name = re.sub(r"%[0-9A-Fa-f]{2}", "", name)
    name = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    return name[:80] or "article"


# The Wikinews dateline ("Friday, January 4, 2019") sometimes sits on the line right above the
# first paragraph; it is a block of its own.
_DATELINE = re.compile(r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
                       r"[A-Z][a-z]+ \d{1,2}, \d{4}[\s\xa0]*\n")


def to_markdown(row: dict) -> str:
    text = _DATELINE.sub(lambda m: m.group().rstrip() + "\n\n", row["text"], count=1)
    paras = [" ".join(p.replace("\xa0", " ").split()) for p in re.split(r"\n\s*\n", text)]
    paras = [p for p in paras if p]
    title = row["title"].replace('"', '\\"')
    head = (f'---\ntitle: "{title}"\ndate: {row["date"]}\nsource: {row["url"]}\n'
            f"license: CC BY 2.5\n---\n\n")
    return head + "\n\n".join(paras) + "\n"


def main(src: str, dest: str) -> None:
    out = Path(dest)
    out.mkdir(parents=True, exist_ok=True)
    seen = set()
    count = 0
    for csv_file in sorted(Path(src).glob("wikinews_20*.csv")):
        with open(csv_file, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = f"{row['date']}-{slug(row['url'])}"
                while name in seen:
                    name += "-2"
                seen.add(name)
                (out / f"{name}.md").write_text(to_markdown(row), encoding="utf-8")
                count += 1
    print(f"wrote {count} articles to {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
