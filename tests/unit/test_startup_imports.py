"""Start-up stays light: what a plain text-format run does not need is not imported."""

from __future__ import annotations

import subprocess
import sys


def _imported_after(code: str, modules: list[str]) -> dict:
    probe = (f"import sys\n{code}\n"
             f"print(' '.join(str(m in sys.modules) for m in {modules!r}))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    return dict(zip(modules, (word == "True" for word in out)))


def test_registering_formatters_and_planning_no_baseline_import_no_json_or_hashlib():
    code = """
import argparse
from newslint.config import Config
from newslint.filters.baseline import BaselinePlan
from newslint.formatters.builtin import newslint_register_formatters
formats = newslint_register_formatters()
BaselinePlan.from_options(argparse.Namespace(), Config())
"""
    assert _imported_after(code, ["json", "hashlib", "newslint.filters.gitdiff"]) == {
        "json": False, "hashlib": False, "newslint.filters.gitdiff": False}


def test_the_json_formatter_still_writes_json():
    code = """
import io
from newslint.formatters.base import Summary
from newslint.formatters.jsonfmt import JsonFormatter
out = io.StringIO()
fmt = JsonFormatter(out)
fmt.start()
fmt.finish(Summary())
assert out.getvalue().startswith('{') and out.getvalue().endswith('}\\n'), out.getvalue()
"""
    assert _imported_after(code, ["json"]) == {"json": True}


def test_import_newslint_loads_no_plugin_machinery_until_hookimpl_is_used():
    assert _imported_after("import newslint", ["pluggy"]) == {"pluggy": False}
    assert _imported_after("from newslint import hookimpl", ["pluggy"]) == {"pluggy": True}
