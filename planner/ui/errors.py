"""Showing a refused operation to the user: the error's one sentence, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.errors import BoothplanError
from planner.model import PatchConflict

T = TypeVar("T")


def show_error(parent: QWidget | None, message: str, title: str = "Boothplan") -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("error-box")
    box.open() if _non_blocking else box.exec()


_non_blocking = False  # tests switch this on so a message box never waits for a click


def guarded(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run ``action``; a BoothplanError (or a stale patch) becomes a message box."""
    try:
        return action()
    except (BoothplanError, PatchConflict) as error:
        show_error(parent, str(error))
        return None
