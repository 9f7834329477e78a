"""``boothplan pack`` and ``boothplan check``: fill the zones with booths, list broken rules.

boothplan pack PLAN [--zone NAME]... [--target N] [--json] [--columns-in-booths] [--renumber]
boothplan check PLAN [--json]
"""

from __future__ import annotations

import argparse
from collections import Counter

from planner.cli.common import change_plan, load_plan, print_json
from planner.errors import BoothplanError
from planner.model import Patch, Plan
from planner.model.rules import check
from planner.wording import counted


def _pack(args: argparse.Namespace) -> int:
    from planner.packing import PackResult, pack

    if args.target is not None and args.target < 1:
        raise BoothplanError(f"--target {args.target} is not a number of booths; give 1 or more.")

    def change(plan: Plan) -> tuple[Patch, tuple[Plan, PackResult]]:
        result = pack(
            plan,
            zone_ids=args.zone or None,
            target=args.target,
            column_in_booth=args.columns_in_booths,
            renumber=args.renumber,
        )
        return result.patch, (plan, result)

    updated = change_plan(args.plan, "pack", change)
    plan, result = updated.result
    packed = updated.plan
    problems = check(packed)
    if args.json:
        data = result.report.to_dict()
        data["plan"] = str(args.plan)
        data["problems"] = len(problems)
        print_json(data)
    else:
        print(f"Packed {args.plan}: {plan.name}")
        print(result.report.to_text())
        if problems:
            print(f"{len(problems)} rule problems remain (kept booths); run boothplan check.")
        else:
            print("Every booth meets every rule.")
    return 0


def _freeze(args: argparse.Namespace) -> int:
    from planner.model.booking import find_booths
    from planner.model.frozen import freeze_numbers, unfreeze_numbers

    make = unfreeze_numbers if args.command == "unfreeze" else freeze_numbers

    def change(plan: Plan) -> tuple[Patch, Patch]:
        ids = [b.id for b in find_booths(plan, args.booths)] if args.booths else None
        patch = make(plan, ids)
        return patch, patch

    patch = change_plan(args.plan, args.command, change).result
    print(f"{patch.description}.")
    return 0


def _check(args: argparse.Namespace) -> int:
    plan = load_plan(args.plan)
    problems = check(plan)
    if args.json:
        print_json(
            {
                "plan": str(args.plan),
                "booths": len(plan.booths),
                "problems": [
                    {
                        "booth_id": p.booth_id,
                        "number": plan.booths[p.booth_id].number,
                        "rule": p.rule,
                        "message": p.message,
                    }
                    for p in problems
                ],
            }
        )
    else:
        for p in problems:
            print(f"{plan.booths[p.booth_id].number}\t{p.rule}\t{p.message}")
        if problems:
            counts = Counter(p.rule for p in problems)
            summary = ", ".join(f"{n} {rule}" for rule, n in counts.most_common())
            booths = len({p.booth_id for p in problems})
            print(
                f"{counted(len(problems), 'problem')} at {booths} of "
                f"{counted(len(plan.booths), 'booth')}: {summary}."
            )
        elif not plan.booths:
            print("No booths to check yet: the plan has none (boothplan pack makes them).")
        elif len(plan.booths) == 1:
            print("No problems: the one booth meets every rule.")
        else:
            print(f"No problems: all {len(plan.booths)} booths meet every rule.")
    return 1 if problems else 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pack_parser = subparsers.add_parser(
        "pack",
        help="fill the plan's zones with booths that meet the aisle rules",
        description="Fill the plan's zones (and hall floor in no zone) with booths, in place. "
        "Locked, held, reserved, sold and blocked booths, and booths whose numbers are frozen, "
        "stay where they are with their numbers; the other booths of the packed zones are "
        "replaced, a booth where one stood keeping its number, a new one taking a number no "
        "booth had. Prints a capacity report and what happened to the numbers.",
    )
    pack_parser.add_argument("plan", help="the .boothplan file to pack (changed in place)")
    pack_parser.add_argument(
        "--zone",
        action="append",
        metavar="NAME",
        help="pack only this zone (or, by hall name, that hall's floor in no zone); repeatable",
    )
    pack_parser.add_argument(
        "--target", type=int, metavar="N", help="say whether N booths fit, and what it would take"
    )
    pack_parser.add_argument("--json", action="store_true", help="print the report as JSON")
    pack_parser.add_argument(
        "--columns-in-booths",
        action="store_true",
        help="let a column stand inside a booth (flagged 'column') instead of losing the booth",
    )
    pack_parser.add_argument(
        "--renumber",
        action="store_true",
        help="let frozen booths move too, and number every new booth afresh (by default a "
        "booth keeps its number where one stood before, and frozen booths stay)",
    )
    pack_parser.set_defaults(func=_pack)

    for name, says in (
        ("freeze", "keep booths' numbers through re-packs (numbers quoted to exhibitors)"),
        ("unfreeze", "let a re-pack move and renumber booths again"),
    ):
        freeze = subparsers.add_parser(
            name,
            help=says,
            description=f"{says[0].upper()}{says[1:]}: every booth, or the booths named.",
        )
        freeze.add_argument("plan", help="the .boothplan file (changed in place)")
        freeze.add_argument("booths", nargs="*", metavar="BOOTH", help="booth numbers or ids")
        freeze.set_defaults(func=_freeze)

    check_parser = subparsers.add_parser(
        "check",
        help="list every broken floor rule, booth by booth (exit 1 when any)",
        description="Check every booth against the rules of the floor format: size, inside "
        "hall and zone, overlaps, obstacles, door clearances, a free aisle in front, aisles "
        "joined to a door, runs of at most 30 m. Exit status 1 when any rule is broken.",
    )
    check_parser.add_argument("plan", help="the .boothplan file to check")
    check_parser.add_argument("--json", action="store_true", help="print the problems as JSON")
    check_parser.set_defaults(func=_check)
