"""Finding quoted speech in prose.

Curly quotes pair unambiguously. Straight double quotes pair left to right. Single quotes are
only treated as quotation marks when they open after a space or an opening double quote and
close before punctuation or a space, so apostrophes ("Trump’s", "’90s", "don't") never open a
quotation.
"""

from __future__ import annotations

import re

from newslint.document import TextSpan

_DOUBLE = re.compile(r"[“”\"]")


def find_quotes(text: str) -> list[TextSpan]:
    """Spans of double-quoted passages, quote marks included.

    An opening quote with no closing quote runs to the end of the prose (AP style: a quotation
    that continues into the next paragraph leaves its closing mark off).
    """
    spans: list[TextSpan] = []
    open_at = -1
    for m in _DOUBLE.finditer(text):
        ch = m.group()
        i = m.start()
        if open_at < 0:
            if ch == "”":
                # A stray closing mark: the quote opened in an earlier paragraph.
                spans.append(TextSpan(0, i + 1))
                continue
            open_at = i
        else:
            if ch == "“":
                # Two openings in a row: treat the first as unclosed up to here.
                open_at = i
                continue
            spans.append(TextSpan(open_at, i + 1))
            open_at = -1
    if open_at >= 0:
        spans.append(TextSpan(open_at, len(text)))
    return spans
