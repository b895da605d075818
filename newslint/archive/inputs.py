"""Articles as archives are usually exported: one JSON object per line, or Parquet rows.

Each article has an ``id`` (shown where a file path would be), its ``text``, and optionally
a publication ``date`` (``YYYY-MM-DD`` or an ISO timestamp) and a ``format`` (``markdown``,
``html`` or ``text``; default: from the id's suffix, else Markdown). An archive is read in
*partitions* (line ranges of a JSON Lines file, row groups of a Parquet file) so that a worker
can read its own part and the client never holds the whole archive.

A bad article (a line that is not JSON, no ``text``, an unknown format) is reported like a bad
file: one line naming the archive and the line or row, and the run exits 2.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Iterator, Optional

from newslint.errors import InputError, UsageError
from newslint.finding import FileError

#: Articles per partition: large enough that a task's overhead is small next to its work,
#: small enough that a lost worker costs little to redo.
PARTITION_ARTICLES = 500

FORMAT_SUFFIXES = {"markdown": ".md", "md": ".md", "html": ".html", "htm": ".html",
                   "text": ".txt", "txt": ".txt", "plain": ".txt"}


class Article:
    """One article of an archive, as the engine checks it (picklable)."""

    __slots__ = ("path", "text", "suffix", "pub_date")

    def __init__(self, path: str, text: str, suffix: str, pub_date: Optional[_dt.date]):
        self.path = path
        self.text = text
        self.suffix = suffix
        self.pub_date = pub_date

    def __getstate__(self):
        return (self.path, self.text, self.suffix, self.pub_date)

    def __setstate__(self, state):
        self.path, self.text, self.suffix, self.pub_date = state

    def __repr__(self) -> str:
        return f"Article({self.path!r}, {len(self.text)} characters)"


class Partition:
    """A part of an archive a worker reads by itself: lines ``first_line``.. of a JSON Lines
    file from byte ``start`` to ``end``, or row group ``start`` of a Parquet file."""

    __slots__ = ("path", "kind", "start", "end", "first_line")

    def __init__(self, path: str, kind: str, start: int, end: int, first_line: int):
        self.path, self.kind, self.start, self.end, self.first_line = \
            path, kind, start, end, first_line

    def __getstate__(self):
        return (self.path, self.kind, self.start, self.end, self.first_line)

    def __setstate__(self, state):
        self.path, self.kind, self.start, self.end, self.first_line = state

    def read(self) -> tuple[list, list]:
        """``(articles, errors)`` of this partition; errors are :class:`FileError`."""
        if self.kind == "parquet":
            return _read_parquet_group(self.path, self.start)
        return _read_jsonl_range(self.path, self.start, self.end, self.first_line)


# -- a file of paths -------------------------------------------------------------------------
def paths_from(list_file: str) -> list[str]:
    """The paths listed in ``list_file``, one a line (blank lines and ``#`` comments skipped;
    ``-`` reads the list from standard input)."""
    import sys

    try:
        if list_file == "-":
            text = sys.stdin.read()
        else:
            with open(list_file, encoding="utf-8") as fh:
                text = fh.read()
    except OSError as exc:
        raise UsageError(f"{list_file}: cannot read the list of files: "
                         f"{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{list_file}: the list of files is not valid UTF-8") from None
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


# -- partitions ------------------------------------------------------------------------------
def partitions(path: str, per_partition: int = PARTITION_ARTICLES) -> list[Partition]:
    """Split an archive into partitions of about ``per_partition`` articles.

    For JSON Lines the client counts line breaks (a sequential read, no parsing) so that each
    partition knows its first line number for messages.
    """
    if path.lower().endswith(".parquet"):
        pq = _parquet(path)
        try:
            groups = pq.ParquetFile(path).metadata.num_row_groups
        except Exception as exc:  # pyarrow raises its own error types for damaged files
            raise InputError(f"{path}: not a readable Parquet file: {exc}") from None
        return [Partition(path, "parquet", g, g + 1, 0) for g in range(groups)]
    parts = []
    try:
        with open(path, "rb") as fh:
            start = 0
            line = 1
            lines_in_part = 0
            position = 0
            while True:
                block = fh.read(1 << 20)
                if not block:
                    break
                at = 0
                while True:
                    nl = block.find(b"\n", at)
                    if nl == -1:
                        break
                    lines_in_part += 1
                    at = nl + 1
                    if lines_in_part == per_partition:
                        end = position + at
                        parts.append(Partition(path, "jsonl", start, end, line))
                        line += lines_in_part
                        start, lines_in_part = end, 0
                position += len(block)
            if position > start:
                parts.append(Partition(path, "jsonl", start, position, line))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parts


def read_all(path: str) -> tuple[list, list]:
    """Every article of an archive and the errors met: for a run on this machine."""
    articles: list = []
    errors: list = []
    try:
        parts = partitions(path)
    except InputError as exc:
        return [], [FileError(path, str(exc), "input")]
    for part in parts:
        got, bad = part.read()
        articles.extend(got)
        errors.extend(bad)
    return articles, errors


# -- one article from its fields -------------------------------------------------------------
def article_from(record, where: str) -> Article:
    """An :class:`Article` from a decoded record; :class:`InputError` naming ``where``."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected an object with 'id' and 'text'")
    ident = record.get("id")
    if ident is None or isinstance(ident, (dict, list, bool)) or str(ident) == "":
        raise InputError(f"{where}: the article has no 'id'")
    ident = str(ident)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: article {ident!r} has no 'text' string")
    fmt = record.get("format")
    if fmt is None or fmt == "":
        suffix = os.path.splitext(ident)[1].lower()
        suffix = suffix if suffix in (".md", ".markdown", ".html", ".htm", ".txt") else ".md"
    else:
        suffix = FORMAT_SUFFIXES.get(str(fmt).lower().lstrip("."))
        if suffix is None:
            raise InputError(f"{where}: article {ident!r} has format {fmt!r}; expected one of "
                             f"markdown, html, text")
    return Article(ident, text, suffix, _date(record.get("date"), where, ident))


def _date(value, where: str, ident: str) -> Optional[_dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: article {ident!r} has date {value!r}; expected "
                         f"YYYY-MM-DD") from None


def _read_jsonl_range(path: str, start: int, end: int, first_line: int) -> tuple[list, list]:
    import json

    articles: list = []
    errors: list = []
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            data = fh.read(end - start)
    except OSError as exc:
        return [], [FileError(path, f"{path}: cannot read: {exc.strerror or exc}", "input")]
    for number, raw in enumerate(data.split(b"\n"), first_line):
        if not raw.strip():
            continue
        where = f"{path}: line {number}"
        try:
            record = json.loads(raw)
        except UnicodeDecodeError:
            errors.append(FileError(path, f"{where}: not valid UTF-8", "input"))
            continue
        except ValueError as exc:
            errors.append(FileError(path, f"{where}: not valid JSON ({exc.msg})", "input"))
            continue
        try:
            articles.append(article_from(record, where))
        except InputError as exc:
            errors.append(FileError(path, str(exc), "input"))
    return articles, errors


def _parquet(path: str):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(f"{path}: reading Parquet needs pyarrow "
                         f"(pip install 'newslint[dask]')") from None
    return pq


def _read_parquet_group(path: str, group: int) -> tuple[list, list]:
    pq = _parquet(path)
    try:
        pfile = pq.ParquetFile(path)
        names = set(pfile.schema_arrow.names)
        columns = [c for c in ("id", "text", "date", "format") if c in names]
        rows = pfile.read_row_group(group, columns=columns).to_pylist()
        first = sum(pfile.metadata.row_group(g).num_rows for g in range(group))
    except Exception as exc:  # pyarrow's own error types for damaged files
        return [], [FileError(path, f"{path}: not a readable Parquet file: {exc}", "input")]
    articles: list = []
    errors: list = []
    for number, record in enumerate(rows, first + 1):
        try:
            articles.append(article_from(record, f"{path}: row {number}"))
        except InputError as exc:
            errors.append(FileError(path, str(exc), "input"))
    return articles, errors


def iter_partitions(items: list, archives: list, per_partition: int = PARTITION_ARTICLES
                    ) -> Iterator:
    """Work for a cluster: lists of ``per_partition`` file paths, then archive partitions."""
    for i in range(0, len(items), per_partition):
        yield items[i:i + per_partition]
    for path in archives:
        yield from partitions(path, per_partition)
