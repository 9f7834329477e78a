"""A strip above the canvas for what the organiser must know about the plan's file: read-only
and why, or changed on disk under unsaved work; each with the way out as a button."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#notice-bar { background: #fff4ce; border: 1px solid #e0c36b; }"
            "#notice-bar QLabel { color: #4a3b00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setObjectName("notice-text")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self._layout = layout
        self.hide()

    def show_notice(self, text: str, buttons: Sequence[tuple[str, str, Callable[[], object]]]):
        """``buttons``: (object name, label, what it does)."""
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        self.label.setText(text)
        for name, label, slot in buttons:
            button = QPushButton(label, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, act=slot: act())
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()

    def button(self, name: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.objectName() == name), None)


__all__ = ["NoticeBar"]
