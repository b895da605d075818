"""The server process (``python -m newslint.server.daemon``), started by ``newslint server start``
or by a ``newslint check`` that needs LanguageTool.

Connections are accepted on their own threads, so ``status`` and the liveness answer never wait
for a check; checks run one at a time on the main thread. One at a time because a check changes
what is process-wide (working directory, environment, standard streams) exactly as the command
line would; and on the main thread because LanguageTool's JVM is told to die with the thread
that started it (``PR_SET_PDEATHSIG``), which must live as long as the server.
"""

from __future__ import annotations

import argparse
import fcntl
import io
import os
import queue
import signal
import socket
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Optional

from newslint.server import protocol
from newslint.server.paths import LOCK_NAME, SOCKET_NAME, ensure_runtime_dir, identity

#: Seconds between heart beats while a check runs: the client's sign that the server lives.
HEARTBEAT = 1.0
#: Environment variables that change what a configuration loads (and so which checker).
LOAD_ENVIRONMENT = ("NEWSLINT_CACHE_DIR", "XDG_CACHE_HOME", "HOME")


class ClientLink:
    """One client connection; frames from several threads are sent whole, one at a time."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.lock = threading.Lock()
        self.open = True
        self.sent_output = False

    def send(self, message: dict) -> None:
        if not self.open:
            return
        with self.lock:
            try:
                protocol.send(self.sock, message)
            except OSError:  # the client went away (Ctrl-C): finish quietly
                self.open = False


class ClientStream(io.TextIOBase):
    """Standard output or error of the client's command, sent as frames in order.

    Output is gathered in blocks; anything on standard error first sends the output written
    before it, so a terminal shows both in the order a local run would.
    """

    def __init__(self, link: ClientLink, kind: str, tty: bool, before=None):
        self.link = link
        self.kind = kind
        self.tty = tty
        self.before = before
        self.parts: list = []
        self.size = 0
        self.pid = os.getpid()

    @property
    def encoding(self):
        return "utf-8"

    def isatty(self) -> bool:
        return self.tty

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if os.getpid() != self.pid:
            return len(text)  # a worker process of a --jobs run: not ours to send
        self.parts.append(text)
        self.size += len(text)
        if self.kind == "err" or self.size > 65536:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if os.getpid() != self.pid:
            return
        if self.before is not None:
            self.before.flush()
        if self.parts:
            data, self.parts, self.size = "".join(self.parts), [], 0
            self.link.sent_output = True
            self.link.send({"t": self.kind, "d": data})


class Bypass(Exception):
    """The effective configuration says ``server: off``: the client checks in-process."""


class Warnings:
    """The warning callback of a warm checker. A local run prints the warnings of loading and
    starting every time; a warm checker loaded and started once, so it replays them."""

    def __init__(self):
        self.phase = "load"
        self.recorded: dict = {"load": [], "start": []}
        self.seen: set = set()

    def __call__(self, message: str) -> None:
        if message in self.seen:
            return
        self.seen.add(message)
        if self.phase in self.recorded:
            self.recorded[self.phase].append(message)
        sys.stderr.write(f"newslint: warning: {message}\n")

    def replay(self, phase: str) -> None:
        for message in self.recorded[phase]:
            self(message)


def _warm_checker_class():
    from newslint.checker import Checker

    class WarmChecker(Checker):
        """Started once; the ``with`` block of each run leaves LanguageTool running."""

        warnings: Warnings
        dependencies: tuple = ()
        stamps: tuple = ()
        running = False

        def start(self, jobs: int = 1):
            if self.running:
                self.warnings.replay("start")
                return self
            self.warnings.phase = "start"
            try:
                super().start(jobs)
            finally:
                self.warnings.phase = "run"
            self.running = True
            return self

        def __exit__(self, *exc) -> None:
            pass  # kept warm; Daemon.forget stops it

        def stop(self) -> None:
            self.running = False
            super().stop()

    return WarmChecker


def _stamp(path: Path):
    try:
        if path.is_dir():
            return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                                for p in path.rglob("*") if p.is_file()))
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return None


def _dependencies(checker) -> tuple:
    """Files besides the configuration whose edits change what the checker does."""
    config = checker.config
    paths = list(config.pack_paths)
    for rule in checker.active:
        for key, value in checker.engine.options.get(rule.id, {}).items():
            if key.endswith("_file") and isinstance(value, str) and value:
                paths.append(Path(value))
    for name, section in config.sections.items():
        for key, value in section.items():
            if key.endswith("_file") and isinstance(value, str) and value:
                paths.append(config.root / Path(value).expanduser())
    return tuple(paths)


class Daemon:
    def __init__(self, idle_timeout: Optional[float]):
        self.fixed_idle = idle_timeout
        self.idle_timeout = idle_timeout or 900.0
        self.identity = identity()
        self.started = time.time()
        self.jobs: queue.Queue = queue.Queue()
        self.checkers: dict = {}
        self.requests = 0
        self.busy = False
        self.last_request = time.monotonic()
        self.stopping = threading.Event()
        #: Set by SIGTERM/SIGINT: a signal handler must not take the queue's lock.
        self.signalled = False
        self.folder = Path(ensure_runtime_dir())
        self.socket_path = self.folder / SOCKET_NAME
        self.listener: Optional[socket.socket] = None
        self._lock_file = None
        self._original_env = dict(os.environ)
        self._plugins: Optional[str] = None

    # -- start and stop -------------------------------------------------------------------
    def claim(self) -> bool:
        """Hold the lock file for the server's lifetime; False when another server holds it
        (two clients started one each at the same moment: the first one wins)."""
        self._lock_file = open(self.folder / LOCK_NAME, "a+")
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def listen(self) -> None:
        # Bound under a temporary name and renamed once listening: a client never finds a
        # socket file that refuses connections (which it would take for a dead server's).
        # Holding the lock, any socket file already there belongs to a server that died.
        temporary = self.folder / f".{SOCKET_NAME}.{os.getpid()}"
        temporary.unlink(missing_ok=True)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # the socket is created 0600: no moment when others could connect
        try:
            sock.bind(str(temporary))
        finally:
            os.umask(old)
        os.chmod(temporary, 0o600)
        sock.listen(64)
        os.replace(temporary, self.socket_path)
        self.listener = sock

    def shutdown(self) -> None:
        from newslint.languagetool import service

        self.stopping.set()
        for server in list((service._SHARED or {}).values()):
            server.cancel()
        self.jobs.put(None)

    def close(self) -> None:
        try:
            if self.listener is not None:
                self.listener.close()
            # Only our own socket: a newer server may have replaced it already.
            if self.socket_path.exists() and self._own_socket:
                self.socket_path.unlink(missing_ok=True)
        finally:
            for entry in list(self.checkers.values()):
                entry.stop()
            self.checkers.clear()
            from newslint.languagetool import service
            for server in list((service._SHARED or {}).values()):
                server.stop()

    @property
    def _own_socket(self) -> bool:
        try:
            return self.socket_path.stat().st_ino == self._socket_inode
        except OSError:
            return False

    # -- connections ----------------------------------------------------------------------
    def accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                sock, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self.serve, args=(sock,), daemon=True).start()

    def serve(self, sock: socket.socket) -> None:
        link = ClientLink(sock)
        try:
            uid, _pid = protocol.peer_uid_pid(sock)
            if uid is not None and uid != os.getuid():
                return  # cannot happen through a 0700 folder; checked all the same
            sock.settimeout(30)
            request = protocol.receive(sock)
            sock.settimeout(None)
            op = request.get("op")
            link.send({"t": "hello", "identity": self.identity, "pid": os.getpid()})
            if op == "status":
                link.send({"t": "status", **self.status()})
            elif op == "stop":
                link.send({"t": "bye"})
                self.shutdown()
            elif op in ("check", "warm", "document"):
                if request.get("identity") != self.identity:
                    return  # the client sees the identity in hello and replaces this server
                done = threading.Event()
                self.jobs.put((request, link, done))
                while not done.wait(HEARTBEAT):
                    link.send({"t": "hb"})
        except (protocol.ProtocolError, OSError):
            pass
        finally:
            try:
                sock.close()
            except OSError:
                pass

    # -- the main thread ------------------------------------------------------------------
    def main_loop(self) -> None:
        while not (self.stopping.is_set() or self.signalled):
            idle_left = self.idle_timeout - (time.monotonic() - self.last_request)
            if idle_left <= 0 and self.jobs.empty():
                return
            try:
                job = self.jobs.get(timeout=max(0.05, min(idle_left, 0.5)))
            except queue.Empty:
                continue
            if job is None:
                return
            request, link, done = job
            self.busy = True
            try:
                self.run(request, link)
            finally:
                self.busy = False
                self.requests += 1
                self.last_request = time.monotonic()
                done.set()

    def run(self, request: dict, link: ClientLink) -> None:
        from newslint import cli

        env = request.get("env") or {}
        out = ClientStream(link, "out", bool(request.get("stdout_tty")))
        err = ClientStream(link, "err", bool(request.get("stderr_tty")), before=out)
        data = request.get("stdin") or b""
        saved = (sys.stdout, sys.stderr, sys.stdin, os.getcwd())
        code: object = None
        try:
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(env)
            sys.stdout, sys.stderr = out, err
            sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
            cli.CHECKER_SOURCE = self.checker_for
            if request["op"] == "warm":
                code = self.warm(request)
            elif request["op"] == "document":
                link.send({"t": "report", "d": self.document(request)})
                code = 0
            else:
                try:
                    code = cli.main(list(request["argv"]))
                except SystemExit as exc:  # argparse's usage errors
                    code = exc.code
            out.flush()
            err.flush()
        except Bypass:
            code = "bypass"
        except Exception:
            sys.__stderr__.write(traceback.format_exc())
            if link.sent_output:
                err.write("newslint: internal error in the server; see its log\n")
                err.flush()
                code = 3
            else:
                code = "bypass"
        finally:
            cli.CHECKER_SOURCE = None
            sys.stdout, sys.stderr, sys.stdin = saved[:3]
            os.environ.clear()
            os.environ.update(self._original_env)
            try:
                os.chdir(saved[3])
            except OSError:
                os.chdir("/")
            self.after_run()
        if code == "bypass":
            link.send({"t": "bypass"})
        else:
            link.send({"t": "exit", "code": int(code or 0) if not isinstance(code, str) else 2})

    def warm(self, request: dict) -> int:
        """``newslint server start``: load the configuration of the directory it was started
        in and wait for LanguageTool, so the first check is warm."""
        from newslint import cli

        argv = ["check", "--no-server", "-"]
        if request.get("config"):
            argv[1:1] = ["--config", request["config"]]
        args = cli.build_parser().parse_args(argv)
        checker = self.checker_for(args, Path.cwd())
        checker.start(1)
        rule = checker.rules.get("languagetool")
        connection = getattr(rule, "connection", None)
        if connection is not None and rule in checker.active:
            from newslint.languagetool.service import server_version
            try:
                connection.ready(cli._notice)
                # The first check loads LanguageTool's English models, as long again as the
                # JVM's start: done now, not in the user's first check.
                server_version(connection.url, 120)
            except Exception as exc:  # Unavailable, or the probe failed: the check says more
                sys.stderr.write(f"newslint: warning: LanguageTool did not start: {exc}\n")
        return 0

    def document(self, request: dict) -> dict:
        """A language server's open document: checked on the warm checker of the
        configuration found from its folder, the one ``newslint check PATH`` uses; the report
        of :func:`newslint.lsp.report.document_report`."""
        from newslint import cli
        from newslint.errors import NewslintError
        from newslint.lsp.report import document_report, problem_report

        args = cli.build_parser().parse_args(["check", "--no-server", "-"])
        path = request["path"]
        try:
            checker = self.checker_for(args, Path(os.path.dirname(path) or "."))
            checker.start(1)
            return document_report(checker, path, request["text"])
        except NewslintError as exc:
            return problem_report(str(exc))

    def after_run(self) -> None:
        """Forget checkers whose LanguageTool failed, so the next run starts a fresh one."""
        from newslint.languagetool import service

        for key, entry in list(self.checkers.items()):
            if not self._healthy(entry):
                self.forget(key)
        for key, server in list((service._SHARED or {}).items()):
            if not server.alive():
                service._SHARED.pop(key, None)
            else:
                server.restarts = 0  # "restarted once per run" counts per run

    @staticmethod
    def _healthy(checker) -> bool:
        rule = checker.rules.get("languagetool")
        if rule is None:
            return True
        if getattr(rule, "failure", None):
            return False
        connection = getattr(rule, "connection", None)
        server = getattr(connection, "server", None)
        return server is None or server.alive()

    def forget(self, key) -> None:
        entry = self.checkers.pop(key, None)
        if entry is not None:
            try:
                entry.stop()
            except Exception:
                traceback.print_exc()

    # -- checkers -------------------------------------------------------------------------
    def checker_for(self, args, start: Path):
        """The warm checker for this run's configuration, loaded again when the configuration
        or a file it names (packs, vocabularies, dictionaries) changed."""
        from newslint.configpaths import find_config

        config_file = Path(args.config).resolve() if args.config else \
            find_config(start or Path.cwd())
        try:
            content = config_file.read_bytes() if config_file is not None else b""
        except OSError:
            content = None  # load_config reports it
        from newslint.plugins import discovery_key

        plugins = discovery_key()  # a plugin installed or removed since: load again
        if plugins != self._plugins:
            import importlib

            importlib.invalidate_caches()
            self._plugins = plugins
        key = (str(config_file), content, args.select, args.extend_select, args.ignore,
               bool(args.no_cache), tuple(os.environ.get(k, "") for k in LOAD_ENVIRONMENT),
               plugins)
        entry = self.checkers.get(key)
        if entry is not None and tuple(_stamp(p) for p in entry.dependencies) != entry.stamps:
            self.forget(key)
            entry = None
        if entry is None:
            entry = self._load(args, config_file, start)
            if len(self.checkers) >= 8:  # a handful of projects; the oldest goes
                self.forget(next(iter(self.checkers)))
            self.checkers[key] = entry
        else:
            self.checkers[key] = self.checkers.pop(key)  # most recently used last
            entry.warnings.seen = set()
            entry.warnings.replay("load")
        section = entry.config.section("server")
        if section["mode"] == "off":
            raise Bypass()
        if self.fixed_idle is None:
            self.idle_timeout = section["idle_timeout"]
        return entry

    def _load(self, args, config_file, start):
        from newslint.cli import _notice, _split

        warnings = Warnings()
        checker = _warm_checker_class().load(
            config_file=config_file, start=start, select=_split(args.select),
            extend_select=_split(args.extend_select), ignore=_split(args.ignore), warn=warnings,
            notice=_notice)
        checker.warnings = warnings
        warnings.phase = "loaded"
        if args.no_cache:
            checker.config.use_cache = False
        checker.engine.memo = {}
        checker.dependencies = _dependencies(checker)
        checker.stamps = tuple(_stamp(p) for p in checker.dependencies)
        return checker

    # -- status ---------------------------------------------------------------------------
    def status(self) -> dict:
        from newslint import __version__
        from newslint.languagetool import service

        lt = []
        for server in (service._SHARED or {}).values():
            proc = server.process
            state = "running" if server.alive() and server.answers() else \
                ("starting" if server.alive() else "exited")
            lt.append({"pid": proc.pid if proc else None, "url": server.url, "state": state,
                       "heap": server.heap, "rss": _rss(proc.pid) if proc else None,
                       "version": server.installation.version})
        return {"pid": os.getpid(), "version": __version__, "uptime": time.time() - self.started,
                "rss": _rss(os.getpid()), "socket": str(self.socket_path),
                "requests": self.requests, "configurations": len(self.checkers),
                "idle_timeout": self.idle_timeout, "busy": self.busy, "languagetool": lt}


def _rss(pid: int) -> Optional[int]:
    """Resident memory in bytes, from /proc (Linux)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newslint.server.daemon")
    parser.add_argument("--idle-timeout", type=float)
    args = parser.parse_args(argv)
    daemon = Daemon(args.idle_timeout)
    if not daemon.claim():
        return 0  # another server is starting or running: clients will find it
    from newslint.languagetool import service

    service.keep_servers()
    daemon.listen()
    daemon._socket_inode = daemon.socket_path.stat().st_ino
    def on_signal(*_):
        daemon.signalled = True
        # A check or `server start` waiting for LanguageTool's start-up gives up now, so the
        # server exits within a moment, not once LanguageTool has started (plain attributes
        # only: a signal handler takes no lock).
        for server in list((service._SHARED or {}).values()):
            server.cancel()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    threading.Thread(target=daemon.accept_loop, daemon=True).start()
    sys.stderr.write(f"newslint server {os.getpid()} listening on {daemon.socket_path}\n")
    sys.stderr.flush()
    try:
        daemon.main_loop()
    finally:
        daemon.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
