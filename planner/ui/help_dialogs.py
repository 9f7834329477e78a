"""Help → Keyboard shortcuts, Getting started, About Boothplan."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from planner import __version__

GETTING_STARTED = """<h3>Getting started</h3>
<ol>
<li><b>A floor.</b> File → New from GeoJSON floor…, or draw one: Tools → Hall, then doors
(Tools → Door, on a hall's edge), columns and zones.</li>
<li><b>Booths.</b> Plan → Auto-pack plan (Ctrl+K) fills the floor with booths that meet the aisle
rules; the capacity report says how many fit and how many could.</li>
<li><b>Exhibitors.</b> Exhibitors → Import exhibitors (CSV)…, or Add exhibitor…; then
Exhibitors → Allocate exhibitors…, or drag an exhibitor from the table onto a booth.</li>
<li><b>By hand.</b> Select booths to move (drag or arrow keys), rotate (R), merge, split,
renumber, lock; every step can be undone (Ctrl+Z).</li>
<li><b>Check and print.</b> Plan → Check rules (F7), then File → Export PDF… (Ctrl+P). Before
maps go to exhibitors, Plan → Freeze numbers keeps their booth numbers through re-packs.</li>
</ol>"""


class ShortcutsDialog(QDialog):
    """Every action with a shortcut, in a table."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts-dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = []
        for action in window.commands.values():
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…"), ", ".join(keys)))
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcuts-table")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        for row, (label, keys) in enumerate(sorted(rows)):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 520)


class GuideDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("guide-dialog")
        self.setWindowTitle(self.tr("Getting started"))
        label = QLabel(self.tr(GETTING_STARTED))
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380)


def show_shortcuts(window) -> None:
    ShortcutsDialog(window).exec()


def show_guide(window) -> None:
    GuideDialog(window).exec()


def show_about(window) -> None:
    box = QMessageBox(window)
    box.setObjectName("about-box")
    box.setWindowTitle(window.tr("About Boothplan"))
    box.setText(
        window.tr(
            "<b>Boothplan %1</b><br>Plans trade-fair floors: halls, booths, exhibitors and "
            "printed maps.<br><br>Maps print in WenQuanYi Micro Hei (Apache 2.0), which carries "
            "Vietnamese and Chinese."
        ).replace("%1", __version__)
    )
    box.exec()


__all__ = ["show_about", "show_guide", "show_shortcuts"]
