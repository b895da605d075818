"""Every cache file newslint writes, fuzzed: the findings and the exit code never change.

A run fills a cache directory (plugin entry points, pack patterns known to compile,
nameparser's vocabulary, LanguageTool's answers); then each example damages one file of a copy of it — random bytes,
truncation, another owner's permissions, a symlink or a named pipe in its place, or a change to
its structure with the checksum recomputed — and checks the same articles again. The result
must be identical to the run on a clean cache, with at most one warning about the cache file
and no traceback. A forged answer carrying a correct checksum, written by the user running
newslint, is out of reach of any check and so not generated: such a user can edit newslint too.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.languagetool.cache import _checksum, valid_matches
from shared_paths import WIKINEWS

pytestmark = pytest.mark.languagetool

ARTICLES = ["2019-01-04-magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead.md",
            "2019-01-05-escape-room-fire-kills-five-teen-girls-in-koszalin-poland.md"]
KINDS = ("entry-points", "pack-patterns", "nameparser-vocabulary", "paragraphs")
EXAMPLES = int(os.environ.get("NEWSLINT_CACHE_FUZZ_EXAMPLES", "24"))


@pytest.fixture(scope="module")
def workspace(lt_server):
    root = Path(tempfile.mkdtemp(prefix="newslint-cache-fuzz-"))
    articles = root / "articles"
    articles.mkdir()
    for name in ARTICLES:
        shutil.copy(WIKINEWS / name, articles / name)
    (articles / "slips.md").write_text(
        "The council said it will meet on on Thursday, Aug. 7, 2020. Their is a e-mail.\n\n"
        # A name spelled two ways: its runs are read with nameparser's vocabulary.
        "Adam Segal, a fellow, said the ban was minimal. Segall said it would pass.\n",
        encoding="utf-8")
    yield root, articles, lt_server.url
    shutil.rmtree(root, ignore_errors=True)


def _run(run_cli, root: Path, articles: Path, url: str, cache: Path):
    config = root / f"config-{cache.name}.yaml"
    config.write_text(json.dumps({"cache_dir": str(cache), "languagetool": {"url": url},
                                  "date": "2020-08-08"}), encoding="utf-8")
    res = run_cli("check", articles, "--config", config, "--format", "json", "--jobs", "1")
    findings = [(f["path"], f["rule"], f["offset"], f["length"], f["message"])
                for f in res.json["findings"]]
    return res.code, findings, res.err


def _main(args) -> tuple:
    """``newslint ARGS`` in this process (module-scoped fixtures cannot use ``run_cli``):
    exit code, findings, stderr."""
    import contextlib
    import io

    from newslint.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    found = [(f["path"], f["rule"], f["offset"], f["length"], f["message"])
             for f in json.loads(out.getvalue())["findings"]]
    return code, found, err.getvalue()


@pytest.fixture(scope="module")
def pristine(workspace):
    """A filled cache directory and the findings it must keep giving."""
    root, articles, url = workspace
    cache = root / "pristine"
    config = root / "config-pristine.yaml"
    config.write_text(json.dumps({"cache_dir": str(cache), "languagetool": {"url": url},
                                  "date": "2020-08-08"}), encoding="utf-8")

    def run():
        return _main(["check", articles, "--config", config, "--format", "json", "--jobs", "1"])

    cold = run()
    warm = run()  # answered from the caches
    assert cold[:2] == warm[:2] and not warm[2], warm[2]
    assert cold[0] == 1 and any(f[1].startswith("languagetool/") for f in cold[1])
    files = {kind: _find(cache, kind) for kind in KINDS}
    assert all(files.values()), sorted(p.name for p in cache.rglob("*"))
    return cache, cold[:2]


def _find(cache: Path, kind: str):
    pattern = {"entry-points": "entry-points-*.txt", "pack-patterns": "pack-patterns.txt",
               "nameparser-vocabulary": "nameparser-vocabulary-*.txt",
               "paragraphs": "languagetool/paragraphs-*.sqlite"}[kind]
    found = sorted(cache.glob(pattern))
    return found[0] if found else None


# -- damage ---------------------------------------------------------------------------------
BYTE_KINDS = ("flip", "truncate", "random", "empty", "append", "others-write", "symlink", "fifo",
              "directory")
BYTE_DAMAGE = st.sampled_from(BYTE_KINDS)
STRUCTURE_DAMAGE = st.sampled_from(["drop-line", "duplicate-line", "shuffle", "junk-line",
                                    "version", "kind", "header"])
SQL_DAMAGE = st.sampled_from(["bad-json", "wrong-shape", "no-checksum", "other-key",
                              "user-version", "drop-table", "junk-table"])


def _damage_bytes(path: Path, how: str, rng: random.Random) -> None:
    data = path.read_bytes()
    for extra in ("-wal", "-shm"):  # SQLite's companions go with the database
        Path(f"{path}{extra}").unlink(missing_ok=True)
    if how == "flip":
        buf = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(buf))
    elif how == "truncate":
        path.write_bytes(data[:rng.randrange(len(data))])
    elif how == "random":
        path.write_bytes(rng.randbytes(rng.randint(1, 5000)))
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "append":
        path.write_bytes(data + rng.randbytes(rng.randint(1, 200)))
    elif how == "others-write":
        os.chmod(path, 0o666)
    elif how == "symlink":
        target = path.with_name(path.name + ".elsewhere")
        target.write_bytes(data)
        path.unlink()
        path.symlink_to(target)
    elif how == "fifo":
        path.unlink()
        os.mkfifo(path)
    elif how == "directory":
        path.unlink()
        path.mkdir()


def _damage_structure(path: Path, how: str, rng: random.Random) -> None:
    header, _, body = path.read_text(encoding="utf-8").partition("\n")
    magic, kind, version, _ = header.split(" ")
    lines = body.split("\n")
    if how == "drop-line" and len(lines) > 2:
        del lines[rng.randrange(1, len(lines) - 1)]  # never the pattern file's version line
    elif how == "duplicate-line":
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif how == "shuffle":
        rng.shuffle(lines)
    elif how == "junk-line":
        lines.insert(rng.randrange(len(lines) + 1), "".join(
            rng.choice("ab\t\\x0:()[]*?") for _ in range(rng.randint(0, 30))))
    elif how == "version":
        version = str(int(version) + rng.choice([-1, 1, 100]))
    elif how == "kind":
        kind = "other-cache"
    elif how == "header":
        magic = "newslint-cach"
    body = "\n".join(lines)
    digest = hashlib.sha256(body.encode()).hexdigest()
    path.write_text(f"{magic} {kind} {version} sha256={digest}\n{body}", encoding="utf-8")


def _damage_database(path: Path, how: str, rng: random.Random, table: str = "answers") -> None:
    """One kind of damage to a cache database whose entries are in ``table``."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        keys = [k for (k,) in conn.execute(f"SELECT key FROM {table}")]
        key = rng.choice(keys)
        if how in ("bad-json", "wrong-shape"):
            value = (_bad_value if how == "bad-json" else _wrong_shape)[table](rng)
            conn.execute(f"UPDATE {table} SET matches = ?, checksum = ? WHERE key = ?",
                         (value, _checksum(key, value), key))
        elif how == "no-checksum":
            conn.execute(f"UPDATE {table} SET checksum = 'x' WHERE key = ?", (key,))
        elif how == "other-key":
            conn.execute(f"UPDATE {table} SET key = key || 'x' WHERE key = ?", (key,))
        elif how == "user-version":
            conn.execute("PRAGMA user_version = 1")
        elif how == "drop-table":
            conn.execute(f"DROP TABLE {table}")
        elif how == "junk-table":
            conn.execute("CREATE TABLE junk (x)")
    finally:
        conn.close()


def _pickled(value) -> str:
    import base64
    import pickle
    import zlib

    return base64.b64encode(zlib.compress(pickle.dumps(value))).decode()


def _answers_wrong_shape(rng: random.Random) -> str:
    value = json.dumps([[rng.randint(-5, 5), "x", 1, None, [], {}, "r", 3]])
    assert not valid_matches(json.loads(value))
    return value


#: A value that is no entry at all, and one of the wrong shape, by table (checksums correct).
_bad_value = {
    "answers": lambda rng: rng.choice(['[', '{"a": 1}', 'null', '[[1, 2]]', '"x"', '[' * 5000]),
    "outcomes": lambda rng: rng.choice(["", "x", "eJz=", _pickled(rng.randbytes(40))[:50]]),
}
_wrong_shape = {
    "answers": _answers_wrong_shape,
    "outcomes": lambda rng: _pickled(rng.choice([[], {"path": 1}, None, ("a", 2)])),
}


@st.composite
def damage(draw):
    kind = draw(st.sampled_from(KINDS))
    if kind == "paragraphs":
        how = draw(st.one_of(BYTE_DAMAGE, SQL_DAMAGE))
    else:
        how = draw(st.one_of(BYTE_DAMAGE, STRUCTURE_DAMAGE))
    return kind, how, draw(st.integers(0, 2 ** 32))


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(damage())
def test_a_damaged_cache_file_changes_nothing(run_cli, workspace, pristine, damage):
    kind, how, seed = damage
    root, articles, url = workspace
    source, expected = pristine
    cache = root / f"damaged-{seed}"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(source, cache, symlinks=True)
    path = _find(cache, kind)
    rng = random.Random(seed)
    if how in BYTE_KINDS:
        _damage_bytes(path, how, rng)
    elif kind == "paragraphs":
        _damage_database(path, how, rng)
    else:
        _damage_structure(path, how, rng)
    try:
        code, findings, err = _run(run_cli, root, articles, url, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    assert (code, findings) == expected, (kind, how, err)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    warnings = [line for line in err.splitlines() if "cache file" in line]
    assert len(warnings) <= 1, warnings
    assert all(line.startswith("newslint: warning: cache file ") for line in warnings), warnings


# -- the result cache (written when LanguageTool does not run) -------------------------------

def _builtin_args(root: Path, articles: Path, cache: Path) -> list:
    config = root / f"config-results-{cache.name}.yaml"
    config.write_text(json.dumps({"cache_dir": str(cache), "ignore": ["languagetool"],
                                  "date": "2020-08-08"}), encoding="utf-8")
    return ["check", articles, "--config", config, "--format", "json", "--jobs", "1"]


@pytest.fixture(scope="module")
def pristine_results(workspace):
    """A filled result cache and the findings it must keep giving."""
    root, articles, _ = workspace
    cache = root / "pristine-results"
    cold = _main(_builtin_args(root, articles, cache))
    warm = _main(_builtin_args(root, articles, cache))
    assert cold[:2] == warm[:2] and cold[0] == 1
    found = sorted(cache.glob("results-*.sqlite"))
    assert found, sorted(p.name for p in cache.rglob("*"))
    return cache, found[0].name, cold[:2]


@settings(max_examples=max(EXAMPLES // 2, 4), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(BYTE_DAMAGE, SQL_DAMAGE), st.integers(0, 2 ** 32))
def test_a_damaged_result_cache_changes_nothing(run_cli, workspace, pristine_results, how, seed):
    root, articles, _ = workspace
    source, name, expected = pristine_results
    cache = root / f"damaged-results-{seed}"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(source, cache, symlinks=True)
    path = cache / name
    rng = random.Random(seed)
    if how in BYTE_KINDS:
        _damage_bytes(path, how, rng)
    else:
        _damage_database(path, how, rng, table="outcomes")
    try:
        res = run_cli(*_builtin_args(root, articles, cache))
        code, err = res.code, res.err
        findings = [(f["path"], f["rule"], f["offset"], f["length"], f["message"])
                    for f in res.json["findings"]]
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    assert (code, findings) == expected, (how, err)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    warnings = [line for line in err.splitlines() if "cache file" in line]
    assert len(warnings) <= 1, warnings
