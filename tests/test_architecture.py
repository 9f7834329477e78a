"""The architecture contract of DESIGN.md, checked by machine.

Only ``planner/ui/`` may import PySide6. This test reads every module's imports itself (so it
holds even without import-linter) and runs import-linter on the layer contracts in pyproject.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

PLANNER = Path(__file__).resolve().parent.parent / "planner"
QT_PACKAGES = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}


def _imported_top_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_ui_imports_qt():
    offenders = []
    for path in sorted(PLANNER.rglob("*.py")):
        if path.relative_to(PLANNER).parts[0] == "ui":
            continue
        found = _imported_top_packages(path) & QT_PACKAGES
        if found:
            offenders.append(f"{path.relative_to(PLANNER.parent)} imports {sorted(found)}")
    assert not offenders, "Qt imported outside planner/ui:\n" + "\n".join(offenders)


def test_the_scan_would_catch_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert _imported_top_packages(sample) & QT_PACKAGES == {"PySide6"}


def test_non_ui_packages_import_without_qt():
    """Import every non-UI module in a fresh interpreter where PySide6 cannot load."""
    modules = []
    for path in sorted(PLANNER.rglob("*.py")):
        rel = path.relative_to(PLANNER.parent).with_suffix("")
        if rel.parts[1:2] == ("ui",) or rel.name == "__main__":
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        modules.append(".".join(parts))
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"import importlib\nfor m in {modules!r}:\n    importlib.import_module(m)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PLANNER.parent
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    command = [str(exe)] if exe.exists() else [shutil.which("lint-imports") or "lint-imports"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=PLANNER.parent)
    assert result.returncode == 0, result.stdout + result.stderr
