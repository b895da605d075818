"""Finding the configuration file with the standard library only (not even pathlib), so that
the command line can tell which configuration applies, and whether to ask the warm server,
before loading YAML."""


import os
import sys

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")


def find_config_file(start: str):
    """The nearest ``.newslint.yaml`` or ``pyproject.toml`` with ``[tool.newslint]``, from
    ``start`` (a file or folder) upward, as a path string; None when there is none."""
    start = os.path.realpath(start)
    folder = start if os.path.isdir(start) else os.path.dirname(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def find_config(start):
    """:func:`find_config_file` as a :class:`~pathlib.Path`."""
    from pathlib import Path

    found = find_config_file(str(start))
    return Path(found) if found is not None else None


def toml_loads(text: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        # Most pyproject.toml files on the way up are not newslint's: skip parsing those.
        return "newslint" in text and "newslint" in toml_loads(text).get("tool", {})
    except Exception:
        return False
