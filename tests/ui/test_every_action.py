"""Every action a user can click, on a real sample plan: none may raise, warn or print.

Each action of every menu, toolbar and the canvas's context menu is triggered as a click does
(``QAction.trigger``, so a slot that cannot take ``triggered(bool)`` fails here, as File →
Import exhibitors did). Every dialog it opens is cancelled as a person would (Escape), file
dialogs return nothing, and the test fails on an exception in any slot, on an error or warning
box it did not expect, and on anything written to stderr.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox

from planner.ui.main_window import MainWindow
from planner.ui.workers import wait_for_jobs
from tests.ui.ui_helpers import window_size

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "layouts" / "sonla-week-coopmart.boothplan"
# Actions that end the session or would open the user's own files: triggered elsewhere.
SKIPPED = {"quit"}


class DialogCanceller:
    """Cancels every modal dialog as it opens, and notes what it was."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._cancel)
        self.timer.start()

    def _cancel(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            self.seen.append(modal.objectName() or type(modal).__name__)
            modal.reject()

    def stop(self) -> None:
        self.timer.stop()


def _all_actions(window: MainWindow) -> list[QAction]:
    found: dict[int, QAction] = {}

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found[id(action)] = action

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    for action in window.commands.values():
        found[id(action)] = action
    return list(found.values())


@pytest.fixture
def walked_window(qtbot, tmp_path, monkeypatch):
    plan = tmp_path / "tuần hàng.boothplan"
    shutil.copyfile(SAMPLE, plan)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(*window_size())
    win.show()
    qtbot.waitExposed(win)
    assert win.files.open(str(plan), ask_to_save=False)
    yield win
    wait_for_jobs()
    win.files.close_file()


@pytest.mark.parametrize("selection", ["nothing", "one booth", "a zone"])
def test_every_action_can_be_clicked(walked_window, qtbot, capfd, selection):
    window = walked_window
    plan = window.document.plan
    if selection == "one booth":
        window.selection.set([("booths", next(iter(plan.booths)))])
    elif selection == "a zone" and plan.zones:
        window.selection.set([("zones", next(iter(plan.zones)))])
    capfd.readouterr()
    canceller = DialogCanceller()
    errors: list[str] = []
    try:
        for action in _all_actions(window):
            try:
                name, enabled = action.objectName(), action.isEnabled()
            except RuntimeError:  # an entry of Open Recent, rebuilt by an action before it
                continue
            if name in SKIPPED or not enabled:
                continue
            action.trigger()
            qtbot.wait(10)
            wait_for_jobs()
            box = window.findChild(QMessageBox, "error-box")
            if box is not None and box.isVisible():
                errors.append(f"{name}: {box.text()}")
                box.close()
                box.setObjectName("")
            window.set_tool("select")
    finally:
        canceller.stop()
    _, err = capfd.readouterr()
    assert err == "", err
    assert errors == [], errors
