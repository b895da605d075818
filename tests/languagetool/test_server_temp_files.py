"""The server's temporary files: private, created exclusively, removed on stop and restart."""

from __future__ import annotations

import os
import stat

import pytest

from newslint.languagetool.server import LanguageToolServer, write_private_temp


def test_private_temp_is_0600_and_never_reuses_a_name(tmp_path):
    first = write_private_temp("a=1\n", ".properties")
    second = write_private_temp("a=1\n", ".properties")
    try:
        assert first != second
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
        assert first.read_text(encoding="utf-8") == "a=1\n"
    finally:
        first.unlink()
        second.unlink()


@pytest.mark.languagetool
def test_spawned_server_files_are_private_and_removed(lt_installation):
    server = LanguageToolServer(lt_installation)
    server.spawn()
    try:
        props, log = server._config_path, server._log_path
        assert stat.S_IMODE(props.stat().st_mode) == 0o600
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        # A restart's new JVM gets new files; the old ones go.
        server._terminate()
        server.spawn()
        assert not props.exists() and not log.exists()
        newer = (server._config_path, server._log_path)
    finally:
        server.stop()
    assert not any(p.exists() for p in newer)
    assert server.process is None
