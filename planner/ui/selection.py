"""What is selected on the canvas, shared by tools and panels: the Qt-free
:class:`~planner.editing.selection.KeySelection` with a ``changed`` signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from planner.editing.selection import Key, KeySelection

__all__ = ["Key", "Selection"]


class Selection(QObject, KeySelection):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        QObject.__init__(self, parent)
        KeySelection.__init__(self)

    def _notify(self) -> None:
        self.changed.emit()
