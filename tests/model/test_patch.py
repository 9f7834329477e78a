"""Patches are the only way a plan changes, and every patch has an exact inverse."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from planner.model import Booth, Change, Exhibitor, Hall, Patch, PatchConflict, Plan, PlanInfo, Zone


def _plan() -> Plan:
    return Plan.from_entities(
        [
            PlanInfo(name="Sơn La week"),
            Hall("hall-1", "Hall A", box(0, 0, 30, 20)),
            Zone("zone-1", "Ẩm thực 云南", "culinary", box(0, 0, 10, 10)),
            Booth("booth-1", "A01", box(0, 0, 3, 3), "zone-1"),
            Booth("booth-2", "A02", box(3, 0, 6, 3), "zone-1"),
            Exhibitor("exhibitor-1", "HTX Chè Shan Tuyết Sơn La", country="VN"),
        ]
    )


def test_apply_then_inverse_gives_the_same_plan():
    plan = _plan()
    moved = replace(plan.booths["booth-1"], geometry=box(10, 10, 13, 13))
    patch = (
        plan.edit("Move and delete")
        .put(moved)
        .delete("booths", "booth-2")
        .put(Booth("booth-3", "A03", box(6, 0, 9, 3)))
        .build()
    )
    after = plan.apply(patch)
    assert after.booths["booth-1"].geometry.equals(box(10, 10, 13, 13))
    assert "booth-2" not in after.booths and "booth-3" in after.booths
    assert plan.booths["booth-1"].geometry.equals(box(0, 0, 3, 3)), "the old plan is unchanged"
    assert after.apply(patch.inverse()) == plan
    assert after.apply(patch.inverse()).apply(patch) == after


def test_stale_patch_is_refused():
    plan = _plan()
    patch = plan.edit().delete("booths", "booth-1").build()
    after = plan.apply(patch)
    with pytest.raises(PatchConflict):
        after.apply(patch)


def test_builder_collapses_repeated_edits_of_one_entity():
    plan = _plan()
    b = plan.booths["booth-1"]
    builder = plan.edit()
    builder.put(replace(b, number="X1")).put(replace(b, number="X2"))
    patch = builder.build()
    assert len(patch) == 1
    assert patch.changes[0].before == b and patch.changes[0].after.number == "X2"
    # putting back what was there is no change at all
    assert not plan.edit().put(replace(b, number="X1")).put(b).build()


def test_patch_cannot_delete_settings_or_put_wrong_type():
    plan = _plan()
    with pytest.raises(PatchConflict):
        plan.apply(Patch((Change("info", "plan", plan.info, None),)))
    with pytest.raises(PatchConflict):
        plan.apply(
            Patch((Change("booths", "booth-9", None, Hall("booth-9", "x", box(0, 0, 1, 1))),))
        )


def test_new_ids_follow_the_highest():
    plan = _plan()
    assert plan.new_ids("booths", 2) == ["booth-3", "booth-4"]
    assert plan.new_id("halls") == "hall-2"


def test_unicode_names_are_kept_exactly():
    plan = _plan()
    assert plan.zones["zone-1"].name == "Ẩm thực 云南"
    assert plan.info.name == "Sơn La week"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["put", "delete"]), st.integers(1, 6), st.integers(0, 20)),
        max_size=12,
    )
)
def test_any_patch_has_an_exact_inverse(ops):
    plan = _plan()
    builder = plan.edit()
    for op, n, x in ops:
        id_ = f"booth-{n}"
        if op == "put":
            builder.put(Booth(id_, f"N{x}", box(x, 0, x + 3, 3)))
        elif builder.current("booths", id_) is not None:
            builder.delete("booths", id_)
    patch = builder.build()
    after = plan.apply(patch)
    assert after.apply(patch.inverse()) == plan
