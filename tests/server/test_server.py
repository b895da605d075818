"""The warm server with real processes: what a check through it prints equals a local run, and
its life cycle (start, kill, stale socket, upgrade, idle exit, concurrency) holds up."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import sys
import time
from pathlib import Path

import pytest

from process_tree import descendants, is_java, running
from server_helpers import alive, wait_until
from shared_paths import REPO, SEED, WIKINEWS

NO_LT = "languagetool: off\n"


def _article(env, name="story.md", text=None) -> Path:
    path = env.work / name
    path.write_text(text if text is not None else SEED.read_text(encoding="utf-8"),
                    encoding="utf-8")
    return path


def _config(env, text: str) -> None:
    (env.work / ".newslint.yaml").write_text(text, encoding="utf-8")


def _served(env) -> int:
    """How many requests the running server has answered."""
    return int(env.status()["requests"].split()[0])


def test_same_output_and_exit_codes_as_in_process_and_a_warm_second_run(server_env):
    env = server_env
    _config(env, NO_LT)
    _article(env, "seed.txt")
    started = env.run("server", "start")
    assert started.code == 0, started
    assert "newslint server started (pid" in started.out
    for args in (["seed.txt", "--format", "json"], ["seed.txt"], ["seed.txt", "--fail-on",
                                                                    "error", "--format", "sarif"],
                 ["missing.md", "seed.txt"], ["seed.txt", "--format", "nonsense"],
                 ["seed.txt", "--bogus-flag"]):
        local = env.run("check", *args, "--no-server")
        before = _served(env)
        warm = env.run("check", *args)
        assert _served(env) == before + 1, f"{args} was not answered by the server"
        assert (warm.code, warm.out, warm.err) == (local.code, local.out, local.err), args
    assert json.loads(env.run("check", "seed.txt", "--format", "json").out)["findings"]


def test_stdin_and_output_file_through_the_server(server_env):
    env = server_env
    _config(env, NO_LT)
    assert env.run("server", "start").code == 0
    text = SEED.read_bytes()
    local = env.run("check", "-", "--stdin-filename", "a.txt", "--format", "json",
                    "--no-server", stdin=text)
    warm = env.run("check", "-", "--stdin-filename", "a.txt", "--format", "json", stdin=text)
    assert warm.code == local.code == 1
    assert warm.out == local.out and json.loads(warm.out)["files"] == ["a.txt"]
    _article(env, "seed.txt")
    assert env.run("check", "seed.txt", "-o", "report.txt").code == 1
    assert (env.work / "report.txt").read_text(encoding="utf-8") == \
        env.run("check", "seed.txt", "--no-server").out


def test_a_corpus_sample_gives_the_same_json(server_env):
    env = server_env
    _config(env, NO_LT)
    sample = sorted(WIKINEWS.glob("*.md"))[::30]
    for path in sample:
        shutil.copy(path, env.work / path.name)
    names = [p.name for p in sample]
    assert env.run("server", "start").code == 0
    local = env.run("check", *names, "--format", "json", "--no-server")
    for _ in range(2):  # the second answer comes from the server's memory of the files
        warm = env.run("check", *names, "--format", "json")
        assert warm.code == local.code and warm.out == local.out
    assert len(json.loads(warm.out)["files"]) == len(sample)


def test_socket_is_0600_in_a_0700_folder_and_no_tcp_port(server_env):
    env = server_env
    _config(env, NO_LT)
    assert env.run("server", "start").code == 0
    mode = env.socket.stat().st_mode
    assert stat.S_ISSOCK(mode) and stat.S_IMODE(mode) == 0o600
    assert stat.S_IMODE(env.socket.parent.stat().st_mode) == 0o700
    assert _listening_tcp(env.pid()) == []
    assert env.status()["socket"] == str(env.socket)


def test_kill_9_then_the_next_check_succeeds_with_the_same_findings(server_env):
    env = server_env
    _config(env, "languagetool: off\nserver: required\n")
    _article(env)
    first = env.run("check", "story.md", "--format", "json")
    pid = env.pid()
    assert pid and first.code == 1
    os.kill(pid, signal.SIGKILL)
    assert wait_until(lambda: not alive(pid))
    assert env.socket.exists()  # left behind: a stale socket
    again = env.run("check", "story.md", "--format", "json")
    assert (again.code, again.out, again.err) == (first.code, first.out, first.err)
    assert env.pid() not in (None, pid)


def test_a_stale_socket_file_is_replaced(server_env):
    env = server_env
    _config(env, "languagetool: off\nserver: required\n")
    _article(env)
    env.socket.parent.mkdir(mode=0o700)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(env.socket))
    dead.close()  # a socket file nobody listens on
    res = env.run("check", "story.md")
    assert res.code == 1 and "story.md:" in res.out and res.err == ""
    assert env.pid() is not None


def test_without_a_server_auto_falls_back_silently_and_starts_none_for_no_languagetool(
        server_env):
    env = server_env
    _config(env, NO_LT)
    _article(env)
    res = env.run("check", "story.md")
    assert res.code == 1 and res.err == ""
    assert not env.socket.exists(), "no server is started for a run without LanguageTool"


def test_in_ci_no_server_is_started(server_env):
    env = server_env
    # LanguageTool at an address where nothing listens: the run needs it, so outside CI a
    # server would be started; in CI none is.
    _config(env, "languagetool:\n  url: http://127.0.0.1:9/\n")
    _article(env)
    res = env.run("check", "story.md", CI="true")
    assert "LanguageTool is not available" in res.err
    assert not env.socket.exists()


def test_server_off_in_config_or_no_server_flag_is_never_answered_by_it(server_env):
    env = server_env
    _config(env, NO_LT)
    _article(env)
    assert env.run("server", "start").code == 0
    before = _served(env)
    assert env.run("check", "story.md", "--no-server").code == 1
    _config(env, "languagetool: off\nserver: off\n")
    assert env.run("check", "story.md").code == 1
    assert env.run("check", "story.md", NEWSLINT_SERVER="off").code == 1
    assert _served(env) == before


def test_a_hung_server_is_detected_and_the_check_falls_back_with_one_warning(server_env):
    env = server_env
    _config(env, NO_LT)
    _article(env)
    assert env.run("server", "start").code == 0
    pid = env.pid()
    local = env.run("check", "story.md", "--no-server")
    os.kill(pid, signal.SIGSTOP)
    try:
        t0 = time.monotonic()
        res = env.run("check", "story.md", NEWSLINT_SERVER_TIMEOUT="1")
        assert time.monotonic() - t0 < 30
    finally:
        try:
            os.kill(pid, signal.SIGCONT)
        except ProcessLookupError:
            pass
    assert (res.code, res.out) == (local.code, local.out)
    warnings = res.err.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("newslint: warning: the newslint "
                                                         f"server (pid {pid}) did not answer")
    assert wait_until(lambda: not alive(pid)), "the hung server was not stopped"


def test_an_older_version_is_replaced(server_env, tmp_path):
    env = server_env
    _config(env, "languagetool: off\nserver: required\n")
    _article(env)
    old = tmp_path / "old"
    shutil.copytree(REPO / "newslint", old / "newslint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    init = old / "newslint" / "__init__.py"
    init.write_text(init.read_text().replace('__version__ = "0.1.0"', '__version__ = "0.0.9"'))
    import subprocess

    older = subprocess.Popen([sys.executable, "-m", "newslint.server.daemon"],
                             env=dict(env.env, PYTHONPATH=str(old)), cwd=old,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_until(env.socket.exists)
        assert env.status()["version"] == "0.0.9"
        res = env.run("check", "story.md")
        assert res.code == 1 and "story.md:" in res.out
        assert older.wait(timeout=20) == 0, "the older server did not exit"
        assert env.status()["version"] == "0.1.0"
    finally:
        if older.poll() is None:
            older.kill()


def test_two_clients_at_once_are_both_served(server_env):
    env = server_env
    _config(env, "languagetool: off\nserver: required\n")
    names = []
    for i, path in enumerate(sorted(WIKINEWS.glob("*.md"))[:6]):
        shutil.copy(path, env.work / path.name)
        names.append(path.name)
    first, second = names[:3], names[3:]
    expected = [env.run("check", *group, "--format", "json", "--no-server").out
                for group in (first, second)]
    # No server yet: both clients start one at the same moment; one wins, both are served.
    procs = [env.popen("check", *group, "--format", "json") for group in (first, second)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [o.decode() for o, _ in outs] == expected
    assert [e for _, e in outs] == [b"", b""]
    assert _served(env) == 2


def test_idle_exit(server_env):
    env = server_env
    _config(env, "languagetool: off\nserver:\n  mode: required\n  idle_timeout: 1\n")
    _article(env)
    assert env.run("check", "story.md").code == 1
    pid = env.pid()
    assert pid
    assert wait_until(lambda: not alive(pid), timeout=30), "the idle server did not exit"
    assert not env.socket.exists()


def test_config_and_pack_edits_are_picked_up(server_env):
    env = server_env
    _article(env, "story.md", "# Title\n\nThe council said the e-mail was a game-changer.\n")
    pack = env.work / "ours.yaml"
    pack.write_text("pack: ours\nrules:\n  hype:\n    type: existence\n"
                    "    message: \"Avoid '{match}'.\"\n    tokens: [game-changer]\n")
    _config(env, "languagetool: off\nserver: required\npacks: [ours.yaml]\n")

    def rules():
        res = env.run("check", "story.md", "--format", "json")
        local = env.run("check", "story.md", "--format", "json", "--no-server")
        assert res.out == local.out
        return sorted(f["rule"] for f in json.loads(res.out)["findings"])

    assert "ours.hype" in rules() and "house.email" in rules()
    _config(env, "languagetool: off\nserver: required\npacks: [ours.yaml]\n"
                 "ignore: [house.email]\n")
    assert "house.email" not in rules()
    pack.write_text(pack.read_text().replace("game-changer", "council"))
    assert "ours.hype" in rules()
    found = json.loads(env.run("check", "story.md", "--format", "json").out)["findings"]
    assert [f["excerpt"] for f in found if f["rule"] == "ours.hype"] == ["council"]


def test_a_bad_config_is_reported_as_in_process(server_env):
    env = server_env
    _config(env, "languagetool: off\nserver: required\n")
    _article(env)
    assert env.run("check", "story.md").code == 1
    _config(env, "languagetool: off\nserver: required\nbogus_key: 1\n")
    res = env.run("check", "story.md")
    local = env.run("check", "story.md", "--no-server")
    assert res.code == local.code == 2
    assert res.err == local.err and "bogus_key" in res.err


def test_the_client_imports_only_the_standard_library(server_env):
    env = server_env
    _config(env, NO_LT)
    _article(env)
    assert env.run("server", "start").code == 0
    before = _served(env)
    res = _importtime(env, "story.md")
    assert _served(env) == before + 1
    imported = {line.split("|")[-1].strip() for line in res.splitlines()
                if line.startswith("import time:")}
    assert "newslint.server.client" in imported
    heavy = {m for m in imported if m.split(".")[0] in
             ("pluggy", "yaml", "markdown_it", "regex", "argparse", "json")}
    assert heavy == set()
    assert not imported & {"newslint.engine", "newslint.config", "newslint.checker",
                           "newslint.cli", "newslint.rules"}


def _importtime(env, *args) -> str:
    import subprocess

    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "newslint", "check",
                           *args], cwd=env.work, env=env.env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1, proc.stderr[-500:]
    return proc.stderr


def test_status_and_stop(server_env):
    env = server_env
    _config(env, NO_LT)
    assert env.run("server", "status").code == 1
    assert env.run("server", "start").code == 0
    again = env.run("server", "start")
    assert again.code == 0 and "already running" in again.out
    fields = env.status()
    assert int(fields["pid"]) > 0 and fields["version"] == "0.1.0"
    assert fields["memory"].endswith("MB resident")
    assert fields["languagetool"].startswith("not started")
    pid = int(fields["pid"])
    stopped = env.run("server", "stop")
    assert stopped.code == 0 and f"pid {pid}" in stopped.out
    assert wait_until(lambda: not alive(pid)) and not env.socket.exists()


def _on_a_terminal(env, *args) -> tuple:
    """Run `newslint ARGS` with a pseudo-terminal as its standard streams."""
    import pty
    import subprocess

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "newslint", *args], cwd=env.work,
                            env=env.env, stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: every writer closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


# -- the /proc view of listening TCP sockets ----------------------------------------------
def _listening_tcp(pid: int) -> list:
    """``(address, port)`` of every listening TCP socket owned by ``pid``."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            local, state, inode = parts[1], parts[3], parts[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                address, port = local.split(":")
                found.append((_address(address, width), int(port, 16)))
    return found


def _address(hex_address: str, width: int) -> str:
    raw = bytes.fromhex(hex_address)
    if width == 8:
        return socket.inet_ntop(socket.AF_INET, raw[::-1])
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
    return socket.inet_ntop(socket.AF_INET6, words)


def _children(pid: int) -> list:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(entry.name))
    return kids


@pytest.fixture(scope="module")
def lt_home():
    from newslint.config import Config
    from newslint.languagetool.provision import DEFAULT_VERSION, find_installation

    inst = find_installation(Config().cache_dir, DEFAULT_VERSION)
    if inst is None:
        message = f"LanguageTool {DEFAULT_VERSION} is not provisioned; run `newslint " \
                  "languagetool install`"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return inst.directory


def test_with_languagetool_same_json_memory_in_status_and_only_loopback_tcp(server_env,
                                                                          lt_home):
    env = server_env
    # A cache of its own: every paragraph goes to the server's LanguageTool.
    _config(env, f"cache_dir: cache\nlanguagetool:\n  home: {lt_home}\n  heap: 512m\n")
    seed = _article(env, "seed.txt")
    # The seed has nothing LanguageTool's news defaults report; a typo of the writer's does.
    text = seed.read_text()
    story = text.index("Nicholas Weaver")  # inside the story, not the page furniture around it
    seed.write_text(text[:story] + "The goverment did not comment. " + text[story:])
    code, terminal = _on_a_terminal(env, "server", "start")
    assert code == 0, terminal
    assert "newslint: starting LanguageTool (about 10 s the first time)…" in terminal
    fields = env.status()
    assert fields["languagetool"].startswith("running, pid ")
    assert "(heap limit 512m)" in fields["languagetool"] and "MB resident" in \
        fields["languagetool"]
    warm = env.run("check", "seed.txt", "--format", "json", "--no-cache")
    local = env.run("check", "seed.txt", "--format", "json", "--no-cache", "--no-server",
                    timeout=600)
    assert warm.code == local.code == 1
    assert warm.out == local.out
    assert any(f["rule"].startswith("languagetool/") for f in json.loads(warm.out)["findings"])
    # One paragraph changed since the last run: only it goes to LanguageTool.
    seed.write_text(seed.read_text() + "\nThere few alternatives, Wang said.\n")
    changed = env.run("check", "seed.txt", "--format", "json")
    rules = {f["rule"] for f in json.loads(changed.out)["findings"]}
    assert "missing-verb-after-there" in rules
    pid = env.pid()
    assert _listening_tcp(pid) == []
    lt_ports = [sock for kid in _children(pid) for sock in _listening_tcp(kid)]
    # Java listens on an IPv6 socket; 127.0.0.1 then reads as ::ffff:127.0.0.1.
    assert lt_ports and all(address in ("127.0.0.1", "::ffff:127.0.0.1")
                            for address, _ in lt_ports)


@pytest.mark.languagetool
@pytest.mark.parametrize("command", [("server", "start"), ("check", "--no-cache", "story.md")],
                         ids=["server-start", "check"])
def test_sigterm_while_languagetool_starts_stops_the_server_at_once(server_env, lt_home,
                                                                    tmp_path, command):
    env = server_env
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    _article(env)
    _config(env, f"cache_dir: cache\nlanguagetool:\n  home: {lt_home}\n"
                 f"  startup_timeout: 180\n")
    # `server start` waits for LanguageTool to warm; a check through a server it starts
    # waits for it to answer.
    starting = env.popen(*command, TMPDIR=private_tmp)
    assert wait_until(lambda: env.socket.exists(), timeout=30)
    pid = env.pid()
    javas: list = []
    assert wait_until(lambda: javas.extend(p for p in descendants(pid) if is_java(p)) or javas,
                      timeout=60)
    time.sleep(0.2)  # the JVM is loading: LanguageTool takes several seconds to answer
    signalled = time.monotonic()
    os.kill(pid, signal.SIGTERM)
    assert wait_until(lambda: not running(pid), timeout=120, step=0.02)
    took = time.monotonic() - signalled
    starting.communicate(timeout=60)
    # The contract is 2 s; 5 s leaves room for a busy machine.
    assert took < 5.0, f"the server took {took:.1f} s to stop"
    assert not any(running(p) for p in javas)
    assert sorted(os.listdir(private_tmp)) == []
