"""Hatch patterns that tell zones apart on paper, even in black and white.

The caller clips to the zone; this draws parallel lines over a box in page points.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from planner.export.layout import Box

# Angles (degrees) of the line families of each hatch style.
HATCH_ANGLES: dict[str, tuple[float, ...]] = {
    "diagonal": (45.0,),
    "cross": (45.0, -45.0),
    "dense": (45.0,),
    "horizontal": (0.0,),
}


def hatch_box(
    canv: Canvas, box: Box, style: str, colour: str, spacing: float, width: float = 0.35
) -> None:
    """Lines of ``style`` across ``box``, ``spacing`` points apart ("dense": half that)."""
    angles = HATCH_ANGLES.get(style)
    if not angles or spacing <= 0:
        return
    if style == "dense":
        spacing /= 2.0
    cx, cy = box.centre
    radius = math.hypot(box.width, box.height) / 2.0 + spacing
    count = int(radius / spacing) + 1
    canv.saveState()
    canv.setStrokeColor(HexColor(colour))
    canv.setLineWidth(width)
    path = canv.beginPath()
    for angle in angles:
        dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        nx, ny = -dy, dx  # step between lines
        for i in range(-count, count + 1):
            ox, oy = cx + nx * i * spacing, cy + ny * i * spacing
            path.moveTo(ox - dx * radius, oy - dy * radius)
            path.lineTo(ox + dx * radius, oy + dy * radius)
    canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()
