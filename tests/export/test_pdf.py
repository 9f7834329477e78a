"""Real PDFs of real-sized plans: read back with pypdf and pdftotext, rendered with pdftoppm.

The PNGs land in tests/artifacts/export/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.errors import BoothplanError
from planner.export.index_pages import booth_section, exhibitor_section
from planner.export.layout import MM
from planner.export.pdf import PdfOptions, render_pdf, render_pdf_bytes, write_pdf
from planner.export.sorting import name_key
from tests.export.export_plans import FLOORS, SPECIAL_NAMES, laocai_plan, small_plan

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "export"
PRINTED = "2025-11-20"
needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="poppler-utils (pdftotext, pdftoppm) not installed"
)


@pytest.fixture(scope="module")
def laocai():
    return laocai_plan()


@pytest.fixture(scope="module")
def a1_with_index(laocai, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "laocai-a1.pdf"
    summary = write_pdf(laocai, path, PdfOptions(paper="A1", index=True, printed=PRINTED))
    return path, summary


def _text(path: Path, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if first:
        command += ["-f", str(first), "-l", str(last or first)]
    result = subprocess.run([*command, str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def _render(path: Path, stem: str, dpi: int = 40) -> list[Path]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{stem}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), str(path), str(ARTIFACTS / stem)], check=True
    )
    return sorted(ARTIFACTS.glob(f"{stem}-*.png"))


def _page_mm(page) -> tuple[float, float]:
    return (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM))


def test_a1_map_and_index_pages(a1_with_index, laocai):
    path, summary = a1_with_index
    reader = PdfReader(path)
    assert summary.pages == len(reader.pages) >= 3
    assert summary.map_pages == 1
    assert summary.index_pages == summary.pages - 1
    assert summary.booths == len(laocai.booths)
    assert summary.paper == "A1"
    for page in reader.pages:
        assert _page_mm(page) in {(594, 841), (841, 594)}
    assert summary.size_bytes == path.stat().st_size < 1_500_000


@needs_poppler
def test_names_come_back_exactly_from_the_pdf(a1_with_index, laocai):
    path, summary = a1_with_index
    text = _text(path)
    lines = {line.strip() for line in text.splitlines()}
    for name in SPECIAL_NAMES:
        assert name in text, name
    assert "<b>&amp; Markup Trading</b>" in lines  # literally, never parsed as markup
    # Every exhibitor and every booth number is in the index.
    for exhibitor in laocai.exhibitors.values():
        assert exhibitor.name in text
    words = set(text.split())
    for booth in laocai.booths.values():
        assert booth.number in words
    # The title block comes from plan.info.
    assert "Kim Thành, Lào Cai" in text
    assert "Sở Công Thương Lào Cai" in text  # the organiser
    assert "Revision 7" in text and PRINTED in text
    assert f"Page 1 of {summary.pages}" in text
    assert "EXIT" in _text(path, 1)
    assert "Scale 1:" in _text(path, 1)


def test_index_sorts_names_and_numbers(laocai):
    exhibitors = [row[0] for row in exhibitor_section(laocai).rows]
    assert exhibitors == sorted(exhibitors, key=name_key)
    assert exhibitors.index("Hải Phòng") < exhibitors.index("Sơn La")
    assert len(exhibitors) == len(laocai.exhibitors)
    numbers = [row[0] for row in booth_section(laocai).rows]
    assert numbers.index("A2") < numbers.index("A10") < numbers.index("A100")
    assert len(numbers) == len(laocai.booths)
    son_la = next(row for row in exhibitor_section(laocai).rows if row[0] == "Sơn La")
    assert son_la[1:] == ("A1, A2", "Agriculture")


@needs_poppler
def test_index_pages_are_headed(a1_with_index):
    path, summary = a1_with_index
    text = _text(path, 2, summary.pages)
    assert "Exhibitors A–Z" in text and "Booths by number" in text


def test_fonts_are_embedded_and_subset(a1_with_index):
    path, _ = a1_with_index
    reader = PdfReader(path)
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font.get("/BaseFont")
            # reportlab names subsets with a tag prefix, like ABCDEF+Font
            assert "+" in str(font["/BaseFont"])
            seen += 1
    assert seen > 0
    # Subsetting keeps the file far below the 5 MB font.
    assert path.stat().st_size < 1_500_000


@needs_poppler
def test_pages_render_for_a_person_to_look_at(a1_with_index):
    path, summary = a1_with_index
    pngs = _render(path, "laocai-a1")
    assert len(pngs) == summary.pages
    assert all(p.stat().st_size > 5_000 for p in pngs)


def test_small_plan_on_a4_landscape_with_rotated_booths(tmp_path):
    plan = small_plan()
    path = tmp_path / "small.pdf"
    options = PdfOptions(paper="A4", orientation="landscape", printed=PRINTED)
    summary = write_pdf(plan, path, options)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert _page_mm(reader.pages[0]) == (297, 210)
    assert summary.orientation == "landscape"
    text = reader.pages[0].extract_text()
    for number in ("A1", "F1", "F2", "F3", "F4"):  # F1-F4 are rotated
        assert number in text
    if shutil.which("pdftoppm"):
        _render(path, "small-a4", dpi=60)


def test_portrait_on_request(laocai):
    data, summary = render_pdf(laocai, PdfOptions(paper="A3", orientation="portrait"))
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert _page_mm(page) == (297, 420)
    assert summary.orientation == "portrait"


@needs_poppler
def test_large_scale_is_tiled_with_an_overview(laocai, tmp_path):
    path = tmp_path / "tiled.pdf"
    summary = write_pdf(laocai, path, PdfOptions(paper="A3", scale=200, printed=PRINTED))
    rows, cols = summary.tiles
    assert rows * cols > 1
    assert summary.scale == 200
    assert summary.pages == 1 + rows * cols
    overview = _text(path, 1)
    assert "Overview" in overview
    for r in range(rows):
        for c in range(cols):
            label = f"{'ABCDEFGH'[r]}{c + 1}"
            assert label in overview
    tile_text = _text(path, 2)
    assert "Tile A1" in tile_text and "Scale 1:200" in tile_text
    reader = PdfReader(path)
    assert all(_page_mm(p) == _page_mm(reader.pages[0]) for p in reader.pages)
    _render(path, "tiled-a3")


@needs_poppler
def test_exhibitor_map_calls_out_the_booths(laocai, tmp_path):
    path = tmp_path / "son-la.pdf"
    write_pdf(laocai, path, PdfOptions(paper="A3", exhibitor="Sơn La", printed=PRINTED))
    numbers = sorted(
        (b.number for b in laocai.booths.values() if b.exhibitor_id == "exhibitor-1"),
    )
    text = _text(path)
    assert "Sơn La" in text
    assert f"Booths {', '.join(numbers)}" in text or f"Booth {numbers[0]}" in text
    assert "Exhibitor map: Sơn La" in text
    assert len(PdfReader(path).pages) == 1
    _render(path, "exhibitor-son-la", dpi=50)


def test_booth_map_of_a_free_booth(laocai):
    free = next(b for b in laocai.booths.values() if b.exhibitor_id is None)
    data, summary = render_pdf(laocai, PdfOptions(booth=free.number))
    assert summary.pages == 1
    assert f"Booth {free.number}".encode() not in data  # compressed, so read it back instead
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert f"Booth {free.number}" in text


def test_per_exhibitor_prints_one_page_each(laocai):
    with_booths = {b.exhibitor_id for b in laocai.booths.values() if b.exhibitor_id}
    data, summary = render_pdf(laocai, PdfOptions(paper="A4", per_exhibitor=True, index=True))
    assert summary.map_pages == len(with_booths)
    assert summary.pages == len(with_booths) + summary.index_pages
    # One shared background map keeps the file small although every page shows the floor.
    assert len(data) < 40_000 * summary.pages


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (PdfOptions(exhibitor="Nobody at all"), "no exhibitor called 'Nobody at all'"),
        (PdfOptions(booth="Z999"), "no booth numbered 'Z999'"),
        (PdfOptions(exhibitor="Công ty"), "matches"),
    ],
)
def test_unknown_target_is_one_sentence_and_leaves_the_old_file(laocai, tmp_path, options, message):
    path = tmp_path / "map.pdf"
    path.write_bytes(b"%PDF-old")
    with pytest.raises(BoothplanError, match=message) as caught:
        write_pdf(laocai, path, options)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.pdf"]  # no temp file left


def test_bad_options_are_refused():
    with pytest.raises(BoothplanError, match="paper"):
        PdfOptions(paper="B7")
    with pytest.raises(BoothplanError, match="colour"):
        PdfOptions(colour_by="price")
    with pytest.raises(BoothplanError, match="only one"):
        PdfOptions(exhibitor="x", booth="A1")


def test_missing_folder_is_a_clear_error(laocai, tmp_path):
    with pytest.raises(BoothplanError, match="does not exist"):
        write_pdf(laocai, tmp_path / "nowhere" / "map.pdf", PdfOptions())


@pytest.mark.parametrize("mode", ["sector", "zone"])
def test_colour_modes_have_their_legend(laocai, mode):
    data = render_pdf_bytes(laocai, PdfOptions(paper="A3", colour_by=mode))
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    expected = "Culinary" if mode == "sector" else "Car display"
    assert expected in text
    assert f"coloured by {mode}" in text


def test_empty_plan_is_refused():
    from planner.model import Plan

    with pytest.raises(BoothplanError, match="no halls, zones or booths"):
        render_pdf(Plan(), PdfOptions())


def test_absurd_scale_is_refused_with_the_fitting_scale(laocai):
    with pytest.raises(BoothplanError, match=r"needs \d+ pages of A4.*fits one page at 1:\d+"):
        render_pdf(laocai, PdfOptions(paper="A4", scale=20))


def test_booth_with_odd_geometry_still_prints(tmp_path):
    from dataclasses import replace

    from shapely.geometry import MultiPolygon, box

    plan = small_plan()
    booth = next(iter(plan.booths.values()))
    odd = replace(booth, geometry=MultiPolygon([box(2, 3, 3, 6), box(3, 3, 5, 6)]))
    plan = plan.apply(plan.edit("odd").put(odd).build())
    summary = write_pdf(plan, tmp_path / "odd.pdf", PdfOptions(paper="A4"))
    assert summary.booths == len(plan.booths)


def test_tiles_over_empty_floor_are_left_out(tmp_path):
    from planner.formats.geojson_floor import read_floor

    floor = read_floor(FLOORS / "haiphong-tranphu-sidewalk.geojson")  # a long, sloping street
    data, summary = render_pdf(floor, PdfOptions(paper="A4", scale=200))
    rows, cols = summary.tiles
    assert 1 < summary.pages - 1 < rows * cols
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Vỉa hè Trần Phú" in text


@needs_poppler
def test_drawn_labels_stay_inside_their_booths(tmp_path):
    """Read every word's box back from the PDF and check it lies in the booth it labels."""
    import re

    from shapely.geometry import Point, box

    from planner.export.job import plan_job
    from planner.export.layout import centred_transform

    plan = small_plan()
    options = PdfOptions(paper="A4", orientation="landscape", printed=PRINTED)
    path = tmp_path / "labels.pdf"
    write_pdf(plan, path, options)
    job = plan_job(plan, options)
    page = job.pages[0]
    transform = centred_transform(page.area, job.layout.frame, page.scale)
    height = job.layout.height
    booths = {}
    for booth in plan.booths.values():
        corners = [transform.point(x, y) for x, y in booth.geometry.exterior.coords]
        booths[booth.number] = type(booth.geometry)([(x, height - y) for x, y in corners])
    result = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        check=True,
    )
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    checked = 0
    for x0, y0, x1, y1, word in re.findall(pattern, result.stdout.decode("utf-8")):
        if word not in booths or float(y1) > height - job.layout.frame.y0:
            continue  # not a booth number, or in the footer ("true to scale on A4 paper")
        shape = booths[word]
        word_box = box(float(x0), float(y0), float(x1), float(y1))
        if shape.area == shape.minimum_rotated_rectangle.envelope.area:  # level booth
            assert shape.buffer(0.5).contains(word_box), word
        else:  # rotated text: its axis-aligned box is larger, so check the centre
            assert shape.contains(Point(word_box.centroid)), word
        checked += 1
    assert checked == len(booths)


def test_index_of_an_empty_floor_says_so():
    from planner.formats.geojson_floor import read_floor

    floor = read_floor(FLOORS / "sonla-week-coopmart.geojson")
    data, summary = render_pdf(floor, PdfOptions(paper="A4", index=True))
    assert summary.index_pages == 2
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "No exhibitors in this plan yet." in text
    assert "No booths in this plan yet." in text


def test_odd_characters_in_names_do_not_break_the_export():
    from dataclasses import replace

    plan = small_plan()
    odd = {"Sơn La": "Sơn La\nHTX\t1", "大理": "大理 🍵 𠀀 %PDF ) ( \\ <script>"}
    changed = [replace(e, name=odd[e.name]) for e in plan.exhibitors.values() if e.name in odd]
    builder = plan.edit("odd names")
    for exhibitor in changed:
        builder = builder.put(exhibitor)
    plan = plan.apply(builder.build())
    data = render_pdf_bytes(plan, PdfOptions(paper="A4", index=True, exhibitor="Sơn La"))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Sơn La HTX 1" in text
    assert "%PDF ) ( \\ <script>" in text


def test_folder_where_no_file_can_be_made_is_a_clear_error(laocai):
    # /sys refuses new files even to root, so this holds however the tests are run
    refused = r"^Cannot write /sys/map\.pdf: .+; nothing was written\.$"
    with pytest.raises(BoothplanError, match=refused):
        write_pdf(laocai, "/sys/map.pdf", PdfOptions())


def test_a_read_only_pdf_is_left_alone(laocai, tmp_path):
    target = tmp_path / "final.pdf"
    target.write_bytes(b"%PDF-1.4 the printed edition")
    target.chmod(0o444)
    with pytest.raises(BoothplanError, match=r"final\.pdf: the file is read-only"):
        write_pdf(laocai, target, PdfOptions())
    assert target.read_bytes() == b"%PDF-1.4 the printed edition"


def test_a_folder_as_the_pdf_is_named_as_such(laocai, tmp_path):
    # It read "Cannot write …: Is a directory." (the system's words, capital and all).
    with pytest.raises(BoothplanError, match=r"^Cannot write .*: it is a folder, not a file\.$"):
        write_pdf(laocai, tmp_path, PdfOptions())
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind
