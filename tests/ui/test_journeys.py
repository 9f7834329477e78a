"""Three people's work in the app, each from start to end as they would do it: through the
menus (their QActions), the real dialogs (answered by the test, file dialogs patched), the
keyboard. The window at each journey's end is saved to tests/artifacts/ to be looked at.

* The organiser: a new plan from the venue's floor, pack, import exhibitors, allocate, fix a
  booth by hand, save.
* The sales staff: open the fair, find an exhibitor, reserve a booth for one, move another's
  booking, print that exhibitor's map.
* The planner, weeks later: reopen, see the command line's change arrive, a colleague's second
  window read-only, freeze the numbers and re-pack around the sold booths.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QPushButton

from planner.cli import main
from planner.formats.plan_file import open_plan
from planner.model.frozen import is_frozen
from planner.ui.canvas.convert import to_scene
from planner.ui.main_window import MainWindow
from planner.ui.workers import wait_for_jobs
from tests.ui.file_answers import Answer
from tests.ui.ui_helpers import window_size

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture
def new_window(qtbot):
    made: list[MainWindow] = []

    def make() -> MainWindow:
        win = MainWindow()
        qtbot.addWidget(win)
        win.resize(*window_size())
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    wait_for_jobs()
    for win in made:
        win.files.close_file()


def _files(monkeypatch, open_path: Path | None = None, save_path: Path | None = None):
    if open_path is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(open_path), ""))
    if save_path is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(save_path), ""))


def _type_in_box(monkeypatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (text, True))


def _pack(window, qtbot) -> None:
    window.commands["pack"].trigger()
    qtbot.waitUntil(lambda: not window.packer.running, timeout=60_000)
    if window.packer.report is not None:
        window.packer.report.close()


def _keys(window, qtbot, sequence: str) -> None:
    """Press a shortcut as a person does: the key goes to the canvas, which has the focus."""
    key = QKeySequence(sequence)[0]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.keyClick(window.view, key.key(), key.keyboardModifiers())


def _square(booth) -> bool:
    minx, miny, maxx, maxy = booth.geometry.bounds
    return abs((maxx - minx) - (maxy - miny)) < 1e-6


def _keep(window, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    QApplication.processEvents()  # lay out and show what the last step added
    window.grab().save(str(ARTIFACTS / f"journey-{name}.png"))


def test_the_organiser_builds_the_plan(new_window, qtbot, monkeypatch, tmp_path):
    window = new_window()
    _files(monkeypatch, open_path=SHARED / "floors" / "sonla-week-coopmart.geojson")
    window.commands["new-floor"].trigger()
    assert window.document.plan.halls and not window.document.plan.booths
    _pack(window, qtbot)
    booths = len(window.document.plan.booths)
    assert booths > 50
    _files(monkeypatch, open_path=SHARED / "exhibitors" / "sonla-week.csv")
    window.commands["import-exhibitors"].trigger()
    assert len(window.document.plan.exhibitors) == 37
    window.commands["allocate"].trigger()
    dialog = window.findChild(QDialog, "allocation-dialog")
    dialog.findChild(QPushButton, "allocation-apply").click()
    placed = [b for b in window.document.plan.booths.values() if b.exhibitor_id]
    assert len(placed) >= 37
    # By hand, from the keyboard: find a free booth (Ctrl+F), turn it a quarter round (R),
    # lock it (Ctrl+L), save (Ctrl+S).
    free = [b for b in window.document.plan.booths.values() if not b.exhibitor_id]
    _type_in_box(monkeypatch, free[0].number)
    _keys(window, qtbot, "Ctrl+F")
    assert window.selection.all() == [("booths", free[0].id)]
    _keys(window, qtbot, "R")
    turned = window.document.plan.booths[free[0].id]
    assert turned.geometry.centroid.distance(free[0].geometry.centroid) < 1e-6
    assert turned.geometry.bounds != free[0].geometry.bounds or _square(free[0])
    _keys(window, qtbot, "Ctrl+L")
    assert window.document.plan.booths[free[0].id].locked
    path = tmp_path / "Tuần hàng Sơn La.boothplan"
    _files(monkeypatch, save_path=path)
    _keys(window, qtbot, "Ctrl+S")
    saved = open_plan(path)
    assert saved.plan == window.document.plan and not window.document.modified
    assert "Saved Tuần hàng Sơn La.boothplan" in window.statusBar().currentMessage()
    _keep(window, "organiser")


@pytest.fixture
def fair(tmp_path) -> Path:
    path = tmp_path / "hội chợ Lào Cai.boothplan"
    shutil.copyfile(ROOT / "layouts" / "laocai-fair-2025.boothplan", path)
    return path


def _pick_exhibitor(name: str) -> list:
    """Answer the Assign dialog: type the name in its search box, take the first match."""
    done: list = []

    def attempt(left=200):
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == "exhibitor-picker":
            dialog.search.setText(name)
            dialog.accept()
            done.append(True)
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(0, attempt)
    return done


def test_the_sales_staff_book_and_print(new_window, qtbot, monkeypatch, fair, tmp_path):
    window = new_window()
    _files(monkeypatch, open_path=fair)
    window.commands["open"].trigger()
    plan = window.document.plan
    holder = next(e for e in plan.exhibitors.values() if len(plan.booths_of(e.id)) == 1)
    # Find the exhibitor by name, without the accents a phone keyboard leaves out.
    _type_in_box(monkeypatch, holder.name)
    _keys(window, qtbot, "Ctrl+F")
    (held,) = plan.booths_of(holder.id)
    assert window.selection.all() == [("booths", held.id)]
    # Reserve a free booth for a second exhibitor.
    other = next(e for e in plan.exhibitors.values() if e.id != holder.id)
    free = next(b for b in plan.booths.values() if b.status == "available" and not b.zone_id)
    _type_in_box(monkeypatch, free.number)
    window.commands["find"].trigger()
    picked = _pick_exhibitor(other.name)
    window.commands["assign"].trigger()
    assert picked and window.document.plan.booths[free.id].exhibitor_id == other.id
    # Move the first exhibitor's booking to another free booth.
    target = next(
        b
        for b in window.document.plan.booths.values()
        if b.status == "available" and not b.zone_id and b.id != free.id
    )
    _type_in_box(monkeypatch, held.number)
    window.commands["find"].trigger()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (target.number, True))
    window.commands["move-booking"].trigger()
    assert window.document.plan.booths[target.id].exhibitor_id == holder.id
    # The view follows the booking to its new booth.
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    centre = target.geometry.centroid
    assert shown.contains(to_scene(centre.x, centre.y))
    # Print that exhibitor's map.
    window.commands["export-pdf"].trigger()
    dialog = window.pdf_dialog
    dialog.exhibitor.setCurrentIndex(dialog.exhibitor.findData(holder.id))
    pdf = tmp_path / "bản đồ gian hàng.pdf"
    assert dialog.export(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage().startswith("Wrote bản đồ gian hàng.pdf")
    _keep(window, "sales")


def test_the_planner_weeks_later(new_window, qtbot, monkeypatch, fair):
    window = new_window()
    _files(monkeypatch, open_path=fair)
    window.commands["open"].trigger()
    # The command line changes the plan while it is open: the window follows.
    before = len(window.document.plan.exhibitors)
    csv = SHARED / "exhibitors" / "sonla-week.csv"
    assert main(["exhibitors", "import", str(fair), str(csv), "--add-sectors"]) == 0
    qtbot.waitUntil(lambda: len(window.document.plan.exhibitors) > before, timeout=10_000)
    # A colleague opens the same plan: read-only for them.
    colleague = new_window()
    answered = Answer("held-box", "read-only")
    colleague.commands["open"].trigger()
    assert answered.clicked and colleague.document.read_only
    # Maps went out: freeze the numbers, then re-pack around the sold booths.
    window.commands["freeze"].trigger()
    assert all(is_frozen(b) for b in window.document.plan.booths.values())
    frozen = dict(window.document.plan.booths)
    keep = Answer("frozen-box", "keep")  # packing would move frozen numbers: keep them
    _pack(window, qtbot)
    qtbot.waitUntil(lambda: not window.packer.running, timeout=60_000)
    assert keep.clicked
    assert all(window.document.plan.booths[i] == b for i, b in frozen.items())
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: colleague.document.plan == window.document.plan, timeout=10_000)
    assert "Reloaded" in colleague.statusBar().currentMessage()
    _keep(window, "planner")
    _keep(colleague, "planner-colleague")
