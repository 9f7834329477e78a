"""Translating what the Qt-free tools say (status hints, results) where the UI shows it.

Tools hand over :class:`planner.ui.tools.base.Message` objects: an English template and its
values. Here the template goes through ``QCoreApplication.translate`` with the context
``"Tools"`` (a translation file covers it like any ``tr()`` text), then the values are filled
in. Plain strings (a model error's sentence) are looked up the same way and usually come back
as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner.ui.tools.base import Message
from planner.wording import no_negative_zero

CONTEXT = "Tools"


def translate_status(text: object) -> str:
    return no_negative_zero(_translate(text))


def _translate(text: object) -> str:
    if not isinstance(text, Message):
        return QCoreApplication.translate(CONTEXT, str(text)) if text else ""
    values = {
        key: _translate(value) if isinstance(value, Message) else value
        for key, value in text.values
    }
    template = QCoreApplication.translate(CONTEXT, text.template)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)  # a broken translation must not hide the message
