"""``--diff REF``: only findings on lines changed since a git ref (and cross-file repeats)."""

from __future__ import annotations

import os
import subprocess

import pytest

from newslint.filters.gitdiff import parse_unified_diff, unquote_path

OPTS = ("--ignore", "languagetool", "--no-cache", "--format", "json")

OLD = """---
date: 2020-08-07
---

Staff sent an e-mail to all residents about the closure of the library.

The library's web site will list the new opening hours next month.

The council meets again next week to discuss the budget for the coming year.
"""

SHARED = ("The river peaked at 9.2 metres on Tuesday night, the highest level since records "
          "began in 1974, officials said.")

GIT_ENV = {"GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}


def git(repo, *args) -> str:
    env = dict(os.environ, **GIT_ENV)
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2020-09-01\n---\n\nA quiet week at the desk.\n",
                                   encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "archive")
    return tmp_path


def _findings(res) -> list[tuple[str, str, int]]:
    assert res.code in (0, 1), res
    return sorted((f["path"], f["rule"], f["line"]) for f in res.json["findings"])


def test_only_findings_on_changed_lines(run_cli, repo):
    everything = _findings(run_cli("check", "a.md", *OPTS, cwd=repo))
    assert ("a.md", "house.email", 5) in everything and ("a.md", "house.website", 7) in everything

    # Change line 9 only, adding a fault there; the old faults stay where they were.
    text = OLD.replace("The council meets again next week",
                       "The council e-mailed staff and meets again next week")
    (repo / "a.md").write_text(text, encoding="utf-8")
    res = run_cli("check", "a.md", "b.md", "--diff", "HEAD", *OPTS)
    assert _findings(res) == [("a.md", "house.email", 9)]
    assert res.code == 1

    # The same edit, staged: still a change since HEAD.
    git(repo, "add", "a.md")
    assert _findings(run_cli("check", ".", "--diff", "HEAD", *OPTS)) == \
        [("a.md", "house.email", 9)]


def test_nothing_changed_reports_nothing(run_cli, repo):
    res = run_cli("check", ".", "--diff", "HEAD", *OPTS, cwd=repo)
    assert res.code == 0 and res.json["findings"] == []


def test_untracked_and_new_files_count_as_changed(run_cli, repo):
    (repo / "new.md").write_text("Send an e-mail.\n\nVisit the web site.\n", encoding="utf-8")
    res = run_cli("check", ".", "--diff", "HEAD", *OPTS, cwd=repo)
    assert _findings(res) == [("new.md", "house.email", 1), ("new.md", "house.website", 3)]

    # Committed since the ref: the lines are new in the diff.
    git(repo, "add", "new.md")
    git(repo, "commit", "-q", "-m", "new story")
    res = run_cli("check", ".", "--diff", "HEAD~1", *OPTS)
    assert _findings(res) == [("new.md", "house.email", 1), ("new.md", "house.website", 3)]


def test_a_deleted_line_reports_nothing_around_it(run_cli, repo):
    (repo / "a.md").write_text(OLD.replace(
        "The council meets again next week to discuss the budget for the coming year.\n", ""),
        encoding="utf-8")
    res = run_cli("check", ".", "--diff", "HEAD", *OPTS, cwd=repo)
    assert res.json["findings"] == []


def test_repeats_from_other_files_count_when_the_later_copy_changed(run_cli, repo):
    (repo / "a.md").write_text(OLD + f"\n{SHARED}\n", encoding="utf-8")
    (repo / "b.md").write_text(f"---\ndate: 2020-09-01\n---\n\nA quiet week.\n\n{SHARED}\n",
                               encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "copy")
    across = ("b.md", "duplicate-across-files", 7)
    assert across in _findings(run_cli("check", ".", *OPTS, cwd=repo))

    # b.md untouched: its old repeat is not news.
    assert _findings(run_cli("check", ".", "--diff", "HEAD", *OPTS)) == []

    # b.md edited elsewhere: the repeat it carries is reported with the change.
    (repo / "b.md").write_text(
        f"---\ndate: 2020-09-01\n---\n\nA busy week.\n\n{SHARED}\n", encoding="utf-8")
    assert _findings(run_cli("check", ".", "--diff", "HEAD", *OPTS)) == [across]


def test_diff_and_baseline_together(run_cli, repo):
    run_cli("check", ".", "--ignore", "languagetool", "--no-cache",
            "--write-baseline", "base.json", cwd=repo)
    # Line 5 already had a baselined e-mail; the edit adds a second one on the same line.
    edited = OLD.replace("of the library.", "of the library. Another e-mail followed.")
    (repo / "a.md").write_text(edited, encoding="utf-8")
    line = edited.splitlines()[4]
    column = line.index("Another e-mail") + len("Another ") + 1
    changed = _findings(run_cli("check", ".", "--diff", "HEAD", *OPTS))
    assert changed == [("a.md", "house.email", 5), ("a.md", "house.email", 5)]
    res = run_cli("check", ".", "--diff", "HEAD", "--baseline", "base.json", *OPTS)
    assert [(f["line"], f["column"]) for f in res.json["findings"]] == [(5, column)]


def test_outside_a_repository_is_a_usage_error(run_cli, tmp_path):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    res = run_cli("check", "a.md", "--diff", "HEAD", *OPTS, cwd=tmp_path)
    assert res.code == 2 and "not inside a git repository" in res.err


@pytest.mark.parametrize("ref", ["no-such-branch", "--output=x"])
def test_unknown_ref_is_a_usage_error(run_cli, repo, ref):
    res = run_cli("check", "a.md", f"--diff={ref}", *OPTS, cwd=repo)
    assert res.code == 2 and "unknown git ref" in res.err
    assert not (repo / "x").exists()


def test_parse_unified_diff():
    diff = "\n".join([
        "diff --git a/story.md b/story.md",
        "index 1111111..2222222 100644",
        "--- a/story.md",
        "+++ b/story.md",
        "@@ -3 +3 @@",
        "-old line",
        "+new line",
        "@@ -10,2 +10,0 @@",
        "-gone",
        "-gone too",
        "@@ -20,0 +19,3 @@",
        "+++ an added line that looks like a header",
        "+two",
        "+three",
        'diff --git "a/caf\\303\\251 \\"notes\\".md" "b/caf\\303\\251 \\"notes\\".md"',
        "new file mode 100644",
        "--- /dev/null",
        '+++ "b/caf\\303\\251 \\"notes\\".md"',
        "@@ -0,0 +1,2 @@",
        "+a",
        "+b",
        "diff --git a/gone.md b/gone.md",
        "deleted file mode 100644",
        "--- a/gone.md",
        "+++ /dev/null",
        "@@ -1 +0,0 @@",
        "-bye",
    ])
    assert parse_unified_diff(diff) == {
        "story.md": [(3, 3), (19, 21)],
        'café "notes".md': [(1, 2)],
    }


def test_unquote_path():
    assert unquote_path("plain.md") == "plain.md"
    assert unquote_path('"tab\\there.md"') == "tab\there.md"
    assert unquote_path('"back\\\\slash.md"') == "back\\slash.md"
