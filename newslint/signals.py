"""Stopping a run on SIGINT (Ctrl-C) and SIGTERM: the whole run, within a moment.

SIGTERM is turned into :class:`Terminated`, a ``KeyboardInterrupt``, so both signals unwind
the same way: the engine terminates its worker processes (they never finish their queue, and
never start a LanguageTool of their own), the rules stop the LanguageTool server and remove its
temporary files, and ``--output`` is left as it was (the report is only renamed into place once
it is complete). Worker processes ignore SIGINT (Ctrl-C reaches the whole process group; the
main process ends them in order) and die with the main process if it is killed outright.
"""

from __future__ import annotations

import signal
import sys
import threading
from contextlib import contextmanager


class Terminated(KeyboardInterrupt):
    """The run received SIGTERM."""


#: Exit codes for a run stopped by a signal: 128 + the signal's number, as shells report.
EXIT_SIGINT = 128 + signal.SIGINT
EXIT_SIGTERM = 128 + signal.SIGTERM


@contextmanager
def sigterm_stops_run():
    """Within the block, SIGTERM unwinds like Ctrl-C (main thread only; elsewhere a no-op).

    A handler installed before (the warm server's, which then exits too) is still called.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def _raise_terminated(signum, frame):
        if callable(previous):
            previous(signum, frame)
        raise Terminated()

    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def worker_setup() -> None:
    """Run first in each worker process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: die with the main process
        except OSError:
            pass


def end_workers(pool) -> None:
    """Terminate a ``ProcessPoolExecutor``'s workers now, without waiting for their queue."""
    _quiet_pool_manager()
    processes = list(getattr(pool, "_processes", {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=1)
        if process.is_alive():
            process.kill()
            process.join(timeout=1)


def _quiet_pool_manager() -> None:
    """Keep Python 3.11's process pool from printing a traceback as its workers are ended.

    When a worker dies, the pool's manager thread marks every pending task failed; one that
    was cancelled meanwhile (as the run unwinds, ``pool.map`` cancels what it has not
    returned) makes it raise ``InvalidStateError`` in that thread, which Python prints
    (fixed in 3.12, which skips finished tasks). The run is stopping and every task is
    abandoned, so that one error of that one thread is not printed; any other goes to the
    hook installed before.
    """
    from concurrent.futures import InvalidStateError
    from concurrent.futures import process as process_pool

    # A private class: where a Python lacks it, nothing is kept quiet.
    manager = getattr(process_pool, "_ExecutorManagerThread", ())
    previous = threading.excepthook
    if getattr(previous, "newslint_quiet_pool", False):
        return

    def hook(args) -> None:
        if not (issubclass(args.exc_type, InvalidStateError)
                and isinstance(args.thread, manager)):
            previous(args)

    hook.newslint_quiet_pool = True
    threading.excepthook = hook
