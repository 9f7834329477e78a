"""File → Import exhibitors: read a CSV into one undo step; bad rows are shown, and the good
rows can be imported without them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.errors import BoothplanError
from planner.ui.errors import show_error

CSV_FILTER = "Exhibitor lists (*.csv *.txt);;All files (*)"


def import_exhibitors(window, path: str | None = None, skip_bad: bool | None = None) -> bool:
    """Import ``path`` (asked for when None). ``skip_bad`` answers the "skip bad rows?"
    question in advance (tests); None asks the user."""
    from planner.formats.exhibitors_csv import read_exhibitors

    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window, window.tr("Import exhibitors"), "", window.tr(CSV_FILTER)
        )
        if not path:
            return False
    plan = window.document.plan
    try:
        result = read_exhibitors(Path(path), plan)
    except BoothplanError as error:
        if skip_bad is None:
            answer = QMessageBox.question(
                window,
                window.tr("Import exhibitors"),
                str(error) + "\n\n" + window.tr("Import the good rows and skip the bad ones?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            skip_bad = answer == QMessageBox.StandardButton.Yes
        if not skip_bad:
            return False
        try:
            result = read_exhibitors(Path(path), plan, skip_bad=True)
        except BoothplanError as again:
            show_error(window, str(again))
            return False
    if result.patch:
        window.document.push(result.patch, window.tr("Import exhibitors"))
    window.statusBar().showMessage(result.summary(Path(path).name))
    return True
