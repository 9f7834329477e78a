"""Draw a hall. An outline drawn inside an existing hall cuts a hole in it (a courtyard,
a light well) instead of making a new hall."""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import Polygon

from planner.model import Hall
from planner.ui.tools.base import message
from planner.ui.tools.drawing import OutlineTool, push_new


class HallTool(OutlineTool):
    name = "hall"
    label = "Hall"
    what = "hall"

    def done(self, polygon: Polygon) -> None:
        plan = self.ctx.plan
        for hall in plan.halls.values():
            if hall.geometry.contains(polygon):
                holed = hall.geometry.difference(polygon)
                self.ctx.document.push(
                    plan.edit(f"Cut a hole in {hall.name}")
                    .put(replace(hall, geometry=holed))
                    .build()
                )
                self.ctx.selection.set([("halls", hall.id)])
                self.ctx.status(
                    message(
                        "Cut a hole of {area:.1f} m² in {hall}.", area=polygon.area, hall=hall.name
                    )
                )
                return
        count = len(plan.halls) + 1
        name = f"Hall {chr(ord('A') + count - 1)}" if count <= 26 else f"Hall {count}"
        push_new(self.ctx, lambda id_: Hall(id_, name, polygon), "halls")
        self.ctx.status(message("{name}: {area:.1f} m².", name=name, area=polygon.area))
