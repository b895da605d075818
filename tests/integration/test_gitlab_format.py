"""``--format gitlab``: GitLab code quality report (the Code Climate subset GitLab reads)."""

from __future__ import annotations

import json

OPTS = ("--select", "house,relative-day-word", "--no-cache")

ARTICLE = """---
date: 2020-08-07
---

Friday, August 7, 2020

Write to us by e-mail.

Write to us by e-mail.

The mayor spoke to reporters yesterday.
"""


def _report(run_cli, cwd) -> list:
    res = run_cli("check", "desk", "--format", "gitlab", *OPTS, cwd=cwd)
    assert res.code == 1, res
    return json.loads(res.out)


def test_issues_have_the_fields_gitlab_requires(run_cli, tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.md").write_text(ARTICLE, encoding="utf-8")
    issues = _report(run_cli, tmp_path)
    assert {(i["check_name"], i["location"]["lines"]["begin"], i["severity"]) for i in issues} \
        == {("house.email", 7, "minor"), ("house.email", 9, "minor"),
            ("relative-day-word", 11, "info")}
    for issue in issues:
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["location"]["path"] == "desk/story.md"
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints), "GitLab needs one fingerprint per issue"


def test_fingerprints_survive_an_inserted_paragraph(run_cli, tmp_path):
    (tmp_path / "desk").mkdir()
    story = tmp_path / "desk" / "story.md"
    story.write_text(ARTICLE, encoding="utf-8")
    before = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in _report(run_cli, tmp_path)}
    dateline = "Friday, August 7, 2020\n\n"
    story.write_text(ARTICLE.replace(dateline, dateline + "A new first paragraph.\n\n"),
                     encoding="utf-8")
    after = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in _report(run_cli, tmp_path)}
    assert before.keys() == after.keys()
    assert all(after[fp] == line + 2 for fp, line in before.items())
