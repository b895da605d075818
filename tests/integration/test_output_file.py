"""``--output``: atomic, never through a symlink, never over an input."""

from __future__ import annotations

import json

import pytest

ARTICLE = "Officials said the bridge would reopen on Friday.\n"  # what the `article` fixture writes


def test_output_that_is_an_input_is_refused_and_the_article_untouched(run_cli, article):
    res = run_cli("check", article, "--output", article)
    assert res.code == 2
    assert "one of the files being checked" in res.err
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_output_that_is_an_article_in_a_checked_folder_is_refused(run_cli, article, tmp_path):
    res = run_cli("check", tmp_path, "--output", article)
    assert res.code == 2
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_a_symlink_is_replaced_not_written_through(run_cli, article, tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(precious)
    res = run_cli("check", article, "--format", "json", "--output", link)
    assert res.code == 0, res.err
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert not link.is_symlink()
    assert "files" in json.loads(link.read_text(encoding="utf-8")) or link.stat().st_size > 0


def test_a_failed_report_leaves_the_previous_one_and_no_temp_file(run_cli, article, tmp_path,
                                                                   monkeypatch):
    report = tmp_path / "out" / "report.txt"
    report.parent.mkdir()
    report.write_text("previous report\n", encoding="utf-8")
    from newslint import cli

    def broken(*args, **kwargs):
        args[1].write("half a rep")
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_report", broken)
    res = run_cli("check", article, "--output", report)
    assert res.code == 130
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in report.parent.iterdir()) == ["report.txt"]


def test_the_report_is_written_in_full(run_cli, article, tmp_path):
    report = tmp_path / "report.txt"
    res = run_cli("check", article, "--output", report)
    assert res.code == 0
    assert report.read_text(encoding="utf-8").endswith("in 1 file.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".newslint.yaml", "report.txt",
                                                          "story.md"]
