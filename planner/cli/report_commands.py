"""``boothplan prices`` and ``boothplan report``: what booths cost and what is sold.

boothplan prices PLAN [--default X] [--zone NAME --per-m2 X | --zone NAME --clear]
                      [--corner-premium 0.1] [--currency VND] [--json]
boothplan report PLAN [--json | --csv] [-o FILE]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from planner.atomic_file import write_atomically
from planner.cli.common import change_plan, load_plan, print_json
from planner.cli.outputs import REPORT, check_output
from planner.errors import BoothplanError
from planner.model import Patch, Plan
from planner.model.natural_order import natural_key
from planner.model.pricing import (
    booth_prices,
    corner_booth_ids,
    price_per_m2,
    set_corner_premium,
    set_default_price,
    set_zone_price,
)
from planner.model.reports import build_report


def _price_changes(args: argparse.Namespace, plan: Plan) -> tuple[Patch, None]:
    """The patch that sets every price the command line asked for, one step after another."""
    patch = Patch()
    changed = plan
    if args.default is not None:
        step = set_default_price(changed, args.default)
        changed, patch = changed.apply(step), patch.then(step)
    if args.zone:
        step = set_zone_price(changed, args.zone, None if args.clear else args.per_m2)
        changed, patch = changed.apply(step), patch.then(step)
    if args.corner_premium is not None:
        step = set_corner_premium(changed, args.corner_premium)
        changed, patch = changed.apply(step), patch.then(step)
    if args.currency:
        step = (
            changed.edit("Set currency")
            .put(replace(changed.info, currency=args.currency.strip().upper()))
            .build()
        )
        changed, patch = changed.apply(step), patch.then(step)
    return patch, None


def _prices(args: argparse.Namespace) -> int:
    if (args.per_m2 is not None or args.clear) and not args.zone:
        raise BoothplanError("--per-m2 and --clear set a zone's price; name the zone with --zone.")
    if args.zone and args.per_m2 is None and not args.clear:
        raise BoothplanError(f"Give --per-m2 X (or --clear) for the zone {args.zone!r}.")
    setting = args.default is not None or args.corner_premium is not None
    if setting or args.zone or args.currency:
        plan = change_plan(args.plan, "prices", lambda p: _price_changes(args, p)).plan
    else:
        plan = load_plan(args.plan)
    info = plan.info
    prices = booth_prices(plan)
    corners = corner_booth_ids(plan)
    if args.json:
        zone_names: dict[str | None, str] = {z.id: z.name for z in plan.zones.values()}
        print_json(
            {
                "currency": info.currency,
                "price_per_m2": info.price_per_m2,
                "corner_premium": info.corner_premium,
                "zones": {z.name: z.price_per_m2 for z in plan.zones.values()},
                "booths": [
                    {
                        "number": b.number,
                        "zone": zone_names.get(b.zone_id),
                        "area_m2": round(b.geometry.area, 2),
                        "per_m2": price_per_m2(plan, b),
                        "corner": b.id in corners,
                        "price": round(prices[b.id], 2),
                        "status": b.status,
                    }
                    for b in sorted(plan.booths.values(), key=lambda b: natural_key(b.number))
                ],
            }
        )
        return 0
    # Feature zones (a stage, a lounge) never hold booths: a price line for them is noise.
    booth_zones = {b.zone_id for b in plan.booths.values()}
    zones = [
        z for z in plan.zones.values() if plan.zone_rules(z.id).packable or z.id in booth_zones
    ]
    unpriced = not info.price_per_m2 and all(z.price_per_m2 is None for z in zones)
    default = "not set" if unpriced else f"{info.price_per_m2:,.2f} {info.currency}/m²"
    print(
        f"Default price: {default}; "
        f"corner premium {info.corner_premium:.0%} ({len(corners)} corner booths)."
    )
    for zone in zones:
        own = (
            f"{zone.price_per_m2:,.2f} {info.currency}/m²"
            if zone.price_per_m2 is not None
            else ("not set" if unpriced else "plan default")
        )
        print(f"  {zone.name}: {own}")
    total = sum(prices.values())
    print(f"{len(prices)} booths, list value {total:,.0f} {info.currency}.")
    if unpriced:
        print("No price is set yet: give one with --default X, or --zone NAME --per-m2 X.")
    return 0


def _report(args: argparse.Namespace) -> int:
    if args.output:
        check_output(args.output, [("plan", args.plan)], REPORT, args.force)
    report = build_report(load_plan(args.plan))
    if args.json:
        import json

        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.csv:
        text = report.to_csv()
    else:
        text = report.to_text()
    if args.output:
        encoding = "utf-8-sig" if args.csv else "utf-8"  # Excel needs the BOM for Vietnamese
        data = text.encode(encoding)
        write_atomically(args.output, lambda temp: temp.write_bytes(data))
        print(f"Wrote the report to {args.output}.")
    else:
        sys.stdout.write(text)
    return 0


def _money(text: str) -> float:
    try:
        value = float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    return value


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "prices",
        help="show or set booth prices",
        description="Show the plan's prices, or set them: a price per m² for the plan and for "
        "each zone, a premium for corner booths, and the currency. A booth's price is its area "
        "times the price per m² of its zone (or the plan's), plus the premium if it is a corner.",
    )
    p.add_argument("plan", help="the .boothplan file (changed when a price is set)")
    p.add_argument("--default", type=_money, metavar="X", help="the plan's price per m²")
    p.add_argument("--zone", metavar="NAME", help="a zone, by name or id")
    p.add_argument("--per-m2", type=_money, metavar="X", help="the zone's own price per m²")
    p.add_argument("--clear", action="store_true", help="the zone takes the plan's price again")
    p.add_argument(
        "--corner-premium",
        type=_money,
        metavar="F",
        help="fraction added for corner booths (0.1 = 10 %%)",
    )
    p.add_argument("--currency", metavar="CODE", help="e.g. VND, USD, CNY")
    p.add_argument("--json", action="store_true", help="every booth's price as JSON")
    p.set_defaults(func=_prices)

    p = subparsers.add_parser(
        "report",
        help="booths, area and revenue by status, zone, sector",
        description="The sales report: booths, area and value by status, hall, zone, sector, "
        "country and exhibitor, with revenue sold, held and still available.",
    )
    p.add_argument("plan", help="the .boothplan file")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON instead of text")
    form.add_argument("--csv", action="store_true", help="print CSV (UTF-8 with BOM for Excel)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to a file instead of the screen")
    p.add_argument(
        "--force", action="store_true", help="replace the output even if Boothplan did not write it"
    )
    p.set_defaults(func=_report)
