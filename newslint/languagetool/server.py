"""One LanguageTool HTTP server per run, on a free loopback port, never left running.

The server is a child JVM. It is stopped by :meth:`LanguageToolServer.stop` (the rule's
``stop()``, which the engine calls on normal exit, errors and Ctrl-C), by an ``atexit`` hook as a
second line of defence, and on Linux by the kernel when the process that started it dies
(``PR_SET_PDEATHSIG``, set by util-linux's ``setpriv``), so even a killed newslint leaves no JVM
behind.

The process that started the server owns it, also for the worker processes of ``--jobs N``
(forked after it): a thread of the owner watches the JVM and, when it dies mid-run, starts
one replacement for the whole run. The owner publishes the server's port (or why there is no
server any more) in a small shared memory block that every process reads, so a worker that
finds the server gone waits for the replacement instead of starting a JVM of its own, and
after a second death every process gets the same clear error.
"""

from __future__ import annotations

import atexit
import mmap
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Optional

from newslint.languagetool.provision import SERVER_MAIN_CLASS, Installation


#: Server settings. Without pipeline caching LanguageTool builds its rule pipeline again for
#: every request, which costs more than checking a typical article.
SERVER_PROPERTIES = """\
pipelineCaching=true
maxPipelinePoolSize=32
pipelineExpireTimeInSeconds=3600
"""

#: Java's HTTP server writes a response's headers and body separately and, by default, lets
#: the kernel hold the body until the client acknowledges the headers, which a client does
#: only after its 40 ms delayed-ACK timer: every check took at least 40 ms more than the
#: checking itself (a one-sentence request: 54 ms instead of 13 ms).
NO_DELAY = "-Dsun.net.httpserver.nodelay=true"


class ServerError(Exception):
    """The LanguageTool server could not be started or stopped responding."""


class StartupCancelled(ServerError):
    """The run was stopped (a signal, :meth:`LanguageToolServer.stop`) while waiting."""


class SharedState:
    """The server's port, or why it is gone, in anonymous shared memory: written by the owner,
    read by every process forked from it (no file, no lock: one writer, word-sized fields)."""

    _HEAD = struct.Struct("qq")  # port, failed (1) or not (0)
    SIZE = 1024

    def __init__(self):
        self._map = mmap.mmap(-1, self.SIZE)  # MAP_SHARED | MAP_ANONYMOUS

    def publish(self, port: int) -> None:
        self._HEAD.pack_into(self._map, 0, port, 0)

    def fail(self, message: str) -> None:
        data = message.encode("utf-8", "replace")[:self.SIZE - self._HEAD.size - 1]
        self._map[self._HEAD.size:self._HEAD.size + len(data) + 1] = data + b"\0"
        self._HEAD.pack_into(self._map, 0, 0, 1)

    def read(self) -> tuple[int, Optional[str]]:
        port, failed = self._HEAD.unpack_from(self._map, 0)
        if not failed:
            return port, None
        raw = self._map[self._HEAD.size:].split(b"\0", 1)[0]
        return 0, raw.decode("utf-8", "replace")


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_private_temp(text: str, suffix: str) -> Path:
    """A new temporary file holding ``text``, created exclusively (``mkstemp``: O_EXCL, so
    never through a link someone else placed in /tmp) and readable by this user only."""
    fd, name = tempfile.mkstemp(prefix="newslint-languagetool-", suffix=suffix)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    return Path(name)


def _parent_death_prefix() -> list[str]:
    """The command that makes the kernel stop the JVM when the thread that started it dies.

    util-linux's ``setpriv`` sets ``PR_SET_PDEATHSIG`` and then execs Java, so no Python runs
    between fork and exec: a ``preexec_fn`` doing the same ran in a forked copy of a
    threaded process and could hang there before the exec (a replacement started by the
    watch thread never came up). Where there is no ``setpriv`` (not Linux, a minimal
    container) the JVM is still stopped by :meth:`LanguageToolServer.stop` and ``atexit``.
    """
    if not sys.platform.startswith("linux"):
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM", "--"] if setpriv else []


def _url(port: Optional[int]) -> str:
    return f"http://127.0.0.1:{port}/"


class LanguageToolServer:
    """A LanguageTool HTTP server started from an :class:`Installation`."""

    #: How often the owner looks at the JVM, and a waiting process at the shared state.
    POLL = 0.1

    def __init__(self, installation: Installation, java: str = "java", heap: str = "1g",
                 startup_timeout: float = 60.0, jvm_options: tuple[str, ...] = ()):
        self.installation = installation
        self.java = java
        self.heap = heap
        self.startup_timeout = startup_timeout
        self.jvm_options = tuple(jvm_options)
        self.port: Optional[int] = None
        self.process: Optional[subprocess.Popen] = None
        #: Replacements started after a crash (the owner's count; at most one per run).
        self.restarts = 0
        self._owner_pid = os.getpid()
        self._lock = threading.Lock()
        self._log_path: Optional[Path] = None
        self._config_path: Optional[Path] = None
        #: (process id, port) of the last successful wait in a process.
        self._ready_in: Optional[tuple[int, int]] = None
        self._shared = SharedState()
        self._watcher: Optional[threading.Thread] = None
        #: Set by :meth:`cancel` (safe in a signal handler: a plain attribute) and by stop.
        self._cancelled = False
        self._stopping = False

    @property
    def url(self) -> str:
        return _url(self.port)

    @property
    def owner(self) -> bool:
        return os.getpid() == self._owner_pid

    def command(self, port: int, config_file: Path) -> list[str]:
        # No --public: HTTPServer then listens on the loopback interface only.
        return [*_parent_death_prefix(), self.java, f"-Xmx{self.heap}", NO_DELAY, *self.jvm_options, "-cp",
                self.installation.classpath,
                SERVER_MAIN_CLASS, "--port", str(port), "--config", str(config_file)]

    def start(self) -> str:
        """Start the server and wait until it answers; returns its base URL."""
        self.spawn()
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self.url

    def spawn(self) -> str:
        """Start the JVM without waiting for it; returns the URL it will answer on.

        A run whose paragraphs are all cached never waits for the server, so a warm re-run
        does not pay for the JVM's start-up. A thread of this process watches the JVM from
        now on and replaces it once if it dies.
        """
        if shutil.which(self.java) is None:
            raise ServerError(f"Java ({self.java!r}) was not found; LanguageTool needs Java 17+")
        self._owner_pid = os.getpid()
        self._cancelled = self._stopping = False
        port = self._launch()
        atexit.register(self.stop)
        self._watcher = threading.Thread(target=self._watch_or_report,
                                         args=(self.process, port),
                                         name="languagetool-watch", daemon=True)
        self._watcher.start()
        return self.url

    def _launch(self) -> int:
        """A new JVM on a new port, with new temporary files (a predecessor's are removed).

        The port is kept in a local until it is published: while Popen forks, another thread
        of this process may be in :meth:`current`, which sets ``self.port`` to the port still
        published (the dead server's). Publishing ``self.port`` afterwards published that dead
        port, and every process waited on it until its time-out while the replacement
        listened elsewhere.
        """
        port = free_loopback_port()
        self._remove_temp_files()
        fd, log = tempfile.mkstemp(prefix="newslint-languagetool-", suffix=".log")
        self._log_path = Path(log)
        self._config_path = write_private_temp(SERVER_PROPERTIES, ".properties")
        # A process group of its own: Ctrl-C in the terminal goes to the whole foreground
        # group, and the server is stopped by newslint in order, not killed mid-request.
        with os.fdopen(fd, "wb") as log_file:
            self.process = subprocess.Popen(
                self.command(port, self._config_path), stdin=subprocess.DEVNULL,
                stdout=log_file, stderr=subprocess.STDOUT, process_group=0, close_fds=True)
        self.port, self._ready_in = port, None
        self._shared.publish(port)
        return port

    def _watch_or_report(self, proc: subprocess.Popen, port: int) -> None:
        # A watch that died silently would leave every process waiting for a replacement
        # until its time-out; whatever goes wrong, they are told at once.
        try:
            self._watch(proc, port)
        except Exception as exc:
            self._shared.fail(f"LanguageTool's watch failed: {exc}")

    def _watch(self, proc: subprocess.Popen, port: int) -> None:
        """The owner's watch over the JVM: one replacement per run after a crash, and the
        reason published when there is none. The replacement is started from this thread,
        which lives as long as it does (the kernel's parent-death signal follows the thread
        that started a child)."""
        listening = False
        while True:
            code = proc.poll()
            if code is None:
                if not listening:
                    listening = self._listening(port)
                time.sleep(self.POLL)
                continue
            with self._lock:
                if self._stopping or self.process is not proc:
                    return
                if not listening:
                    self._shared.fail(f"LanguageTool exited during start-up (exit {code})"
                                      f"{self._log_tail()}")
                    return
                if self.restarts >= 1:
                    self._shared.fail(f"LanguageTool stopped again after a restart "
                                      f"(exit {code})")
                    return
                self.restarts += 1
                try:
                    port = self._launch()
                except Exception as exc:  # whatever it is, the waiting processes hear of it
                    self._shared.fail(f"LanguageTool could not be started again: {exc}")
                    return
                proc, listening = self.process, False

    def _listening(self, port: int) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            return False

    def _healthy(self, port: int) -> bool:
        """Whether the server on ``port`` answers HTTP now (a JVM being killed may still
        accept)."""
        import requests  # slow to import: only when LanguageTool runs
        try:
            return requests.get(f"http://127.0.0.1:{port}/v2/healthcheck", timeout=1).ok
        except requests.RequestException:
            return False

    def current(self) -> int:
        """The port of the run's server as its owner published it; raises
        :class:`ServerError` when there is none any more (it died again, or never started)."""
        port, failure = self._shared.read()
        if failure is not None:
            raise ServerError(failure)
        if port != self.port:
            self.port, self._ready_in = port, None
        return port

    def cancel(self) -> None:
        """Make every wait for the server in this process give up now (signal-safe)."""
        self._cancelled = True

    def _pause(self) -> None:
        if self._cancelled:
            raise StartupCancelled("stopped while waiting for LanguageTool")
        time.sleep(self.POLL)
        if self._cancelled:
            raise StartupCancelled("stopped while waiting for LanguageTool")

    def wait_ready(self) -> int:
        """Wait until the server answers (at most ``startup_timeout``) and return its port;
        once per process and server. Gives up at once when the run is stopped
        (:meth:`cancel`, :meth:`stop`)."""
        port = self.current()
        if self._ready_in == (os.getpid(), port):
            return port
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if self._cancelled:
                raise StartupCancelled("stopped while waiting for LanguageTool")
            published = self.current()
            if published != port:  # replaced during its start-up: a new wait
                port, deadline = published, time.monotonic() + self.startup_timeout
            if time.monotonic() >= deadline:
                break
            if self._healthy(port):
                self._ready_in = (os.getpid(), port)
                return port
            self._pause()
        raise ServerError(
            f"LanguageTool did not answer on port {port} within {self.startup_timeout:g} s "
            f"(raise languagetool.startup_timeout on slow machines){self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            lines = self._log_path.read_text(errors="replace").splitlines()[-8:]
        except (OSError, AttributeError):
            return ""
        return (":\n" + "\n".join(lines)) if lines else ""

    def answers(self) -> bool:
        """Whether the server is up already (no waiting)."""
        try:
            port = self.current()
        except ServerError:
            return False
        return self._ready_in == (os.getpid(), port) or self._listening(port)

    def alive(self) -> bool:
        """Whether the JVM runs (as its owner sees it)."""
        return self.process is not None and self.process.poll() is None

    def restart(self) -> str:
        """The server stopped answering: wait for the replacement the owner starts once per
        run (whichever process noticed) and return its URL; a second death, or no
        replacement in time, is a :class:`ServerError`."""
        failed = self.current()
        deadline = time.monotonic() + self.startup_timeout
        while self.current() == failed:
            if self._healthy(failed):
                return _url(failed)  # it answers again: the failure was the connection's
            if time.monotonic() >= deadline:
                raise ServerError(f"LanguageTool at {_url(failed)} is not answering and was "
                                  f"not replaced within {self.startup_timeout:g} s")
            self._pause()
        return _url(self.wait_ready())

    def stop(self) -> None:
        """Stop the server (idempotent). Only the process that started it stops it; in any
        process, a wait for the server gives up."""
        self._cancelled = True
        if not self.owner:
            return
        with self._lock:
            self._stopping = True
            self._terminate()
        watcher, self._watcher = self._watcher, None
        if watcher is not None and watcher is not threading.current_thread():
            watcher.join(timeout=2)
        atexit.unregister(self.stop)
        self._remove_temp_files()

    def _remove_temp_files(self) -> None:
        for path in (self._log_path, self._config_path):
            if path is not None:
                path.unlink(missing_ok=True)
        self._log_path = self._config_path = None

    def _terminate(self) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
