"""Plugins: a third-party package with an entry point adds rules with no engine change;
a rule that raises becomes an internal-error finding and exit 3; every hook is documented."""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shared_paths import REPO

THIRDPARTY = REPO / "tests" / "data" / "thirdparty"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory):
    """The example plugin, built and installed (pip) into its own site directory."""
    site = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build")
    src = build / "plugin"
    subprocess.run(["cp", "-r", str(THIRDPARTY), str(src)], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-build-isolation", "--target", str(site), str(src)], check=True,
                   capture_output=True)
    assert list(site.glob("newslint_example_plugin-*.dist-info"))
    return site


def _run(site: Path, *args, cwd: Path, **env_extra):
    env = dict(os.environ, PYTHONPATH=str(site), NO_COLOR="1", **env_extra)
    return subprocess.run([sys.executable, "-m", "newslint", *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=120)


def test_third_party_rule_is_loaded_through_its_entry_point(plugin_site, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Shares of Example Corp rose.\n")
    res = _run(plugin_site, "check", article, "--format", "json", "--select", "example",
               cwd=tmp_path)
    report = json.loads(res.stdout)
    assert [(f["rule"], f["excerpt"], f["column"]) for f in report["findings"]] == [
        ("example.brand", "Example Corp", 11)]
    assert res.returncode == 1
    listing = _run(plugin_site, "rules", cwd=tmp_path)
    assert "example.brand" in listing.stdout and "example" in listing.stdout


def test_a_rule_that_raises_is_an_internal_error_and_others_still_run(plugin_site, tmp_path):
    bad = tmp_path / "a.md"
    bad.write_text("KABOOM. Example Corp and an e-mail.\n")
    good = tmp_path / "b.md"
    good.write_text("Example Corp again.\n")
    res = _run(plugin_site, "check", bad, good, "--format", "json",
               "--select", "example,house", cwd=tmp_path)
    assert res.returncode == 3, res.stderr
    report = json.loads(res.stdout)
    rules = sorted((Path(f["path"]).name, f["rule"]) for f in report["findings"])
    assert rules == [("a.md", "example.brand"), ("a.md", "house.email"),
                     ("a.md", "internal-error"), ("b.md", "example.brand")]
    [err] = [f for f in report["findings"] if f["rule"] == "internal-error"]
    assert "example.fragile raised ValueError: cannot handle KABOOM" in err["message"]
    assert "Traceback" not in res.stderr + res.stdout


def _backdate(*paths):
    """As if long ago: the entry-point cache is not written while a folder is still changing."""
    old = time.time() - 3600
    for path in paths:
        os.utime(path, (old, old))


def test_a_plugin_installed_or_removed_between_runs_is_seen(plugin_site, tmp_path):
    site, work, cache = tmp_path / "site", tmp_path / "work", tmp_path / "cache"
    site.mkdir()
    work.mkdir()
    _backdate(site, work)

    def listed() -> bool:
        res = _run(site, "rules", cwd=work, NEWSLINT_CACHE_DIR=str(cache))
        assert res.returncode == 0, res.stderr
        return "example.brand" in res.stdout

    assert not listed()
    assert list(cache.glob("entry-points-*.txt")), "the entry points were not cached"
    shutil.copytree(plugin_site, site, dirs_exist_ok=True)  # installed after the cache
    assert listed()
    [info] = site.glob("newslint_example_plugin-*.dist-info")
    _backdate(site, info / "entry_points.txt")
    assert listed()  # the cache now remembers the plugin
    assert "example" in "".join(p.read_text() for p in cache.glob("entry-points-*.txt"))
    shutil.rmtree(info)  # removed after the cache remembered it
    shutil.rmtree(site / "newslint_example_plugin")
    assert not listed()


def test_every_hook_is_documented_and_exercised():
    from newslint import hookspecs

    hooks = [name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
             if name.startswith("newslint_")]
    assert set(hooks) == {"newslint_register_rules", "newslint_register_formatters",
                          "newslint_register_parsers", "newslint_config_sections"}
    tests_text = "\n".join(p.read_text(encoding="utf-8")
                           for p in (REPO / "tests").rglob("*.py"))
    for name in hooks:
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert ":returns:" in doc and len(doc) > 120, name
        assert f"def {name}" in tests_text or f"hook.{name}" in tests_text, name


def test_hooks_collect_from_every_plugin():
    from newslint.plugins import build_plugin_manager

    pm = build_plugin_manager(load_entry_points=False)
    formatters = {}
    for mapping in pm.hook.newslint_register_formatters():
        formatters.update(mapping)
    assert {"text", "json"} <= set(formatters)
    parsers = {}
    for mapping in pm.hook.newslint_register_parsers():
        parsers.update(mapping)
    assert {".md", ".markdown", ".html", ".htm", ".txt"} <= set(parsers)
    sections = {}
    for mapping in pm.hook.newslint_config_sections():
        sections.update(mapping)
    assert "languagetool" in sections


def test_built_in_modules_register_the_same_hooks_as_with_plain_pluggy():
    import importlib

    import pluggy

    from newslint import hookspecs
    from newslint.plugins import BUILTIN_PLUGINS, build_plugin_manager

    ours = build_plugin_manager(load_entry_points=False)
    plain = pluggy.PluginManager("newslint")
    plain.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        module = importlib.import_module(name)
        plain.register(module, name=name)
        assert sorted(h.name for h in ours.get_hookcallers(module)) == sorted(
            h.name for h in plain.get_hookcallers(module)), name


def test_a_third_party_implementation_may_be_named_freely():
    import types

    from newslint import hookimpl
    from newslint.plugins import build_plugin_manager

    class ObjectPlugin:
        @hookimpl(specname="newslint_register_formatters")
        def formats(self):
            return {"from-object": object}

    module = types.ModuleType("newslint_thirdparty_module")

    @hookimpl(specname="newslint_register_formatters")
    def more_formats():
        return {"from-module": object}
    module.more_formats = more_formats

    pm = build_plugin_manager(load_entry_points=False, extra=[ObjectPlugin(), module])
    formats = {}
    for mapping in pm.hook.newslint_register_formatters():
        formats.update(mapping)
    assert {"from-object", "from-module", "text"} <= set(formats)
