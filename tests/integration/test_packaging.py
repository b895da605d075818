"""The built wheel carries the YAML packs; the real pre-commit tool runs the hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from shared_paths import REPO

pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(REPO)], check=True,
                   capture_output=True)
    [whl] = out.glob("newslint-*.whl")
    return whl


def test_wheel_installs_and_lists_the_shipped_packs(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    # Dependencies come from the running environment's wheels cache or the package index.
    res = subprocess.run([str(pip), "install", "--quiet", str(wheel)], capture_output=True,
                         text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    listing = subprocess.run([str(venv / "bin" / "newslint"), "rules"], capture_output=True,
                             text=True, cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert "house.email" in listing.stdout
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "from newslint.packs import shipped_packs_dir; print(shipped_packs_dir())"],
        capture_output=True, text=True, cwd=tmp_path)
    packs_dir = Path(where.stdout.strip())
    assert packs_dir.name == "_packs" and str(venv) in str(packs_dir)
    shipped = {p.name for p in (REPO / "rules").glob("*.yaml")}
    assert shipped and shipped <= {p.name for p in packs_dir.glob("*.yaml")}
    # The HTML report's templates ship in the wheel too.
    (tmp_path / "story.md").write_text("Experts say the council met.\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("languagetool: off\n", encoding="utf-8")
    report = subprocess.run([str(venv / "bin" / "newslint"), "check", "story.md", "--format",
                             "html", "--output", "report.html"], capture_output=True,
                            text=True, cwd=tmp_path)
    assert report.returncode == 1, report.stderr
    assert 'data-rule="vague-attribution"' in (tmp_path / "report.html").read_text("utf-8")


def test_pre_commit_hook_stops_a_faulty_commit_and_passes_a_clean_one(tmp_path):
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit test")
    # The hook repository: a snapshot of this working tree, committed.
    hook_repo = tmp_path / "hook-repo"
    shutil.copytree(REPO, hook_repo, ignore=shutil.ignore_patterns(
        ".git", ".venv", "benchmarks", "__pycache__", "*.egg-info", ".pytest_cache"))
    assert _git(hook_repo, "init", "-q").returncode == 0
    _git(hook_repo, "add", "-A")
    assert _git(hook_repo, "commit", "-qm", "snapshot").returncode == 0
    rev = _git(hook_repo, "rev-parse", "HEAD").stdout.strip()

    articles = tmp_path / "articles"
    articles.mkdir()
    _git(articles, "init", "-q")
    (articles / ".pre-commit-config.yaml").write_text(textwrap.dedent(f"""
        repos:
          - repo: {hook_repo}
            rev: {rev}
            hooks:
              - id: newslint
                args: [--ignore, languagetool]
    """))
    (articles / ".newslint.yaml").write_text("languagetool: off\n")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    bin_dir = Path(sys.executable).parent
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"

    def pre_commit(*args):
        return subprocess.run([str(bin_dir / "pre-commit"), *args], cwd=articles, env=env,
                              capture_output=True, text=True, timeout=900)

    (articles / "clean.md").write_text(
        "---\ndate: 2020-08-07\n---\n\n# Council approves budget\n\n"
        "The city council approved the budget on Friday, the mayor said.\n")
    _git(articles, "add", "-A")
    clean = pre_commit("run")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "newslint" in clean.stdout and "Passed" in clean.stdout

    (articles / "faulty.md").write_text(
        "---\ndate: 2020-08-07\n---\n\n# Council\n\nResidents can read it on the web site, "
        "the mayor said.\n")
    _git(articles, "add", "-A")
    faulty = pre_commit("run")
    assert faulty.returncode == 1, faulty.stdout + faulty.stderr
    assert "Failed" in faulty.stdout and "house.website" in faulty.stdout
