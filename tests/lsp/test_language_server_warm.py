"""The language server beside a warm server (``newslint server``): open documents are checked on
the server's warm checker, the one ``newslint check`` uses, and in the editor's own process
once no server runs. Real processes throughout: a pygls client, ``newslint lsp``, the server."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio

#: One runtime folder (so one socket, one server) for this module's language servers.
RUNTIME = tempfile.mkdtemp(prefix="nls-lsp-")
os.chmod(RUNTIME, 0o700)
WARM_ENV = {k: v for k, v in os.environ.items()
            if k not in ("NEWSLINT_SERVER", "CI", "NEWSLINT_SERVER_TIMEOUT")}
WARM_ENV["XDG_RUNTIME_DIR"] = RUNTIME

TEXT = "However, Weaver said, there few alternatives if you want to reach China.\n"


def newslint(*args, cwd):
    return subprocess.run([sys.executable, "-m", "newslint", *map(str, args)], cwd=cwd, env=WARM_ENV,
                          capture_output=True, text=True, timeout=120)


def served(cwd) -> tuple:
    """(requests, configurations) from ``newslint server status``; None when none runs."""
    out = newslint("server", "status", cwd=cwd)
    if out.returncode != 0:
        return None
    found = re.search(r"requests:\s+(\d+) \((\d+) configuration", out.stdout)
    return int(found.group(1)), int(found.group(2))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "newslint",
                                                              "lsp"], server_env=WARM_ENV))
async def client(lsp_client: LanguageClient, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("languagetool: off\n", encoding="utf-8")
    # Written before the server starts: the folder's listing is part of what its checkers
    # are loaded for (a plugin could appear there).
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "desk").mkdir()
    started = newslint("server", "start", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri()))
    yield
    await lsp_client.shutdown_session()
    newslint("server", "stop", cwd=tmp_path)


@pytest.fixture(scope="module", autouse=True)
def _runtime_folder():
    yield
    shutil.rmtree(RUNTIME, ignore_errors=True)


async def test_documents_are_checked_on_the_warm_server(client: LanguageClient, tmp_path):
    before = served(tmp_path)
    assert before is not None
    uri = (tmp_path / "story.txt").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1,
                                             text=TEXT)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    [diag] = [d for d in client.diagnostics[uri] if d.code == "missing-verb-after-there"]
    assert TEXT[diag.range.start.character:diag.range.end.character] == "there few"
    # The server answered the editor's check, on the checker `newslint server start` loaded.
    requests, configurations = served(tmp_path)
    assert requests == before[0] + 1 and configurations == 1

    # `newslint check PATH` is answered by the same warm checker.
    check = newslint("check", tmp_path / "story.txt", cwd=tmp_path)
    assert check.returncode == 1 and "missing-verb-after-there" in check.stdout
    assert served(tmp_path) == (requests + 1, 1)

    # Hover and quick fixes come with the server's report.
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=diag.range.start))
    assert "## What it flags" in hover.contents.value
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    [edit] = actions[0].edit.changes[uri]
    assert edit.new_text == "there are few"

    # With the server gone, the editor checks in its own process.
    newslint("server", "stop", cwd=tmp_path)
    assert served(tmp_path) is None
    fixed = (TEXT.replace("there few", "there are few")
             + "\nBut Weaver said, there few alternatives remain for the company.\n")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    [d] = [d for d in published.diagnostics if d.code == "missing-verb-after-there"]
    assert d.range.start.line == 2
    assert served(tmp_path) is None  # languagetool is off: no server is started for it


async def test_server_required_without_one_is_said_in_the_editor(client, tmp_path):
    newslint("server", "stop", cwd=tmp_path)
    folder = tmp_path / "desk"
    # `required` starts a server when none runs; one that cannot start is reported.
    (folder / ".newslint.yaml").write_text("languagetool: off\nserver: required\n",
                                           encoding="utf-8")
    uri = (folder / "story.txt").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1,
                                             text=TEXT)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    codes = {d.code for d in client.diagnostics[uri]}
    assert "missing-verb-after-there" in codes
    assert served(tmp_path) is not None  # it was started for the editor's check
