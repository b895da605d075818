"""A paragraph cache for LanguageTool answers, shared by every process of a run.

Keys hash the paragraph text together with the LanguageTool version and every setting that
changes its answer, so a re-run on unchanged files sends nothing to the server and a new
LanguageTool or a different rule set never reuses stale answers. SQLite takes care of several
worker processes reading and writing at once.

Paragraphs are sent in batches, and the few LanguageTool rules that look beyond a paragraph
may see different neighbours when an edited article is checked again; a cached answer is still
what LanguageTool said about that paragraph in its article.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Optional

SCHEMA = "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, matches TEXT NOT NULL)"


class ParagraphCache:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            # A connection must not cross a fork or be shared between threads.
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(SCHEMA)
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def get_many(self, keys: list[str]) -> list[Optional[list]]:
        if not keys:
            return []
        found: dict[str, list] = {}
        conn = self._connection()
        # SQLite limits bound parameters per statement; 500 stays far below every build's limit.
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for key, matches in conn.execute(
                    f"SELECT key, matches FROM answers WHERE key IN ({marks})", chunk):
                found[key] = json.loads(matches)
        return [found.get(k) for k in keys]

    def put_many(self, answers: dict[str, list]) -> None:
        if not answers:
            return
        rows: Iterable = ((k, json.dumps(v, ensure_ascii=False)) for k, v in answers.items())
        conn = self._connection()
        with conn:
            conn.execute("BEGIN")
            conn.executemany("INSERT OR REPLACE INTO answers (key, matches) VALUES (?, ?)", rows)

    def clear(self) -> None:
        self._connection().execute("DELETE FROM answers")
