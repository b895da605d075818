"""A 500 or a timeout for one text is tried once more, then one clear error; the language
variant is in every request."""

from __future__ import annotations

import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newslint.languagetool.client import CheckError, CheckSettings, LanguageToolClient


class _FlakyProxy:
    """Forwards to the real server, but answers the first ``failures`` checks with a 500 (the
    way LanguageTool reports an internal exception), and records every request's form."""

    def __init__(self, upstream: str, failures: int):
        self.failures = failures
        self.forms: list[dict] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                proxy.forms.append(urllib.parse.parse_qs(body.decode()))
                if proxy.failures > 0:
                    proxy.failures -= 1
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b"Error: Internal Error: java.lang.NullPointerException")
                    return
                req = urllib.request.Request(upstream.rstrip("/") + self.path, data=body)
                with urllib.request.urlopen(req, timeout=60) as resp:
                    payload = resp.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(payload)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


@pytest.mark.languagetool
@pytest.mark.parametrize("failures, ok", [(1, True), (2, False)])
def test_a_500_is_retried_once(lt_server, failures, ok):
    proxy = _FlakyProxy(lt_server.url, failures)
    try:
        client = LanguageToolClient(proxy.url, CheckSettings(language="en-GB"), "test")
        if ok:
            matches = client.check_one("We could not accomodate everyone.")
            assert any(m.rule_id.startswith("MORFOLOGIK") for m in matches)
        else:
            with pytest.raises(CheckError, match="answered 500 twice"):
                client.check_one("We could not accomodate everyone.")
        assert len(proxy.forms) == 2
        assert all(form["language"] == ["en-GB"] for form in proxy.forms)
    finally:
        proxy.close()


def test_a_timeout_is_retried_once_then_a_clear_error(monkeypatch):
    import socket

    # A server that accepts and never answers.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        client = LanguageToolClient(f"http://127.0.0.1:{listener.getsockname()[1]}/",
                                    CheckSettings(), "test")
        monkeypatch.setattr(LanguageToolClient, "REQUEST_TIMEOUT", 0.3)
        with pytest.raises(CheckError, match="did not answer in 0.3 s, twice"):
            client.check_one("Some text.")
    finally:
        listener.close()


def test_auto_language_is_refused(tmp_path, make_config, start_rule):
    from newslint.errors import ConfigError

    with pytest.raises(ConfigError, match="name the variant"):
        start_rule(make_config(tmp_path, language="auto", url="http://127.0.0.1:9/"))
