"""Bad input is exit 2 with one line naming the file, never an internal error (exit 3)."""

from __future__ import annotations

import pytest


@pytest.fixture
def check(run_cli, no_languagetool):
    def run(path):
        res = run_cli("check", path, "--config", no_languagetool, "--format", "json")
        return res, res.json
    return run


@pytest.mark.parametrize("date,problem", [("2020-02-30", "day is out of range for month"),
                                          ("2020-13-01", "month must be in 1..12")])
def test_an_impossible_front_matter_date_is_an_input_error(check, tmp_path, date, problem):
    article = tmp_path / "story.md"
    article.write_text(f"---\ntitle: A story\ndate: {date}\n---\nThe council met.\n",
                       encoding="utf-8")
    res, out = check(article)
    assert res.code == 2, out
    [error] = out["errors"]
    assert error["message"] == (f"{article}: broken front matter (line 3): not a real date "
                                f"({problem})")
    assert "Traceback" not in res.err


def test_an_unknown_marked_section_in_html_is_an_input_error(check, tmp_path):
    article = tmp_path / "page.html"
    article.write_text("<p>Intro.</p>\n<p>x <![CDATd x]]> y</p>\n", encoding="utf-8")
    res, out = check(article)
    assert res.code == 2, out
    [error] = out["errors"]
    assert error["message"].startswith(f"{article}: malformed HTML (line 2): ")
    assert "CDATd" in error["message"]


def test_an_impossible_date_in_the_configuration_is_a_configuration_error(run_cli, tmp_path):
    config = tmp_path / ".newslint.yaml"
    config.write_text("languagetool: off\ndate: 2020-02-30\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    res = run_cli("check", tmp_path / "a.md", "--config", config)
    assert res.code == 2
    assert res.err.strip() == (f"newslint: {config}:2: invalid YAML: not a real date (day is out "
                               f"of range for month)")


def test_a_front_matter_value_yaml_cannot_build_is_an_input_error(check, tmp_path):
    article = tmp_path / "story.md"
    article.write_text("---\nscore: !!float abc\n---\nThe council met.\n", encoding="utf-8")
    res, out = check(article)
    assert res.code == 2
    [error] = out["errors"]
    assert error["message"].startswith(f"{article}: broken front matter: a value that cannot be "
                                       f"read")
