"""Shared test set-up.

* Qt runs offscreen unless a test starts its own X server (see tests/ui/test_smoke_xvfb.py).
* ``BOOTHPLAN_BLOCK_QT=1`` makes importing PySide6 fail, as on a machine without Qt: CI runs the
  non-UI tests that way to prove the model, packer, files and PDF need no Qt.
* Tests under ``tests/ui/`` are marked ``ui`` automatically.
"""

from __future__ import annotations

import os
import sys
from importlib.abc import MetaPathFinder
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = SHARED / "floors"
EXHIBITORS = SHARED / "exhibitors"
LAYOUTS = ROOT / "layouts"


class _BlockQt(MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in {"PySide6", "shiboken6", "pytestqt"}:
            raise ImportError(f"{fullname} is blocked: this run proves the code needs no Qt")
        return None


if os.environ.get("BOOTHPLAN_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _BlockQt())


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/ui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.ui)


def pytest_ignore_collect(collection_path, config):
    # In the Qt-free run the UI tests cannot even be imported.
    if os.environ.get("BOOTHPLAN_BLOCK_QT") == "1":
        return "tests/ui" in str(collection_path).replace(os.sep, "/")
    return None


@pytest.fixture
def shared_floors() -> Path:
    return FLOORS


@pytest.fixture
def shared_exhibitors() -> Path:
    return EXHIBITORS


@pytest.fixture(autouse=True)
def _log_in_a_temporary_place(tmp_path, monkeypatch):
    """A test's unexpected error never goes into the user's own log."""
    monkeypatch.setenv("BOOTHPLAN_LOG_DIR", str(tmp_path / "log"))
