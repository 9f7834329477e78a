"""The Report tab is a real table: grouped, sortable, copyable, exported as CSV or PDF, and
kept up to date from each edit.

Issue "An organiser's whole job", break 6: the Report tab was a monospace text dump in five
lines with no export.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QPushButton

from planner.formats.plan_file import read_plan
from planner.model import booking
from planner.model.reports import build_report

LAYOUT = Path(__file__).resolve().parents[2] / "layouts" / "sonla-week-coopmart.boothplan"


@pytest.fixture
def report_panel(window):
    window.document.replace_plan(read_plan(LAYOUT), None)
    window.commands["report"].trigger()  # Plan → Booking report
    return window.report


def test_the_report_is_a_table_by_any_grouping(report_panel):
    panel = report_panel
    expected = build_report(panel.document.plan)
    assert panel.model.rowCount() == len(expected.groups["status"])
    assert panel.proxy.headerData(0, Qt.Orientation.Horizontal) == "Status"
    panel.group.setCurrentIndex(panel.group.findData("exhibitor"))
    assert panel.model.rowCount() == len(expected.groups["exhibitor"])
    panel.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # most booths first
    counts = [int(panel.proxy.index(r, 1).data()) for r in range(panel.proxy.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert f"{expected.total.booths} booths" in panel.summary.text()


def test_rows_copy_as_a_spreadsheet_takes_them(report_panel, qtbot):
    panel = report_panel
    panel.table.selectRow(0)
    panel.findChild(QPushButton, "report-copy").click()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:4] == ["Status", "Booths", "m²", "Value"]
    assert len(lines) == 2 and lines[1].split("\t")[0] == "Available"


def test_an_edit_updates_the_report(report_panel, qtbot):
    panel = report_panel
    plan = panel.document.plan
    free = next(b for b in plan.booths.values() if b.status == "available")
    panel.document.push(booking.set_status(plan, [free.id], "blocked"))
    qtbot.waitUntil(
        lambda: panel.current.to_dict() == build_report(panel.document.plan).to_dict(),
        timeout=5000,
    )


def test_export_csv_and_pdf(report_panel, tmp_path, monkeypatch):
    panel = report_panel
    csv_path, pdf_path = tmp_path / "báo cáo.csv", tmp_path / "báo cáo.pdf"
    for path, button in ((csv_path, "report-csv"), (pdf_path, "report-pdf")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, p=path, **k: (str(p), ""))
        panel.findChild(QPushButton, button).click()
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbfgroup,key,booths")
    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    name = panel.document.plan.name
    assert f"Sales report: {name[:30]}" in " ".join(text.split())
    assert "By exhibitor" in text and "HTX" in text


def test_the_legend_says_what_each_colour_means(window):
    window.document.replace_plan(read_plan(LAYOUT), None)
    legend = window.legend
    plan = window.document.plan
    entries = legend.entries()
    assert [label for label, _, _ in entries][:2] == ["Available", "On hold"]
    assert sum(n for _, _, n in entries) == len(plan.booths)
    window.commands["colour-sector"].trigger()  # View → Colour by sector
    assert legend.title.text() == "Booths by sector"
    labels = [label for label, _, _ in legend.entries()]
    assert "No exhibitor" in labels and "agriculture" in labels
    assert legend.list.count() == len(labels)
