"""How the undo history names what an edit changed: "booth A-12", "3 booths", "booth A-12 and
zone Ẩm thực", "4 booths and 2 columns" (it said "Move" for everything)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from planner.i18n import _, ngettext
from planner.model import Plan

Key = tuple[str, str]

COLUMN = "column"  # obstacles that are columns are named and counted as columns


def _noun_key(table: str, entity: Any) -> str:
    if table == "obstacles" and entity.is_column:
        return COLUMN
    return table


def _noun(key: str) -> str:
    """The noun for one entity of a table, in the current language."""
    nouns = {
        "halls": _("hall"),
        "obstacles": _("obstacle"),
        COLUMN: _("column"),
        "doors": _("door"),
        "zones": _("zone"),
        "booths": _("booth"),
        "exhibitors": _("exhibitor"),
        "booking_events": _("booking"),
        "info": _("the plan's settings"),
    }
    return nouns.get(key, key)


def count_of(key: str, n: int) -> str:
    """``n`` entities of a table (or columns), counted in the current language."""
    forms = {
        "halls": ngettext("{n} hall", "{n} halls", n),
        "obstacles": ngettext("{n} obstacle", "{n} obstacles", n),
        COLUMN: ngettext("{n} column", "{n} columns", n),
        "doors": ngettext("{n} door", "{n} doors", n),
        "zones": ngettext("{n} zone", "{n} zones", n),
        "booths": ngettext("{n} booth", "{n} booths", n),
        "exhibitors": ngettext("{n} exhibitor", "{n} exhibitors", n),
        "booking_events": ngettext("{n} booking", "{n} bookings", n),
    }
    return forms.get(key, f"{n} {key}").format(n=n)


def named(table: str, entity: Any) -> str:
    """One entity as the history names it: "booth A-12", "column", "zone Ẩm thực"."""
    if table == "booths":
        return _("booth {number}").format(number=entity.number or entity.id)
    key = _noun_key(table, entity)
    if key == COLUMN:
        return _noun(COLUMN)
    name = getattr(entity, "name", "")
    noun = _noun(key)
    return _("{noun} {name}").format(noun=noun, name=name) if name else noun


def entities_of(plan: Plan, keys: Iterable[Key]) -> Iterator[tuple[str, Any]]:
    """The entities ``keys`` name that the plan still has."""
    for table, id_ in keys:
        entity = plan.get(table, id_)
        if entity is not None:
            yield table, entity


def what(plan: Plan, keys: Iterable[Key]) -> str:
    """The entities ``keys`` name, for an undo step."""
    items = list(entities_of(plan, keys))
    if len(items) == 1:
        return named(*items[0])
    counts: dict[str, int] = {}
    for table, entity in items:
        key = _noun_key(table, entity)
        counts[key] = counts.get(key, 0) + 1
    parts = [count_of(key, n) for key, n in counts.items()]
    if len(parts) <= 1:
        return "".join(parts)
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])
