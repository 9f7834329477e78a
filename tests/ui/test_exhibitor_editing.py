"""Exhibitors in the app, through the menus: import a CSV (with its bad rows shown), add, edit,
remove; each one undo step.

Issue "An organiser's whole job", break 1: File → Import exhibitors (CSV)… raised TypeError
(``triggered(bool)`` reached the slot as ``path=False``) and there was no other way in the app
to add an exhibitor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

SHARED = Path(__file__).resolve().parents[3] / "shared" / "exhibitors"


def _choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _in_dialog(name: str, act) -> list:
    """Run ``act(dialog)`` on the modal dialog named ``name`` once it shows."""
    done = []

    def attempt(left=200):
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == name:
            act(dialog)
            done.append(dialog)
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(0, attempt)
    return done


def test_the_import_menu_imports_a_clean_list_in_one_step(window, monkeypatch):
    _choose_file(monkeypatch, SHARED / "sonla-week.csv")
    window.commands["import-exhibitors"].trigger()
    assert len(window.document.plan.exhibitors) > 30
    assert window.document.undo_stack.count() == 1
    assert window.statusBar().currentMessage().startswith("Read 3")


def _with_bad_rows(tmp_path: Path) -> Path:
    path = tmp_path / "danh sách.csv"
    path.write_text(
        "name,sector,booths\n"
        "HTX Mận Hậu,agriculture,2\n"
        "Công ty Thép,steel,1\n"  # a sector the plan does not know
        ",agriculture,1\n"  # no name
        "HTX Chè,agriculture,many\n",  # not a number
        encoding="utf-8",
    )
    return path


def test_bad_rows_are_listed_and_nothing_is_imported_unless_asked(window, monkeypatch, tmp_path):
    _choose_file(monkeypatch, _with_bad_rows(tmp_path))
    before = window.document.plan
    seen = {}

    def look_then_cancel(dialog):
        seen["rows"] = [dialog.rows.item(i).text() for i in range(dialog.rows.count())]
        dialog.reject()

    done = _in_dialog("import-dialog", look_then_cancel)
    window.commands["import-exhibitors"].trigger()
    assert done and window.document.plan is before
    assert seen["rows"] == [
        "danh sách.csv line 3: the sector 'steel' is unknown (known: agriculture, forestry, "
        "aquatic, machinery, raw materials, chemicals, construction materials, electronics, "
        "home appliances, textiles, footwear, consumer goods, furniture, handicrafts, "
        "automobiles, culinary; --add-sectors adds new ones).",
        "danh sách.csv line 4: the name is empty.",
        "danh sách.csv line 5: the booth count 'many' is not a number.",
    ]
    assert window.statusBar().currentMessage() == "Nothing was imported."


def test_the_good_rows_and_new_sectors_can_be_imported(window, monkeypatch, tmp_path):
    _choose_file(monkeypatch, _with_bad_rows(tmp_path))

    def add_sectors_then_import(dialog):
        dialog.add_sectors.setChecked(True)
        assert dialog.rows.count() == 2
        assert dialog.import_button.text() == "Import the 2 good rows"
        dialog.findChild(QPushButton, "import-good-rows").click()

    done = _in_dialog("import-dialog", add_sectors_then_import)
    window.commands["import-exhibitors"].trigger()
    assert done
    names = {e.name for e in window.document.plan.exhibitors.values()}
    assert {"HTX Mận Hậu", "Công ty Thép"} <= names
    assert "steel" in window.document.plan.info.sectors
    window.commands["undo"].trigger()
    assert "Công ty Thép" not in {e.name for e in window.document.plan.exhibitors.values()}


def test_add_edit_and_remove_an_exhibitor(window, monkeypatch, qtbot):
    def fill(dialog):
        dialog.name.setText("Công ty Gốm Bát Tràng")  # QTest cannot type Vietnamese
        dialog.country.clear()
        qtbot.keyClicks(dialog.country, "VN")
        dialog.booths.setValue(3)
        dialog.sector.setCurrentIndex(dialog.sector.findData("handicrafts"))
        dialog.accept()

    filled = _in_dialog("exhibitor-dialog", fill)
    window.commands["add-exhibitor"].trigger()
    assert filled
    plan = window.document.plan
    (added,) = [e for e in plan.exhibitors.values() if e.name == "Công ty Gốm Bát Tràng"]
    assert (added.country, added.booths_wanted, added.sector) == ("VN", 3, "handicrafts")

    panel = window.exhibitors
    panel.table.selectRow(panel.visible_ids().index(added.id))
    assert window.commands["edit-exhibitor"].isEnabled()

    def rename_to_a_taken_name_then_fix(dialog):
        dialog.name.setText("HTX Chè Shan Tuyết Sơn La")
        dialog.accept()  # refused: the dialog stays open and says why
        assert dialog.isVisible() and "already an exhibitor" in dialog.message.text()
        dialog.name.setText("Công ty Gốm Bát Tràng Hà Nội")
        dialog.accept()

    _in_dialog("exhibitor-dialog", rename_to_a_taken_name_then_fix)
    window.commands["edit-exhibitor"].trigger()
    assert window.document.plan.exhibitors[added.id].name == "Công ty Gốm Bát Tràng Hà Nội"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.table.selectRow(panel.visible_ids().index(added.id))
    window.commands["remove-exhibitor"].trigger()
    assert added.id not in window.document.plan.exhibitors
    steps = window.document.undo_stack.count()
    assert steps == 3
    for _ in range(steps):
        window.commands["undo"].trigger()
    assert added.id not in window.document.plan.exhibitors
    window.commands["redo"].trigger()
    assert added.id in window.document.plan.exhibitors


def test_greyed_out_actions_say_what_to_select_and_tooltips_show_shortcuts(window):
    split = window.commands["split"]
    assert not split.isEnabled()
    assert split.toolTip() == "Split booth (Ctrl+Shift+M): Select one booth to split."
    assert window.commands["pack"].toolTip() == "Auto-pack plan (Ctrl+K)"
    window.selection.set([("booths", "booth-1")])
    assert split.isEnabled() and split.toolTip() == "Split booth (Ctrl+Shift+M)"


def test_ctrl_y_redoes(window, qtbot):
    from PySide6.QtCore import Qt

    from tests.ui.ui_helpers import drag

    drag(qtbot, window.view, (4.5, 4.5), (14.5, 10.5))
    moved = window.document.plan
    window.commands["undo"].trigger()
    assert window.document.plan != moved
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan == moved
