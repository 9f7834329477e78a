"""How fast the exhibitor work runs on the Lào Cai fair: import the 64-row list, allocate it,
price and report it. Target: import plus allocation well under a second.

    .venv/bin/python benchmarks/bench_exhibitors.py [--repeat 5]

The floor's booths come from the packer (``planner.packing.pack``); if the packer cannot be
imported, simple double rows stand in, and the output says so.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shapely import box  # noqa: E402

from planner.formats.exhibitors_csv import read_exhibitors, write_exhibitors  # noqa: E402
from planner.formats.geojson_floor import read_floor  # noqa: E402
from planner.model import Booth, Exhibitor, Plan  # noqa: E402
from planner.model.pricing import booth_prices, corner_booth_ids  # noqa: E402
from planner.model.reports import build_report  # noqa: E402
from planner.packing.allocate import allocate  # noqa: E402

SHARED = ROOT.parent / "shared"
FLOOR = SHARED / "floors" / "laocai-fair-2025.geojson"
LIST = SHARED / "exhibitors" / "laocai-fair-2025.csv"


def booths_on(floor: Plan) -> tuple[Plan, str]:
    try:
        from planner.packing import pack

        return floor.apply(pack(floor).patch), "planner.packing.pack"
    except Exception as error:  # the packer is another engineer's; measure without it
        sys.path.insert(0, str(ROOT / "tests" / "exhibitors"))
        from exhibitor_fixtures import rows_on_floor

        return rows_on_floor(floor), f"simple rows (packer unavailable: {error!r})"


def timed(label: str, repeat: int, work: Callable[[], object]) -> object:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    print(
        f"  {label:<38} median {statistics.median(times) * 1000:8.1f} ms"
        f"   max {max(times) * 1000:8.1f} ms"
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    floor, source = booths_on(read_floor(FLOOR))
    print(f"Lào Cai floor: {len(floor.booths)} booths from {source}; list {LIST.name}")

    imported = timed(
        "import 64 rows (read + patch)", args.repeat, lambda: read_exhibitors(LIST, floor)
    )
    plan = floor.apply(imported.patch)
    result = timed("allocate", args.repeat, lambda: allocate(plan))
    both = timed(
        "import + apply + allocate + apply", args.repeat, lambda: _import_and_allocate(floor)
    )
    allocated = plan.apply(result.patch)
    timed("corner booths (whole floor)", args.repeat, lambda: corner_booth_ids(allocated))
    timed("booth prices (whole floor)", args.repeat, lambda: booth_prices(allocated))
    timed("build report", args.repeat, lambda: build_report(allocated))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.csv"
        timed("export CSV", args.repeat, lambda: write_exhibitors(allocated, out))
    placed = sum(len(p.booth_ids) for p in result.placed)
    print(
        f"Placed {len(result.placed)} of {len(plan.exhibitors)} exhibitors on {placed} booths;"
        f" {len(result.unplaced)} not placed."
    )
    for unplaced in result.unplaced:
        print(f"  not placed: {unplaced.name}: {unplaced.reason}")
    del both
    big = _big_fair()
    print(
        f"Synthetic fair: {len(big.booths)} booths in 10 blocks, {len(big.exhibitors)} exhibitors"
    )
    result = timed("allocate (big fair)", max(1, args.repeat // 2), lambda: allocate(big))
    timed("corner booths (big fair)", args.repeat, lambda: corner_booth_ids(big))
    timed("build report (big fair)", args.repeat, lambda: build_report(big.apply(result.patch)))
    return 0


def _big_fair() -> Plan:
    """3000 booths in ten double rows of 150, and 1000 exhibitors asking for 1 to 4 booths."""
    booths = []
    for block in range(10):
        for row in range(2):
            for col in range(150):
                n = len(booths) + 1
                geometry = box(col * 3, block * 9 + row * 3, col * 3 + 3, block * 9 + row * 3 + 3)
                booths.append(Booth(id=f"booth-{n}", number=f"R{block}-{n}", geometry=geometry))
    sectors = ("textiles", "machinery", "furniture", "agriculture")
    people = [
        Exhibitor(
            id=f"exhibitor-{i}", name=f"Công ty {i}", sector=sectors[i % 4], booths_wanted=1 + i % 4
        )
        for i in range(1, 1001)
    ]
    return Plan.from_entities([*booths, *people])


def _import_and_allocate(floor: Plan) -> Plan:
    plan = floor.apply(read_exhibitors(LIST, floor).patch)
    return plan.apply(allocate(plan).patch)


if __name__ == "__main__":
    raise SystemExit(main())
