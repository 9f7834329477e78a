"""What is selected on the canvas: a set of ``(table, id)`` keys, shared by tools and panels."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

Key = tuple[str, str]


class Selection(QObject):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._keys: dict[Key, None] = {}  # ordered set: the first picked stays first

    def all(self) -> list[Key]:
        return list(self._keys)

    def ids(self, table: str) -> list[str]:
        return [id_ for t, id_ in self._keys if t == table]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def set(self, keys: Iterable[Key]) -> None:
        new = dict.fromkeys(keys)
        if list(new) != list(self._keys):
            self._keys = new
            self.changed.emit()

    def add(self, keys: Iterable[Key]) -> None:
        self.set([*self._keys, *keys])

    def toggle(self, keys: Iterable[Key]) -> None:
        current = dict(self._keys)
        for key in keys:
            if key in current:
                del current[key]
            else:
                current[key] = None
        self.set(current)

    def clear(self) -> None:
        self.set([])

    def prune(self, exists) -> None:
        """Drop keys whose entity no longer exists (after an undo or a delete)."""
        self.set([k for k in self._keys if exists(k)])
