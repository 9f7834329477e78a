"""Exporting exhibitors: formulas never run, phones stay readable, files round-trip."""

from __future__ import annotations

import csv
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.formats.exhibitors_csv import EXPORT_COLUMNS, read_exhibitors, write_exhibitors
from planner.model import Plan
from planner.model.booking import assign
from planner.model.spreadsheet import FORMULA_STARTS, neutralise, restore
from tests.exhibitors.exhibitor_fixtures import EXHIBITORS, exhibitor, grid, plan_of

DANGEROUS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


def exported_cells(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_export_writes_a_bom_and_the_known_columns(tmp_path):
    plan = Plan()
    plan = plan.apply(read_exhibitors(EXHIBITORS / "laocai-fair-2025.csv", plan).patch)
    out = tmp_path / "out.csv"
    assert write_exhibitors(plan, out) == 64
    assert out.read_bytes().startswith(b"\xef\xbb\xbfname,name_en,")
    rows = exported_cells(out)
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert rows[-1][0] == "云南过桥米线 <小吃> & 烧烤"
    assert rows[-1][5] == "on hold"


def test_no_exported_cell_can_start_a_formula(tmp_path):
    people = [
        exhibitor(i + 1, name=text, notes=text, contact=text, name_en=text)
        for i, text in enumerate(DANGEROUS)
    ]
    out = tmp_path / "evil.csv"
    write_exhibitors(plan_of(*people), out)
    for row in exported_cells(out)[1:]:
        for cell in row:
            assert cell[:1] not in FORMULA_STARTS, cell
    assert [r[0] for r in exported_cells(out)[1:]] == ["'" + t for t in DANGEROUS]


def test_phone_numbers_stay_readable_and_come_back_exact(tmp_path):
    plan = plan_of(exhibitor(1, phone="+84 214 3897188"), exhibitor(2, phone="0212 385 1001"))
    out = tmp_path / "phones.csv"
    write_exhibitors(plan, out)
    phones = [row[7] for row in exported_cells(out)[1:]]
    assert phones == ["'+84 214 3897188", "0212 385 1001"]  # digits intact, no formula
    back = Plan().apply(read_exhibitors(out, Plan()).patch)
    assert [e.phone for e in back.exhibitors.values()] == ["+84 214 3897188", "0212 385 1001"]


def test_sample_list_round_trips_through_export_and_import(tmp_path):
    plan = Plan().apply(read_exhibitors(EXHIBITORS / "laocai-fair-2025.csv", Plan()).patch)
    plan = plan.apply(
        plan.edit()
        .put(
            replace(
                plan.exhibitors["exhibitor-1"],
                co_exhibitors=("大理 A", "Sơn La B"),
                notes="=not a formula",
                contact="- Ms Hoa",
            )
        )
        .build()
    )
    out = tmp_path / "round.csv"
    write_exhibitors(plan, out)
    fresh = Plan().apply(read_exhibitors(out, Plan()).patch)
    assert fresh.exhibitors == plan.exhibitors
    # and importing it into the plan it came from changes nothing
    assert not read_exhibitors(out, plan).patch


def test_export_lists_the_booths_each_exhibitor_holds(tmp_path):
    plan = plan_of(*grid(1, 12), exhibitor(1))
    plan = plan.apply(assign(plan, ["booth-10", "booth-2", "booth-11"], "exhibitor-1"))
    out = tmp_path / "held.csv"
    write_exhibitors(plan, out)
    assert exported_cells(out)[1][-1] == "A2;A10;A11"


cell_text = st.text(
    alphabet=st.sampled_from(list("'=+-@\t\rab ,;\"\nSơn大")), min_size=0, max_size=8
)


@settings(max_examples=200, deadline=None)
@given(cell_text)
def test_neutralise_and_restore_are_inverse(text):
    safe = neutralise(text)
    assert safe[:1] not in FORMULA_STARTS
    assert restore(safe) == text


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        cell_text.map(str.strip).filter(bool),
        min_size=1,
        max_size=4,
        unique_by=lambda t: " ".join(t.casefold().split()),
    )
)
def test_any_names_round_trip_through_a_file(tmp_path_factory, names):
    plan = plan_of(*(exhibitor(i + 1, name=n, notes=n, phone=n) for i, n in enumerate(names)))
    out = tmp_path_factory.mktemp("rt") / "rt.csv"
    write_exhibitors(plan, out)
    back = Plan().apply(read_exhibitors(out, Plan()).patch)
    assert [(e.name, e.notes, e.phone) for e in back.exhibitors.values()] == [
        (n, n, n) for n in names
    ]


def test_export_refusals_leave_files_alone(tmp_path):
    import pytest

    from planner.formats.exhibitors_csv import ExhibitorCsvError

    plan = plan_of(exhibitor(1))
    missing_folder = r"^Cannot write .*out\.csv: the folder .* does not exist\.$"
    with pytest.raises(ExhibitorCsvError, match=missing_folder):
        write_exhibitors(plan, tmp_path / "missing" / "out.csv")
    existing = tmp_path / "keep.csv"
    existing.write_bytes(b"old")
    existing_dir = tmp_path / "folder.csv"
    existing_dir.mkdir()
    with pytest.raises(ExhibitorCsvError, match=r"^Cannot write .*: it is a folder, not a file\.$"):
        write_exhibitors(plan, existing_dir)
    assert existing.read_bytes() == b"old"
    write_exhibitors(plan, existing)
    assert existing.read_bytes().startswith(b"\xef\xbb\xbfname,")
    assert existing.stat().st_mode & 0o044  # readable by others like any file, not 0600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left
