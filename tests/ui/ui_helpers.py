"""Clicking and dragging on the canvas at model coordinates (metres)."""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, Qt

from planner.ui.canvas.convert import to_scene


def pos(view, x: float, y: float) -> QPoint:
    """Viewport pixel of model point (x, y)."""
    return view.mapFromScene(to_scene(x, y))


def click(qtbot, view, x, y, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, pos(view, x, y))


def drag(qtbot, view, start, end, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 4):
    port = view.viewport()
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, modifier, pos(view, *start))
    for k in range(1, steps + 1):
        t = k / steps
        point = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        qtbot.mouseMove(port, pos(view, *point))
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, modifier, pos(view, *end))


def window_size() -> tuple[int, int]:
    """The test window's size: 1200 × 800, or ``BOOTHPLAN_TEST_WINDOW=850x600`` (CI runs the UI
    tests at two sizes, so no test leans on one)."""
    text = os.environ.get("BOOTHPLAN_TEST_WINDOW", "1200x800")
    width, height = (int(v) for v in text.lower().split("x"))
    return width, height
