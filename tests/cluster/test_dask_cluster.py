"""`newslint check --dask local` on a real LocalCluster of two worker processes.

The cluster must change where documents are checked, never what is found: every test compares
with a run on this machine (``--jobs 2``), cross-file duplicates included. The result cache is
off (``--no-cache``) except where it is the subject, so that each run checks every article.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus" / "wikinews"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """24 real articles and two planted copies (a whole article, one paragraph)."""
    root = tmp_path_factory.mktemp("archive")
    folder = root / "s"
    folder.mkdir()
    articles = sorted(CORPUS.glob("*.md"))[:24]
    for a in articles:
        shutil.copy(a, folder / a.name)
    shutil.copy(articles[0], folder / "zz-whole-copy.md")
    paragraphs = [p for p in articles[3].read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) > 25 and not p.startswith(("#", "---"))]
    (folder / "zz-one-paragraph.md").write_text(
        "# A different story\n\nSomething else happened today in the city.\n\n"
        + paragraphs[0] + "\n", encoding="utf-8")
    return root


def _check(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "newslint", "check", "--no-server", "--no-cache",
                           "--ignore", "languagetool", "--format", "json", *args],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def _findings(proc) -> list:
    return [(f["path"], f["line"], f["column"], f["rule"], f["message"])
            for f in json.loads(proc.stdout)["findings"]]


@pytest.fixture(scope="module")
def local_run(sample):
    proc = _check(sample, "--jobs", "2", "s")
    assert proc.returncode == 1, proc.stderr
    return _findings(proc)


def test_cluster_finds_what_jobs_2_finds_cross_file_copies_included(sample, local_run):
    proc = _check(sample, "--jobs", "2", "--dask", "local", "s")
    assert proc.returncode == 1, proc.stderr
    assert _findings(proc) == local_run
    copies = {f[0] for f in local_run if f[3] == "duplicate-across-files"}
    assert {"s/zz-whole-copy.md", "s/zz-one-paragraph.md"} <= copies


def test_json_lines_archive_on_the_cluster_and_here_matches_the_files(sample, local_run):
    archive = sample / "articles.jsonl"
    with archive.open("w", encoding="utf-8") as out:
        for path in sorted((sample / "s").glob("*.md")):
            out.write(json.dumps({"id": f"s/{path.name}", "format": "markdown",
                                  "text": path.read_text(encoding="utf-8")}) + "\n")
    here = _check(sample, "--jobs", "2", "articles.jsonl")
    assert here.returncode == 1, here.stderr
    assert _findings(here) == local_run
    cluster = _check(sample, "--jobs", "2", "--dask", "local", "articles.jsonl")
    assert cluster.returncode == 1, cluster.stderr
    assert _findings(cluster) == local_run


def test_bad_inputs_are_reported_as_in_local_runs(sample):
    bad = sample / "bad"
    bad.mkdir(exist_ok=True)
    (bad / "latin1.md").write_bytes("Caf\xe9 owner says the council was wrong.\n".encode("latin-1"))
    (bad / "broken.jsonl").write_text('{"id": "a.md", "text": "Fine."}\n{"id": "b.md", "te\n',
                                      encoding="utf-8")
    for extra in ([], ["--dask", "local"]):
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", "check", "--no-server", "--no-cache",
             "--jobs", "2", "--ignore", "languagetool", "--color", "never", *extra,
             "bad/latin1.md", "bad/broken.jsonl"],
            cwd=sample, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 2, (extra, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        lines = proc.stdout + proc.stderr
        assert "bad/latin1.md: error not valid UTF-8" in lines, (extra, lines)
        assert "bad/broken.jsonl: error line 2: not valid JSON" in lines, (extra, lines)


def test_a_worker_killed_mid_run_has_its_tasks_retried_and_nothing_is_lost(sample, local_run):
    import signal

    from newslint.archive.dask_executor import DaskExecutor
    from newslint.checker import Checker

    paths = sorted(str(p.relative_to(sample)) for p in (sample / "s").glob("*.md"))
    old = os.getcwd()
    os.chdir(sample)
    try:
        checker = Checker.load(start=sample, ignore=["languagetool"])
        executor = DaskExecutor("local", 2, {"config_file": None, "start": sample,
                                             "ignore": ["languagetool"]},
                                use_cache=False, per_partition=2)
        killed = []

        def progress(done, total):
            if not killed:  # after the first partition: kill one worker while others run
                pids = executor._client.run(os.getpid)
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        with checker.start(1), executor:
            result = checker.run(paths, executor=executor, progress=progress)
    finally:
        os.chdir(old)
    assert killed
    assert [fo.path for fo in result.files] == paths
    found = [(f.path, f.line, f.column, f.rule, f.message) for f in result.findings]
    assert found == local_run


def test_standard_input_is_checked_beside_the_cluster_files(sample, local_run):
    one = sorted((sample / "s").glob("*.md"))[5]
    here = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--no-server", "--no-cache",
         "--ignore", "languagetool",
         "--format", "json", "--stdin-filename", "in.md", "-", "s"],
        cwd=sample, input=one.read_text(encoding="utf-8"), capture_output=True, text=True,
        timeout=600)
    cluster = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--no-server", "--no-cache",
         "--ignore", "languagetool",
         "--format", "json", "--dask", "local", "--jobs", "2", "--stdin-filename", "in.md",
         "-", "s"],
        cwd=sample, input=one.read_text(encoding="utf-8"), capture_output=True, text=True,
        timeout=600)
    assert here.returncode == cluster.returncode == 1, cluster.stderr
    assert _findings(cluster) == _findings(here)
    # The piped article is a copy of a file: the copy is reported against it.
    assert any(f[3] == "duplicate-across-files" and "in.md" in f[4] for f in _findings(here))


def test_the_merged_duplicate_index_finds_near_copies_and_skips_boilerplate(tmp_path):
    """Many small partitions, so that copies meet only in the cluster's hash buckets: a near
    copy (words changed), an exact copy, and a paragraph in more files than
    max_document_frequency (boilerplate, not reported). The client keeps no fingerprints."""
    from newslint.archive.dask_executor import DaskExecutor
    from newslint.archive.dupindex import RULE
    from newslint.checker import Checker

    articles = sorted(CORPUS.glob("*.md"))[30:48]
    folder = tmp_path / "n"
    folder.mkdir()
    for a in articles:
        shutil.copy(a, folder / a.name)
    long = [p for a in articles[:6] for p in a.read_text(encoding="utf-8").split("\n\n")
            if len(p.split()) > 30 and not p.startswith(("#", "---", "<", "|", "*", "-"))]
    words = long[0].split()
    words[3], words[10] = "remarkably", "reportedly"
    (folder / "zz-near.md").write_text("# Near copy\n\nA short opening line for the story.\n\n"
                                       + " ".join(words) + "\n", encoding="utf-8")
    (folder / "zz-exact.md").write_text("# Exact copy\n\n" + long[1] + "\n", encoding="utf-8")
    tagline = ("The city council will publish the full minutes of this meeting on its "
               "website next week, along with the recorded votes.")
    for k in range(7):
        (folder / f"zz-tag-{k}.md").write_text(f"# Story {k}\n\nStory number {k} begins "
                                               f"here with a line of its own.\n\n{tagline}\n",
                                               encoding="utf-8")
    paths = sorted(str(p.relative_to(tmp_path)) for p in folder.glob("*.md"))
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        local = Checker.load(start=tmp_path, ignore=["languagetool"])
        with local.start(2):
            expected = local.run(paths, jobs=2)
        checker = Checker.load(start=tmp_path, ignore=["languagetool"])
        executor = DaskExecutor("local", 2, {"config_file": None, "start": tmp_path,
                                             "ignore": ["languagetool"]},
                                use_cache=False, per_partition=3)
        with checker.start(1), executor:
            outcomes = executor.check_all(checker.engine, paths)
            assert outcomes and not any(RULE in fo.corpus for fo in outcomes)
            assert len(executor._pieces) == (len(paths) + 2) // 3
            outcomes.sort(key=lambda fo: fo.path)
            result = checker.engine.finish_run(outcomes, executor)
    finally:
        os.chdir(old)

    def key(run):
        return [(f.path, f.line, f.column, f.rule, f.message) for f in run.findings]

    assert key(result) == key(expected)
    copies = {f.path: f.message for f in expected.findings if f.rule == RULE}
    assert "n/zz-exact.md" in copies and "exactly" in copies["n/zz-exact.md"]
    assert "n/zz-near.md" in copies and "nearly" in copies["n/zz-near.md"]
    assert not any(p.startswith("n/zz-tag-") for p in copies)


def test_workers_keep_and_read_back_the_result_cache(sample, local_run):
    import sqlite3

    from newslint.resultcache import CACHE_FILE

    env = dict(os.environ, NO_COLOR="1", NEWSLINT_CACHE_DIR=str(sample / "cache"))
    runs = []
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-server",
                               "--ignore", "languagetool", "--format", "json", "--jobs", "2",
                               "--dask", "local", "s"], cwd=sample, capture_output=True,
                              text=True, env=env, timeout=600)
        assert proc.returncode == 1, proc.stderr
        runs.append(_findings(proc))
        with sqlite3.connect(sample / "cache" / CACHE_FILE) as db:
            assert db.execute("SELECT count(*) FROM outcomes").fetchone()[0] == 26
    assert runs[0] == runs[1] == local_run
