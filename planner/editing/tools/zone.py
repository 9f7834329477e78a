"""Draw a zone, then say what it is for (use, booth size, aisle) in the dialog the view shows.
A zone must lie on a hall: the part outside every hall is cut off, and the user is told."""

from __future__ import annotations

from dataclasses import replace

import shapely
from shapely.geometry import Polygon

from planner.editing.tools.outline import OutlineTool, push_new
from planner.i18n import _
from planner.model import Zone

CUT_TOLD_M2 = 0.01  # less is drawing slack, not worth a word


class ZoneTool(OutlineTool):
    name = "zone"

    def what(self) -> str:
        return _("zone")

    def done(self, polygon: Polygon) -> None:
        plan = self.ctx.plan
        cut = 0.0
        if plan.halls:
            floor = shapely.union_all([h.geometry for h in plan.halls.values()])
            clipped = polygon.intersection(floor)
            if not isinstance(clipped, Polygon) or clipped.area < 1e-6:
                self.ctx.status(_("A zone must lie on one hall; draw it inside a hall."))
                return
            cut = polygon.area - clipped.area
            rounded = shapely.set_precision(clipped, 1e-6)
            if rounded.is_empty or rounded.geom_type != "Polygon":  # rounded away
                self.ctx.status(_("A zone must lie on one hall; draw it inside a hall."))
                return
            polygon = rounded
        draft = Zone("new", _("Zone {n}").format(n=len(plan.zones) + 1), "standard", polygon)
        zone = self.ctx.edit_new_zone(draft)
        if zone is None:
            self.ctx.status(_("Zone dropped."))
            return
        push_new(self.ctx, lambda id_: replace(zone, id=id_, geometry=polygon), "zones")
        if cut > CUT_TOLD_M2:  # a typed 15 × 15 zone by a wall was cut without a word
            self.ctx.status(
                _(
                    "{name} ({use}): {area:.1f} m²; {cut:.1f} m² outside the hall was left out."
                ).format(name=zone.name, use=zone.use, area=polygon.area, cut=cut)
            )
            return
        self.ctx.status(
            _("{name} ({use}): {area:.1f} m².").format(
                name=zone.name, use=zone.use, area=polygon.area
            )
        )
