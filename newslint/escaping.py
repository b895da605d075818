"""Making text from an article or a file name safe to print.

An article (or its file name) may carry control characters: a terminal runs escape sequences
(OSC, clear screen) that a ``boilerplate`` message would echo from the text, and a newline in a
file name starts a new line that GitHub Actions reads as a workflow command of its own
(``x\\n::error file=…::forged``). Every report line therefore shows such characters as visible
escapes (``\\x1b``, ``\\n``), as do the path and message fields of every CI format.
"""

from __future__ import annotations

import re

#: C0 controls (tab and newline too: every format here is one line per finding), DEL, C1
#: controls, and the bidirectional overrides that make a line read differently from its bytes.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control character not in ``keep`` written as a visible escape."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
