"""A strip above the canvas for what the organiser must know about the plan's file: read-only
and why, or changed on disk under unsaved work; each with the way out as a button."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from planner.ui.document import HELD, OUTSIDE, PlanDocument

if TYPE_CHECKING:
    from planner.ui.file_controller import FileController


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

    def show_file_state(self, document: PlanDocument, files: FileController) -> None:
        """Why the plan is read-only, or that it changed on disk under unsaved work, with what
        the organiser can do about it; hidden when neither."""
        name = document.path.name if document.path else self.tr("This plan")
        if document.read_only:
            buttons: list[tuple[str, str, Callable[[], object]]] = []
            if document.read_only_kind == HELD:
                buttons.append(("take-over", self.tr("Take over"), files.take_over))
            elif document.read_only_kind == OUTSIDE:
                buttons.append(
                    ("accept-changes", self.tr("Keep those changes"), files.accept_outside_changes)
                )
            buttons.append(("save-copy", self.tr("Save a copy…"), files.save_as))
            text = self.tr("Read-only: %1 is %2.").replace("%1", name)
            self.show_notice(text.replace("%2", document.read_only), buttons)
        elif files.pending_change and document.modified:
            text = self.tr(
                "%1 was changed on disk (%2). Your changes are kept; Save will ask how to "
                "combine them."
            )
            self.show_notice(
                text.replace("%1", name).replace("%2", files.pending_change),
                [("revert", self.tr("Drop mine and reload"), files.revert)],
            )
        else:
            self.hide()

    def button(self, name: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.objectName() == name), None)


__all__ = ["NoticeBar"]
