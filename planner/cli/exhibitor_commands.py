"""``boothplan exhibitors ...``: import, export, list and allocate exhibitors; book booths.

    boothplan exhibitors import PLAN FILE.csv [--skip-bad] [--add-sectors] [--dry-run]
    boothplan exhibitors export PLAN -o FILE.csv
    boothplan exhibitors list PLAN [--json]
    boothplan exhibitors allocate PLAN [--dry-run] [--json] [--only EXHIBITOR ...]
    boothplan exhibitors assign PLAN EXHIBITOR BOOTH... [--status reserved]
    boothplan exhibitors release PLAN BOOTH...
    boothplan exhibitors move PLAN FROM_BOOTH TO_BOOTH
    boothplan exhibitors status PLAN STATUS BOOTH...
    boothplan exhibitors history PLAN BOOTH
    boothplan exhibitors remove PLAN EXHIBITOR
    boothplan exhibitors sectors PLAN [--add NAME ...]

A command that changes the plan writes it back atomically only when something changed; a
refused command leaves the file exactly as it was.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TypedDict, TypeVar

from planner.cli.common import change_plan, load_plan, print_json
from planner.cli.outputs import EXHIBITOR_LIST, check_output
from planner.formats.exhibitors_csv import ImportResult, read_exhibitors, write_exhibitors
from planner.model import Patch, Plan
from planner.model.booking import assign, find_booths, history, move, release, set_status
from planner.model.natural_order import natural_key
from planner.model.roster import add_sectors, find_exhibitor, known_sectors, remove_exhibitor
from planner.model.sectors import SECTORS
from planner.model.status import LABELS, parse_status
from planner.packing.allocate import AllocationResult, allocate

T = TypeVar("T")
PLAN_HELP = "the .boothplan file"


class _ExhibitorRow(TypedDict):
    """One exhibitor as ``exhibitor list`` shows it (``--json`` prints these as they are)."""

    id: str
    name: str
    name_en: str
    country: str
    sector: str
    booths_wanted: int
    booking_status: str
    booths: list[str]
    email: str
    phone: str
    contact: str
    notes: str
    co_exhibitors: list[str]


def _status_arg(text: str) -> str:
    try:
        return parse_status(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _changed(
    args: argparse.Namespace, command: str, change: Callable[[Plan], tuple[Patch, T]]
) -> tuple[Plan, T]:
    """Run ``change`` on the plan and save it (on a dry run: only read and report)."""
    if getattr(args, "dry_run", False):
        plan = load_plan(args.plan)
        return plan, change(plan)[1]
    updated = change_plan(args.plan, f"exhibitors {command}", change)
    return updated.plan, updated.result


def _import(args: argparse.Namespace) -> int:
    def change(plan: Plan) -> tuple[Patch, ImportResult]:
        result = read_exhibitors(
            args.csv, plan, skip_bad=args.skip_bad, add_sectors=args.add_sectors
        )
        return result.patch, result

    _, result = _changed(args, "import", change)
    for bad in result.bad_rows:
        print(f"skipped: {bad.message}", file=sys.stderr)
    summary = result.summary(args.csv)
    if result.new_sectors:
        summary += f" Added sectors: {', '.join(result.new_sectors)}."
    if result.ignored_columns:
        summary += f" Ignored columns: {', '.join(result.ignored_columns)}."
    print(summary + (" (dry run: nothing saved)" if args.dry_run else ""))
    return 0


def _export(args: argparse.Namespace) -> int:
    check_output(args.output, [("plan", args.plan)], EXHIBITOR_LIST, args.force)
    plan = load_plan(args.plan)
    count = write_exhibitors(plan, args.output)
    print(f"Wrote {count} exhibitors to {args.output}.")
    return 0


def _list(args: argparse.Namespace) -> int:
    plan = load_plan(args.plan)
    held: dict[str, list[str]] = {}
    for booth in plan.booths.values():
        if booth.exhibitor_id:
            held.setdefault(booth.exhibitor_id, []).append(booth.number or booth.id)
    rows: list[_ExhibitorRow] = []
    for e in plan.exhibitors.values():
        rows.append(
            {
                "id": e.id,
                "name": e.name,
                "name_en": e.name_en,
                "country": e.country,
                "sector": e.sector,
                "booths_wanted": e.booths_wanted,
                "booking_status": e.booking_status,
                "booths": sorted(held.get(e.id, []), key=natural_key),
                "email": e.email,
                "phone": e.phone,
                "contact": e.contact,
                "notes": e.notes,
                "co_exhibitors": list(e.co_exhibitors),
            }
        )
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        booths = ", ".join(row["booths"]) or "-"
        print(
            f"{row['id']}\t{row['name']}\t{row['country']}\t{row['sector']}\t"
            f"{len(row['booths'])}/{row['booths_wanted']}\t{booths}"
        )
    print(f"{len(rows)} exhibitors.")
    return 0


def _allocate(args: argparse.Namespace) -> int:
    def change(plan: Plan) -> tuple[Patch, tuple[AllocationResult, list[dict[str, object]]]]:
        only = [find_exhibitor(plan, ref).id for ref in args.only] if args.only else None
        result = allocate(plan, exhibitor_ids=only)
        return result.patch, (result, _short_of_booths(plan, only))

    _, (result, short) = _changed(args, "allocate", change)
    if args.json:
        data = result.to_dict()
        data["short"] = short
        print_json(data)
        return 0
    sys.stdout.write(result.to_text())
    if short:
        print("Left alone, as they already hold booths (give more with exhibitors assign):")
        for row in short:
            print(f"  {row['name']}: holds {row['holds']} of the {row['wanted']} booths asked for")
    if args.dry_run:
        print("(dry run: nothing saved)")
    return 0


def _short_of_booths(plan: Plan, only: list[str] | None) -> list[dict[str, object]]:
    """Allocation leaves alone exhibitors that hold some booths; say who still wants more, or
    a raised booth count in a re-imported list looks as if it were ignored."""
    held: dict[str, int] = {}
    for booth in plan.booths.values():
        if booth.exhibitor_id:
            held[booth.exhibitor_id] = held.get(booth.exhibitor_id, 0) + 1
    return [
        {"id": e.id, "name": e.name, "holds": held[e.id], "wanted": e.booths_wanted}
        for e in plan.exhibitors.values()
        if 0 < held.get(e.id, 0) < e.booths_wanted and (only is None or e.id in only)
    ]


def _book(args: argparse.Namespace, make_patch: Callable[[Plan], Patch]) -> int:
    """One booking change: read the plan, make the patch, save atomically, say what was done."""
    _, patch = _changed(args, args.exhibitors_command, lambda plan: _twice(make_patch(plan)))
    print(f"{patch.description if patch else 'Nothing changed'}.")
    return 0


def _twice(patch: Patch) -> tuple[Patch, Patch]:
    return patch, patch


def _assign(args: argparse.Namespace) -> int:
    return _book(
        args,
        lambda plan: assign(
            plan, args.booths, find_exhibitor(plan, args.exhibitor).id, args.status
        ),
    )


def _release(args: argparse.Namespace) -> int:
    return _book(args, lambda plan: release(plan, args.booths))


def _move(args: argparse.Namespace) -> int:
    return _book(args, lambda plan: move(plan, args.from_booth, args.to_booth))


def _status(args: argparse.Namespace) -> int:
    return _book(args, lambda plan: set_status(plan, args.booths, args.status))


def _history(args: argparse.Namespace) -> int:
    plan = load_plan(args.plan)
    booth = find_booths(plan, [args.booth])[0]
    events = history(plan, booth.id)
    for event in events:
        who = plan.exhibitors.get(event.exhibitor_id) if event.exhibitor_id else None
        name = who.name if who else (event.exhibitor_id or "-")
        line = f"{event.at}\t{event.action}\t{LABELS.get(event.status, event.status)}\t{name}"
        print(f"{line}\t{event.note}" if event.note else line)
    count = len(events)
    print(f"{count} change{'' if count == 1 else 's'} to booth {booth.number}.")
    return 0


def _remove(args: argparse.Namespace) -> int:
    def change(plan: Plan) -> tuple[Patch, Patch]:
        return _twice(remove_exhibitor(plan, find_exhibitor(plan, args.exhibitor).id))

    _, patch = _changed(args, "remove", change)
    print(f"{patch.description}.")
    return 0


def _sectors(args: argparse.Namespace) -> int:
    if args.add:
        plan, _ = _changed(args, "sectors", lambda plan: (add_sectors(plan, args.add), None))
    else:
        plan = load_plan(args.plan)
    for sector in known_sectors(plan):
        print(sector if sector in SECTORS else f"{sector}\t(added)")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "exhibitors",
        help="import, export, list and allocate exhibitors; book booths",
        description="Exhibitors and their booths: import and export CSV lists, allocate free "
        "booths, and assign, release, move or set the status of booths by hand.",
    )
    commands = parser.add_subparsers(dest="exhibitors_command", metavar="ACTION", required=True)

    p = commands.add_parser(
        "import",
        help="read exhibitors from a CSV file into the plan",
        description=(
            "Read exhibitors from a CSV file (UTF-8, first line naming the columns: name,"
            " booths, sector, status, ...) into the plan. An exhibitor already in the "
            "plan under the same name is updated. A file with a bad row is refused whole "
            "unless --skip-bad is given; the plan is then unchanged."
        ),
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("csv", metavar="FILE.csv", help="the exhibitor list to read")
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the good rows and list the bad ones (default: refuse the file)",
    )
    p.add_argument(
        "--add-sectors",
        action="store_true",
        help="add unknown sectors to the plan instead of refusing their rows",
    )
    p.add_argument("--dry-run", action="store_true", help="check and report, save nothing")
    p.set_defaults(func=_import)

    p = commands.add_parser(
        "export",
        help="write the plan's exhibitors to a CSV file",
        description=(
            "Write the plan's exhibitors, with the booths they hold, to a CSV file that "
            "Excel opens with Vietnamese and Chinese names intact and that exhibitors "
            "import reads back."
        ),
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE.csv", help="the CSV file to write"
    )
    p.add_argument(
        "--force", action="store_true", help="replace the output even if Boothplan did not write it"
    )
    p.set_defaults(func=_export)

    p = commands.add_parser(
        "list",
        help="list exhibitors and the booths they hold",
        description=(
            "List every exhibitor: id, name, country, sector, booths held of booths asked"
            " for, and booth numbers."
        ),
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_list)

    p = commands.add_parser(
        "allocate",
        help="give waiting exhibitors free booths",
        description=(
            "Give each exhibitor still waiting for booths free, neighbouring booths in "
            "the zone that suits it (cars in a car zone, food in a culinary zone), "
            "confirmed exhibitors first."
        ),
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("--dry-run", action="store_true", help="show the allocation, save nothing")
    p.add_argument("--json", action="store_true", help="print the allocation as JSON")
    p.add_argument(
        "--only", nargs="+", metavar="EXHIBITOR", help="allocate only these (ids or names)"
    )
    p.set_defaults(func=_allocate)

    p = commands.add_parser(
        "assign",
        help="give booths to an exhibitor",
        description=(
            "Give booths to an exhibitor, with the status you choose; each change is kept"
            " in the booth's history."
        ),
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("exhibitor", help="exhibitor id or name")
    p.add_argument("booths", nargs="+", metavar="BOOTH", help="booth numbers or ids")
    p.add_argument(
        "--status",
        type=_status_arg,
        default="reserved",
        help="on hold, reserved or confirmed (default reserved)",
    )
    p.set_defaults(func=_assign)

    p = commands.add_parser(
        "release",
        help="make booths available again",
        description="Make booths available again, taking them from their exhibitors.",
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("booths", nargs="+", metavar="BOOTH", help="booth numbers or ids")
    p.set_defaults(func=_release)

    p = commands.add_parser(
        "move",
        help="move an exhibitor from one booth to a free one",
        description="Move an exhibitor, with its status, from one booth to a free one.",
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("from_booth", metavar="FROM", help="the booth the exhibitor holds")
    p.add_argument("to_booth", metavar="TO", help="the free booth to move to")
    p.set_defaults(func=_move)

    p = commands.add_parser(
        "status",
        help="set booths' status (available, on hold, blocked...)",
        description=(
            "Set the status of booths: available, on hold, reserved, confirmed (sold) or blocked."
        ),
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument(
        "status", type=_status_arg, help="available, on hold, reserved, confirmed or blocked"
    )
    p.add_argument("booths", nargs="+", metavar="BOOTH", help="booth numbers or ids")
    p.set_defaults(func=_status)

    p = commands.add_parser(
        "history",
        help="show a booth's booking history",
        description="Show every booking change of one booth, oldest first.",
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("booth", metavar="BOOTH", help="a booth number or id")
    p.set_defaults(func=_history)

    p = commands.add_parser(
        "remove",
        help="delete an exhibitor, releasing its booths",
        description="Delete an exhibitor from the plan; its booths become available.",
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("exhibitor", help="exhibitor id or name")
    p.set_defaults(func=_remove)

    p = commands.add_parser(
        "sectors",
        help="list sectors; --add adds your own",
        description="List the sectors exhibitors may belong to; --add adds your own.",
    )
    p.add_argument("plan", help=PLAN_HELP)
    p.add_argument("--add", nargs="+", metavar="NAME", default=[], help="sectors to add")
    p.set_defaults(func=_sectors)
