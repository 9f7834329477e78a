"""Keep the gettext catalogues of the Qt-free packages up to date, with Babel.

    .venv/bin/python tools/translations.py          # extract, update each .po, compile each .mo
    .venv/bin/python tools/translations.py --check  # fail if any of them is out of date (CI)

Texts marked with ``_()``, ``N_()``, ``ngettext()`` and ``pgettext()`` in ``planner/`` (not
``planner/ui``, which uses Qt's ``tr()`` and ``.ts`` files) go into
``planner/locale/boothplan.pot``; each language's ``planner/locale/<lang>/LC_MESSAGES/
boothplan.po`` is updated from it (translators fill it in), and compiled to the ``.mo`` the
package ships.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "planner"
LOCALE = PACKAGE / "locale"
DOMAIN = "boothplan"
LANGUAGES = ("vi", "zh_CN")
# Fixed, so the files change only when a text does (not with the clock or the year).
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
HEADER = (
    "# Boothplan's texts outside the widgets ({what}).\n# Kept up to date by tools/translations.py."
)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
# Widgets are translated by Qt (lupdate reads them); the rest is gettext's.
METHODS = [("ui/**.py", "ignore"), ("**.py", "python")]


def extracted() -> Catalog:
    """Every marked text of the Qt-free packages, with where it is used."""
    catalog = _fixed(Catalog(project="Boothplan", domain=DOMAIN, charset="utf-8", fuzzy=False))
    catalog.header_comment = HEADER.format(what="template")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), METHODS, KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        catalog.add(
            message,
            None,
            [(f"planner/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def _fixed(catalog: Catalog) -> Catalog:
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.version = "1"
    catalog.msgid_bugs_address = ""
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # No dates and no line numbers: the file changes only when a text does.
    write_po(out, catalog, width=100, omit_header=False, include_lineno=False, sort_output=True)
    return _without_dates(out.getvalue())


def _without_dates(po: bytes) -> bytes:
    lines = [
        line
        for line in po.splitlines(keepends=True)
        if not line.startswith((b'"POT-Creation-Date:', b'"PO-Revision-Date:'))
    ]
    return b"".join(lines)


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def wanted_files() -> dict[Path, bytes]:
    """What every catalogue file should hold now."""
    template = extracted()
    files = {LOCALE / f"{DOMAIN}.pot": _po_bytes(template)}
    for language in LANGUAGES:
        po_path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po_path.exists():
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=language, domain=DOMAIN)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project="Boothplan")
        _fixed(catalog)
        catalog.header_comment = HEADER.format(what=language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()  # a text no longer in the code is gone from the catalogue
        po = files[po_path] = _po_bytes(catalog)
        # Compiled from the .po as written, so the .mo is the same whether or not it existed.
        files[po_path.with_suffix(".mo")] = _mo_bytes(
            _fixed(read_po(io.BytesIO(po), locale=language, domain=DOMAIN))
        )
    return files


def stale(files: dict[Path, bytes]) -> list[Path]:
    return [p for p, content in files.items() if not p.exists() or p.read_bytes() != content]


def write(files: dict[Path, bytes]) -> Iterable[Path]:
    for path in stale(files):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
        yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a catalogue is stale")
    args = parser.parse_args(argv)
    files = wanted_files()
    if args.check:
        behind = stale(files)
        for path in behind:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        if behind:
            print("run: .venv/bin/python tools/translations.py", file=sys.stderr)
        return 1 if behind else 0
    for path in write(files):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
