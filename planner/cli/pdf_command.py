"""``boothplan pdf``: print a plan's floor map, exhibitor maps and indexes to a PDF.

    boothplan pdf PLAN -o MAP.pdf [--paper A4|A3|A2|A1|A0|letter|tabloid]
                  [--landscape|--portrait] [--scale 1:200 | --fit]
                  [--color status|sector|zone] [--index]
                  [--exhibitor NAME | --booth NUM | --per-exhibitor] [--json]

PLAN is a .boothplan file (or a GeoJSON floor). The PDF is written atomically: a failed export
leaves an existing file untouched.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import load_plan, print_json
from planner.cli.outputs import PDF, check_output
from planner.export.layout import PAPERS_MM, parse_scale
from planner.export.options import COLOUR_MODES, PdfOptions
from planner.export.pdf import write_pdf
from planner.formats.plan_file import is_plan_file
from planner.model import Plan

GEOJSON_SUFFIXES = {".geojson", ".json"}


def _scale_arg(text: str) -> int | None:
    try:
        return parse_scale(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _paper_arg(text: str) -> str:
    for key in PAPERS_MM:
        if key.lower() == text.strip().lower():
            return key
    raise argparse.ArgumentTypeError(f"unknown paper {text!r} (choose {', '.join(PAPERS_MM)})")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "pdf",
        help="print the floor map (to scale), exhibitor maps and indexes to a PDF",
        description="Print the plan to a PDF: a vector map to scale with title block, legend, "
        "scale bar and north arrow; tiled over several pages when the scale needs it.",
    )
    parser.add_argument("plan", help="the .boothplan file (or a GeoJSON floor) to print")
    parser.add_argument("-o", "--output", required=True, help="the PDF file to write")
    parser.add_argument(
        "--paper", type=_paper_arg, default="A3", help=f"paper size: {', '.join(PAPERS_MM)}"
    )
    turn = parser.add_mutually_exclusive_group()
    turn.add_argument(
        "--landscape",
        dest="orientation",
        action="store_const",
        const="landscape",
        help="paper on its side (default: whichever way the floor fits larger)",
    )
    turn.add_argument(
        "--portrait",
        dest="orientation",
        action="store_const",
        const="portrait",
        help="paper upright",
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--scale",
        type=_scale_arg,
        default=None,
        help="print at this scale, e.g. 1:200 (tiled over pages if the floor does not fit)",
    )
    size.add_argument(
        "--fit", dest="scale", action="store_const", const=None, help="fit one page (default)"
    )
    parser.add_argument(
        "--color",
        "--colour",
        dest="colour_by",
        choices=COLOUR_MODES,
        default="status",
        help="colour booths by status (default), sector or zone",
    )
    parser.add_argument("--index", action="store_true", help="add exhibitor and booth indexes")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--exhibitor", help="call out this exhibitor's booths (name or id)")
    who.add_argument("--booth", help="call out this booth (and its exhibitor's other booths)")
    who.add_argument(
        "--per-exhibitor",
        action="store_true",
        help="one called-out map page per exhibitor, in one PDF",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "--force", action="store_true", help="replace the output even if Boothplan did not write it"
    )
    parser.set_defaults(func=_run, orientation="auto")


def _load(path: str) -> Plan:
    if Path(path).suffix.lower() in GEOJSON_SUFFIXES and not is_plan_file(path):
        from planner.formats.geojson_floor import read_floor

        return read_floor(path)
    return load_plan(path)


def _run(args: argparse.Namespace) -> int:
    options = PdfOptions(
        paper=args.paper,
        orientation=args.orientation,
        scale=args.scale,
        colour_by=args.colour_by,
        index=args.index,
        exhibitor=args.exhibitor,
        booth=args.booth,
        per_exhibitor=args.per_exhibitor,
    )
    check_output(args.output, [("plan", args.plan)], PDF, args.force)
    plan = _load(args.plan)
    summary = write_pdf(plan, args.output, options)
    if args.json:
        print_json(summary.to_dict())
    else:
        print(summary.to_text())
    return 0
