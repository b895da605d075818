"""The language server: diagnostics, quick fixes and rule documentation in the editor.

Checks run on one thread beside the event loop, so typing never waits for a check: a change
schedules a check after a short pause (typing on resets it), a newer change cancels a check
still waiting for its turn, and a result for an outdated version is dropped.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from newslint import __version__
from newslint.lsp.actions import actions_for
from newslint.lsp.checkers import CONFIG_FILE_NAMES, Checkers
from newslint.lsp.diagnostics import error_diagnostic, to_diagnostic
from newslint.lsp.positions import LineIndex

#: Seconds without a change before a changed document is checked.
DEBOUNCE = 0.3

#: The suffix a document without a known one is parsed as, by its language id.
SUFFIX_BY_LANGUAGE = {"markdown": ".md", "html": ".html", "plaintext": ".txt", "text": ".txt"}


class Checked:
    """The last result published for one document."""

    def __init__(self, version, index: LineIndex, report, diagnostics: list):
        self.version = version
        self.index = index
        self.report = report
        self.findings = report.findings
        self.diagnostics = diagnostics


class NewslintLanguageServer(LanguageServer):
    def __init__(self):
        super().__init__("newslint", __version__)
        self.checkers = Checkers()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")
        self.pending: dict = {}
        self.checked: dict = {}

    # -- which documents, parsed how ------------------------------------------------------
    def check_name(self, uri: str, language_id: Optional[str]) -> Optional[str]:
        """The path a document is checked under (its suffix picks the parser); None for a
        document newslint does not check."""
        path = to_fs_path(uri) or uri
        suffix = os.path.splitext(path)[1].lower()
        if suffix in (".md", ".markdown", ".html", ".htm", ".txt"):
            return path
        fallback = SUFFIX_BY_LANGUAGE.get(language_id or "")
        return path + fallback if fallback else None

    @property
    def encoding(self):
        return self.workspace.position_encoding or types.PositionEncodingKind.Utf16

    # -- checking -------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()  # a newer text supersedes it
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            document = self.workspace.get_text_document(uri)
            name = self.check_name(uri, document.language_id)
            if name is None:
                return
            text, version = document.source, document.version
            loop = asyncio.get_running_loop()
            report = await loop.run_in_executor(self.executor, self.checkers.report, name,
                                                text)
            current = self.workspace.text_documents.get(uri)
            if current is None or current.version != version:
                return  # closed or changed meanwhile: the newer check publishes
            self.publish(uri, version, text, report)
        except asyncio.CancelledError:
            pass
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    def publish(self, uri, version, text, report) -> None:
        index = LineIndex(text, self.encoding)
        diagnostics = []
        if report.problem is not None:
            diagnostics.append(error_diagnostic(f"newslint: {report.problem}"))
        for message in report.errors:
            diagnostics.append(error_diagnostic(message))
        for finding in report.findings:
            diagnostics.append(to_diagnostic(finding, index, uri, from_fs_path,
                                             report.page(finding.rule)))
        self.checked[uri] = Checked(version, index, report, diagnostics)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=diagnostics))

    def recheck_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    def reload(self) -> None:
        """Configuration changed: load it afresh (on the checking thread, after the checks
        under way) and check every open document again."""
        self.executor.submit(self.checkers.drop_all)
        self.recheck_all()

    # -- what is under the cursor ----------------------------------------------------------
    def findings_at(self, uri: str, start: types.Position, end: types.Position) -> list:
        checked = self.checked.get(uri)
        if checked is None:
            return []
        lo, hi = checked.index.offset(start), checked.index.offset(end)
        return [(f, d) for f, d in zip(checked.findings, checked.diagnostics)
                if f.offset <= hi and lo <= f.offset + f.length]


server = NewslintLanguageServer()


@server.feature(types.INITIALIZED)
def _initialized(ls: NewslintLanguageServer, params: types.InitializedParams) -> None:
    caps = ls.client_capabilities
    watch = caps.workspace and caps.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        globs = ["**/.newslint.yaml", "**/.newslint.yml", "**/pyproject.toml"]
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in globs])
        ls.client_register_capability(types.RegistrationParams(registrations=[
            types.Registration(id="newslint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                               register_options=options)]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: NewslintLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: NewslintLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: NewslintLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    path = to_fs_path(params.text_document.uri) or ""
    if _is_config(ls, path):
        ls.reload()
    else:
        ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: NewslintLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.checked.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def _is_config(ls: NewslintLanguageServer, path: str) -> bool:
    return (os.path.basename(path) in CONFIG_FILE_NAMES
            or os.path.realpath(path) in ls.checkers.watched_files())


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _watched(ls: NewslintLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(_is_config(ls, to_fs_path(c.uri) or "") for c in params.changes):
        ls.reload()


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: NewslintLanguageServer, params: types.HoverParams) -> Optional[types.Hover]:
    uri = params.text_document.uri
    found = ls.findings_at(uri, params.position, params.position)
    if not found:
        return None
    report = ls.checked[uri].report
    parts = []
    for finding, _ in found:
        doc = report.explain(finding.rule)
        parts.append(f"**{finding.rule}**: {finding.message}\n\n{doc or ''}".rstrip())
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value="\n\n---\n\n".join(parts)))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix]))
def _code_action(ls: NewslintLanguageServer, params: types.CodeActionParams) -> list:
    uri = params.text_document.uri
    checked = ls.checked.get(uri)
    if checked is None:
        return []
    actions = []
    for finding, diagnostic in ls.findings_at(uri, params.range.start, params.range.end):
        actions.extend(actions_for(finding, diagnostic, checked.index, uri, checked.report,
                                   from_fs_path))
    return actions


@server.feature(types.SHUTDOWN)
def _shutdown(ls: NewslintLanguageServer, params: None) -> None:
    ls.executor.submit(ls.checkers.drop_all).result()


def serve() -> int:
    """``newslint lsp``: serve over standard input and output until the client exits."""
    server.start_io()
    return 0
