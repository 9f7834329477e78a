"""GeoJSON floors: every sample imports, what it says is what the plan holds, round trips exact."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import box, shape

from planner.formats.geojson_floor import (
    floor_from_geojson,
    plan_to_geojson,
    read_floor,
    write_geojson,
)
from planner.formats.plan_file import read_plan, write_plan
from planner.model import Plan
from planner.model.status import CONFIRMED, ON_HOLD
from tests.formats.formats_helpers import FLOORS, LAOCAI, UNICODE, full_plan

SAMPLES = sorted(FLOORS.glob("*.geojson"))


def test_there_are_samples():
    assert len(SAMPLES) >= 3


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_imports_with_its_features_and_exact_coordinates(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    plan = read_floor(path)
    assert plan.name == data["name"]
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert len(plan.halls) == kinds.count("hall")
    assert len(plan.obstacles) == kinds.count("obstacle")
    assert len(plan.zones) == kinds.count("zone")
    assert len(plan.doors) == kinds.count("entrance") + kinds.count("exit")
    assert plan.info.booth == tuple(data["boothplan"]["booth"])
    assert plan.info.aisle == data["boothplan"]["aisle"]
    # Entities in file order, and each one's geometry exactly the file's.
    entities = [*plan.halls.values(), *plan.obstacles.values(), *plan.zones.values()]
    entities += list(plan.doors.values())
    by_kind = {"hall": [], "obstacle": [], "zone": [], "door": []}
    for feature in data["features"]:
        kind = feature["properties"]["kind"]
        by_kind["door" if kind in ("entrance", "exit") else kind].append(feature)
    tables = {"hall": plan.halls, "obstacle": plan.obstacles, "zone": plan.zones}
    tables["door"] = plan.doors
    for kind, features in by_kind.items():
        for n, (feature, entity) in enumerate(zip(features, tables[kind].values(), strict=True)):
            assert entity.id == f"{kind}-{n + 1}"
            assert entity.name == feature["properties"]["name"]
            geometry = entity.line if kind == "door" else entity.geometry
            assert geometry == shape(feature["geometry"])  # exact coordinates, same order


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_import_export_import_is_the_same_plan(path, tmp_path):
    plan = read_floor(path)
    out = tmp_path / "out.geojson"
    write_geojson(plan, out)
    assert read_floor(out) == plan
    # and through a plan file too
    write_plan(plan, tmp_path / "p.boothplan")
    assert read_plan(tmp_path / "p.boothplan") == plan


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_exported_coordinates_are_the_source_coordinates(path):
    source = json.loads(path.read_text(encoding="utf-8"))
    exported = json.loads(json.dumps(plan_to_geojson(read_floor(path))))
    key = {"entrance": "door", "exit": "door"}
    original = [
        (key.get(f["properties"]["kind"], f["properties"]["kind"]), f["geometry"]["coordinates"])
        for f in source["features"]
    ]
    written = [
        (key.get(f["properties"]["kind"], f["properties"]["kind"]), f["geometry"]["coordinates"])
        for f in exported["features"]
    ]
    assert sorted(map(json.dumps, original)) == sorted(map(json.dumps, written))


def test_laocai_floor_in_detail():
    plan = read_floor(LAOCAI)
    assert [h.name for h in plan.halls.values()] == ["Hall A", "Outdoor area B"]
    assert [h.geometry.area for h in plan.halls.values()] == [7200.0, 2944.0]
    assert len(plan.obstacles) == 18 and all(o.is_column for o in plan.obstacles.values())
    zones = {z.name: z for z in plan.zones.values()}
    assert zones["Car display"].use == "car" and zones["Car display"].booth == (6.0, 9.0)
    assert zones["Car display"].aisle == 4.0
    assert zones["Megalive stage"].booth is None and zones["Megalive stage"].use == "feature"
    doors = list(plan.doors.values())
    assert [d.kind for d in doors].count("entrance") == 2
    assert doors[0].name == "Main entrance" and doors[0].width == 6.0
    assert "第25届中越国际商品交易会" in plan.name


def test_unknown_properties_are_kept_and_written_back(tmp_path):
    data = {
        "type": "FeatureCollection",
        "name": UNICODE,
        "crs": {"type": "name", "properties": {"name": "local-metres"}},
        "boothplan": {"booth": [3, 2], "aisle": 2.5, "drawn_by": "Nguyễn Văn A"},
        "features": [
            {
                "type": "Feature",
                "properties": {"kind": "hall", "name": "Nhà A", "floor": 2, "tags": ["大理"]},
                "geometry": box(0, 0, 20, 10).__geo_interface__,
            },
            {
                "type": "Feature",
                "properties": {"kind": "exit", "name": "E", "width": 2, "sign": "Lối ra"},
                "geometry": {"type": "LineString", "coordinates": [[20, 2], [20, 4]]},
            },
        ],
    }
    plan = floor_from_geojson(data, "floor.geojson")
    hall = plan.halls["hall-1"]
    assert json.loads(hall.extra) == {"floor": 2, "tags": ["大理"]}
    assert json.loads(plan.info.extra)["drawn_by"] == "Nguyễn Văn A"
    exported = plan_to_geojson(plan)
    assert exported["crs"] == data["crs"]
    assert exported["boothplan"]["drawn_by"] == "Nguyễn Văn A"
    props = exported["features"][0]["properties"]
    assert props["floor"] == 2 and props["tags"] == ["大理"] and props["name"] == "Nhà A"
    assert exported["features"][1]["properties"]["sign"] == "Lối ra"
    assert floor_from_geojson(json.loads(json.dumps(exported)), "again") == plan


def test_a_plan_with_booths_exhibitors_and_history_round_trips(tmp_path):
    plan = full_plan()
    path = tmp_path / "Hội chợ.geojson"
    write_geojson(plan, path)
    text = path.read_text(encoding="utf-8")
    assert UNICODE in text, "names are written as they are, not escaped"
    again = read_floor(path)
    assert again == plan
    assert again.booths["booth-1"].locked is True
    assert again.booths["booth-1"].geometry.bounds[0] == 0.1 + 0.2


def test_booth_features_carry_the_documented_properties():
    plan = full_plan()
    features = [f for f in plan_to_geojson(plan)["features"] if f["properties"]["kind"] == "booth"]
    assert len(features) == len(plan.booths)
    props = features[1]["properties"]
    assert props["number"] == "A02"
    assert props["zone"] == "Ẩm thực 云南"
    assert props["status"] == CONFIRMED
    assert props["exhibitor"] == "云南白药集团"
    assert props["colour"] == "đỏ", "a booth's unknown property comes back"
    assert features[0]["properties"]["locked"] is True


def test_booths_from_another_tool_are_matched_by_name():
    """A GIS tool's file names the zone and the exhibitor; no ids, no exhibitor list."""
    data = json.loads(json.dumps(plan_to_geojson(read_floor(LAOCAI))))
    for feature in data["features"]:
        feature.pop("id")
    square = box(70, -50, 73, -47).__geo_interface__
    for n, exhibitor in enumerate(["Bánh mì 大理", "Bánh mì 大理", None], start=1):
        props = {"kind": "booth", "number": f"C{n}", "zone": "Culinary court", "status": "sold"}
        if exhibitor:
            props["exhibitor"] = exhibitor
        data["features"].append({"type": "Feature", "properties": props, "geometry": square})
    data["features"][-1]["properties"]["status"] = "On hold"
    plan = floor_from_geojson(data, "gis.geojson")
    booths = list(plan.booths.values())
    assert [b.id for b in booths] == ["booth-1", "booth-2", "booth-3"]
    assert {b.zone_id for b in booths} == {"zone-3"}
    assert [e.name for e in plan.exhibitors.values()] == ["Bánh mì 大理"]
    assert booths[0].exhibitor_id == booths[1].exhibitor_id == "exhibitor-1"
    assert booths[0].status == CONFIRMED and booths[2].status == ON_HOLD
    assert booths[2].exhibitor_id is None


def test_generated_ids_skip_ids_the_file_gives():
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"kind": "hall"}, "geometry": g}
            for g in (box(0, 0, 1, 1).__geo_interface__, box(2, 0, 3, 1).__geo_interface__)
        ],
    }
    data["features"][1]["id"] = "hall-1"
    plan = floor_from_geojson(data, "f.geojson")
    assert list(plan.halls) == ["hall-2", "hall-1"]
    assert plan.name == "Untitled plan"


def test_defaults_when_the_boothplan_member_is_missing():
    hall = {
        "type": "Feature",
        "properties": {"kind": "hall", "name": "Sân"},
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [9, 0], [9, 9], [0, 0]]]},
    }
    data = {"type": "FeatureCollection", "name": "X", "features": [hall]}
    plan = floor_from_geojson(data, "f.geojson")
    assert plan.info.booth == (3.0, 3.0) and plan.info.aisle == 3.0
    assert plan == Plan.from_entities([plan.info, *plan.halls.values()])


def test_a_utf8_bom_and_a_3d_coordinate_are_accepted(tmp_path):
    path = tmp_path / "bom.geojson"
    feature = {
        "type": "Feature",
        "properties": {"kind": "hall", "name": "Sân"},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[0, 0, 5], [4, 0, 5], [4, 4, 5], [0, 0, 5]]],
        },
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False)
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    hall = read_floor(path).halls["hall-1"]
    assert not hall.geometry.has_z and hall.name == "Sân"
