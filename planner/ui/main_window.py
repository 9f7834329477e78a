"""The main window: the canvas in the middle, panels around it, menus and toolbars on top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from planner.editing.context import ToolContext
from planner.editing.snapping import GRID_STEPS
from planner.model import Plan
from planner.ui import actions
from planner.ui.booking_controller import BookingController
from planner.ui.canvas.scene import PlanScene
from planner.ui.canvas.view import PlanView
from planner.ui.dialogs import ZoneDialog
from planner.ui.document import PlanDocument
from planner.ui.edit_controller import EditController
from planner.ui.errors import show_error
from planner.ui.file_controller import FileController
from planner.ui.notice_bar import NoticeBar
from planner.ui.pack_runner import PackRunner
from planner.ui.panels.exhibitors import ExhibitorPanel
from planner.ui.panels.legend import LegendPanel
from planner.ui.panels.problems import ProblemsPanel
from planner.ui.panels.properties import PropertiesPanel
from planner.ui.panels.report import ReportPanel
from planner.ui.roster_controller import RosterController
from planner.ui.selection import Selection
from planner.ui.tool_options import ToolOptionsBar
from planner.ui.tools.toolbox import make_tools
from planner.wording import counted, no_negative_zero

PLAN_SUFFIXES = (".boothplan",)


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
        self.actions = actions.build(self)
        self.exhibitors.add_actions(
            [self.actions[k] for k in ("add-exhibitor", "edit-exhibitor", "remove-exhibitor")]
        )
        self.tool_options = ToolOptionsBar(self)
        self.addToolBarBreak()
        self.addToolBar(self.tool_options)
        self._build_status_bar()
        self._add_panel_toggles()
        self.files.recent_changed.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        # Bound methods, not lambdas: Qt drops them when the window goes, before its children.
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
        self.view.zoomed.connect(self._show_zoom)
        self.view.status_message.connect(self.statusBar().showMessage)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._canvas_menu)
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.set_tool("select")
        self._update_title()
        self._update_actions()
        self.restore_layout()

    # -- layout ----------------------------------------------------------------------------
    def _build_panels(self) -> None:
        self.properties = PropertiesPanel(self.document, self.selection, self)
        self.problems = ProblemsPanel(self.document, self)
        self.problems.problems_changed.connect(self.scene.set_problems)
        self.problems.booth_activated.connect(self.focus_booth)
        self.legend = LegendPanel(self.document, self.scene, self)
        self.history = QUndoView(self.document.undo_stack)
        self.history.setEmptyLabel(self.tr("<opened plan>"))
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
            ("properties", self.tr("Properties"), properties, Qt.RightDockWidgetArea),
            ("problems", self.tr("Problems"), self.problems, Qt.RightDockWidgetArea),
            ("history", self.tr("History"), self.history, Qt.RightDockWidgetArea),
            ("legend", self.tr("Legend"), self.legend, Qt.RightDockWidgetArea),
        ):
            self.add_dock(key, title, widget, area)
        self.exhibitors = ExhibitorPanel(self.document, self)
        self.exhibitors.exhibitor_activated.connect(self.focus_exhibitor)
        self.view.exhibitor_dropped.connect(self._exhibitor_dropped)
        self.report = ReportPanel(self.document, self)
        self.add_dock("exhibitors", self.tr("Exhibitors"), self.exhibitors, Qt.BottomDockWidgetArea)
        self.add_dock("report", self.tr("Report"), self.report, Qt.BottomDockWidgetArea)
        self.tabifyDockWidget(self.docks["exhibitors"], self.docks["report"])
        self.docks["exhibitors"].raise_()
        self.tabifyDockWidget(self.docks["problems"], self.docks["history"])
        self.tabifyDockWidget(self.docks["problems"], self.docks["legend"])
        self.docks["legend"].raise_()
        # Room for eight rows of exhibitors (the table showed two and a half) and for the
        # properties form; a user's own arrangement, once saved, replaces this.
        # The right-hand panels run the full height so the properties form is not squeezed
        # above the exhibitor table; the legend needs only its few rows.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.docks["properties"]], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["exhibitors"]], [270], Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.docks["properties"], self.docks["legend"]], [3, 1], Qt.Orientation.Vertical
        )

    def add_dock(self, key: str, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _add_panel_toggles(self) -> None:
        for dock in self.docks.values():
            self.panels_menu.addAction(dock.toggleViewAction())

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.cursor_label = QLabel("x —  y —")
        self.cursor_label.setObjectName("cursor-label")
        self.cursor_label.setMinimumWidth(170)
        self.zoom_label = QLabel()
        self.typed_label = QLabel()
        self.snap_combo = QComboBox()
        self.snap_combo.setObjectName("snap-step")
        self.snap_combo.setToolTip(self.tr("Grid snapping step"))
        self.snap_combo.addItem(self.tr("No grid snap"), 0.0)
        for step in GRID_STEPS:
            self.snap_combo.addItem(self.tr("Snap %1 m").replace("%1", f"{step:g}"), step)
        self.snap_combo.setCurrentIndex(self.snap_combo.findData(self.ctx.snapper.grid_step))
        self.snap_combo.currentIndexChanged.connect(self._snap_changed)
        self.view.typed_changed.connect(
            lambda text: (
                self.typed_label.setText(self.tr("Typed: %1").replace("%1", text))
                if text
                else self.typed_label.clear()
            )
        )
        for widget in (self.typed_label, self.snap_combo, self.zoom_label, self.cursor_label):
            bar.addPermanentWidget(widget)

    def show_tool_status(self, text: str) -> None:
        """A tool's hint or result (already in the user's language)."""
        self.statusBar().showMessage(no_negative_zero(text))

    def _canvas_menu(self, pixel) -> None:
        from planner.ui.canvas_menu import show_canvas_menu

        show_canvas_menu(self, pixel)

    def _snap_changed(self) -> None:
        step = float(self.snap_combo.currentData())
        self.ctx.snapper.grid = step > 0
        if step > 0:
            self.ctx.snapper.grid_step = step

    def _show_cursor(self, x: float, y: float) -> None:
        self.cursor_label.setText(no_negative_zero(f"x {x:8.2f} m   y {y:8.2f} m"))
        self._show_zoom()

    def _show_zoom(self, *_ignored) -> None:
        self.zoom_label.setText(f"{self.view.scale_px_per_m():.1f} px/m")

    # -- tools, selection, colour ----------------------------------------------------------
    def set_tool(self, name: str) -> None:
        self.view.set_tool(self.tools[name])
        if hasattr(self, "tool_options"):
            self.tool_options.show_for(name)
        action = self.actions.get(f"tool-{name}") if hasattr(self, "actions") else None
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def _edit_new_zone(self, zone):
        if not self.ask_zone_details:
            return zone
        dialog = ZoneDialog(zone, self)
        return dialog.zone() if dialog.exec() else None

    def focus_booth(self, booth_id: str) -> None:
        booth = self.document.plan.booths.get(booth_id)
        if booth is None:
            return
        self.selection.set([("booths", booth_id)])
        centre = booth.geometry.centroid
        self.view.centre_on_model(centre.x, centre.y)

    def find(self) -> bool:
        """Edit → Find: a booth by its number, or an exhibitor by name (any part, accents
        optional); the booths found are selected and shown."""
        text, ok = QInputDialog.getText(
            self, self.tr("Find"), self.tr("Booth number or exhibitor name:")
        )
        text = text.strip()
        if not ok or not text:
            return False
        from planner.model.roster import match_exhibitors

        plan = self.document.plan
        booth = plan.booth_by_number(text) or next(
            (b for b in plan.booths.values() if b.number.casefold() == text.casefold()), None
        )
        if booth is not None:
            self.focus_booth(booth.id)
            self.statusBar().showMessage(self.tr("Booth %1.").replace("%1", booth.number))
            return True
        matches = match_exhibitors(plan, text)
        if not matches:
            self.statusBar().showMessage(
                self.tr("No booth or exhibitor matches %1.").replace("%1", text)
            )
            return False
        self.exhibitors.show_only([e.id for e in matches], text)
        self.docks["exhibitors"].show()
        self.docks["exhibitors"].raise_()
        self.focus_exhibitor(matches[0].id)
        if len(matches) > 1:
            self.statusBar().showMessage(
                self.tr("%1 match %2; the first is shown, the others are in the table.")
                .replace("%1", counted(len(matches), "exhibitor"))
                .replace("%2", text)
            )
        return True

    def focus_exhibitor(self, exhibitor_id: str) -> None:
        """Select the exhibitor's booths and show the first."""
        booths = self.document.plan.booths_of(exhibitor_id)
        if not booths:
            self.statusBar().showMessage(self.tr("This exhibitor has no booth yet."))
            return
        self.selection.set([("booths", b.id) for b in booths])
        centre = booths[0].geometry.centroid
        self.view.centre_on_model(centre.x, centre.y)

    def _exhibitor_dropped(self, exhibitor_id: str, x: float, y: float, modifiers) -> None:
        self.booking.drop(exhibitor_id, x, y, modifiers)

    def set_colour_by(self, mode: str) -> None:
        self.scene.set_colour_by(mode)
        self.actions[f"colour-{mode}"].setChecked(True)
        self.legend.refresh()

    def toggle_grid(self) -> None:
        self.view.show_grid = self.actions["grid"].isChecked()
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
    def _plan_changed(self, patch) -> None:
        if patch is None:
            self.selection.clear()
            self.view.zoom_to_fit()
            self._update_title()
        elif any(change.table == "info" for change in patch):
            self._update_title()  # the plan's name is in the title

    def _update_title(self, *_ignored) -> None:
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

    def _update_actions(self, *_ignored) -> None:
        from planner.ui.action_state import update_actions

        update_actions(self)

    def _update_notice(self, *_ignored) -> None:
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

    def dragEnterEvent(self, event) -> None:
        if self._dropped_plan(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = self._dropped_plan(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open(path)

    @staticmethod
    def _dropped_plan(event) -> str | None:
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
        saver = getattr(self, "autosaver", None)
        if saver is not None:
            saver.stop()  # closed on purpose (saved or discarded): nothing to recover
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
