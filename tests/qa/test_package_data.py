"""The fonts and icons are package data, so an installed wheel prints and draws like the
source tree does (a wheel holds only what ``package-data`` names)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANNER = ROOT / "planner"


def shipped() -> set[Path]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["planner"]
    return {path for pattern in patterns for path in PLANNER.glob(pattern) if path.is_file()}


def test_every_font_and_icon_is_package_data():
    resources = {p for p in (PLANNER / "resources").rglob("*") if p.is_file()}
    assert resources, "planner/resources holds the fonts and icons"
    assert resources <= shipped()
    names = {p.name for p in shipped()}
    assert {"wqy-microhei.ttc", "wqy-microhei-LICENSE.txt", "pack.svg"} <= names


def test_the_code_looks_for_them_inside_the_package():
    from planner.export.fonts import font_path

    assert font_path().is_relative_to(PLANNER / "resources")
