"""The smaller breaks of issue "An organiser's whole job" (break 8), each with its test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from planner.ui.pdf_dialog import describe
from tests.ui.ui_helpers import click, drag


def test_the_typing_hint_shows_only_with_a_drawing_tool(window):
    window.commands["tool-select"].trigger()
    assert "Type a length" not in window.tool_options.current_text()
    window.commands["tool-hall-polygon"].trigger()
    assert "Type a length" in window.tool_options.current_text()
    window.commands["tool-door"].trigger()
    assert "Door:" in window.tool_options.current_text()


def test_the_scale_readout_follows_every_zoom(window, qtbot):
    window.commands["zoom-in"].trigger()
    qtbot.waitUntil(
        lambda: window.readouts.zoom_label.text() == f"{window.view.scale_px_per_m():.1f} px/m",
        timeout=2000,
    )
    before = window.readouts.zoom_label.text()
    window.commands["zoom-out"].trigger()
    qtbot.waitUntil(lambda: window.readouts.zoom_label.text() != before, timeout=2000)


def test_history_names_what_each_step_changed(window, qtbot):
    drag(qtbot, window.view, (4.5, 4.5), (4.5, 8.5))  # booth A01, 4 m north
    window.selection.set([("booths", "booth-2"), ("booths", "booth-3")])
    window.commands["lock"].trigger()
    window.commands["delete"].trigger()  # locked: nothing to delete, no step
    window.commands["unlock"].trigger()
    window.commands["delete"].trigger()
    window.commands["tool-column"].trigger()
    click(qtbot, window.view, 50, 5)
    stack = window.document.undo_stack
    texts = [stack.text(i) for i in range(stack.count())]
    assert texts == [
        "Move booth A01",
        "Lock 2 booths",
        "Unlock 2 booths",
        "Delete 2 booths",
        "Add column",
    ]


def test_a_door_width_is_edited_and_a_booth_shows_area_price_and_place(window, qtbot):
    from dataclasses import replace

    from shapely.geometry import LineString

    from planner.model import Door

    plan = window.document.plan
    door = Door("door-1", "Cổng chính", "entrance", LineString([(20, 0), (26, 0)]), 6.0)
    info = replace(plan.info, price_per_m2=500_000.0)
    window.document.replace_plan(plan.apply(plan.edit().put(door).put(info).build()), None)
    window.selection.set([("doors", "door-1")])
    width = window.properties.findChild(QLineEdit, "prop-width")
    width.setText("4.5")
    qtbot.keyClick(width, Qt.Key.Key_Return)
    assert window.document.plan.doors["door-1"].width == 4.5
    click(qtbot, window.view, 4.5, 4.5)  # booth A01
    price = window.properties.findChild(type(window.properties.title), "prop-price")
    assert price.text().startswith("4,") and "9.00 m² × 500,000 VND/m²" in price.text()
    x = window.properties.findChild(QLineEdit, "prop-x")
    assert x.text() == "4.50"
    x.setText("40.5")
    qtbot.keyClick(x, Qt.Key.Key_Return)
    assert window.document.plan.booths["booth-1"].geometry.centroid.x == 40.5


def test_the_pdf_summary_does_not_send_to_an_index_that_is_not_there():
    from dataclasses import replace

    from planner.export.options import PdfSummary

    summary = PdfSummary(
        path=None,
        paper="A3",
        orientation="landscape",
        scale=200,
        pages=1,
        map_pages=1,
        index_pages=0,
        tiles=(1, 1),
        booths=64,
        names_in_index_only=128,
        blank_booths=0,
        size_bytes=1,
        notes=(),
    )
    assert "128 names too long for their booth (add the index to list them)" in describe(summary)
    with_index = describe(replace(summary, pages=3, index_pages=2))
    assert "(in the index)" in with_index


def test_the_help_menu_and_the_zone_icons(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.objectName() for a in help_menu.actions() if a.objectName()] == [
        "help-guide",
        "help-shortcuts",
        "help-about",
    ]
    rectangle = window.commands["tool-zone"].icon().pixmap(24).toImage()
    polygon = window.commands["tool-zone-polygon"].icon().pixmap(24).toImage()
    assert rectangle != polygon


def test_saving_says_so(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "hội chợ.boothplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.commands["save"].trigger()
    assert window.statusBar().currentMessage() == "Saved hội chợ.boothplan (save 1)."
    window.files.close_file()


def test_save_as_proposes_the_plans_name(window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1]
    )
    window.commands["save-as"].trigger()
    assert asked and asked[0].endswith("Hội chợ Sơn La – 大理.boothplan")  # not plan.boothplan


def test_exporting_a_pdf_says_so(window, tmp_path):
    from planner.ui.pdf_dialog import PdfExportDialog

    dialog = PdfExportDialog(window.document.plan, None, window)
    assert dialog.export(str(tmp_path / "bản đồ.pdf"))
    assert window.statusBar().currentMessage().startswith("Wrote bản đồ.pdf: 1 page on A3")


def test_a_door_name_sits_outside_the_hall_clear_of_the_wall():
    from shapely.geometry import LineString, box

    from planner.ui.canvas.convert import to_model
    from planner.ui.canvas.items import door_label_rect

    hall = box(0, 0, 60, 40)
    for line in (LineString([(20, 0), (26, 0)]), LineString([(60, 10), (60, 14)])):
        rect = door_label_rect(line, hall, "Lối thoát hiểm phía đông")
        corners = [to_model(rect.topLeft()), to_model(rect.bottomRight())]
        label = box(*min(corners), *max(corners))
        assert not label.intersects(hall), line  # beside the wall, outside: not on it
        assert rect.width() >= 0.55 * len("Lối thoát hiểm phía đông")


def test_an_l_shaped_halls_name_is_at_one_of_its_corners():
    from shapely.geometry import Polygon

    from planner.ui.canvas.items import _top_left_corner

    ell = Polygon([(0, 0), (36, 0), (36, 24), (14, 24), (14, 14), (0, 14)])
    corner = _top_left_corner(ell)
    assert (corner.x(), -corner.y()) == (14.0, 24.0)  # not (0, 24), which is outside the hall


def test_quit_while_packing_closes_and_applies_nothing(window, qtbot):
    """Quit during a pack did nothing at all (the close was ignored while the pack ran)."""
    from planner.ui.workers import wait_for_jobs

    before = window.document.plan
    window.commands["pack"].trigger()
    assert window.packer.running
    window.commands["quit"].trigger()
    assert not window.isVisible() and not window.packer.running
    wait_for_jobs()
    QApplication.processEvents()  # a result the pack posted would arrive here
    assert window.document.plan is before and window.packer.report is None
