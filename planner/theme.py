"""Colours, strokes and label rules shared by the screen and the paper. Plain data, no Qt.

Colours are ``#rrggbb`` strings so both Qt (``QColor``) and reportlab (``HexColor``) read them.
"""

from __future__ import annotations

from planner.model.status import AVAILABLE, BLOCKED, CONFIRMED, ON_HOLD, RESERVED

STATUS_COLOURS: dict[str, str] = {
    AVAILABLE: "#e8f5e9",  # pale green: free to sell
    ON_HOLD: "#fff3c4",  # amber: someone is thinking about it
    RESERVED: "#bbdefb",  # blue: promised
    CONFIRMED: "#90caf9",  # deeper blue: sold
    BLOCKED: "#cfcfcf",  # grey: not for sale
}

# Zone fills are light so booths drawn over them stay readable; each use has its own hatch.
ZONE_COLOURS: dict[str, str] = {
    "standard": "#f4f6fb",
    "car": "#e3f2fd",
    "culinary": "#fff0e0",
    "feature": "#f3e5f5",
}
ZONE_OTHER_COLOUR = "#f1f8e9"
ZONE_HATCH: dict[str, str] = {
    "standard": "none",
    "car": "diagonal",
    "culinary": "cross",
    "feature": "dense",
}

SECTOR_COLOURS: dict[str, str] = {
    "agriculture": "#a5d6a7",
    "forestry": "#81c784",
    "aquatic": "#80deea",
    "machinery": "#b0bec5",
    "raw materials": "#bcaaa4",
    "chemicals": "#ce93d8",
    "construction materials": "#ffcc80",
    "electronics": "#90caf9",
    "home appliances": "#9fa8da",
    "textiles": "#f48fb1",
    "footwear": "#f8bbd0",
    "consumer goods": "#fff59d",
    "furniture": "#d7ccc8",
    "handicrafts": "#ffab91",
    "automobiles": "#64b5f6",
    "culinary": "#ffb74d",
}
SECTOR_OTHER_COLOUR = "#e0e0e0"

HALL_FILL = "#ffffff"
HALL_STROKE = "#263238"
OBSTACLE_FILL = "#546e7a"
ENTRANCE_COLOUR = "#2e7d32"
EXIT_COLOUR = "#c62828"
DOOR_CLEAR_FILL = "#e8f5e9"
BOOTH_STROKE = "#37474f"
PROBLEM_COLOUR = "#d50000"
HIGHLIGHT_COLOUR = "#ff6f00"
TEXT_COLOUR = "#1b1b1b"

# Stroke widths in metres on the floor (screen and paper scale them alike).
HALL_STROKE_M = 0.25
BOOTH_STROKE_M = 0.05
ZONE_STROKE_M = 0.12

# Label rules: a label is drawn only if its text is at least this tall on the page or screen.
MIN_LABEL_PT = 4.0
NUMBER_HEIGHT_FRACTION = 0.28  # booth number height relative to the booth's shorter side


def sector_colour(sector: str) -> str:
    return SECTOR_COLOURS.get(sector.strip().lower(), SECTOR_OTHER_COLOUR)


def zone_colour(use: str) -> str:
    return ZONE_COLOURS.get(use, ZONE_OTHER_COLOUR)
