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

from planner.formats.exhibitors_csv import read_exhibitors, write_exhibitors  # noqa: E402
from planner.formats.geojson_floor import read_floor  # noqa: E402
from planner.model import Plan  # noqa: E402
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
    return 0


def _import_and_allocate(floor: Plan) -> Plan:
    plan = floor.apply(read_exhibitors(LIST, floor).patch)
    return plan.apply(allocate(plan).patch)


if __name__ == "__main__":
    raise SystemExit(main())
