"""The window's tools, by the name of the action that picks each."""

from __future__ import annotations

from planner.editing.context import ToolContext
from planner.editing.select import SelectTool
from planner.editing.tool import Tool
from planner.editing.tools.booth import BoothTool
from planner.editing.tools.door import DoorTool
from planner.editing.tools.hall import HallTool
from planner.editing.tools.measure import MeasureTool
from planner.editing.tools.obstacle import COLUMN, ObstacleTool
from planner.editing.tools.outline import POLYGON, RECTANGLE
from planner.editing.tools.zone import ZoneTool


def make_tools(ctx: ToolContext) -> dict[str, Tool]:
    return {
        "select": SelectTool(ctx),
        "hall": HallTool(ctx, RECTANGLE),
        "hall-polygon": HallTool(ctx, POLYGON),
        "column": ObstacleTool(ctx, COLUMN),
        "obstacle": ObstacleTool(ctx, POLYGON),
        "zone": ZoneTool(ctx, RECTANGLE),
        "zone-polygon": ZoneTool(ctx, POLYGON),
        "door": DoorTool(ctx),
        "booth": BoothTool(ctx),
        "measure": MeasureTool(ctx),
    }
