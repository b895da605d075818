"""Only regular files are read: named pipes, sockets and devices never block or flood a run,
and the size limit counts the bytes read, not what ``stat`` says."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys

import pytest

from newslint.errors import InputError
from newslint.reading import read_article

ARTICLE = "An e-mail from the council.\n"
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX special files")


def _limit_memory():
    # A run that reads a device without end must fail fast, not take the machine's memory.
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def _newslint(tmp_path, *args):
    config = tmp_path / "newslint.yaml"
    config.write_text("languagetool: off\n", encoding="utf-8")
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "newslint", "check", "--config", str(config),
                           "--jobs", "1", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=60, preexec_fn=_limit_memory)


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "real.md").write_text(ARTICLE, encoding="utf-8")
    return articles


def test_a_named_pipe_in_a_walked_folder_is_skipped_with_a_notice(tmp_path, folder):
    os.mkfifo(folder / "story.md")
    res = _newslint(tmp_path, folder)
    assert res.returncode == 1, res.stderr  # the real article's finding, nothing blocked
    assert "real.md:1:4: warning house.email" in res.stdout
    notices = [line for line in res.stderr.splitlines() if "story.md" in line]
    assert notices == [f"newslint: warning: {folder / 'story.md'}: skipped, it is a named pipe "
                       f"(FIFO)"]


def test_a_symlink_to_a_device_in_a_walked_folder_is_skipped(tmp_path, folder):
    os.symlink("/dev/zero", folder / "zero.md")
    res = _newslint(tmp_path, folder)
    assert res.returncode == 1, res.stderr
    assert "zero.md: skipped, it is a device" in res.stderr


def test_a_socket_in_a_walked_folder_is_skipped(tmp_path, folder):
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "live.txt"))
        res = _newslint(tmp_path, folder)
    finally:
        sock.close()
    assert res.returncode == 1, res.stderr
    assert "live.txt: skipped, it is a socket" in res.stderr


def test_special_files_named_on_the_command_line_are_input_errors(tmp_path, folder):
    os.mkfifo(tmp_path / "pipe.md")
    os.symlink("/dev/zero", tmp_path / "zero.md")
    res = _newslint(tmp_path, tmp_path / "pipe.md", tmp_path / "zero.md", folder / "real.md")
    assert res.returncode == 2, res.stderr
    assert f"{tmp_path / 'pipe.md'}: error is a named pipe (FIFO), not a regular file" in res.stdout
    assert f"{tmp_path / 'zero.md'}: error is a device, not a regular file" in res.stdout
    assert "real.md:1:4: warning house.email" in res.stdout
    assert "Traceback" not in res.stdout + res.stderr


def test_the_size_limit_counts_bytes_read_not_the_size_stat_reports(tmp_path, monkeypatch):
    big = tmp_path / "big.md"
    big.write_bytes(b"word " * 1000)
    assert read_article(str(big), limit=5000) == b"word " * 1000  # exactly at the limit
    with pytest.raises(InputError, match="larger than the 0.004999 MB limit"):
        read_article(str(big), limit=4999)

    real_fstat = os.fstat

    class Lying:  # a file whose size stat cannot tell (a device, a file still growing)
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 0

    monkeypatch.setattr(os, "fstat", lambda fd: Lying(real_fstat(fd)))
    monkeypatch.setattr(os.path, "getsize", lambda path: 0)
    with pytest.raises(InputError, match="max_file_size"):
        read_article(str(big), limit=4999)
