"""Ending the worker processes of a run that stops: no traceback from the process pool."""

from __future__ import annotations

import threading
from concurrent.futures import InvalidStateError, ProcessPoolExecutor
from concurrent.futures import process as process_pool
from types import SimpleNamespace

import pytest

from newslint import signals


@pytest.fixture
def hooks(monkeypatch):
    seen = []
    monkeypatch.setattr(threading, "excepthook", seen.append)
    return seen


def _error(exc_type, thread):
    return SimpleNamespace(exc_type=exc_type, exc_value=exc_type("x"), exc_traceback=None,
                           thread=thread)


@pytest.mark.skipif(not hasattr(process_pool, "_ExecutorManagerThread"),
                    reason="this Python's process pool has no manager thread class")
def test_the_pool_managers_cancelled_task_error_is_not_printed_and_others_are(hooks):
    pool = ProcessPoolExecutor(max_workers=1)
    pool.submit(int, "1").result()  # starts the pool and its manager thread
    manager = pool._executor_manager_thread
    assert isinstance(manager, process_pool._ExecutorManagerThread)
    try:
        signals.end_workers(pool)
        threading.excepthook(_error(InvalidStateError, manager))
        assert hooks == []
        other = _error(ValueError, manager)
        threading.excepthook(other)
        elsewhere = _error(InvalidStateError, threading.current_thread())
        threading.excepthook(elsewhere)
        assert hooks == [other, elsewhere]
        signals._quiet_pool_manager()  # a second run: the hook is not stacked again
        assert getattr(threading.excepthook, "newslint_quiet_pool", False)
        threading.excepthook(other)
        assert hooks == [other, elsewhere, other]
    finally:
        pool.shutdown(wait=True)
