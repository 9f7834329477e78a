"""A re-pack keeps the numbers people were told: a booth that stays where it was keeps its
number (and its id, so its booking history), new booths take numbers no booth had, and a
number whose booth is gone is not handed to a booth somewhere else.

Before this, re-packing a plan with sold booths moved and renumbered about 230 available
booths, and 189 numbers quoted to customers pointed to other places.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import shapely

from planner.model.entities import Booth
from planner.model.frozen import is_frozen
from planner.model.natural_order import natural_key

# A new booth stands where a removed one stood when their outlines differ by under 1 % of the
# booth's area (a few centimetres of shift), so the organiser would call it the same booth.
SAME_PLACE = 0.01


@dataclass(frozen=True, slots=True)
class NumberChanges:
    """What a re-pack did to the numbers of the booths it took away and put back."""

    kept: int = 0  # numbers of booths taken away that are on a booth in the same place again
    new: int = 0  # booths placed with any other number
    gone: tuple[str, ...] = ()  # numbers no longer on a booth in their place
    frozen_gone: tuple[str, ...] = ()  # the frozen ones among them
    frozen_kept: int = 0  # frozen booths left as they were (packed around)

    def to_text(self) -> str:
        if not (self.kept or self.gone or self.frozen_kept):
            return ""
        parts = [f"{self.kept} kept where they were", f"{self.new} new"]
        line = "Numbers: " + ", ".join(parts)
        if self.gone:
            shown = ", ".join(self.gone[:8]) + (" …" if len(self.gone) > 8 else "")
            line += f"; {len(self.gone)} no longer on the floor ({shown})"
        if self.frozen_gone:
            line += f", {len(self.frozen_gone)} of them frozen"
        if self.frozen_kept:
            line += f"; {self.frozen_kept} frozen booths left as they were (--renumber moves them)"
        return line + "."

    def to_dict(self) -> dict[str, object]:
        return {
            "kept": self.kept,
            "new": self.new,
            "gone": list(self.gone),
            "frozen_gone": list(self.frozen_gone),
            "frozen_kept": self.frozen_kept,
        }


def keep_in_place(removed: list[Booth], new: list[Booth]) -> tuple[list[Booth], set[str]]:
    """``new`` with each booth that stands where a removed booth stood carrying that booth's
    id, number and flags; and the ids that now carry an old number (they need none)."""
    if not removed or not new:
        return list(new), set()
    old = np.array([b.geometry for b in removed], dtype=object)
    fresh = np.array([b.geometry for b in new], dtype=object)
    tree = shapely.STRtree(old)
    new_i, old_i = tree.query(fresh, predicate="intersects")
    if len(new_i):
        apart = shapely.area(shapely.symmetric_difference(fresh[new_i], old[old_i]))
        same = apart < SAME_PLACE * shapely.area(fresh[new_i])
        new_i, old_i = new_i[same], old_i[same]
    out = list(new)
    numbered: set[str] = set()
    taken_old: set[int] = set()
    for n, o in zip(new_i.tolist(), old_i.tolist(), strict=True):
        if o in taken_old or out[n].id in numbered:
            continue
        was = removed[o]
        out[n] = replace(out[n], id=was.id, number=was.number, flags=_flags(out[n], was))
        numbered.add(was.id)
        taken_old.add(o)
    return out, numbered


def _flags(new: Booth, was: Booth) -> tuple[str, ...]:
    """The packer's flags of the new booth (a column in it), and the frozen mark of the old."""
    return tuple(dict.fromkeys([*new.flags, *(f for f in was.flags if f == "frozen")]))


def _same_place(a: Booth, b: Booth) -> bool:
    area = a.geometry.area
    return a.geometry.symmetric_difference(b.geometry).area < SAME_PLACE * area


def changes(removed: list[Booth], placed: list[Booth], frozen_kept: int) -> NumberChanges:
    """How the numbers of the booths taken away fared: still on a booth in the same place, or
    gone (no booth there, or the number now on a booth elsewhere)."""
    by_number = {b.number: b for b in placed}
    gone = [
        b for b in removed if (now := by_number.get(b.number)) is None or not _same_place(b, now)
    ]
    kept = len(removed) - len(gone)
    order = sorted(gone, key=lambda b: natural_key(b.number))
    return NumberChanges(
        kept=kept,
        new=len(placed) - kept,
        gone=tuple(b.number for b in order),
        frozen_gone=tuple(b.number for b in order if is_frozen(b)),
        frozen_kept=frozen_kept,
    )


__all__ = ["SAME_PLACE", "NumberChanges", "changes", "keep_in_place"]
