"""A toolbar of the active tool's options: a door's kind and width, a column's size, the
prefix of new booth numbers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from planner.editing.tools.door import ENTRANCE, EXIT

DRAWING = "drawing"
DRAWING_TOOLS = frozenset({"hall", "hall-polygon", "obstacle", "zone", "zone-polygon", "measure"})


def _spin(value: float, low: float, high: float, name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setDecimals(2)
    spin.setSingleStep(0.1)
    spin.setSuffix(" m")
    spin.setValue(value)
    return spin


def _row(*widgets) -> QWidget:
    host = QWidget()
    layout = QHBoxLayout(host)
    layout.setContentsMargins(4, 0, 4, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return host


class ToolOptionsBar(QToolBar):
    def __init__(self, window) -> None:
        super().__init__(window.tr("Tool options"), window)
        self.setObjectName("tool-options")
        self.tools = window.tools
        self.stack = QStackedWidget()
        self.pages: dict[str, int] = {}
        self.addWidget(self.stack)

        door = self.tools["door"]
        self.door_kind = QComboBox()
        self.door_kind.setObjectName("door-kind")
        self.door_kind.addItem(window.tr("Entrance"), ENTRANCE)
        self.door_kind.addItem(window.tr("Exit"), EXIT)
        self.door_kind.currentIndexChanged.connect(
            lambda _i: setattr(door, "kind", self.door_kind.currentData())
        )
        self.door_width = _spin(door.width, 0.5, 30.0, "door-width")
        self.door_width.valueChanged.connect(lambda v: setattr(door, "width", v))
        self._page(
            "door",
            QLabel(window.tr("Door:")),
            self.door_kind,
            QLabel(window.tr("width")),
            self.door_width,
        )

        column = self.tools["column"]
        self.column_size = _spin(column.column_size, 0.05, 10.0, "column-size")
        self.column_size.valueChanged.connect(column.set_column_size)
        self._page("column", QLabel(window.tr("Column size (square):")), self.column_size)

        booth = self.tools["booth"]
        self.booth_prefix = QLineEdit()
        self.booth_prefix.setObjectName("booth-prefix")
        self.booth_prefix.setPlaceholderText(window.tr("continue the last series"))
        self.booth_prefix.textChanged.connect(
            lambda text: setattr(booth, "prefix", text.strip() or None)
        )
        self._page("booth", QLabel(window.tr("Number prefix:")), self.booth_prefix)
        hint = QLabel(
            window.tr(
                "Type a length (12.5) or a point (30, 20) while drawing; Enter closes, Esc cancels."
            )
        )
        hint.setObjectName("drawing-hint")
        self._page(DRAWING, hint)
        self._page("")  # the select tool: its hint is in the status bar

    def _page(self, tool: str, *widgets) -> None:
        self.pages[tool] = self.stack.addWidget(_row(*widgets))

    def show_for(self, tool: str) -> None:
        """The options of ``tool``; the typing hint only for tools that draw an outline (it
        showed with the select tool too)."""
        page = tool if tool in self.pages else DRAWING if tool in DRAWING_TOOLS else ""
        self.stack.setCurrentIndex(self.pages[page])

    def current_text(self) -> str:
        """The texts of the options page shown (for tests and for a screen reader)."""
        page = self.stack.currentWidget()
        return " ".join(label.text() for label in page.findChildren(QLabel))
