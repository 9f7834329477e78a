"""Prices in the plan's properties: default price per m², corner premium (%), currency; bad
values refused with a sentence and nothing changed; each Apply is one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from planner.model.pricing import booth_price

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _field(window, key: str) -> QLineEdit:
    field = window.properties.findChild(QLineEdit, f"prop-{key}")
    assert field is not None, key
    return field


def _type(qtbot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_prices_are_shown_and_set_in_one_step_each(window, qtbot):
    window.selection.clear()
    info = window.document.plan.info
    assert _field(window, "price").text() == f"{info.price_per_m2:.15g}"
    assert _field(window, "corner").text() == f"{info.corner_premium * 100:g}"
    assert _field(window, "currency").text() == info.currency
    assert _field(window, "plan_name").cursorPosition() == 0  # a long name shows its start
    _field(window, "price").setText("1500000")
    _field(window, "corner").setText("12,5 %")
    _type(qtbot, _field(window, "currency"), "USD")
    plan = window.document.plan
    assert plan.info.price_per_m2 == 1_500_000
    assert plan.info.corner_premium == 0.125
    assert plan.info.currency == "USD"
    assert plan.info.name == "Hội chợ Sơn La – 大理"  # the rest of the form left as it was
    assert window.document.undo_stack.count() == 1
    # A02 stands open to north and south: two open sides, so the corner premium applies.
    assert booth_price(plan, plan.booths["booth-2"]) == 9 * 1_500_000 * 1.125
    _type(qtbot, _field(window, "price"), "2000000")
    assert window.document.undo_stack.count() == 2
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    window.docks["properties"].grab().save(str(ARTIFACTS / "plan-prices.png"))
    window.commands["undo"].trigger()
    assert window.document.plan.info.price_per_m2 == 1_500_000
    assert _field(window, "price").text() == "1500000"  # not 1.5e+06


def test_bad_prices_are_refused_and_nothing_changes(window, qtbot):
    window.selection.clear()
    start = window.document.plan
    for key, bad, words in (
        ("price", "abc", "price"),
        ("price", "-3", "negative"),
        ("corner", "abc", "corner premium"),
        ("corner", "-3", "negative"),
        ("corner", "150", "more than 100 %"),  # as planner.model.pricing refuses it
        ("currency", "", "empty"),
        ("currency", "Việt Nam đồng", "short code"),
    ):
        field = _field(window, key)
        field.setText(bad)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        message = window.properties.message.text()
        assert words in message.lower(), (key, bad, message)
        assert window.document.plan is start
        window.properties.refresh()  # start again from the plan's values
    assert window.document.undo_stack.count() == 0
