"""The checker API every front door drives: loaded once, reused for many documents."""

from __future__ import annotations

import json

from newslint.checker import Checker, exit_code, summarize
from newslint.exitcodes import ExitCode

SLIP = "However, Weaver said, there few alternatives if you want to talk to people in China.\n"


def _checker(tmp_path, text="languagetool: off\n"):
    cfg = tmp_path / ".newslint.yaml"
    cfg.write_text(text, encoding="utf-8")
    return Checker.load(config_file=cfg)


def test_one_checker_checks_many_documents(tmp_path):
    with _checker(tmp_path).start() as checker:
        first = checker.check_text("a.md", SLIP)
        second = checker.check_text("b.md", SLIP.replace("there few", "there are few"))
        third = checker.check_text("c.md", SLIP)
    assert [f.rule for f in first.findings] == ["missing-verb-after-there"]
    assert second.findings == []
    assert [(f.path, f.excerpt) for f in third.findings] == [("c.md", "there few")]


def test_selection_flags_apply(tmp_path):
    checker = _checker(tmp_path)
    assert "missing-verb-after-there" in {r.id for r in checker.active}
    ignored = Checker.load(config_file=tmp_path / ".newslint.yaml",
                           ignore=["missing-verb-after-there"])
    assert "missing-verb-after-there" not in {r.id for r in ignored.active}
    only = Checker.load(config_file=tmp_path / ".newslint.yaml", select=["dates"])
    assert {r.category for r in only.active} == {"dates"}


def test_run_matches_the_command_line(tmp_path, run_cli):
    article = tmp_path / "story.md"
    article.write_text(SLIP, encoding="utf-8")
    checker = _checker(tmp_path).start()
    try:
        result = checker.run([str(article)])
    finally:
        checker.stop()
    summary = summarize(result.files, [], "warning")
    cli = run_cli("check", article, "--format", "json", "--config", tmp_path / ".newslint.yaml")
    assert cli.code == summary.exit_code == ExitCode.FINDINGS
    assert [f["excerpt"] for f in json.loads(cli.out)["findings"]] == \
        [f.excerpt for f in result.findings]


def test_exit_code_order(tmp_path):
    checker = _checker(tmp_path)
    clean = checker.check_text("a.md", "A plain sentence.\n")
    slip = checker.check_text("b.md", SLIP)
    assert exit_code([clean], [], "warning") == ExitCode.OK
    assert exit_code([clean, slip], [], "warning") == ExitCode.FINDINGS
    assert exit_code([clean, slip], [], "error") == ExitCode.OK
    bad = checker.check_text("c.md", "x", suffix=".pdf")
    assert exit_code([slip, bad], [], "warning") == ExitCode.USAGE


def test_run_keeps_the_article_source_only_when_asked(tmp_path):
    texts = {name: f"---\ntitle: Story {name}\n---\n\n{SLIP}" for name in ("a.md", "b.md")}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name in texts]
    with _checker(tmp_path).start(2) as checker:
        plain = checker.run(paths, jobs=1)
        kept = checker.run(paths, jobs=2, keep_source=True)  # across worker processes too
    assert [fo.source for fo in plain.files] == [None, None]
    for fo, (name, text) in zip(kept.files, texts.items()):
        assert fo.source.text == text
        assert fo.source.title == f"Story {name}"
        (block,) = fo.source.blocks
        assert block.prose == SLIP.strip() and block.line == 5
    assert [f.to_dict() for f in kept.findings] == [f.to_dict() for f in plain.findings]
