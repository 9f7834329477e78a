"""Running pure work off the GUI thread (after Anki's ``aqt/operations``).

The work is a plain function of immutable inputs (a :class:`Plan`); it reports progress through
a callback and checks a cancel flag, and its result comes back to the GUI thread as a signal.
No widget is touched from the worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception


class Job(QRunnable):
    """``work(progress, cancel)`` run in the global thread pool."""

    def __init__(self, work: Callable[[Callable[[float, str], None], Callable[[], bool]], Any]):
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it until its signals are handled
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
        try:
            result = self._work(self.signals.progress.emit, self._cancel.is_set)
        except BaseException as error:  # reported to the GUI thread, shown there
            self.done.set()
            self.signals.failed.emit(error)
            return
        self.done.set()
        self.signals.finished.emit(result)

    def start(self) -> Job:
        QThreadPool.globalInstance().start(self)
        return self
