"""A per-file limit on processor time: the file that exceeds it gets one clear error and the
run goes on with the others."""

from __future__ import annotations

import signal

import pytest

from shared_paths import WIKINEWS

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs POSIX timers")


def _big_article(path, size=3_000_000):
    bodies = [p.read_text(encoding="utf-8").split("---", 2)[-1]
              for p in sorted(WIKINEWS.glob("*.md"))]
    text = "\n\n".join(bodies)
    path.write_text((text * (size // len(text) + 1))[:size], encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_the_limit_gets_an_error_and_the_run_goes_on(run_cli, tmp_path, jobs):
    big, small = tmp_path / "big.md", tmp_path / "small.md"
    _big_article(big)
    small.write_text("An e-mail.\n", encoding="utf-8")
    config = tmp_path / ".newslint.yaml"
    config.write_text("languagetool: off\nfile_time_limit: 0.3\n", encoding="utf-8")
    res = run_cli("check", big, small, "--config", config, "--jobs", jobs, "--format", "json")
    assert res.code == 2, res.err
    [error] = res.json["errors"]
    assert error["path"] == str(big) and error["kind"] == "input"
    assert error["message"] == (f"{big}: not checked: it took more than 0.3 s of processor "
                                f"time (file_time_limit)")
    assert [f["rule"] for f in res.json["findings"] if f["path"] == str(small)] == [
        "house.email"]


def test_within_the_limit_nothing_changes(run_cli, tmp_path):
    small = tmp_path / "small.md"
    small.write_text("An e-mail.\n", encoding="utf-8")
    config = tmp_path / ".newslint.yaml"
    config.write_text("languagetool: off\nfile_time_limit: 60\n", encoding="utf-8")
    res = run_cli("check", small, "--config", config, "--format", "json")
    assert res.code == 1 and not res.json["errors"]


@pytest.mark.parametrize("value", ["-1", "[1]", "true", ".inf"])
def test_the_limit_is_validated(run_cli, tmp_path, value):
    config = tmp_path / ".newslint.yaml"
    config.write_text(f"languagetool: off\nfile_time_limit: {value}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    res = run_cli("check", tmp_path / "a.md", "--config", config)
    assert res.code == 2 and "file_time_limit" in res.out + res.err
