"""File → New checks the hall size it is given ("abc", -3 refused, the dialog stays open), and
the window's layout (size, docks, toolbars) comes back from QSettings in a new window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from shapely.geometry import box

from planner.ui.dialogs import NewPlanDialog

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _type(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_new_plan_dialog_refuses_bad_sizes_and_makes_the_hall(window, qtbot):
    seen: list[tuple[str, bool, str]] = []

    def drive():
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, NewPlanDialog)
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            dialog.name.setText("Hội chợ Hải Phòng 海防")  # QTest cannot type Vietnamese
            for bad in ("abc", "-3", "0", "1"):
                _type(qtbot, dialog.hall_width, bad)
                qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
                seen.append((bad, dialog.isVisible(), dialog.message.text()))
            ARTIFACTS.mkdir(exist_ok=True)
            dialog.grab().save(str(ARTIFACTS / "new-plan-refused.png"))
            _type(qtbot, dialog.hall_width, "45,5")
            _type(qtbot, dialog.hall_depth, "30")
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, drive)
    window.commands["new"].trigger()
    for bad, still_open, text in seen:
        assert still_open, bad
        assert text.startswith("The hall width") and text.endswith("."), text
        assert bad in text, (bad, text)
    assert [s[0] for s in seen] == ["abc", "-3", "0", "1"]
    plan = window.document.plan
    assert plan.name == "Hội chợ Hải Phòng 海防"
    (hall,) = plan.halls.values()
    assert hall.geometry.equals(box(0, 0, 45.5, 30))
    assert not plan.booths and window.document.undo_stack.count() == 0


def test_cancelled_new_plan_keeps_the_open_plan(window, qtbot):
    start = window.document.plan

    def cancel():
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, cancel)
    assert not window.files.new_blank()
    assert window.document.plan is start


def test_layout_comes_back_from_settings(window, qtbot, tmp_path):
    from planner.ui.main_window import MainWindow

    window.resize(780, 560)  # the offscreen screen is 800 × 800
    window.docks["problems"].hide()
    window.removeDockWidget(window.docks["properties"])
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.docks["properties"])
    window.docks["properties"].show()
    qtbot.wait(20)
    saved = (window.size().width(), window.size().height())
    assert saved[0] == 780  # the height is held up by the docks' minimum sizes
    assert window.close()  # a deliberate close saves the layout
    settings = QSettings()
    assert Path(settings.fileName()).is_relative_to(tmp_path)  # never the user's settings
    assert settings.value("window/state") is not None

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    # The width comes back (a window without settings opens 1400 wide, clipped to the 800 px
    # offscreen screen); the height is clamped by the offscreen screen either way.
    assert again.size().width() == saved[0]
    area = again.dockWidgetArea(again.docks["properties"])
    assert area == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not again.docks["problems"].isVisible()
    assert again.docks["exhibitors"].isVisible()
    again.close()
