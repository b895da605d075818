"""Building the plugin manager: built-ins and entry points, registered the same way."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

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
    "newslint.rules.apstyle",
    "newslint.rules.grammar",
    "newslint.rules.meta",
    "newslint.languagetool.plugin",
)


def build_plugin_manager(load_entry_points: bool = True, extra=()) -> pluggy.PluginManager:
    """A fresh plugin manager with built-ins, installed entry points and ``extra`` plugins."""
    pm = pluggy.PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entry_points:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if pm.has_plugin(ep.name) or pm.get_plugin(ep.value) is not None:
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken third-party plugin must not crash the run
                raise ConfigError(
                    f"plugin {ep.name!r} ({ep.value}) could not be loaded: "
                    f"{type(exc).__name__}: {exc}") from None
            pm.register(plugin, name=ep.name)
    for plugin in extra:
        pm.register(plugin)
    pm.check_pending()
    return pm


def plugin_name(pm: pluggy.PluginManager, plugin) -> str:
    return pm.get_name(plugin) or repr(plugin)
