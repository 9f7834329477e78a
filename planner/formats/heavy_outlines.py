"""Outlines with far more corners than a floor needs are simplified when a floor comes in.

A round hall exported from CAD with a point every few millimetres has hundreds of thousands of
corners; packing it took a minute and 6 GB, printing it longer. No one can see, walk or sell a
centimetre, so an outline of more than :data:`MAX_CORNERS` corners is simplified to within
:data:`TOLERANCE_M` (1 cm), and the reader says so. Doors and zones are checked against the
simplified hall again; a hall they would no longer fit keeps its own outline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shapely

from planner.formats.floor_checks import FeatureProblem
from planner.model.entities import Door, Hall, Obstacle, Zone
from planner.model.limits import MAX_OUTLINE_CORNERS as MAX_CORNERS
from planner.model.limits import OUTLINE_TOLERANCE_M as TOLERANCE_M


def corner_count(geometry: Any) -> int:
    return int(shapely.get_num_coordinates(geometry))


def _simplified(geometry: Any) -> Any | None:
    """``geometry`` within 1 cm with fewer corners, or ``None`` if it has few enough or the
    simplification would not be a valid polygon of nearly the same area."""
    if corner_count(geometry) <= MAX_CORNERS:
        return None
    simple = shapely.simplify(geometry, TOLERANCE_M, preserve_topology=True)
    if simple.is_empty or not simple.is_valid or simple.geom_type != geometry.geom_type:
        return None
    return simple


def simplify_heavy(
    entities: list[Any],
    fits: Callable[[list[Hall], list[Any]], None],
    notes: list[str],
) -> list[Any]:
    """``entities`` with heavy outlines simplified; a sentence per simplified outline goes to
    ``notes``. ``fits(halls, doors_and_zones)`` raises :class:`FeatureProblem` when a door or
    zone no longer sits on its halls; an outline whose simplification breaks that stays as it
    was.
    """
    out = list(entities)
    changed: dict[int, Any] = {}
    for i, entity in enumerate(out):
        if isinstance(entity, Hall | Obstacle | Zone):
            simple = _simplified(entity.geometry)
            if simple is not None:
                changed[i] = simple
    if not changed:
        return out
    for i, simple in changed.items():
        entity = out[i]
        trial = [*out[:i], replace(entity, geometry=simple), *out[i + 1 :]]
        try:
            fits(
                [e for e in trial if isinstance(e, Hall)],
                [e for e in trial if isinstance(e, Door | Zone)],
            )
        except FeatureProblem:
            continue  # a door or zone is drawn on this exact outline: keep it as it is
        notes.append(
            f"{type(entity).__name__.lower()} {entity.name or entity.id}: its outline of "
            f"{corner_count(entity.geometry):,} corners was simplified to "
            f"{corner_count(simple):,} (within {TOLERANCE_M * 100:g} cm)"
        )
        out = trial
    return out


__all__ = ["MAX_CORNERS", "TOLERANCE_M", "corner_count", "simplify_heavy"]
