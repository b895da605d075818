"""The rule types a YAML pack can use: existence, substitution, consistency."""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import Optional

import regex

from newslint.errors import PackError
from newslint.finding import Match
from newslint.packs.known import KnownPatterns, compile_problem
from newslint.rule import DocumentRule

#: Seconds a user-written pattern may run on one block before it is abandoned.
PATTERN_TIMEOUT = 1.0


def _bounded(piece: str, word_boundary: bool) -> str:
    """Add word boundaries on the word-character sides of a literal or pattern piece."""
    if not word_boundary:
        return piece
    return rf"(?<![\w]){piece}(?![\w])"


def _literal(token: str, word_boundary: bool) -> str:
    body = regex.escape(token)
    if not word_boundary:
        return body
    left = r"(?<![\w])" if token[:1].isalnum() or token[:1] == "_" else ""
    right = r"(?![\w])" if token[-1:].isalnum() or token[-1:] == "_" else ""
    return f"{left}{body}{right}"


class PackRule(DocumentRule):
    COMMON_KEYS = {"type", "message", "category", "severity", "doc", "ignore_case",
                   "word_boundary", "skip_quotes", "skip_names", "regex"}
    KEYS: set = set()

    def __init__(self, rule_id: str, spec: dict, pack: str, default_enabled: bool,
                 pack_path: str = "", known_patterns: Optional[KnownPatterns] = None):
        self.id = rule_id
        self.known_patterns = known_patterns
        self.spec = spec
        self.category = spec.get("category", "style")
        self.severity = spec.get("severity", "warning")
        self.default_enabled = default_enabled
        self.origin = pack
        self.pack_path = pack_path
        self.message = spec["message"]
        self.ignore_case = spec.get("ignore_case", True)
        self.word_boundary = spec.get("word_boundary", True)
        self.skip_quotes = spec.get("skip_quotes", True)
        # Interviewees' answers and block quotations are speech too: the engine drops those.
        self.checks_speech = not self.skip_quotes
        self.skip_names = spec.get("skip_names", False)
        self.is_regex = spec.get("regex", False)
        self._doc = spec.get("doc") or f"{self.message}\n\n(From the {pack} pack.)"

    @property
    def doc(self) -> str:
        return self._doc.strip()

    def _validate(self, pieces, what: str) -> list:
        """Check entries at load time, so a bad pattern is reported with its file and key."""
        if not isinstance(pieces, list) or not pieces:
            raise PackError(f"{what}: required: a non-empty list")
        for piece in pieces:
            if not isinstance(piece, str) or not piece:
                raise PackError(f"{what}: entries must be non-empty text")
            if self.is_regex:
                problem = (self.known_patterns.problem(piece) if self.known_patterns
                           else compile_problem(piece))
                if problem is not None:
                    raise PackError(f"{what}: invalid pattern {piece!r}: {problem}")
        return pieces

    def _compile(self, pieces: list[str]):
        """One combined pattern; group ``g<i>`` says which entry matched. Built on first use,
        so packs whose rules are not selected cost nothing but their YAML."""
        parts = []
        for i, piece in enumerate(pieces):
            body = _bounded(piece, self.word_boundary) if self.is_regex else \
                _literal(piece, self.word_boundary)
            parts.append(f"(?P<g{i}>{body})")
        flags = regex.IGNORECASE if self.ignore_case else 0
        return regex.compile("|".join(parts), flags | regex.V0)

    def _needles(self, pieces) -> Optional[tuple[str, ...]]:
        """Literal entries as text that each of their matches equals: the entries themselves,
        lower-cased when case is ignored. None for patterns, and for entries with characters
        outside ASCII, whose case-insensitive matches lower-casing does not always find."""
        if self.is_regex or not all(str(piece).isascii() for piece in pieces):
            return None
        return tuple(str(p).lower() if self.ignore_case else str(p) for p in pieces)

    def _iter_hits(self, doc, pattern, needles=None):
        """(block, match) pairs for every hit in the document's prose, quotes skipped.

        With ``needles`` (see :meth:`_needles`), a document whose prose holds none of them is
        not scanned: most articles hold none of a pack's entries, and a substring test is far
        cheaper than the pattern's scan of every block.
        """
        if needles is not None:
            prose = _prose_for_needles(doc, self.ignore_case)
            if not any(map(prose.__contains__, needles)):
                return
        for block in doc.blocks:
            try:
                hits = list(pattern.finditer(block.prose, timeout=PATTERN_TIMEOUT))
            except TimeoutError:
                raise RuntimeError(
                    f"a pattern of {self.id} ({self.pack_path}) took more than "
                    f"{PATTERN_TIMEOUT:g} s on one block; simplify it") from None
            for m in hits:
                if self.skip_quotes and block.in_quote(m.start(), m.end()):
                    continue
                if self.skip_names and in_proper_name(block.prose, m.start(), m.end()):
                    continue
                yield block, m

    def _match(self, doc, block, start, end, suggestion=None) -> Match:
        off, length = block.source_span(start, end)
        found = block.prose[start:end]
        message = self.message.replace("{match}", found).replace(
            "{suggestion}", suggestion or "")
        return Match(off, length, message, (suggestion,) if suggestion else ())


# A capitalised word right before or after a match, in the same name: "Internet Relay Chat",
# "the Internet Archive", "Wikimedia Internet Day". A word that opens a sentence does not count.
_CAPITALISED_AFTER = regex.compile(r"[ \t]+\p{Lu}[\p{Ll}\p{Lu}]")
_CAPITALISED_BEFORE = regex.compile(r"(?<![.!?:;]\s*)(?<!^\s*)\b\p{Lu}[\p{L}’'-]*[ \t]+$")


def in_proper_name(prose: str, start: int, end: int) -> bool:
    """Whether the capitalised text at ``[start, end)`` is part of a multiword proper name:
    a capitalised word joins it on either side ("Internet Relay Chat"), other than the first
    word of a sentence ("Internet access was cut" is the writer's word)."""
    if not prose[start:start + 1].isupper():
        return False
    if _CAPITALISED_AFTER.match(prose, end):
        return True
    return bool(_CAPITALISED_BEFORE.search(prose, max(0, start - 40), start))


def _prose_for_needles(doc, ignore_case: bool) -> str:
    """The document's prose in one string (lower-cased, and the long s, which matches "s"
    when case is ignored, made one), shared by the pack rules of a run."""
    key = ("packs.prose", ignore_case)
    text = doc.cache.get(key)
    if text is None:
        text = "\n".join(block.prose for block in doc.blocks)
        if ignore_case:
            text = text.lower().replace("\u017f", "s")
        doc.cache[key] = text
    return text


class ExistenceRule(PackRule):
    """Flags words or phrases that should not appear."""

    KEYS = {"tokens"}

    def __init__(self, rule_id, spec, **kw):
        super().__init__(rule_id, spec, **kw)
        tokens = spec.get("tokens")
        if not isinstance(tokens, list) or not tokens:
            raise PackError("tokens: required: a list of words, phrases or patterns")
        self.tokens = self._validate(tokens, "tokens")

    @cached_property
    def pattern(self):
        return self._compile(self.tokens)

    def check(self, doc, options):
        for block, m in self._iter_hits(doc, self.pattern, self._needles(self.tokens)):
            yield self._match(doc, block, m.start(), m.end())


def _keep_case(found: str, suggestion: str) -> str:
    """'E-mail' -> 'Email': keep a capital the writer put at the start."""
    if found[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class SubstitutionRule(PackRule):
    """Flags a wrong form and suggests the right one."""

    KEYS = {"swap"}
    fix_safety = "unsafe"

    def __init__(self, rule_id, spec, **kw):
        super().__init__(rule_id, spec, **kw)
        swap = spec.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise PackError("swap: required: a mapping of wrong form to right form")
        for k, v in swap.items():
            if not isinstance(v, str):
                raise PackError(f"swap: the replacement for {k!r} must be text")
        self.wrong = list(swap)
        self.right = [swap[k] for k in self.wrong]
        self._validate([str(k) for k in self.wrong], "swap")

    @cached_property
    def pattern(self):
        return self._compile([str(k) for k in self.wrong])

    @cached_property
    def own(self):
        """Each key alone, to expand \\1-style references against its own groups."""
        flags = regex.IGNORECASE if self.ignore_case else 0
        return [regex.compile(str(k), flags) for k in self.wrong]

    def check(self, doc, options):
        for block, m in self._iter_hits(doc, self.pattern, self._needles(self.wrong)):
            index = int(m.lastgroup[1:])
            right = self.right[index]
            if self.is_regex:
                own = self.own[index].match(block.prose, m.start(), m.end())
                right = own.expand(right) if own else right
            found = m.group()
            suggestion = _keep_case(found, right) if self.ignore_case else right
            if suggestion == found:
                continue
            yield self._match(doc, block, m.start(), m.end(), suggestion)


class ConsistencyRule(PackRule):
    """Flags the minority form when two variants of one term appear in one article."""

    KEYS = {"groups"}

    def __init__(self, rule_id, spec, **kw):
        super().__init__(rule_id, spec, **kw)
        groups = spec.get("groups")
        if (not isinstance(groups, list) or not groups or
                not all(isinstance(g, list) and len(g) >= 2 for g in groups)):
            raise PackError("groups: required: a list of groups, each a list of two or more "
                            "variants")
        self.groups = [self._validate([str(v) for v in g], "groups") for g in groups]

    @cached_property
    def patterns(self):
        return [self._compile(g) for g in self.groups]

    def check(self, doc, options):
        for group, pattern in zip(self.groups, self.patterns):
            hits = [(block, m, int(m.lastgroup[1:]))
                    for block, m in self._iter_hits(doc, pattern, self._needles(group))]
            counts = Counter(i for _, _, i in hits)
            if len(counts) < 2:
                continue
            # Majority wins; a tie goes to the form used first.
            first_seen = {}
            for n, (_, _, i) in enumerate(hits):
                first_seen.setdefault(i, n)
            majority = max(counts, key=lambda i: (counts[i], -first_seen[i]))
            for block, m, i in hits:
                if i != majority:
                    yield self._match(doc, block, m.start(), m.end(), group[majority])


RULE_TYPES = {"existence": ExistenceRule, "substitution": SubstitutionRule,
              "consistency": ConsistencyRule}
