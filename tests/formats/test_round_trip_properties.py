"""Property tests: any plan survives the plan file and GeoJSON exactly (floats, text, order)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from planner.formats.geojson_floor import floor_from_geojson, plan_to_geojson
from planner.formats.plan_file import read_plan, write_plan
from planner.model import Booth, Exhibitor, Hall, Plan, PlanInfo, Zone
from planner.model.status import STATUSES

# Any finite float, including ones with no short decimal form, negative zero excluded (it
# compares equal to 0.0 but GeoJSON text keeps its sign, which is still exact).
coordinate = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
# Booth sides in the physical range (planner.model.limits): 0.5 m to 200 m.
size = st.floats(min_value=0.5, max_value=50, allow_nan=False)
# Text of every script, without surrogates (not encodable in UTF-8) or NUL.
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=20,
)


@st.composite
def plans(draw) -> Plan:
    x, y = draw(coordinate), draw(coordinate)
    w, d = draw(size), draw(size)
    entities: list = [
        PlanInfo(name=draw(words), venue=draw(words), booth=(draw(size), draw(size))),
        # A hall is at least 1 m a side: a smaller one is refused as degrees read as metres.
        Hall("hall-1", draw(words), box(x, y, x + 1 + 10 * w, y + 1 + 10 * d)),
        Zone(
            "zone-1",
            draw(words),
            draw(st.sampled_from(["standard", "car", "tự chọn"])),
            box(x, y, x + 5 * w, y + 5 * d),
            booth=draw(st.none() | st.tuples(size, size)),
        ),
        Exhibitor(
            "exhibitor-1", draw(words), notes=draw(words), booths_wanted=draw(st.integers(0, 9))
        ),
    ]
    for i in range(draw(st.integers(0, 12))):
        bx, by = x + draw(size), y + draw(size)
        entities.append(
            Booth(
                f"booth-{i + 1}",
                draw(words),
                box(bx, by, bx + w, by + d),
                zone_id=draw(st.none() | st.just("zone-1")),
                status=draw(st.sampled_from(STATUSES)),
                exhibitor_id=draw(st.none() | st.just("exhibitor-1")),
                locked=draw(st.booleans()),
                flags=tuple(draw(st.lists(words, max_size=3))),
                note=draw(words),
            )
        )
    return Plan.from_entities(entities)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_survives_a_plan_file_exactly(plan):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.boothplan"
        write_plan(plan, path)
        again = read_plan(path)
    assert again == plan
    assert list(again.booths) == list(plan.booths)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_survives_geojson_exactly(plan):
    text = json.dumps(plan_to_geojson(plan), ensure_ascii=False)
    again = floor_from_geojson(json.loads(text), "p.geojson")
    assert again == plan
    for booth in plan.booths.values():
        assert list(again.booths[booth.id].geometry.exterior.coords) == list(
            booth.geometry.exterior.coords
        )
