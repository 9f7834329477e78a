"""Drawing literal text with the map font: no markup is ever parsed, so ``<b>&amp;`` in a
name prints as those seven characters and cannot change the layout."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from planner.export.fonts import register_font, unit_width
from planner.export.labels import tokens, wrap

FAKE_BOLD = 0.035  # stroke width as a fraction of the size, for headings and numbers


def printable(text: str) -> str:
    r"""``text`` with control characters (a newline pasted into a name) turned into spaces.

    >>> printable("Sơn La\nHTX\t1")
    'Sơn La HTX 1'
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else " " for c in text)


def draw_text(
    canv: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    colour: str = "#1b1b1b",
    align: str = "left",
    bold: bool = False,
    angle: float = 0.0,
) -> None:
    """Draw one line with its baseline at ``y``; ``align`` is left, centre or right of ``x``."""
    canv.saveState()
    canv.setFont(register_font(), size)
    canv.setFillColor(HexColor(colour))
    if bold:
        canv.setStrokeColor(HexColor(colour))
        canv.setLineWidth(size * FAKE_BOLD)
    if angle:
        canv.translate(x, y)
        canv.rotate(angle)
        x = y = 0.0
    text = printable(text)
    width = unit_width(text) * size
    if align == "centre":
        x -= width / 2.0
    elif align == "right":
        x -= width
    canv.drawString(x, y, text, mode=2 if bold else 0)
    canv.restoreState()


def fit_lines(
    text: str, max_width: float, size: float, min_size: float, max_lines: int
) -> tuple[list[str], float]:
    """Shrink, then wrap, ``text`` to at most ``max_lines`` lines no wider than ``max_width``.

    At ``min_size`` it still does not fit: the text is wrapped into as many lines as it needs,
    so nothing is ever cut off (the caller gave room for ``max_lines``).
    """
    pieces = tokens(text)
    current = size
    while current >= min_size - 1e-9:
        lines = wrap(pieces, max_width / current, unit_width)
        if lines is not None and len(lines) <= max_lines:
            return lines, current
        current *= 0.92
    # Cannot fit: wrap at the smallest size, splitting over-long words letter by letter.
    pieces = [(c, i > 0 and text[i - 1] == " ") for i, c in enumerate(text) if c != " "]
    lines = wrap(pieces, max_width / min_size, unit_width) or [text]
    return lines, min_size
