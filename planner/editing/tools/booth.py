"""Place one booth: its lower-left corner goes to the (snapped) click, its size is the size
its zone asks for, and it takes the next free number."""

from __future__ import annotations

import re

from shapely.geometry import Point as ShapelyPoint
from shapely.geometry import Polygon, box

from planner.editing.context import NO_MODS, Mods, Point, ToolContext
from planner.editing.tool import Tool
from planner.editing.tools.outline import push_new
from planner.editing.typed_input import TypedInputError, point_from_typed
from planner.i18n import _
from planner.model import Booth

_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


def next_number(numbers: list[str], prefix: str = "") -> str:
    """One past the highest ``prefix`` + digits in use, keeping the digit count.

    >>> next_number(["A08", "A09", "B01"], "A")
    'A10'
    """
    highest, width = 0, 2
    for number in numbers:
        match = _TRAILING_NUMBER.match(number)
        if match and match.group(1) == prefix:
            highest = max(highest, int(match.group(2)))
            width = max(width, len(match.group(2)))
    return f"{prefix}{highest + 1:0{width}d}"


class BoothTool(Tool):
    name = "booth"
    accepts_typing = True

    def __init__(self, ctx: ToolContext, prefix: str | None = None) -> None:
        super().__init__(ctx)
        self.prefix = prefix  # None: carry on the series of the booth placed last

    def hint(self) -> str:
        return _("Click to place a booth by its lower-left corner, or type the corner as 30, 20.")

    def _zone_at(self, point: Point) -> str | None:
        probe = ShapelyPoint(point)
        for zone in self.ctx.plan.zones.values():
            if zone.geometry.contains(probe):
                return zone.id
        return None

    def shape_at(self, corner: Point) -> tuple[str | None, Polygon]:
        """The zone a booth with that lower-left corner would stand in, and its outline."""
        zone_id = self._zone_at((corner[0] + 0.01, corner[1] + 0.01))
        width, depth = self.ctx.plan.zone_rules(zone_id).booth
        x, y = corner
        return zone_id, box(x, y, round(x + width, 6), round(y + depth, 6))

    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None:
        _zone, shape = self.shape_at(self.ctx.snap(point).point)
        self.ctx.preview([shape])

    def press(self, point: Point, mods: Mods = NO_MODS) -> None:
        self.place(self.ctx.snap(point).point)

    def typed(self, text: str) -> None:
        try:
            self.place(point_from_typed(text, None, None))
        except TypedInputError as error:
            self.ctx.status(str(error))

    def place(self, corner: Point) -> None:
        zone_id, shape = self.shape_at(corner)
        plan = self.ctx.plan
        if any(b.geometry.intersection(shape).area > 1e-6 for b in plan.booths.values()):
            self.ctx.status(_("Another booth stands there."))
            return
        zone = plan.zones.get(zone_id) if zone_id else None
        if zone is not None and zone.use == "feature":
            self.ctx.status(_("{zone} is kept free of booths.").format(zone=zone.name))
            return
        numbers = [b.number for b in plan.booths.values()]
        prefix = self.prefix
        if prefix is None:
            match = _TRAILING_NUMBER.match(numbers[-1]) if numbers else None
            prefix = match.group(1) if match else ""
        number = next_number(numbers, prefix)
        push_new(self.ctx, lambda id_: Booth(id_, number, shape, zone_id), "booths")
        self.ctx.preview([])
        self.ctx.status(_("Booth {number} placed.").format(number=number))
