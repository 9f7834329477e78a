"""The font every printed map uses, shipped in ``planner/resources/fonts/``, embedded in PDFs.

WenQuanYi Micro Hei has TrueType outlines (reportlab embeds and subsets those, not CFF
``.otf``) and covers Vietnamese and Simplified Chinese, so ``Sơn La`` and ``大理`` print the same
on any machine and come back exactly from ``pdftotext``.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.errors import BoothplanError

FONT_NAME = "Boothplan-WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"
FONTS_ENV = "BOOTHPLAN_FONTS_DIR"  # lets a packaged install point at its own copy

# planner/resources/ ships inside the package: in the source tree, an editable install and a wheel.
_PACKAGE_FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
_SYSTEM_FALLBACK = Path("/usr/share/fonts/truetype/wqy")


def font_path() -> Path:
    """Where the map font is: $BOOTHPLAN_FONTS_DIR, the project's resources, or Debian's copy."""
    places = [Path(os.environ[FONTS_ENV])] if os.environ.get(FONTS_ENV) else []
    places += [_PACKAGE_FONTS, _SYSTEM_FALLBACK]
    for place in places:
        candidate = place / FONT_FILE
        if candidate.is_file():
            return candidate
    raise BoothplanError(
        f"The map font {FONT_FILE} was not found in {', '.join(str(p) for p in places)}; "
        "reinstall Boothplan or set BOOTHPLAN_FONTS_DIR."
    )


@cache
def register_font() -> str:
    """Register the font with reportlab once; returns its name for ``setFont``."""
    path = font_path()
    try:
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
    except Exception as error:  # a damaged font file: say so in one sentence
        raise BoothplanError(f"The map font {path} could not be read: {error}.") from None
    return FONT_NAME


@cache
def font_metrics() -> tuple[float, float]:
    """(ascent, descent) as fractions of the font size, descent positive."""
    font = pdfmetrics.getFont(register_font())
    assert isinstance(font, TTFont)  # register_font registers a TrueType font
    face = font.face
    return face.ascent / 1000.0, -face.descent / 1000.0


@lru_cache(maxsize=65536)
def unit_width(text: str) -> float:
    """Width of ``text`` at size 1 (widths are linear in the size)."""
    return pdfmetrics.stringWidth(text, register_font(), 1.0)
