"""The map font ships with the project, is found from anywhere, and covers our names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from planner.export.fonts import FONT_FILE, font_path, register_font

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "planner" / "resources" / "fonts"


def test_font_and_licence_ship_in_resources():
    assert font_path() == FONTS / FONT_FILE
    assert 1_000_000 < (FONTS / FONT_FILE).stat().st_size < 8_000_000  # fine for git
    licence = (FONTS / "wqy-microhei-LICENSE.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Font exception" in licence


def test_font_is_found_from_another_working_directory(tmp_path):
    code = "from planner.export.fonts import font_path; print(font_path())"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert Path(result.stdout.strip()) == FONTS / FONT_FILE


def test_font_has_every_character_of_our_names():
    face = pdfmetrics.getFont(register_font()).face
    text = "Sơn La Hải Phòng 大理 云南 Đắk Lắk Thừa Thiên Huế Quảng Ngãi 昆明 河口 – · × ▲▼◀▶ ₫"
    missing = [c for c in text if c != " " and ord(c) not in face.charToGlyph]
    assert not missing
