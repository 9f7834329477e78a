"""A selection as an ordered set of ``(table, id)`` keys: the first picked stays first.

The app's selection (a Qt object with a ``changed`` signal) is this class with :meth:`_notify`
emitting the signal; tools and tests use it as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Key = tuple[str, str]


class KeySelection:
    def __init__(self, on_change: Callable[[], None] | None = None) -> None:
        self._keys: dict[Key, None] = {}
        self._on_change = on_change

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
            self._notify()

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

    def prune(self, exists: Callable[[Key], bool]) -> None:
        """Drop keys whose entity no longer exists (after an undo or a delete)."""
        self.set([k for k in self._keys if exists(k)])

    def _notify(self) -> None:
        """Called after every change of the keys."""
        if self._on_change is not None:
            self._on_change()
