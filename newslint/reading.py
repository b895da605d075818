"""Reading an article from disk: regular files only, and never more than the size limit.

A folder of articles can hold other things with an article's name: a named pipe
(``story.md`` as a FIFO) blocks a reader until someone writes to it, and a device such as
``/dev/zero`` (or a symlink to it) never ends. Neither is an article, so only regular files are
read. The size limit counts the bytes actually read, because ``stat`` says nothing true about
a file that grows while it is read or about a device (``/dev/zero`` reports size 0).
"""

from __future__ import annotations

import os
import stat
from typing import Optional

from newslint.errors import InputError

#: Bytes read per call: large enough to read a typical article in one go.
_CHUNK = 1 << 20


def kind_of(mode: int) -> Optional[str]:
    """What a file that is not a regular one is, for a message; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def special_file(path: str) -> Optional[str]:
    """:func:`kind_of` the file ``path`` names (symlinks followed); None when it is a regular
    file or cannot be inspected (reading it then reports why)."""
    try:
        return kind_of(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def read_article(path: str, limit: int = 0) -> bytes:
    """The bytes of the regular file ``path``; at most ``limit`` of them (0: no limit).

    Raises :class:`InputError` for anything else: a special file, a file larger than the
    limit, a file that cannot be read.
    """
    kind = special_file(path)
    if kind is not None:
        raise InputError(f"{path}: is {kind}, not a regular file; not checked")
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since the check above, opening it
        # must not wait for a writer; fstat on the open file then tells what was opened.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise InputError(f"{path}: is {kind}, not a regular file; not checked")
        return _read_capped(fd, path, limit)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _read_capped(fd: int, path: str, limit: int) -> bytes:
    parts = []
    total = 0
    while True:
        want = _CHUNK if not limit else min(_CHUNK, limit + 1 - total)
        chunk = os.read(fd, want)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if limit and total > limit:
            raise InputError(f"{path}: file is larger than the {limit / 1e6:g} MB limit "
                             f"(max_file_size); not checked")
