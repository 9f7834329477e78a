"""Booth numbers in the schemes organisers expect, never a duplicate.

Schemes (``SCHEMES``):

``row``       row letter + number: A01, A02 … B01 (with a prefix: ``HA01``)
``prefix``    prefix + running number: C-01, C-02 (cars), F-01 (food)
``hundreds``  hundreds per row: A-101, A-102 … A-201
``odd-even``  odd on one side of an aisle, even across it: A-101, A-103 | A-102, A-104

Rows are found from the booths' geometry alone (so the app can renumber any selection): booths
are grouped along whichever of their two axes gives the longer rows, rows ordered across and
booths along. A number already held by a booth outside the selection is skipped.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import Protocol

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.model.natural_order import row_letters
from planner.model.patch import Patch
from planner.model.plan import Plan
from planner.model.rules import booth_corners

SCHEMES: tuple[str, ...] = ("row", "prefix", "hundreds", "odd-even")
ROW_GAP = 0.5  # m: rows further apart than this face each other across an aisle


def find_rows(geoms: np.ndarray) -> list[list[int]]:
    """Indices of ``geoms`` grouped in rows: rows ordered across, booths along each row."""
    if len(geoms) == 0:
        return []
    corners = booth_corners(geoms)
    edge = corners[:, 1] - corners[:, 0]
    angle = np.degrees(np.arctan2(edge[:, 1], edge[:, 0])) % 90.0
    values, counts = np.unique(np.round(angle, 0) % 90.0, return_counts=True)
    base = math.radians(float(values[np.argmax(counts)]))
    centres = shapely.get_coordinates(shapely.centroid(geoms))
    size = np.linalg.norm(edge, axis=1)
    tol = max(float(np.min(size)) / 2, 0.25) if len(size) else 0.5
    reach = float(np.max(size)) + 0.01
    best: tuple[int, int, list[list[int]]] | None = None
    for theta in (base, base + math.pi / 2):
        u = centres @ np.array([math.cos(theta), math.sin(theta)])
        v = centres @ np.array([-math.sin(theta), math.cos(theta)])
        rows = _cluster(v, u, tol)
        # Rows run the way booths stand side by side: count neighbours that touch along them.
        touching = sum(int((np.diff(u[row]) <= reach).sum()) for row in rows)
        key = (touching, -len(rows))
        if best is None or key > best[:2]:
            best = (*key, rows)
    return best[2] if best else []


def _cluster(v: np.ndarray, u: np.ndarray, tol: float) -> list[list[int]]:
    order = np.lexsort((u, np.round(v, 6)))
    rows: list[list[int]] = []
    last = None
    for i in order:
        if last is None or v[i] - last > tol:
            rows.append([])
        rows[-1].append(int(i))
        last = v[i] if last is None or v[i] - last > tol else last
    return [sorted(r, key=lambda i: (u[i], v[i])) for r in rows]


def _row_gaps(geoms: np.ndarray, rows: list[list[int]]) -> list[float]:
    """Distance between each row and the next (0 for back-to-back rows)."""
    gaps = []
    for a, b in itertools.pairwise(rows):
        gaps.append(
            float(shapely.distance(shapely.union_all(geoms[a]), shapely.union_all(geoms[b])))
        )
    return gaps


class _Numberer(Protocol):
    """The booth number for counter ``n``."""

    def __call__(self, n: int, /) -> str: ...


def numbers_for(
    geoms: Iterable[BaseGeometry],
    scheme: str,
    prefix: str = "",
    start: int = 1,
    taken: Iterable[str] = (),
) -> list[str]:
    """A fresh number for each geometry in ``scheme``; none of them in ``taken`` or repeated."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown numbering scheme {scheme!r} (known: {', '.join(SCHEMES)})")
    geoms = np.asarray(list(geoms), dtype=object)
    used = set(taken)
    out: list[str | None] = [None] * len(geoms)
    rows = find_rows(geoms)
    if not rows:
        return []
    dash = f"{prefix}-" if prefix else ""

    def claim(i: int, make: _Numberer, n: int, step: int = 1) -> int:
        while make(n) in used:
            n += step
        number = out[i] = make(n)
        used.add(number)
        return n + step

    if scheme == "prefix":
        width = max(2, len(str(start + len(geoms) - 1)))
        n = start
        for row in rows:
            for i in row:
                n = claim(i, lambda k: f"{dash}{k:0{width}d}", n)
    elif scheme == "row":
        for r, row in enumerate(rows):
            letter = f"{prefix}{row_letters(r)}"
            width = max(2, len(str(start + len(row) - 1)))
            n = start
            for i in row:
                n = claim(i, lambda k, lt=letter, wd=width: f"{lt}{k:0{wd}d}", n)
    elif scheme == "hundreds":
        base = 100 if max(len(r) for r in rows) + start <= 100 else 1000
        for r, row in enumerate(rows):
            n = start
            for i in row:
                n = claim(i, lambda k, r=r: f"{dash}{(r + 1) * base + k}", n)
    else:  # odd-even across each aisle
        gaps = _row_gaps(geoms, rows)
        aisle, r = 0, 0
        base = 100 if max(len(x) for x in rows) * 2 + start <= 100 else 1000
        while r < len(rows):
            aisle += 1
            paired = r + 1 < len(rows) and gaps[r] > ROW_GAP
            for side, row in enumerate(rows[r : r + (2 if paired else 1)]):
                n = start if start % 2 == 1 - side else start + 1
                for i in row:
                    n = claim(i, lambda k, a=aisle: f"{dash}{a * base + k}", n, step=2)
            r += 2 if paired else 1
    return [str(x) for x in out]


def renumber(
    plan: Plan,
    booth_ids: Iterable[str],
    scheme: str,
    prefix: str = "",
    start: int = 1,
) -> Patch:
    """A patch giving the selected booths fresh numbers in ``scheme`` (one undo step).

    Numbers held by booths outside the selection are skipped, so no number is ever repeated.
    """
    ids = [i for i in dict.fromkeys(booth_ids) if i in plan.booths]
    selected = set(ids)
    taken = {b.number for b in plan.booths.values() if b.id not in selected}
    geoms = [plan.booths[i].geometry for i in ids]
    numbers = numbers_for(geoms, scheme, prefix, start, taken)
    from dataclasses import replace

    edit = plan.edit(f"Renumber {len(ids)} booths")
    for id_, number in zip(ids, numbers, strict=True):
        edit.put(replace(plan.booths[id_], number=number))
    return edit.build()


__all__ = ["SCHEMES", "find_rows", "numbers_for", "renumber"]
