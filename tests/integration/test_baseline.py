"""Baselines: record today's findings, report only new ones, survive edits, prune stale ones."""

from __future__ import annotations

import json
import shutil

import pytest

from shared_paths import WIKINEWS
from newslint.config import TOP_LEVEL

OPTS = ("--ignore", "languagetool", "--no-cache")
#: Fast rules for the whole-corpus run: a document rule per kind of finding and a corpus rule.
CORPUS_RULES = "house,relative-day-word,duplicate-across-files"

ARTICLE = """---
date: 2020-08-07
---

Friday, August 7, 2020

Staff sent an e-mail to all residents about the closure of the library.

The mayor announced the closure yesterday.

The library's web site will list the new opening hours.
"""

INSERTED = "An editor added this paragraph later, far above nothing in particular.\n\n"


def _entries(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["findings"]


def _write_article(tmp_path, text=ARTICLE, name="story.md"):
    (tmp_path / "articles").mkdir(exist_ok=True)
    path = tmp_path / "articles" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_write_then_check_reports_nothing(run_cli, tmp_path):
    _write_article(tmp_path)
    before = run_cli("check", "articles", "--format", "json", *OPTS, cwd=tmp_path)
    assert before.code == 1 and before.json["findings"]

    res = run_cli("check", "articles", *OPTS, "--write-baseline", "base.json")
    assert res.code == 0, res
    assert "wrote" in res.err and "base.json" in res.err
    entries = _entries(tmp_path / "base.json")
    assert sorted(e["rule"] for e in entries) == sorted(f["rule"] for f in before.json["findings"])
    assert all(e["path"] == "articles/story.md" for e in entries)
    assert all("line" not in e for e in entries)

    again = run_cli("check", "articles", "--format", "json", *OPTS, "--baseline", "base.json")
    assert again.code == 0 and again.json["findings"] == []


def test_baseline_file_is_sorted_and_reproducible(run_cli, tmp_path):
    _write_article(tmp_path)
    _write_article(tmp_path, ARTICLE.replace("web site", "website"), name="another.md")
    run_cli("check", "articles", *OPTS, "--write-baseline", "one.json", cwd=tmp_path)
    run_cli("check", "articles/story.md", "articles/another.md", *OPTS, "-j", "2",
            "--write-baseline", "two.json")
    one = (tmp_path / "one.json").read_bytes()
    assert one == (tmp_path / "two.json").read_bytes()
    assert one.endswith(b"\n")
    keys = [(e["path"], e["rule"], e["fingerprint"]) for e in _entries(tmp_path / "one.json")]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_paths_are_relative_to_the_baseline_file(run_cli, tmp_path):
    _write_article(tmp_path)
    run_cli("check", "articles", *OPTS, "--write-baseline", "base.json", cwd=tmp_path)
    # The same baseline, used from inside the articles folder.
    res = run_cli("check", "story.md", "--format", "json", *OPTS,
                  "--baseline", "../base.json", cwd=tmp_path / "articles")
    assert res.code == 0 and res.json["findings"] == []


def test_inserted_paragraph_resurrects_nothing_and_a_new_fault_is_reported(run_cli, tmp_path):
    path = _write_article(tmp_path)
    run_cli("check", "articles", *OPTS, "--write-baseline", "base.json", cwd=tmp_path)
    dateline = "Friday, August 7, 2020\n\n"
    path.write_text(ARTICLE.replace(dateline, dateline + INSERTED), encoding="utf-8")
    moved = run_cli("check", "articles", "--format", "json", *OPTS, "--baseline", "base.json")
    assert moved.code == 0 and moved.json["findings"] == []

    path.write_text(path.read_text(encoding="utf-8") + "\nReply by e-mail.\n", encoding="utf-8")
    new = run_cli("check", "articles", "--format", "json", *OPTS, "--baseline", "base.json")
    assert new.code == 1
    assert [(f["rule"], f["line"], f["excerpt"]) for f in new.json["findings"]] == \
        [("house.email", 15, "e-mail")]


def test_occurrences_are_counted(run_cli, tmp_path):
    line = "Reply by e-mail.\n\n"
    path = _write_article(tmp_path, line * 2)
    run_cli("check", "articles", *OPTS, "--write-baseline", "base.json", cwd=tmp_path)
    entries = _entries(tmp_path / "base.json")
    assert [(e["rule"], e["count"]) for e in entries] == [("house.email", 2)]

    path.write_text(line * 3, encoding="utf-8")
    res = run_cli("check", "articles", "--format", "json", *OPTS, "--baseline", "base.json")
    assert res.code == 1 and len(res.json["findings"]) == 1


def test_editing_the_flagged_sentence_reports_it_again(run_cli, tmp_path):
    path = _write_article(tmp_path)
    run_cli("check", "articles", *OPTS, "--write-baseline", "base.json", cwd=tmp_path)
    path.write_text(ARTICLE.replace("Staff sent an e-mail", "Staff quickly sent an e-mail"),
                    encoding="utf-8")
    res = run_cli("check", "articles", "--format", "json", *OPTS, "--baseline", "base.json")
    assert [f["rule"] for f in res.json["findings"]] == ["house.email"]


def test_stale_entries_are_listed_and_pruned(run_cli, tmp_path):
    path = _write_article(tmp_path)
    run_cli("check", "articles", *OPTS, "--write-baseline", "base.json", cwd=tmp_path)
    total = len(_entries(tmp_path / "base.json"))
    path.write_text(ARTICLE.replace("e-mail", "email"), encoding="utf-8")

    res = run_cli("check", "articles", *OPTS, "--baseline", "base.json")
    assert res.code == 0
    assert "1 baseline entry" in res.err and "--prune-baseline" in res.err

    listed = run_cli("check", "articles", *OPTS, "--baseline", "base.json", "--list-stale")
    stale_lines = [line for line in listed.err.splitlines() if "stale baseline entry" in line]
    assert stale_lines == ["newslint: stale baseline entry: articles/story.md: house.email: "
                           "e-mail"]
    assert len(_entries(tmp_path / "base.json")) == total

    pruned = run_cli("check", "articles", *OPTS, "--baseline", "base.json", "--prune-baseline")
    assert pruned.code == 0 and "removed 1 stale entry" in pruned.err
    remaining = _entries(tmp_path / "base.json")
    assert len(remaining) == total - 1
    assert "house.email" not in {e["rule"] for e in remaining}


def test_entries_this_run_could_not_see_are_not_stale(run_cli, tmp_path):
    _write_article(tmp_path)
    # Another story, not a copy (a copy's findings are reported once, as the copy).
    _write_article(tmp_path, ARTICLE.replace("library", "swimming pool"), name="other.md")
    run_cli("check", "articles", *OPTS, "--write-baseline", "base.json", cwd=tmp_path)
    before = _entries(tmp_path / "base.json")
    # Only one file, and only one rule: the other file's and other rules' entries stay.
    res = run_cli("check", "articles/story.md", *OPTS, "--select", "house.email",
                  "--baseline", "base.json", "--prune-baseline")
    assert res.code == 0 and "has no stale entries" in res.err
    assert _entries(tmp_path / "base.json") == before

    # A deleted file's entries are stale.
    (tmp_path / "articles" / "other.md").unlink()
    res = run_cli("check", "articles", *OPTS, "--baseline", "base.json", "--prune-baseline")
    assert res.code == 0 and "removed" in res.err
    assert {e["path"] for e in _entries(tmp_path / "base.json")} == {"articles/story.md"}


@pytest.mark.parametrize("content, message", [
    (None, "file not found"),
    ("{not json", "invalid JSON"),
    ('{"version": 99, "findings": []}', "not a newslint baseline"),
    ('{"version": 1, "findings": [{"path": "a.md"}]}', "findings[0]"),
])
def test_bad_baseline_files_are_usage_errors(run_cli, tmp_path, content, message):
    _write_article(tmp_path)
    if content is not None:
        (tmp_path / "base.json").write_text(content, encoding="utf-8")
    res = run_cli("check", "articles", *OPTS, "--baseline", "base.json", cwd=tmp_path)
    assert res.code == 2 and message in res.err


def test_prune_needs_a_baseline(run_cli, tmp_path):
    _write_article(tmp_path)
    res = run_cli("check", "articles", *OPTS, "--prune-baseline", cwd=tmp_path)
    assert res.code == 2 and "--prune-baseline needs a baseline" in res.err


@pytest.mark.skipif("baseline" not in TOP_LEVEL,
                    reason="the configuration does not know the `baseline` key yet")
def test_baseline_from_configuration(run_cli, tmp_path):
    _write_article(tmp_path)
    (tmp_path / ".newslint.yaml").write_text("baseline: base.json\n", encoding="utf-8")
    run_cli("check", "articles", *OPTS, "--write-baseline", "base.json", cwd=tmp_path)
    res = run_cli("check", "articles", "--format", "json", *OPTS)
    assert res.code == 0 and res.json["findings"] == []


@pytest.mark.slow
def test_wikinews_archive_adopts_with_a_baseline(run_cli, tmp_path):
    corpus = tmp_path / "wikinews"
    shutil.copytree(WIKINEWS, corpus)
    articles = sorted(corpus.glob("*.md"))
    assert len(articles) >= 295
    run = ("check", "wikinews", "--format", "json", *OPTS, "--select", CORPUS_RULES,
           "--jobs", "2")

    written = run_cli(*run, "--write-baseline", "newslint-baseline.json", cwd=tmp_path)
    assert written.code == 0, written
    entries = _entries(tmp_path / "newslint-baseline.json")
    recorded = sum(e["count"] for e in entries)
    assert recorded > 100 and {e["rule"] for e in entries} >= {"relative-day-word",
                                                                "duplicate-across-files"}

    rerun = run_cli(*run, "--baseline", "newslint-baseline.json")
    assert rerun.code == 0 and rerun.json["findings"] == [], rerun

    # A paragraph inserted after the front matter of every article with findings moves all
    # of them down; nothing may come back.
    with_findings = sorted({e["path"] for e in entries})
    for rel in with_findings:
        article = tmp_path / rel
        text = article.read_text(encoding="utf-8")
        end = text.index("\n---\n", 3) + len("\n---\n")
        article.write_text(text[:end] + "\n" + INSERTED + text[end:], encoding="utf-8")
    moved = run_cli(*run, "--baseline", "newslint-baseline.json")
    assert moved.code == 0 and moved.json["findings"] == [], moved.json["findings"][:3]
    assert "no longer match" not in moved.err

    target = tmp_path / with_findings[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nReaders can reply by e-mail.\n",
                      encoding="utf-8")
    new = run_cli(*run, "--baseline", "newslint-baseline.json")
    assert new.code == 1
    assert [(f["path"], f["rule"], f["excerpt"]) for f in new.json["findings"]] == \
        [(f"wikinews/{target.name}", "house.email", "e-mail")]
