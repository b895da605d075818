"""Building the plugin manager: built-ins and entry points, registered the same way.

Third-party plugins are found through the ``newslint`` entry-point group. Asking
:mod:`importlib.metadata` for them costs more than all the rest of the plugin set-up (it imports
the ``email``, ``zipfile`` and ``csv`` packages and reads the metadata of every installed
distribution), so what it answered is kept in a small file in the cache directory, together
with what decides the answer: the import path and, for each of its folders, the folder's
modification time and those of the ``entry_points.txt`` files of the distributions in it.
Installing, removing or reinstalling a package changes that key, and the next run asks
:mod:`importlib.metadata` again; so does any problem with the file.
"""

from __future__ import annotations

import functools
import importlib
import os
import stat
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Optional

import pluggy

from newslint import hookspecs
from newslint.errors import ConfigError

ENTRY_POINT_GROUP = "newslint"

#: Built-in plugin modules. They are registered through the same hooks as third-party plugins.
BUILTIN_PLUGINS = (
    "newslint.parsers.builtin",
    "newslint.formatters.builtin",
    "newslint.packs.plugin",
    "newslint.rules.duplicates",
    "newslint.rules.attribution",
    "newslint.rules.dates",
    "newslint.rules.boilerplate",
    "newslint.rules.variants",
    "newslint.rules.names",
    "newslint.rules.apstyle",
    "newslint.rules.grammar",
    "newslint.rules.meta",
    "newslint.languagetool.plugin",
    "newslint.server.plugin",
)
_BUILTIN_SET = frozenset(BUILTIN_PLUGINS)


class _PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, quicker to register newslint's own modules.

    pluggy examines every attribute of a plugin, statically, for hook implementations: about
    half a millisecond for a rule module with its imports and classes. newslint's own modules
    name each implementation after its hook (never with ``specname``), so only their
    ``newslint_*`` attributes are examined; other plugins are searched as pluggy searches them.
    """

    def parse_hookimpl_opts(self, plugin, name: str):
        if not name.startswith("newslint_") and isinstance(plugin, ModuleType) \
                and plugin.__name__ in _BUILTIN_SET:
            return None
        return super().parse_hookimpl_opts(plugin, name)


def build_plugin_manager(load_entry_points: bool = True, extra=(),
                         cache_dir: Optional[Path] = None, warn=None) -> pluggy.PluginManager:
    """A fresh plugin manager with built-ins, installed entry points and ``extra`` plugins.

    ``cache_dir`` is where the installed entry points are remembered between runs (default:
    newslint's default cache directory; none at all when that cannot be told); ``warn``
    is told about a damaged cache file.
    """
    pm = _PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entry_points:
        _register_entry_points(pm, cache_dir if cache_dir is not None else default_cache_dir(),
                               warn)
    for plugin in extra:
        pm.register(plugin)
    pm.check_pending()
    return pm


def plugin_name(pm: pluggy.PluginManager, plugin) -> str:
    return pm.get_name(plugin) or repr(plugin)


def default_cache_dir() -> Optional[Path]:
    """The cache directory when no configuration names one (see ``Config.cache_dir``)."""
    from newslint.config import Config

    return Config().cache_dir_or_none


def _register_entry_points(pm: pluggy.PluginManager, cache_dir: Optional[Path],
                           warn=None) -> None:
    found = installed_entry_points(cache_dir, warn=warn)
    try:
        _load_all(pm, found)
    except ConfigError:
        if not isinstance(found, CachedEntryPoints):
            raise
        # The remembered plugins may be out of date in a way the key cannot see (a module
        # deleted by hand): ask importlib.metadata before reporting a broken plugin.
        for name in [n for n in pm.list_name_plugin() if n[0] not in BUILTIN_PLUGINS]:
            pm.unregister(name=name[0])
        _load_all(pm, installed_entry_points(cache_dir, use_cache=False))


def _load_all(pm: pluggy.PluginManager, entry_points) -> None:
    for ep in entry_points:
        if pm.has_plugin(ep.name) or pm.get_plugin(ep.value) is not None:
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken third-party plugin must not crash the run
            raise ConfigError(
                f"plugin {ep.name!r} ({ep.value}) could not be loaded: "
                f"{type(exc).__name__}: {exc}") from None
        pm.register(plugin, name=ep.name)


# -- the entry-point cache ------------------------------------------------------------------
_CACHE_HEADER = "newslint entry points 2"
#: The cache file's kind and format version (see newslint.cachefile).
_KIND, _VERSION = "entry-points", 3
#: The third line of the key names the environment it belongs to.
_PREFIX_LINE = "environment\t"
#: The file's last line: a file without it was cut short.
_CACHE_END = "end\n"
#: A folder changed this recently may change again within the resolution of its timestamp,
#: unseen; a key with such a folder is not written (like git's "racily clean" files).
_SETTLE_SECONDS = 2.0


class CachedEntryPoint:
    """An entry point read back from the cache, loaded as ``importlib.metadata`` loads one."""

    __slots__ = ("name", "value")

    def __init__(self, name: str, value: str):
        self.name = name
        self.value = value

    def load(self):
        """Import ``module`` of ``module:attr.attr [extras]`` and return the attribute."""
        target = self.value.partition("[")[0]
        module_name, _, attrs = target.partition(":")
        module = importlib.import_module(module_name.strip())
        return functools.reduce(getattr, filter(None, attrs.strip().split(".")), module)


class CachedEntryPoints(list):
    """Entry points that came from the cache file rather than from importlib.metadata."""


def installed_entry_points(cache_dir: Optional[Path], use_cache: bool = True,
                           warn=None) -> list:
    """The installed entry points of the ``newslint`` group, in importlib.metadata's order
    (remembered in ``cache_dir`` unless it is None)."""
    key = discovery_key() if use_cache and cache_dir is not None else None
    path = cache_file(cache_dir) if key is not None else None
    if path is not None:
        cached = _read_cache(path, key, warn)
        if cached is not None:
            return cached
    from importlib.metadata import entry_points

    found = list(entry_points(group=ENTRY_POINT_GROUP))
    if path is not None and _settled(key):
        _write_cache(path, key, [(ep.name, ep.value) for ep in found])
    return found


def cache_file(cache_dir: Path) -> Path:
    """One file per Python environment, so environments sharing a cache do not take turns."""
    from binascii import crc32  # the CRC zlib has, from a module YAML has already loaded

    return Path(cache_dir) / f"entry-points-{crc32(os.fsencode(sys.prefix)):08x}.txt"


def discovery_key() -> Optional[str]:
    """Everything ``importlib.metadata`` reads to find entry points, as comparable text: one
    line per import-path folder and per distribution in it. None when that cannot be told."""
    if not _only_path_finders():
        return None
    if "\n" in sys.prefix:
        return None
    lines = [_CACHE_HEADER, sys.version.replace("\n", " "), _PREFIX_LINE + sys.prefix]
    for entry in sys.path:
        folder = os.path.abspath(entry or ".")
        if "\n" in folder or "\t" in folder:
            return None
        try:
            info = os.stat(folder)
        except OSError:
            lines.append(f"{folder}\t-")
            continue
        lines.append(f"{folder}\t{info.st_mtime_ns}")
        if stat.S_ISDIR(info.st_mode):
            lines.extend(_distribution_stamps(folder))
    return "\n".join(lines)


def _only_path_finders() -> bool:
    """Distributions come only from the import path (no finder that lists its own)."""
    from importlib.machinery import PathFinder

    return all(finder is PathFinder or not hasattr(finder, "find_distributions")
               or _reads_the_import_path(finder) for finder in sys.meta_path)


def _reads_the_import_path(finder) -> bool:
    """The importlib_metadata backport's finder (which Dask imports) lists the distributions
    of ``sys.path`` folders, as PathFinder does: it hides nothing the key does not see."""
    kind = finder if isinstance(finder, type) else type(finder)
    return (kind.__name__ == "MetadataPathFinder"
            and kind.__module__.split(".")[0] == "importlib_metadata")


def _distribution_stamps(folder: str) -> list[str]:
    """``\\t<metadata folder>\\t<mtime of its entry_points.txt>`` for each distribution."""
    is_egg = folder.lower().endswith(".egg")
    stamps = []
    try:
        with os.scandir(folder) as children:
            names = sorted(c.name for c in children)
    except OSError:
        return ["\t?"]
    for name in names:
        low = name.lower()
        if not (low.endswith((".dist-info", ".egg-info")) or (is_egg and low == "egg-info")):
            continue
        try:
            mtime = os.stat(os.path.join(folder, name, "entry_points.txt")).st_mtime_ns
        except OSError:
            mtime = "-"
        stamps.append(f"\t{name}\t{mtime}")
    return stamps


def _settled(key: str) -> bool:
    """No timestamp in ``key`` is so recent that a change could still hide behind it."""
    newest = time.time_ns() - int(_SETTLE_SECONDS * 1e9)
    for line in key.splitlines()[3:]:  # after the header, version and environment lines
        stamp = line.rsplit("\t", 1)[-1]
        if stamp.isdigit() and int(stamp) > newest:
            return False
    return True


def _read_cache(path: Path, key: str, warn=None) -> Optional[CachedEntryPoints]:
    """The remembered entry points if the file was written for ``key``; else None."""
    from newslint import cachefile

    text = cachefile.read(path, _KIND, _VERSION, warn, legacy=("newslint entry points",))
    if text is None:
        return None
    stored_key, blank, body = text.partition("\n\n")
    complete = body == _CACHE_END or body.endswith("\n" + _CACHE_END)
    if not blank or not complete:
        cachefile.ignored(warn, path, "damaged: cut short")
        return None
    if stored_key != key:
        return None  # something was installed or removed since: ask again
    found = CachedEntryPoints()
    for line in body[:-len(_CACHE_END)].splitlines():
        fields = line.split("\t")
        if len(fields) != 2 or not all(fields):
            cachefile.ignored(warn, path, "damaged: a line is not name<TAB>value")
            return None
        found.append(CachedEntryPoint(*fields))
    return found


def _write_cache(path: Path, key: str, entries: list[tuple[str, str]]) -> None:
    """Write the file atomically; an unwritable cache only costs the next run some time."""
    from newslint import cachefile

    if any("\t" in text or "\n" in text or not text for entry in entries for text in entry):
        return
    body = "".join(f"{name}\t{value}\n" for name, value in entries)
    if cachefile.write(path, _KIND, _VERSION, f"{key}\n\n{body}{_CACHE_END}"):
        _remove_abandoned(path)


def _remove_abandoned(current: Path) -> None:
    """Delete the cache files of environments that no longer exist (throw-away virtual
    environments would otherwise leave one file each), and those of older formats."""
    for other in current.parent.glob("entry-points-*.txt"):
        if other == current:
            continue
        try:
            with open(other, encoding="utf-8") as fh:
                _, header, _, environment = (fh.readline().rstrip("\n") for _ in range(4))
            if header == _CACHE_HEADER and environment.startswith(_PREFIX_LINE) \
                    and os.path.isdir(environment[len(_PREFIX_LINE):]):
                continue
            other.unlink()
        except (OSError, UnicodeDecodeError):
            continue
