"""Draw a zone, then say what it is for (use, booth size, aisle) in the dialog the view shows.
A zone must lie on a hall: the part outside every hall is cut off."""

from __future__ import annotations

import shapely
from shapely.geometry import Polygon

from planner.model import Zone
from planner.ui.tools.base import message
from planner.ui.tools.drawing import OutlineTool, push_new


class ZoneTool(OutlineTool):
    name = "zone"
    label = "Zone"
    what = "zone"

    def done(self, polygon: Polygon) -> None:
        plan = self.ctx.plan
        cut = 0.0
        if plan.halls:
            floor = shapely.union_all([h.geometry for h in plan.halls.values()])
            clipped = polygon.intersection(floor)
            if not isinstance(clipped, Polygon) or clipped.area < 1e-6:
                self.ctx.status(message("A zone must lie on one hall; draw it inside a hall."))
                return
            cut = polygon.area - clipped.area
            polygon = shapely.set_precision(clipped, 1e-6)
        count = len(plan.zones) + 1
        draft = Zone("new", f"Zone {count}", "standard", polygon)
        zone = self.ctx.edit_new_zone(draft)
        if zone is None:
            self.ctx.status(message("Zone dropped."))
            return
        push_new(
            self.ctx,
            lambda id_: Zone(
                id_, zone.name, zone.use, polygon, zone.booth, zone.aisle, zone.price_per_m2
            ),
            "zones",
        )
        if cut > 0.01:  # a typed 15 × 15 zone by a wall was cut without a word
            self.ctx.status(
                message(
                    "{name} ({use}): {area:.1f} m²; {cut:.1f} m² outside the hall was left out.",
                    name=zone.name,
                    use=zone.use,
                    area=polygon.area,
                    cut=cut,
                )
            )
            return
        self.ctx.status(
            message(
                "{name} ({use}): {area:.1f} m².", name=zone.name, use=zone.use, area=polygon.area
            )
        )
