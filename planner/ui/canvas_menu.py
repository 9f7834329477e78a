"""The canvas's right-click menu: what can be done with the thing under the pointer.

A right-click on something not selected selects it first (as file managers do); the menu then
offers the window's own actions for that kind of thing, so shortcuts and undo stay the same.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from planner.ui.canvas.convert import to_model

BOOTH_ACTIONS = ("assign", "move-booking", "release", None, "rotate", "lock", "unlock", "delete")
OUTLINE_ACTIONS = ("edit-zone", "delete")
OTHER_ACTIONS = ("rotate", "duplicate", "delete")


def canvas_menu(window, pixel: QPoint) -> QMenu | None:
    """The menu for a right-click at viewport ``pixel``, or None on empty floor."""
    x, y = to_model(window.view.mapToScene(pixel))
    key = window.ctx.index().at(x, y, tolerance=window.view.tolerance())
    if key is None:
        return None
    if key not in window.selection:
        window.selection.set([key])
    tables = {table for table, _ in window.selection.all()}
    if tables == {"booths"}:
        keys = BOOTH_ACTIONS
    elif tables <= {"zones", "halls", "obstacles"}:
        keys = OUTLINE_ACTIONS if tables == {"zones"} else ("delete",)
    else:
        keys = OTHER_ACTIONS
    menu = QMenu(window)
    menu.setObjectName("canvas-menu")
    for name in keys:
        if name is None:
            menu.addSeparator()
        else:
            menu.addAction(window.commands[name])
    return menu


def show_canvas_menu(window, pixel: QPoint) -> None:
    menu = canvas_menu(window, pixel)
    if menu is not None:
        window.canvas_menu = menu  # kept alive while it is open
        menu.popup(window.view.viewport().mapToGlobal(pixel))
