"""The edits the canvas and panels make, as pure functions from a plan to a :class:`Patch`.

No Qt here: each function reads the plan, checks the request and returns one patch (one undo
step). A request that makes no sense raises :class:`EditRefused` with a sentence for the user.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable
from dataclasses import replace

import shapely
from shapely import affinity
from shapely.geometry import Polygon

from planner.errors import BoothplanError
from planner.model import Booth, Patch, Plan
from planner.model.entities import NOUNS
from planner.wording import counted

Key = tuple[str, str]
GEOMETRY_TABLES = ("halls", "obstacles", "zones", "booths")


class EditRefused(BoothplanError):
    """An edit that cannot be made, and why."""


def named(table: str, entity) -> str:
    """One entity as the history names it: "booth A-12", "column", "zone Ẩm thực"."""
    if table == "booths":
        return f"booth {entity.number or entity.id}"
    if table == "obstacles" and entity.is_column:
        return "column"
    noun = NOUNS.get(table, table)
    name = getattr(entity, "name", "")
    return f"{noun} {name}" if name else noun


def what(plan: Plan, keys: Iterable[Key]) -> str:
    """The entities ``keys`` name, for an undo step: "booth A-12", "3 booths", "booth A-12 and
    zone Ẩm thực", "4 booths and 2 columns". The history said "Move" for everything."""
    items = list(_entities(plan, keys))
    if len(items) == 1:
        return named(*items[0])
    counts: dict[str, int] = {}
    for table, entity in items:
        noun = "column" if table == "obstacles" and entity.is_column else NOUNS.get(table, table)
        counts[noun] = counts.get(noun, 0) + 1
    parts = [counted(n, noun) for noun, n in counts.items()]
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _entities(plan: Plan, keys: Iterable[Key]):
    for table, id_ in keys:
        entity = plan.get(table, id_)
        if entity is not None:
            yield table, entity


def _moved_geometry(table: str, entity, fn):
    if table == "doors":
        return replace(entity, line=fn(entity.line))
    return replace(entity, geometry=fn(entity.geometry))


def _skip_locked(table: str, entity) -> bool:
    return table == "booths" and entity.locked


def translate(plan: Plan, keys: Iterable[Key], dx: float, dy: float) -> Patch:
    """Move the entities by (dx, dy) metres; locked booths stay where they are."""
    edit = plan.edit(f"Move {what(plan, keys)}")
    for table, entity in _entities(plan, keys):
        if not _skip_locked(table, entity):
            edit.put(_moved_geometry(table, entity, lambda g: affinity.translate(g, dx, dy)))
    return edit.build()


def rotate(plan: Plan, keys: Iterable[Key], degrees: float) -> Patch:
    """Turn the entities together about the centre of their joint bounds (counter-clockwise)."""
    items = [(t, e) for t, e in _entities(plan, keys) if not _skip_locked(t, e)]
    if not items:
        return Patch()
    shapes = [e.line if t == "doors" else e.geometry for t, e in items]
    centre = shapely.GeometryCollection(shapes).envelope.centroid
    edit = plan.edit(f"Rotate {what(plan, [(t, e.id) for t, e in items])} {degrees:g}°")
    for table, entity in items:
        edit.put(
            _moved_geometry(table, entity, lambda g: _clean(affinity.rotate(g, degrees, centre)))
        )
    return edit.build()


def _clean(geometry):
    """Round coordinates so a quarter turn of a 3 m box stays exactly 3 m."""
    return shapely.set_precision(geometry, 1e-6)


def delete(plan: Plan, keys: Iterable[Key]) -> Patch:
    """Delete the entities. Booths of a deleted zone stay, on floor in no zone."""
    keys = list(keys)
    edit = plan.edit(f"Delete {what(plan, keys)}")
    deleted_zones = {id_ for table, id_ in keys if table == "zones"}
    for table, entity in _entities(plan, keys):
        if _skip_locked(table, entity):
            continue
        edit.delete(table, entity.id)
    for booth in plan.booths.values():
        if booth.zone_id in deleted_zones and edit.current("booths", booth.id) is not None:
            edit.put(replace(booth, zone_id=None))
    return edit.build()


def duplicate(plan: Plan, keys: Iterable[Key], dx: float, dy: float) -> tuple[Patch, list[Key]]:
    """Copies shifted by (dx, dy); copied booths get fresh numbers and are free again."""
    items = list(_entities(plan, keys))
    edit = plan.edit(f"Duplicate {what(plan, [(t, e.id) for t, e in items])}")
    new_keys: list[Key] = []
    numbers = {b.number for b in plan.booths.values()}
    counters: dict[str, int] = {}
    for table in {t for t, _ in items}:
        counters[table] = 0
    fresh = {t: plan.new_ids(t, sum(1 for tt, _ in items if tt == t)) for t in counters}
    for table, entity in items:
        new_id = fresh[table][counters[table]]
        counters[table] += 1
        copy = _moved_geometry(table, entity, lambda g: affinity.translate(g, dx, dy))
        copy = replace(copy, id=new_id)
        if table == "booths":
            number = next_free_number(entity.number, numbers)
            numbers.add(number)
            copy = replace(copy, number=number, exhibitor_id=None, status="available", locked=False)
        edit.put(copy)
        new_keys.append((table, new_id))
    return edit.build(), new_keys


def next_free_number(number: str, taken: set[str]) -> str:
    """``A12`` → ``A12b`` (then ``A12c``...), the first not taken."""
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
    edit = plan.edit(f"Lock {label}" if locked else f"Unlock {label}")
    for booth_id in ids:
        booth = plan.booths.get(booth_id)
        if booth is not None:
            edit.put(replace(booth, locked=locked))
    return edit.build()


# -- booth frames: a rotated rectangle as centre, width, depth and angle -----------------------
def booth_frame(geometry: Polygon) -> tuple[float, float, float, float, float]:
    """``(cx, cy, width, depth, angle°)``: width along the side nearest east-west."""
    coords = list(geometry.exterior.coords)
    (x0, y0), (x1, y1), (x2, y2) = coords[0][:2], coords[1][:2], coords[2][:2]
    width = math.hypot(x1 - x0, y1 - y0)
    depth = math.hypot(x2 - x1, y2 - y1)
    angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
    # The same rectangle can start at any corner: turn the frame by quarter turns until the
    # angle lies in (-45°, 45°], so a square-on booth reads "0°" with width east-west.
    while angle > 45.0 + 1e-9:
        angle -= 90.0
        width, depth = depth, width
    while angle <= -45.0 + 1e-9:
        angle += 90.0
        width, depth = depth, width
    c = geometry.centroid
    return (c.x, c.y, width, depth, round(angle, 9) + 0.0)


def booth_rectangle(cx: float, cy: float, width: float, depth: float, angle: float) -> Polygon:
    half_w, half_d = width / 2.0, depth / 2.0
    rect = Polygon([(-half_w, -half_d), (half_w, -half_d), (half_w, half_d), (-half_w, half_d)])
    turned = affinity.rotate(rect, angle, origin=(0, 0)) if angle % 360 else rect
    return _clean(affinity.translate(turned, cx, cy))


def check_size(width: float, depth: float) -> None:
    for label, value in (("width", width), ("depth", depth)):
        if not math.isfinite(value) or value <= 0:
            raise EditRefused(f"A booth's {label} must be more than 0 m, not {value:g}.")
        if value > 500:
            raise EditRefused(f"A booth's {label} of {value:g} m is larger than any hall.")


def resize_booth(plan: Plan, booth_id: str, width: float, depth: float) -> Patch:
    """Give a booth a new width and depth about its centre, keeping its rotation."""
    check_size(width, depth)
    booth = plan.booths[booth_id]
    cx, cy, _, _, angle = booth_frame(booth.geometry)
    new = replace(booth, geometry=booth_rectangle(cx, cy, width, depth, angle))
    return plan.edit("Resize booth").put(new).build()


# -- merge and split ------------------------------------------------------------------------
def merge_booths(plan: Plan, booth_ids: list[str], keep_id: str) -> Patch:
    """Join adjacent booths into one rectangle that keeps ``keep_id``'s number and booking."""
    if len(booth_ids) < 2:
        raise EditRefused("Select at least two booths to merge.")
    if keep_id not in booth_ids:
        raise EditRefused("The booth whose number survives must be one of those merged.")
    booths = [plan.booths[i] for i in booth_ids]
    if any(b.locked for b in booths):
        raise EditRefused("A locked booth cannot be merged; unlock it first.")
    union = shapely.union_all([b.geometry for b in booths])
    if not isinstance(union, Polygon):
        raise EditRefused("Only booths that touch each other can be merged.")
    rect = union.minimum_rotated_rectangle
    if abs(rect.area - union.area) > 1e-3 * max(union.area, 1.0) or union.interiors:
        raise EditRefused("The merged booths must form one rectangle.")
    keep = plan.booths[keep_id]
    merged = replace(keep, geometry=_clean(shapely.normalize(_oriented(rect))))
    edit = plan.edit(f"Merge into {keep.number}").put(merged)
    for booth in booths:
        if booth.id != keep_id:
            edit.delete("booths", booth.id)
    return edit.build()


def _oriented(rect: Polygon) -> Polygon:
    """A rectangle polygon starting at its lowest-left corner, counter-clockwise."""
    return shapely.geometry.polygon.orient(rect, 1.0)


def split_booth(plan: Plan, booth_id: str, unit: float | None = None) -> Patch:
    """Cut a booth along its longer side into units of its zone's booth width."""
    booth = plan.booths[booth_id]
    if booth.locked:
        raise EditRefused(f"Booth {booth.number} is locked; unlock it before splitting.")
    cx, cy, width, depth, angle = booth_frame(booth.geometry)
    if depth > width:  # cut along the longer side
        width, depth, angle = depth, width, angle + 90.0
    size = unit or min(plan.zone_rules(booth.zone_id).booth)
    count = round(width / size)
    if count < 2:
        raise EditRefused(f"Booth {booth.number} is a single unit of {size:g} m; nothing to split.")
    piece = width / count
    rad = math.radians(angle)
    taken = {b.number for b in plan.booths.values()}
    ids = plan.new_ids("booths", count - 1)
    edit = plan.edit(f"Split {booth.number}")
    for k in range(count):
        offset = -width / 2.0 + piece * (k + 0.5)
        px, py = cx + offset * math.cos(rad), cy + offset * math.sin(rad)
        geom = booth_rectangle(px, py, piece, depth, angle)
        if k == 0:
            edit.put(replace(booth, geometry=geom))
        else:
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
