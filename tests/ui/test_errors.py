"""A refusal is one sentence; a bug is a message with a "Copy details" button, and its
traceback goes to the log (never to the user's face, never lost)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from planner.editing import edits
from planner.errors import BoothplanError
from planner.ui.errors import Done, Refused, guarded


def test_guarded_says_whether_it_went_through(window):
    went = guarded(window, lambda: None)
    assert isinstance(went, Done) and went and went.value is None  # None is a result too

    def refuse() -> int:
        raise BoothplanError("The plan has no hall.")

    refused = guarded(window, refuse)
    assert isinstance(refused, Refused) and not refused
    assert refused.message == "The plan has no hall."
    box = window.findChild(QMessageBox, "error-box")
    assert box is not None and box.text() == "The plan has no hall."


def test_a_bug_behind_a_menu_is_logged_and_offered_for_copying(window, monkeypatch):
    def broken(*args, **kwargs):
        return {}["no such key"]

    monkeypatch.setattr(edits, "rotate", broken)
    window.selection.set([("booths", "booth-1")])
    before = window.document.plan
    window.commands["rotate"].trigger()
    assert window.document.plan is before
    box = window.findChild(QMessageBox, "unexpected-box")
    assert box is not None and "Something went wrong inside Boothplan" in box.text()
    log = Path(os.environ["BOOTHPLAN_LOG_DIR"]) / "boothplan.log"
    assert str(log) in box.text()
    written = log.read_text(encoding="utf-8")
    assert "KeyError: 'no such key'" in written and "Traceback" in written
    box.findChild(QPushButton, "copy-details").click()
    assert "KeyError" in QApplication.clipboard().text()
    assert box.isVisible()  # copying does not close the box


@pytest.mark.qt_no_exception_capture
def test_a_bug_outside_any_guard_reaches_the_user_through_the_hook(window, monkeypatch):
    from planner.ui.app import install_excepthook
    from planner.ui.canvas.view import PlanView

    def broken(self, factor):
        raise ZeroDivisionError("scale")

    monkeypatch.setattr(PlanView, "zoom_by", broken)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_excepthook(window)
    window.commands["zoom-in"].trigger()
    box = window.findChild(QMessageBox, "unexpected-box")
    assert box is not None and "scale" in box.text()
    log = Path(os.environ["BOOTHPLAN_LOG_DIR"]) / "boothplan.log"
    assert "ZeroDivisionError: scale" in log.read_text(encoding="utf-8")
