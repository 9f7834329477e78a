"""The edits the canvas and panels make, as pure functions from a plan to a :class:`Patch`.

Each function reads the plan, checks the request and returns one patch (one undo step). A
request that makes no sense raises :class:`EditRefused` with a sentence for the user.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import shapely
from shapely import affinity
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from planner.editing.booth_frame import booth_frame, booth_rectangle, check_size, clean
from planner.editing.names import entities_of, what
from planner.editing.refusal import EditRefused
from planner.i18n import _
from planner.model import Booth, Patch, Plan

Key = tuple[str, str]
GEOMETRY_TABLES = ("halls", "obstacles", "zones", "booths")

__all__ = [
    "EditRefused",
    "delete",
    "duplicate",
    "merge_booths",
    "next_free_number",
    "resize_booth",
    "rotate",
    "set_locked",
    "split_booth",
    "translate",
]


def _moved(table: str, entity: Any, fn: Callable[[BaseGeometry], BaseGeometry]) -> Any:
    """The entity with its shape (a door's line, any other's outline) passed through ``fn``."""
    if table == "doors":
        return replace(entity, line=fn(entity.line))
    return replace(entity, geometry=fn(entity.geometry))


def _locked(table: str, entity: Any) -> bool:
    return table == "booths" and bool(entity.locked)


def translate(plan: Plan, keys: Iterable[Key], dx: float, dy: float) -> Patch:
    """Move the entities by (dx, dy) metres; locked booths stay where they are."""
    keys = list(keys)
    edit = plan.edit(_("Move {what}").format(what=what(plan, keys)))
    for table, entity in entities_of(plan, keys):
        if not _locked(table, entity):
            edit.put(_moved(table, entity, lambda g: affinity.translate(g, dx, dy)))
    return edit.build()


def rotate(plan: Plan, keys: Iterable[Key], degrees: float) -> Patch:
    """Turn the entities together about the centre of their joint bounds (counter-clockwise)."""
    items = [(t, e) for t, e in entities_of(plan, keys) if not _locked(t, e)]
    if not items:
        return Patch()
    shapes = [e.line if t == "doors" else e.geometry for t, e in items]
    centre = shapely.GeometryCollection(shapes).envelope.centroid
    label = what(plan, [(t, e.id) for t, e in items])
    edit = plan.edit(_("Rotate {what} {degrees:g}°").format(what=label, degrees=degrees))
    for table, entity in items:
        edit.put(
            _moved(
                table,
                entity,
                lambda g: shapely.set_precision(affinity.rotate(g, degrees, centre), 1e-6),
            )
        )
    return edit.build()


def delete(plan: Plan, keys: Iterable[Key]) -> Patch:
    """Delete the entities. Booths of a deleted zone stay, on floor in no zone."""
    keys = list(keys)
    edit = plan.edit(_("Delete {what}").format(what=what(plan, keys)))
    deleted_zones = {id_ for table, id_ in keys if table == "zones"}
    for table, entity in entities_of(plan, keys):
        if not _locked(table, entity):
            edit.delete(table, entity.id)
    for booth in plan.booths.values():
        if booth.zone_id in deleted_zones and edit.current("booths", booth.id) is not None:
            edit.put(replace(booth, zone_id=None))
    return edit.build()


def duplicate(plan: Plan, keys: Iterable[Key], dx: float, dy: float) -> tuple[Patch, list[Key]]:
    """Copies shifted by (dx, dy); copied booths get fresh numbers and are free again."""
    items = list(entities_of(plan, keys))
    label = what(plan, [(t, e.id) for t, e in items])
    edit = plan.edit(_("Duplicate {what}").format(what=label))
    fresh = {
        table: iter(plan.new_ids(table, sum(1 for t, _e in items if t == table)))
        for table in {t for t, _e in items}
    }
    numbers = {b.number for b in plan.booths.values()}
    new_keys: list[Key] = []
    for table, entity in items:
        new_id = next(fresh[table])
        copy = replace(_moved(table, entity, lambda g: affinity.translate(g, dx, dy)), id=new_id)
        if table == "booths":
            number = next_free_number(entity.number, numbers)
            numbers.add(number)
            copy = replace(copy, number=number, exhibitor_id=None, status="available", locked=False)
        edit.put(copy)
        new_keys.append((table, new_id))
    return edit.build(), new_keys


def next_free_number(number: str, taken: set[str]) -> str:
    """``A12`` → ``A12b`` (then ``A12c``...), the first not taken.

    >>> next_free_number("A12", {"A12", "A12b"})
    'A12c'
    """
    for letter in string.ascii_lowercase[1:]:
        candidate = f"{number}{letter}"
        if candidate not in taken:
            return candidate
    n = 2
    while f"{number}-{n}" in taken:
        n += 1
    return f"{number}-{n}"


def set_locked(plan: Plan, booth_ids: Iterable[str], locked: bool) -> Patch:
    ids = list(booth_ids)
    label = what(plan, [("booths", i) for i in ids])
    edit = plan.edit(
        _("Lock {what}").format(what=label) if locked else _("Unlock {what}").format(what=label)
    )
    for booth_id in ids:
        booth = plan.booths.get(booth_id)
        if booth is not None:
            edit.put(replace(booth, locked=locked))
    return edit.build()


def resize_booth(plan: Plan, booth_id: str, width: float, depth: float) -> Patch:
    """Give a booth a new width and depth about its centre, keeping its rotation."""
    check_size(width, depth)
    booth = plan.booths[booth_id]
    frame = booth_frame(booth.geometry)
    new = replace(booth, geometry=booth_rectangle(frame.cx, frame.cy, width, depth, frame.angle))
    return plan.edit(_("Resize booth {number}").format(number=booth.number)).put(new).build()


# -- merge and split ------------------------------------------------------------------------
def merge_booths(plan: Plan, booth_ids: list[str], keep_id: str) -> Patch:
    """Join adjacent booths into one rectangle that keeps ``keep_id``'s number and booking."""
    if len(booth_ids) < 2:
        raise EditRefused(_("Select at least two booths to merge."))
    if keep_id not in booth_ids:
        raise EditRefused(_("The booth whose number survives must be one of those merged."))
    booths = [plan.booths[i] for i in booth_ids]
    if any(b.locked for b in booths):
        raise EditRefused(_("A locked booth cannot be merged; unlock it first."))
    union = shapely.union_all([b.geometry for b in booths])
    if not isinstance(union, Polygon):
        raise EditRefused(_("Only booths that touch each other can be merged."))
    rect = union.minimum_rotated_rectangle
    if abs(rect.area - union.area) > 1e-3 * max(union.area, 1.0) or union.interiors:
        raise EditRefused(_("The merged booths must form one rectangle."))
    assert isinstance(rect, Polygon)  # the union is a polygon of positive area
    keep = plan.booths[keep_id]
    # Starting at its lowest-left corner, counter-clockwise, like every packed booth.
    normal = shapely.normalize(orient(rect, 1.0))
    assert isinstance(normal, Polygon)
    merged = replace(keep, geometry=clean(normal))
    edit = plan.edit(_("Merge into {number}").format(number=keep.number)).put(merged)
    for booth in booths:
        if booth.id != keep_id:
            edit.delete("booths", booth.id)
    return edit.build()


def split_booth(plan: Plan, booth_id: str, unit: float | None = None) -> Patch:
    """Cut a booth along its longer side into units of its zone's booth width."""
    booth = plan.booths[booth_id]
    if booth.locked:
        raise EditRefused(
            _("Booth {number} is locked; unlock it before splitting.").format(number=booth.number)
        )
    cx, cy, width, depth, angle = booth_frame(booth.geometry)
    if depth > width:  # cut along the longer side
        width, depth, angle = depth, width, angle + 90.0
    size = unit or min(plan.zone_rules(booth.zone_id).booth)
    count = round(width / size)
    if count < 2:
        raise EditRefused(
            _("Booth {number} is a single unit of {size:g} m; nothing to split.").format(
                number=booth.number, size=size
            )
        )
    piece = width / count
    rad = math.radians(angle)
    taken = {b.number for b in plan.booths.values()}
    ids = plan.new_ids("booths", count - 1)
    edit = plan.edit(_("Split {number}").format(number=booth.number))
    for k in range(count):
        offset = -width / 2.0 + piece * (k + 0.5)
        px, py = cx + offset * math.cos(rad), cy + offset * math.sin(rad)
        geom = booth_rectangle(px, py, piece, depth, angle)
        if k == 0:
            edit.put(replace(booth, geometry=geom))
            continue
        number = next_free_number(booth.number, taken)
        taken.add(number)
        edit.put(
            Booth(
                ids[k - 1],
                number,
                geom,
                booth.zone_id,
                status=booth.status,
                exhibitor_id=booth.exhibitor_id,
            )
        )
    return edit.build()
