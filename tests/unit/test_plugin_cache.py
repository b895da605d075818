"""The entry-point cache: plugins installed or removed between runs are seen; a damaged cache
file is ignored; a stale one never hides or invents a plugin."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import sys
import time

import pytest

from shared_paths import REPO

from newslint import plugins
from newslint.errors import ConfigError
from newslint.plugins import CachedEntryPoint, CachedEntryPoints, installed_entry_points

AN_HOUR_AGO = time.time() - 3600

PLUGIN_MODULE = '''
from newslint import hookimpl

@hookimpl
def newslint_register_formatters():
    return {"fake-format": object}
'''


def _age(*paths):
    """Backdate paths, as if installed long ago (a fresh change is never cached)."""
    for path in paths:
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))


def _install(site, dist="fakeplugin", name="fake", module="fakeplugin_mod"):
    info = site / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[newslint]\n{name} = {module}\n")
    (site / f"{module}.py").write_text(PLUGIN_MODULE)
    # As pip compiles at install: importing the module later must not change the folder.
    (site / "__pycache__").mkdir(exist_ok=True)
    return info


@pytest.fixture
def site(tmp_path, monkeypatch):
    """An import-path folder of its own, first on sys.path. The repository's folders are left
    out: one edited in the last seconds would keep the cache from being written."""
    folder = tmp_path / "site"
    folder.mkdir()
    repo_folders = (str(REPO), str(REPO / "tests"))
    others = [p for p in sys.path
              if p and not os.path.abspath(p).startswith(repo_folders[1])
              and os.path.abspath(p) != repo_folders[0]]
    monkeypatch.setattr(sys, "path", [str(folder)] + others)
    yield folder
    for name in [m for m in sys.modules if m.startswith("fakeplugin")]:
        del sys.modules[name]


@pytest.fixture
def cache_dir(tmp_path):
    return tmp_path / "cache"


def _found(cache_dir):
    return [(ep.name, ep.value) for ep in installed_entry_points(cache_dir)]


def _forbid_metadata(monkeypatch):
    def refuse(**kw):
        raise AssertionError("importlib.metadata was asked although the cache was valid")
    monkeypatch.setattr(importlib.metadata, "entry_points", refuse)


def test_entry_points_are_remembered_and_read_back(site, cache_dir, monkeypatch):
    info = _install(site)
    _age(info / "entry_points.txt", site)
    first = installed_entry_points(cache_dir)
    assert not isinstance(first, CachedEntryPoints)
    assert [(ep.name, ep.value) for ep in first] == [("fake", "fakeplugin_mod")]
    assert list(cache_dir.glob("entry-points-*.txt"))
    _forbid_metadata(monkeypatch)
    second = installed_entry_points(cache_dir)
    assert isinstance(second, CachedEntryPoints)
    assert [(ep.name, ep.value) for ep in second] == [("fake", "fakeplugin_mod")]


def test_a_plugin_installed_after_the_cache_was_written_is_found(site, cache_dir):
    _age(site)
    assert _found(cache_dir) == []
    assert list(cache_dir.glob("entry-points-*.txt"))
    _install(site)
    assert _found(cache_dir) == [("fake", "fakeplugin_mod")]


def test_a_removed_plugin_is_forgotten(site, cache_dir):
    info = _install(site)
    _age(info / "entry_points.txt", site)
    assert _found(cache_dir) == [("fake", "fakeplugin_mod")]
    shutil.rmtree(info)
    assert _found(cache_dir) == []


def test_entry_points_edited_in_place_are_seen(site, cache_dir):
    info = _install(site)
    _age(info / "entry_points.txt", site)
    assert _found(cache_dir) == [("fake", "fakeplugin_mod")]
    (info / "entry_points.txt").write_text("[newslint]\nrenamed = fakeplugin_mod\n")
    assert _found(cache_dir) == [("renamed", "fakeplugin_mod")]


@pytest.mark.parametrize("damage", [
    lambda text: text.replace("fake\tfakeplugin_mod", "fake fakeplugin_mod"),  # no tab
    lambda text: text[:-4],                                                   # cut short
    lambda text: text.replace("\n\n", "\n"),                                  # no separator
    lambda text: "\x00\xff" + text,                                           # junk
])
def test_a_damaged_cache_file_is_ignored_and_rewritten(site, cache_dir, damage):
    info = _install(site)
    _age(info / "entry_points.txt", site)
    installed_entry_points(cache_dir)
    [path] = cache_dir.glob("entry-points-*.txt")
    good = path.read_text(encoding="utf-8")
    path.write_text(damage(good), encoding="utf-8", errors="surrogateescape")
    found = installed_entry_points(cache_dir)
    assert not isinstance(found, CachedEntryPoints)
    assert [(ep.name, ep.value) for ep in found] == [("fake", "fakeplugin_mod")]
    assert path.read_text(encoding="utf-8") == good


def test_an_unreadable_cache_file_is_ignored(site, cache_dir):
    _install(site)
    cache_dir.mkdir()
    plugins.cache_file(cache_dir).mkdir()  # a folder where the file should be
    assert _found(cache_dir) == [("fake", "fakeplugin_mod")]


def test_a_folder_changed_just_now_is_not_cached(site, cache_dir):
    _install(site)  # no backdating: the folder changed within the last second
    assert _found(cache_dir) == [("fake", "fakeplugin_mod")]
    assert not list(cache_dir.glob("entry-points-*.txt"))


def test_a_remembered_plugin_that_cannot_be_imported_is_looked_up_again(site, cache_dir):
    _age(site)
    installed_entry_points(cache_dir)
    [path] = cache_dir.glob("entry-points-*.txt")
    # A cache that names a plugin which is gone, though the key still matches.
    path.write_text(path.read_text().replace("\n\nend\n", "\n\ngone\tno_such_module\nend\n"))
    pm = plugins.build_plugin_manager(cache_dir=cache_dir)
    assert not pm.has_plugin("gone")
    assert pm.has_plugin("newslint.rules.meta")


def test_a_broken_installed_plugin_is_still_reported(site, cache_dir):
    info = _install(site, module="fakeplugin_missing")
    (site / "fakeplugin_missing.py").unlink()
    _age(info / "entry_points.txt", site)
    with pytest.raises(ConfigError, match="plugin 'fake' .*could not be loaded"):
        plugins.build_plugin_manager(cache_dir=cache_dir)
    assert isinstance(installed_entry_points(cache_dir), CachedEntryPoints)
    with pytest.raises(ConfigError, match="plugin 'fake' .*could not be loaded"):
        plugins.build_plugin_manager(cache_dir=cache_dir)  # now from the cache


def test_plugins_from_the_cache_are_registered(site, cache_dir, monkeypatch):
    info = _install(site)
    _age(info / "entry_points.txt", site)
    plugins.build_plugin_manager(cache_dir=cache_dir)
    _forbid_metadata(monkeypatch)
    pm = plugins.build_plugin_manager(cache_dir=cache_dir)
    formats = {}
    for mapping in pm.hook.newslint_register_formatters():
        formats.update(mapping)
    assert "fake-format" in formats and "text" in formats


@pytest.mark.parametrize("value, expected", [
    ("os.path", os.path),
    ("os.path:join", os.path.join),
    ("os:path.join", os.path.join),
    ("os.path : join [extra]", os.path.join),
])
def test_a_cached_entry_point_loads_like_importlib_metadata(value, expected):
    assert CachedEntryPoint("x", value).load() is expected
    assert importlib.metadata.EntryPoint("x", value, "newslint").load() is expected


def test_without_a_home_directory_plugins_are_found_without_a_cache(site, monkeypatch):
    info = _install(site)
    _age(info / "entry_points.txt", site)
    for name in ("HOME", "NEWSLINT_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("pathlib.Path.home", lambda: (_ for _ in ()).throw(
        RuntimeError("Could not determine home directory.")))
    assert plugins.default_cache_dir() is None
    pm = plugins.build_plugin_manager()
    assert pm.has_plugin("fake")


def test_cache_files_of_environments_that_are_gone_are_removed(site, cache_dir, tmp_path):
    _age(site)
    cache_dir.mkdir()
    living_env, gone_env = tmp_path / "living-venv", tmp_path / "gone-venv"
    living_env.mkdir()
    header = "newslint-cache entry-points 3 sha256=0\nnewslint entry points 2\n3.x\nenvironment\t"
    (cache_dir / "entry-points-00000001.txt").write_text(f"{header}{living_env}\n\nend\n")
    (cache_dir / "entry-points-00000002.txt").write_text(f"{header}{gone_env}\n\nend\n")
    (cache_dir / "entry-points-00000003.txt").write_text("newslint entry points 1\nold\n")
    (cache_dir / "pack-patterns.txt").write_text("unrelated\n")
    installed_entry_points(cache_dir)
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted([
        "entry-points-00000001.txt", plugins.cache_file(cache_dir).name, "pack-patterns.txt"])


def test_the_metadata_backports_finder_keeps_the_cache_and_a_foreign_finder_does_not(monkeypatch):
    # Dask imports importlib_metadata, whose finder lists sys.path's distributions like
    # PathFinder; a finder with distributions of its own makes the import path no proof.
    from newslint.plugins import _only_path_finders

    importlib_metadata = pytest.importorskip("importlib_metadata")

    class OwnDistributions:
        @staticmethod
        def find_distributions(context=None):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path) + [
        importlib_metadata.MetadataPathFinder])
    assert _only_path_finders()
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path) + [OwnDistributions])
    assert not _only_path_finders()
