"""Finding the files to check: explicit files, directories walked by suffix, excludes."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from newslint.errors import UsageError
from newslint.reading import special_file

#: Folders never worth walking into.
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox",
             ".mypy_cache", ".pytest_cache", "_site", ".cache"}


def is_excluded(rel: str, patterns) -> bool:
    rel = rel.replace(os.sep, "/")
    name = rel.rsplit("/", 1)[-1]
    for pat in patterns:
        pat = pat.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(name, pat) or \
                rel.startswith(pat + "/") or fnmatch.fnmatch(rel, pat + "/*"):
            return True
    return False


def discover(paths, suffixes, exclude=(), notice=None) -> list[str]:
    """Files to check, in a stable order, as display paths.

    Files named on the command line are always checked (an unknown suffix is then an error for
    that file); directories are walked for files with a known suffix, skipping hidden and
    tool folders and anything matching ``exclude`` (globs against the path relative to the
    directory given, or against the file name). A walked entry that is not a regular file (a
    named pipe, a socket, a symlink to a device) is left out with one line to ``notice``; one
    named on the command line is kept, and reading it reports the problem.
    """
    suffixes = {s.lower() for s in suffixes}
    found: list[str] = []
    seen = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    rel = os.path.relpath(full, path)
                    if Path(name).suffix.lower() not in suffixes:
                        continue
                    if is_excluded(rel, exclude) or is_excluded(os.path.normpath(full), exclude):
                        continue
                    kind = special_file(full)
                    if kind is not None:
                        if notice is not None:
                            notice(f"{os.path.normpath(full)}: skipped, it is {kind}")
                        continue
                    display = os.path.normpath(full)
                    if display not in seen:
                        seen.add(display)
                        found.append(display)
        elif path.exists() or raw == "-":
            display = raw if raw == "-" else os.path.normpath(raw)
            if display not in seen:
                seen.add(display)
                found.append(display)
        else:
            raise UsageError(f"{raw}: no such file or directory")
    return found
