"""Printable PDF maps and indexes of a plan: the public entry points of ``planner.export``.

``write_pdf(plan, path, options)`` writes the file atomically (a temporary file beside the
target, then ``os.replace``), so a failed export leaves any earlier file as it was;
``render_pdf(plan, options)`` gives the bytes and the summary, ``render_pdf_bytes`` the bytes
alone, for previews.
"""

from __future__ import annotations

import io
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from planner.atomic_file import write_atomically
from planner.export.fonts import register_font
from planner.export.furniture import TitleInfo, draw_title_block, footer_boxes
from planner.export.index_pages import draw_index_page
from planner.export.job import MapPage, plan_job
from planner.export.layout import Box
from planner.export.map_page import draw_map_page
from planner.export.options import PdfOptions, PdfSummary
from planner.model import Plan

__all__ = ["PdfOptions", "PdfSummary", "render_pdf", "render_pdf_bytes", "write_pdf"]


def write_pdf(plan: Plan, path: str | os.PathLike[str], options: PdfOptions) -> PdfSummary:
    """Print ``plan`` to ``path``; the old file, if any, stays until the new one is complete."""
    target = Path(path)
    data, summary = render_pdf(plan, options)
    write_atomically(target, lambda temp: temp.write_bytes(data))
    return replace(summary, path=str(target))


def render_pdf_bytes(plan: Plan, options: PdfOptions) -> bytes:
    """The PDF as bytes (for a preview); nothing is written."""
    return render_pdf(plan, options)[0]


def render_pdf(plan: Plan, options: PdfOptions) -> tuple[bytes, PdfSummary]:
    job = plan_job(plan, options)
    buffer = io.BytesIO()
    canv = Canvas(
        buffer,
        pagesize=(job.layout.width, job.layout.height),
        pageCompression=1,
        initialFontName=register_font(),  # no stray Helvetica: every font is embedded
        initialFontSize=10,
    )
    info = plan.info
    canv.setTitle(info.name)
    canv.setAuthor(info.organizer or "Boothplan")
    canv.setSubject(f"Floor plan, revision {info.revision}")
    canv.setCreator("Boothplan")
    printed = options.printed or datetime.now(UTC).date().isoformat()
    total = len(job.pages)
    for number, page in enumerate(job.pages, start=1):
        subtitle = page.subtitle if isinstance(page, MapPage) else page.section.title
        title = TitleInfo(
            info.name,
            info.venue,
            info.dates,
            info.revision,
            printed,
            subtitle,
            number,
            total,
            info.organizer,
        )
        if isinstance(page, MapPage):
            draw_map_page(canv, job, page, title)
        else:
            draw_index_page(canv, page, job.layout.frame, job.layout.k)
            title_box, _, _ = footer_boxes(job.layout)
            draw_title_block(
                canv,
                Box(title_box.x0, title_box.y0, job.layout.footer.x1, title_box.y1),
                title,
                job.layout.k,
            )
        canv.showPage()
    canv.save()
    data = buffer.getvalue()
    grid = job.grid
    map_pages = sum(isinstance(p, MapPage) for p in job.pages)
    summary = PdfSummary(
        path=None,
        paper=options.paper,
        orientation=job.orientation,
        scale=job.scale,
        pages=total,
        map_pages=map_pages,
        index_pages=total - map_pages,
        tiles=(grid.rows, grid.cols) if grid else (1, 1),
        booths=len(job.scene.items),
        names_in_index_only=len(job.painter.names_hidden - job.painter.blank),
        blank_booths=len(job.painter.blank),
        size_bytes=len(data),
        notes=tuple(job.notes),
    )
    return data, summary
