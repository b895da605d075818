"""The language server driven as an editor drives it: a real pygls client over stdio."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from shared_paths import SEED

pytestmark = pytest.mark.asyncio

#: The language server checks in its own process here (the warm server's tests are in
#: test_language_server_warm.py): it never talks to a server another run left behind.
LSP = [sys.executable, "-m", "newslint", "lsp"]
IN_PROCESS = {**os.environ, "NEWSLINT_SERVER": "off"}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=LSP, server_env=IN_PROCESS))
async def client(lsp_client: LanguageClient, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("languagetool: off\n", encoding="utf-8")
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=tmp_path.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="articles")]))
    yield
    await lsp_client.shutdown_session()


async def _open(client, path, text, language="plaintext", version=1):
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version,
                                             text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def _needs_languagetool() -> None:
    """Skip without a provisioned LanguageTool; fail instead under CI=true."""
    from newslint.config import Config
    from newslint.languagetool.provision import DEFAULT_VERSION, find_installation

    if find_installation(Config().cache_dir, DEFAULT_VERSION) is None:
        message = f"LanguageTool {DEFAULT_VERSION} is not provisioned; run `newslint languagetool install`"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def _utf16(line: str, column: int) -> int:
    return len(line[:column - 1].encode("utf-16-le")) // 2


async def test_seed_diagnostics_match_check_json(client: LanguageClient, tmp_path):
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)
    text = article.read_text(encoding="utf-8")
    uri = await _open(client, article, text)
    got = sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.line,
                  d.range.end.character) for d in client.diagnostics[uri])
    out = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json",
                          "--no-cache", article.name], cwd=tmp_path, capture_output=True,
                         text=True, env={"NEWSLINT_SERVER": "off", "PATH": ""})
    report = json.loads(out.stdout)
    lines = text.splitlines()
    want = sorted((f["rule"], f["line"] - 1, _utf16(lines[f["line"] - 1], f["column"]),
                   f["end_line"] - 1, _utf16(lines[f["end_line"] - 1], f["end_column"]))
                  for f in report["findings"])
    assert got == want
    assert "missing-verb-after-there" in {d.code for d in client.diagnostics[uri]}
    assert all(d.source for d in client.diagnostics[uri])


async def test_emoji_before_a_finding_moves_the_column_by_two(client, tmp_path):
    text = "Weaver said, there few alternatives.\n"
    plain = await _open(client, tmp_path / "plain.txt", text)
    emoji = await _open(client, tmp_path / "emoji.txt", "😀 " + text)
    [a] = [d for d in client.diagnostics[plain] if d.code == "missing-verb-after-there"]
    [b] = [d for d in client.diagnostics[emoji] if d.code == "missing-verb-after-there"]
    assert b.range.start.character == a.range.start.character + 3  # two units and a space
    assert b.range.end.character == a.range.end.character + 3


async def test_change_code_action_and_hover(client, tmp_path):
    text = "However, Weaver said, there few alternatives if you want to reach China.\n"
    uri = await _open(client, tmp_path / "story.txt", text)
    [diag] = [d for d in client.diagnostics[uri] if d.code == "missing-verb-after-there"]

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=diag.range.start))
    assert "A verb is missing" in hover.contents.value
    assert "## What it flags" in hover.contents.value

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    titles = [a.title for a in actions]
    assert "Disable missing-verb-after-there for this line" in titles
    [edit] = actions[0].edit.changes[uri]
    start, end = diag.range.start.character, diag.range.end.character
    fixed = text[:start] + edit.new_text + text[end:]
    assert "there are few alternatives" in fixed

    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "missing-verb-after-there" not in {d.code for d in client.diagnostics[uri]}


async def test_config_change_reloads(client, tmp_path):
    text = "However, Weaver said, there few alternatives if you want to reach China.\n"
    uri = await _open(client, tmp_path / "story.txt", text)
    assert "missing-verb-after-there" in {d.code for d in client.diagnostics[uri]}
    config = tmp_path / ".newslint.yaml"
    config.write_text("languagetool: off\nignore: [missing-verb-after-there]\n",
                      encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "missing-verb-after-there" not in {d.code for d in client.diagnostics[uri]}


async def test_crlf_positions_are_exact(client, tmp_path):
    text = "Headline\r\n\r\nHowever, Weaver said, there few alternatives here.\r\n"
    uri = await _open(client, tmp_path / "crlf.txt", text)
    [d] = [d for d in client.diagnostics[uri] if d.code == "missing-verb-after-there"]
    line = text.split("\r\n")[d.range.start.line]
    assert line[d.range.start.character:d.range.end.character] == "there few"


@pytest.mark.languagetool
async def test_languagetool_findings_in_the_editor(client, tmp_path):
    _needs_languagetool()
    (tmp_path / ".newslint.yaml").write_text("languagetool:\n  mode: required\n",
                                             encoding="utf-8")
    text = "The minister said she would recieve the report on Tuesday, officials said.\n"
    uri = await _open(client, tmp_path / "story.txt", text)
    sources = {d.source for d in client.diagnostics[uri]}
    assert "languagetool" in sources, client.diagnostics[uri]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=LSP, server_env=IN_PROCESS))
async def utf8_client(lsp_client: LanguageClient, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("languagetool: off\n", encoding="utf-8")
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf8])),
        root_uri=tmp_path.as_uri()))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


async def test_negotiated_utf8_columns_count_bytes(utf8_client, tmp_path):
    prefix = "😀 é, "
    text = prefix + "there few alternatives.\n"
    uri = await _open(utf8_client, tmp_path / "emoji.txt", text)
    [d] = [d for d in utf8_client.diagnostics[uri] if d.code == "missing-verb-after-there"]
    assert d.range.start.character == len(prefix.encode("utf-8"))


async def test_a_newer_change_supersedes_a_waiting_check(client, tmp_path):
    text = "However, Weaver said, there few alternatives if you want to reach China.\n"
    uri = await _open(client, tmp_path / "story.txt", text)
    for version, new in ((2, text + "A second line.\n"), (3, text.replace("there few", "there are few"))):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=new)]))
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert published.version == 3  # version 2 was never checked
    assert "missing-verb-after-there" not in {d.code for d in published.diagnostics}


async def test_code_description_links_the_rules_documentation_page(client, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / ".newslint.yaml").write_text("languagetool: off\ncache_dir: cache\n",
                                           encoding="utf-8")
    text = "However, Weaver said, there few alternatives if you want to reach China.\n"
    uri = await _open(client, folder / "story.txt", text)
    [diag] = [d for d in client.diagnostics[uri] if d.code == "missing-verb-after-there"]
    href = diag.code_description.href
    assert href.startswith("file://")
    from pygls.uris import to_fs_path
    from pathlib import Path

    page = Path(to_fs_path(href))
    assert page.parent.parent.parent == folder / "cache"  # cache/docs/VERSION/RULE.md
    assert page.name == "missing-verb-after-there.md"
    explained = subprocess.run([sys.executable, "-m", "newslint", "explain",
                                "missing-verb-after-there"], cwd=folder, capture_output=True,
                               text=True, env=IN_PROCESS, check=True).stdout
    assert "## What it flags" in explained
    assert page.read_text(encoding="utf-8") == f"# missing-verb-after-there\n\n{explained}"


@pytest.mark.languagetool
async def test_add_word_to_the_project_dictionary(client, tmp_path):
    _needs_languagetool()
    words = tmp_path / "words.txt"
    words.write_text("# house names\nnewslint", encoding="utf-8")  # no line end at the end
    (tmp_path / ".newslint.yaml").write_text(
        "languagetool:\n  mode: required\n  dictionary_file: words.txt\n", encoding="utf-8")
    text = "The minister said she would recieve the report on Tuesday.\n"
    uri = await _open(client, tmp_path / "story.txt", text)
    start = text.index("recieve")
    [diag] = [d for d in client.diagnostics[uri] if d.range.start.character == start
              and d.source == "languagetool"]

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    [add] = [a for a in actions if a.title == "Add “recieve” to the project dictionary"]
    [edit] = add.edit.changes[words.as_uri()]
    # The edit appends at the end of the file, after a line break the file lacked.
    before = words.read_text(encoding="utf-8")
    lines = before.split("\n")
    assert (edit.range.start.line, edit.range.start.character) == (len(lines) - 1, len(lines[-1]))
    assert edit.range.start == edit.range.end
    words.write_text(before + edit.new_text, encoding="utf-8")  # as the editor applies it
    assert words.read_text(encoding="utf-8").splitlines() == ["# house names", "newslint",
                                                              "recieve"]

    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=words.as_uri(), type=types.FileChangeType.Changed)]))
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert published.uri == uri
    assert not [d for d in published.diagnostics if d.range.start.character == start], \
        published.diagnostics
    assert not [d for d in published.diagnostics if d.message.startswith("newslint:")]
