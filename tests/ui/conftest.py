"""UI test fixtures: a main window on a small in-memory plan, settings in a temporary place,
and helpers that click the canvas at model coordinates (metres)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox
from shapely.geometry import box

from planner.model import Booth, Exhibitor, Hall, Plan, PlanInfo, Zone
from planner.ui import errors as ui_errors
from planner.ui.workers import wait_for_jobs
from tests.ui.ui_helpers import window_size


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch, qapp):
    """Never touch the real user's settings or recovery files; never block on a message box."""
    QCoreApplication.setOrganizationName("BoothplanTest")
    QCoreApplication.setApplicationName("BoothplanTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    monkeypatch.setenv("BOOTHPLAN_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(ui_errors, "_non_blocking", True)
    # A test that leaves changes must not hang on "Save changes?" when its window closes.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    QSettings().clear()
    yield


def sample_plan() -> Plan:
    return Plan.from_entities(
        [
            PlanInfo(name="Hội chợ Sơn La – 大理"),
            Hall("hall-1", "Hall A", box(0, 0, 60, 40)),
            Zone("zone-1", "Ẩm thực 云南", "culinary", box(30, 20, 60, 40)),
            Booth("booth-1", "A01", box(3, 3, 6, 6)),
            Booth("booth-2", "A02", box(6, 3, 9, 6)),
            Booth("booth-3", "A03", box(9, 3, 12, 6)),
            Exhibitor("exhibitor-1", "HTX Chè Shan Tuyết Sơn La", sector="agriculture"),
        ]
    )


@pytest.fixture
def window(qtbot):
    from planner.ui.main_window import MainWindow

    win = MainWindow(sample_plan())
    win.ask_zone_details = False
    qtbot.addWidget(win)
    win.resize(*window_size())
    win.show()
    qtbot.waitExposed(win)
    win.view.zoom_to_fit()
    yield win
    wait_for_jobs()  # no background check may outlive the window it reports to
