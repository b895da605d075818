"""``newslint check --fix``: apply the suggestions rules mark safe (``--unsafe-fixes``: the
others too), in place or as a unified diff.

A fix replaces a finding's span with its first suggestion. Fixes that overlap in one round are
left for the next round, which checks the fixed text again; rounds stop when nothing changes
(or after :data:`MAX_ROUNDS`, so two fixes undoing each other cannot loop). Files are written
atomically (a temporary file renamed over the original, permissions kept) and only when they
have not changed since they were read.
"""

from __future__ import annotations

import os
import tempfile
from typing import Callable

from newslint.explain import find_rule

MAX_ROUNDS = 10


def fixable(finding, rules: dict, unsafe: bool) -> bool:
    rule, _ = find_rule(rules, finding.rule)
    if rule is None or rule.fix_safety is None or not finding.suggestions:
        return False
    return rule.fix_safety == "safe" or unsafe


def apply_fixes(text: str, findings: list, rules: dict, unsafe: bool):
    """The text with every non-overlapping fix applied, and the findings fixed."""
    chosen, end = [], -1
    for f in sorted((f for f in findings if fixable(f, rules, unsafe)),
                    key=lambda f: (f.offset, f.length)):
        if f.offset < end or text[f.offset:f.offset + f.length] != f.excerpt:
            continue  # overlaps a fix already chosen (next round), or stale
        if f.suggestions[0] == f.excerpt:
            continue
        chosen.append(f)
        end = f.offset + f.length
    for f in reversed(chosen):
        text = text[:f.offset] + f.suggestions[0] + text[f.offset + f.length:]
    return text, chosen


def fix_text(checker, path: str, text: str, unsafe: bool):
    """Check and fix until stable; returns the new text and every finding fixed."""
    fixed = []
    for _ in range(MAX_ROUNDS):
        outcome = checker.run(["-"], stdin_text=text, stdin_name=path).files[0]
        text, applied = apply_fixes(text, outcome.findings, checker.rules, unsafe)
        if not applied:
            break
        fixed.extend(applied)
    return text, fixed


def write_atomically(path: str, data: bytes, original: bytes) -> bool:
    """Replace ``path`` with ``data`` unless it changed since ``original`` was read."""
    with open(path, "rb") as f:
        if f.read() != original:
            return False
    mode = os.stat(path).st_mode & 0o7777
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".newslint-fix-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def fix_files(checker, files: list, *, unsafe: bool, diff: bool, write: Callable[[str], None],
              say: Callable[[str], None]) -> int:
    """Fix ``files`` (``diff``: print a unified diff through ``write`` and change nothing);
    reports through ``say`` and returns the number of fixes."""
    import difflib

    from newslint.engine import decode

    total = 0
    for path in files:
        if path == "-":
            continue
        try:
            with open(path, "rb") as f:
                original = f.read()
            text = decode(path, original)
        except Exception:  # reported by the check that follows
            continue
        new, fixed = fix_text(checker, path, text, unsafe)
        if not fixed or new == text:
            continue
        if diff:
            write("".join(difflib.unified_diff(text.splitlines(True), new.splitlines(True),
                                               f"a/{path}", f"b/{path}")))
        else:
            bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
            if not write_atomically(path, bom + new.encode("utf-8"), original):
                say(f"{path}: changed while it was being fixed; not written")
                continue
        total += len(fixed)
        rules = ", ".join(sorted({f.rule for f in fixed}))
        say(f"{path}: {'would fix' if diff else 'fixed'} {len(fixed)} ({rules})")
    return total
