"""What every sub-command shares: reading and saving plans, printing JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from planner.model import Plan


def load_plan(path: str | Path) -> Plan:
    """Read a .boothplan file; a bad one raises a BoothplanError with one clear sentence."""
    from planner.formats.plan_file import read_plan

    return read_plan(Path(path))


def save_plan(plan: Plan, path: str | Path) -> None:
    """Write a .boothplan file atomically: the old file or the new one, never half of either."""
    from planner.formats.plan_file import write_plan

    write_plan(plan, Path(path))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
