"""Positions between newslint (code-point offsets into the text) and a client (a line and a
column counted in the code units the client negotiated: UTF-16 unless it asked otherwise).

Lines end at CRLF, CR or LF, as in :attr:`newslint.document.Document.line_starts` and in the
protocol, so a CRLF file's positions are exact.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

UTF8 = types.PositionEncodingKind.Utf8
UTF16 = types.PositionEncodingKind.Utf16
UTF32 = types.PositionEncodingKind.Utf32


def _units(chars: str, encoding) -> int:
    if encoding == UTF32:
        return len(chars)
    if encoding == UTF8:
        return len(chars.encode("utf-8"))
    # UTF-16: characters outside the Basic Multilingual Plane (emoji) take two code units.
    return len(chars) + sum(1 for c in chars if ord(c) > 0xFFFF)


class LineIndex:
    """Line starts of one text, for converting offsets to positions and back."""

    def __init__(self, text: str, encoding=UTF16):
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def _line_end(self, line: int) -> int:
        """Offset where ``line``'s content ends (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            if self.text[end - 2:end] == "\r\n":
                return end - 2
            return end - 1
        return len(self.text)

    def position(self, offset: int) -> types.Position:
        """The client position of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line=line,
                              character=_units(self.text[start:offset], self.encoding))

    def range(self, offset: int, length: int) -> types.Range:
        return types.Range(start=self.position(offset), end=self.position(offset + length))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position (clamped to its line)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self._line_end(position.line)
        units = 0
        i = start
        while i < end and units < position.character:
            units += _units(self.text[i], self.encoding)
            i += 1
        return i
