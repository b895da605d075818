"""``--format github``: workflow commands GitHub turns into pull-request annotations."""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

from newslint.finding import FileError, Finding
from newslint.formatters.base import Summary
from newslint.formatters.github import GithubFormatter, escape_data, escape_property

NO_LT = ("--ignore", "languagetool", "--no-cache")

COMMAND = re.compile(r"^::(?P<command>\w+) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape(text: str) -> str:
    # GitHub's runner decodes exactly these percent escapes; unquote does the same for them.
    return unquote(text)


def _parse(line: str) -> tuple[str, dict, str]:
    match = COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    props = {}
    for pair in match["props"].split(","):
        key, _, value = pair.partition("=")
        props[key] = _unescape(value)
    return match["command"], props, _unescape(match["message"])


def _finding(path: str, message: str, **kw) -> Finding:
    values = dict(rule="house.email", category="style", severity="warning", message=message,
                  path=path, line=3, column=5, end_line=3, end_column=11, offset=40, length=6,
                  excerpt="e-mail")
    values.update(kw)
    return Finding(**values)


def _render(root, findings, errors=()) -> list[str]:
    out = io.StringIO()
    fmt = GithubFormatter(out, root=str(root))
    fmt.start()
    fmt.file(findings[0].path if findings else errors[0].path, findings, list(errors))
    fmt.finish(Summary(files=1, findings=len(findings)))
    return out.getvalue().splitlines()


def test_escaping_follows_githubs_rules():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    # % first: an escape sequence already in the text must not be decoded later.
    assert escape_data("%0A") == "%250A"


def test_messages_and_paths_with_special_characters_round_trip(tmp_path):
    path = tmp_path / "desk: 100%, final" / "story,v2.md"
    message = "Line one: 50% of readers,\nline two\r\nline three %0A"
    lines = _render(tmp_path, [_finding(str(path), message)])
    command, props, text = _parse(lines[0])
    assert command == "warning"
    assert props["file"] == "desk: 100%, final/story,v2.md"
    assert text == message
    # Nothing unescaped that would end a property or the command early.
    props_part = lines[0].split("::")[1]
    assert props_part.count(",") == len(props) - 1
    assert "\n" not in lines[0] and "\r" not in lines[0]
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == \
        ("3", "5", "3", "11")
    assert props["title"] == "house.email"


def test_severities_map_to_commands_and_quiet_drops_info(tmp_path):
    findings = [_finding("a.md", "m", severity=s) for s in ("error", "warning", "info")]
    lines = _render(tmp_path, findings)
    assert [_parse(line)[0] for line in lines[:3]] == ["error", "warning", "notice"]
    assert lines[3] == "newslint: 3 problems in 1 file"

    out = io.StringIO()
    fmt = GithubFormatter(out, quiet=True, root=str(tmp_path))
    fmt.start()
    fmt.file("a.md", findings, [])
    fmt.finish(Summary(files=1, findings=3))
    assert [_parse(line)[0] for line in out.getvalue().splitlines()] == ["error", "warning"]


def test_file_errors_are_error_annotations(tmp_path):
    lines = _render(tmp_path, [], [FileError("bad.md", "bad.md: not valid UTF-8, line 2")])
    command, props, text = _parse(lines[0])
    assert command == "error" and props["file"] == "bad.md"
    assert text == "bad.md: not valid UTF-8, line 2"


def test_cli_annotates_the_article(run_cli, tmp_path):
    (tmp_path / "notes, draft.md").write_text(
        "---\ndate: 2020-08-07\n---\n\nStaff sent an e-mail yesterday.\n", encoding="utf-8")
    res = run_cli("check", "notes, draft.md", "--format", "github", *NO_LT, cwd=tmp_path)
    assert res.code == 1, res
    annotations = [_parse(line) for line in res.out.splitlines() if line.startswith("::")]
    by_rule = {props["title"]: (command, props, text) for command, props, text in annotations}
    command, props, text = by_rule["house.email"]
    assert command == "warning"
    assert props["file"] == "notes, draft.md"
    assert (props["line"], props["col"], props["endColumn"]) == ("5", "15", "21")
    assert by_rule["relative-day-word"][0] == "notice"
