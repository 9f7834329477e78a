"""Translation of the Qt-free packages' user-facing text: GNU gettext, with Babel's tools.

Qt-free code (``model``, ``packing``, ``formats``, ``export``, ``cli``, ``editing``) writes its
English text through :func:`_` and, for counts, :func:`ngettext`; a text defined at import time
(a label in a table) is marked with :func:`N_` and translated where it is shown. ``pybabel
extract`` collects the marked texts into ``planner/locale/boothplan.pot``; each language's
``.po`` is compiled to the ``.mo`` shipped in the package (``tools/translations.sh``). The
widgets keep Qt's own ``tr()`` and ``.ts`` files; both follow the one language chosen by
:func:`set_language`.

Placeholders are named (``_("Booth {number} placed.").format(number=...)``) so a translation
may put them in another order.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "boothplan"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def available_languages() -> list[str]:
    """The languages with a compiled catalogue in the package, and English (the source)."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return ["en", *found]


def language_from_environment() -> str:
    """The language the environment asks for, as gettext reads it (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``), or English."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            first = value.split(":")[0].split(".")[0]
            if first and first not in ("C", "POSIX"):
                return first
    return "en"


def set_language(code: str | None, locale_dir: Path = LOCALE_DIR) -> str:
    """Translate into ``code`` (``"vi"``, ``"zh_CN"``, ``"zh-Hans"``...) from now on, falling back
    to the nearest catalogue and then to English; returns the language in use."""
    global _catalogue, _language
    wanted = _normalise(code or "en")
    candidates = [wanted, wanted.split("_")[0]]
    for candidate in candidates:
        mo = locale_dir / candidate / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if mo.is_file():
            with mo.open("rb") as handle:
                _catalogue = gettext.GNUTranslations(handle)
            _language = candidate
            return candidate
    _catalogue = gettext.NullTranslations()
    _language = "en"
    return "en"


def current_language() -> str:
    return _language


def _normalise(code: str) -> str:
    """``zh-Hans`` and ``zh-CN`` → ``zh_CN``; ``vi-VN`` → ``vi_VN``."""
    code = code.replace("-", "_")
    if code.lower() in ("zh_hans", "zh_sg"):
        return "zh_CN"
    if code.lower() in ("zh_hant", "zh_hk", "zh_mo"):
        return "zh_TW"
    return code


def _(message: str) -> str:
    """``message`` in the current language."""
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted text that ``n`` takes in the current language (Vietnamese and
    Chinese have one form, English two); fill in ``{n}`` with ``.format(n=n)``."""
    return _catalogue.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated as meant in ``context`` (a word that means two things)."""
    return _catalogue.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (a label defined at import
    time, translated with :func:`_` where it is shown)."""
    return message


__all__ = [
    "N_",
    "_",
    "available_languages",
    "current_language",
    "language_from_environment",
    "ngettext",
    "pgettext",
    "set_language",
]
