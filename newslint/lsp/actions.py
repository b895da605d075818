"""Code actions for a finding: its suggestions, a suppression comment, a dictionary entry."""

from __future__ import annotations

import os

from lsprotocol import types

from newslint.lsp.positions import LineIndex

#: The comment that silences one rule on the next line. The parsers read it in every format
#: (Markdown, HTML and plain text alike), see :mod:`newslint.parsers.common`.
DISABLE_NEXT_LINE = "<!-- newslint-disable-next-line {rule} -->"


def _line_break(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"


def suggestion_actions(finding, diagnostic, index: LineIndex, uri: str, fix_safety) -> list:
    """One quick fix per suggestion, for rules whose suggestions are replacement text (a rule
    with a ``fix_safety``)."""
    if fix_safety is None:
        return []
    actions = []
    for i, suggestion in enumerate(finding.suggestions):
        edit = types.TextEdit(range=index.range(finding.offset, finding.length),
                              new_text=suggestion)
        actions.append(types.CodeAction(
            title=f"Replace with “{suggestion}”", kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic], is_preferred=(i == 0 and fix_safety == "safe"),
            edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def disable_action(finding, diagnostic, index: LineIndex, uri: str) -> types.CodeAction:
    """Insert the ``newslint-disable-next-line`` comment above the finding's line, indented
    like it (a list item or HTML stays well formed)."""
    line = index.position(finding.offset).line
    start = index.starts[line]
    indent = ""
    while start + len(indent) < len(index.text) and index.text[start + len(indent)] in " \t":
        indent += index.text[start + len(indent)]
    comment = indent + DISABLE_NEXT_LINE.format(rule=finding.rule) + _line_break(index.text)
    at = types.Position(line=line, character=0)
    edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=comment)
    return types.CodeAction(
        title=f"Disable {finding.rule} for this line", kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic], edit=types.WorkspaceEdit(changes={uri: [edit]}))


def dictionary_action(finding, diagnostic, dictionary_path, path_uri):
    """"Add WORD to the project dictionary" for a spelling finding, appending a line to the
    configured ``languagetool.dictionary_file``; None when there is no such file."""
    if finding.category != "spelling" or finding.source != "languagetool":
        return None
    word = finding.excerpt.strip()
    if not word or not dictionary_path or not os.path.isfile(dictionary_path):
        return None
    with open(dictionary_path, encoding="utf-8", newline="") as f:
        text = f.read()
    index = LineIndex(text)
    end = index.position(len(text))
    new_text = ("" if not text or text.endswith(("\n", "\r")) else _line_break(text)) + word
    new_text += _line_break(text) if text else "\n"
    edit = types.TextEdit(range=types.Range(start=end, end=end), new_text=new_text)
    return types.CodeAction(
        title=f"Add “{word}” to the project dictionary", kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={path_uri(dictionary_path): [edit]}))


def actions_for(finding, diagnostic, index, uri, report, path_uri) -> list:
    """Every code action for one finding of a :class:`~newslint.lsp.report.Report`."""
    actions = suggestion_actions(finding, diagnostic, index, uri, report.fix_safety(finding.rule))
    words = dictionary_action(finding, diagnostic, report.dictionary_file, path_uri)
    if words is not None:
        actions.append(words)
    if finding.rule != "internal-error":
        actions.append(disable_action(finding, diagnostic, index, uri))
    return actions
