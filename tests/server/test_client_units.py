"""The client's stdlib-only readings: check's arguments and the `server:` setting."""

from __future__ import annotations

import pytest

from newslint.server.client import _scan
from newslint.server.settings import _yaml_modes, configured_modes, server_mode


def test_scan_finds_paths_config_and_stdin_without_argparse():
    found = _scan(["a.md", "--config", "c.yaml", "--format=json", "-j", "2", "-",
                   "--stdin-filename", "x.md", "--ignore", "languagetool", "b.md"])
    assert found["paths"] == ["a.md", "-", "b.md"]
    assert (found["config"], found["stdin_filename"], found["ignore"]) == \
        ("c.yaml", "x.md", "languagetool")
    assert _scan(["--", "-odd-name.md"])["paths"] == ["-odd-name.md"]


@pytest.mark.parametrize("argv", [["a.md", "--no-server"], ["--no-serv", "a.md"], ["-h"],
                                  ["a.md", "--help"]])
def test_scan_leaves_help_and_no_server_to_the_local_command_line(argv):
    assert _scan(argv) is None


@pytest.mark.parametrize("text, expected", [
    ("server: off\n", {"server": "off"}),
    ("server: false\nlanguagetool: off\n", {"server": "off", "languagetool": "off"}),
    ("server:\n  idle_timeout: 60\n  mode: required  # always\n", {"server": "required"}),
    ("server: {mode: 'off', idle_timeout: 5}\n", {"server": "off"}),
    ("languagetool:\n  url: http://x/\nrules:\n  mode: x\n", {"languagetool": "auto"}),
    ("# server: off\nselect: [a]\n", {}),
])
def test_yaml_modes(text, expected):
    assert _yaml_modes(text) == expected


def test_pyproject_modes(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.newslint]\nserver = "required"\n[tool.newslint.languagetool]\n'
                    'mode = "off"\n')
    assert configured_modes(str(path)) == {"server": "required", "languagetool": "off"}
    assert configured_modes(None) == {"server": "auto", "languagetool": "auto"}


def test_environment_wins_over_the_configuration(monkeypatch):
    monkeypatch.setenv("NEWSLINT_SERVER", "off")
    assert server_mode("required") == "off"
    monkeypatch.delenv("NEWSLINT_SERVER")
    assert server_mode("required") == "required"
    assert server_mode("nonsense") == "auto"


def test_a_bad_server_mode_is_a_config_error(run_cli, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("languagetool: off\nserver: sometimes\n")
    (tmp_path / "a.md").write_text("Hello.\n")
    res = run_cli("check", "a.md", cwd=tmp_path)
    assert res.code == 2 and "server.mode: expected one of auto, off, required" in res.err
