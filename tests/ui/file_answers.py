"""Answering the app's real dialogs from a test, as a person would: wait for the box to be the
active modal window, then click the named button. A box that never comes fails the test
instead of hanging it; an unexpected box is cancelled and reported."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication


class Answer:
    """Click ``button`` in the modal box named ``box`` when it appears (within ``seconds``)."""

    def __init__(self, box: str, button: str, seconds: float = 10.0) -> None:
        self.box, self.button = box, button
        self.clicked = False
        self.unexpected: list[str] = []
        self._left = int(seconds * 1000 / 20)
        QTimer.singleShot(0, self._try)

    def _try(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.objectName() == self.box:
            button = modal.findChild(QAbstractButton, self.button)
            assert button is not None, f"{self.box} has no button {self.button}"
            self.text = modal.property("text") if hasattr(modal, "text") else ""
            self.clicked = True
            button.click()
            return
        if modal is not None:  # some other box: note it, and get it out of the way
            self.unexpected.append(modal.objectName() or type(modal).__name__)
            modal.reject() if hasattr(modal, "reject") else modal.close()
        self._left -= 1
        if self._left > 0:
            QTimer.singleShot(20, self._try)


def answer(box: str, button: str) -> Answer:
    return Answer(box, button)


__all__ = ["Answer", "answer"]
