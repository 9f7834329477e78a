"""The main window: the canvas in the middle, panels around it, menus and toolbars on top."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QScrollArea,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from planner.editing.context import ToolContext
from planner.model import Patch, Plan, Zone
from planner.ui import actions
from planner.ui.booking_controller import BookingController
from planner.ui.canvas.scene import PlanScene
from planner.ui.canvas.view import PlanView
from planner.ui.dialogs import ZoneDialog
from planner.ui.document import PlanDocument
from planner.ui.edit_controller import EditController
from planner.ui.errors import show_error
from planner.ui.file_controller import FileController
from planner.ui.find_controller import FindController
from planner.ui.notice_bar import NoticeBar
from planner.ui.pack_runner import PackRunner
from planner.ui.panels.exhibitors import ExhibitorPanel
from planner.ui.panels.legend import LegendPanel
from planner.ui.panels.problems import ProblemsPanel
from planner.ui.panels.properties import PropertiesPanel
from planner.ui.panels.report import ReportPanel
from planner.ui.roster_controller import RosterController
from planner.ui.selection import Selection
from planner.ui.status_readouts import StatusReadouts
from planner.ui.tool_options import ToolOptionsBar
from planner.ui.tools.toolbox import make_tools
from planner.wording import no_negative_zero

if TYPE_CHECKING:
    from planner.ui.autosave import Autosaver
    from planner.ui.pdf_dialog import PdfExportDialog

PLAN_SUFFIXES = (".boothplan",)
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


class MainWindow(QMainWindow):
    def __init__(self, plan: Plan | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("boothplan-main")
        self.document = PlanDocument(plan, path, self)
        self.selection = Selection(self)
        self.scene = PlanScene(self.document, self.selection, self)
        self.view = PlanView(self.scene, self)
        self.notice_bar = NoticeBar(self)
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice_bar)
        column.addWidget(self.view, 1)
        self.setCentralWidget(centre)
        self.files = FileController(self.document, self)
        self.edit = EditController(self)
        self.booking = BookingController(self)
        self.roster = RosterController(self)
        self.packer = PackRunner(self.document, self)
        self.finder = FindController(self)
        self.autosaver: Autosaver | None = None  # started by the app, not by tests
        self.pdf_dialog: PdfExportDialog | None = None
        self.ask_zone_details = True  # tests turn the zone dialog off
        self.ctx = ToolContext(
            self.document,
            self.selection,
            preview=self.scene.set_preview,
            status=self.show_tool_status,
            tolerance=self.view.tolerance,
            edit_new_zone=self._edit_new_zone,
        )
        self.tools = make_tools(self.ctx)
        self._build_panels()
        menus = actions.build(self)
        self.commands = menus.actions
        self.recent_menu = menus.recent
        self.exhibitors.add_actions(
            [self.commands[k] for k in ("add-exhibitor", "edit-exhibitor", "remove-exhibitor")]
        )
        self.tool_options = ToolOptionsBar(self)
        self.addToolBarBreak()
        self.addToolBar(self.tool_options)
        self.readouts = StatusReadouts(self.statusBar(), self.ctx.snapper)
        for dock in self.docks.values():
            menus.panels.addAction(dock.toggleViewAction())
        self._connect()
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.set_tool("select")
        self._update_title()
        self._update_actions()
        self.restore_layout()

    def _connect(self) -> None:
        # Bound methods, not lambdas: Qt drops them when the window goes, before its children.
        self.files.recent_changed.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.document.undo_stack.cleanChanged.connect(self._update_title)
        self.document.path_changed.connect(self._update_title)
        self.document.read_only_changed.connect(self._update_title)
        self.document.read_only_changed.connect(self._update_notice)
        self.document.undo_stack.cleanChanged.connect(self._update_notice)
        self.files.notice.connect(self._file_notice)
        self.selection.changed.connect(self._update_actions)
        self.document.plan_changed.connect(self._update_actions)
        self.exhibitors.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.document.plan_changed.connect(self._plan_changed)
        self.view.cursor_moved.connect(self._show_cursor)
        self.view.zoomed.connect(self.readouts.show_scale)
        self.view.typed_changed.connect(self.readouts.show_typed)
        self.view.status_message.connect(self.statusBar().showMessage)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._canvas_menu)
        self.problems.problems_changed.connect(self.scene.set_problems)
        self.problems.booth_activated.connect(self.finder.show_booth)
        self.exhibitors.exhibitor_activated.connect(self.finder.show_exhibitor)
        self.view.exhibitor_dropped.connect(self.booking.drop)

    # -- layout ----------------------------------------------------------------------------
    def _build_panels(self) -> None:
        self.properties = PropertiesPanel(self.document, self.selection, self)
        self.problems = ProblemsPanel(self.document, self)
        self.legend = LegendPanel(self.document, self.scene, self)
        self.history = QUndoView(self.document.undo_stack)
        self.history.setEmptyLabel(self.tr("<opened plan>"))
        self.exhibitors = ExhibitorPanel(self.document, self)
        self.report = ReportPanel(self.document, self)
        self.docks: dict[str, QDockWidget] = {}
        # The properties form grows with a booth's history: it scrolls rather than make the
        # window taller than the screen.
        properties = QScrollArea()
        properties.setObjectName("properties-scroll")
        properties.setWidget(self.properties)
        properties.setWidgetResizable(True)
        properties.setFrameShape(QScrollArea.Shape.NoFrame)
        properties.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key, title, widget, area in (
            ("properties", self.tr("Properties"), properties, RIGHT),
            ("problems", self.tr("Problems"), self.problems, RIGHT),
            ("history", self.tr("History"), self.history, RIGHT),
            ("legend", self.tr("Legend"), self.legend, RIGHT),
            ("exhibitors", self.tr("Exhibitors"), self.exhibitors, BOTTOM),
            ("report", self.tr("Report"), self.report, BOTTOM),
        ):
            self.add_dock(key, title, widget, area)
        self._arrange_docks()

    def _arrange_docks(self) -> None:
        self.tabifyDockWidget(self.docks["exhibitors"], self.docks["report"])
        self.docks["exhibitors"].raise_()
        self.tabifyDockWidget(self.docks["problems"], self.docks["history"])
        self.tabifyDockWidget(self.docks["problems"], self.docks["legend"])
        self.docks["legend"].raise_()
        # Room for eight rows of exhibitors (the table showed two and a half) and for the
        # properties form; a user's own arrangement, once saved, replaces this. The right-hand
        # panels run the full height so the properties form is not squeezed above the
        # exhibitor table; the legend needs only its few rows.
        self.setCorner(Qt.Corner.BottomRightCorner, RIGHT)
        self.resizeDocks([self.docks["properties"]], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["exhibitors"]], [270], Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.docks["properties"], self.docks["legend"]], [3, 1], Qt.Orientation.Vertical
        )

    def add_dock(
        self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def show_tool_status(self, text: str) -> None:
        """A tool's hint or result (already in the user's language)."""
        self.statusBar().showMessage(no_negative_zero(text))

    def _canvas_menu(self, pixel: QPoint) -> None:
        from planner.ui.canvas_menu import show_canvas_menu

        show_canvas_menu(self, pixel)

    def _show_cursor(self, x: float, y: float) -> None:
        self.readouts.show_cursor(x, y)
        self.readouts.show_scale(self.view.scale_px_per_m())

    # -- tools, colour ---------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        self.view.set_tool(self.tools[name])
        self.tool_options.show_for(name)
        action = self.commands[f"tool-{name}"]
        if not action.isChecked():
            action.setChecked(True)

    def _edit_new_zone(self, zone: Zone) -> Zone | None:
        if not self.ask_zone_details:
            return zone
        dialog = ZoneDialog(zone, self)
        return dialog.zone() if dialog.exec() else None

    def set_colour_by(self, mode: str) -> None:
        self.scene.set_colour_by(mode)
        self.commands[f"colour-{mode}"].setChecked(True)
        self.legend.refresh()

    def toggle_grid(self) -> None:
        self.view.show_grid = self.commands["grid"].isChecked()
        self.view.viewport().update()

    # -- plan operations -------------------------------------------------------------------
    def auto_pack(self, selected_zone: bool) -> None:
        zone_ids = None
        if selected_zone:
            zone_ids = self.selection.ids("zones")
            if not zone_ids:
                show_error(self, self.tr("Select the zone to pack first."))
                return
        self.packer.start(zone_ids)

    def show_report(self) -> None:
        self.docks["report"].show()
        self.docks["report"].raise_()
        self.report.refresh()

    def export_pdf(self) -> None:
        from planner.ui.pdf_dialog import PdfExportDialog

        self.pdf_dialog = PdfExportDialog(
            self.document.plan, self.document.path, self, colour_by=self.scene.state.colour_by
        )
        self.pdf_dialog.open()

    # -- title, files, closing -------------------------------------------------------------
    def _plan_changed(self, patch: Patch | None) -> None:
        if patch is None:
            self.selection.clear()
            self.view.zoom_to_fit()
            self._update_title()
        elif any(change.table == "info" for change in patch):
            self._update_title()  # the plan's name is in the title

    def _update_title(self, *_ignored: object) -> None:
        path = self.document.path
        name = path.name if path else self.tr("Untitled")
        if self.document.read_only:
            name += " " + self.tr("(read-only)")
        self.setWindowFilePath(str(path) if path else "")
        self.setWindowTitle(f"{name}[*] — {self.document.plan.name} — Boothplan")
        self.setWindowModified(self.document.modified)

    def _file_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)
        self._update_notice()

    def _update_actions(self, *_ignored: object) -> None:
        from planner.ui.action_state import update_actions

        update_actions(self)

    def _update_notice(self, *_ignored: object) -> None:
        self.notice_bar.show_file_state(self.document, self.files)

    def changeEvent(self, event: QEvent) -> None:
        # Coming back to the window is when someone else's save matters: look at the file
        # then, in case the file watcher missed it (a network share, a replaced folder).
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.files.guard.check()
        super().changeEvent(event)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.files.recent()
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.files.open(p))
        if recent:
            menu.addSeparator()
            menu.addAction(self.tr("Clear list"), self.files.clear_recent)
        menu.setEnabled(bool(recent))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_plan(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_plan(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open(path)

    @staticmethod
    def _dropped_plan(event: QDropEvent) -> str | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().endswith(PLAN_SUFFIXES):
                return url.toLocalFile()
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        # A pack still running has changed nothing yet: closing abandons it (it used to make
        # the close do nothing, without a word).
        self.packer.stop()
        self.save_layout()
        self.files.close_file()
        if self.autosaver is not None:
            self.autosaver.stop()  # closed on purpose (saved or discarded): nothing to recover
        event.accept()

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
