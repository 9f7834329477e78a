"""Draw a hall. An outline drawn inside an existing hall cuts a hole in it (a courtyard,
a light well) instead of making a new hall."""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import MultiPolygon, Polygon

from planner.editing.tools.outline import OutlineTool, push_new
from planner.i18n import _
from planner.model import Hall


def next_hall_name(count: int) -> str:
    """The name of the ``count``-th hall: Hall A … Hall Z, then Hall 27 …"""
    letter = chr(ord("A") + count - 1) if count <= 26 else str(count)
    return _("Hall {letter}").format(letter=letter)


class HallTool(OutlineTool):
    name = "hall"

    def what(self) -> str:
        return _("hall")

    def done(self, polygon: Polygon) -> None:
        plan = self.ctx.plan
        for hall in plan.halls.values():
            if hall.geometry.contains(polygon):
                holed = hall.geometry.difference(polygon)
                if not isinstance(holed, Polygon | MultiPolygon):
                    continue  # cannot happen for an outline inside the hall: draw a new hall
                edit = plan.edit(_("Cut a hole in {hall}").format(hall=hall.name))
                self.ctx.document.push(edit.put(replace(hall, geometry=holed)).build())
                self.ctx.selection.set([("halls", hall.id)])
                self.ctx.status(
                    _("Cut a hole of {area:.1f} m² in {hall}.").format(
                        area=polygon.area, hall=hall.name
                    )
                )
                return
        name = next_hall_name(len(plan.halls) + 1)
        push_new(self.ctx, lambda id_: Hall(id_, name, polygon), "halls")
        self.ctx.status(_("{name}: {area:.1f} m².").format(name=name, area=polygon.area))
