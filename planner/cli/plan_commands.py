"""``boothplan new``, ``info`` and ``export``: make a plan from a floor, describe it, write it out.

boothplan new --floor FLOOR.geojson -o PLAN.boothplan [--name "…"] [--force]
boothplan info PLAN [--json]
boothplan accept-changes PLAN
boothplan export PLAN -o OUT.geojson [--force]

An output that exists is replaced when Boothplan wrote it, and otherwise only with ``--force``
(see :mod:`planner.cli.outputs`); no command writes over the file it reads.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.cli.common import load_plan, open_for_reading, print_json
from planner.cli.outputs import GEOJSON, PLAN, check_output
from planner.errors import BoothplanError
from planner.formats.plan_file import FORMAT_VERSION, OpenedPlan, open_plan
from planner.formats.plan_store import save_new, save_over
from planner.model.plan import Plan
from planner.model.status import LABELS, STATUSES
from planner.wording import counted


def _new(args: argparse.Namespace) -> int:
    from planner.formats.geojson_floor import read_floor

    output = Path(args.output)
    check_output(output, [("floor", args.floor)], PLAN, args.force)
    notes: list[str] = []
    plan = read_floor(args.floor, notes)
    if args.name is not None:
        if not args.name.strip():
            raise BoothplanError("--name is empty; give the plan a name.")
        plan = plan.apply(plan.edit("Name").put(replace(plan.info, name=args.name)).build())
    if args.force:
        save_new(output, plan, "boothplan new")
    else:
        save_over(output, plan, None, "boothplan new")  # refused if the file appeared meanwhile
    print(
        f"Wrote {output}: {plan.name}: {counted(len(plan.halls), 'hall')}, "
        f"{counted(len(plan.zones), 'zone')}, {counted(len(plan.doors), 'door')}, "
        f"{counted(len(plan.obstacles), 'obstacle')}, {counted(len(plan.booths), 'booth')}."
    )
    for note in notes:
        print(f"Note: {note}.")
    return 0


def _area(value: float) -> float:
    return round(value, 2)


def describe(plan: Plan) -> dict[str, Any]:
    """The facts ``boothplan info --json`` prints (plain JSON-able values)."""
    booths_in_zone = Counter(b.zone_id for b in plan.booths.values())
    zones = []
    for zone in plan.zones.values():
        rules = plan.zone_rules(zone.id)
        zones.append(
            {
                "id": zone.id,
                "name": zone.name,
                "use": zone.use,
                "booth": list(rules.booth),
                "aisle": rules.aisle,
                "packable": rules.packable,
                "area_m2": _area(zone.geometry.area),
                "booths": booths_in_zone.get(zone.id, 0),
            }
        )
    statuses = Counter(b.status for b in plan.booths.values())
    by_status = {s: statuses.get(s, 0) for s in STATUSES}
    by_status.update({s: n for s, n in statuses.items() if s not in by_status})
    info = plan.info
    return {
        "name": info.name,
        "venue": info.venue,
        "dates": info.dates,
        "organizer": info.organizer,
        "revision": info.revision,
        "default_booth": list(info.booth),
        "default_aisle": info.aisle,
        "halls": len(plan.halls),
        "hall_area_m2": _area(sum(h.geometry.area for h in plan.halls.values())),
        "hall_list": [
            {"id": h.id, "name": h.name, "area_m2": _area(h.geometry.area)}
            for h in plan.halls.values()
        ],
        "obstacles": len(plan.obstacles),
        "doors": len(plan.doors),
        "entrances": sum(1 for d in plan.doors.values() if not d.is_exit),
        "exits": sum(1 for d in plan.doors.values() if d.is_exit),
        "zones": zones,
        "booths": len(plan.booths),
        "booths_in_no_zone": booths_in_zone.get(None, 0),
        "booth_area_m2": _area(sum(b.geometry.area for b in plan.booths.values())),
        "by_status": by_status,
        "exhibitors": len(plan.exhibitors),
        "booking_events": len(plan.booking_events),
    }


def _m(value: float) -> str:
    return f"{value:g}"


def describe_text(facts: dict[str, Any]) -> str:
    lines = [f"Plan: {facts['name']}"]
    for key in ("venue", "dates", "organizer"):
        if facts[key]:
            lines.append(f"{key.capitalize()}: {facts[key]}")
    lines.append(f"Revision: {facts['revision']}")
    # Parts and total at one precision, so the hall areas printed add up to the total printed.
    halls = "; ".join(f"{h['name']} {h['area_m2']:,.2f} m²" for h in facts["hall_list"])
    lines.append(f"Halls: {facts['halls']}, {facts['hall_area_m2']:,.2f} m² ({halls})")
    entrances, exits = counted(facts["entrances"], "entrance"), counted(facts["exits"], "exit")
    if facts["doors"]:
        doors = f"Doors: {facts['doors']} ({entrances}, {exits})"
    else:  # the rules then take every hall edge as a way in
        doors = "Doors: none (open air: every hall edge is a way in)"
    lines.append(f"{doors}; obstacles: {facts['obstacles']}")
    w, d = facts["default_booth"]
    lines.append(
        f"Outside zones: booths {_m(w)} × {_m(d)} m, aisles {_m(facts['default_aisle'])} m"
    )
    lines.append(f"Zones: {len(facts['zones'])}")
    for zone in facts["zones"]:
        w, d = zone["booth"]
        rule = (
            f"booths {_m(w)} × {_m(d)} m, aisles {_m(zone['aisle'])} m"
            if zone["packable"]
            else "kept free of booths"
        )
        lines.append(
            f"  {zone['name']} ({zone['use']}): {zone['area_m2']:,.2f} m², {rule}, "
            f"{counted(zone['booths'], 'booth')}"
        )
    statuses = ", ".join(
        f"{LABELS.get(s, s).lower()} {n}" for s, n in facts["by_status"].items() if n
    )
    booths = f"Booths: {facts['booths']}"
    if facts["booths"]:
        booths += f" ({statuses}); {facts['booth_area_m2']:,.2f} m² of booths"
    lines.append(booths)
    lines.append(f"Exhibitors: {facts['exhibitors']}")
    return "\n".join(lines)


def _saved(opened: OpenedPlan) -> dict[str, Any]:
    stamp = opened.stamp
    return {
        "revision": stamp.revision,
        "saved_at": stamp.saved_at or None,
        "saved_by": stamp.saved_by or None,
        "format_version": opened.format_version,
        "changed_outside": list(opened.changed_tables),
    }


def _saved_text(saved: dict[str, Any]) -> str:
    if saved["saved_at"]:
        when = saved["saved_at"].replace("T", " ").replace("Z", " UTC")
        line = f"File: save {saved['revision']}, {when} by {saved['saved_by']}"
    else:
        line = "File: saved by an earlier Boothplan"
    if saved["format_version"] < FORMAT_VERSION:
        line += f" (format version {saved['format_version']}: the next save upgrades it)"
    if saved["changed_outside"]:
        tables = ", ".join(saved["changed_outside"])
        line += f"; changed outside Boothplan since (in {tables})"
    return line


def _info(args: argparse.Namespace) -> int:
    opened = open_for_reading(args.plan)
    facts = describe(opened.plan)
    saved = _saved(opened)
    if args.json:
        print_json({"file": str(args.plan), **facts, "saved": saved})
    else:
        print(describe_text(facts))
        print(_saved_text(saved))
    return 0


def _accept_changes(args: argparse.Namespace) -> int:
    path = Path(args.plan)
    opened = open_plan(path)
    if not opened.changed_outside:
        print(f"{path} is as Boothplan saved it: there are no outside changes to accept.")
        return 0
    save_over(path, opened.plan, opened.version, "boothplan accept-changes")
    tables = ", ".join(opened.changed_tables)
    print(
        f"Accepted the changes made outside Boothplan to {path} (in {tables}); "
        "Boothplan writes to it again."
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from planner.formats.geojson_floor import write_geojson

    source, output = Path(args.plan), Path(args.output)
    check_output(output, [("plan", source)], GEOJSON, args.force)
    plan = load_plan(source)
    write_geojson(plan, output)
    print(
        f"Wrote {output}: {counted(len(plan.halls), 'hall')}, {counted(len(plan.booths), 'booth')}."
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = subparsers.add_parser(
        "new",
        help="make a plan file from a GeoJSON floor",
        description="Make a plan file from a floor in GeoJSON (halls, obstacles, doors, zones).",
    )
    new.add_argument("--floor", required=True, metavar="FLOOR.geojson", help="the floor to import")
    new.add_argument(
        "-o", "--output", required=True, metavar="PLAN.boothplan", help="the plan file to make"
    )
    new.add_argument("--name", help="the plan's name (default: the floor's name)")
    new.add_argument("--force", action="store_true", help="replace the output if it exists")
    new.set_defaults(func=_new)

    info = subparsers.add_parser(
        "info", help="describe a plan", description="Describe a plan: halls, zones, booths."
    )
    info.add_argument("plan", metavar="PLAN", help="a .boothplan file")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    info.set_defaults(func=_info)

    accept = subparsers.add_parser(
        "accept-changes",
        help="keep the changes another program made to a plan (Datasette, sqlite-utils)",
        description="A plan edited outside Boothplan (its checksums no longer match) is read "
        "but never written over. After checking it (boothplan info, check, or the app), this "
        "keeps it as it is now: Boothplan saves it with fresh checksums and writes to it again.",
    )
    accept.add_argument("plan", metavar="PLAN", help="a .boothplan file")
    accept.set_defaults(func=_accept_changes)

    export = subparsers.add_parser(
        "export",
        help="write a plan as GeoJSON",
        description="Write a plan as GeoJSON: the floor plus one booth feature per booth.",
    )
    export.add_argument("plan", metavar="PLAN", help="a .boothplan file")
    export.add_argument(
        "-o", "--output", required=True, metavar="OUT.geojson", help="the GeoJSON file to write"
    )
    export.add_argument(
        "--force", action="store_true", help="replace the output even if Boothplan did not write it"
    )
    export.set_defaults(func=_export)
