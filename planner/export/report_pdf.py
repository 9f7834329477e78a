"""The sales report as a PDF: the summary, the revenue, and one table per grouping.

A4 portrait, the map font embedded (Vietnamese and Chinese names print as written), tables that
repeat their heading on each page, numbers right-aligned.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from planner.atomic_file import write_atomically
from planner.export.fonts import register_font
from planner.model.reports import Report
from planner.model.status import LABELS, STATUSES

# Short headings for the status columns ("Confirmed / sold" does not fit a number's width).
STATUS_HEADINGS = {
    "available": "Available",
    "on_hold": "On hold",
    "reserved": "Reserved",
    "confirmed": "Sold",
    "blocked": "Blocked",
}
GROUP_TITLES = {
    "status": "By status",
    "hall": "By hall",
    "zone": "By zone",
    "sector": "By sector",
    "country": "By country",
    "exhibitor": "By exhibitor",
}


def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=15, leading=19, spaceAfter=4),
        "head": ParagraphStyle("head", fontName=font, fontSize=11, leading=14, spaceBefore=8),
        "body": ParagraphStyle("body", fontName=font, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=7.5, leading=9),
    }


def _table(
    rows: list[list[str | Paragraph]],
    widths: list[float],
    font: str,
    align: Literal["LEFT", "CENTER", "RIGHT"] = "CENTER",
) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign=align)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 7.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#7890b0")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f7f9")]),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def render_report_pdf(report: Report, printed: str | None = None) -> bytes:
    font = register_font()
    styles = _styles(font)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"Sales report: {report.plan_name}",
        creator="Boothplan",
        author="Boothplan",
    )
    printed = printed or datetime.now(UTC).date().isoformat()
    story: list[Flowable] = [
        Paragraph(f"Sales report: {_escape(report.plan_name)}", styles["title"]),
        Paragraph(f"Printed {printed}", styles["body"]),
        Spacer(1, 4 * mm),
        Paragraph(_escape(summary_line(report)), styles["body"]),
        Paragraph("Revenue", styles["head"]),
    ]
    money: list[list[str | Paragraph]] = [
        [label, report.money(value)] for label, value in revenue_lines(report)
    ]
    story.append(_table([["", "value"], *money], [60 * mm, 50 * mm], font, align="LEFT"))
    width = A4[0] - 28 * mm
    number_widths = [13 * mm, 17 * mm, 28 * mm, *([15 * mm] * len(STATUSES))]
    first = width - sum(number_widths)
    for name, rows in report.groups.items():
        story.append(Paragraph(GROUP_TITLES.get(name, name), styles["head"]))
        head: list[str | Paragraph] = [
            name,
            "booths",
            "m²",
            "value",
            *(STATUS_HEADINGS.get(s, s) for s in STATUSES),
        ]
        body: list[list[str | Paragraph]] = [
            [
                Paragraph(
                    _escape(LABELS.get(r.key, r.key) if name == "status" else r.key), styles["cell"]
                ),
                str(r.booths),
                f"{r.area:,.1f}",
                report.money(r.value),
                *(str(r.by_status.get(s, 0)) for s in STATUSES),
            ]
            for r in rows
        ]
        story.append(_table([head, *body], [first, *number_widths], font))
    doc.build(story)
    return buffer.getvalue()


def summary_line(report: Report) -> str:
    return (
        f"{report.total.booths} booths, {report.total.area:,.1f} m², "
        f"{report.corner_booths} corner booths; {report.exhibitors} exhibitors, "
        f"{report.exhibitors_placed} holding booths ({report.booths_held} booths held of "
        f"{report.booths_wanted} asked for)."
    )


def revenue_lines(report: Report) -> list[tuple[str, float]]:
    r = report.revenue
    return [
        ("Sold (confirmed)", r.sold),
        ("Reserved", r.reserved),
        ("On hold", r.on_hold),
        ("Available", r.available),
        ("Potential (all for sale)", r.potential),
    ]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_report_pdf(report: Report, path: str | os.PathLike[str]) -> None:
    data = render_report_pdf(report)
    write_atomically(Path(path), lambda temp: temp.write_bytes(data))


__all__ = ["render_report_pdf", "revenue_lines", "summary_line", "write_report_pdf"]
