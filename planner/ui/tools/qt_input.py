"""Qt's input events in the tools' terms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputEvent

from planner.editing.context import Mods


def mods_of(event: QInputEvent) -> Mods:
    """The modifier keys held during ``event``."""
    m = event.modifiers()
    return Mods(
        shift=bool(m & Qt.KeyboardModifier.ShiftModifier),
        ctrl=bool(m & Qt.KeyboardModifier.ControlModifier),
        alt=bool(m & Qt.KeyboardModifier.AltModifier),
    )
