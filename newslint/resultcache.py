"""The result cache: what checking an article produced, keyed by its content.

A re-run over an archive then checks only the articles that changed: an unchanged article's
outcome (its findings, and what the corpus rules collected from it) is read back instead of
parsing and checking it again. The corpus rules still finish over every article, so copies
between a new article and an old one are found as before.

The key is a SHA-256 of the article (path, format, publication date and text) and of
everything else its outcome depends on (:func:`settings_key`): the newslint version and the
files of the package and of the plugins' rule modules (size and modification time), the
effective configuration, the rules that run with their options (and the files those options
name), the selection and the Python version. Any change there makes every entry stale.
LanguageTool's answers depend on a server: when it runs, outcomes are not cached (its
paragraph cache still saves the server's time).

Like every cache file (see :mod:`newslint.cachefile`) it never stops a run or changes a
verdict: the database is versioned, created 0600 and read only when it is yours; each entry
carries a checksum, is decoded with a loader that builds nothing but newslint's own result
types, and is checked for shape before use. A damaged entry is checked afresh and rewritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Optional

from newslint.languagetool.cache import ParagraphCache

#: The entries' format; another value (an older newslint's) means: start afresh.
SCHEMA_VERSION = 1
CACHE_FILE = f"results-{SCHEMA_VERSION}.sqlite"

#: What an entry may be built from besides newslint's own classes.
_ALLOWED = {("array", "array"), ("array", "_array_reconstructor"), ("datetime", "date"),
            ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "bytearray"),
            ("builtins", "complex"), ("collections", "OrderedDict")}


#: newslint's result classes that are not dataclasses (for start-up time), rebuilt from their
#: attributes without calling their constructor.
_PLAIN_RECORDS = {("newslint.engine", "FileOutcome")}


class _Loader(pickle.Unpickler):
    """Builds newslint's result types and plain values, nothing else (an entry that names any
    other callable is damaged, not run)."""

    def find_class(self, module, name):
        if (module, name) in _ALLOWED or (module.split(".", 1)[0] == "newslint"
                                          and not name.startswith("_")):
            found = super().find_class(module, name)
            # Only plain record types (dataclasses): building one runs no code of its own,
            # where another newslint class's constructor could be handed what an entry says.
            if (module, name) in _ALLOWED or (module, name) in _PLAIN_RECORDS or (
                    isinstance(found, type) and dataclasses.is_dataclass(found)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a result type")


class ResultCache(ParagraphCache):
    """Outcomes of :meth:`newslint.engine.Engine.check_file` by key, in one SQLite file
    shared by every process of a run."""

    TABLE = "outcomes"
    SCHEMA_VERSION = SCHEMA_VERSION

    def _encode(self, value) -> str:
        import base64
        import zlib

        return base64.b64encode(zlib.compress(pickle.dumps(value, protocol=4), 1)).decode()

    def _valid(self, text: str):
        import base64
        import binascii
        import zlib

        from newslint.engine import FileOutcome

        try:
            value = _Loader(io.BytesIO(zlib.decompress(base64.b64decode(text)))).load()
        except (binascii.Error, zlib.error, pickle.UnpicklingError, EOFError, ValueError,
                TypeError, AttributeError, ImportError, IndexError, KeyError,
                RecursionError, MemoryError):
            return None
        if not (isinstance(value, FileOutcome) and isinstance(value.path, str)
                and isinstance(value.findings, list) and isinstance(value.corpus, dict)
                and isinstance(value.suppressions, list) and not value.errors):
            return None
        return value

    def get(self, key: str):
        """The outcome kept under ``key``, or None."""
        return self.get_many([key])[0]

    def put(self, key: str, outcome) -> None:
        self.put_many({key: outcome})


def settings_key(engine) -> Optional[str]:
    """What an article's outcome depends on besides the article, as one hex digest; None when
    outcomes must not be cached (LanguageTool runs)."""
    import newslint

    # Asked once the rules have started: a LanguageTool switched off or not installed
    # answers nothing, and the outcomes are newslint's own.
    if any(getattr(r, "origin", None) == "languagetool" and getattr(r, "available", True)
           for r in engine.active):
        return None
    h = hashlib.sha256()

    def add(*parts) -> None:
        for part in parts:
            h.update(repr(part).encode("utf-8", "surrogatepass"))
            h.update(b"\0")

    add(SCHEMA_VERSION, getattr(newslint, "__version__", ""), sys.version)
    package = Path(newslint.__file__).resolve().parent
    modules = {package}
    # Rules, parsers and filters may come from plugins: their modules count too.
    owners = [type(rule).__module__ for rule in engine.active]
    owners += [getattr(p, "__name__", type(p).__module__) for p in engine.pm.get_plugins()]
    for name in owners:
        module = sys.modules.get(name)
        where = getattr(module, "__file__", None)
        if where and not Path(where).resolve().is_relative_to(package):
            modules.add(Path(where).resolve())
    for root in sorted(modules):
        add(*_stats(root))
    config = engine.config
    add(sorted((k, repr(v)) for k, v in config.values.items() if k not in ("cache_dir", "jobs")))
    add(sorted((k, repr(v)) for k, v in getattr(config, "sections", {}).items()))
    for pack in config.pack_paths:
        add(*_stats(Path(pack)))
    selection = engine.selection
    add(selection.select, selection.extend_select, selection.ignore,
        sorted(selection.enabled_overrides.items(), key=repr))
    for rule in sorted(engine.active, key=lambda r: r.id):
        options = engine.options[rule.id]
        add(rule.id, type(rule).__module__, type(rule).__qualname__,
            sorted((k, repr(v)) for k, v in options.items()))
        for key, value in sorted(options.items()):
            if key.endswith("_file") and isinstance(value, str) and value:
                add(*_stats(Path(value)))
    return h.hexdigest()


def _stats(root: Path) -> list:
    """Names, sizes and modification times of a file or of the files under a folder."""
    try:
        if root.is_file():
            info = root.stat()
            return [(str(root), info.st_size, info.st_mtime_ns)]
        found = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                found.append((path, info.st_size, info.st_mtime_ns))
        return found
    except OSError:
        return [(str(root), "unreadable")]


def article_key(settings: str, path: str, suffix, pub_date, keep_source: bool,
                text: str) -> str:
    """The key of one article's outcome under ``settings`` (:func:`settings_key`)."""
    h = hashlib.sha256()
    for part in (settings, path, suffix or "", pub_date.isoformat() if pub_date else "",
                 "source" if keep_source else "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()
