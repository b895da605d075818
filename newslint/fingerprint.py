"""Stable identities for findings, independent of line numbers.

A baseline and a SARIF upload must recognise "the same finding" after the article has been
edited elsewhere: a paragraph inserted above moves every line number, so the identity is built
from what was flagged instead of where. A fingerprint hashes the rule id, the flagged text and
a little text on either side of it, each with white space collapsed. The context stays on the
finding's own lines, so inserting or deleting a line next to a finding leaves it alone while an
edit to the flagged sentence itself counts as a new finding.

Two findings can share a fingerprint (the same slip twice in identical surroundings), so callers
also number occurrences of a fingerprint within a file: see :func:`fingerprint_file`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional

from newslint.errors import InputError
from newslint.finding import Finding

#: Characters of context taken on each side of the flagged text (never past its own lines).
CONTEXT_CHARS = 20

#: Length of the hexadecimal digest; 64 bits is plenty within one file and one rule.
DIGEST_CHARS = 16

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Collapse white space (line breaks, tabs, non-breaking spaces) so reflowing is not an edit."""
    return _SPACE.sub(" ", text).strip()


def _context(text: str, finding: Finding) -> tuple[str, str]:
    start, end = finding.offset, finding.offset + finding.length
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    before = text[max(line_start, start - CONTEXT_CHARS):start]
    after = text[end:min(line_end, end + CONTEXT_CHARS)]
    return normalise(before), normalise(after)


def fingerprint(text: Optional[str], finding: Finding) -> str:
    """The fingerprint of ``finding`` in the decoded source ``text`` of its file.

    Without the text (standard input, a file deleted since), or when the text no longer holds
    the finding's excerpt at its offset, the fingerprint falls back to rule and excerpt alone.
    """
    excerpt = finding.excerpt
    before = after = ""
    if text is not None and text[finding.offset:finding.offset + finding.length] == excerpt:
        before, after = _context(text, finding)
    key = "\x1f".join((finding.rule, normalise(excerpt), before, after))
    return sha256_hex(key)[:DIGEST_CHARS]


def sha256_hex(text: str) -> str:
    """The SHA-256 of ``text`` (UTF-8) in hexadecimal."""
    # Imported here: loading hashlib's OpenSSL bindings costs more start-up time than a run
    # that writes no fingerprints (the default text format) should pay.
    from hashlib import sha256

    return sha256(text.encode("utf-8")).hexdigest()


def fingerprint_file(text: Optional[str], findings: Iterable[Finding]
                     ) -> list[tuple[Finding, str, int]]:
    """``(finding, fingerprint, occurrence)`` for one file's findings, in position order.

    ``occurrence`` counts from 0 among earlier findings of the same rule and fingerprint, so
    identical findings stay distinguishable without referring to their lines.
    """
    seen: Counter = Counter()
    out = []
    for finding in sorted(findings, key=lambda f: (f.offset, f.length, f.rule, f.message)):
        fp = fingerprint(text, finding)
        out.append((finding, fp, seen[finding.rule, fp]))
        seen[finding.rule, fp] += 1
    return out


def read_source(path: str) -> Optional[str]:
    """The decoded text of ``path`` as the engine saw it, or None when it cannot be read."""
    from newslint.engine import decode

    try:
        with open(path, "rb") as fh:
            return decode(path, fh.read())
    except (OSError, InputError):
        return None
