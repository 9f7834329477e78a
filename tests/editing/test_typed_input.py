"""Typed lengths and points while drawing."""

from __future__ import annotations

import pytest

from planner.editing.typed_input import (
    TypedBuffer,
    TypedInputError,
    TypedKind,
    parse_typed,
    point_from_typed,
)


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("12.5", TypedKind.LENGTH, (12.5,)),
        (" 30, 20 ", TypedKind.POINT, (30.0, 20.0)),
        ("30;20", TypedKind.POINT, (30.0, 20.0)),
        ("10<90", TypedKind.POLAR, (10.0, 90.0)),
    ],
)
def test_what_typed_text_means(text, kind, values):
    typed = parse_typed(text)
    assert (typed.kind, typed.values) == (kind, values)


@pytest.mark.parametrize("text", ["", "abc", "-3", "0", "inf", "nan, 2", "1e400", "0<90", "5<inf"])
def test_nonsense_is_refused_in_a_sentence(text):
    with pytest.raises(TypedInputError) as refused:
        parse_typed(text)
    assert str(refused.value).endswith(".")


def test_a_length_goes_toward_the_pointer_and_an_angle_from_east():
    assert point_from_typed("5", (0, 0), (0, 10)) == (0, 5)
    assert point_from_typed("5", (1, 1), None) == (6, 1)  # no pointer yet: east
    x, y = point_from_typed("10<90", (0, 0), None)
    assert abs(x) < 1e-9 and y == 10


def test_the_buffer_takes_only_the_keys_of_a_length_or_a_point():
    buffer = TypedBuffer()
    assert not buffer.key(" ")  # a space starts nothing
    assert [buffer.key(k) for k in "30, 20"] == [True] * 6
    assert not buffer.key("x")
    assert buffer.take() == "30, 20" and buffer.text == ""
    assert not buffer.backspace()
