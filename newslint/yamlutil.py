"""PyYAML helpers: the fastest safe loader available and readable error positions."""

from __future__ import annotations

import re

import yaml

#: libyaml's loader when PyYAML was built with it (about 20 times faster), else pure Python.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Line:
    def __init__(self, line: int):
        self.line = line  # 0-based, as PyYAML's marks


class ValueProblem(yaml.YAMLError):
    """A value YAML parsed but Python cannot build (the date 2020-02-30), or nesting too deep
    to build: reported like a syntax error, as the input's problem."""

    def __init__(self, problem: str, line=None):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = _Line(line - 1) if line else None


def safe_load(text: str):
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except (ValueError, OverflowError, TypeError) as exc:
        # PyYAML reads 2020-02-30 as a timestamp, and then Python refuses to build that date.
        line = impossible_date_line(text)
        if line is not None:
            raise ValueProblem(f"not a real date ({exc})", line) from None
        raise ValueProblem(f"a value that cannot be read ({exc})") from None
    except RecursionError:
        raise ValueProblem("nested too deeply") from None


_YAML_DATE = re.compile(r"^[^#]*?(?::|-)\s*['\"]?(\d{4})-(\d{1,2})-(\d{1,2})"
                        r"(?:[Tt ]+(\d{1,2}):(\d\d)(?::(\d\d))?)?")


def impossible_date_line(text: str):
    """The 1-based line of the first date (or date and time) that does not exist."""
    import datetime as _dt

    for i, line in enumerate(text.split("\n")):
        m = _YAML_DATE.match(line)
        if m is None:
            continue
        try:
            _dt.date(*map(int, m.groups()[:3]))
            if m.group(4) is not None:
                _dt.time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
        except ValueError:
            return i + 1
    return None


def yaml_problem(exc, line_offset: int = 0) -> tuple:
    """``(line, problem)`` of a PyYAML error: the 1-based line (or None) and what is wrong."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return line, problem
