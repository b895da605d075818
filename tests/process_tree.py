"""What runs below a process, read from /proc: for tests that check nothing is left running."""

from __future__ import annotations

import os
from typing import Optional


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``, from /proc (children of children too)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        ppid = parent(int(entry))
        if ppid is not None:
            children.setdefault(ppid, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _stat(pid: int) -> Optional[list[str]]:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def parent(pid: int) -> Optional[int]:
    fields = _stat(pid)
    return int(fields[1]) if fields else None


def running(pid: int) -> bool:
    """Alive and not a zombie (a zombie has exited; only its parent has not reaped it)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def is_java(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"java" in f.read().split(b"\0")[0]
    except OSError:
        return False


def java_port(pid: int) -> Optional[int]:
    """The ``--port`` a LanguageTool JVM was started with."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().decode(errors="replace").split("\0")
    except OSError:
        return None
    return int(args[args.index("--port") + 1]) if "--port" in args else None
