"""Icons and fonts shipped in ``planner/resources/`` (package data), loaded once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon

RESOURCES = Path(__file__).resolve().parent.parent / "resources"  # planner/resources
ICONS = RESOURCES / "icons"
FONTS = RESOURCES / "fonts"
# Covers Vietnamese and Simplified Chinese; the system copy is the fallback.
PREFERRED_FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono", "Noto Sans CJK SC")
SYSTEM_FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",)


@lru_cache(maxsize=128)
def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def load_fonts() -> str:
    """Register the shipped fonts; return the family to draw plan text with ("" for default).

    The app must not depend on what the system has, so the fonts shipped in the package come
    first.
    """
    files = sorted(FONTS.glob("*.tt[fc]")) if FONTS.is_dir() else []
    families: list[str] = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        for path in SYSTEM_FONT_FILES:
            if Path(path).exists():
                font_id = QFontDatabase.addApplicationFont(path)
                if font_id >= 0:
                    families.extend(QFontDatabase.applicationFontFamilies(font_id))
    available = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in families or family in available:
            return family
    return families[0] if families else ""
