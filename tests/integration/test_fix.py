"""``check --fix``, ``--unsafe-fixes`` and ``--fix-diff`` on a copy of the seed article."""

from __future__ import annotations

import os
import shutil

import pytest

from shared_paths import SEED


@pytest.fixture
def article(tmp_path, no_languagetool):
    copy = tmp_path / SEED.name
    shutil.copy(SEED, copy)
    os.chmod(copy, 0o640)
    return copy


def test_fix_applies_safe_fixes_once(run_cli, article, tmp_path):
    result = run_cli("check", "--fix", "--no-cache", article.name, cwd=tmp_path)
    text = article.read_text(encoding="utf-8")
    assert "there are few alternatives" in text
    assert "neither WeChat nor TikTok" in text
    assert "fixed 2" in result.err
    assert result.code == 1  # other findings remain and are reported
    assert "missing-verb-after-there" not in result.out
    assert oct(os.stat(article).st_mode & 0o777) == "0o640"
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".newslint-fix-")]

    before = article.read_bytes()
    again = run_cli("check", "--fix", "--no-cache", article.name, cwd=tmp_path)
    assert article.read_bytes() == before
    assert "fixed" not in again.err


def test_fix_diff_writes_nothing(run_cli, article, tmp_path):
    before = article.read_bytes()
    result = run_cli("check", "--fix-diff", "--no-cache", article.name, cwd=tmp_path)
    assert article.read_bytes() == before
    assert "+However, Weaver said, there are few alternatives" in result.out
    assert "-However, Weaver said, there few alternatives" in result.out


def test_check_without_fix_touches_no_file(run_cli, article, tmp_path):
    before = article.read_bytes()
    stat = os.stat(article)
    run_cli("check", "--no-cache", article.name, cwd=tmp_path)
    assert article.read_bytes() == before
    assert os.stat(article).st_mtime_ns == stat.st_mtime_ns


def test_unsafe_fixes_need_the_flag(run_cli, tmp_path, no_languagetool):
    story = tmp_path / "story.md"
    story.write_text("The cyber security team met.\n\nOur cybersecurity plan is new. Its "
                     "cybersecurity budget grew.\n", encoding="utf-8")
    run_cli("check", "--fix", "--no-cache", story.name, cwd=tmp_path)
    assert "cyber security team" in story.read_text(encoding="utf-8")
    run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", story.name, cwd=tmp_path)
    assert "cybersecurity team" in story.read_text(encoding="utf-8")
