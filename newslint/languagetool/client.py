"""Sending paragraphs to a LanguageTool server, concurrently, through a paragraph cache.

language-tool-python's :class:`~language_tool_python.LanguageTool` (with ``remote_server``, so
it never downloads anything) checks the language against the server and holds the rule
configuration. Requests themselves go through one ``requests`` session per process: the
library's ``Match`` converts offsets through class-level state that concurrent threads would
race on, so the raw JSON is read here and its UTF-16 offsets converted to code points.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from newslint.languagetool.cache import ParagraphCache


#: What separates paragraphs in one request: LanguageTool starts a new paragraph there.
PARAGRAPH_BREAK = "\n\n"


class CheckError(Exception):
    """The server did not answer a check request."""


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match with code-point positions in the text that was sent."""

    start: int
    end: int
    rule_id: str
    category_id: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]
    #: Descriptions LanguageTool gives replacements ("English (US)" for a variant spelling).
    replacement_notes: tuple[str, ...] = ()

    def to_json(self) -> list:
        return [self.start, self.end, self.rule_id, self.category_id, self.issue_type,
                self.message, list(self.replacements), list(self.replacement_notes)]

    @classmethod
    def from_json(cls, row: list) -> "LTMatch":
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], tuple(row[6]),
                   tuple(row[7]))


def utf16_to_codepoints(text: str) -> Callable[[int], int]:
    """A function mapping a UTF-16 offset into ``text`` to a code-point offset.

    LanguageTool is written in Java and counts UTF-16 units: every character outside the Basic
    Multilingual Plane (emoji, some CJK) counts twice there and once in Python.
    """
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    table = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) >= 0x10000:
            table.append(index)  # the low surrogate maps to the same character
    table.append(len(text))

    def convert(i: int) -> int:
        return table[i] if 0 <= i < len(table) else len(text)
    return convert


def parse_matches(text: str, payload: dict, max_suggestions: int) -> list[LTMatch]:
    to_cp = utf16_to_codepoints(text)
    out = []
    for m in payload.get("matches", ()):
        rule = m.get("rule", {})
        start = to_cp(m["offset"])
        end = to_cp(m["offset"] + m["length"])
        reps = m.get("replacements", [])[:max_suggestions]
        out.append(LTMatch(
            start, end, rule.get("id", "UNKNOWN"), rule.get("category", {}).get("id", ""),
            rule.get("issueType", ""), m.get("message", ""),
            tuple(r.get("value", "") for r in reps),
            tuple(r.get("shortDescription", "") for r in reps)))
    return out


@dataclass(frozen=True)
class CheckSettings:
    """Everything that changes LanguageTool's answer for a given text (part of the cache key)."""

    language: str = "en-US"
    mother_tongue: str = ""
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False

    def params(self) -> dict:
        params = {"language": self.language}
        if self.mother_tongue:
            params["motherTongue"] = self.mother_tongue
        if self.disabled_rules:
            params["disabledRules"] = ",".join(self.disabled_rules)
        if self.enabled_rules:
            params["enabledRules"] = ",".join(self.enabled_rules)
        if self.disabled_categories:
            params["disabledCategories"] = ",".join(self.disabled_categories)
        if self.picky:
            params["level"] = "picky"
        return params


class LanguageToolClient:
    """Checks paragraphs against one server; safe to use from several threads and processes."""

    #: Enough for a long paragraph on a busy 2-core machine; a hung server fails the file.
    REQUEST_TIMEOUT = 120

    def __init__(self, url: str, settings: CheckSettings, lt_version: str,
                 cache: Optional[ParagraphCache] = None, concurrency: int = 4,
                 max_suggestions: int = 5, batch_chars: int = 20000,
                 on_connection_error: Optional[Callable[[], str]] = None,
                 prepare: Optional[Callable[[], None]] = None):
        self.url = url.rstrip("/") + "/"
        self.settings = settings
        self.lt_version = lt_version
        self.cache = cache
        self.concurrency = max(1, concurrency)
        self.max_suggestions = max_suggestions
        self.batch_chars = batch_chars
        #: Called when the server cannot be reached; returns a new base URL (restart) or raises.
        self.on_connection_error = on_connection_error
        #: Called once per process before its first request (waits for a starting server).
        self.prepare = prepare
        self._prepared_in: Optional[int] = None
        self._prepare_lock = threading.Lock()
        self._local = threading.local()
        self._pid = os.getpid()
        self._pool: Optional[ThreadPoolExecutor] = None
        self._key_prefix = json.dumps(
            [lt_version, sorted(settings.params().items()), max_suggestions]).encode()

    def cache_key(self, text: str) -> str:
        return hashlib.sha256(self._key_prefix + b"\0" + text.encode("utf-8")).hexdigest()

    def _session(self) -> requests.Session:
        import requests  # slow to import: only when LanguageTool runs
        session = getattr(self._local, "session", None)
        if session is None or getattr(self._local, "pid", None) != os.getpid():
            # Never reuse sockets inherited through fork: each process opens its own.
            session = requests.Session()
            self._local.session, self._local.pid = session, os.getpid()
        return session

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None or self._pid != os.getpid():
            self._pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="languagetool")
            self._pid = os.getpid()
        return self._pool

    def check_one(self, text: str) -> list[LTMatch]:
        """Check one text, without the cache."""
        import requests  # slow to import: only when LanguageTool runs
        # The language variant is always part of the request (settings.params), and
        # `language: auto` is refused: a server left to detect the language guesses per text.
        # The "NullPointerException …, detected: ca-ES" answers (HTTP 500) are not a language
        # mix-up: when any rule throws while checking, LanguageTool 6.8's TextChecker rethrows
        # the ExecutionException as RuntimeException(message + ", detected: " + its language
        # detector's guess) whatever language was asked for (read in the 6.8 server jar's
        # bytecode). The NPE is a rule of the requested variant failing on that (fuzzed) text;
        # the guess is Catalan because the garbled text looks like it. Such a 500 for one text
        # is retried once below, then reported as that file's error.
        data = dict(self.settings.params(), text=text)
        retried = False
        reconnects = 0
        while True:
            try:
                resp = self._session().post(f"{self.url}v2/check", data=data,
                                            timeout=self.REQUEST_TIMEOUT)
            except requests.Timeout as exc:
                if retried:
                    raise CheckError(f"LanguageTool did not answer in {self.REQUEST_TIMEOUT} s, "
                                     f"twice: {exc}") from None
                retried = True  # a busy server (another worker's long file): once more
                continue
            except requests.ConnectionError as exc:
                # The handler waits for the run's replacement server, or raises why there is
                # none (so a second death reads as such, also for a request in flight).
                if reconnects >= 2 or self.on_connection_error is None:
                    raise CheckError(f"LanguageTool at {self.url} is not answering: {exc}") from None
                self.url = self.on_connection_error().rstrip("/") + "/"
                reconnects += 1
                continue
            except requests.RequestException as exc:
                raise CheckError(f"LanguageTool request failed: {exc}") from None
            if resp.status_code >= 500 and not retried:
                retried = True  # an internal error of the server's for this text: once more
                continue
            if resp.status_code != 200:
                raise CheckError(f"LanguageTool answered {resp.status_code}"
                                 f"{' twice' if retried else ''}: {resp.text.strip()[:300]}")
            return parse_matches(text, resp.json(), self.max_suggestions)

    def check_texts(self, texts: Sequence[str]) -> list[list[LTMatch]]:
        """Matches for every text, in order: cached answers first, the rest in batches sent
        concurrently."""
        results: list[Optional[list[LTMatch]]] = [None] * len(texts)
        keys = [self.cache_key(t) for t in texts]
        if self.cache is not None:
            for i, hit in enumerate(self.cache.get_many(keys)):
                if hit is not None:
                    results[i] = [LTMatch.from_json(row) for row in hit]
        # Identical paragraphs are sent once.
        pending: dict[str, list[int]] = {}
        for i, res in enumerate(results):
            if res is None:
                pending.setdefault(keys[i], []).append(i)
        if pending:
            self._prepare()
            order = list(pending)
            batches = self._batches([texts[pending[k][0]] for k in order])
            futures = [self._executor().submit(self._check_batch, batch) for batch in batches]
            answers = [matches for fut in futures for matches in fut.result()]
            fresh = dict(zip(order, answers))
            for key, matches in fresh.items():
                for i in pending[key]:
                    results[i] = matches
            if self.cache is not None:
                self.cache.put_many({k: [m.to_json() for m in v] for k, v in fresh.items()})
        return results  # type: ignore[return-value]

    def _prepare(self) -> None:
        if self.prepare is None or self._prepared_in == os.getpid():
            return
        with self._prepare_lock:
            if self._prepared_in != os.getpid():
                self.prepare()
                self._prepared_in = os.getpid()

    def _batches(self, texts: list[str]) -> list[list[str]]:
        # Requests cost LanguageTool a fixed overhead each, so paragraphs travel together, up
        # to batch_chars per request; several requests of one document run concurrently.
        batches: list[list[str]] = []
        size = 0
        for text in texts:
            if batches and size + len(text) <= self.batch_chars:
                batches[-1].append(text)
                size += len(text) + len(PARAGRAPH_BREAK)
            else:
                batches.append([text])
                size = len(text)
        return batches

    def _check_batch(self, texts: list[str]) -> list[list[LTMatch]]:
        """Check paragraphs joined by blank lines (LanguageTool's paragraph boundary) and
        split the answer back; a match that spans two paragraphs belongs to neither."""
        if len(texts) == 1:
            return [self.check_one(texts[0])]
        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + len(PARAGRAPH_BREAK)
        out: list[list[LTMatch]] = [[] for _ in texts]
        for m in self.check_one(PARAGRAPH_BREAK.join(texts)):
            i = bisect.bisect_right(starts, m.start) - 1
            base = starts[i]
            if m.end - base <= len(texts[i]):
                out[i].append(dataclasses.replace(m, start=m.start - base, end=m.end - base))
        return out

    def close(self) -> None:
        if self._pool is not None and self._pid == os.getpid():
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
