"""Control characters from file names and articles never reach a report raw."""

from __future__ import annotations

import json

import pytest

from newslint.escaping import visible

ARTICLE = "Officials said the bridge would reopen on Friday.\n"
HOSTILE = "x\n::error file=a.md,line=1::forged\x1b]0;pwned\x07 .md"


@pytest.fixture
def hostile(tmp_path, no_languagetool):
    path = tmp_path / HOSTILE
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _assert_no_raw_controls(text: str, allowed: str = "\n"):
    assert not any((ord(c) < 32 or 0x7f <= ord(c) <= 0x9f) and c not in allowed for c in text)


def test_text_output_escapes_a_file_name(run_cli, hostile):
    res = run_cli("check", hostile)
    assert res.code == 0, res.err
    assert "relative-date-unanchored" in res.out
    assert not any(line.startswith("::") for line in res.out.splitlines())
    assert "\\n::error" in res.out and "\\x1b]0;pwned\\x07" in res.out
    _assert_no_raw_controls(res.out)


def test_github_output_escapes_a_file_name(run_cli, hostile):
    res = run_cli("check", hostile, "--format", "github")
    lines = res.out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 1 and commands[0].startswith("::notice ")
    assert "forged" in lines[0] and "\x1b" not in res.out and "\x07" not in res.out


@pytest.mark.parametrize("fmt", ["gitlab", "sarif"])
def test_json_ci_formats_escape_paths_and_messages(run_cli, tmp_path, no_languagetool, fmt):
    path = tmp_path / "bell\x07.md"
    path.write_text(ARTICLE, encoding="utf-8")
    res = run_cli("check", path, "--format", fmt)
    report = json.loads(res.out)
    raw = json.dumps(report, ensure_ascii=False)
    if fmt == "gitlab":
        assert report and report[0]["location"]["path"].endswith("bell\\x07.md")
    assert "\x07" not in raw


def test_visible_escapes_terminal_sequences_and_bidi_overrides():
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("\u202eevil") == "\\u202eevil"
    assert visible("tab\there\r\n") == "tab\\there\\r\\n"
    assert visible("plain “quoted” text") == "plain “quoted” text"
    assert visible("a\nb", keep="\n") == "a\nb"
