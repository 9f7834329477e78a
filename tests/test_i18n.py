"""One translation mechanism for the Qt-free code: gettext catalogues made with Babel.

The catalogues in the package are up to date with the code; a compiled catalogue changes what
the tools and the edits say; counts take the language's plural forms.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from planner import i18n
from planner.editing.context import PlanHolder, ToolContext
from planner.editing.names import count_of
from planner.editing.select import SelectTool
from planner.editing.selection import KeySelection
from planner.model import Plan

ROOT = Path(__file__).resolve().parent.parent
SELECT_HINT = (
    "Click to select, Ctrl/Shift-click to add, drag to move or draw a box; "
    "double-click an outline to add a corner."
)


def _translations_tool():
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_catalogues_are_up_to_date_with_the_code():
    tool = _translations_tool()
    files = tool.wanted_files()
    assert tool.stale(files) == [], "run: .venv/bin/python tools/translations.py"
    template = tool.extracted()
    assert SELECT_HINT in template  # the tools' texts are marked
    assert ("{n} booth", "{n} booths") in template  # and counted texts with their plural
    assert not any("planner/ui/" in loc for m in template for loc, _ in m.locations)


@pytest.fixture
def vietnamese(tmp_path):
    catalog = Catalog(locale="vi", domain=i18n.DOMAIN)
    catalog.add(SELECT_HINT, "Nhấp để chọn, Ctrl/Shift để thêm, kéo để di chuyển hoặc khoanh vùng.")
    catalog.add(("{n} booth", "{n} booths"), ("{n} gian hàng",))
    out = io.BytesIO()
    write_mo(out, catalog)
    mo = tmp_path / "vi" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    mo.parent.mkdir(parents=True)
    mo.write_bytes(out.getvalue())
    assert i18n.set_language("vi-VN", locale_dir=tmp_path) == "vi"
    yield
    i18n.set_language("en")


def test_a_catalogue_changes_what_a_tool_says(vietnamese):
    said: list[str] = []
    ctx = ToolContext(PlanHolder(Plan()), KeySelection(), status=said.append)
    SelectTool(ctx).activate()
    assert said == ["Nhấp để chọn, Ctrl/Shift để thêm, kéo để di chuyển hoặc khoanh vùng."]
    assert count_of("booths", 1) == count_of("booths", 3).replace("3", "1") == "1 gian hàng"


def test_english_when_no_catalogue_fits(tmp_path):
    assert i18n.set_language("fr_FR", locale_dir=tmp_path) == "en"
    assert i18n._(SELECT_HINT) == SELECT_HINT
    assert count_of("booths", 1) == "1 booth" and count_of("booths", 2) == "2 booths"


@pytest.mark.parametrize(
    ("environment", "language"),
    [({"LANGUAGE": "vi:en"}, "vi"), ({"LANG": "zh_CN.UTF-8"}, "zh_CN"), ({"LANG": "C"}, "en")],
)
def test_the_language_the_environment_asks_for(monkeypatch, environment, language):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert i18n.language_from_environment() == language


def test_the_catalogues_ship_with_the_package():
    assert {"vi", "zh_CN"} <= set(i18n.available_languages())
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in pyproject
