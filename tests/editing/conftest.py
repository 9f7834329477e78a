"""Headless fixtures for the editing tools: a small plan, a document without undo, a selection,
and a tool context whose preview and status are recorded."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from planner.editing.context import PlanHolder, ToolContext
from planner.editing.selection import KeySelection
from planner.model import Booth, Hall, Plan, PlanInfo, Zone


def small_plan() -> Plan:
    return Plan.from_entities(
        [
            PlanInfo(name="Hội chợ Sơn La – 大理"),
            Hall("hall-1", "Hall A", box(0, 0, 60, 40)),
            Zone("zone-1", "Ẩm thực 云南", "culinary", box(30, 20, 60, 40)),
            Booth("booth-1", "A01", box(3, 3, 6, 6)),
            Booth("booth-2", "A02", box(6, 3, 9, 6)),
            Booth("booth-3", "A03", box(9, 3, 12, 6)),
        ]
    )


@dataclass
class Screen:
    """What the tools showed: the last preview and every status text."""

    preview: list[BaseGeometry] = field(default_factory=list)
    said: list[str] = field(default_factory=list)

    def show(self, shapes: object) -> None:
        self.preview = list(shapes)  # type: ignore[call-overload]

    def status(self, text: str) -> None:
        self.said.append(text)


@pytest.fixture
def screen() -> Screen:
    return Screen()


@pytest.fixture
def plan() -> Plan:
    return small_plan()


@pytest.fixture
def document() -> PlanHolder:
    return PlanHolder(small_plan())


@pytest.fixture
def ctx(document: PlanHolder, screen: Screen) -> ToolContext:
    return ToolContext(
        document,
        KeySelection(),
        preview=screen.show,
        status=screen.status,
        tolerance=lambda: 0.5,
    )
