"""Exhibitors in the app: import a CSV, search and filter, drop one on a booth, the report,
and File → Export PDF with its preview."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from planner.ui.panels.exhibitors import EXHIBITOR_MIME
from tests.ui.ui_helpers import pos

SHARED = Path(__file__).resolve().parents[3] / "shared" / "exhibitors"


def _import(window, monkeypatch, path: Path) -> None:
    """File → Import exhibitors (CSV)…, answering the file dialog with ``path``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.commands["import-exhibitors"].trigger()


def test_import_search_and_filter(window, qtbot, monkeypatch):
    _import(window, monkeypatch, SHARED / "sonla-week.csv")
    plan = window.document.plan
    assert len(plan.exhibitors) > 5
    assert window.document.undo_stack.count() == 1
    panel = window.exhibitors
    assert panel.model.rowCount() == len(plan.exhibitors)
    some = next(e for e in plan.exhibitors.values() if e.id != "exhibitor-1")
    panel.search.setText(some.name)  # QTest cannot type Vietnamese; the text is what matters
    assert some.id in panel.visible_ids()
    assert len(panel.visible_ids()) < len(plan.exhibitors)
    panel.search.clear()
    qtbot.keyClicks(panel.search, "zzzz-nobody")
    assert panel.visible_ids() == []
    panel.search.clear()
    panel.needs.setChecked(True)  # nobody holds a booth yet: everyone still needs one
    assert len(panel.visible_ids()) == sum(e.booths_wanted > 0 for e in plan.exhibitors.values())


def test_dropping_an_exhibitor_on_a_booth_assigns_it(window, qtbot):
    mime = QMimeData()
    mime.setData(EXHIBITOR_MIME, b"exhibitor-1")
    point = QPointF(pos(window.view, 7.5, 4.5))
    drop = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.view.dropEvent(drop)
    booth = window.document.plan.booths["booth-2"]
    assert booth.exhibitor_id == "exhibitor-1" and booth.status == "reserved"
    assert window.document.plan.booking_events  # the booking history records it
    assert "HTX Chè Shan Tuyết Sơn La" in window.scene.item("booths", "booth-2").toolTip()
    assert window.exhibitors.model.index(0, 4).data() == "1"  # booths held
    window.show_report()
    assert window.report.model.rowCount() > 0 and "1 holding booths" in window.report.summary.text()
    window.commands["undo"].trigger()
    assert window.document.plan.booths["booth-2"].exhibitor_id is None


def test_pdf_export_with_preview(window, qtbot, tmp_path):
    from planner.ui.pdf_dialog import PdfExportDialog

    dialog = PdfExportDialog(window.document.plan, None, window)
    qtbot.addWidget(dialog)
    dialog._timer.stop()
    job = dialog.preview()
    qtbot.waitUntil(lambda: "page" in dialog.summary.text(), timeout=30_000)
    assert job is not None
    assert dialog.summary.text().startswith("1 page on ")  # not "1 page(s)"
    assert "(s)" not in dialog.summary.text()
    dialog.paper.setCurrentText("A4")
    dialog._timer.stop()
    out = tmp_path / "sơn-la.pdf"
    assert dialog.export(str(out))
    reader = PdfReader(str(out))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Sơn La" in text or "大理" in text
    assert dialog.written.paper == "A4"


def test_booths_column_shows_several_booths_on_one_line_with_all_in_the_tooltip(window, qtbot):
    from planner.model import booking
    from planner.ui.panels.exhibitors import BOOTHS_COLUMN, BOOTHS_MAX_WIDTH

    plan = window.document.plan
    window.document.push(booking.assign(plan, ["booth-1", "booth-2", "booth-3"], "exhibitor-1"))
    panel = window.exhibitors
    table = panel.table
    index = panel.proxy.index(0, BOOTHS_COLUMN)
    assert index.data() == "A01, A02, A03"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "3 booths: A01, A02, A03"
    assert not table.wordWrap()  # never a half-shown second line
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    needed = table.fontMetrics().horizontalAdvance("A01, A02, A03")
    assert table.columnWidth(BOOTHS_COLUMN) > needed  # three numbers fit whole
    assert table.rowHeight(0) >= table.fontMetrics().height()
    assert table.columnWidth(BOOTHS_COLUMN) <= BOOTHS_MAX_WIDTH
    ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
    ARTIFACTS.mkdir(exist_ok=True)
    qtbot.wait(20)
    window.docks["exhibitors"].grab().save(str(ARTIFACTS / "exhibitor-booths.png"))


def test_sorting_by_name_follows_the_printed_index(window, qtbot, monkeypatch):
    """Vietnamese and Chinese names in the table's Name order are the PDF index's order."""
    from planner.export.index_pages import exhibitor_section

    _import(window, monkeypatch, SHARED / "laocai-fair-2025.csv")
    assert len(window.document.plan.exhibitors) > 60
    plan = window.document.plan
    panel = window.exhibitors
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = [plan.exhibitors[i].name for i in panel.visible_ids()]
    printed = [row[0] for row in exhibitor_section(plan).rows]
    assert shown == printed
    assert any("\u4e00" <= name[0] <= "\u9fff" for name in shown)  # Chinese names are there
    assert shown != sorted(shown)  # not Qt's code-point order (Bếp after Busan, Đ after Z)
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [plan.exhibitors[i].name for i in panel.visible_ids()] == printed[::-1]


def test_pdf_summary_counts_in_singular_and_plural():
    from planner.export.options import PdfSummary
    from planner.ui.pdf_dialog import describe
    from planner.wording import counted

    one = PdfSummary(
        path=None,
        paper="A3",
        orientation="portrait",
        scale=200,
        pages=1,
        map_pages=1,
        index_pages=0,
        tiles=(1, 1),
        booths=1,
        names_in_index_only=1,
        blank_booths=0,
        size_bytes=1,
        notes=(),
    )
    text = describe(one)
    assert text.startswith("1 page on A3 portrait, scale 1:200; 1 booth;")
    assert "1 name too long for its booth" in text and "(s)" not in text
    many = describe(replace(one, pages=5, map_pages=3, index_pages=2, booths=64))
    assert many.startswith("5 pages on A3") and "64 booths" in many and "2 index pages" in many
    assert counted(0, "page") == "0 pages"
