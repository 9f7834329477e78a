"""The values of a plan file's rows, checked as they are read: well-formed ids, valid polygons
and physical numbers (:mod:`planner.model.limits`). A coordinate of 1e308 or a booth of a
nanometre in a file would stop the packer, the checker or the PDF with an arithmetic error, or
take all the memory; a polygon that crosses itself stops GEOS ("TopologyException"). Boothplan
itself never saves one (its drawing and editing tools refuse them, and so does GeoJSON import),
so in a file it is damage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely

from planner.formats.entity_codec import geometry_fields
from planner.model.entities import TYPE_OF_TABLE
from planner.model.limits import entities_problem

_BAD_ID_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
# Over ids joined by newlines: a control character other than the newline, or an id that
# starts or ends with white space (or is empty).
_BAD_IN_JOINED = re.compile(r"(?m)[\x00-\x09\x0b-\x1f\x7f]|^\s|\s$")
MAX_ID_LENGTH = 200


def id_problem(id_: Any) -> str | None:
    """Ids are text Boothplan or a GIS made ("booth-12", "A-101"): never empty, padded or
    holding control characters, which is what a flipped bit in one looks like."""
    if not isinstance(id_, str):
        return f"its id {id_!r} is not text"
    if not id_:
        return "its id is empty"
    if id_ != id_.strip() or _BAD_ID_CHARACTER.search(id_) or len(id_) > MAX_ID_LENGTH:
        return f"its id {id_!r} is not an id Boothplan writes"
    return None


def check_values(table: str, entities: Sequence[Any]) -> tuple[int, str] | None:
    """The first entity of ``table`` with a bad id or an absurd number, as ``(index, problem)``;
    geometry and booth areas are checked for the whole table at once."""
    found = _bad_id(entities)
    if found is not None:
        return found
    for name in geometry_fields(TYPE_OF_TABLE[table]):
        found = _invalid_geometry([getattr(e, name) for e in entities], name)
        if found is not None:
            return found
    return entities_problem(table, entities)


def _bad_id(entities: Sequence[Any]) -> tuple[int, str] | None:
    """The first bad id; one regular expression over all of them settles the usual case of
    none (60,000 booths: a few milliseconds, against 50 for a test per id)."""
    ids = [e.id for e in entities]
    if set(map(type, ids)) <= {str}:
        joined = "\n".join(ids)
        if (
            joined.count("\n") == max(len(ids) - 1, 0)
            and max(map(len, ids), default=0) <= MAX_ID_LENGTH
            and _BAD_IN_JOINED.search(joined) is None
        ):
            return None
    for i, id_ in enumerate(ids):
        problem = id_problem(id_)
        if problem is not None:
            return i, problem
    return None


def _invalid_geometry(geometries: Sequence[Any], name: str) -> tuple[int, str] | None:
    geoms = np.asarray(geometries, dtype=object)
    lines = shapely.get_type_id(geoms) == 1
    bad = ~shapely.is_valid(geoms) | (lines & (shapely.length(geoms) <= 0))
    if not bad.any():
        return None
    i = int(np.flatnonzero(bad)[0])
    reason = "it has no length" if lines[i] else shapely.is_valid_reason(geoms[i]).lower()
    return i, f"its {name} is not a valid shape ({reason})"


__all__ = ["MAX_ID_LENGTH", "check_values", "id_problem"]
