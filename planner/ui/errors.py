"""Showing a refused operation to the user: the error's one sentence, never a traceback.

:func:`guarded` runs an operation and says whether it went through (:class:`Done`, holding the
value) or was refused (:class:`Refused`, already shown to the user): ``None`` no longer means
both. An error that is not a refusal (a bug) is written with its traceback to the log
(:mod:`planner.ui.crash_log`) and shown with a "Copy details" button.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner import crash_log
from planner.errors import BoothplanError
from planner.model import PatchConflict

T = TypeVar("T")

_non_blocking = False  # tests switch this on so a message box never waits for a click


@dataclass(frozen=True)
class Done(Generic[T]):
    """The operation went through; ``value`` is what it returned."""

    value: T

    def __bool__(self) -> Literal[True]:
        return True


@dataclass(frozen=True)
class Refused:
    """The operation was refused; the user has been told ``message``."""

    message: str

    def __bool__(self) -> Literal[False]:
        return False


Outcome = Done[T] | Refused


def show_error(parent: QWidget | None, message: str, title: str = "Boothplan") -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("error-box")
    box.open() if _non_blocking else box.exec()


def show_unexpected(parent: QWidget | None, error: BaseException) -> None:
    """A bug, not a refusal: say so in one sentence, keep the traceback in the log, and let the
    user copy it for a report."""
    details = crash_log.record(error)
    where = crash_log.log_path()
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Boothplan",
        QApplication.translate(
            "Errors",
            "Something went wrong inside Boothplan: %1. Nothing was saved over your plan; "
            "the details are in %2.",
        )
        .replace("%1", str(error) or type(error).__name__)
        .replace("%2", str(where)),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("unexpected-box")
    copy = box.addButton(
        QApplication.translate("Errors", "Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    copy.setObjectName("copy-details")
    # An action-role button would close the box: copy, and keep it open.
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.setDetailedText(details)
    box.open() if _non_blocking else box.exec()


def guarded(parent: QWidget | None, action: Callable[[], T]) -> Done[T] | Refused:
    """Run ``action``; a refusal (a :class:`BoothplanError` or a stale patch) is shown as a
    message box, a bug as a message box with its details."""
    try:
        return Done(action())
    except (BoothplanError, PatchConflict) as error:
        show_error(parent, str(error))
        return Refused(str(error))
    except Exception as error:
        show_unexpected(parent, error)
        return Refused(str(error))


def pushed(parent: QWidget | None, push: Callable[[], bool]) -> bool:
    """Run a ``document.push(...)``: whether a change went onto the undo stack (not refused,
    not an empty patch)."""
    outcome = guarded(parent, push)
    return bool(outcome and outcome.value)
