"""A limit on the processor time one file may take, so one hostile article cannot stall a run.

Every rule is meant to take time in proportion to the text, but a plugin rule, a pack pattern
or a case nobody thought of may not. The limit counts this process's own processor time
(``ITIMER_VIRTUAL``), not wall-clock time: waiting for a LanguageTool server, or for a machine
shared with other work, does not count against a file. When it runs out the file gets one clear
error and the run goes on with the next file.

It works where Python can deliver a signal: the main thread of a process on a POSIX system
(the command line and its worker processes). Elsewhere (a thread of a server) it is not applied.
"""

from __future__ import annotations

import contextlib
import signal
import threading


class FileTimeLimit(BaseException):
    """The file's time ran out. A ``BaseException`` so that a rule's own ``except Exception``
    cannot swallow it and carry on past the limit."""


def _available() -> bool:
    return (hasattr(signal, "setitimer") and hasattr(signal, "SIGVTALRM")
            and threading.current_thread() is threading.main_thread())


def _expired(signum, frame):
    # Re-armed before raising: an exception raised where Python cannot deliver it (inside a
    # garbage-collector callback or a __del__) is dropped, and the next tick raises it again.
    signal.setitimer(signal.ITIMER_VIRTUAL, 0.05)
    raise FileTimeLimit()


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise :class:`FileTimeLimit` inside the block once it has used ``seconds`` of processor
    time (0 or less: no limit)."""
    if not seconds or seconds <= 0 or not _available():
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        _cancel(previous)


def _cancel(previous) -> None:
    # The timer may fire while it is being cancelled; a stray FileTimeLimit raised here must
    # not leave the timer running to strike later, somewhere else.
    for _ in range(5):
        try:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, previous)
            return
        except FileTimeLimit:
            continue
