"""The canvas widget: zoom about the cursor, pan, grid, rulers, and events handed to tools.

Mouse events become model points (metres, y north) and go to the active tool; keys typed while
drawing collect in a small buffer (a length or a point) that Enter hands to the tool.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QLabel

from planner.editing.tool import Tool
from planner.editing.typed_input import TypedBuffer
from planner.errors import BoothplanError
from planner.ui.canvas.convert import to_model, to_scene
from planner.ui.canvas.overview import OVERVIEW_PX_PER_M
from planner.ui.canvas.ruler import RULER_BAND, RULER_PX, Ruler, nice_step
from planner.ui.canvas.scene import PlanScene
from planner.ui.panels.exhibitors import EXHIBITOR_MIME
from planner.ui.tools.qt_input import mods_of

SNAP_TOLERANCE_PX = 8.0
MIN_SCALE, MAX_SCALE = 0.05, 400.0  # pixels per metre


class PlanView(QGraphicsView):
    cursor_moved = Signal(float, float)  # model metres
    # exhibitor id, model point, and whether Shift (add) or Alt (move) was held
    exhibitor_dropped = Signal(str, float, float, object)
    zoomed = Signal(float)  # px per metre, once a new scale is painted
    status_message = Signal(str)
    typed_changed = Signal(str)

    def __init__(self, scene: PlanScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.plan_scene = scene
        self.tool: Tool | None = None
        self.typed = TypedBuffer()  # a length or a point typed while drawing, until Enter
        self.show_grid = True
        self.show_rulers = True
        self._pan_from: QPointF | None = None
        self._space = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setViewportMargins(RULER_PX, RULER_PX, 0, 0)
        self.setAcceptDrops(True)
        self._painted_scale = 0.0
        self.setBackgroundBrush(QColor("#eceff1"))
        self._rulers = (
            Ruler(self, Qt.Orientation.Horizontal),
            Ruler(self, Qt.Orientation.Vertical),
        )
        self._corner = QLabel("m", self)
        self._corner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._corner.setStyleSheet(f"background: {RULER_BAND}; color: #455a64; font-size: 10px;")

    # -- tools ---------------------------------------------------------------------------
    def set_tool(self, tool: Tool) -> None:
        if self.tool is not None:
            self.tool.deactivate()
        self.tool = tool
        self._set_typed("")
        tool.activate()

    def tolerance(self) -> float:
        return SNAP_TOLERANCE_PX / self.scale_px_per_m()

    # -- zoom ----------------------------------------------------------------------------
    def scale_px_per_m(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        current = self.scale_px_per_m()
        factor = min(max(current * factor, MIN_SCALE), MAX_SCALE) / current
        self.scale(factor, factor)
        for ruler in self._rulers:
            ruler.update()

    def zoom_to_fit(self) -> None:
        rect = self.plan_scene.plan_rect()
        # A margin around the floor, with room for the hall name tags above the outlines.
        margin = 2.0 + 0.04 * max(rect.width(), rect.height())
        self.fitInView(
            rect.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio
        )

    def centre_on_model(self, x: float, y: float, min_scale: float = 8.0) -> None:
        if self.scale_px_per_m() < min_scale:
            self.zoom_by(min_scale / self.scale_px_per_m())
        self.centerOn(to_scene(x, y))

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_about(1.25**steps, event.position().toPoint())
        event.accept()

    def zoom_about(self, factor: float, pixel) -> None:
        """Zoom keeping the floor point under ``pixel`` (viewport) where it is."""
        anchor = self.mapToScene(pixel)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.zoom_by(factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        drift = self.mapFromScene(anchor) - pixel
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())

    # -- mouse ---------------------------------------------------------------------------
    def _model_point(self, event: QMouseEvent) -> tuple[float, float]:
        return to_model(self.mapToScene(event.position().toPoint()))

    def _use_tool(self, handler: Callable[..., object], *args: object) -> None:
        """A refused edit (a zone dragged out of its hall) is said in the status bar, where the
        tool's hints are, and changes nothing."""
        try:
            handler(*args)
        except BoothplanError as refusal:
            if self.tool is not None:
                self.tool.cancel()
                self.tool.ctx.status(str(refusal))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() == Qt.MouseButton.LeftButton and self.tool is not None:
            self._use_tool(self.tool.press, self._model_point(event), mods_of(event))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        x, y = self._model_point(event)
        self.cursor_moved.emit(x, y)
        if self.tool is not None:
            dragging = bool(event.buttons() & Qt.MouseButton.LeftButton)
            self.tool.move((x, y), mods_of(event), dragging)
        for ruler in self._rulers:
            ruler.set_cursor(x, y)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        ):
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        if event.button() == Qt.MouseButton.LeftButton and self.tool is not None:
            self._use_tool(self.tool.release, self._model_point(event), mods_of(event))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.tool is not None:
            self._use_tool(self.tool.double_click, self._model_point(event), mods_of(event))

    # -- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        tool = self.tool
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, 1),
            Qt.Key.Key_Down: (0, -1),
        }
        if tool is not None and key in arrows:
            step = tool.ctx.snapper.grid_step
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                step *= 10
            dx, dy = arrows[key]
            self._use_tool(tool.nudge, dx * step, dy * step)
            return
        if tool is not None and self._tool_key(tool, event):
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def _tool_key(self, tool: Tool, event: QKeyEvent) -> bool:
        """Escape, and the keys of a length or point typed while drawing; whether the key was
        the tool's."""
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._set_typed("")
            tool.cancel()
            tool.activate()
            return True
        if not tool.accepts_typing:
            return False
        if self.typed.key(event.text()):
            self._show_typed()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.typed.take()
            self._show_typed()
            if text.strip():
                self._use_tool(tool.typed, text)
            else:
                self._use_tool(tool.finish)
            return True
        if key == Qt.Key.Key_Backspace:
            if self.typed.backspace():
                self._show_typed()
            else:
                self._use_tool(tool.undo_typed)
            return True
        return False

    def _set_typed(self, text: str) -> None:
        self.typed.text = text
        self._show_typed()

    def _show_typed(self) -> None:
        text = self.typed.text
        self.typed_changed.emit(text)
        self.status_message.emit(self.tr("Typed: %1").replace("%1", text) if text else "")

    # -- grid and rulers -----------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if not self.show_grid:
            return
        scale = self.scale_px_per_m()
        step = nice_step(12.0 / scale)
        self._draw_grid(painter, rect, step, QColor("#dde3e8"))
        self._draw_grid(painter, rect, step * 5, QColor("#c5ced6"))

    @staticmethod
    def _draw_grid(painter: QPainter, rect: QRectF, step: float, colour: QColor) -> None:
        pen = QPen(colour, 0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        lines: list[QLineF] = []
        x = math.floor(rect.left() / step) * step
        while x <= rect.right():
            lines.append(QLineF(x, rect.top(), x, rect.bottom()))
            x += step
        y = math.floor(rect.top() / step) * step
        while y <= rect.bottom():
            lines.append(QLineF(rect.left(), y, rect.right(), y))
            y += step
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawLines(lines)  # one call, not one per line
        painter.restore()

    # -- dropping an exhibitor from the table onto a booth --------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(EXHIBITOR_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()  # plan files: the window opens them

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(EXHIBITOR_MIME):
            # The booth it would land on lights up; only a booth takes the drop.
            booth = self.plan_scene.booth_at(self.mapToScene(event.position().toPoint()))
            self.plan_scene.set_drop_target(booth)
            if booth is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self.plan_scene.set_drop_target(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:
        self.plan_scene.set_drop_target(None)
        mime = event.mimeData()
        if not mime.hasFormat(EXHIBITOR_MIME):
            event.ignore()
            return
        x, y = to_model(self.mapToScene(event.position().toPoint()))
        modifiers = event.modifiers()
        for exhibitor_id in bytes(mime.data(EXHIBITOR_MIME)).decode("utf-8").split("\n")[:1]:
            self.exhibitor_dropped.emit(exhibitor_id, x, y, modifiers)
        event.acceptProposedAction()

    def paintEvent(self, event) -> None:
        # Every way of zooming (wheel, fit, tests' scale()) ends in a paint: choose the
        # level of detail here, before the items are drawn, and say the new scale (the px/m
        # readout went stale until the mouse moved).
        scale = self.scale_px_per_m()
        self.plan_scene.set_overview(scale < OVERVIEW_PX_PER_M)
        if scale != self._painted_scale:
            self._painted_scale = scale
            self.zoomed.emit(scale)
        super().paintEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        rect = self.viewport().geometry()
        self._rulers[0].setGeometry(rect.left(), rect.top() - RULER_PX, rect.width(), RULER_PX)
        self._rulers[1].setGeometry(rect.left() - RULER_PX, rect.top(), RULER_PX, rect.height())
        self._corner.setGeometry(rect.left() - RULER_PX, rect.top() - RULER_PX, RULER_PX, RULER_PX)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        for ruler in self._rulers:
            ruler.update()
