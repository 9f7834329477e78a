"""Running pure work off the GUI thread (after Anki's ``aqt/operations``).

The work is a plain function of immutable inputs (a :class:`Plan`); it reports progress through
a callback and checks a cancel flag, and its result comes back to the GUI thread as a signal.
No widget is touched from the worker.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class JobCancelled(Exception):
    """The job was cancelled before it began."""


class JobSignals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception


class Job:
    """``work(progress, cancel)`` run in the global thread pool.

    A plain object handing a Python callable to the pool: a Python subclass of QRunnable
    kept alive past the pool's use crashed the interpreter at exit (PySide6 6.12).
    """

    def __init__(self, work: Callable[[Callable[[float, str], None], Callable[[], bool]], Any]):
        self.signals = JobSignals()
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        if self._cancel.is_set():  # cancelled before it started: say so, do nothing
            self._emit(self.signals.failed, JobCancelled())
            return
        try:
            result = self._work(self._report_progress, self._cancel.is_set)
        except BaseException as error:  # reported to the GUI thread, shown there
            self._emit(self.signals.failed, error)
            return
        self._emit(self.signals.finished, result)

    def _report_progress(self, fraction: float, message: str) -> None:
        try:
            self.signals.progress.emit(fraction, message)
        except RuntimeError:  # the window went away while working: nobody to tell
            self._cancel.set()

    def _emit(self, signal, value) -> None:
        self.done.set()
        with contextlib.suppress(RuntimeError):  # the window went away: nobody to tell
            signal.emit(value)

    def start(self) -> Job:
        QThreadPool.globalInstance().start(self.run)
        return self


def wait_for_jobs(msecs: int = 30_000, drop_queued: bool = False) -> bool:
    """Let running jobs finish (on quit), so no thread outlives the objects it reports to.
    ``drop_queued`` first drops jobs that have not started (a check queued by the last edit
    need not run when the app is closing)."""
    pool = QThreadPool.globalInstance()
    if drop_queued:
        pool.clear()
    return pool.waitForDone(msecs)
