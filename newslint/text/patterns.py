"""Regular expressions compiled once per machine instead of once per run.

CPython's :mod:`re` turns a pattern into a program for its matching engine in pure Python
(``re._parser`` and ``re._compiler``). newslint's patterns are many and long (word-list
alternations of attribution verbs, weekdays, web furniture), and compiling them costs more
than checking a typical article: it would be paid again by every pre-commit run.

The compiled program is only a list of integers plus the group names, so it is kept in a
small file in newslint's cache directory, keyed by the interpreter and the engine's version,
and handed straight to the engine next time through ``_sre.compile``, the constructor that
``re.compile`` itself ends with. Like Python's own bytecode cache, it never changes what a
pattern matches: the engine validates every program it is given, and anything unexpected (an
interpreter other than CPython, an unreadable, stale or corrupt file, a rejected program)
falls back to :func:`re.compile`. Results are not cached here; ``--no-cache`` is about those.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Optional

from newslint.cachedir import default_cache_dir

try:  # CPython's engine and the compiler front end that re.compile uses
    import _sre
    from re import _compiler, _parser
except ImportError:  # another interpreter: plain re.compile
    _sre = None

#: The programs by (pattern, flags), loaded on first use; "dirty" when the file needs writing.
_state = {"programs": None, "dirty": False}
#: The patterns this process compiled, which are what is kept when the file has grown stale.
_used: set = set()
#: A run that compiled at least this many patterns rewrites the file without the programs it
#: did not use, when those are most of the file: programs of patterns built from an earlier
#: version's or configuration's word lists would otherwise pile up and slow every load.
PRUNE_MIN_USED = 20


def cache_file() -> Optional[Path]:
    """Where compiled programs are kept (the default cache directory; not the per-project
    ``cache_dir`` option, since patterns are compiled before any configuration is read)."""
    if _sre is None or not hasattr(_sre, "MAGIC") or os.environ.get("NEWSLINT_NO_PATTERN_CACHE"):
        return None
    try:
        root = default_cache_dir()
    except RuntimeError:  # no home directory to put a cache in: compile as re does
        return None
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return root / f"patterns-{tag}.marshal"


def _programs() -> dict:
    if _state["programs"] is None:
        _state["programs"] = {}
        path = cache_file()
        if path is not None:
            try:
                with open(path, "rb") as fh:
                    # loads() on the whole file: load() on the file object reads it in small
                    # pieces and is many times slower.
                    loaded = marshal.loads(fh.read())
                if isinstance(loaded, dict):
                    _state["programs"] = loaded
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no cache yet, or a damaged one: it is rewritten at exit
    return _state["programs"]


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, in marshal-able types."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    group_index = {str(name): int(i) for name, i in parsed.state.groupdict.items()}
    index_group = [None] * parsed.state.groups
    for name, i in group_index.items():
        index_group[i] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, group_index,
            tuple(index_group))


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, with the compiled program cached across runs."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    programs = _programs()
    key = (pattern, flags)
    _used.add(key)
    program = programs.get(key)
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except Exception:  # a program this engine rejects: compile it afresh below
            pass
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # the private compiler API changed: the public one still works
        return re.compile(pattern, flags)
    programs[key] = program
    _state["dirty"] = True
    return compiled


@atexit.register
def save() -> None:
    """Write newly compiled programs to the cache file (pruned to this run's when stale ones
    have piled up), atomically; never fail the run."""
    path = cache_file()
    programs = _state["programs"]
    stale = programs is not None and _mostly_unused(programs)
    if not (_state["dirty"] or stale) or path is None:
        return
    import tempfile  # only when writing: most runs find every program in the file

    if stale:
        programs = _state["programs"] = {key: programs[key] for key in _used if key in programs}
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(programs, fh)
        os.replace(tmp, path)  # readers see the old file or the new one, never half of one
        _state["dirty"] = False
    except (OSError, ValueError):
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mostly_unused(programs: dict) -> bool:
    if len(_used) < PRUNE_MIN_USED:
        return False  # a command that compiled a few patterns says nothing about the rest
    unused = sum(len(program[1]) for key, program in programs.items() if key not in _used)
    return unused > sum(len(programs[key][1]) for key in _used if key in programs)


class LazyPattern:
    """A regular expression compiled the first time it is used, not when its module is
    imported. It has the methods of :class:`re.Pattern`; after the first use each one is the
    compiled pattern's own bound method, so later calls cost what they cost on the pattern."""

    _METHODS = ("finditer", "search", "match", "fullmatch", "sub", "subn", "findall", "split")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern:
        compiled = compile(self.pattern, self.flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        self.compiled = lambda: compiled
        return compiled

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)
