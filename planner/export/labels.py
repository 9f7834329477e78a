"""Fitting a booth's number and exhibitor name inside the booth. Pure: widths come from a
``measure(text) -> width at size 1`` function, so the rules are testable without a PDF.

The label is a centred block: the booth number on top, the name below it, shrunk and wrapped
to fit; a long company name is tried again abbreviated (``Công ty TNHH`` becomes ``Cty TNHH``).
When no name fits, the number stands alone and the name is left to the index; when not even the
number fits at a readable size, the booth is left blank. The block never leaves the booth.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planner.theme import MIN_LABEL_PT, NUMBER_HEIGHT_FRACTION

Measure = Callable[[str], float]

PADDING_FRACTION = 0.07  # of the booth's shorter side, kept clear on each side
NAME_TO_NUMBER = 0.72  # the name is at most this fraction of the number's size
LINE_SPACING = 1.04  # of a line's ascent + descent
NUMBER_GAP = 0.12  # of the number's size, between the number and the name
NUMBER_SHRINK_STEPS: tuple[float, ...] = (1.0, 0.8, 0.65)  # to make room for the name
NAME_SHRINK = 0.9  # each smaller size tried for the name
LEVEL_PREFERENCE = 0.8  # text turned nearer level wins if its number is at least this large

# Longest first: a rule must not eat the start of a longer one.
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("công ty trách nhiệm hữu hạn", "Cty TNHH"),
    ("công ty cổ phần", "CTCP"),
    ("công ty tnhh", "Cty TNHH"),
    ("doanh nghiệp tư nhân", "DNTN"),
    ("hợp tác xã", "HTX"),
    ("công ty", "Cty"),
    ("tập đoàn", "TĐ"),
    ("co., ltd.", "Co."),
    ("company limited", "Co."),
    ("有限责任公司", "公司"),
    ("有限公司", "公司"),
)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    size: float  # font size in points
    baseline: float  # y of the baseline, relative to the booth's centre (up is positive)
    width: float


@dataclass(frozen=True, slots=True)
class LabelFit:
    """The lines to draw, centred on the booth's centre in the booth's own frame."""

    lines: tuple[Line, ...]
    width: float  # of the whole block
    height: float
    name_shown: bool
    abbreviated: bool

    @property
    def empty(self) -> bool:
        return not self.lines


EMPTY = LabelFit((), 0.0, 0.0, False, False)


def abbreviate(name: str) -> str:
    """Shorten the usual legal-form words of Vietnamese and Chinese company names.

    >>> abbreviate("Công ty TNHH Điện tử Nghệ An 3")
    'Cty TNHH Điện tử Nghệ An 3'
    >>> abbreviate("Hợp tác xã Chè Sơn La")
    'HTX Chè Sơn La'
    """
    text = name
    for long, short in _ABBREVIATIONS:
        text = re.sub(re.escape(long), short, text, flags=re.IGNORECASE)
    return " ".join(text.split())


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x2FA1F
    )


def tokens(text: str) -> list[tuple[str, bool]]:
    """Break points of ``text``: (piece, preceded by a space). Each CJK character is a piece,
    since Chinese wraps between any two characters; other words wrap at spaces only.

    >>> tokens("大理 Co 云南")
    [('大', False), ('理', False), ('Co', True), ('云', True), ('南', False)]
    """
    result: list[tuple[str, bool]] = []
    for index, word in enumerate(text.split()):
        space = index > 0
        run = ""
        for char in word:
            if _is_cjk(char):
                if run:
                    result.append((run, space))
                    space = False
                    run = ""
                result.append((char, space))
                space = False
            else:
                run += char
        if run:
            result.append((run, space))
    return result


def wrap(pieces: list[tuple[str, bool]], max_width: float, measure: Measure) -> list[str] | None:
    """Greedy wrap to lines no wider than ``max_width`` (at size 1); None if a piece is wider."""
    space_w = measure(" ")
    lines: list[str] = []
    current, current_w = "", 0.0
    for piece, spaced in pieces:
        piece_w = measure(piece)
        if piece_w > max_width:
            return None
        if not current:
            current, current_w = piece, piece_w
            continue
        extra = (space_w if spaced else 0.0) + piece_w
        if current_w + extra <= max_width:
            current += (" " if spaced else "") + piece
            current_w += extra
        else:
            lines.append(current)
            current, current_w = piece, piece_w
    if current:
        lines.append(current)
    return lines


def fit_label(
    number: str,
    name: str,
    width: float,
    height: float,
    measure: Measure,
    ascent: float,
    descent: float,
    min_pt: float = MIN_LABEL_PT,
    max_pt: float | None = None,
) -> LabelFit:
    """Fit ``number`` and ``name`` in a ``width`` x ``height`` booth (points, text upright).

    ``ascent`` and ``descent`` are the font's, as fractions of its size (descent positive).
    """
    short = min(width, height)
    if short <= 0 or not number.strip():
        return EMPTY
    pad = PADDING_FRACTION * short
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    line_h = ascent + descent
    number_w = measure(number)
    best = NUMBER_HEIGHT_FRACTION * short / 0.72  # cap height is about 0.72 of the font size
    best = min(best, inner_w / max(number_w, 1e-9), inner_h / line_h)
    if max_pt is not None:
        best = min(best, max_pt)
    if best < min_pt:
        return EMPTY
    candidates = [name.strip()] if name.strip() else []
    short_name = abbreviate(name) if candidates else ""
    if short_name and short_name != candidates[0]:
        candidates.append(short_name)
    for candidate_index, candidate in enumerate(candidates):
        pieces = tokens(candidate)
        for shrink in NUMBER_SHRINK_STEPS:
            number_size = best * shrink
            if number_size < min_pt:
                break
            room = inner_h - number_size * line_h * (1 + NUMBER_GAP)
            lines, size = _fit_name(pieces, inner_w, room, number_size, measure, line_h, min_pt)
            if lines:
                return _block(
                    number,
                    number_size,
                    lines,
                    size,
                    measure,
                    ascent,
                    line_h,
                    abbreviated=candidate_index > 0,
                )
    return _block(number, best, [], 0.0, measure, ascent, line_h, abbreviated=False)


def _fit_name(
    pieces: list[tuple[str, bool]],
    inner_w: float,
    room: float,
    number_size: float,
    measure: Measure,
    line_h: float,
    min_pt: float,
) -> tuple[list[str], float]:
    size = number_size * NAME_TO_NUMBER
    while size >= min_pt - 1e-9:
        max_lines = int(room / (size * line_h * LINE_SPACING) + 1e-9)
        if max_lines >= 1:
            lines = wrap(pieces, inner_w / size, measure)
            if lines is not None and len(lines) <= max_lines:
                return lines, size
        size *= NAME_SHRINK
    return [], 0.0


def _block(
    number: str,
    number_size: float,
    name_lines: list[str],
    name_size: float,
    measure: Measure,
    ascent: float,
    line_h: float,
    abbreviated: bool,
) -> LabelFit:
    """Stack the lines and centre the block vertically on the booth's centre."""
    heights = [number_size * line_h]
    if name_lines:
        heights[0] += number_size * line_h * NUMBER_GAP
        heights += [name_size * line_h * LINE_SPACING] * len(name_lines)
    total = sum(heights)
    top = total / 2.0
    placed: list[Line] = []
    texts = [(number, number_size)] + [(text, name_size) for text in name_lines]
    for (text, size), step in zip(texts, heights, strict=True):
        placed.append(Line(text, size, top - size * ascent, measure(text) * size))
        top -= step
    block_w = max(line.width for line in placed)
    return LabelFit(tuple(placed), block_w, total, bool(name_lines), abbreviated)


def fit_booth_label(
    number: str,
    name: str,
    width: float,
    height: float,
    angle: float,
    measure: Measure,
    ascent: float,
    descent: float,
    min_pt: float = MIN_LABEL_PT,
) -> tuple[LabelFit, float]:
    """The label of a booth whose long side (``width``) runs at ``angle`` degrees, and the
    angle to draw it at.

    Text along the long side has the most room, but level text is easier to read: the
    label turns a quarter towards level when its number stays nearly as large and it shows
    as much of the name.
    """
    along = fit_label(number, name, width, height, measure, ascent, descent, min_pt)
    across_angle = angle - 90.0 if angle > 0 else angle + 90.0
    if abs(across_angle) >= abs(angle) - 1e-9:
        return along, angle
    across = fit_label(number, name, height, width, measure, ascent, descent, min_pt)
    if across.empty or (along.name_shown and not across.name_shown):
        return along, angle
    if along.empty or across.lines[0].size >= LEVEL_PREFERENCE * along.lines[0].size:
        return across, across_angle
    return along, angle
