"""Fixtures shared by the command-line contract tests."""

from __future__ import annotations

import pytest

#: One short, clean story that the contract tests check, write and refuse.
ARTICLE = "Officials said the bridge would reopen on Friday.\n"


@pytest.fixture
def article(tmp_path, no_languagetool):
    path = tmp_path / "story.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path
