"""The Qt-free tools' status texts go through Qt's translation where the window shows them: a
translator installed in the application changes what the status bar says, values filled in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator
from ui_helpers import click

from planner.ui.tool_text import CONTEXT, translate_status
from planner.ui.tools.base import message

SELECT_HINT = (
    "Click to select, Ctrl/Shift-click to add, drag to move or draw a box; "
    "double-click an outline to add a corner."
)
VIETNAMESE = {
    SELECT_HINT: (
        "Nhấp để chọn, Ctrl/Shift để thêm, kéo để di chuyển hoặc khoanh vùng; "
        "nhấp đúp cạnh để thêm góc."
    ),
    "Booth {number} placed.": "Đã đặt gian {number}.",
    "Draw the {what}: click two corners, or type the size as 30, 20.": (
        "Vẽ {what}: nhấp hai góc, hoặc gõ kích thước như 30, 20."
    ),
    "hall": "nhà triển lãm",
    "{count} selected": "{count} mục đã chọn",
    "Move by {dx:.2f}, {dy:.2f} m": "{broken}",  # a bad translation
}


class DictTranslator(QTranslator):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.append((context, source))
        if context == CONTEXT:
            return VIETNAMESE.get(source)
        return None

    def isEmpty(self) -> bool:
        return False


def test_tool_status_is_translated_in_the_status_bar(window, qtbot):
    translator = DictTranslator()
    assert QCoreApplication.installTranslator(translator)
    try:
        window.set_tool("booth")
        window.set_tool("select")
        assert window.statusBar().currentMessage() == VIETNAMESE[SELECT_HINT]
        window.set_tool("hall")
        assert window.statusBar().currentMessage() == (
            "Vẽ nhà triển lãm: nhấp hai góc, hoặc gõ kích thước như 30, 20."
        )
        window.set_tool("booth")
        before = set(window.document.plan.booths)
        click(qtbot, window.view, 20, 10)
        (new,) = set(window.document.plan.booths) - before
        number = window.document.plan.booths[new].number
        assert window.statusBar().currentMessage() == f"Đã đặt gian {number}."
        assert (CONTEXT, "Booth {number} placed.") in translator.asked
    finally:
        QCoreApplication.removeTranslator(translator)
    # Without the translator the English text comes back.
    assert translate_status(message("Booth {number} placed.", number="A01")) == (
        "Booth A01 placed."
    )


def test_a_broken_translation_falls_back_to_english(qapp):
    translator = DictTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        text = translate_status(message("Move by {dx:.2f}, {dy:.2f} m", dx=1.0, dy=-2.5))
        assert text == "Move by 1.00, -2.50 m"
        assert translate_status(message("{count} selected", count=3)) == "3 mục đã chọn"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_typing_mistake_is_translated_too(window, qtbot):
    from PySide6.QtCore import Qt

    VIETNAMESE["{text!r} is not a length (12.5) or a point (30, 20)"] = (
        "{text!r} không phải độ dài (12.5) hay điểm (30, 20)"
    )
    translator = DictTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        window.set_tool("hall-polygon")
        window.view.setFocus()
        for key in (Qt.Key.Key_1, Qt.Key.Key_Comma, Qt.Key.Key_Comma):
            qtbot.keyClick(window.view, key)
        qtbot.keyClick(window.view, Qt.Key.Key_Return)
        assert window.statusBar().currentMessage() == (
            "'1,,' không phải độ dài (12.5) hay điểm (30, 20)"
        )
    finally:
        QCoreApplication.removeTranslator(translator)
        del VIETNAMESE["{text!r} is not a length (12.5) or a point (30, 20)"]
