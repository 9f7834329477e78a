"""The organiser's whole session in one test, by mouse and keyboard on the real widgets:
draw a hall, a door, columns and a zone; pack; move a booth; undo back to the very start; redo
everything; save; reopen; and find the same plan."""

from __future__ import annotations

from planner.formats.plan_file import read_plan
from planner.model import Plan
from tests.ui.ui_helpers import click, drag


def test_draw_pack_move_undo_redo_save_reopen(window, qtbot, tmp_path):
    window.document.replace_plan(Plan(), None)
    window.view.resetTransform()
    window.view.scale(8, 8)
    window.view.centerOn(20, -12)
    start = window.document.plan
    stack = window.document.undo_stack

    window.commands["tool-hall"].trigger()
    click(qtbot, window.view, 0.1, 0.2)
    click(qtbot, window.view, 40.2, 24.9)
    window.commands["tool-door"].trigger()
    click(qtbot, window.view, 20.0, 0.2)
    window.commands["tool-column"].trigger()
    for x in (12.0, 28.0):
        click(qtbot, window.view, x, 12.0)
    window.commands["tool-zone"].trigger()  # a zone with the default rules (no dialog)
    click(qtbot, window.view, 26.0, 15.0)
    click(qtbot, window.view, 40.0, 25.0)
    drawn = window.document.plan
    assert len(drawn.halls) == 1 and len(drawn.doors) == 1 and len(drawn.zones) == 1
    assert sum(o.is_column for o in drawn.obstacles.values()) == 2

    window.commands["pack"].trigger()
    qtbot.waitUntil(lambda: not window.packer.running, timeout=60_000)
    packed = window.document.plan
    assert len(packed.booths) > 20
    steps_before_move = stack.count()

    window.commands["tool-select"].trigger()
    booth = min(packed.booths.values(), key=lambda b: b.geometry.centroid.coords[0][::-1])
    c = booth.geometry.centroid
    drag(qtbot, window.view, (c.x, c.y), (c.x + 0.5, c.y))
    moved = window.document.plan
    assert moved.booths[booth.id].geometry.centroid.x == c.x + 0.5
    assert stack.count() == steps_before_move + 1  # the drag is one step

    while stack.canUndo():
        window.commands["undo"].trigger()
    assert window.document.plan == start
    while stack.canRedo():
        window.commands["redo"].trigger()
    assert window.document.plan == moved

    path = tmp_path / "Sơn La – 云南.boothplan"
    assert window.files.save_to(path)
    window.document.replace_plan(Plan(), None)
    assert window.files.open(str(path))
    assert window.document.plan == moved == read_plan(path)
