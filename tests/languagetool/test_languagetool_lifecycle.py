"""Modes, a server of the rule's own, restart after a crash, and no JVM left behind."""

from __future__ import annotations

import os
import signal

import pytest

from newslint.errors import ConfigError
from newslint.languagetool.plugin import LanguageToolFailed, LanguageToolRequired
from newslint.testing import check_text

TEXT = "The servers could not accomodate the traffic.\n"


def test_off_checks_nothing_and_says_nothing(tmp_path, make_config, start_rule, warnings):
    rule = start_rule(make_config(tmp_path, mode="off"), warnings)
    assert rule.client is None and warnings == []
    assert check_text(TEXT, rule, suffix=".txt") == []


def test_auto_without_languagetool_warns_once(tmp_path, make_config, start_rule, warnings):
    rule = start_rule(make_config(tmp_path / "empty-cache"), warnings)
    assert check_text(TEXT, rule, suffix=".txt") == []
    assert len(warnings) == 1
    assert "newslint languagetool install" in warnings[0]


def test_required_without_languagetool_is_a_usage_error(tmp_path, make_config, start_rule):
    with pytest.raises(LanguageToolRequired) as info:
        start_rule(make_config(tmp_path / "empty-cache", mode="required"))
    # A ConfigError ends the run with exit code 2.
    assert isinstance(info.value, ConfigError)
    assert "newslint languagetool install" in str(info.value)


def test_unreachable_url_in_auto_mode(tmp_path, make_config, start_rule, warnings):
    rule = start_rule(make_config(tmp_path, url="http://127.0.0.1:9/"), warnings)
    assert check_text(TEXT, rule, suffix=".txt") == [] and len(warnings) == 1


def test_unknown_mode_is_a_config_error(tmp_path, make_config, start_rule):
    with pytest.raises(ConfigError, match="auto, required, off"):
        start_rule(make_config(tmp_path, mode="sometimes"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead for our purposes (it has exited; only its parent has not reaped it).
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split()[2] != "Z"


@pytest.mark.languagetool
def test_own_server_restarts_once_then_fails_clearly(lt_installation, tmp_path, make_config,
                                                     start_rule, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(lt_installation.directory.parents[1]))
    config = make_config(tmp_path, mode="required", home=str(lt_installation.directory),
                         startup_timeout=180.0)
    rule = start_rule(config)
    server = rule.connection.server
    first_pid = server.process.pid
    assert rule.connection.url.startswith("http://127.0.0.1:")
    assert check_text(TEXT, rule, suffix=".txt")

    first = server.process
    os.kill(first_pid, signal.SIGKILL)
    first.wait()
    found = check_text(TEXT.replace("servers", "machines"), rule, suffix=".txt")
    assert [f.excerpt for f in found] == ["accomodate"]
    second_pid = server.process.pid
    assert second_pid != first_pid and server.restarts == 1

    second = server.process
    os.kill(second_pid, signal.SIGKILL)
    second.wait()
    with pytest.raises(LanguageToolFailed, match="not checked for grammar"):
        check_text(TEXT.replace("servers", "halls"), rule, suffix=".txt")
    # Every later file gets the same clear error at once.
    with pytest.raises(LanguageToolFailed):
        check_text("Another file.\n", rule, suffix=".txt")

    rule.stop()
    assert not _alive(first_pid) and not _alive(second_pid)


@pytest.mark.languagetool
def test_stop_leaves_no_jvm(lt_installation, tmp_path, make_config, start_rule):
    rule = start_rule(make_config(tmp_path, home=str(lt_installation.directory),
                                  startup_timeout=180.0))
    pid = rule.connection.server.process.pid
    assert _alive(pid)
    rule.stop()
    assert not _alive(pid)
    rule.stop()  # idempotent: the engine may call it again on the way out


@pytest.mark.languagetool
def test_fully_cached_run_never_waits_for_the_server(lt_server, lt_installation, tmp_path,
                                                     make_config, start_rule):
    text = "Officials said the hall could not accomodate the crowd.\n\nIt it was late.\n"
    shared = start_rule(make_config(tmp_path, use_cache=True, url=lt_server.url))
    first = check_text(text, shared, suffix=".txt")
    assert first
    own = start_rule(make_config(tmp_path, use_cache=True, home=str(lt_installation.directory)))
    assert check_text(text, own, suffix=".txt") == first
    # The JVM was spawned but nothing needed it: no wait, no request.
    assert own.connection.server._ready_in is None
    own.stop()
    assert own.connection.server.process is None


_OWNER = """
import sys, time
from pathlib import Path
from newslint.languagetool.provision import Installation
from newslint.languagetool.server import LanguageToolServer
server = LanguageToolServer(Installation(sys.argv[1], Path(sys.argv[2])), startup_timeout=180)
server.spawn()
print(server.process.pid, flush=True)
time.sleep(600)
"""


@pytest.mark.languagetool
def test_a_killed_owner_leaves_no_jvm_and_ctrl_c_does_not_reach_it(lt_installation, tmp_path):
    import subprocess
    import sys
    import time
    owner = subprocess.Popen([sys.executable, "-c", _OWNER, lt_installation.version,
                              str(lt_installation.directory)], stdout=subprocess.PIPE, text=True)
    jvm = int(owner.stdout.readline())
    assert _alive(jvm)
    # Its own process group: a Ctrl-C sent to the terminal's group does not reach the JVM.
    assert os.getpgid(jvm) != os.getpgid(owner.pid)
    owner.kill()  # no atexit, no stop(): only the kernel's parent-death signal is left
    owner.wait()
    deadline = time.monotonic() + 30
    while _alive(jvm) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(jvm)
