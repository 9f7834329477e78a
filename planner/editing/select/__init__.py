"""The Select tool: click, Ctrl/Shift-click, rubber band, drag, booth resize, corner drag, and
corners picked, added and removed. Each thing a press can start is one small state class
(:mod:`planner.editing.select.states`)."""

from planner.editing.select.select_tool import SelectTool

__all__ = ["SelectTool"]
