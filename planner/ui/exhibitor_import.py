"""File → Import exhibitors (CSV): the command line's import, with its choices in a dialog.

A clean file is imported at once (one undo step) and the status bar says what it did. A file
with bad rows is refused whole unless the organiser chooses otherwise: a dialog lists every bad
row in the command line's words (file and line), offers to add the sectors the plan does not
know yet (``--add-sectors``), and imports only the good rows when asked (``--skip-bad``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.errors import BoothplanError
from planner.formats.exhibitors_csv import ExhibitorCsvError, ImportResult, read_exhibitors
from planner.model import Plan
from planner.ui.errors import show_error
from planner.wording import counted

CSV_FILTER = "Exhibitor lists (*.csv *.txt);;All files (*)"


class ImportDialog(QDialog):
    """The bad rows of ``path`` and what importing the rest would do."""

    def __init__(self, path: Path, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-dialog")
        self.setWindowTitle(self.tr("Import exhibitors"))
        self._path, self._plan = path, plan
        self.result: ImportResult | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.rows = QListWidget()
        self.rows.setObjectName("import-bad-rows")
        self.rows.setWordWrap(True)
        layout.addWidget(self.rows, 1)
        self.add_sectors = QCheckBox(self.tr("Add the sectors the plan does not know yet"))
        self.add_sectors.setObjectName("import-add-sectors")
        self.add_sectors.toggled.connect(self._read)
        layout.addWidget(self.add_sectors)
        self.summary = QLabel()
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton()
        self.import_button.setObjectName("import-good-rows")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self._read()

    def _read(self) -> None:
        result = read_exhibitors(
            self._path, self._plan, skip_bad=True, add_sectors=self.add_sectors.isChecked()
        )
        self.result = result
        bad = len(result.bad_rows)
        self.intro.setText(
            self.tr("%1 has %2. Nothing is imported unless you choose to:")
            .replace("%1", self._path.name)
            .replace("%2", counted(bad, "bad row"))
        )
        self.rows.clear()
        self.rows.addItems([row.message for row in result.bad_rows])
        self.summary.setText(
            self.tr("Importing the good rows: %1").replace("%1", result.summary(self._path.name))
        )
        good = len(result.added) + len(result.updated) + result.unchanged
        self.import_button.setText(
            self.tr("Import the %1").replace("%1", counted(good, "good row"))
        )
        self.import_button.setEnabled(bool(result.patch))


def import_exhibitors(window, path: str | None = None) -> bool:
    """Ask for a CSV (unless ``path`` is given), then import it as one undo step."""
    if not path:
        path, _ = QFileDialog.getOpenFileName(
            window, window.tr("Import exhibitors"), "", window.tr(CSV_FILTER)
        )
        if not path:
            return False
    source = Path(path)
    plan = window.document.plan
    try:
        result = read_exhibitors(source, plan)
    except ExhibitorCsvError as error:
        if not error.bad_rows:  # the file itself cannot be read: one sentence
            show_error(window, str(error))
            return False
        try:
            dialog = ImportDialog(source, plan, window)
        except BoothplanError as again:
            show_error(window, str(again))
            return False
        if not dialog.exec() or dialog.result is None:
            window.statusBar().showMessage(window.tr("Nothing was imported."))
            return False
        result = dialog.result
    except BoothplanError as error:
        show_error(window, str(error))
        return False
    if result.patch:
        window.document.push(result.patch, window.tr("Import exhibitors"))
    window.statusBar().showMessage(result.summary(source.name))
    return True


__all__ = ["ImportDialog", "import_exhibitors"]
