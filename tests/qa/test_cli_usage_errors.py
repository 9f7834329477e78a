"""Slips on the command line are one line on stderr and exit 2, like every other user error."""

from __future__ import annotations

import sys

import pytest

from planner.cli import main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["pdf", "x.boothplan", "-o", "x.pdf", "--scale", "1:0"], "argument --scale: scale '1:0'"),
        (["pdf", "x.boothplan", "-o", "x.pdf", "--paper", "B7"], "unknown paper 'B7'"),
        (["pack", "x.boothplan", "--target", "abc"], "invalid int value: 'abc'"),
        (["new"], "the following arguments are required: --floor, -o/--output"),
    ],
)
def test_argument_errors_are_one_line_without_the_usage(argv, expected, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert err.count("\n") == 1 and "usage:" not in err  # argparse printed the usage first
    assert expected in err and err.rstrip().endswith("--help.")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["chek", "fair.boothplan"], "boothplan: chek is not a command; did you mean check?\n"),
        (["exhibitor", "list", "f"], "exhibitor is not a command; did you mean exhibitors?\n"),
        (["no-such.boothplan"], "no-such.boothplan is neither a command nor an existing plan file"),
    ],
)
def test_a_mistyped_command_is_named_before_any_window_opens(argv, expected, capsys, monkeypatch):
    # A typo used to start the desktop app, which aborts the process when there is no screen.
    monkeypatch.setitem(sys.modules, "planner.ui.app", None)  # importing it now would fail
    assert main(argv) == 2
    assert expected in capsys.readouterr().err


_WARNS = """
import sys, warnings
import planner.cli.plan_commands as commands
real = commands.describe
def noisy(plan):
    warnings.warn("invalid value encountered in intersection", RuntimeWarning)
    return real(plan)
commands.describe = noisy
from planner.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_numpy_and_shapely_warnings_are_not_printed_before_the_answer(tmp_path):
    """Issue "Nothing lost, nothing hung", row 10: RuntimeWarning lines (with the source line
    that raised them) came before the one sentence a user reads."""
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    plan = root / "layouts" / "sonla-week-coopmart.boothplan"
    env = {"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}
    quiet = subprocess.run(
        [sys.executable, "-c", _WARNS, "info", str(plan)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert quiet.returncode == 0 and quiet.stderr == ""
    asked = subprocess.run(  # a developer who asks for warnings still sees them
        [sys.executable, "-W", "default", "-c", _WARNS, "info", str(plan)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "RuntimeWarning: invalid value encountered" in asked.stderr
