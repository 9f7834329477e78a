"""Exhibitors in the app: import a CSV, search and filter, drop one on a booth, the report,
and File → Export PDF with its preview."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from ui_helpers import pos

from planner.ui.exhibitor_import import import_exhibitors
from planner.ui.panels.exhibitors import EXHIBITOR_MIME

SHARED = Path(__file__).resolve().parents[3] / "shared" / "exhibitors"


def test_import_search_and_filter(window, qtbot):
    assert import_exhibitors(window, str(SHARED / "sonla-week.csv"), skip_bad=True)
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
    assert window.report.text.toPlainText().strip()
    window.actions["undo"].trigger()
    assert window.document.plan.booths["booth-2"].exhibitor_id is None


def test_pdf_export_with_preview(window, qtbot, tmp_path):
    from planner.ui.pdf_dialog import PdfExportDialog

    dialog = PdfExportDialog(window.document.plan, None, window)
    qtbot.addWidget(dialog)
    dialog._timer.stop()
    job = dialog.preview()
    qtbot.waitUntil(lambda: "page" in dialog.summary.text(), timeout=30_000)
    assert job is not None
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
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "3 booth(s): A01, A02, A03"
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
