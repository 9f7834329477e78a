"""Labels that fit inside their shape, drawn in screen pixels, laid out once per zoom.

A label is a few lines (text, height in metres, bold). Lines too small to read at the current
zoom are left out (the level of detail); lines too wide are elided, and the last one (an
exhibitor's name) may wrap onto two lines. Layouts are cached, so a pan lays out nothing.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from planner import theme
from planner.ui.canvas import style

CENTRE = Qt.AlignmentFlag.AlignCenter


@lru_cache(maxsize=512)
def _font(family: str, px: int, bold: bool) -> tuple[QFont, QFontMetricsF]:
    font = QFont(family) if family else QFont()
    font.setPixelSize(max(1, px))
    font.setBold(bold)
    return font, QFontMetricsF(font)


@lru_cache(maxsize=20_000)
def _layout(
    lines: tuple[tuple[str, int, bool], ...],
    width_px: float,
    height_px: float,
    family: str,
    wrap_last: bool,
) -> tuple[tuple[tuple[str, QFont, float], ...], float]:
    """Which lines fit, elided or wrapped, and their total height. Cached: a pan or a repaint
    at the same zoom lays out nothing again."""
    fitted: list[tuple[str, QFont, float]] = []
    used = 0.0
    for k, (text, px, bold) in enumerate(lines):
        font, metrics = _font(family, px, bold)
        line_h = metrics.height()
        if used + line_h > height_px:
            break
        last = k == len(lines) - 1
        if (
            wrap_last
            and last
            and metrics.horizontalAdvance(text) > width_px
            and used + 2 * line_h <= height_px
        ):
            fitted.append((_two_lines(text, metrics, width_px), font, 2 * line_h))
            used += 2 * line_h
            continue
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width_px)
        if not shown or shown == "…":
            continue
        fitted.append((shown, font, line_h))
        used += line_h
    return tuple(fitted), used


def draw_text_fit(
    painter: QPainter,
    rect: QRectF,
    lines: list[tuple[str, float, bool]],
    lod: float,
    family: str,
    wrap_last: bool = False,
) -> None:
    """Draw ``lines`` (text, height in metres, bold) centred in ``rect``, skipping what won't fit.

    Text is drawn in screen pixels (the painter is scaled back by ``lod``) so it stays crisp; a
    line too small to read, or too wide for the rect, is elided or left out: the level of detail.
    With ``wrap_last`` the last line (an exhibitor's name) may wrap onto a second line.
    """
    wanted = tuple(
        (t, round(h * lod), b) for t, h, b in lines if t and h * lod >= style.MIN_LABEL_PX
    )
    if not wanted:
        return
    width_px = round(rect.width() * lod * 0.92, 1)
    height_px = round(rect.height() * lod * 0.92, 1)
    fitted, used = _layout(wanted, width_px, height_px, family, wrap_last)
    if not fitted:
        return
    painter.save()
    painter.translate(rect.center())
    painter.scale(1.0 / lod, 1.0 / lod)
    painter.setPen(style.colour(theme.TEXT_COLOUR))
    y = -used / 2.0
    for text, font, line_h in fitted:
        painter.setFont(font)
        painter.drawText(QRectF(-width_px / 2.0, y, width_px, line_h), CENTRE, text)
        y += line_h
    painter.restore()


def _two_lines(text: str, metrics: QFontMetricsF, width_px: float) -> str:
    """Break ``text`` at the last space that fits the first line; elide the second line."""
    words = text.split(" ")
    first = ""
    for count in range(len(words), 0, -1):
        candidate = " ".join(words[:count])
        if metrics.horizontalAdvance(candidate) <= width_px:
            first = candidate
            rest = " ".join(words[count:])
            break
    if not first:  # no space to break at (Chinese): cut by characters
        cut = len(text)
        while cut > 1 and metrics.horizontalAdvance(text[:cut]) > width_px:
            cut -= 1
        first, rest = text[:cut], text[cut:]
    second = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width_px)
    return f"{first}\n{second}" if rest else first
