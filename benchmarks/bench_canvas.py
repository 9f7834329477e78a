"""How fast the canvas draws: open the Lào Cai sample, then pan and zoom a 10,000-booth plan.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_canvas.py [--booths 10000]

Frames are rendered the way the screen gets them (the view's viewport painted into an image,
``QWidget.grab``) at three zoom levels: the whole floor (every booth a coloured rectangle), a
mid zoom (numbers), and close up (numbers and exhibitor names); and while panning. Targets:
opening the sample under 1 s; every frame under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shapely.geometry import box  # noqa: E402

from planner.model import Booth, Exhibitor, Hall, Plan, PlanInfo  # noqa: E402
from planner.model.status import CONFIRMED, RESERVED, STATUSES  # noqa: E402

NAMES = ("HTX Chè Shan Tuyết Sơn La", "云南过桥米线 · 昆明", "Công ty TNHH Hải Phòng", "大理扎染")


def big_plan(count: int) -> Plan:
    """``count`` 3 × 3 m booths in double rows with 3 m aisles, a quarter of them booked."""
    side = int(count**0.5) + 1
    pairs = (side + 1) // 2
    entities: list = [PlanInfo(name="10k benchmark")]
    exhibitors = [Exhibitor(f"exhibitor-{i}", f"{NAMES[i % 4]} {i}") for i in range(1, 401)]
    entities += exhibitors
    booths = []
    for k in range(count):
        col, row = divmod(k, side)
        x = (col // 2) * 9.0 + (col % 2) * 3.0
        y = row * 3.0
        status = STATUSES[k % len(STATUSES)]
        holder = exhibitors[k % 400].id if status in (RESERVED, CONFIRMED) else None
        booths.append(
            Booth(
                f"booth-{k + 1}",
                f"{k + 1:05d}",
                box(x, y, x + 3, y + 3),
                status=status,
                exhibitor_id=holder,
            )
        )
    width = pairs * 9.0 + 3
    entities.append(Hall("hall-1", "Hall", box(-3, -3, width, side * 3.0 + 3)))
    entities += booths
    return Plan.from_entities(entities)


def frame_ms(app, view) -> float:
    start = time.perf_counter()
    view.viewport().grab()
    return (time.perf_counter() - start) * 1000.0


def summary(label: str, times: list[float]) -> None:
    print(
        f"{label:34s} median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms"
        f"   ({len(times)} frames)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--booths", type=int, default=10_000)
    parser.add_argument("--frames", type=int, default=8)
    args = parser.parse_args()

    from planner.ui.app import application
    from planner.ui.main_window import MainWindow

    app = application()
    sample = ROOT / "layouts" / "laocai-fair-2025.boothplan"
    if sample.exists():
        import tempfile

        from planner.formats.plan_file import read_plan, write_plan

        plan = read_plan(sample)
        if not plan.booths:  # the sample is an empty floor: open it packed, as people use it
            from planner.packing import pack

            plan = plan.apply(pack(plan).patch)
            sample = Path(tempfile.mkdtemp()) / "laocai-packed.boothplan"
            write_plan(plan, sample)
        start = time.perf_counter()
        window = MainWindow(read_plan(sample))
        window.resize(1400, 900)
        window.show()
        window.view.zoom_to_fit()
        app.processEvents()
        window.grab()
        opened = (time.perf_counter() - start) * 1000
        print(
            f"open + first frame, Lào Cai sample     {opened:7.1f} ms "
            f"({len(window.document.plan.booths)} booths)"
        )
        window.document.undo_stack.setClean()
        window.close()

    plan = big_plan(args.booths)
    start = time.perf_counter()
    window = MainWindow(plan)
    window.scene.state.font_family = app.property("planFontFamily") or ""
    window.resize(1400, 900)
    window.show()
    window.view.zoom_to_fit()
    app.processEvents()
    print(
        f"build scene, {len(plan.booths)} booths              "
        f"{(time.perf_counter() - start) * 1000:7.1f} ms"
    )
    view = window.view
    # Let the background rule check finish first, so frames are measured with its marks drawn
    # (this floor has no doors, so every booth is marked "unreachable": the worst case).
    from planner.ui.workers import wait_for_jobs

    window.problems.check_now()
    wait_for_jobs()
    app.processEvents()
    print(f"booths marked with a problem             {len(window.scene.state.problems):7d}")

    for label, scale in (
        ("whole floor", None),
        ("mid zoom (numbers)", 12.0),
        ("close up (numbers + names)", 40.0),
    ):
        if scale is None:
            view.zoom_to_fit()
        else:
            view.centre_on_model(150.0, 150.0, min_scale=scale)
            view.zoom_by(scale / view.scale_px_per_m())
        app.processEvents()
        frame_ms(app, view)  # warm up
        summary(
            f"frame, {label} ({view.scale_px_per_m():.1f} px/m)",
            [frame_ms(app, view) for _ in range(args.frames)],
        )
        pans = []
        for _ in range(args.frames):
            bar = view.horizontalScrollBar()
            bar.setValue(bar.value() + 120)
            app.processEvents()
            pans.append(frame_ms(app, view))
        summary(f"pan frame, {label}", pans)
    zooms = []
    view.zoom_to_fit()
    for _ in range(args.frames):
        view.zoom_by(1.25)
        app.processEvents()
        zooms.append(frame_ms(app, view))
    summary("wheel-zoom frames (1.25× each)", zooms)
    window.document.undo_stack.setClean()
    window.close()
    from planner.ui.workers import wait_for_jobs

    wait_for_jobs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
