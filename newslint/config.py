"""Configuration: found, parsed and validated strictly.

newslint reads ``.newslint.yaml`` (or ``.newslint.yml``), or the ``[tool.newslint]`` table of a
``pyproject.toml``, from the directory of the first checked path upward; ``--config FILE`` names
one explicitly. Unknown keys and wrong types are errors that name the file and the key.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import yaml

from newslint.cachedir import default_cache_dir
from newslint.configpaths import CONFIG_NAMES, find_config, toml_loads as _toml_loads  # noqa: F401
from newslint.errors import ConfigError
from newslint.yamlutil import safe_load, yaml_problem
from newslint.finding import SEVERITIES

#: Top-level keys and their defaults. Plugins add sections through ``newslint_config_sections``.
TOP_LEVEL = {
    "select": [],
    "extend_select": [],
    "ignore": [],
    "exclude": [],
    "packs": [],
    "fail_on": "warning",
    "date": None,
    "jobs": 0,
    "max_file_size": 5_000_000,
    "file_time_limit": 120.0,
    "cache_dir": "",
    "baseline": "",
    "rules": {},
}

#: Keys every rule accepts next to its own options.
RULE_KEYS = {"enabled", "severity"}


def _type_name(value) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "text",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def check_type(value, default, where: str) -> Any:
    """Validate ``value`` against the type of ``default``; return it (ints accepted as floats)."""
    if default is None or value is None and default is None:
        return value
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, (list, tuple)):
        ok = isinstance(value, list)
        if ok and default and isinstance(default[0], str):
            ok = all(isinstance(v, str) for v in value)
    else:
        ok = isinstance(value, type(default))
    if not ok:
        raise ConfigError(f"{where}: expected {_type_name(default)}, got {value!r}")
    if isinstance(default, (int, float)) and not isinstance(default, bool) \
            and not 0 <= value < float("inf"):
        # Every number newslint reads is a size, a count, a duration or a ratio: a negative
        # one (`max_file_size: -5`) is a mistake, not a way to switch something off.
        raise ConfigError(f"{where}: expected 0 or more, got {value!r}")
    return value


@dataclass
class Config:
    path: Optional[Path] = None
    values: dict = field(default_factory=lambda: {k: (v.copy() if isinstance(v, (list, dict))
                                                      else v) for k, v in TOP_LEVEL.items()})
    #: Validated plugin sections, filled by :meth:`apply_sections`.
    sections: dict = field(default_factory=dict)
    raw_sections: dict = field(default_factory=dict)
    #: Set by ``--no-cache``.
    use_cache: bool = True
    #: ``warn(message)`` for problems that do not stop the run (a damaged cache file).
    warn: Optional[Callable[[str], None]] = field(default=None, repr=False, compare=False)

    # -- convenient views ---------------------------------------------------------------
    def __getattr__(self, name):
        values = self.__dict__.get("values")
        if values is not None and name in values:
            return values[name]
        raise AttributeError(name)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    @property
    def pack_paths(self) -> list[Path]:
        return [(self.root / p) if not Path(p).is_absolute() else Path(p)
                for p in self.values["packs"]]

    @property
    def cache_dir(self) -> Path:
        if self.values.get("cache_dir"):
            return (self.root / self.values["cache_dir"]).expanduser()
        return default_cache_dir()

    @property
    def cache_dir_or_none(self) -> Optional[Path]:
        """:attr:`cache_dir`, or None when it cannot be told (no home directory): caches that
        only save time are then done without."""
        try:
            return self.cache_dir
        except RuntimeError:  # Path.home() with neither $HOME nor a password-file entry
            return None

    def section(self, name: str) -> dict:
        return self.sections[name]

    @property
    def where(self) -> str:
        return str(self.path) if self.path else "configuration"

    # -- plugin sections and rules --------------------------------------------------------
    def apply_sections(self, declared: dict) -> None:
        """Validate plugin sections against the defaults plugins declared."""
        for name, value in self.raw_sections.items():
            if name not in declared:
                allowed = sorted(set(TOP_LEVEL) | set(declared))
                raise ConfigError(f"{self.where}: unknown key {name!r} "
                                  f"(allowed: {', '.join(allowed)})")
        for name, defaults in declared.items():
            value = self.raw_sections.get(name, {})
            if isinstance(value, str) and "mode" in defaults:
                value = {"mode": value}
            if value is False and "mode" in defaults:  # YAML reads a bare `off` as false
                value = {"mode": "off"}
            if not isinstance(value, dict):
                raise ConfigError(f"{self.where}: {name}: expected a mapping, got {value!r}")
            merged = dict(defaults)
            for key, v in value.items():
                if key not in defaults:
                    raise ConfigError(f"{self.where}: {name}.{key}: unknown key (allowed: "
                                      f"{', '.join(sorted(defaults))})")
                merged[key] = check_type(v, defaults[key], f"{self.where}: {name}.{key}")
            self.sections[name] = merged

    def validate_rules(self, rules: dict) -> None:
        """Check the ``rules:`` table against the rules that exist and their options."""
        for rule_id, entry in self.values["rules"].items():
            rule = rules.get(rule_id)
            where = f"{self.where}: rules.{rule_id}"
            if rule is None:
                parent = rule_id.split("/", 1)[0]
                if "/" in rule_id and parent in rules and rules[parent].dynamic_ids:
                    rule = None  # e.g. languagetool/EN_A_VS_AN: enabled/severity only
                else:
                    raise ConfigError(f"{where}: no such rule (see `newslint rules`)")
            if isinstance(entry, bool):
                entry = {"enabled": entry}
                self.values["rules"][rule_id] = entry
            if not isinstance(entry, dict):
                raise ConfigError(f"{where}: expected a mapping of options, got {entry!r}")
            allowed = RULE_KEYS | set(rule.default_options if rule else ())
            for key, value in entry.items():
                if key not in allowed:
                    raise ConfigError(f"{where}.{key}: unknown option (allowed: "
                                      f"{', '.join(sorted(allowed))})")
                if key == "enabled":
                    check_type(value, True, f"{where}.{key}")
                elif key == "severity":
                    if value not in SEVERITIES:
                        raise ConfigError(f"{where}.{key}: must be one of "
                                          f"{', '.join(SEVERITIES)}, got {value!r}")
                else:
                    entry[key] = check_type(value, rule.default_options[key], f"{where}.{key}")

    def rule_options(self, rule) -> dict:
        opts = dict(rule.default_options)
        entry = self.values["rules"].get(rule.id, {})
        for key, value in entry.items():
            if key in RULE_KEYS:
                continue
            if key.endswith("_file") and isinstance(value, str) and value:
                # File options are relative to the config file, like `packs`.
                value = str((self.root / value).expanduser())
            opts[key] = value
        return opts

    def rule_setting(self, rule_id: str, key: str):
        entry = self.values["rules"].get(rule_id)
        return entry.get(key) if isinstance(entry, dict) else None

    def to_dict(self) -> dict:
        out = {k: v for k, v in self.values.items()}
        if isinstance(out.get("date"), _dt.date):
            out["date"] = out["date"].isoformat()
        out["cache_dir"] = str(self.cache_dir)
        out.update(self.sections)
        return out


def load_config(path: Optional[Path]) -> Config:
    """Read and validate the top level of a config file (``None``: defaults)."""
    config = Config(path=path)
    if path is None:
        return config
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{where}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: cannot read config: {exc}") from None
    if path.name == "pyproject.toml":
        try:
            data = _toml_loads(text).get("tool", {}).get("newslint", {})
        except Exception as exc:
            raise ConfigError(f"{where}: invalid TOML: {exc}") from None
    else:
        try:
            data = safe_load(text)
        except yaml.YAMLError as exc:
            line, problem = yaml_problem(exc)
            at = f":{line}" if line else ""
            raise ConfigError(f"{where}{at}: invalid YAML: {problem}") from None
        if data is None:
            data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of settings at the top level")
    for key, value in data.items():
        key = str(key).replace("-", "_")
        if key not in TOP_LEVEL:
            config.raw_sections[key] = value
            continue
        if key == "date":
            config.values["date"] = parse_date_option(value, f"{where}: date")
            continue
        value = check_type(value, TOP_LEVEL[key], f"{where}: {key}")
        if key == "fail_on" and value not in SEVERITIES:
            raise ConfigError(f"{where}: fail_on: must be one of {', '.join(SEVERITIES)}, "
                              f"got {value!r}")
        if key == "file_time_limit" and not 0 <= value < float("inf"):
            raise ConfigError(f"{where}: file_time_limit: must be 0 (no limit) or a number of "
                              f"seconds, got {value!r}")
        if key == "rules":
            for rid, entry in value.items():
                if not isinstance(entry, (dict, bool)):
                    raise ConfigError(f"{where}: rules.{rid}: expected a mapping of options")
        config.values[key] = value
    return config


def parse_date_option(value, where: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: expected a date as YYYY-MM-DD, got {value!r}") from None
