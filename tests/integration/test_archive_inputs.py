"""Archive inputs on this machine, `--format jsonl` and the progress line."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from newslint.archive.progress import progress_line

ARTICLE = ("# Council votes\n\nThe council voted on Tuesday to close the library, the mayor "
           "said.\n\nThe council voted on Tuesday to close the library, the mayor said.\n")


def _run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "newslint", "check", "--no-server",
                           "--ignore", "languagetool", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_jsonl_format_writes_one_object_a_line_and_a_summary_last(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    proc = _run(tmp_path, "--format", "jsonl", "a.md")
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 1, proc.stderr
    assert lines[-1]["type"] == "summary" and lines[-1]["findings"] == len(lines) - 1
    assert {"duplicate-paragraph"} <= {line["rule"] for line in lines[:-1]}
    assert all(line["path"] == "a.md" for line in lines[:-1])


def test_files_from_and_a_parquet_archive_find_what_the_files_find(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "list.txt").write_text("# archive\na.md\n", encoding="utf-8")
    pq.write_table(pa.table({"id": ["a.md"], "text": [ARTICLE], "date": ["2024-03-05"]}),
                   tmp_path / "a.parquet")
    # The article's own date counts as --date does for a file.
    files = _run(tmp_path, "--format", "json", "--date", "2024-03-05", "--files-from",
                 "list.txt")
    archive = _run(tmp_path, "--format", "json", "a.parquet")
    assert files.returncode == archive.returncode == 1, (files.stderr, archive.stderr)
    assert json.loads(files.stdout)["findings"] == json.loads(archive.stdout)["findings"]


def test_a_bad_parquet_row_names_the_archive_and_the_row(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["a.md", "b.md"], "text": [ARTICLE, None]}),
                   tmp_path / "a.parquet")
    proc = _run(tmp_path, "--color", "never", "a.parquet")
    assert proc.returncode == 2
    assert "a.parquet: error row 2: article 'b.md' has no 'text' string" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_progress_shows_rate_and_time_left_once_the_run_is_slow():
    now = [0.0]
    out = io.StringIO()
    progress = progress_line(out, clock=lambda: now[0])
    progress(1, 100)  # too early to show anything
    assert out.getvalue() == ""
    now[0] = 10.0
    progress(50, 100)
    assert "checked 50/100 files, 5 files/s, about 10 s left" in out.getvalue()


def test_a_cluster_run_is_driven_from_this_process_not_the_warm_server():
    from newslint.server.client import _scan

    assert _scan(["--dask", "local", "articles.jsonl"]) is None
    assert _scan(["--dask=tcp://scheduler:8786", "articles.jsonl"]) is None
    assert _scan(["--files-from", "list.txt", "a.md"])["paths"] == ["a.md"]
