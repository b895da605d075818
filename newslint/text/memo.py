"""Answers about a document's blocks, remembered while the rules of one document ask for them.

Several rules ask the same question of the same document one after the other (which blocks
are interview turns, embedded posts, template lines): the answer is worked out once.
"""

from __future__ import annotations

import functools


def remember_last(function):
    """Remember ``function``'s answer for the last list of blocks it was given: the rules of
    a document ask one after the other, about the same blocks. The list is compared by
    identity and kept alive by the memo, so another document's list can never be taken for
    it; ``function`` must not depend on anything but the blocks."""
    last: list = [None, None]

    @functools.wraps(function)
    def wrapper(blocks):
        if last[0] is not blocks:
            last[1] = function(blocks)
            last[0] = blocks
        return last[1]

    return wrapper
