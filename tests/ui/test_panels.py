"""The properties panel refuses bad values; auto-pack runs in the background as one undo step;
broken rules are listed and a click on one selects its booth; autosave and recovery."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from shapely.geometry import box

from planner.formats.geojson_floor import read_floor
from planner.formats.plan_file import read_plan
from planner.ui.autosave import offer_recovery, pending_recoveries, start_autosave
from tests.ui.ui_helpers import click

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"
FLOORS = Path(__file__).resolve().parents[3] / "shared" / "floors"


def _field(window, key: str) -> QLineEdit:
    return window.properties.findChild(QLineEdit, f"prop-{key}")


def test_booth_size_abc_or_negative_is_refused_and_nothing_changes(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    start = window.document.plan
    for bad in ("abc", "-3", "0"):
        width = _field(window, "width")
        width.setText(bad)
        qtbot.keyClick(width, Qt.Key.Key_Return)
        assert window.document.plan is start
        message = window.properties.message.text()
        assert "width" in message and bad.lstrip("-") in message
    assert window.document.undo_stack.count() == 0


def test_booth_size_and_number_change_in_one_step(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    _field(window, "width").setText("4,5")  # a comma decimal is read as 4.5
    number = _field(window, "number")
    number.setText("A1-Sơn La")
    qtbot.keyClick(number, Qt.Key.Key_Return)
    booth = window.document.plan.booths["booth-1"]
    assert booth.number == "A1-Sơn La"
    assert round(booth.geometry.area, 6) == 13.5
    assert window.document.undo_stack.count() == 1
    assert window.properties.message.text() == ""


def test_a_number_already_taken_is_refused(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    number = _field(window, "number")
    number.setText("A02")
    qtbot.keyClick(number, Qt.Key.Key_Return)
    assert window.document.plan.booths["booth-1"].number == "A01"
    assert "A02" in window.properties.message.text()


def test_auto_pack_is_one_undo_step_and_shows_the_report(window, qtbot):
    # the bare floor, so the pack has everything to place
    window.document.replace_plan(read_floor(FLOORS / "sonla-week-coopmart.geojson"), None)
    start = window.document.plan
    window.commands["pack"].trigger()
    qtbot.waitUntil(lambda: not window.packer.running, timeout=60_000)
    packed = window.document.plan
    assert len(packed.booths) > len(start.booths)
    assert window.document.undo_stack.count() == 1
    assert window.packer.report is not None and "booths placed" in window.packer.report.text()
    window.commands["undo"].trigger()
    assert window.document.plan == start


def test_problems_are_listed_and_a_click_selects_the_booth(window, qtbot):
    plan = window.document.plan
    overlapping = (
        plan.edit("Overlap")
        .put(plan.booths["booth-2"].__class__("booth-9", "A09", box(4, 4, 7, 7)))
        .build()
    )
    window.document.push(overlapping)
    qtbot.waitUntil(lambda: window.problems.list.count() > 0, timeout=10_000)
    assert "booth-9" in window.scene.state.problems
    rows = [window.problems.list.item(i) for i in range(window.problems.list.count())]
    row = next(r for r in rows if "A09" in r.text())
    window.problems.list.itemClicked.emit(row)
    assert window.selection.all() == [("booths", row.data(Qt.ItemDataRole.UserRole))]
    # An overlap is one line for the pair, not one per booth (break 8: listed twice).
    overlaps = [r.text() for r in rows if "[overlap]" in r.text()]
    assert len(overlaps) == len({frozenset(("A09", t.split(":")[0])) for t in overlaps})
    assert window.problems.summary.text().startswith(f"{len(rows)} problem")


def test_autosave_writes_a_recovery_file_that_is_offered_back(window, qtbot, monkeypatch):
    saver = start_autosave(window, seconds=3600)
    assert not saver.save_now()  # nothing unsaved yet
    click(qtbot, window.view, 4.5, 4.5)
    window.commands["delete"].trigger()
    assert saver.save_now()
    edited = window.document.plan
    # A crash: the saver never cleans up; a later run (another pid) finds its file.
    window.document.undo_stack.cleanChanged.disconnect(saver._clean_changed)
    monkeypatch.setattr("os.getpid", lambda: -1)
    assert [p for p, _ in pending_recoveries()] == [saver.path]
    window.document.replace_plan(read_plan(LAYOUTS / "sonla-week-coopmart.boothplan"), None)
    assert offer_recovery(window, answer=True)
    assert window.document.plan == edited
    assert window.document.modified  # recovered work still needs saving
    assert pending_recoveries() == []


def test_cancelled_pack_changes_nothing(window, qtbot):
    window.document.replace_plan(read_plan(LAYOUTS / "laocai-fair-2025.boothplan"), None)
    start = window.document.plan
    job = window.packer.start()
    job.cancel()  # as the Cancel button does
    qtbot.waitUntil(lambda: not window.packer.running, timeout=60_000)
    assert window.document.plan == start
    assert window.document.undo_stack.count() == 0


def test_turn_a_booth_by_typing_its_angle(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    angle = _field(window, "angle")
    angle.setText("45")
    qtbot.keyClick(angle, Qt.Key.Key_Return)
    booth = window.document.plan.booths["booth-1"]
    assert abs(booth.geometry.area - 9.0) < 1e-4  # corners sit on a micrometre grid
    assert abs(booth.geometry.centroid.x - 4.5) < 1e-6
    assert round(booth.geometry.bounds[2] - booth.geometry.bounds[0], 4) == round(3 * 2**0.5, 4)


def test_release_frees_a_held_booth(window, qtbot):
    from planner.model import booking

    plan = window.document.plan
    window.document.push(booking.assign(plan, ["booth-1"], "exhibitor-1"))
    window.selection.set([("booths", "booth-1")])
    window.commands["release"].trigger()
    booth = window.document.plan.booths["booth-1"]
    assert booth.exhibitor_id is None and booth.status == "available"


def test_auto_pack_of_the_selected_zone_only(window, qtbot):
    window.document.replace_plan(read_floor(FLOORS / "laocai-fair-2025.geojson"), None)
    plan = window.document.plan
    zone_id = next(z.id for z in plan.zones.values() if z.use == "culinary")
    window.selection.set([("zones", zone_id)])
    window.commands["pack-zone"].trigger()
    qtbot.waitUntil(lambda: not window.packer.running, timeout=60_000)
    booths = list(window.document.plan.booths.values())
    assert booths and all(b.zone_id == zone_id for b in booths)
    assert window.document.undo_stack.count() == 1


def test_auto_pack_of_a_zone_leaves_the_rest_of_a_packed_plan_alone(window, qtbot):
    window.document.replace_plan(read_plan(LAYOUTS / "laocai-fair-2025.boothplan"), None)
    plan = window.document.plan
    zone_id = next(z.id for z in plan.zones.values() if z.use == "culinary")
    elsewhere = {k: b for k, b in plan.booths.items() if b.zone_id != zone_id}
    window.selection.set([("zones", zone_id)])
    window.commands["pack-zone"].trigger()
    qtbot.waitUntil(lambda: not window.packer.running, timeout=60_000)
    after = window.document.plan.booths
    assert {k: b for k, b in after.items() if b.zone_id != zone_id} == elsewhere
    assert any(b.zone_id == zone_id for b in after.values())


def test_closing_on_purpose_leaves_nothing_to_recover(window, qtbot):
    saver = start_autosave(window, seconds=3600)
    click(qtbot, window.view, 4.5, 4.5)
    window.commands["delete"].trigger()
    assert saver.save_now() and saver.path.exists()
    assert window.close()  # "Save changes?" answered Discard by the test set-up
    assert not saver.path.exists()


def test_absurd_figures_are_refused_in_the_app_naming_the_value(window, qtbot):
    """Issue "Nothing lost, nothing hung", row 3, in the app: a typed default booth of a
    centimetre, an aisle of 1e308 m or a booth of a nanometre is refused in one sentence."""
    start = window.document.plan
    for key, bad, expected in [
        ("booth_w", "0.01", "the plan's defaults: booth width 0.01 m is under 0.5 m"),
        ("aisle", "1e308", "the plan's defaults: aisle 1e+308 m is over 100 m"),
    ]:
        field = _field(window, key)
        field.setText(bad)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert window.document.plan is start
        assert window.properties.message.text() == f"That edit is refused: {expected}."
        window.properties.refresh()
    click(qtbot, window.view, 4.5, 4.5)  # booth A01
    width = _field(window, "width")
    width.setText("1e-9")
    qtbot.keyClick(width, Qt.Key.Key_Return)
    assert window.document.plan is start
    assert window.properties.message.text().startswith("That edit is refused: booth A01: the booth")
    assert window.document.undo_stack.count() == 0
