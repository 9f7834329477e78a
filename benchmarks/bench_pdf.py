"""How fast the PDF export is, and how large its files are.

    .venv/bin/python benchmarks/bench_pdf.py [--out DIR]

Targets: the Lào Cai plan (550+ booths) with its index on A1 in under 2 s; 10,000 booths in
under 20 s; files small enough to mail. The Lào Cai plan is packed and allocated by the real
packer when it is importable, else booths are laid out on a grid by the test helper.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "export"))

from export_plans import FLOORS, big_plan, laocai_plan  # noqa: E402

from planner.export.pdf import PdfOptions, write_pdf  # noqa: E402
from planner.model import Plan  # noqa: E402

EXHIBITORS_CSV = ROOT.parent / "shared" / "exhibitors" / "laocai-fair-2025.csv"


def packed_laocai() -> tuple[Plan, str]:
    """The Lào Cai floor packed and allocated by the real packer, if it is there."""
    try:
        from planner.formats.exhibitors_csv import read_exhibitors
        from planner.formats.geojson_floor import read_floor
        from planner.packing import pack
        from planner.packing.allocate import allocate
    except ImportError:
        return laocai_plan(), "grid-placed booths (packer not available)"
    plan = read_floor(FLOORS / "laocai-fair-2025.geojson")
    plan = plan.apply(pack(plan).patch)
    plan = plan.apply(read_exhibitors(EXHIBITORS_CSV, plan).patch)
    plan = plan.apply(allocate(plan).patch)
    return plan, "packed by planner.packing, exhibitors allocated"


def measure(label: str, plan: Plan, path: Path, options: PdfOptions) -> float:
    start = time.perf_counter()
    summary = write_pdf(plan, path, options)
    seconds = time.perf_counter() - start
    rows, cols = summary.tiles
    print(
        f"{label:<44} {summary.booths:>6} booths {summary.pages:>4} pages "
        f"{rows}x{cols} tiles  1:{summary.scale:<5} {summary.size_bytes / 1024:>7.0f} KiB "
        f"{seconds:>6.2f} s"
    )
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="keep the PDFs in this folder")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    out.mkdir(parents=True, exist_ok=True)

    laocai, how = packed_laocai()
    print(f"Lào Cai plan: {len(laocai.booths)} booths, {len(laocai.exhibitors)} exhibitors ({how})")
    warm = laocai_plan()
    write_pdf(warm, out / "warm-up.pdf", PdfOptions(paper="A4"))  # font loading, imports

    a1 = measure(
        "Lào Cai, A1, fit, index",
        laocai,
        out / "laocai-a1-index.pdf",
        PdfOptions(paper="A1", index=True),
    )
    measure(
        "Lào Cai, A3, 1:200 tiled",
        laocai,
        out / "laocai-a3-200.pdf",
        PdfOptions(paper="A3", scale=200),
    )
    measure(
        "Lào Cai, A4, one page per exhibitor",
        laocai,
        out / "laocai-per-exhibitor.pdf",
        PdfOptions(paper="A4", per_exhibitor=True),
    )

    start = time.perf_counter()
    big = big_plan(10_000)
    print(f"10,000-booth plan built in {time.perf_counter() - start:.1f} s")
    ten_k = measure(
        "10,000 booths, A1, fit, index",
        big,
        out / "big-a1-index.pdf",
        PdfOptions(paper="A1", index=True),
    )
    measure(
        "10,000 booths, A0, 1:200 tiled",
        big,
        out / "big-a0-200.pdf",
        PdfOptions(paper="A0", scale=200),
    )

    print(f"target: Lào Cai A1 + index < 2 s: {'met' if a1 < 2 else 'MISSED'} ({a1:.2f} s)")
    print(f"target: 10,000 booths < 20 s: {'met' if ten_k < 20 else 'MISSED'} ({ten_k:.2f} s)")
    print(f"PDFs in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
