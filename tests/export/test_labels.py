"""Booth labels never leave their booth; names shrink, wrap, abbreviate or go to the index."""

from __future__ import annotations

import doctest
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely import affinity
from shapely.geometry import Polygon, box

from planner.export import colours, geometry, labels, map_draw, sorting, text
from planner.export.fonts import font_metrics, unit_width
from planner.export.geometry import rect_frame
from planner.export.labels import abbreviate, fit_booth_label, fit_label, tokens, wrap
from planner.export.sorting import name_key, natural_key
from planner.theme import MIN_LABEL_PT

NAMES = [
    "Sơn La",
    "Hải Phòng",
    "大理",
    "云南",
    "<b>&amp; Markup Trading</b>",
    "Công ty TNHH Thương mại và Dịch vụ Xuất nhập khẩu Hải Phòng",
    "云南大理白族自治州农产品有限公司",
    "Hợp tác xã Chè Shan Tuyết Sơn La 1",
    "Supercalifragilisticexpialidocious-Export-Import-Holdings",
    "",
]


def test_doctests():
    for module in (labels, sorting, geometry, text, colours, map_draw):
        assert doctest.testmod(module).failed == 0


def _check_inside(fit, width, height):
    """Every line's ink box (advance width x ascent+descent) lies inside the booth's padding."""
    ascent, descent = font_metrics()
    pad = labels.PADDING_FRACTION * min(width, height)
    for line in fit.lines:
        assert line.size >= MIN_LABEL_PT - 1e-9
        assert line.width / 2 <= width / 2 - pad + 1e-6
        assert line.baseline + ascent * line.size <= height / 2 - pad + 1e-6
        assert line.baseline - descent * line.size >= -height / 2 + pad - 1e-6
        assert line.width == pytest.approx(unit_width(line.text) * line.size)
    assert fit.width <= width - 2 * pad + 1e-6
    assert fit.height <= height - 2 * pad + 1e-6


@settings(max_examples=150, deadline=None)
@given(
    width=st.floats(2.0, 400.0),
    height=st.floats(2.0, 400.0),
    number=st.sampled_from(["A1", "B12", "C107", "F1234", "X"]),
    name=st.sampled_from(NAMES) | st.text(min_size=0, max_size=60),
)
def test_label_always_fits_inside_the_booth(width, height, number, name):
    ascent, descent = font_metrics()
    fit = fit_label(number, name, width, height, unit_width, ascent, descent)
    _check_inside(fit, width, height)
    if not fit.empty:
        assert fit.lines[0].text == number  # the number always comes first


def test_big_booth_shows_number_and_whole_name():
    ascent, descent = font_metrics()
    for name in NAMES[:5]:
        fit = fit_label("A12", name, 120, 120, unit_width, ascent, descent)
        assert fit.name_shown
        assert " ".join(line.text for line in fit.lines[1:]).replace(" ", "") == name.replace(
            " ", ""
        )


def test_long_company_name_is_wrapped_or_abbreviated():
    ascent, descent = font_metrics()
    name = "Công ty TNHH Thương mại và Dịch vụ Xuất nhập khẩu Hải Phòng"
    fit = fit_label("A1", name, 42.5, 42.5, unit_width, ascent, descent)  # 3 m at 1:200
    assert fit.name_shown
    assert len(fit.lines) >= 3  # wrapped
    shown = " ".join(line.text for line in fit.lines[1:])
    assert shown in (name, abbreviate(name))


def test_tiny_booth_shows_number_only_then_nothing():
    ascent, descent = font_metrics()
    fit = fit_label("A1", "Hải Phòng Trading", 16, 16, unit_width, ascent, descent)
    assert [line.text for line in fit.lines] == ["A1"]
    assert not fit.name_shown
    assert fit_label("A1", "Hải Phòng", 3, 3, unit_width, ascent, descent).empty


def test_markup_is_measured_as_plain_text():
    ascent, descent = font_metrics()
    name = "<b>&amp; Markup Trading</b>"
    fit = fit_label("A1", name, 200, 100, unit_width, ascent, descent)
    assert " ".join(line.text for line in fit.lines[1:]) == name


def test_abbreviations():
    assert abbreviate("Công ty Cổ phần Nội thất Lào Cai 4") == "CTCP Nội thất Lào Cai 4"
    assert abbreviate("CÔNG TY TNHH Điện tử") == "Cty TNHH Điện tử"
    assert abbreviate("昆明新能源汽车贸易有限公司") == "昆明新能源汽车贸易公司"
    assert abbreviate("Sơn La") == "Sơn La"


def test_chinese_wraps_between_characters_latin_at_spaces():
    assert [p for p, _ in tokens("云南 Trading Co")] == ["云", "南", "Trading", "Co"]
    lines = wrap(tokens("云南大理白族自治州"), unit_width("云南大") + 0.01, unit_width)
    assert lines == ["云南大", "理白族", "自治州"]
    assert wrap(tokens("Hải Phòng Sơn La"), unit_width("Hải Phòng") + 0.01, unit_width) == [
        "Hải Phòng",
        "Sơn La",
    ]
    assert wrap(tokens("Supercalifragilistic"), 1.0, unit_width) is None


@pytest.mark.parametrize("angle", [0, 15, 30, 45, 60, 89, 90, 120, 135, 180, 200, 270, 300])
def test_rotated_rectangle_frame(angle):
    base = box(0, 0, 6, 3)
    rotated = affinity.rotate(affinity.translate(base, 10, 20), angle, origin=(13, 21.5))
    frame = rect_frame(rotated)
    assert frame.width == pytest.approx(6)
    assert frame.height == pytest.approx(3)
    assert (frame.cx, frame.cy) == pytest.approx((13, 21.5))
    assert -90 < frame.angle <= 90
    # The text direction is the long side's direction (up to 180 degrees).
    assert math.isclose((frame.angle - angle) % 180, 0, abs_tol=1e-6) or math.isclose(
        (frame.angle - angle) % 180, 180, abs_tol=1e-6
    )


def test_square_reads_along_the_side_nearest_horizontal():
    square = affinity.rotate(box(0, 0, 3, 3), 80, origin="centroid")
    assert rect_frame(square).angle == pytest.approx(-10)


def test_non_rectangle_gets_its_envelope():
    pentagon = Polygon([(0, 0), (4, 0), (4, 2), (2, 3), (0, 2)])
    frame = rect_frame(pentagon)
    assert frame.width * frame.height >= pentagon.area


def test_vietnamese_names_sort_by_letters_then_accents():
    names = ["Đông Anh", "Hải Phòng", "An Giang", "Hà Nội", "Sơn La", "Dung", "Ân Thi", "an"]
    assert sorted(names, key=name_key) == [
        "an",
        "An Giang",
        "Ân Thi",
        "Đông Anh",
        "Dung",
        "Hà Nội",
        "Hải Phòng",
        "Sơn La",
    ]


def test_booth_numbers_sort_naturally():
    numbers = ["A10", "A2", "B1", "A1", "C100", "C20", "A2a", "10", "2"]
    assert sorted(numbers, key=natural_key) == [
        "2",
        "10",
        "A1",
        "A2",
        "A2a",
        "A10",
        "B1",
        "C20",
        "C100",
    ]


def test_label_turns_level_when_that_costs_little():
    ascent, descent = font_metrics()
    # A 4 x 3 booth standing upright (long side at 90 degrees): "A1" fits level nearly as large.
    fit, angle = fit_booth_label("A1", "Sơn La", 120, 90, 90.0, unit_width, ascent, descent)
    assert angle == 0.0
    assert fit.name_shown
    # A long number in a narrow upright booth stays along the long side.
    fit, angle = fit_booth_label("ES-301", "", 90, 60, 90.0, unit_width, ascent, descent)
    assert angle == 90.0
    # A booth at 30 degrees is already nearer level than at -60.
    _, angle = fit_booth_label("A1", "", 120, 90, 30.0, unit_width, ascent, descent)
    assert angle == 30.0
