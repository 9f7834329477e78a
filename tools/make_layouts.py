"""Make the sample plans in ``layouts/`` from the floors in ``../shared/floors/``.

    .venv/bin/python tools/make_layouts.py                 # the default steps, write layouts/
    .venv/bin/python tools/make_layouts.py --steps import pack allocate
    .venv/bin/python tools/make_layouts.py --check         # do the committed layouts match?

Each layout goes through a list of steps, in order, each a function ``plan -> plan``:

* ``import``   -- the GeoJSON floor (halls, obstacles, doors, zones), always first;
* ``pack``     -- fill the zones with booths (``planner.packing.pack``);
* ``allocate`` -- read the floor's exhibitor list from ``../shared/exhibitors/`` and place the
  exhibitors on booths (``planner.packing.allocate``); needs ``pack`` before it.

``DEFAULT_STEPS`` says which steps make the committed layouts; add ``"pack"`` and
``"allocate"`` there once the packer and the allocator are settled, and run the script again.
Every step is deterministic (fixed timestamps), so a re-run gives the same plans.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.errors import BoothplanError  # noqa: E402
from planner.formats.geojson_floor import read_floor  # noqa: E402
from planner.formats.plan_file import Stamp, read_plan, write_plan  # noqa: E402
from planner.model import Plan  # noqa: E402

SHARED = ROOT.parent / "shared"
LAYOUTS = ROOT / "layouts"
FIXED_TIME = "2025-10-01T08:00:00Z"  # booking history of generated layouts: reproducible


@dataclass(frozen=True)
class Layout:
    name: str  # file stem in layouts/
    floor: Path
    exhibitors: Path | None  # the exhibitor list to allocate, if the event has one


LAYOUT_LIST: tuple[Layout, ...] = (
    Layout(
        "laocai-fair-2025",
        SHARED / "floors" / "laocai-fair-2025.geojson",
        SHARED / "exhibitors" / "laocai-fair-2025.csv",
    ),
    Layout(
        "haiphong-tranphu-sidewalk", SHARED / "floors" / "haiphong-tranphu-sidewalk.geojson", None
    ),
    Layout(
        "sonla-week-coopmart",
        SHARED / "floors" / "sonla-week-coopmart.geojson",
        SHARED / "exhibitors" / "sonla-week.csv",
    ),
)

DEFAULT_STEPS: tuple[str, ...] = ("import", "pack", "allocate")


def _pack(plan: Plan, layout: Layout) -> Plan:
    from planner.packing import pack

    result = pack(plan)
    print(f"  pack: {len(result.patch)} changes")
    return plan.apply(result.patch)


def _allocate(plan: Plan, layout: Layout) -> Plan:
    if layout.exhibitors is None:
        return plan
    from planner.formats.exhibitors_csv import read_exhibitors
    from planner.packing.allocate import allocate

    imported = read_exhibitors(layout.exhibitors, plan)
    plan = plan.apply(imported.patch)
    result = allocate(plan, at=FIXED_TIME)
    print(f"  allocate: {len(result.placed)} placed, {len(result.unplaced)} not placed")
    return plan.apply(result.patch)


STEPS: dict[str, Callable[[Plan, Layout], Plan]] = {"pack": _pack, "allocate": _allocate}


def build(layout: Layout, steps: tuple[str, ...]) -> Plan:
    plan = read_floor(layout.floor)
    for step in steps:
        if step != "import":
            plan = STEPS[step](plan, layout)
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the sample plans in layouts/.")
    parser.add_argument(
        "--steps", nargs="+", choices=["import", *STEPS], default=list(DEFAULT_STEPS)
    )
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=LAYOUTS, help="folder to write (layouts/)")
    args = parser.parse_args(argv)
    steps = tuple(args.steps)
    if steps[0] != "import":
        steps = ("import", *steps)
    if "allocate" in steps and "pack" not in steps:
        parser.error("allocate needs pack before it (there are no booths to allocate)")
    differ = 0
    try:
        for layout in LAYOUT_LIST:
            path = args.out / f"{layout.name}.boothplan"
            print(f"{layout.name}: {' -> '.join(steps)}")
            plan = build(layout, steps)
            if args.check:
                same = path.exists() and read_plan(path) == plan
                differ += not same
                print(f"  {'same as' if same else 'DIFFERENT from'} {path}")
                continue
            args.out.mkdir(parents=True, exist_ok=True)
            # A fixed stamp, so that running the script again writes the same bytes.
            write_plan(plan, path, Stamp(1, f"layout-{layout.name}", FIXED_TIME, "make_layouts"))
            print(f"  wrote {path}: {len(plan.booths)} booths, {len(plan.exhibitors)} exhibitors")
    except BoothplanError as error:
        print(f"make_layouts: {error}", file=sys.stderr)
        return 2
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
