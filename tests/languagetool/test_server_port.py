"""The port a replacement server is published on is the port it listens on, whatever another
thread reads from the shared state while the JVM is being forked."""

from __future__ import annotations

from newslint.languagetool import server as server_module
from newslint.languagetool.provision import Installation
from newslint.languagetool.server import LanguageToolServer


class _ForkWhileReading:
    """Stands in for Popen: records the port the JVM was told, and meanwhile lets another
    thread of the process read the shared state (as a pool thread waiting in ``restart``
    does every 0.1 s), which is when the dead server's port is still published."""

    commands: list = []
    reader: LanguageToolServer

    def __init__(self, command, **_):
        type(self).commands.append(command)
        self.pid = 4242
        type(self).reader.current()

    def poll(self):
        return None


def _told_port(command) -> int:
    return int(command[command.index("--port") + 1])


def test_a_replacement_is_published_on_its_own_port(monkeypatch, tmp_path):
    server = LanguageToolServer(Installation("6.8", tmp_path))
    monkeypatch.setattr(server_module.subprocess, "Popen", _ForkWhileReading)
    monkeypatch.setattr(_ForkWhileReading, "commands", [])
    monkeypatch.setattr(_ForkWhileReading, "reader", server, raising=False)
    try:
        server._launch()
        server._launch()
        first, second = (_told_port(c) for c in _ForkWhileReading.commands)
        assert second != first
        # Every process reads the replacement's port, and this one's URL names it.
        assert server.current() == second
        assert server.url == f"http://127.0.0.1:{second}/"
    finally:
        server.process = None
        server._remove_temp_files()


def test_restart_returns_the_url_of_the_server_that_answered(monkeypatch, tmp_path):
    srv = LanguageToolServer(Installation("6.8", tmp_path))
    srv._shared.publish(5001)
    srv.port = 5001
    answered = []
    monkeypatch.setattr(srv, "_healthy", lambda port: answered.append(port) or port == 5002)
    monkeypatch.setattr(srv, "_pause", lambda: srv._shared.publish(5002))
    # The process's own idea of the port is stale: the URL comes from what was published.
    srv.port = 4999
    assert srv.restart() == "http://127.0.0.1:5002/"
    assert answered[0] == 5001 and answered[-1] == 5002
