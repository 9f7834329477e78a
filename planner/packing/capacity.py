"""Capacity figures: what was placed, what the floor could hold at best, what a target needs.

The frontage bound is the most booths a floor can hold when every booth needs its own share of
aisle in front: ``usable area / (w·d + min(w, d)·aisle/2)`` (each booth fronts half an aisle
along its shorter side, the other half belongs to the booth across). No layout beats it.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from planner.packing.number_keeping import NumberChanges
from planner.wording import display_width, pad

RUN_LIMIT_M = 30.0  # floor-format rule 5: a cross aisle at least every 30 m of booths


def practical_share(booth: tuple[float, float], aisle: float) -> float:
    """The part of the frontage bound a real layout can reach: rows broken by a cross aisle at
    least every 30 m give up one aisle's width per run (3 × 3 m booths, 3 m aisles: 30 of
    every 33 m, 91 %).

    >>> round(practical_share((3, 3), 3), 3)
    0.909
    """
    side = min(booth)
    run = max(1, math.floor(RUN_LIMIT_M / side)) * side
    return run / (run + aisle)


def frontage_bound(area: float, booth: tuple[float, float], aisle: float) -> float:
    """Most booths ``area`` m² can hold with an aisle in front of each.

    >>> round(frontage_bound(4000, (3, 3), 3), 1)
    296.3
    """
    w, d = booth
    return area / (w * d + min(w, d) * aisle / 2)


@dataclass(frozen=True, slots=True)
class ZoneCapacity:
    """One packed region (a zone, or a hall's floor in no zone)."""

    name: str
    use: str
    booth: tuple[float, float]
    aisle: float
    placed: int  # booths standing there after the pack (kept ones included)
    kept: int  # locked or sold booths left where they were
    usable_area: float  # m²: region less obstacles and door clear zones
    bound: float  # frontage bound

    @property
    def efficiency(self) -> float:
        return self.placed / self.bound if self.bound else 0.0

    @property
    def practical(self) -> float:
        """What a layout with cross aisles can hold at most, about (see practical_share)."""
        return self.bound * practical_share(self.booth, self.aisle)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["booth"] = list(self.booth)
        d["bound"] = round(self.bound, 1)
        d["practical"] = round(self.practical, 1)
        d["usable_area"] = round(self.usable_area, 1)
        d["efficiency"] = round(self.efficiency, 3)
        return d


@dataclass(frozen=True, slots=True)
class TargetAdvice:
    """Whether ``target`` booths fit, and what it would take when they do not."""

    target: int
    placed: int
    fits: bool
    booth: tuple[float, float] = (3.0, 3.0)  # the booth size the target counts
    extra_area: float = 0.0  # m² more floor at the efficiency reached here
    booth_side: float | None = None  # largest square booth whose bound reaches the target
    aisle: float | None = None  # widest aisle whose bound reaches the target (None: no aisle can)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["booth"] = list(self.booth)
        for k in ("extra_area", "booth_side", "aisle"):
            if d[k] is not None:
                d[k] = round(d[k], 2)
        return d


def _size(booth: tuple[float, ...]) -> str:
    return f"{booth[0]:g} × {booth[1]:g} m"


MIN_BOOTH_SIDE = 1.0  # m: a "booth" smaller than this is no advice an organiser can use


def advise(
    target: int, placed: int, area: float, booth: tuple[float, float], aisle: float
) -> TargetAdvice:
    """What ``target`` booths of ``booth`` with ``aisle`` aisles on ``area`` m² would take."""
    w, d = booth
    if placed >= target:
        return TargetAdvice(target, placed, True, (w, d))
    share = w * d + min(w, d) * aisle / 2
    bound = area / share if share else 0.0
    efficiency = placed / bound if bound and placed else 0.85
    need_area = target * share / efficiency
    # Square booth s with the same aisle: s² + s·aisle/2 = efficiency · area / target.
    per = efficiency * area / target
    side = (-aisle / 2 + math.sqrt(aisle * aisle / 4 + 4 * per)) / 2
    # Same booths, narrower aisle a: w·d + min·a/2 = per.
    narrow = 2 * (per - w * d) / min(w, d)
    return TargetAdvice(
        target,
        placed,
        False,
        (w, d),
        extra_area=max(0.0, need_area - area),
        booth_side=side if side >= MIN_BOOTH_SIDE else None,
        aisle=narrow if narrow > 0 else None,
    )


@dataclass(frozen=True, slots=True)
class CapacityReport:
    zones: tuple[ZoneCapacity, ...] = ()
    target: TargetAdvice | None = None
    seconds: float = 0.0
    removed: int = 0  # available booths taken away before packing
    notes: tuple[str, ...] = field(default=())
    numbers: NumberChanges = field(default_factory=NumberChanges)

    @property
    def placed(self) -> int:
        return sum(z.placed for z in self.zones)

    @property
    def bound(self) -> float:
        return sum(z.bound for z in self.zones)

    @property
    def practical(self) -> float:
        return sum(z.practical for z in self.zones)

    def headline(self) -> str:
        """The figures in plain words: what was placed, the ceiling, the realistic limit."""
        if not self.zones:
            return "Nothing was packed."
        sizes = {(tuple(z.booth), z.aisle) for z in self.zones}
        if len(sizes) == 1:
            ((booth, aisle),) = sizes
            kind = f"with {_size(booth)} booths and {aisle:g} m aisles"
        else:
            kind = "with these booths and aisles"
        return (
            f"{self.placed} booths placed. No layout {kind} can pass about "
            f"{self.bound:,.0f} (every booth needs its share of aisle in front); with a cross "
            f"aisle at least every {RUN_LIMIT_M:g} m, about {self.practical:,.0f} is the "
            "practical limit."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "zones": [z.to_dict() for z in self.zones],
            "placed": self.placed,
            "bound": round(self.bound, 1),
            "practical": round(self.practical, 1),
            "target": self.target.to_dict() if self.target else None,
            "seconds": round(self.seconds, 3),
            "removed": self.removed,
            "notes": list(self.notes),
            "numbers": self.numbers.to_dict(),
        }

    def _counted(self, t: TargetAdvice) -> str:
        """Which booths the target counts, and the others in the total: with a car zone the
        target's "566 placed" beside a total of 576 looked like a mistake."""
        counted = f"{t.placed} booths of {_size(t.booth)} placed"
        rest = self.placed - t.placed
        if rest <= 0:
            return counted
        others = [z for z in self.zones if z.placed and tuple(z.booth) != tuple(t.booth)]
        parts = [f"{z.placed} of {_size(z.booth)} in {z.name}" for z in others]
        same_size = rest - sum(z.placed for z in others)  # same booths, another aisle
        if same_size > 0:
            parts.append(f"{same_size} of {_size(t.booth)} with other aisles")
        return f"{counted} ({self.placed} in all, counting {', '.join(parts)})"

    def to_text(self) -> str:
        width = max([display_width(z.name) for z in self.zones] + [4])
        width = min(width, 32)
        head = (
            f"{pad('Zone', width)}  {pad('use', 9)} {'booth':>9} {'aisle':>6} {'placed':>6} "
            f"{'floor m²':>9} {'at most':>8} {'practical':>9} {'of most':>7}"
        )
        lines = [self.headline(), "", head]
        for z in self.zones:
            size = f"{z.booth[0]:g}×{z.booth[1]:g} m"
            lines.append(
                f"{pad(z.name, width)}  {pad(z.use, 9)} {size:>9} {z.aisle:>4g} m {z.placed:>6} "
                f"{z.usable_area:>9,.0f} {z.bound:>8,.0f} {z.practical:>9,.0f} "
                f"{z.efficiency:>7.0%}"
            )
        lines.append(
            "(at most: no layout can place more; practical: with cross aisles; of most: "
            "placed as a share of at most)"
        )
        t = self.target
        if t is not None:
            size = _size(t.booth)
            if t.fits:
                lines.append(f"target {t.target} booths of {size}: fits; {self._counted(t)}.")
            else:
                lines.append(
                    f"target {t.target} booths of {size}: does not fit; {self._counted(t)}. "
                    "It would take:"
                )
                lines.append(f"  - {t.extra_area:.0f} m² more floor at this packing efficiency, or")
                if t.booth_side:
                    lines.append(f"  - square booths of at most {t.booth_side:.2f} m a side, or")
                if t.aisle is not None:
                    lines.append(f"  - aisles of at most {t.aisle:.2f} m.")
                else:
                    lines.append(
                        "  - narrower aisles cannot do it: even with none it does not fit."
                    )
        numbers = self.numbers.to_text()
        if numbers:
            lines.append(numbers)
        lines.extend(self.notes)
        return "\n".join(lines)


__all__ = [
    "RUN_LIMIT_M",
    "CapacityReport",
    "TargetAdvice",
    "ZoneCapacity",
    "advise",
    "frontage_bound",
    "practical_share",
]
