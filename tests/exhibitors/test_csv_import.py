"""Importing exhibitor CSV files: the sample lists, Excel's quirks and bad files."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.formats.exhibitors_csv import ExhibitorCsvError, read_exhibitors
from planner.model import Plan
from planner.model.status import CONFIRMED, ON_HOLD, RESERVED
from tests.exhibitors.exhibitor_fixtures import EXHIBITORS, exhibitor, plan_of

HEADER = "name,name_en,country,sector,booths,status,email,phone\n"


def sample_rows(name: str) -> list[dict[str, str]]:
    with open(EXHIBITORS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def imported(path, plan: Plan | None = None, **options) -> Plan:
    plan = plan or Plan()
    return plan.apply(read_exhibitors(path, plan, **options).patch)


@pytest.mark.parametrize("name, count", [("laocai-fair-2025.csv", 64), ("sonla-week.csv", 37)])
def test_sample_lists_import_with_exact_names(name, count):
    plan = imported(EXHIBITORS / name)
    rows = sample_rows(name)
    assert len(plan.exhibitors) == count == len(rows)
    got = list(plan.exhibitors.values())
    assert [e.name for e in got] == [r["name"] for r in rows]
    assert [e.name_en for e in got] == [r["name_en"] for r in rows]
    assert [e.phone for e in got] == [r["phone"] for r in rows]
    assert [e.booths_wanted for e in got] == [int(r["booths"]) for r in rows]
    assert sum(e.booths_wanted for e in got) == sum(int(r["booths"]) for r in rows)


def test_sample_values_are_parsed():
    plan = imported(EXHIBITORS / "laocai-fair-2025.csv")
    by_name = {e.name: e for e in plan.exhibitors.values()}
    noodles = by_name["云南过桥米线 <小吃> & 烧烤"]
    assert (noodles.sector, noodles.booths_wanted, noodles.booking_status) == (
        "culinary",
        2,
        ON_HOLD,
    )
    chiang_rai = by_name["Chiang Rai Fruit Trading Co., Ltd."]  # quoted comma
    assert chiang_rai.country == "TH" and chiang_rai.booking_status == CONFIRMED
    assert by_name["Lào Cai Auto – Đại lý ô tô Kim Thành"].sector == "automobiles"
    statuses = {e.booking_status for e in plan.exhibitors.values()}
    assert statuses == {CONFIRMED, RESERVED, ON_HOLD}


def test_bom_and_no_bom_give_the_same_exhibitors(tmp_path):
    text = (EXHIBITORS / "sonla-week.csv").read_text(encoding="utf-8")
    plain, bom = tmp_path / "plain.csv", tmp_path / "bom.csv"
    plain.write_bytes(text.encode("utf-8"))
    bom.write_bytes(text.encode("utf-8-sig"))
    assert bom.read_bytes()[:3] == b"\xef\xbb\xbf"
    a, b = imported(plain), imported(bom)
    assert a == b
    assert next(iter(b.exhibitors.values())).name == "HTX Chè Shan Tuyết Sơn La 1"


def test_excel_semicolons_and_crlf_are_read(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "name;booths;sector\r\nHTX Mận hậu Sơn La;2;agriculture\r\n".encode("utf-8-sig")
    )
    plan = imported(path)
    (only,) = plan.exhibitors.values()
    assert (only.name, only.booths_wanted, only.sector) == ("HTX Mận hậu Sơn La", 2, "agriculture")
    sep_line = tmp_path / "sep.csv"
    sep_line.write_text("sep=;\r\nname;booths\r\nA, B & C;2\r\n;x\r\n", encoding="utf-8")
    with pytest.raises(ExhibitorCsvError) as caught:
        read_exhibitors(sep_line, Plan())
    assert [b.line for b in caught.value.bad_rows] == [4]  # line numbers count the sep= line
    assert [e.name for e in read_exhibitors(sep_line, Plan(), skip_bad=True).added] == ["A, B & C"]


def test_extra_known_columns_are_read_and_unknown_ignored(tmp_path):
    path = tmp_path / "more.csv"
    path.write_text(
        "Name,Booths,Contact,Notes,Co_Exhibitors,Favourite colour\n"
        "大理家具,3,Ms Lan,corner please,云南A; 云南B ;,blue\n",
        encoding="utf-8",
    )
    result = read_exhibitors(path, Plan())
    (only,) = result.added
    assert only.contact == "Ms Lan" and only.notes == "corner please"
    assert only.co_exhibitors == ("云南A", "云南B")
    assert only.booking_status == RESERVED  # no status column: reserved
    assert result.ignored_columns == ("Favourite colour",)


def bad_file(tmp_path):
    path = tmp_path / "bad list.csv"
    path.write_text(
        HEADER
        + "Good one,,VN,agriculture,1,confirmed,,\n"  # line 2
        + ",,VN,agriculture,1,confirmed,,\n"  # 3: empty name
        + "Count word,,VN,agriculture,two,confirmed,,\n"  # 4: non-numeric
        + "Negative,,VN,agriculture,-1,confirmed,,\n"  # 5: negative
        + "Odd sector,,VN,spaceships,1,confirmed,,\n"  # 6: unknown sector
        + "good ONE,,VN,agriculture,1,confirmed,,\n"  # 7: duplicate of line 2
        + "Bad status,,VN,agriculture,1,maybe,,\n"  # 8: bad status
        + "Fine too,,CN,textiles,2,sold,,\n",  # 9
        encoding="utf-8",
    )
    return path


def test_a_bad_file_is_refused_listing_every_bad_row(tmp_path):
    with pytest.raises(ExhibitorCsvError) as caught:
        read_exhibitors(bad_file(tmp_path), Plan())
    error = caught.value
    assert [b.line for b in error.bad_rows] == [3, 4, 5, 6, 7, 8]
    messages = [b.message for b in error.bad_rows]
    assert all(
        m.startswith(f"bad list.csv line {b.line}: ")
        for m, b in zip(messages, error.bad_rows, strict=True)
    )
    assert all(m.endswith(".") and m.count("\n") == 0 for m in messages)
    assert "name is empty" in messages[0]
    assert "'two' is not a number" in messages[1]
    assert "'-1' is negative" in messages[2]
    assert "'spaceships' is unknown" in messages[3]
    assert "listed again (first on line 2)" in messages[4]
    assert "'maybe'" in messages[5]
    assert "6 bad rows" in str(error) and "nothing was imported" in str(error)
    for message in messages:
        assert message in str(error)


def test_skip_bad_imports_the_good_rows_and_lists_the_rest(tmp_path):
    result = read_exhibitors(bad_file(tmp_path), Plan(), skip_bad=True)
    assert [e.name for e in result.added] == ["Good one", "Fine too"]
    assert result.added[1].booking_status == CONFIRMED  # "sold"
    assert len(result.bad_rows) == 6


def test_add_sectors_turns_unknown_sectors_into_plan_sectors(tmp_path):
    path = tmp_path / "toys.csv"
    path.write_text("name,sector\nĐồ chơi Hà Nội,Toys\nLego VN,toys\n", encoding="utf-8")
    with pytest.raises(ExhibitorCsvError):
        read_exhibitors(path, Plan())
    plan = imported(path, add_sectors=True)
    assert plan.info.sectors == ("toys",)
    assert {e.sector for e in plan.exhibitors.values()} == {"toys"}
    again = tmp_path / "again.csv"
    again.write_text("name,sector\nThird,toys\n", encoding="utf-8")
    assert len(imported(again, plan).exhibitors) == 3  # now a known sector


def test_not_utf8_is_refused_with_a_clear_sentence(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes((HEADER + "Caf\u00e9 Sapa,,VN,culinary,1,reserved,,\n").encode("latin-1"))
    with pytest.raises(ExhibitorCsvError, match=r"legacy\.csv is not UTF-8 text \(line 2"):
        read_exhibitors(path, Plan())
    cp1258 = tmp_path / "cp1258.csv"
    cp1258.write_bytes((HEADER + "Sơn La,,VN,culinary,1,reserved,,\n").encode("cp1258"))
    with pytest.raises(ExhibitorCsvError, match="cp1258"):
        read_exhibitors(cp1258, Plan())


def test_utf16_missing_name_column_and_missing_file_are_refused(tmp_path):
    utf16 = tmp_path / "unicode.csv"
    utf16.write_bytes(HEADER.encode("utf-16"))
    with pytest.raises(ExhibitorCsvError, match="UTF-16"):
        read_exhibitors(utf16, Plan())
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("company,booths\nX,1\n", encoding="utf-8")
    with pytest.raises(ExhibitorCsvError, match=r"nameless\.csv has no 'name' column"):
        read_exhibitors(nameless, Plan())
    with pytest.raises(ExhibitorCsvError, match="does not exist"):
        read_exhibitors(tmp_path / "nowhere.csv", Plan())
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ExhibitorCsvError, match="empty"):
        read_exhibitors(empty, Plan())


def test_a_row_with_an_unquoted_comma_is_a_bad_row(tmp_path):
    path = tmp_path / "commas.csv"
    path.write_text("name,booths\nChiang Rai Fruit Trading Co., Ltd.,1\n", encoding="utf-8")
    with pytest.raises(ExhibitorCsvError, match="line 2: has 3 values"):
        read_exhibitors(path, Plan())


def test_booth_counts_accept_whole_numbers_only(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("name,booths\nA,0\nB,2.0\nC, 3 \nD,\nE,1.5\nF,2143897188\n", encoding="utf-8")
    result = read_exhibitors(path, Plan(), skip_bad=True)
    assert [(e.name, e.booths_wanted) for e in result.added] == [
        ("A", 0),
        ("B", 2),
        ("C", 3),
        ("D", 1),
    ]
    assert [b.line for b in result.bad_rows] == [6, 7]
    assert "not a whole number" in result.bad_rows[0].message
    assert "is more than 1000 booths" in result.bad_rows[1].message


def test_importing_again_updates_instead_of_duplicating(tmp_path):
    plan = imported(EXHIBITORS / "sonla-week.csv")
    again = read_exhibitors(EXHIBITORS / "sonla-week.csv", plan)
    assert not again.patch and again.unchanged == 37 and not again.added
    changed = tmp_path / "changed.csv"
    changed.write_text(
        "name,booths\nhtx chè shan tuyết  sơn la 1,3\nNew co-op,1\n", encoding="utf-8"
    )
    result = read_exhibitors(changed, plan)
    assert [e.name for e in result.added] == ["New co-op"]
    (updated,) = result.updated
    assert updated.name == "htx chè shan tuyết  sơn la 1" and updated.booths_wanted == 3
    before = next(iter(plan.exhibitors.values()))
    assert updated.id == before.id
    assert updated.phone == before.phone  # a column the file lacks keeps its value
    assert result.added[0].id == "exhibitor-38"


def test_decomposed_unicode_names_match_composed_ones(tmp_path):
    import unicodedata

    plan = plan_of(exhibitor(1, "Hải Phòng Co-op"))
    path = tmp_path / "mac.csv"
    path.write_text(
        "name,booths\n" + unicodedata.normalize("NFD", "Hải Phòng Co-op") + ",2\n", encoding="utf-8"
    )
    result = read_exhibitors(path, plan)
    assert not result.added and result.updated[0].id == "exhibitor-1"


def test_a_status_changed_in_the_file_reaches_the_booths_already_held(tmp_path):
    from planner.model.booking import assign, history
    from tests.exhibitors.exhibitor_fixtures import grid

    plan = plan_of(*grid(1, 3), exhibitor(1, "HTX Sơn La", booking_status=RESERVED))
    plan = plan.apply(assign(plan, ["A1", "A2"], "exhibitor-1", RESERVED))
    paid = tmp_path / "paid.csv"
    paid.write_text("name,status\nHTX Sơn La,sold\n", encoding="utf-8")
    result = read_exhibitors(paid, plan)
    after = plan.apply(result.patch)
    assert result.booths_restated == 2 and "2 booths took" in result.summary("paid.csv")
    assert after.exhibitors["exhibitor-1"].booking_status == CONFIRMED
    assert {after.booths[b].status for b in ("booth-1", "booth-2")} == {CONFIRMED}
    assert [e.action for e in history(after, "booth-1")] == ["assign", "status"]
    assert after.apply(result.patch.inverse()) == plan
    # a file that repeats the current status leaves booths alone, even ones set by hand
    same = tmp_path / "same.csv"
    same.write_text("name,status\nHTX Sơn La,confirmed\n", encoding="utf-8")
    assert not read_exhibitors(same, after).patch


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_either_import_or_give_one_clear_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.csv"
    path.write_bytes(b"name,booths,sector,status\n" + data)
    try:
        result = read_exhibitors(path, Plan())
    except ExhibitorCsvError as error:
        assert str(error).startswith("fuzz.csv")
    else:
        Plan().apply(result.patch)  # whatever was read forms a valid patch
