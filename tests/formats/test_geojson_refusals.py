"""Bad floors are refused with one sentence naming the file, the feature and the problem."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from planner.formats.geojson_floor import FloorError, read_floor
from tests.formats.formats_helpers import LAOCAI, run_cli

GOOD_TEXT = LAOCAI.read_text(encoding="utf-8")
GOOD = json.loads(GOOD_TEXT)
OBSTACLE = {"kind": "obstacle", "name": "cột"}


def _feature(data: dict, name: str) -> dict:
    return next(f for f in data["features"] if f["properties"].get("name") == name)


def _edit(change):
    def make(folder: Path) -> Path:
        data = copy.deepcopy(GOOD)
        change(data)
        path = folder / "floor.geojson"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return make


def _text(content: str):
    def make(folder: Path) -> Path:
        path = folder / "floor.geojson"
        path.write_text(content, encoding="utf-8")
        return path

    return make


def _set(name: str, **props):
    return lambda data: _feature(data, name)["properties"].update(props)


def _geometry(name: str, geometry):
    return lambda data: _feature(data, name).update(geometry=geometry)


BOWTIE = {"type": "Polygon", "coordinates": [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]}
FAR_DOOR = {"type": "LineString", "coordinates": [[50, 30], [56, 30]]}
NEAR_DOOR = {"type": "LineString", "coordinates": [[57, 0.02], [63, 0.02]]}  # 2 cm inside
OUTSIDE = {"type": "Polygon", "coordinates": [[[200, 0], [210, 0], [210, 10], [200, 0]]]}
ACROSS = {
    "type": "Polygon",
    "coordinates": [[[110, 10], [130, 10], [130, 20], [110, 20], [110, 10]]],
}


CASES = {
    "not a collection": (
        _text('{"type": "Feature", "properties": {}, "geometry": null}'),
        "is not a GeoJSON FeatureCollection (its type is 'Feature')",
    ),
    "a list": (_text("[1, 2]"), "is not a GeoJSON FeatureCollection (its type is 'list')"),
    "bad JSON": (
        _text('{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature",}\n]}'),
        "is not valid JSON: expecting property name enclosed in double quotes at line 3, column 22",
    ),
    "not UTF-8": (None, "is not UTF-8 text (byte 2 cannot be read)"),
    "unknown kind": (
        _edit(_set("Hall A", kind="stage")),
        "feature 1 (stage \"Hall A\"): unknown kind 'stage' (known kinds: hall, obstacle",
    ),
    "kind not text": (
        _edit(_set("Hall A", kind=["hall"])),
        "feature 1 (feature \"Hall A\"): unknown kind ['hall'] (known kinds: hall",
    ),
    "no kind": (
        _edit(lambda d: d["features"][0]["properties"].pop("kind")),
        'feature 1 (feature "Hall A"): it has no "kind" property',
    ),
    "self-intersecting": (
        _edit(_geometry("Megalive stage", BOWTIE)),
        'feature 20 (zone "Megalive stage"): the polygon is invalid: self-intersection at (5, 5)',
    ),
    "door off the edge": (
        _edit(_geometry("Main entrance", FAR_DOOR)),
        'feature 21 (entrance "Main entrance"): the door is not on a hall\'s edge',
    ),
    "door 2 cm inside": (
        _edit(_geometry("Main entrance", NEAR_DOOR)),
        'feature 21 (entrance "Main entrance"): the door is not on a hall\'s edge (the nearest',
    ),
    "zone outside every hall": (
        _edit(_geometry("Megalive stage", OUTSIDE)),
        'feature 20 (zone "Megalive stage"): the zone lies outside every hall',
    ),
    "zone across the edge": (
        _edit(_geometry("Megalive stage", ACROSS)),
        'feature 20 (zone "Megalive stage"): the zone reaches outside the halls (100.00 m²',
    ),
    "text width": (
        _edit(_set("Exit W", width="wide")),
        "feature 26 (exit \"Exit W\"): width should be a number of metres, not 'wide'",
    ),
    "negative width": (
        _edit(_set("Exit W", width=-2)),
        'feature 26 (exit "Exit W"): width should be more than 0, not -2',
    ),
    "text booth size": (
        _edit(_set("Car display", booth=["6", 9])),
        "feature 29 (zone \"Car display\"): booth width should be a number of metres, not '6'",
    ),
    "one booth size": (
        _edit(_set("Car display", booth=6)),
        'feature 29 (zone "Car display"): booth should be [width, depth] in metres, not 6',
    ),
    "text aisle": (
        _edit(_set("Culinary court", aisle=True)),
        'feature 30 (zone "Culinary court"): aisle should be a number of metres, not True',
    ),
    "bad position": (
        _edit(
            _geometry(
                "Hall A", {"type": "Polygon", "coordinates": [[[0, 0], [9, 0], [9, "9"], [0, 0]]]}
            )
        ),
        "its coordinates cannot be read: position 3 of ring 1 of the polygon should be [x, y] "
        "numbers",
    ),
    "missing geometry": (
        _edit(_geometry("Outdoor area B", None)),
        'feature 28 (hall "Outdoor area B"): it has no geometry',
    ),
    "wrong geometry": (
        _edit(_geometry("Exit E", {"type": "Point", "coordinates": [120, 30]})),
        'feature 27 (exit "Exit E"): its geometry is a Point, but an exit needs a LineString',
    ),
    "bad coordinates": (
        _edit(_geometry("Hall A", {"type": "Polygon", "coordinates": [[[0, 0], [1]]]})),
        'feature 1 (hall "Hall A"): its coordinates cannot be read: ring 1 of the polygon needs 4 '
        "positions",
    ),
    "bad defaults": (
        _edit(lambda d: d["boothplan"].update(aisle="3m")),
        "the \"boothplan\" defaults are wrong: aisle should be a number of metres, not '3m'",
    ),
    "other units": (
        _edit(lambda d: d["boothplan"].update(units="ft")),
        "units 'ft' are not supported; coordinates must be metres",
    ),
    "duplicate id": (
        _edit(
            lambda d: [f.update(id="h") for f in d["features"] if f["properties"]["kind"] == "hall"]
        ),
        "feature 28 (hall \"Outdoor area B\"): its id 'h' is used by another hall feature",
    ),
    "booth in an unknown zone": (
        _edit(
            lambda d: d["features"].append(
                {
                    "type": "Feature",
                    "properties": {"kind": "booth", "number": "B7", "zone": "Nowhere"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[1, 1], [4, 1], [4, 4], [1, 1]]],
                    },
                }
            )
        ),
        'feature 32 (booth "B7"): its zone "Nowhere" is not a zone of this floor',
    ),
    "booth with a bad status": (
        _edit(
            lambda d: d["features"].append(
                {
                    "type": "Feature",
                    "properties": {"kind": "booth", "number": 8, "status": "maybe"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[1, 1], [4, 1], [4, 4], [1, 1]]],
                    },
                }
            )
        ),
        "feature 32 (booth \"8\"): unknown status 'maybe'",
    ),
    # Issue "Nothing lost, nothing hung", row 3: absurd numbers are refused, naming the value.
    "aisle 1e401 (infinite)": (
        _text(GOOD_TEXT.replace('"aisle": 3.0', '"aisle": 1e401', 1)),
        'the "boothplan" defaults are wrong: aisle should be a number of metres, not inf',
    ),
    "aisle 1e308": (
        _edit(lambda d: d["boothplan"].update(aisle=1e308)),
        'the "boothplan" defaults are wrong: aisle 1e+308 m is over 100 m',
    ),
    "booth 1e-9 m": (
        _edit(lambda d: d["boothplan"].update(booth=[1e-9, 3])),
        'the "boothplan" defaults are wrong: booth width 1e-09 m is under 0.5 m',
    ),
    "booth 1e-320 m": (
        _edit(lambda d: d["boothplan"].update(booth=[3, 1e-320])),
        'the "boothplan" defaults are wrong: booth depth 9.99989e-321 m is under 0.5 m',
    ),
    "zone booth 1e308 m": (
        _edit(_set("Car display", booth=[6, 1e308])),
        'feature 29 (zone "Car display"): booth depth 1e+308 m is over 200 m',
    ),
    "hall corner 1e15 m away": (
        _edit(
            _geometry(
                "Outdoor area B",
                {"type": "Polygon", "coordinates": [[[0, 0], [1e15, 0], [0, 9], [0, 0]]]},
            )
        ),
        'feature 28 (hall "Outdoor area B"): a coordinate lies 1e+15 m from the origin, beyond',
    ),
    "hall of 20 km": (
        _edit(
            _geometry(
                "Outdoor area B",
                {
                    "type": "Polygon",
                    "coordinates": [[[0, 0], [2e4, 0], [2e4, -2e4], [0, -2e4], [0, 0]]],
                },
            )
        ),
        'feature 28 (hall "Outdoor area B"): the hall covers 400 km², more than the 10 km²',
    ),
    "door 1e308 m wide": (
        _edit(_set("Exit W", width=1e308)),
        'feature 26 (exit "Exit W"): door width 1e+308 m is over 100 m',
    ),
    "NaN literal": (
        _text(GOOD_TEXT.replace('"aisle": 3.0', '"aisle": NaN', 1)),
        "is not a GeoJSON floor Boothplan reads: it holds NaN, which is not a JSON number",
    ),
    # Row 5: deeply nested JSON.
    "nested 100,000 deep": (_text("[" * 100_000), "it is nested more than 64 levels deep"),
    "properties nested 200 deep": (
        _edit(_set("Hall A", note=json.loads("[" * 200 + "]" * 200))),
        "it is nested more than 64 levels deep",
    ),
    # Row 9: a floor without a hall.
    "no hall": (
        _edit(lambda d: d.update(features=[_feature(d, "Hall A") | {"properties": OBSTACLE}])),
        'has no hall (1 obstacle): a floor needs at least one feature of kind "hall"',
    ),
    # Row 10: a message with no subject.
    "polygon without rings": (
        _edit(_geometry("Hall A", {"type": "Polygon", "coordinates": []})),
        'feature 1 (hall "Hall A"): its coordinates cannot be read: the polygon has no rings',
    ),
    "missing file": (lambda folder: folder / "gone.geojson", "does not exist"),
    "directory": (
        lambda folder: (folder / "floors.geojson").mkdir() or folder / "floors.geojson",
        "is a folder, not a GeoJSON floor file",
    ),
}


def _not_utf8(folder: Path) -> Path:
    path = folder / "floor.geojson"
    path.write_bytes(b'{"\xff": 1}')
    return path


def _make(case: str, folder: Path) -> Path:
    make, _ = CASES[case]
    return (make or _not_utf8)(folder)


@pytest.mark.parametrize("case", list(CASES))
def test_read_floor_refuses_with_one_sentence(case, tmp_path):
    path = _make(case, tmp_path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(FloorError) as caught:
        read_floor(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert CASES[case][1] in message
    assert message.endswith(".") and "\n" not in message
    assert (path.read_bytes() if path.is_file() else None) == before


@pytest.mark.parametrize("case", ["bad JSON", "self-intersecting", "door off the edge"])
def test_cli_new_refuses_with_exit_2_and_writes_nothing(case, tmp_path):
    path = _make(case, tmp_path)
    before = path.read_bytes()
    out = tmp_path / "plan.boothplan"
    result = run_cli("new", "--floor", str(path), "-o", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"boothplan: {path}") and CASES[case][1] in result.stderr
    assert not out.exists() and path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["floor.geojson"]


def test_a_door_within_a_centimetre_of_the_edge_is_accepted(tmp_path):
    data = copy.deepcopy(GOOD)
    _feature(data, "Main entrance")["geometry"] = {
        "type": "LineString",
        "coordinates": [[57, 0.006], [63, -0.004]],
    }
    path = tmp_path / "floor.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_floor(path).doors["door-1"].name == "Main entrance"


def test_a_floor_in_longitude_and_latitude_is_named_as_such(tmp_path):
    # What a GIS writes by default: degrees. Read as metres the hall is a few millionths of a
    # square metre, and the plan used to be made (with no room for a single booth).
    hall = [[105.8, 21.0], [105.8004, 21.0], [105.8004, 21.0003], [105.8, 21.0003], [105.8, 21.0]]
    floor = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"kind": "hall", "name": "Sân Kim Đồng"},
                "geometry": {"type": "Polygon", "coordinates": [hall]},
            }
        ],
    }
    path = tmp_path / "wgs84.geojson"
    path.write_text(json.dumps(floor, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FloorError) as caught:
        read_floor(path)
    message = str(caught.value)
    assert message.startswith(f'{path}, feature 1 (hall "Sân Kim Đồng"): the hall covers')
    assert "not longitude and latitude" in message
