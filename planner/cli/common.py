"""What every sub-command shares: reading and saving plans, printing JSON."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from planner.errors import BoothplanError
from planner.model import Plan


def load_plan(path: str | Path) -> Plan:
    """Read a .boothplan file; a bad one raises a BoothplanError with one clear sentence."""
    from planner.formats.plan_file import read_plan

    return read_plan(Path(path))


def save_plan(plan: Plan, path: str | Path) -> None:
    """Write a .boothplan file atomically: the old file or the new one, never half of either."""
    from planner.formats.plan_file import write_plan

    write_plan(plan, Path(path))


def check_output(output: str | Path, source: str | Path, what: str) -> None:
    """Refuse, before any work, an output path for a PDF, report or CSV (``what``) that is a
    folder, lies in a missing folder, is the file being read, or is any plan: a typo such as
    ``-o fair.boothplan`` would otherwise replace the user's plan for good.
    """
    from planner.formats.plan_file import is_plan_file

    output, source = Path(output), Path(source)
    if output.is_dir():
        raise BoothplanError(f"{output} is a folder; give a file name for the {what}.")
    folder = output.parent
    if str(folder) and not folder.is_dir():
        raise BoothplanError(f"Cannot write {output}: the folder {folder} does not exist.")
    if output.exists() and source.exists() and os.path.samefile(output, source):
        raise BoothplanError(f"{output} is the plan itself; give another file name for the {what}.")
    if is_plan_file(output):
        raise BoothplanError(
            f"{output} is a Boothplan plan file; give another file name for the {what}."
        )


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
