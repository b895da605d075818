"""The result cache: a re-run checks only the articles that changed, and the cache never
changes a verdict (stale settings, damaged entries, foreign content, unsafe files)."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.resultcache import CACHE_FILE

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus" / "wikinews"


@pytest.fixture
def work(tmp_path) -> Path:
    folder = tmp_path / "a"
    folder.mkdir()
    for article in sorted(CORPUS.glob("*.md"))[:12]:
        shutil.copy(article, folder / article.name)
    # A copy across files, so that the corpus rules' summaries travel through the cache too.
    first = sorted(folder.glob("*.md"))[0]
    shutil.copy(first, folder / "zz-copy.md")
    return tmp_path


def _check(work: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", NEWSLINT_CACHE_DIR=str(work / "cache"))
    return subprocess.run([sys.executable, "-m", "newslint", "check", "--no-server",
                           "--ignore", "languagetool", "--format", "json", "--jobs", "2", *args],
                          cwd=work, capture_output=True, text=True, env=env, timeout=300)


def _findings(proc) -> list:
    assert proc.returncode in (0, 1), proc.stderr
    return [(f["path"], f["line"], f["column"], f["rule"], f["message"])
            for f in json.loads(proc.stdout)["findings"]]


def _entries(work: Path) -> int:
    with sqlite3.connect(work / "cache" / CACHE_FILE) as db:
        return db.execute("SELECT count(*) FROM outcomes").fetchone()[0]


def test_a_rerun_reads_unchanged_articles_back_and_finds_the_same(work):
    fresh = _findings(_check(work, "--no-cache", "a"))
    assert any(f[3] == "duplicate-across-files" for f in fresh)
    assert _findings(_check(work, "a")) == fresh
    db = work / "cache" / CACHE_FILE
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert _entries(work) == 13
    assert _findings(_check(work, "a")) == fresh  # read back


def test_only_changed_articles_are_checked_again(work, monkeypatch):
    from newslint.checker import Checker
    from newslint.engine import Engine

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(work / "cache"))
    monkeypatch.chdir(work)
    paths = sorted(str(p.relative_to(work)) for p in (work / "a").glob("*.md"))
    checked: list = []
    real = Engine._limited

    def counted(self, path, *rest):
        checked.append(path)
        return real(self, path, *rest)

    monkeypatch.setattr(Engine, "_limited", counted)

    def run():
        checker = Checker.load(start=work, ignore=["languagetool"])
        checker.engine.use_result_cache(work / "cache" / CACHE_FILE)
        with checker.start(1):
            result = checker.run(paths)
        return [(f.path, f.line, f.rule, f.message) for f in result.findings]

    first = run()
    assert sorted(checked) == paths
    checked.clear()
    assert run() == first
    assert checked == []
    changed = work / "a" / "zz-copy.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line, new here.\n",
                       encoding="utf-8")
    again = run()
    assert checked == ["a/zz-copy.md"]
    # The copy is still reported against the unchanged article it repeats.
    assert [f for f in again if f[0] == "a/zz-copy.md" and f[2] == "duplicate-across-files"]


def test_other_settings_never_reuse_an_outcome(work):
    _check(work, "a")
    only = _findings(_check(work, "--select", "duplicate-across-files", "a"))
    assert only and {f[3] for f in only} == {"duplicate-across-files"}
    config = work / ".newslint.yaml"
    config.write_text("rules:\n  duplicate-across-files:\n    enabled: false\n", encoding="utf-8")
    assert not [f for f in _findings(_check(work, "a")) if f[3] == "duplicate-across-files"]


def test_damaged_or_foreign_entries_are_checked_afresh_and_nothing_foreign_runs(work):
    from newslint.languagetool.cache import _checksum

    fresh = _findings(_check(work, "--no-cache", "a"))
    _check(work, "a")
    marker = work / "ran"

    class Foreign:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    import base64
    import zlib

    evil = base64.b64encode(zlib.compress(pickle.dumps(Foreign()))).decode()
    with sqlite3.connect(work / "cache" / CACHE_FILE) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM outcomes ORDER BY key")]
        db.execute("UPDATE outcomes SET matches = ?, checksum = ? WHERE key = ?",
                   (evil, _checksum(keys[0], evil), keys[0]))
        db.execute("UPDATE outcomes SET matches = 'not an outcome' WHERE key = ?", (keys[1],))
        db.execute("UPDATE outcomes SET checksum = 'x' WHERE key = ?", (keys[2],))
    proc = _check(work, "a")
    assert _findings(proc) == fresh
    assert "Traceback" not in proc.stderr
    assert not marker.exists()
    assert _findings(_check(work, "a")) == fresh  # rewritten


def test_a_cache_file_others_may_write_is_not_read(work):
    fresh = _findings(_check(work, "--no-cache", "a"))
    _check(work, "a")
    db = work / "cache" / CACHE_FILE
    os.chmod(db, 0o666)
    proc = _check(work, "a")
    assert _findings(proc) == fresh
    assert "ignored (other users may write it)" in proc.stderr


def test_an_entry_cannot_call_a_newslint_constructor(monkeypatch):
    # Only record types are rebuilt: an entry asking to build another newslint class through
    # its constructor (which may act: load a configuration, start a server) is refused unrun.
    import base64
    import zlib

    import newslint.checker
    from newslint.resultcache import ResultCache

    called = []
    monkeypatch.setattr(newslint.checker.Checker, "__init__",
                        lambda self, *a, **k: called.append(a))

    class Calls:
        def __reduce__(self):
            return (newslint.checker.Checker, ("/tmp/config.yaml",))

    text = base64.b64encode(zlib.compress(pickle.dumps(Calls()))).decode()
    assert ResultCache._valid(object.__new__(ResultCache), text) is None
    assert called == []


def test_languagetool_switched_off_in_configuration_still_caches(work):
    # Only a LanguageTool that answers this run makes outcomes depend on a server.
    (work / ".newslint.yaml").write_text("languagetool:\n  mode: \"off\"\n", encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1", NEWSLINT_CACHE_DIR=str(work / "cache"))
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-server", "--format",
                           "json", "a"], cwd=work, capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    assert _entries(work) == 13
