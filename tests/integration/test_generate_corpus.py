"""benchmarks/generate_corpus.py: a streamed JSON Lines archive whose planted copies are where
the manifest says, and are found by duplicate-across-files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_corpus.py"


def test_a_streamed_archive_has_every_planted_copy_where_the_manifest_says(tmp_path):
    out = tmp_path / "g"
    subprocess.run([sys.executable, str(SCRIPT), "--jsonl", "--articles", "0.3k", "--plant",
                    "12", "--out", str(out)], check=True, capture_output=True, timeout=300)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    texts = {}
    with (out / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    assert len(texts) == manifest["articles"] == 300
    planted = manifest["planted"]
    assert len(planted) == 12
    assert {p["kind"] for p in planted} == {"exact", "words", "drop-sentence", "add-sentence"}
    for p in planted:
        assert p["source"] < p["target"]
        source = texts[p["source"]].split("\n")[p["source_line"] - 1]
        copy = texts[p["target"]].split("\n")[p["target_line"] - 1]
        assert len(source.split()) >= 8 and len(copy.split()) >= 8
        if p["kind"] == "exact":
            assert source == copy
        else:
            assert source != copy
            shared = set(source.split()) & set(copy.split())
            assert len(shared) >= 0.6 * min(len(set(source.split())), len(set(copy.split())))

    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-server", "--no-cache",
                           "--select", "duplicate-across-files", "--format", "jsonl", "--jobs",
                           "2", "articles.jsonl"], cwd=out, capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 1, proc.stderr
    found = {(f["path"], f["line"]) for f in map(json.loads, proc.stdout.splitlines())
             if f.get("type") == "finding"}
    assert {(p["target"], p["target_line"]) for p in planted} <= found


def test_sizes_may_be_given_as_100k_or_1M():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        from generate_corpus import count
    finally:
        sys.path.pop(0)
    assert (count("100k"), count("1M"), count("2500")) == (100_000, 1_000_000, 2500)
