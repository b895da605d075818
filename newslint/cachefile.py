"""Cache files: what every file newslint keeps in its cache directory obeys.

A cache only saves time. It is data another process, a crash mid-write or another user may
have produced, so it must never be able to stop a run or change its verdict:

* **versioned**: the first line names the kind of cache and its format version; a file of
  another version is stale and silently replaced;
* **validated**: the first line also holds a SHA-256 of the rest, so a truncated or damaged
  file is detected rather than half read; what the body says is then checked by its reader;
* **owned**: a file not owned by the user running newslint, or that others may write, is not
  read (someone else could have put anything there);
* **written atomically** (a temporary file in the same folder, then renamed) **with mode
  0600**, so a reader sees the old file or the new one and other users see neither.

A file that is damaged, unreadable or not safely owned is ignored with one warning and
rewritten by the run; its absence is never worth a word.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path
from typing import Callable, Optional

#: The first line: ``newslint-cache <kind> <version> sha256=<hex of the body>``.
MAGIC = "newslint-cache"

Warn = Optional[Callable[[str], None]]


def unsafe_owner(info: os.stat_result) -> Optional[str]:
    """Why a cache file (or database) with this ``stat`` must not be trusted, or None."""
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return "it belongs to another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "other users may write it"
    return None


def ignored(warn: Warn, path: Path, why: str) -> None:
    if warn is not None:
        warn(f"cache file {path} ignored ({why}); it will be rewritten")


def read(path: Path, kind: str, version: int, warn: Warn = None,
         legacy: tuple = ()) -> Optional[str]:
    """The body of the cache file ``path``, or None when there is none worth reading (missing,
    stale, damaged, unsafe: the last two with a warning). ``legacy``: how the first line of
    the file began in formats older than this header (such a file is stale, not damaged)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        ignored(warn, path, f"cannot read it: {exc.strerror or exc}")
        return None
    try:
        why = unsafe_owner(os.fstat(fd))
        if why is not None:
            ignored(warn, path, why)
            return None
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            data = fh.read()
    except OSError as exc:
        ignored(warn, path, f"cannot read it: {exc.strerror or exc}")
        return None
    finally:
        if fd != -1:
            os.close(fd)
    header, newline, body = data.partition(b"\n")
    fields = header.split(b" ")
    if len(fields) != 4 or fields[0] != MAGIC.encode() or fields[1] != kind.encode():
        if not any(header.startswith(old.encode()) for old in legacy):
            ignored(warn, path, "not a newslint cache file of this kind")
        return None
    if fields[2] != str(version).encode():
        return None  # written by another version of newslint: replaced without a word
    if not newline or fields[3] != b"sha256=" + hashlib.sha256(body).hexdigest().encode():
        ignored(warn, path, "damaged: its checksum does not match")
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        ignored(warn, path, "damaged: not UTF-8")
        return None


def write(path: Path, kind: str, version: int, body: str) -> bool:
    """Write the cache file atomically with mode 0600; False when it could not be written
    (an unwritable cache only costs the next run some time)."""
    data = body.encode("utf-8")
    header = f"{MAGIC} {kind} {version} sha256={hashlib.sha256(data).hexdigest()}\n".encode()
    import tempfile  # here: a run that only reads its cache files does not pay for importing it

    tmp = None
    try:
        make_folder(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:  # mkstemp creates it 0600
            fh.write(header + data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False


def make_folder(folder: Path) -> None:
    """Create the cache folder (0700: the caches are the user's own) if it is missing."""
    Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)
