"""``--diff REF``: report only what a change touched.

A pull request on an archive of thousands of articles should fail for what it changed, not for
the archive. The lines changed since ``REF`` come from ``git diff --unified=0 REF`` (the new
side of every hunk, so staged and unstaged edits both count) and from untracked files, which
count as changed throughout. A finding is kept when its lines overlap a changed line. Findings
that point at other files (a paragraph repeated from another article) are kept whenever their
own file changed at all: the repeat is news even when the copied paragraph itself is not on a
changed line.

Every file is still checked, because cross-file rules need the whole corpus; only the report is
narrowed.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from newslint.errors import UsageError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("--diff needs git, which is not installed or not on PATH") from None


def unquote_path(raw: str) -> str:
    """Undo git's C-style quoting of unusual file names (``"caf\\303\\251.md"``)."""
    if not (raw.startswith('"') and raw.endswith('"')):
        return raw
    out = bytearray()
    body = raw[1:-1].encode("utf-8")
    i = 0
    while i < len(body):
        c = body[i]
        if c == 0x5C and i + 1 < len(body):  # backslash
            nxt = chr(body[i + 1])
            if nxt in "01234567":
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, body[i + 1]))
            i += 2
            continue
        out.append(c)
        i += 1
    return out.decode("utf-8", errors="surrogateescape")


def parse_unified_diff(diff: str) -> dict[str, list[tuple[int, int]]]:
    """``{path: [(first, last), …]}``: new-side line ranges of a ``--unified=0`` diff.

    Paths are relative to the repository root. Pure deletions add no range: nothing on the new
    side changed. ``+++`` counts as a file header only in a header, never in hunk content, where
    an added line that starts with ``++`` looks the same.
    """
    changes: dict[str, list[tuple[int, int]]] = {}
    current = None
    in_header = False
    for line in diff.split("\n"):
        if line.startswith("diff --git "):
            in_header, current = True, None
        elif in_header and line.startswith("+++ "):
            target = unquote_path(line[4:].rstrip("\t"))
            current = None if target == "/dev/null" else target.removeprefix("b/")
            if current is not None:
                changes.setdefault(current, [])
        elif line.startswith("@@"):
            in_header = False
            match = _HUNK.match(line)
            if match and current is not None:
                start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
                if count:
                    changes[current].append((start, start + count - 1))
    return changes


@dataclass
class ChangedLines:
    """Lines changed since a git ref, by real path; ``None`` means the whole file."""

    ref: str
    files: dict = field(default_factory=dict)

    @classmethod
    def since(cls, ref: str, start: Path) -> "ChangedLines":
        """Ask git what changed between ``ref`` and the working tree around ``start``."""
        folder = str(start if start.is_dir() else start.parent)
        top = _git(["rev-parse", "--show-toplevel"], folder)
        if top.returncode != 0:
            raise UsageError(f"--diff: {folder} is not inside a git repository")
        root = top.stdout.decode("utf-8", "surrogateescape").strip()
        commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options",
                       f"{ref}^{{commit}}"], root)
        if commit.returncode != 0:
            raise UsageError(f"--diff: unknown git ref {ref!r} in {root}")
        sha = commit.stdout.decode().strip()
        diff = _git(["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff",
                     "--no-textconv", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/",
                     "--find-renames", sha, "--"], root)
        if diff.returncode != 0:
            raise UsageError(f"--diff: git diff failed: "
                             f"{diff.stderr.decode('utf-8', 'replace').strip()}")
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
        changes = cls(ref)
        text = diff.stdout.decode("utf-8", "surrogateescape")
        for path, ranges in parse_unified_diff(text).items():
            changes.files[os.path.realpath(os.path.join(root, path))] = ranges
        for path in untracked.stdout.decode("utf-8", "surrogateescape").split("\0"):
            if path:
                changes.files[os.path.realpath(os.path.join(root, path))] = None
        return changes

    def file_changed(self, path: str) -> bool:
        ranges = self.files.get(os.path.realpath(path), [])
        return ranges is None or bool(ranges)

    def touches(self, finding) -> bool:
        """Whether the finding's lines overlap a changed line of its file."""
        ranges = self.files.get(os.path.realpath(finding.path), [])
        if ranges is None:
            return True
        first, last = finding.line, finding.end_line
        if last > first and finding.end_column == 1:
            last -= 1  # the span stops at the very start of end_line: that line is untouched
        return any(a <= last and first <= b for a, b in ranges)

    def keeps(self, finding) -> bool:
        if self.touches(finding):
            return True
        own = os.path.realpath(finding.path)
        elsewhere = any(os.path.realpath(span.path) != own for span in finding.related)
        return elsewhere and self.file_changed(finding.path)

    def restrict(self, outcomes: list) -> int:
        """Keep only findings on changed lines (in place); return how many were dropped."""
        dropped = 0
        for fo in outcomes:
            kept = [f for f in fo.findings if f.rule == "internal-error" or self.keeps(f)]
            dropped += len(fo.findings) - len(kept)
            fo.findings = kept
        return dropped
