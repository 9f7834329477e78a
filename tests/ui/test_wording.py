"""Counts on screen read as English: "1 booth selected.", "3 booths", never "booth(s)"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from planner.ui.dialogs import RenumberDialog


def _labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_renumber_dialog_says_booth_or_booths(qtbot):
    one = RenumberDialog(1)
    qtbot.addWidget(one)
    assert "1 booth selected." in _labels(one)
    many = RenumberDialog(12)
    qtbot.addWidget(many)
    assert "12 booths selected." in _labels(many)
    assert not any("(s)" in text for text in _labels(one) + _labels(many))


def test_properties_status_label_counts_the_booths(window, qtbot):
    properties = window.properties
    window.selection.set([("booths", "booth-1"), ("booths", "booth-2")])
    combo = properties.inputs["status"]
    assert properties.form.labelForField(combo).text() == "Status of 2 booths"
    window.selection.set([("booths", "booth-1"), ("halls", "hall-1")])
    combo = properties.inputs["status"]
    assert properties.form.labelForField(combo).text() == "Status of 1 booth"
