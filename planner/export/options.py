"""What a PDF export is asked to do (:class:`PdfOptions`) and what it did (:class:`PdfSummary`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from planner.errors import BoothplanError
from planner.export.layout import ORIENTATIONS, canonical_paper

COLOUR_MODES: tuple[str, ...] = ("status", "sector", "zone")


class PdfOptionsError(BoothplanError):
    """An export option that cannot be used, in one sentence."""


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """How to print a plan.

    ``scale`` is the denominator (200 for 1:200) or None to fit the paper. ``exhibitor`` (an id
    or an exact name) or ``booth`` (a number) print one exhibitor's map with its booths called
    out; ``per_exhibitor`` prints one such page for every exhibitor that has a booth.
    ``printed`` is the print date for the title block (today when None).
    """

    paper: str = "A3"
    orientation: str = "auto"  # auto, portrait or landscape
    scale: int | None = None
    colour_by: str = "status"  # status, sector or zone
    index: bool = False
    exhibitor: str | None = None
    booth: str | None = None
    per_exhibitor: bool = False
    printed: str | None = None

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "paper", canonical_paper(self.paper))
        except ValueError as error:
            raise PdfOptionsError(f"PDF export: {error}.") from None
        if self.orientation not in ORIENTATIONS:
            raise PdfOptionsError(
                f"PDF export: unknown orientation {self.orientation!r} "
                f"(known: {', '.join(ORIENTATIONS)})."
            )
        if self.colour_by not in COLOUR_MODES:
            raise PdfOptionsError(
                f"PDF export: cannot colour booths by {self.colour_by!r} "
                f"(choose {', '.join(COLOUR_MODES)})."
            )
        if self.scale is not None and not 1 <= self.scale <= 100_000:
            raise PdfOptionsError(f"PDF export: scale 1:{self.scale} is out of range.")
        chosen = sum(bool(x) for x in (self.exhibitor, self.booth, self.per_exhibitor))
        if chosen > 1:
            raise PdfOptionsError(
                "PDF export: choose only one of an exhibitor, a booth or one page per exhibitor."
            )


@dataclass(frozen=True, slots=True)
class PdfSummary:
    """What was written: pages by kind, the scale used and labels that did not fit."""

    path: str | None
    paper: str
    orientation: str
    scale: int
    pages: int
    map_pages: int
    index_pages: int
    tiles: tuple[int, int]  # rows, columns of the map (1, 1 when it fits one page)
    booths: int
    names_in_index_only: int  # booths whose name did not fit (number only on the map)
    blank_booths: int  # booths too small for even their number at this scale
    size_bytes: int
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tiles"] = list(self.tiles)
        data["notes"] = list(self.notes)
        return data

    def to_text(self) -> str:
        rows, cols = self.tiles
        tiling = "" if rows * cols == 1 else f", map tiled {cols} across × {rows} down"
        pages = f"{self.pages} page{'' if self.pages == 1 else 's'}"
        lines = [
            f"{self.path or 'PDF'}: {pages} on {self.paper} {self.orientation}, "
            f"1:{self.scale}{tiling}, {self.size_bytes / 1024:.0f} KiB",
            f"{self.booths} booths; {self.names_in_index_only} with the name in the index only; "
            f"{self.blank_booths} too small to label",
        ]
        lines += list(self.notes)
        return "\n".join(lines)
