"""A paragraph cache for LanguageTool answers, shared by every process of a run.

Keys hash the paragraph text together with the LanguageTool version and every setting that
changes its answer, so a re-run on unchanged files sends nothing to the server and a new
LanguageTool or a different rule set never reuses stale answers. SQLite takes care of several
worker processes reading and writing at once.

Paragraphs are sent in batches, and the few LanguageTool rules that look beyond a paragraph
may see different neighbours when an edited article is checked again; a cached answer is still
what LanguageTool said about that paragraph in its article.

Like every cache file (see :mod:`newslint.cachefile`) the database can never stop a run or
change its findings: its schema is versioned (``PRAGMA user_version``), each answer carries a
checksum and is checked for shape before use, a database that is damaged, not a database, or
not safely owned is ignored with one warning (and replaced when it is ours), and it is created
with mode 0600. A damaged answer is asked again and overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Iterable, Optional

#: The database's format; another value (an older newslint's) means: start afresh.
SCHEMA_VERSION = 2
#: The file, named by its format so that an older newslint sharing the cache directory keeps
#: its own file instead of failing on this one's table.
CACHE_FILE = f"paragraphs-{SCHEMA_VERSION}.sqlite"
SCHEMA = ("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, matches TEXT NOT NULL, "
          "checksum TEXT NOT NULL)")


def _checksum(key: str, matches: str) -> str:
    return hashlib.sha256(f"{key}\0{matches}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def valid_matches(value) -> bool:
    """The shape :meth:`LTMatch.to_json` writes: lists of
    ``[start, end, rule, category, issue type, message, [replacements], [notes]]``."""
    if not isinstance(value, list):
        return False
    for row in value:
        if not (isinstance(row, list) and len(row) == 8):
            return False
        start, end = row[0], row[1]
        if not (type(start) is int and type(end) is int and 0 <= start <= end):
            return False
        if not all(isinstance(x, str) for x in row[2:6]):
            return False
        if not all(isinstance(x, list) and all(isinstance(s, str) for s in x)
                   for x in row[6:8]):
            return False
    return True


class ParagraphCache:
    """Answers by key in one SQLite table of ``(key, matches, checksum)`` rows. Subclasses
    keeping other values name their own table and format (:attr:`TABLE`,
    :attr:`SCHEMA_VERSION`) and encode and check their values (:meth:`_encode`,
    :meth:`_valid`)."""

    TABLE = "answers"
    SCHEMA_VERSION = SCHEMA_VERSION

    def __init__(self, path: Path, warn: Optional[Callable[[str], None]] = None):
        self.path = Path(path)
        self.warn = warn
        self._local = threading.local()
        #: Set once the database proved unusable: the run goes on without a cache.
        self._broken = False
        self._warned = False

    # -- opening ------------------------------------------------------------------------------
    def _ignore(self, why: str) -> None:
        if not self._warned and self.warn is not None:
            self._warned = True
            self.warn(f"cache file {self.path} ignored ({why}); it will be rewritten")

    def _connection(self) -> Optional[sqlite3.Connection]:
        if self._broken:
            return None
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            # A connection must not cross a fork or be shared between threads.
            conn = self._open()
            if conn is None:
                self._broken = True
                return None
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def _open(self) -> Optional[sqlite3.Connection]:
        from newslint import cachefile

        try:
            cachefile.make_folder(self.path.parent)
            # Created here, 0600, before SQLite creates it with the default mode; its -wal and
            # -shm files take the database's mode.
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),
                             0o600))
            why = cachefile.unsafe_owner(os.stat(self.path, follow_symlinks=False))
        except OSError as exc:
            self._ignore(f"cannot open it: {exc.strerror or exc}")
            return None
        if why is not None:
            self._ignore(why)
            return None
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)  # one an earlier version created readable by others
        for attempt in (1, 2):
            try:
                return self._connect()
            except sqlite3.Error as exc:
                if attempt == 2:
                    self._ignore(f"cannot use it: {exc}")
                    return None
                self._ignore(f"damaged: {exc}")
                self._remove()
        return None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version != self.SCHEMA_VERSION:
                # An older format, or an empty file: start afresh (answers are only a cache).
                with conn:
                    conn.execute("BEGIN IMMEDIATE")
                    if conn.execute("PRAGMA user_version").fetchone()[0] != \
                            self.SCHEMA_VERSION:
                        conn.execute(f"DROP TABLE IF EXISTS {self.TABLE}")
                        conn.execute(SCHEMA.replace("answers", self.TABLE))
                        conn.execute(f"PRAGMA user_version={self.SCHEMA_VERSION}")
            conn.execute(f"SELECT key, matches, checksum FROM {self.TABLE} LIMIT 1").fetchall()
        except BaseException:
            conn.close()
            raise
        return conn

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")

    def _failed(self, exc: sqlite3.Error) -> None:
        """The database failed mid-run: the rest of the run does without it."""
        self._ignore(f"damaged: {exc}")
        self._broken = True

    # -- reading and writing ------------------------------------------------------------------
    def get_many(self, keys: list[str]) -> list[Optional[list]]:
        if not keys:
            return []
        conn = self._connection()
        if conn is None:
            return [None] * len(keys)
        found: dict[str, list] = {}
        damaged = False
        try:
            # SQLite limits bound parameters per statement; 500 stays far below every limit.
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                marks = ",".join("?" * len(chunk))
                for key, matches, checksum in conn.execute(
                        f"SELECT key, matches, checksum FROM {self.TABLE} "
                        f"WHERE key IN ({marks})",
                        chunk):
                    value = self._decode(key, matches, checksum)
                    if value is None:
                        damaged = True
                    else:
                        found[key] = value
        except sqlite3.Error as exc:
            self._failed(exc)
            return [None] * len(keys)
        if damaged:
            self._ignore("damaged answers: they are asked again")
        return [found.get(k) for k in keys]

    def _decode(self, key, matches, checksum):
        if not (isinstance(key, str) and isinstance(matches, str) and isinstance(checksum, str)):
            return None
        if checksum != _checksum(key, matches):
            return None
        return self._valid(matches)

    def _valid(self, text: str):
        """The value ``text`` encodes when it has the expected shape, else None."""
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return None
        return value if valid_matches(value) else None

    def _encode(self, value) -> str:
        return json.dumps(value, ensure_ascii=False)

    def put_many(self, answers: dict[str, list]) -> None:
        if not answers:
            return
        conn = self._connection()
        if conn is None:
            return
        rows: Iterable = []
        for key, value in answers.items():
            text = self._encode(value)
            rows.append((key, text, _checksum(key, text)))
        try:
            with conn:
                conn.execute("BEGIN")
                conn.executemany(f"INSERT OR REPLACE INTO {self.TABLE} (key, matches, "
                                 f"checksum) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._failed(exc)

    def clear(self) -> None:
        conn = self._connection()
        if conn is not None:
            conn.execute(f"DELETE FROM {self.TABLE}")
