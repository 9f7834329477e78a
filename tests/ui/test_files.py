"""Files: save, reopen and compare; the title's modified mark; recent files; bad files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from planner.formats.plan_file import read_plan
from tests.ui.ui_helpers import drag

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"


def test_save_reopen_and_compare(window, qtbot, tmp_path):
    drag(qtbot, window.view, (4.5, 4.5), (14.5, 10.5))
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    path = tmp_path / "hội chợ.boothplan"
    assert window.files.save_to(path)
    assert not window.isWindowModified()
    assert window.windowFilePath() == str(path)
    saved = window.document.plan
    assert read_plan(path) == saved
    window.document.replace_plan(read_plan(path), None)  # start elsewhere, then open it again
    assert window.files.open(str(path))
    assert window.document.plan == saved
    assert window.document.plan.name == "Hội chợ Sơn La – 大理"
    assert window.document.undo_stack.count() == 0
    assert QSettings().value("recentFiles")[0] == str(path.resolve())
    assert window.recent_menu.actions()[0].text() == path.name


def test_a_bad_file_shows_one_sentence_and_keeps_the_plan(window, tmp_path):
    bad = tmp_path / "broken.boothplan"
    bad.write_bytes(b"this is not a plan")
    before = window.document.plan
    assert not window.files.open(str(bad))
    box = window.findChild(QMessageBox, "error-box")
    assert box is not None and "broken.boothplan" in box.text()
    assert "Traceback" not in box.text()
    assert window.document.plan is before


def test_dropping_a_plan_file_opens_it(window, qtbot):
    sample = LAYOUTS / "laocai-fair-2025.boothplan"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.document.path == sample
    assert len(window.document.plan.booths) == len(read_plan(sample).booths)
    assert window.windowTitle().startswith("laocai-fair-2025.boothplan")


def test_closing_with_changes_asks_and_cancel_keeps_the_window(window, qtbot, monkeypatch):
    drag(qtbot, window.view, (4.5, 4.5), (14.5, 10.5))
    asked = []

    def cancel(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    assert not window.close()
    assert asked and "Save the changes" in asked[0]
    assert window.isVisible()


def test_new_blank_plan(window, monkeypatch):
    from planner.ui.file_controller import blank_plan

    plan = blank_plan("Chợ phiên", 50, 30)
    window.document.replace_plan(plan, None)
    (hall,) = window.document.plan.halls.values()
    assert hall.geometry.bounds == (0, 0, 50, 30)
    assert window.windowTitle().startswith("Untitled")


def test_new_plan_from_a_geojson_floor(window):
    floor = (
        Path(__file__).resolve().parents[3] / "shared" / "floors" / "sonla-week-coopmart.geojson"
    )
    assert window.files.new_from_floor(str(floor))
    plan = window.document.plan
    assert plan.halls and window.document.path is None
    assert window.windowTitle().startswith("Untitled")
    assert window.scene.item("halls", next(iter(plan.halls))) is not None


def test_zone_dialog_reads_its_fields(window):
    from shapely.geometry import box

    from planner.model import Zone
    from planner.ui.dialogs import ZoneDialog

    dialog = ZoneDialog(Zone("zone-9", "Zone 9", "standard", box(0, 0, 10, 10)), window)
    dialog.name.setText("Khu ẩm thực 美食")
    dialog.use.setCurrentText("culinary")
    dialog.booth_w.setValue(2.5)
    dialog.booth_d.setValue(2.0)
    zone = dialog.zone()
    assert (zone.name, zone.use, zone.booth, zone.aisle) == (
        "Khu ẩm thực 美食",
        "culinary",
        (2.5, 2.0),
        None,
    )
