"""One window's hold on its plan file: the holder record beside it, and a watch for other writers.

While a window has a plan open for editing, the lock file beside the plan says so (see
:mod:`planner.formats.plan_lock`); a heartbeat renews it every minute, and notices when another
window took the plan over. A file watcher notices when someone else saves the plan (the
command line, another window): the window then reloads or asks. The watch is a convenience:
a save replaces the file, which loses the watch, so it is set again each time, and the save
stamp compared at every write decides in the end.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from planner.errors import BoothplanError
from planner.formats.plan_file import DiskVersion, disk_version
from planner.formats.plan_lock import (
    HEARTBEAT_SECONDS,
    Holder,
    claim,
    new_holder,
    read_holder,
    refresh,
    release,
)

_SETTLE_MS = 300  # a save is several file events; look once they have settled


class FileGuard(QObject):
    """Holds (or only watches) one plan file for one window."""

    disk_changed = Signal()  # the file is no longer the version the window stands on
    taken_over = Signal(object)  # Holder | None: another window took the plan over

    def __init__(self, expected: Callable[[], DiskVersion | None], parent: QObject) -> None:
        super().__init__(parent)
        self.session = uuid.uuid4().hex  # this window, in the holder record
        self.path: Path | None = None
        self.holder: Holder | None = None
        self._expected = expected
        self._writing = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(_SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_SECONDS * 1000)
        self._heartbeat.timeout.connect(self.beat)

    # -- holding and watching ------------------------------------------------------------------
    def other_holder(self, path: Path) -> Holder | None:
        """Another window's record on ``path`` (this window's own is no obstacle)."""
        holder = read_holder(path)
        return holder if holder is not None and holder.session != self.session else None

    def hold(self, path: Path) -> None:
        """Claim ``path`` for this window and watch it; BoothplanError if the lock file
        cannot be written (then the window watches only, and says why it is read-only)."""
        self.let_go()
        holder = new_holder(self.session)
        claim(path, holder)
        self.holder = holder
        self._heartbeat.start()
        self.watch(path)

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` for other writers without holding it (a read-only window)."""
        self.path = path
        for watched in self._watcher.files() + self._watcher.directories():
            self._watcher.removePath(watched)
        if path is not None:
            self._rewatch()

    def let_go(self) -> None:
        """This window is done with its file: its record goes, the watch stops."""
        self._heartbeat.stop()
        if self.holder is not None and self.path is not None:
            release(self.path, self.holder)
        self.holder = None
        self.watch(None)

    @contextlib.contextmanager
    def own_write(self) -> Iterator[None]:
        """This window is saving: the file events of its own save are no news."""
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
            self._settle.stop()
            self._rewatch()

    # -- noticing others -----------------------------------------------------------------------
    def _rewatch(self) -> None:
        if self.path is None:
            return
        folder = str(self.path.parent.resolve())
        if folder not in self._watcher.directories():
            self._watcher.addPath(folder)
        if self.path.exists() and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))

    def _poke(self, _path: str = "") -> None:
        if not self._writing:
            self._settle.start()

    def check(self) -> bool:
        """Look at the file now; ``disk_changed`` if it is not the version expected. Also
        called when the window comes to the front, in case a watch was missed."""
        if self.path is None or self._writing:
            return False
        self._rewatch()
        try:
            now = disk_version(self.path)
        except BoothplanError:
            now = None  # unreadable now: not the version the window stands on
        if now == self._expected():
            return False
        self.disk_changed.emit()
        return True

    def beat(self) -> None:
        """Renew this window's record; if another window took the plan over, say so."""
        if self.holder is None or self.path is None:
            return
        try:
            renewed = refresh(self.path, self.holder)
        except BoothplanError:
            return  # the folder went away for a moment (a network share): try next time
        if renewed is None:
            self.holder = None
            self._heartbeat.stop()
            self.taken_over.emit(read_holder(self.path))
        else:
            self.holder = renewed


__all__ = ["FileGuard"]
