"""The canvas: level of detail when zoomed out, colour modes, zoom about the cursor, status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from planner import theme
from tests.ui.ui_helpers import pos

LAOCAI = Path(__file__).resolve().parents[2] / "layouts" / "laocai-fair-2025.boothplan"


def _paint(window, qtbot):
    window.view.viewport().grab()  # a frame, as the screen gets it


def test_zoomed_out_booths_are_painted_by_one_overview_item(window, qtbot):
    view, scene = window.view, window.scene
    view.resetTransform()
    view.scale(2, 2)  # 2 px per metre: far out
    _paint(window, qtbot)
    assert scene.overview_mode and scene.overview.isVisible()
    assert not scene.item("booths", "booth-1").isVisible()
    view.scale(10, 10)  # 20 px per metre: each booth paints itself, with its number
    _paint(window, qtbot)
    assert not scene.overview_mode
    assert scene.item("booths", "booth-1").isVisible()


def test_colour_by_sector_uses_the_exhibitors_sector(window, qtbot):
    plan = window.document.plan
    booth = plan.booths["booth-1"]
    from dataclasses import replace

    window.document.push(
        plan.edit("Give").put(replace(booth, exhibitor_id="exhibitor-1", status="reserved")).build()
    )
    item = window.scene.item("booths", "booth-1")
    assert item.fill_hex() == theme.STATUS_COLOURS["reserved"]
    window.commands["colour-sector"].trigger()
    assert item.fill_hex() == theme.sector_colour("agriculture")
    assert "HTX Chè Shan Tuyết Sơn La" in item.toolTip()


def test_wheel_zoom_keeps_the_point_under_the_cursor(window, qtbot):
    view = window.view
    target = pos(view, 10.5, 4.5)
    before = view.mapToScene(target)
    scale = view.scale_px_per_m()
    event = QWheelEvent(
        QPointF(target),
        QPointF(view.viewport().mapToGlobal(target)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(event)
    assert view.scale_px_per_m() > scale * 1.2
    after = view.mapToScene(target)
    assert abs(after.x() - before.x()) < 0.5 and abs(after.y() - before.y()) < 0.5


def test_cursor_position_in_metres_in_the_status_bar(window, qtbot):
    qtbot.mouseMove(window.view.viewport(), pos(window.view, 12.0, 7.0))
    parts = window.readouts.cursor_label.text().split()
    x, y = float(parts[1]), float(parts[4])
    assert abs(x - 12.0) < 0.2 and abs(y - 7.0) < 0.2


def _find(window, monkeypatch, text: str) -> None:
    """Edit → Find… (Ctrl+F), typing ``text`` into its box."""
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (text, True))
    window.commands["find"].trigger()


def test_find_booth_selects_and_centres_it(window, qtbot, monkeypatch):
    """Issue "An organiser's whole job", break 3: Find was in no menu and Ctrl+F did nothing."""
    from PySide6.QtGui import QKeySequence

    assert window.commands["find"] in window.menuBar().actions()[1].menu().actions()
    assert QKeySequence("Ctrl+F") in window.commands["find"].shortcuts()
    _find(window, monkeypatch, "a03")  # the number as typed, case forgiven
    assert window.selection.all() == [("booths", "booth-3")]
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert abs(centre.x() - 10.5) < 1 and abs(-centre.y() - 4.5) < 1
    _find(window, monkeypatch, "Z99")
    assert "Z99" in window.statusBar().currentMessage()


def test_find_an_exhibitor_by_name_without_accents(window, qtbot, monkeypatch):
    from planner.model import booking

    plan = window.document.plan
    window.document.push(booking.assign(plan, ["booth-2"], "exhibitor-1", "reserved"))
    _find(window, monkeypatch, "che shan tuyet")
    assert window.selection.all() == [("booths", "booth-2")]
    assert window.exhibitors.selected_ids() == ["exhibitor-1"]


def test_the_exhibitor_search_finds_who_holds_a_booth(window, qtbot):
    from planner.model import booking

    plan = window.document.plan
    window.document.push(booking.assign(plan, ["booth-3"], "exhibitor-1", "reserved"))
    panel = window.exhibitors
    qtbot.keyClicks(panel.search, "A03")  # a booth number used to empty the list
    assert panel.visible_ids() == ["exhibitor-1"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "son la")  # "Sơn La" without accents
    assert panel.visible_ids() == ["exhibitor-1"]


def test_overview_marks_the_selection_and_problems(window, qtbot):
    view, scene = window.view, window.scene
    view.resetTransform()
    view.scale(2, 2)
    window.selection.set([("booths", "booth-1")])
    scene.set_problems({"booth-2": "overlaps"})
    _paint(window, qtbot)
    assert scene.overview_mode
    assert [r.width() for r in scene.overview._selected[0]] == [3.0]
    assert [r.left() for r in scene.overview._problems[0]] == [6.0]
    window.selection.set([("booths", "booth-1"), ("booths", "booth-3")])
    _paint(window, qtbot)
    assert sorted(r.left() for r in scene.overview._selected[0]) == [3.0, 9.0]


def test_find_with_several_matches_shows_the_booths_of_the_row_it_highlights(
    window, qtbot, monkeypatch
):
    """'dien bien' matched two exhibitors: the table highlighted one, the canvas selected the
    other's booths."""
    from planner.formats.plan_file import read_plan

    window.document.replace_plan(read_plan(LAOCAI), None)
    matches = [e for e in window.document.plan.exhibitors.values() if "Điện Biên" in e.name]
    assert len(matches) >= 2
    _find(window, monkeypatch, "dien bien")
    (highlighted,) = window.exhibitors.selected_ids()
    held = {b.id for b in window.document.plan.booths_of(highlighted)}
    assert held and {i for _, i in window.selection.all()} == held


def test_the_exhibitor_table_starts_a_to_z(window):
    header = window.exhibitors.table.horizontalHeader()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
