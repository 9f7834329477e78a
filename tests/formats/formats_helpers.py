"""Helpers for the file-format tests: a plan that uses every entity and field kind; the CLI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from shapely.geometry import LineString, MultiPolygon, Polygon, box

from planner.model import BookingEvent, Booth, Door, Exhibitor, Hall, Obstacle, Plan, PlanInfo, Zone
from planner.model.status import BLOCKED, CONFIRMED, ON_HOLD, RESERVED

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT.parent / "shared" / "floors"
LAOCAI = FLOORS / "laocai-fair-2025.geojson"
SONLA = FLOORS / "sonla-week-coopmart.geojson"
TEST_DATA = ROOT / "tests" / "data"
UNICODE = "Sơn La – Hải Phòng – 大理 – 云南"


def full_plan(booth_count: int = 40) -> Plan:
    """Every table filled, awkward floats (0.1 + 0.2), unicode everywhere, extras kept.

    ``tests/data/plan-v1.boothplan`` holds ``full_plan()`` as format version 1 wrote it, so do
    not change what this returns for the default ``booth_count``: add another helper instead.
    """
    hall_b = MultiPolygon([box(40, 0, 50.1, 10), box(60, 0.3, 70, 10)])
    with_hole = Polygon(
        [(0, 0), (30.1, 0), (30.1, 20), (0, 20)], [[(5, 5), (6, 5), (6, 6), (5, 6)]]
    )
    entities: list = [
        PlanInfo(
            name=f"Hội chợ {UNICODE}",
            venue="Kim Thành, Lào Cai",
            dates="2025-11-20/2025-11-24",
            organizer="Sở Công Thương 云南",
            revision="7",
            booth=(3.0, 2.5),
            aisle=2.4,
            price_per_m2=1_250_000.0,
            corner_premium=0.15,
            sectors=("trà", "dược liệu"),
            extra='{"bbox_note": "giữ nguyên"}',
        ),
        Hall("hall-1", "Nhà A 大理", with_hole, '{"colour": "#ffcc00"}'),
        Hall("hall-2", "Ngoài trời B", hall_b),
        Obstacle("obstacle-1", "cột", box(12.4, 9.6, 13.2, 10.4)),
        Door("door-1", "Cổng chính", "entrance", LineString([(0, 1.1), (0, 5.3)]), 4.2),
        Door("door-2", "Lối thoát", "exit", LineString([(30.1, 8), (30.1, 10)]), 2.0, '{"n": 2}'),
        Zone("zone-1", "Ẩm thực 云南", "culinary", box(0, 10, 30.1, 20), booth=(3.0, 3.0)),
        Zone("zone-2", "Sân khấu", "feature", box(20, 0, 30, 5), aisle=4.0, price_per_m2=0.0),
        Exhibitor(
            "exhibitor-1",
            "HTX Chè Shan Tuyết Sơn La",
            name_en="Son La Tea Co-op",
            country="VN",
            sector="agriculture",
            booths_wanted=2,
            email="che@example.vn",
            co_exhibitors=("大理茶厂", "Hợp tác xã Mộc Châu"),
            booking_status=CONFIRMED,
        ),
        Exhibitor("exhibitor-2", "云南白药集团", country="CN"),
    ]
    statuses = [RESERVED, CONFIRMED, ON_HOLD, BLOCKED]
    for i in range(booth_count):
        x = (i % 10) * 3.0 + 0.1 + 0.2  # 0.30000000000000004: exactness is tested
        y = 10.0 + (i // 10) * 2.5
        exhibitor = ("exhibitor-1", "exhibitor-2", None, None)[i % 4]
        entities.append(
            Booth(
                f"booth-{i + 1}",
                f"A{i + 1:02d}",
                box(x, y, x + 3.0, y + 2.5),
                zone_id="zone-1" if i % 3 else None,
                status=statuses[i % 4] if exhibitor or i % 4 == 3 else "available",
                exhibitor_id=exhibitor,
                locked=i % 5 == 0,
                flags=("column",) if i % 7 == 0 else (),
                note="góc 角" if i % 6 == 0 else "",
                extra='{"colour": "đỏ"}' if i == 1 else "{}",
            )
        )
    entities.append(
        BookingEvent(
            "event-1", "booth-1", "2025-10-01T08:00:00Z", "assign", RESERVED, "exhibitor-1"
        )
    )
    entities.append(BookingEvent("event-2", "booth-2", "2025-10-02T09:30:00Z", "status", CONFIRMED))
    return Plan.from_entities(entities)


def run_cli(*args: str, cwd: Path | None = None, user: int | None = None):
    """Run ``python -m planner`` in a subprocess (optionally as another uid): the real CLI."""
    import subprocess

    preexec = None
    if user is not None:

        def preexec() -> None:
            os.setgid(user)
            os.setuid(user)

    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        preexec_fn=preexec,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
