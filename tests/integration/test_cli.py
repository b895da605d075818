"""The command line end to end: positions, JSON schema, exit codes, bad input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from shared_paths import SCHEMA, SEED, WIKINEWS

NO_LT = ("--ignore", "languagetool")

ARTICLE = """---
title: "Council *votes*"
date: 2020-08-07
byline: A. Reporter
---

# Council votes on the new web site

The council's **web site** was offline, the [mayor](https://example.org "Mayor") said.
She sent an e-mail to staff &amp; residents on Friday.

> The e-mail said the web site would return.

- A list item about the web site.
"""


def _check_positions(findings, texts):
    assert findings, "expected findings to check positions on"
    for f in findings:
        text = texts[f["path"]]
        assert text[f["offset"]:f["offset"] + f["length"]] == f["excerpt"], f
        lines = text.split("\n")
        # line/column agree with the offset (columns count code points, 1-based)
        before = text[:f["offset"]]
        assert f["line"] == before.count("\n") + 1, f
        assert f["column"] == len(before) - (before.rfind("\n") + 1) + 1, f
        end = text[:f["offset"] + f["length"]]
        assert f["end_line"] == end.count("\n") + 1, f
        assert f["end_column"] == len(end) - (end.rfind("\n") + 1) + 1, f
        assert f["line"] <= len(lines)


def _validate(report):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)


def test_seed_as_text_positions_and_schema(run_cli, tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    res = run_cli("check", path, "--format", "json", *NO_LT)
    report = res.json
    _validate(report)
    assert res.code in (0, 1)
    if report["findings"]:
        _check_positions(report["findings"], {str(path): seed_text})


@pytest.mark.parametrize("variant", ["plain", "crlf", "bom", "bom+crlf"])
def test_markdown_positions_with_crlf_and_bom(run_cli, tmp_path, variant):
    text = ARTICLE.replace("\n", "\r\n") if "crlf" in variant else ARTICLE
    raw = text.encode("utf-8")
    if "bom" in variant:
        raw = b"\xef\xbb\xbf" + raw
    path = tmp_path / "article.md"
    path.write_bytes(raw)
    res = run_cli("check", path, "--format", "json", *NO_LT)
    report = res.json
    _validate(report)
    assert res.code == 1
    house = [f for f in report["findings"] if f["rule"].startswith("house.")]
    assert {f["excerpt"] for f in house} == {"web site", "e-mail"}
    # Heading, paragraph (twice) and list item; the block quotation is someone else's words.
    assert len(house) == 4
    quote_line = ARTICLE[:ARTICLE.index("> The e-mail")].count("\n") + 1
    assert quote_line not in {f["line"] for f in house}
    _check_positions(report["findings"], {str(path): text})
    assert path.read_bytes() == raw  # never modified


def test_exit_codes(run_cli, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("# Title\n\nThe council met on Friday and approved the budget.\n")
    assert run_cli("check", clean, *NO_LT, "--date", "2020-08-07").code == 0
    dirty = tmp_path / "dirty.md"
    dirty.write_text("The council's web site was offline.\n")
    res = run_cli("check", dirty, *NO_LT)
    assert res.code == 1
    assert f"{dirty}:1:15: warning house.website" in res.out
    assert run_cli("check", dirty, *NO_LT, "--fail-on", "error").code == 0
    missing = run_cli("check", tmp_path / "nope.md", clean, *NO_LT)
    assert missing.code == 2
    assert f"{tmp_path / 'nope.md'}: error no such file or directory" in missing.out


def test_bad_config_exits_2_naming_file_and_key(run_cli, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("rules:\n  house.email:\n    severty: error\n")
    article = tmp_path / "a.md"
    article.write_text("Text.\n")
    res = run_cli("check", article)
    assert res.code == 2
    assert ".newslint.yaml" in res.err and "rules.house.email.severty" in res.err
    assert "Traceback" not in res.err


def test_config_file_changes_rules(run_cli, tmp_path):
    (tmp_path / ".newslint.yaml").write_text(
        "languagetool: off\nrules:\n  house.website:\n    severity: error\n"
        "ignore: [house.email]\n")
    article = tmp_path / "a.md"
    article.write_text("A web site and an e-mail.\n")
    res = run_cli("check", article, "--format", "json")
    rules = [(f["rule"], f["severity"]) for f in res.json["findings"]]
    assert rules == [("house.website", "error")]
    shown = run_cli("config", tmp_path)
    assert "house.website" in shown.out and "mode: 'off'" in shown.out


@pytest.mark.parametrize("name, data, message", [
    ("latin1.md", "Caf\xe9 society.\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9 on line 1)"),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("broken.md", b"---\ntitle: [oops\n---\nText\n", "broken front matter"),
])
def test_bad_input_is_one_clear_line_and_others_still_run(run_cli, tmp_path, name, data, message):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "z-good.md"
    good.write_text("The web site is down.\n")
    res = run_cli("check", bad, good, *NO_LT, "--format", "json")
    assert res.code == 2
    report = res.json
    _validate(report)
    [err] = report["errors"]
    assert err["path"] == str(bad) and message in err["message"]
    assert [f["rule"] for f in report["findings"]] == ["house.website"]
    assert bad.read_bytes() == data
    text = run_cli("check", bad, good, *NO_LT)
    assert f"{bad}: error" in text.out and "Traceback" not in text.out + text.err


def test_empty_file_is_clean(run_cli, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    res = run_cli("check", empty, *NO_LT)
    assert res.code == 0 and "No problems found in 1 file." in res.out


def test_huge_file_is_refused_clearly(run_cli, tmp_path):
    huge = tmp_path / "huge.txt"
    para = ("The council met on a Friday to discuss the budget for the year. " * 20 + "\n\n")
    with open(huge, "w", encoding="utf-8") as fh:
        while fh.tell() < 20_000_000:
            fh.write(para)
    digest = hashlib.sha256(huge.read_bytes()).hexdigest()
    small = tmp_path / "small.md"
    small.write_text("An e-mail.\n")
    res = run_cli("check", huge, small, *NO_LT)
    assert res.code == 2
    assert "larger than the 5 MB limit" in res.out
    assert "small.md:1:4: warning house.email" in res.out
    assert hashlib.sha256(huge.read_bytes()).hexdigest() == digest


def test_stdin_with_filename(run_cli):
    res = run_cli("check", "-", "--stdin-filename", "draft.md", "--format", "json", *NO_LT,
                  stdin="Visit our web site.\n".encode())
    [finding] = res.json["findings"]
    assert finding["path"] == "draft.md" and finding["excerpt"] == "web site"
    # Without --stdin-filename, '-' is plain text (documented default).
    plain = run_cli("check", "-", "--format", "json", *NO_LT, stdin=b"Visit our web site.\n")
    assert plain.code == 1 and plain.json["findings"][0]["path"] == "stdin.txt"


def test_inline_suppressions(run_cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(
        "An e-mail here.\n\n"
        "<!-- newslint-disable-next-line house.email -->\n"
        "Another e-mail.\n\n"
        "<!-- newslint-disable house -->\n"
        "A web site and an e-mail.\n\n"
        "<!-- newslint-enable -->\n"
        "<!-- newslint-disable-next-line duplicate-paragraph -->\n"
        "Final web site.\n")
    res = run_cli("check", article, *NO_LT, "--format", "json")
    found = [(f["rule"], f["line"]) for f in res.json["findings"]]
    assert ("house.email", 1) in found
    assert ("house.website", 11) in found
    assert not any(line in (4, 7) for _, line in found)
    unused = [f for f in res.json["findings"] if f["rule"] == "unused-suppression"]
    if any(r.startswith("duplicate-paragraph") for r in _rule_ids(run_cli)):
        assert [f["line"] for f in unused] == [10]


def test_plain_text_suppression(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("<!-- newslint-disable-next-line house.email -->\nAn e-mail here.\n")
    res = run_cli("check", article, *NO_LT, "--format", "json")
    assert res.json["findings"] == []


def _rule_ids(run_cli):
    return [r["id"] for r in run_cli("rules", "--format", "json").json]


def test_output_file_and_directory_walk(run_cli, tmp_path):
    docs = tmp_path / "articles"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.md").write_text("An e-mail.\n")
    (docs / "sub" / "b.html").write_text("<p>A web site.</p>\n")
    (docs / "sub" / "c.py").write_text("x = 'e-mail'\n")
    (docs / "drafts").mkdir()
    (docs / "drafts" / "d.md").write_text("An e-mail.\n")
    (tmp_path / ".newslint.yaml").write_text("exclude: ['drafts/*']\nlanguagetool: off\n")
    out = tmp_path / "report.json"
    res = run_cli("check", docs, "--format", "json", "--output", out, "--jobs", "2")
    assert res.code == 1 and res.out == ""
    report = json.loads(out.read_text())
    assert report["files"] == [str(docs / "a.md"), str(docs / "sub" / "b.html")]


def test_jobs_output_is_deterministic(run_cli):
    files = sorted(WIKINEWS.glob("*.md"))[:40]
    one = run_cli("check", *files, *NO_LT, "--format", "json", "--jobs", "1").json
    two = run_cli("check", *files, *NO_LT, "--format", "json", "--jobs", "2").json
    assert one == two


def test_rules_explain_version(run_cli):
    listing = run_cli("rules")
    assert "house.email" in listing.out
    explained = run_cli("explain", "house.email")
    assert explained.code == 0 and "## Why it matters" in explained.out
    unknown = run_cli("explain", "house.emial")
    assert unknown.code == 2 and "did you mean house.email" in unknown.err
    version = run_cli("--version")
    assert version.code == 0 and version.out.startswith("newslint ")


def test_every_rule_is_documented_in_ruff_shape(run_cli):
    for rule in run_cli("rules", "--format", "json").json:
        text = run_cli("explain", rule["id"]).out
        for section in ("## What it flags", "## Why it matters", "## Example", "## Instead"):
            assert section in text, (rule["id"], section)


def test_color_only_when_asked(run_cli, tmp_path, monkeypatch):
    article = tmp_path / "a.md"
    article.write_text("An e-mail.\n")
    assert "\033[" not in run_cli("check", article, *NO_LT).out
    assert "\033[" in run_cli("check", article, *NO_LT, "--color", "always").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in run_cli("check", article, *NO_LT, "--color", "auto").out


def test_seed_is_shared_input():
    assert SEED.exists(), "the seed article must be beside the repository (../shared/seed)"
    assert Path(WIKINEWS).is_dir()


@pytest.mark.parametrize("columns", ["", "50", "120", "junk"])
def test_help_is_laid_out_exactly_as_argparse_lays_it_out(monkeypatch, columns):
    import argparse
    import shutil

    from newslint import cli

    monkeypatch.setenv("COLUMNS", columns)
    ours = cli.build_parser()
    monkeypatch.setattr(cli, "_HelpFormatter", argparse.HelpFormatter)
    plain = cli.build_parser()
    assert ours.formatter_class is not plain.formatter_class
    assert ours.format_help() == plain.format_help()
    check = [a for a in ours._actions if isinstance(a, argparse._SubParsersAction)][0]
    plain_check = [a for a in plain._actions if isinstance(a, argparse._SubParsersAction)][0]
    assert check.choices["check"].format_help() == plain_check.choices["check"].format_help()
    assert cli._terminal_columns() == shutil.get_terminal_size().columns
