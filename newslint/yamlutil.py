"""PyYAML helpers: the fastest safe loader available and readable error positions."""

from __future__ import annotations

import yaml

#: libyaml's loader when PyYAML was built with it (about 20 times faster), else pure Python.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    return yaml.load(text, Loader=SAFE_LOADER)


def yaml_problem(exc, line_offset: int = 0) -> tuple:
    """``(line, problem)`` of a PyYAML error: the 1-based line (or None) and what is wrong."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return line, problem
