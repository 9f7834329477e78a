"""Which colour each booth gets on paper, and the legend of the colours a map really uses.

The colours themselves come from :mod:`planner.theme`, shared with the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner import theme
from planner.model import Booth, Plan
from planner.model.status import AVAILABLE, LABELS, STATUSES


@dataclass(frozen=True, slots=True)
class LegendEntry:
    label: str
    fill: str
    hatch: str = "none"  # "none", "diagonal", "cross", "dense" (see theme.ZONE_HATCH)
    stroke: str = theme.BOOTH_STROKE


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``.

    >>> mix("#000000", "#ffffff", 0.5)
    '#808080'
    """
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


# Booths coloured by zone: car and culinary zones take their sectors' colours, other zones
# the next colour of this list, so two zones never share a colour in one legend.
_ZONE_PALETTE: tuple[str, ...] = tuple(
    theme.SECTOR_COLOURS[s]
    for s in (
        "machinery",
        "agriculture",
        "chemicals",
        "consumer goods",
        "aquatic",
        "textiles",
        "construction materials",
        "home appliances",
        "forestry",
        "footwear",
    )
)
_ZONE_USE_COLOUR: dict[str, str] = {
    "car": theme.SECTOR_COLOURS["automobiles"],
    "culinary": theme.SECTOR_COLOURS["culinary"],
}
NO_ZONE_COLOUR = "#eceff1"


def zone_booth_colours(plan: Plan) -> dict[str, str]:
    """A distinct booth colour for every zone of ``plan`` (zone id -> colour)."""
    colours: dict[str, str] = {}
    used: set[str] = set()
    others = iter(_ZONE_PALETTE * (1 + len(plan.zones) // len(_ZONE_PALETTE)))
    for zone in plan.zones.values():
        colour = _ZONE_USE_COLOUR.get(zone.use)
        if colour is None or colour in used:
            colour = next(c for c in others if c not in used)
        colours[zone.id] = colour
        used.add(colour)
    return colours


class BoothColours:
    """Booth fills for one colour mode, remembering which legend entries were used."""

    def __init__(self, plan: Plan, mode: str) -> None:
        self.plan = plan
        self.mode = mode
        self._used: dict[str, LegendEntry] = {}
        self._zone_colours = zone_booth_colours(plan) if mode == "zone" else {}

    def fill(self, booth: Booth) -> str:
        entry = self._entry(booth)
        self._used.setdefault(entry.label, entry)
        return entry.fill

    def _entry(self, booth: Booth) -> LegendEntry:
        if self.mode == "sector":
            exhibitor = self.plan.exhibitors.get(booth.exhibitor_id or "")
            if exhibitor is None:
                return LegendEntry("No exhibitor", theme.STATUS_COLOURS[AVAILABLE])
            sector = " ".join(exhibitor.sector.strip().split())
            if sector.lower() not in theme.SECTOR_COLOURS:
                return LegendEntry("Other sector", theme.SECTOR_OTHER_COLOUR)
            return LegendEntry(sector[:1].upper() + sector[1:].lower(), theme.sector_colour(sector))
        if self.mode == "zone":
            zone = self.plan.zones.get(booth.zone_id or "")
            if zone is None:
                return LegendEntry("Floor in no zone", NO_ZONE_COLOUR)
            return LegendEntry(zone.name, self._zone_colours[zone.id])
        status = booth.status if booth.status in theme.STATUS_COLOURS else AVAILABLE
        return LegendEntry(LABELS[status], theme.STATUS_COLOURS[status])

    def legend(self) -> list[LegendEntry]:
        """The entries used so far, statuses in their usual order, others as first met."""
        entries = list(self._used.values())
        if self.mode == "status":
            order = {LABELS[s]: i for i, s in enumerate(STATUSES)}
            entries.sort(key=lambda e: order.get(e.label, len(order)))
        return entries
