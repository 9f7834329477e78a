"""Printable PDF maps and indexes of a plan: the public entry points of ``planner.export``.

``write_pdf(plan, path, options)`` writes the file atomically (a temporary file beside the
target, then ``os.replace``), so a failed export leaves any earlier file as it was;
``render_pdf(plan, options)`` gives the bytes and the summary, ``render_pdf_bytes`` the bytes
alone, for previews.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from planner.errors import BoothplanError
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
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BoothplanError(f"Cannot write {target}: the folder {folder} does not exist.")
    if target.is_dir():
        raise BoothplanError(f"Cannot write {target}: it is a folder, not a file.")
    if target.is_file() and (not target.stat().st_mode & 0o222 or not os.access(target, os.W_OK)):
        # os.replace needs only the folder writable; a file locked with chmod a-w stays locked
        raise BoothplanError(f"Cannot write {target}: the file is read-only.")
    data, summary = render_pdf(plan, options)
    try:  # a folder the user may not write in fails here, before any temporary file exists
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise BoothplanError(
            f"Cannot write {target}: no new file can be made in {folder} "
            f"({error.strerror or error})."
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise BoothplanError(f"Cannot write {target}: {error.strerror or error}.") from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
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
