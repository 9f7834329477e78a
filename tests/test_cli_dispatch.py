"""The `boothplan` dispatcher: every command is listed, and a closed pipe is not an error."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import LAYOUTS


def _boothplan(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args], capture_output=True, text=True, **kwargs
    )


def test_help_lists_every_command():
    result = _boothplan("--help")
    assert result.returncode == 0
    for command in ("new", "info", "export", "pack", "check", "pdf", "exhibitors", "report"):
        assert (
            f"    {command}" in result.stdout
            or f"{{{command}" in result.stdout
            or (f",{command}," in result.stdout)
        ), command


def test_reader_closing_the_pipe_gives_no_traceback():
    # `boothplan info --json | head -0`: the reader has left before anything is written, so the
    # first write meets a broken pipe whatever the size of the output.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "planner",
                "info",
                str(LAYOUTS / "laocai-fair-2025.boothplan"),
                "--json",
            ],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr, result.stderr
    assert "BrokenPipeError" not in result.stderr
    assert result.returncode == 141


def test_unknown_option_is_one_usage_error():
    result = _boothplan("info", "--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
