"""The client side of the warm server: ``newslint check`` through it, and ``newslint server``.

Standard library only, and only what a check needs: this runs before anything else is loaded,
and when the server answers nothing else is. The server runs the same command-line code on the
same arguments, working directory, environment and standard input, and sends back exactly what
it wrote and its exit code, so a check through the server prints what a local one would.
"""


import _socket  # the C module: `socket` imports enum, selectors and more, for nothing we use
import os
import sys
import time

from newslint.server import protocol
from newslint.server.paths import LOG_NAME, ensure_runtime_dir, identity, socket_path
from newslint.server.settings import configured_modes, in_ci, server_mode

#: Seconds a server has to say hello before it counts as hung (a busy server still answers:
#: connections have their own threads). ``NEWSLINT_SERVER_TIMEOUT`` overrides it.
HELLO_TIMEOUT = 3.0
#: Seconds without any frame (the server sends a heart beat every second) while a check runs.
SILENCE_TIMEOUT = 30.0
#: Seconds a freshly started server has to open its socket.
START_TIMEOUT = 15.0

#: ``check`` options followed by a value (as in :func:`newslint.cli.build_parser`).
_VALUE_OPTIONS = frozenset((
    "--config", "--select", "--extend-select", "--ignore", "--format", "--output", "-o",
    "--fail-on", "--date", "--stdin-filename", "--jobs", "-j", "--color", "--baseline",
    "--write-baseline", "--diff", "--files-from"))


class _Gone(Exception):
    """No usable server: none running, a stale socket, one that died or hung."""

    def __init__(self, reason: str = "", pid=None, warn: bool = False):
        super().__init__(reason)
        self.pid = pid
        self.warn = warn


class _Mismatch(Exception):
    """The server runs another version (or another installation) of newslint."""

    def __init__(self, pid):
        super().__init__(pid)
        self.pid = pid


def _hello_timeout() -> float:
    try:
        return float(os.environ.get("NEWSLINT_SERVER_TIMEOUT", HELLO_TIMEOUT))
    except ValueError:
        return HELLO_TIMEOUT


def _scan(argv: list):
    """What the client needs from ``check``'s arguments, without argparse (building the
    parser costs more than the server's whole answer). None: check in-process (help, or
    ``--no-server``). The server parses the arguments properly."""
    found = {"paths": [], "config": None, "ignore": "", "stdin_filename": None}
    i = 0
    while i < len(argv):
        token = argv[i]
        i += 1
        if token == "--":
            found["paths"].extend(argv[i:])
            break
        if token in ("-h", "--help") or (token.startswith("--no-s") and
                                         "--no-server".startswith(token)):
            return None
        if token == "--dask" or token.startswith("--dask="):
            return None  # a cluster run is driven from this process, not the server
        name, value = (token.split("=", 1) + [None])[:2] if token.startswith("--") \
            else (token, None)
        if name in _VALUE_OPTIONS:
            if value is None:
                value = argv[i] if i < len(argv) else ""
                i += 1
            key = name.lstrip("-").replace("-", "_")
            if key in found and key != "paths":
                found[key] = value
        elif token == "-" or not token.startswith("-"):
            found["paths"].append(token)
    return found


def _first_path(scan: dict) -> str:
    """Where the configuration search starts, as in :func:`newslint.cli._check`."""
    paths = scan["paths"]
    if not paths:
        return os.getcwd()
    first = paths[0] if paths[0] != "-" else (scan["stdin_filename"] or ".")
    return first if os.path.exists(first) else os.getcwd()


def _runs_languagetool(scan: dict, modes: dict) -> bool:
    ignored = {w.strip() for w in (scan["ignore"] or "").split(",")}
    return modes["languagetool"] != "off" and not ignored & {"languagetool", "grammar"}


def _warn(message: str) -> None:
    sys.stderr.write(f"newslint: warning: {message}\n")


# -- talking to a server ------------------------------------------------------------------
def _connect():
    path = socket_path()
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sock.settimeout(_hello_timeout())
    try:
        sock.connect(path)
    except FileNotFoundError:
        sock.close()
        raise _Gone() from None
    except OSError:
        # A socket file nobody listens on: the server died without cleaning up.
        sock.close()
        try:
            os.unlink(path)
        except OSError:
            pass
        raise _Gone() from None
    uid, _pid = protocol.peer_uid_pid(sock)
    if uid is not None and uid != os.getuid():
        sock.close()
        raise _Gone(f"the socket {path} belongs to another user", warn=True)
    return sock


def _hello(sock, request: dict) -> dict:
    # The kernel knows the server's PID even when the server cannot answer.
    pid = protocol.peer_uid_pid(sock)[1]
    try:
        protocol.send(sock, request)
        hello = protocol.receive(sock)
    except TimeoutError:
        raise _Gone(f"the newslint server (pid {pid}) did not answer within "
                    f"{_hello_timeout():g} s", pid, warn=True) from None
    except (protocol.ProtocolError, OSError) as exc:
        raise _Gone(f"the newslint server (pid {pid}) failed: {exc}", pid) from None
    if hello.get("t") != "hello":
        raise _Gone("the newslint server sent no greeting", pid, warn=True)
    if request.get("identity") and hello.get("identity") != request["identity"]:
        raise _Mismatch(hello.get("pid", pid))
    return hello


def _frames(sock, hello: dict):
    """The server's frames after its greeting, until the connection ends."""
    sock.settimeout(SILENCE_TIMEOUT)
    while True:
        try:
            yield protocol.receive(sock)
        except TimeoutError:
            raise _Gone(f"the newslint server (pid {hello.get('pid')}) went silent for "
                        f"{SILENCE_TIMEOUT:g} s", hello.get("pid"), warn=True) from None
        except (protocol.ProtocolError, OSError) as exc:
            raise _Gone(f"the newslint server (pid {hello.get('pid')}) stopped mid-run: "
                        f"{exc}", hello.get("pid"), warn=True) from None


def _exchange(request: dict):
    """Send one check; returns its exit code, or None when the server says "check locally".
    Standard output is held until the end, so a server dying mid-run leaves nothing half
    printed and the local run that replaces it prints everything once."""
    sock = _connect()
    try:
        hello = _hello(sock, request)
        out: list = []
        for frame in _frames(sock, hello):
            kind = frame.get("t")
            if kind == "out":
                out.append(frame["d"])
            elif kind == "err":
                sys.stderr.write(frame["d"])
                sys.stderr.flush()
            elif kind == "exit":
                _write_out("".join(out))
                return int(frame["code"])
            elif kind == "bypass":
                return None
    finally:
        sock.close()


def _exchange_document(request: dict):
    """Send one open document; returns the server's report of it (a dict), or None when the
    server says "check locally". Warnings go to standard error (an editor's server log)."""
    sock = _connect()
    try:
        hello = _hello(sock, request)
        report = None
        for frame in _frames(sock, hello):
            kind = frame.get("t")
            if kind == "err":
                sys.stderr.write(frame["d"])
                sys.stderr.flush()
            elif kind == "report":
                report = frame["d"]
            elif kind == "exit":
                if report is None:
                    raise _Gone(f"the newslint server (pid {hello.get('pid')}) sent no "
                                f"report (exit {frame.get('code')}); see its log",
                                hello.get("pid"), warn=True)
                return report
            elif kind == "bypass":
                return None
    finally:
        sock.close()


def _write_out(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `newslint … | head`, as the local run handles it
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass


def _stop_process(pid, wait: float = 5.0) -> None:
    """Stop a server that cannot be asked: SIGTERM, then SIGKILL."""
    if not pid or pid == os.getpid():
        return
    import signal

    for sig, grace in ((signal.SIGTERM, wait), (signal.SIGKILL, 2.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        except PermissionError:
            return
        if _wait_gone(pid, grace):
            return


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        if _is_zombie(pid):
            return True
        time.sleep(0.02)
    return False


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _ask_to_stop(pid) -> None:
    """Ask a server (of another version, say) to exit, and make sure it did."""
    try:
        sock = _connect()
    except _Gone:
        return
    try:
        protocol.send(sock, {"op": "stop"})
        while protocol.receive(sock).get("t") != "bye":
            pass
    except (protocol.ProtocolError, OSError):
        pass
    finally:
        sock.close()
    if pid and not _wait_gone(pid, 10.0):
        _stop_process(pid)
    try:
        os.unlink(socket_path())
    except OSError:
        pass


def start_server(idle_timeout=None) -> None:
    """Start a server in the background and wait until its socket answers."""
    import subprocess

    folder = ensure_runtime_dir()
    command = [sys.executable, "-m", "newslint.server.daemon"]
    if idle_timeout is not None:
        command += ["--idle-timeout", str(idle_timeout)]
    log_path = os.path.join(folder, LOG_NAME)
    try:
        fresh = os.path.getsize(log_path) > 1_000_000  # kept short: one server's story
    except OSError:
        fresh = True
    with open(log_path, "wb" if fresh else "ab") as log:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                   start_new_session=True, close_fds=True)
    deadline = time.monotonic() + START_TIMEOUT
    path = socket_path()
    while time.monotonic() < deadline:
        probe = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
            probe.connect(path)
            return
        except OSError:
            pass
        finally:
            probe.close()
        code = process.poll()
        if code not in (None, 0):  # 0: another client's server won the race
            raise _Gone(f"the newslint server exited at start (exit {code}); see "
                        f"{log_path}", warn=True)
        time.sleep(0.02)
    raise _Gone(f"the newslint server did not open its socket within {START_TIMEOUT:g} s; "
                f"see {log_path}", warn=True)


# -- newslint check -----------------------------------------------------------------------
def check_through_server(argv: list):
    """The exit code of ``newslint check ARGV`` answered by the server, or None to check in
    this process (no server and none to start, ``server: off``, ``--no-server``)."""
    scan = _scan(argv)
    if scan is None:
        return None
    from newslint.configpaths import find_config_file

    config_file = scan["config"] or find_config_file(_first_path(scan))
    modes = configured_modes(config_file)
    mode = server_mode(modes["server"])
    if mode == "off":
        return None
    may_start = mode == "required" or (
        mode == "auto" and not in_ci() and _runs_languagetool(scan, modes))
    stdin = None
    if "-" in scan["paths"]:
        import io

        data = sys.stdin.buffer.read()
        # Handed on, should the check end up in this process after all.
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        stdin = data
    request = {"op": "check", "identity": identity(), "argv": ["check", *argv],
               "cwd": os.getcwd(), "env": dict(os.environ), "stdin": stdin,
               "stdout_tty": _isatty(sys.stdout), "stderr_tty": _isatty(sys.stderr)}
    answered, code, problem = _through_server(request, _exchange, may_start)
    if answered:
        return code
    if mode == "required":
        sys.stderr.write(f"newslint: {_required_but(problem)}\n")
        return 2
    if problem is not None:
        _warn(f"{problem}; checking in this process")
    return None


def _required_but(problem) -> str:
    reason = problem or "no newslint server is running and none could be started"
    return f"server: required, but {reason}"


def _through_server(request: dict, exchange, may_start: bool):
    """``(True, answer, None)`` from ``exchange(request)`` on a server (a dead, hung or other
    version's server is replaced; one is started when ``may_start``), else ``(False, None,
    problem)``, ``problem`` being the reason worth a warning, if any."""
    problem = None
    for attempt in (1, 2):
        try:
            return True, exchange(request), None
        except _Mismatch as exc:
            _ask_to_stop(exc.pid)  # an older (or newer) newslint: replaced by ours
        except _Gone as exc:
            if exc.pid:
                _stop_process(exc.pid)
                try:
                    os.unlink(socket_path())
                except OSError:
                    pass
            if exc.warn:
                problem = exc
        if attempt == 2 or not may_start:
            break
        try:
            start_server()
        except _Gone as exc:
            problem = exc
            break
        except OSError as exc:
            problem = _Gone(f"the newslint server could not be started: {exc}", warn=True)
            break
    return False, None, problem


# -- the language server ------------------------------------------------------------------
class ServerUnavailable(Exception):
    """``server: required`` and no server could be used: the document is not checked."""


def document_through_server(path: str, text: str, config_file):
    """The warm server's report of one open document (see
    :func:`newslint.lsp.report.document_report`), or None to check it in this process.
    ``config_file`` is the document's configuration (None: the defaults). The same policy as
    ``newslint check``: ``server: off`` never asks; ``auto`` asks a running server and starts
    one when the document needs LanguageTool (never in CI); ``required`` raises
    :class:`ServerUnavailable` when no server answers."""
    modes = configured_modes(config_file)
    mode = server_mode(modes["server"])
    if mode == "off":
        return None
    may_start = mode == "required" or (
        mode == "auto" and not in_ci() and modes["languagetool"] != "off")
    # The server finds the configuration from the document's folder, as `newslint check PATH`
    # does: the same warm checker answers both.
    request = {"op": "document", "identity": identity(), "path": os.path.abspath(path),
               "text": text, "cwd": os.getcwd(), "env": dict(os.environ)}
    answered, report, problem = _through_server(request, _exchange_document, may_start)
    if answered:
        return report
    if mode == "required":
        raise ServerUnavailable(_required_but(problem))
    if problem is not None:
        _warn(f"{problem}; checking in this process")
    return None


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


# -- newslint server start|stop|status ----------------------------------------------------
def _request(op: str):
    """One status or stop request; None when no server is there. A server that cannot answer
    (hung, or speaking another protocol) is stopped."""
    try:
        sock = _connect()
    except _Gone:
        return None
    try:
        hello = _hello(sock, {"op": op})
        answer = protocol.receive(sock)
        answer.setdefault("pid", hello.get("pid"))
        answer["identity"] = hello.get("identity")
        return answer
    except _Gone as exc:
        _stop_process(exc.pid)
        return None
    except (protocol.ProtocolError, OSError):
        return None
    finally:
        sock.close()


def server_command(args) -> int:
    if args.action == "status":
        return _status()
    if args.action == "stop":
        return _stop()
    return _start(args)


def _start(args) -> int:
    status = _request("status")
    if status is not None and status["identity"] == identity():
        print(f"newslint server already running (pid {status['pid']}, socket "
              f"{status['socket']})")
        return 0
    if status is not None:
        _ask_to_stop(status["pid"])
    try:
        start_server(args.idle_timeout)
        request = {"op": "warm", "identity": identity(), "cwd": os.getcwd(),
                   "env": dict(os.environ), "config": args.config,
                   "stdout_tty": _isatty(sys.stdout), "stderr_tty": _isatty(sys.stderr)}
        code = _exchange(request)
    except (_Gone, _Mismatch, OSError) as exc:
        sys.stderr.write(f"newslint: could not start the server: {exc}\n")
        return 2
    status = _request("status") or {}
    if code:  # the configuration here is broken: the server said why
        return code
    print(f"newslint server started (pid {status.get('pid')}, socket {status.get('socket')})")
    return 0


def _stop() -> int:
    status = _request("status")
    if status is None:
        print(f"no newslint server running (socket {socket_path()})")
        return 0
    _ask_to_stop(status["pid"])
    print(f"newslint server stopped (pid {status['pid']})")
    return 0


def _mb(size) -> str:
    return f"{size / 1e6:.1f} MB resident" if size else "unknown"


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds // 60 % 60} min"


def _status() -> int:
    status = _request("status")
    if status is None:
        print(f"newslint server: not running (socket {socket_path()})")
        return 1
    same = status["identity"] == identity()
    lines = [
        "newslint server: running" + ("" if same else
                                      " (another newslint installation; a check replaces it)"),
        f"  pid:          {status['pid']}",
        f"  uptime:       {_duration(status['uptime'])}",
        f"  version:      {status['version']}",
        f"  memory:       {_mb(status['rss'])}",
        f"  socket:       {status['socket']}",
        f"  idle exit:    after {_duration(status['idle_timeout'])} without a request",
        f"  requests:     {status['requests']} ({status['configurations']} "
        f"configuration{'s' if status['configurations'] != 1 else ''} loaded)",
    ]
    if not status["languagetool"]:
        lines.append("  languagetool: not started (no check has needed it yet)")
    for lt in status["languagetool"]:
        lines.append(f"  languagetool: {lt['state']}, pid {lt['pid']}, {lt['url']}, "
                     f"{_mb(lt['rss'])} (heap limit {lt['heap']}), version {lt['version']}")
    print("\n".join(lines))
    return 0
