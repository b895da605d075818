"""The command line refuses what it cannot do as asked: unknown rules, commands and settings
are exit 2 with a suggestion, never a silent run of nothing."""

from __future__ import annotations

import pytest

ARTICLE = "Officials said the bridge would reopen on Friday.\n"  # what the `article` fixture writes


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
def test_unknown_rule_in_a_flag_is_a_usage_error_with_a_suggestion(run_cli, article, flag):
    res = run_cli("check", article, flag, "weekdya-date-mismatch")
    assert res.code == 2
    assert flag in res.err and "did you mean weekday-date-mismatch" in res.err
    assert "No problems found" not in res.out


@pytest.mark.parametrize("key", ["select", "ignore", "extend_select"])
def test_unknown_rule_in_the_config_is_a_usage_error(run_cli, tmp_path, key):
    (tmp_path / ".newslint.yaml").write_text(f"languagetool: off\n{key}: [dupliate]\n",
                                             encoding="utf-8")
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    res = run_cli("check", tmp_path / "story.md")
    assert res.code == 2
    assert ".newslint.yaml" in res.err and key in res.err and "dupliate" in res.err
    assert "did you mean" in res.err


@pytest.mark.parametrize("entry", ["dates", "duplicate", "weekday", "ap", "house.email",
                                   "languagetool/EN_A_VS_AN"])
def test_real_ids_prefixes_and_categories_are_accepted(run_cli, article, entry):
    res = run_cli("check", article, "--ignore", entry)
    assert res.code == 0, res.err


@pytest.mark.parametrize("text", ["max_file_size: -5\n", "jobs: -1\n",
                                  "file_time_limit: -1\n",
                                  "rules:\n  duplicate-paragraph:\n    min_words: -3\n"])
def test_negative_numbers_are_refused(run_cli, tmp_path, text):
    (tmp_path / ".newslint.yaml").write_text("languagetool: off\n" + text, encoding="utf-8")
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    res = run_cli("check", tmp_path / "story.md")
    assert res.code == 2
    assert "expected 0 or more" in res.err or "must be 0" in res.err


def test_a_misspelt_command_is_not_a_missing_file(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run_cli("chek", "draft.md")
    assert res.code == 2
    assert "unknown command 'chek'" in res.err and "did you mean check" in res.err


def test_a_file_named_like_a_command_typo_is_still_checked(run_cli, tmp_path, no_languagetool,
                                                            monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chek").write_text(ARTICLE, encoding="utf-8")
    res = run_cli("check", "chek")
    assert "unknown command" not in res.err


def test_explain_suggests_ids_containing_the_word(run_cli):
    res = run_cli("explain", "weekday")
    assert res.code == 2
    assert "did you mean weekday-date-mismatch" in res.err


def test_stdin_without_a_name_is_plain_text(run_cli, no_languagetool, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run_cli("check", "-", "--format", "json", stdin=b"# Not a heading\n\nOn Friday.\n")
    assert res.code in (0, 1), res.err
    assert "stdin-filename" not in res.err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_read(run_cli, tmp_path, no_languagetool, encoding):
    path = tmp_path / "story.txt"
    data = ARTICLE.encode(encoding)
    if not encoding.endswith("-be"):
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    else:
        data = ("\ufeff" + ARTICLE).encode(encoding)
    path.write_bytes(data)
    res = run_cli("check", path, "--format", "json")
    assert res.code in (0, 1), res.err
    assert "binary" not in res.err and "UTF-8" not in res.err
    assert res.json["errors"] == []
    assert [f["excerpt"] for f in res.json["findings"]] == ["Friday"]


def test_an_empty_selection_warns(run_cli, tmp_path, no_languagetool):
    empty = tmp_path / "empty"
    empty.mkdir()
    res = run_cli("check", empty)
    assert res.code == 0
    assert "no articles found" in res.err
