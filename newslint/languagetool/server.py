"""One LanguageTool HTTP server per run, on a free loopback port, never left running.

The server is a child JVM. It is stopped by :meth:`LanguageToolServer.stop` (the rule's
``stop()``, which the engine calls on normal exit, errors and Ctrl-C), by an ``atexit`` hook as a
second line of defence, and on Linux by the kernel when the process that started it dies
(``PR_SET_PDEATHSIG``), so even a killed newslint leaves no JVM behind.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import shutil
import signal
import socket
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


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except OSError:
            pass
    # Ctrl-C in the terminal goes to the whole foreground process group; the server is stopped
    # by newslint itself in order, not killed half-way through a request.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LanguageToolServer:
    """A LanguageTool HTTP server started from an :class:`Installation`."""

    def __init__(self, installation: Installation, java: str = "java", heap: str = "1g",
                 startup_timeout: float = 60.0, jvm_options: tuple[str, ...] = ()):
        self.installation = installation
        self.java = java
        self.heap = heap
        self.startup_timeout = startup_timeout
        self.jvm_options = tuple(jvm_options)
        self.port: Optional[int] = None
        self.process: Optional[subprocess.Popen] = None
        self.restarts = 0
        self._owner_pid = os.getpid()
        self._lock = threading.Lock()
        self._log_path: Optional[Path] = None
        self._config_path: Optional[Path] = None
        self._ready_in: Optional[int] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def command(self, port: int, config_file: Path) -> list[str]:
        # No --public: HTTPServer then listens on the loopback interface only.
        return [self.java, f"-Xmx{self.heap}", NO_DELAY, *self.jvm_options, "-cp",
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
        does not pay for the JVM's start-up.
        """
        java = shutil.which(self.java)
        if java is None:
            raise ServerError(f"Java ({self.java!r}) was not found; LanguageTool needs Java 17+")
        self.port = free_loopback_port()
        self._remove_temp_files()  # a restart's predecessor's
        fd, log = tempfile.mkstemp(prefix="newslint-languagetool-", suffix=".log")
        self._log_path = Path(log)
        self._config_path = write_private_temp(SERVER_PROPERTIES, ".properties")
        with os.fdopen(fd, "wb") as log_file:
            self.process = subprocess.Popen(
                self.command(self.port, self._config_path), stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT, preexec_fn=_die_with_parent, close_fds=True)
        self._owner_pid = os.getpid()
        self._ready_in = None
        atexit.register(self.stop)
        return self.url

    def wait_ready(self) -> None:
        """Wait until the server answers (at most ``startup_timeout``); once per process."""
        import requests  # slow to import: only when LanguageTool runs
        if getattr(self, "_ready_in", None) == os.getpid():
            return
        deadline = time.monotonic() + self.startup_timeout
        probe = f"{self.url}v2/healthcheck"
        owner = os.getpid() == self._owner_pid
        while time.monotonic() < deadline:
            # Only the process that started the JVM can see it exit; workers just poll HTTP.
            code = self.process.poll() if owner and self.process is not None else None
            if code is not None:
                raise ServerError(f"LanguageTool exited during start-up (exit {code})"
                                  f"{self._log_tail()}")
            try:
                if requests.get(probe, timeout=2).ok:
                    self._ready_in = os.getpid()
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise ServerError(
            f"LanguageTool did not answer within {self.startup_timeout:g} s "
            f"(raise languagetool.startup_timeout on slow machines){self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            lines = self._log_path.read_text(errors="replace").splitlines()[-8:]
        except (OSError, AttributeError):
            return ""
        return (":\n" + "\n".join(lines)) if lines else ""

    def answers(self) -> bool:
        """Whether the server is up already (no waiting)."""
        if getattr(self, "_ready_in", None) == os.getpid():
            return True
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def restart(self) -> str:
        """Replace a dead server once per run; a second death is an error."""
        with self._lock:
            if self.alive():
                return self.url  # another thread already restarted it
            if self.restarts >= 1:
                raise ServerError("LanguageTool stopped again after a restart")
            self.restarts += 1
            self._terminate()
            return self.start()

    def stop(self) -> None:
        """Stop the server (idempotent). Only the process that started it stops it."""
        if os.getpid() != self._owner_pid:
            return
        self._terminate()
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
