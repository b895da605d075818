"""``--format sarif``: valid SARIF 2.1.0, complete rule metadata, stable fingerprints."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from shared_paths import REPO, SEED, WIKINEWS

SARIF_SCHEMA = REPO / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"
NO_LT = ("--ignore", "languagetool", "--no-cache")

ARTICLE = """---
title: "Council votes"
date: 2020-08-07
---

Friday, August 7, 2020

The council's web site was offline, the mayor said yesterday, and staff sent an e-mail.

The budget for the new library was approved by nine votes to four after a long debate.

The budget for the new library was approved by nine votes to four after a long debate.
"""

PARAGRAPH = "A paragraph added later, with nothing for newslint to say about it at all.\n\n"


def _validate(report: dict) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema,
                                           format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def _sarif(run_cli, *args, cwd: Path) -> dict:
    res = run_cli("check", *args, "--format", "sarif", *NO_LT, cwd=cwd)
    assert res.code in (0, 1), res
    report = json.loads(res.out)
    _validate(report)
    return report


def _results(report: dict) -> list:
    return report["runs"][0]["results"]


def _fingerprints(report: dict) -> set:
    return {(r["ruleId"], r["partialFingerprints"]["newslint/v1"]) for r in _results(report)}


def test_seed_article_validates_and_describes_every_rule(run_cli, tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    report = _sarif(run_cli, "seed.txt", cwd=tmp_path)
    run = report["runs"][0]
    assert report["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]

    listed = json.loads(run_cli("rules", "--format", "json", "--ignore", "languagetool").out)
    assert set(ids) == {r["id"] for r in listed if r["enabled"]}
    assert ids == sorted(ids)
    by_id = {r["id"]: r for r in rules}
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for entry in listed:
        if entry["enabled"]:
            descriptor = by_id[entry["id"]]
            assert descriptor["shortDescription"]["text"] == entry["summary"]
            assert descriptor["defaultConfiguration"]["level"] == levels[entry["severity"]]
            assert descriptor["fullDescription"]["text"]

    # The help is what `newslint explain` prints under its heading line.
    explained = run_cli("explain", "duplicate-paragraph").out
    body = explained.split("\n\n", 1)[1].strip()
    assert by_id["duplicate-paragraph"]["help"]["text"].strip() == body

    results = _results(report)
    assert results, "the seed article has findings"
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "seed.txt", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


def test_regions_match_the_json_findings(run_cli, tmp_path):
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    report = _sarif(run_cli, "article.md", cwd=tmp_path)
    findings = run_cli("check", "article.md", "--format", "json", *NO_LT).json["findings"]
    regions = sorted(
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
         r["locations"][0]["physicalLocation"]["region"]["startColumn"],
         r["locations"][0]["physicalLocation"]["region"]["endLine"],
         r["locations"][0]["physicalLocation"]["region"]["endColumn"],
         r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"])
        for r in _results(report))
    expected = sorted((f["rule"], f["line"], f["column"], f["end_line"], f["end_column"],
                       f["excerpt"]) for f in findings)
    assert regions == expected
    assert {"house.email", "relative-day-word", "duplicate-paragraph"} <= {r[0] for r in regions}
    levels = {r["ruleId"]: r["level"] for r in _results(report)}
    assert levels["relative-day-word"] == "note"
    assert levels["house.email"] == "warning"


def test_wikinews_article_validates(run_cli, tmp_path):
    article = sorted(WIKINEWS.glob("*.md"))[0]
    shutil.copy(article, tmp_path / article.name)
    report = _sarif(run_cli, article.name, cwd=tmp_path)
    assert _results(report), f"{article.name} has findings to report"


def test_related_passages_become_related_locations(run_cli, tmp_path):
    paragraph = ("The river peaked at 9.2 metres on Tuesday night, the highest level since "
                 "records began in 1974, officials said.")
    (tmp_path / "a.md").write_text(f"---\ndate: 2020-01-01\n---\n\n{paragraph}\n",
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\ndate: 2020-02-01\n---\n\nOther news.\n\n{paragraph}\n",
                                   encoding="utf-8")
    report = _sarif(run_cli, "a.md", "b.md", cwd=tmp_path)
    across = [r for r in _results(report) if r["ruleId"] == "duplicate-across-files"]
    assert len(across) == 1
    result = across[0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "b.md"
    related = result["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == ["a.md"]
    assert related[0]["physicalLocation"]["region"]["startLine"] == 5
    assert related[0]["id"] == 1


def test_fingerprints_survive_a_paragraph_inserted_above(run_cli, tmp_path):
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    before = _sarif(run_cli, "article.md", cwd=tmp_path)

    # Insert a paragraph right after the dateline: every finding below moves down two lines.
    dateline = "Friday, August 7, 2020\n\n"
    path.write_text(ARTICLE.replace(dateline, dateline + PARAGRAPH), encoding="utf-8")
    after = _sarif(run_cli, "article.md", cwd=tmp_path)

    assert _fingerprints(before) == _fingerprints(after)
    assert len(_fingerprints(before)) == len(_results(before)) >= 3
    lines_before = sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"]
                          for r in _results(before))
    lines_after = sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"]
                         for r in _results(after))
    assert lines_after == [n + 2 for n in lines_before]


def test_editing_the_flagged_sentence_changes_its_fingerprint(run_cli, tmp_path):
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    before = _sarif(run_cli, "article.md", cwd=tmp_path)
    path.write_text(ARTICLE.replace("staff sent an e-mail", "staff sent an e-mail to readers"),
                    encoding="utf-8")
    after = _sarif(run_cli, "article.md", cwd=tmp_path)
    changed = _fingerprints(before) ^ _fingerprints(after)
    assert {rule for rule, _ in changed} == {"house.email"}


def test_identical_findings_get_distinct_fingerprints(run_cli, tmp_path):
    line = "Write to us by e-mail today."
    (tmp_path / "twice.md").write_text(f"{line}\n\n{line}\n", encoding="utf-8")
    report = _sarif(run_cli, "twice.md", "--select", "house.email", cwd=tmp_path)
    prints = [r["partialFingerprints"]["newslint/v1"] for r in _results(report)]
    assert len(prints) == 2 and len(set(prints)) == 2


@pytest.mark.parametrize("name", ["news story.md", "café%20notes.md"])
def test_uris_are_percent_encoded(run_cli, tmp_path, name):
    (tmp_path / name).write_text("Send an e-mail.\n", encoding="utf-8")
    report = _sarif(run_cli, name, "--select", "house.email", cwd=tmp_path)
    uri = _results(report)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    from urllib.parse import unquote
    assert " " not in uri and unquote(uri) == name


def test_unreadable_file_is_a_notification(run_cli, tmp_path):
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe not text")
    res = run_cli("check", "bad.md", "--format", "sarif", *NO_LT, cwd=tmp_path)
    assert res.code == 2
    report = json.loads(res.out)
    _validate(report)
    invocation = report["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    assert "UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sub_ids_of_dynamic_rules_get_their_own_descriptor(tmp_path):
    import io

    from newslint.finding import Finding
    from newslint.formatters.base import Summary
    from newslint.formatters.sarif import SarifFormatter
    from newslint.rule import DocumentRule

    class Grammar(DocumentRule):
        """Grammar findings from an external checker.

        ## What it flags
        Whatever the checker reports, under its own rule ids.
        """

        id = "checker"
        category = "grammar"
        dynamic_ids = True

    text = "They has left.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    finding = Finding(rule="checker/AGREEMENT", category="grammar", severity="error",
                      message="Use “have”.", path=str(tmp_path / "a.md"), line=1, column=6,
                      end_line=1, end_column=9, offset=5, length=3, excerpt="has",
                      suggestions=("have",))
    out = io.StringIO()
    fmt = SarifFormatter(out, rules={"checker": Grammar()}, root=str(tmp_path))
    fmt.start()
    fmt.file(finding.path, [finding], [])
    fmt.finish(Summary(files=1, findings=1, exit_code=1))
    report = json.loads(out.getvalue())
    _validate(report)
    rules = report["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["checker", "checker/AGREEMENT"]
    result = _results(report)[0]
    assert result["ruleIndex"] == 1 and result["level"] == "error"
    assert result["message"]["text"] == "Use “have”. (suggestion: have)"
    assert rules[1]["shortDescription"]["text"].startswith("Reported by checker: ")
    assert rules[1]["fullDescription"]["text"].endswith("under its own rule ids.")
