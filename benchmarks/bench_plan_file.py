"""How long saving and reopening a .boothplan takes, for a real fair and for a huge one.

Targets: 550 booths save and reopen in well under 0.1 s; 60,000 booths in under 3 s.

    .venv/bin/python benchmarks/bench_plan_file.py [--repeat N]

Prints one line per size: the median and best of N runs of save, open and both, plus the file
size. Nothing is asserted: the figures are for people to read (tests are never timed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from shapely.geometry import box

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.formats.geojson_floor import read_floor, write_geojson
from planner.formats.plan_file import read_plan, write_plan
from planner.model import Booth, Exhibitor, Hall, Plan, PlanInfo, Zone
from planner.model.status import CONFIRMED, RESERVED


def make_plan(booths: int) -> Plan:
    """A floor with ``booths`` 3 x 3 m booths in rows of 100, a third of them taken."""
    rows = (booths + 99) // 100
    width, depth = 100 * 3.0, rows * 6.0
    entities: list = [
        PlanInfo(name=f"Benchmark, {booths} booths – Hội chợ 大理"),
        Hall("hall-1", "Nhà A", box(0, 0, width, depth)),
        Zone("zone-1", "Ẩm thực 云南", "culinary", box(0, 0, width / 2, depth)),
    ]
    exhibitors = (booths + 2) // 3  # booth i (i % 3 == 0) goes to exhibitor i // 3 + 1
    entities += [
        Exhibitor(f"exhibitor-{i}", f"Công ty {i} 有限公司") for i in range(1, exhibitors + 1)
    ]
    for i in range(booths):
        x, y = (i % 100) * 3.0, (i // 100) * 6.0
        taken = i % 3 == 0
        entities.append(
            Booth(
                f"booth-{i + 1}",
                f"{chr(65 + (i // 100) % 26)}{i % 100 + 1:03d}",
                box(x, y, x + 3.0, y + 3.0),
                zone_id="zone-1" if x < width / 2 else None,
                status=(CONFIRMED if i % 2 else RESERVED) if taken else "available",
                exhibitor_id=f"exhibitor-{i // 3 + 1}" if taken else None,
                locked=i % 10 == 0,
            )
        )
    return Plan.from_entities(entities)


def measure(booths: int, repeat: int, folder: Path) -> dict[str, float]:
    plan = make_plan(booths)
    path = folder / f"bench-{booths}.boothplan"
    saves, opens = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        write_plan(plan, path)
        saved = time.perf_counter()
        again = read_plan(path)
        opened = time.perf_counter()
        saves.append(saved - started)
        opens.append(opened - saved)
    if again != plan:
        raise SystemExit(f"round trip of {booths} booths gave a different plan")
    totals = [s + o for s, o in zip(saves, opens, strict=True)]
    return {
        "save": statistics.median(saves),
        "open": statistics.median(opens),
        "total": statistics.median(totals),
        "best": min(totals),
        "bytes": path.stat().st_size,
    }


def measure_geojson(booths: int, repeat: int, folder: Path) -> dict[str, float]:
    """GeoJSON export and import, for comparison (no target: plan files are the working format)."""
    plan = make_plan(booths)
    path = folder / f"bench-{booths}.geojson"
    writes, reads = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        write_geojson(plan, path)
        written = time.perf_counter()
        again = read_floor(path)
        writes.append(written - started)
        reads.append(time.perf_counter() - written)
    if again != plan:
        raise SystemExit(f"GeoJSON round trip of {booths} booths gave a different plan")
    return {"write": statistics.median(writes), "read": statistics.median(reads)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (default 5)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[550, 5_000, 60_000])
    parser.add_argument(
        "--geojson-up-to", type=int, default=5_000, help="also time GeoJSON up to this size"
    )
    args = parser.parse_args()
    targets = {550: 0.1, 60_000: 3.0}
    print(f"plan file save + open, median of {args.repeat} runs (best in brackets)")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            r = measure(size, args.repeat, Path(folder))
            target = f"  target < {targets[size]:g} s" if size in targets else ""
            print(
                f"{size:>7,} booths: save {r['save'] * 1000:7.1f} ms,"
                f" open {r['open'] * 1000:7.1f} ms,"
                f" both {r['total'] * 1000:7.1f} ms ({r['best'] * 1000:.1f}),"
                f" file {r['bytes'] / 1e6:6.2f} MB{target}"
            )
        for size in [s for s in args.sizes if s <= args.geojson_up_to]:
            g = measure_geojson(size, args.repeat, Path(folder))
            print(
                f"{size:>7,} booths as GeoJSON: export {g['write'] * 1000:7.1f} ms,"
                f" import (checked) {g['read'] * 1000:7.1f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
