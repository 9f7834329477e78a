"""Files the user names are read only if they are regular files of a sane size.

Issue "Nothing lost, nothing hung", row 8: ``/dev/zero`` as a floor or CSV gave ``MemoryError``;
a named pipe as floor or plan blocked for ever. Row 10: a CSV cell over 131,072 characters
gave "field larger than field limit (131072)".
"""

from __future__ import annotations

import os
import threading

import pytest

from planner.cli import main
from planner.formats import exhibitors_csv, geojson_floor
from planner.formats.exhibitors_csv import ExhibitorCsvError, parse_exhibitors, read_exhibitors
from planner.formats.geojson_floor import FloorError, read_floor
from planner.formats.plan_file import PlanFileError, read_plan
from planner.model import Plan
from tests.formats.formats_helpers import SONLA


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.geojson"
    os.mkfifo(path)
    return path


def _returns_within(seconds, function):
    """Run ``function`` in a thread; a reader that blocks on a pipe must not hang the test."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function()
        except Exception as error:  # the refusal we expect, looked at below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the reader blocked"
    return outcome


@pytest.mark.parametrize(
    ("reader", "error"),
    [
        (read_floor, FloorError),
        (lambda p: read_exhibitors(p, Plan()), ExhibitorCsvError),
        (read_plan, PlanFileError),
    ],
)
def test_a_named_pipe_is_refused_without_blocking(fifo, reader, error):
    outcome = _returns_within(5, lambda: reader(fifo))
    assert isinstance(outcome.get("error"), error)
    assert (
        str(outcome["error"])
        == f"{fifo} is a named pipe, not a "
        + {
            FloorError: "GeoJSON floor file.",
            ExhibitorCsvError: "CSV file.",
            PlanFileError: "plan file.",
        }[error]
    )


@pytest.mark.parametrize(
    ("argv", "kind"),
    [
        (["new", "--floor", "/dev/zero", "-o", "{out}"], "GeoJSON floor file"),
        (["exhibitors", "import", "{plan}", "/dev/zero"], "CSV file"),
        (["info", "/dev/zero"], "plan file"),
    ],
)
def test_a_device_is_refused_in_one_sentence(tmp_path, capsys, argv, kind):
    plan = tmp_path / "fair.boothplan"
    assert main(["new", "--floor", str(SONLA), "-o", str(plan)]) == 0
    capsys.readouterr()
    before = plan.read_bytes()
    out = tmp_path / "new.boothplan"
    assert main([a.format(out=out, plan=plan) for a in argv]) == 2
    assert capsys.readouterr().err == f"boothplan: /dev/zero is a device, not a {kind}.\n"
    assert plan.read_bytes() == before and not out.exists()


def test_a_symbolic_link_loop_is_named(tmp_path):
    loop = tmp_path / "loop.geojson"
    loop.symlink_to(loop)
    with pytest.raises(FloorError, match=r"loop.geojson is a symbolic link that leads round"):
        read_floor(loop)


def test_a_link_to_nothing_is_named(tmp_path):
    link = tmp_path / "list.csv"
    link.symlink_to(tmp_path / "gone.csv")
    with pytest.raises(ExhibitorCsvError, match="is a link to a file that does not exist"):
        read_exhibitors(link, Plan())


def test_an_oversized_floor_or_list_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(geojson_floor, "MAX_FLOOR_BYTES", 1000)
    monkeypatch.setattr(exhibitors_csv, "MAX_CSV_BYTES", 1000)
    floor = tmp_path / "big.geojson"
    floor.write_bytes(b" " * 5000)
    with pytest.raises(FloorError, match=r"big.geojson is 0.0 MB, too large for a GeoJSON"):
        read_floor(floor)
    csv = tmp_path / "big.csv"
    csv.write_bytes(b"name\n" + b"x\n" * 3000)
    with pytest.raises(ExhibitorCsvError, match=r"too large for a CSV file .at most 0.0 MB"):
        read_exhibitors(csv, Plan())


def test_a_cell_longer_than_the_csv_limit_is_one_sentence():
    text = 'name,notes\nHTX Sơn La,"' + "x" * 200_000 + '"\n'
    with pytest.raises(ExhibitorCsvError) as caught:
        parse_exhibitors(text, "list.csv", Plan())
    message = str(caught.value)
    assert message.startswith("list.csv line 2: a cell is longer than 131,072 characters")
    assert "field limit" not in message


def test_a_header_longer_than_the_csv_limit_is_one_sentence():
    # Found by the fuzz suite: the first line was read outside the guard of the others.
    text = '"name' + "x" * 200_000 + "\nHTX Sơn La\n"
    with pytest.raises(ExhibitorCsvError, match=r"^list.csv line 1: a cell is longer than"):
        parse_exhibitors(text, "list.csv", Plan())
