"""The app on a real X server: start Xvfb, open the Lào Cai plan, save a screenshot, quit.

The screenshot lands in tests/artifacts/ (git-ignored) so a person can look at it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
PLAN = ROOT / "layouts" / "laocai-fair-2025.boothplan"

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed"),
]


def _free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number between :90 and :199")


@pytest.fixture
def xvfb():
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 15
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"Xvfb :{number} did not start")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def _pixel_variety(image: QImage) -> int:
    colours = set()
    step_x, step_y = max(1, image.width() // 120), max(1, image.height() // 80)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_app_opens_the_lao_cai_plan_on_a_real_x_server(xvfb, tmp_path):
    # The app writes into this test's own folder (another test run in the same checkout cannot
    # read a half-written file); the picture is then kept in tests/artifacts/ for people.
    shot = tmp_path / "laocai-main-window.png"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="xcb",
        DISPLAY=xvfb,
        BOOTHPLAN_SCREENSHOT=str(shot),
        # Settings and recovery files of this run stay in a temporary place.
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        BOOTHPLAN_RECOVERY_DIR=str(tmp_path / "recovery"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "planner", str(PLAN)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.exists(), result.stderr[-2000:]
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    assert _pixel_variety(image) > 40  # a drawn window, not a blank or single-colour frame
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / shot.name)
