"""The base of every canvas tool.

A tool receives ``press``, ``move``, ``release``, ``double_click`` with model points, ``typed``
with text the user entered while drawing (see :mod:`planner.editing.typed_input`), ``finish``
(Enter with nothing typed) and ``cancel`` (Escape). It shows work in progress through
``ctx.preview`` and changes the plan only through ``ctx.document.push(patch)``.
"""

from __future__ import annotations

from planner.editing.context import NO_MODS, Mods, Point, ToolContext


class Tool:
    """Does nothing; subclasses override what they need."""

    name = "tool"
    accepts_typing = False  # whether keys typed while it is active are a length or a point

    def __init__(self, ctx: ToolContext) -> None:
        self.ctx = ctx

    def activate(self) -> None:
        self.ctx.preview([])
        self.ctx.status(self.hint())

    def deactivate(self) -> None:
        self.cancel()

    def hint(self) -> str:
        """What the user can do with the tool, for the status bar."""
        return ""

    def press(self, point: Point, mods: Mods = NO_MODS) -> None:
        return None

    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None:
        return None

    def release(self, point: Point, mods: Mods = NO_MODS) -> None:
        return None

    def double_click(self, point: Point, mods: Mods = NO_MODS) -> None:
        return None

    def typed(self, text: str) -> None:
        return None

    def undo_typed(self) -> None:
        """Backspace with nothing typed: take back the last step (a corner), if any."""
        return None

    def finish(self) -> None:
        """Enter with nothing typed: close what is being drawn."""
        return None

    def nudge(self, dx: float, dy: float) -> bool:
        """An arrow key: move what the tool works on by (dx, dy) metres; whether it did."""
        return False

    def cancel(self) -> None:
        self.ctx.preview([])


def round_point(point: Point, digits: int = 6) -> Point:
    return (round(point[0], digits), round(point[1], digits))
