"""Loading and validating a YAML pack; every error names the file, the line and the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newslint.errors import PackError
from newslint.yamlutil import SAFE_LOADER, safe_load, yaml_problem
from newslint.finding import CATEGORIES, SEVERITIES

PACK_KEYS = {"pack", "description", "default_enabled", "rules"}


def _node_line(node, keys) -> int | None:
    """1-based line of the value at ``keys`` in a composed YAML node tree (best effort)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        for k, v in node.value:
            if k.value == key:
                line = k.start_mark.line + 1
                node = v
                break
        else:
            break
    return line


class PackSource:
    """A pack file's text, data and node tree, for errors that point at lines."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PackError(f"{path}: cannot read pack: {exc}") from None
        try:
            self.data = safe_load(self.text)
        except yaml.YAMLError as exc:
            line, problem = yaml_problem(exc)
            where = f":{line}" if line else ""
            raise PackError(f"{path}{where}: invalid YAML: {problem}") from None

    def error(self, keys, message: str) -> PackError:
        # The node tree (with line numbers) is only needed to point at an error.
        line = _node_line(yaml.compose(self.text, Loader=SAFE_LOADER), keys)
        where = f":{line}" if line else ""
        key = ".".join(str(k) for k in keys)
        return PackError(f"{self.path}{where}: {key}: {message}" if key else
                         f"{self.path}{where}: {message}")


def load_pack(path, known_patterns=None) -> list:
    """Load one pack file and return its rules (validated). ``known_patterns``
    (:class:`~newslint.packs.known.KnownPatterns`) spares compiling patterns that compiled
    before."""
    from newslint.packs.types import RULE_TYPES

    src = PackSource(Path(path))
    data = src.data
    if not isinstance(data, dict):
        raise src.error((), "a pack is a mapping with 'pack' and 'rules'")
    for key in data:
        if key not in PACK_KEYS:
            raise src.error((key,), f"unknown key (allowed: {', '.join(sorted(PACK_KEYS))})")
    name = data.get("pack")
    if not isinstance(name, str) or not name.replace("-", "").replace("_", "").isalnum():
        raise src.error(("pack",), "required: a short name of letters, digits, '-' or '_'")
    default_enabled = data.get("default_enabled", True)
    if not isinstance(default_enabled, bool):
        raise src.error(("default_enabled",), "must be true or false")
    rules = data.get("rules")
    if not isinstance(rules, dict) or not rules:
        raise src.error(("rules",), "required: a mapping of rule name to rule")
    out = []
    for rule_name, spec in rules.items():
        keys = ("rules", rule_name)
        if not isinstance(spec, dict):
            raise src.error(keys, "a rule is a mapping with at least 'type' and 'message'")
        rtype = spec.get("type")
        if rtype not in RULE_TYPES:
            raise src.error(keys + ("type",),
                            f"must be one of {', '.join(sorted(RULE_TYPES))}, got {rtype!r}")
        cls = RULE_TYPES[rtype]
        allowed = cls.COMMON_KEYS | cls.KEYS
        for key in spec:
            if key not in allowed:
                raise src.error(keys + (key,),
                                f"unknown key for a {rtype} rule (allowed: "
                                f"{', '.join(sorted(allowed))})")
        _check_common(src, keys, spec)
        try:
            rule = cls(f"{name}.{rule_name}", spec, pack=name, default_enabled=default_enabled,
                       pack_path=str(src.path), known_patterns=known_patterns)
        except PackError as exc:
            raise src.error(keys + (exc.args[0].split(":", 1)[0],),
                            exc.args[0].split(":", 1)[-1].strip()) from None
        out.append(rule)
    return out


def _check_common(src: PackSource, keys, spec: dict[str, Any]) -> None:
    if not isinstance(spec.get("message"), str) or not spec["message"].strip():
        raise src.error(keys + ("message",), "required: the message shown for each match")
    if spec.get("category", "style") not in CATEGORIES:
        raise src.error(keys + ("category",), f"must be one of {', '.join(CATEGORIES)}")
    if spec.get("severity", "warning") not in SEVERITIES:
        raise src.error(keys + ("severity",), f"must be one of {', '.join(SEVERITIES)}")
    for flag in ("ignore_case", "word_boundary", "skip_quotes", "skip_names", "regex"):
        if flag in spec and not isinstance(spec[flag], bool):
            raise src.error(keys + (flag,), "must be true or false")
    if "doc" in spec and not isinstance(spec["doc"], str):
        raise src.error(keys + ("doc",), "must be text")
