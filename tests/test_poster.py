"""The poster as a printed page: text, fit, fonts, metadata, margins, ink and determinism."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from pdfgen import api
from pdfgen.layouts.common import dose_text
from pdfgen.model import Layout
from pdfgen.paper import PAPERS
from tests.conftest import font_sizes, ink_in_margin, pdf_text, render_pages, unembedded_fonts


@pytest.fixture(scope="module")
def plan(catalog):
    return api.make_plan(catalog, api.make_request(catalog, areas=["lower-back", "hamstrings"],
                                                   minutes=7))


@pytest.fixture(scope="module")
def poster(catalog, plan):
    return api.render(catalog, plan, "poster", "letter")


def test_poster_text_has_every_name_and_dose(poster, plan):
    text = " ".join(pdf_text(poster).split())
    for item in plan.items:
        assert item.stretch.name in text
        assert dose_text(item) in text
    assert "Stop and get help" in text or "emergency" in text.lower()
    assert plan.title in text


def test_poster_is_one_letter_page_with_embedded_fonts(poster):
    reader = PdfReader(io.BytesIO(poster))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert unembedded_fonts(poster) == []


def test_poster_metadata(poster, plan):
    reader = PdfReader(io.BytesIO(poster))
    meta = reader.metadata
    assert meta.title == plan.title
    assert "Stretch routine" in meta.subject
    assert "back pain" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en-US"


def test_two_builds_are_byte_identical(catalog, plan, poster):
    assert api.render(catalog, plan, "poster", "letter") == poster


def test_body_text_is_at_least_9_pt(poster):
    assert min(font_sizes(poster)) >= 8.0          # sources line
    sizes = font_sizes(poster)
    assert sum(1 for s in sizes if s < 9) <= 3      # only the sources lines are smaller


def test_nothing_is_printed_inside_the_printer_margin(poster):
    assert ink_in_margin(render_pages(poster, dpi=72)[0], 10 * 72 / 25.4) == []


def test_every_figure_box_has_ink(catalog, plan):
    from pdfgen.figure import load_figure
    from pdfgen.layouts.context import RenderContext
    from pdfgen.layouts import engine
    from pdfgen.layouts.poster import DESIGN
    from pdfgen.paper import paper

    figures = {i.stretch.figure: load_figure(catalog.figures[i.stretch.figure]) for i in plan.items}
    fitted = engine.fit(DESIGN, plan, paper("letter"), RenderContext(figures, catalog.safety))
    page = render_pages(api.render(catalog, plan, "poster", "letter"), dpi=72)[0]
    boxes = fitted.figure_boxes()
    assert len(boxes) == len(plan.items)
    for x, y, w, h in boxes:
        crop = page.crop((int(x), int(792 - y - h), int(x + w), int(792 - y)))
        dark = sum(1 for v in crop.tobytes() if v < 128)
        assert dark > 0.02 * w * h, (x, y, w, h, dark)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_plan_up_to_15_minutes_fits_one_page(catalog, paper):
    for areas in (["lower-back"], ["back", "hips", "hamstrings", "quads", "sides"]):
        for setting in ("home", "office"):
            for minutes in range(1, 16):
                request = api.make_request(catalog, areas=areas, minutes=minutes, setting=setting)
                plan = api.make_plan(catalog, request)
                data = api.render(catalog, plan, "poster", paper)
                assert len(PdfReader(io.BytesIO(data)).pages) == 1


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_poster_on_every_paper(catalog, paper):
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=5))
    try:
        data = api.render(catalog, plan, "poster", paper)
    except api.LayoutError as exc:
        assert "larger --paper" in str(exc)
        return
    reader = PdfReader(io.BytesIO(data))
    small = PAPERS[paper].width * PAPERS[paper].height < PAPERS["letter"].width * PAPERS["letter"].height
    assert len(reader.pages) == 1 or small and len(reader.pages) <= 3   # A5: a numbered set
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - PAPERS[paper].width) < 0.5


@pytest.mark.parametrize("paper", ["a5", "half-letter"])
def test_a_small_sheet_poster_is_a_numbered_set_with_the_safety_first(catalog, paper):
    """The red flags alone take more than half an A5 page at 9 pt: a poster on a small sheet
    is a set of two or three, sheet 1 the safety section (and what fits beside it), every
    stretch once, every later sheet with the stop rule and a pointer back."""
    for minutes in (3, 7, 20):
        plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes))
        data = api.render(catalog, plan, "poster", paper)
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
        assert 2 <= len(pages) <= 3, minutes
        assert "Call for emergency help" in pages[0] and "See a doctor soon" in pages[0]
        for k, text in enumerate(pages, 1):
            assert f"sheet {k} of {len(pages)}" in text
            assert k == 1 or "Read the warning signs on sheet 1 before you start." in text
        assert all(sum(i.stretch.name in text for text in pages) == 1 for i in plan.items)
        assert min(font_sizes(data)) >= 8.0


def test_too_much_for_a_small_card_is_a_clear_error(catalog):
    plan = api.make_plan(catalog, api.make_request(catalog, areas=["back", "hips"], minutes=15))
    with pytest.raises(api.LayoutError, match="larger --paper"):
        api.render(catalog, plan, "poster", "index-4x6")


def test_a_clinic_is_named_under_the_title(catalog, plan):
    from pdfgen.branding import Clinic

    clinic = Clinic("Riverside Physiotherapy", phone="01234 567890",
                    website="https://riverside-physio.example/")
    text = " ".join(pdf_text(api.render(catalog, plan, "poster", "letter", clinic=clinic)).split())
    assert "Riverside Physiotherapy · Phone 01234 567890 · riverside-physio.example" in text


def _body_size(data: bytes) -> float:
    """The size most of the page's characters are set in."""
    from collections import Counter

    return Counter(font_sizes(data)).most_common(1)[0][0]


@pytest.mark.parametrize("paper", ["tabloid", "a3"])
@pytest.mark.parametrize("minutes", [3, 7])
def test_a_larger_sheet_scales_type_and_figures_up(catalog, paper, minutes):
    """A Tabloid or A3 poster is not a Letter poster with a blank band under it."""
    from pdfgen.layouts import engine
    from pdfgen.layouts.context import RenderContext
    from pdfgen.model import Layout

    plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes))
    big, letter = (api.render(catalog, plan, "poster", p) for p in (paper, "letter"))
    assert _body_size(big) >= _body_size(letter) + 2
    if minutes == 3:
        assert _body_size(big) >= 14
    ctx = RenderContext(api.load_figure_specs(catalog, [i.stretch.figure for i in plan.items]),
                        catalog.safety)
    design = api.page_design(Layout.POSTER)
    area = [sum(w * h for _, _, w, h in engine.fit(design, plan, PAPERS[p], ctx).figure_boxes())
            for p in (paper, "letter")]
    assert area[0] >= 1.5 * area[1]


def test_a_stretch_name_is_never_broken_inside_a_word(catalog):
    """Large print on Tabloid used to squeeze five columns: "Supporte- / d back stretch"."""
    for minutes in (7, 10, 15):
        plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes))
        text = pdf_text(api.render(catalog, plan, "poster", "tabloid", large_print=True))
        for item in plan.items:
            assert item.stretch.name.split()[0] in text.split(), item.stretch.name


def test_large_print_one_sheet_cannot_hold_goes_onto_a_numbered_set(catalog):
    """Three stretches in large print and every red flag at 14 pt do not fit one Letter sheet:
    they print as "sheet 1 of 2" (the safety section, bulleted, and what fits beside it) and
    "sheet 2 of 2" (the rest, under the stop rule and a pointer back to sheet 1)."""
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=5))
    data = api.render(catalog, plan, "poster", "letter", large_print=True)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) == 2
    assert all(f"sheet {k} of 2" in text for k, text in enumerate(pages, 1))
    assert "Call for emergency help" in pages[0] and "See a doctor soon" in pages[0]
    assert "Read the warning signs on sheet 1 before you start." in pages[1]
    assert catalog.safety.stop_rule in pages[1]
    assert all(sum(i.stretch.name in text for text in pages) == 1 for i in plan.items)
    assert min(font_sizes(data)) >= 14.0
    assert len(PdfReader(io.BytesIO(api.render(catalog, plan, "poster", "letter"))).pages) == 1


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_large_print_posters_on_a_home_sheet_are_never_refused(catalog, paper):
    """Up to 20 minutes, a large-print poster on Letter or A4 prints on at most three numbered
    sheets, its stretches in order across them, each red flag once, on sheet 1, as a list."""
    for minutes in (7, 10, 20):
        plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes))
        data = api.render(catalog, plan, "poster", paper, large_print=True)
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
        assert 2 <= len(pages) <= 3, minutes
        joined = " ".join(pages)
        order = [joined.index(i.stretch.name) for i in plan.items]
        assert order == sorted(order), minutes
        flag = catalog.safety.red_flags_emergency[0].split()[0]
        assert [text.count("Call for emergency help") for text in pages] == [1] + [0] * (len(pages) - 1)
        assert flag in pages[0]
        assert min(font_sizes(data)) >= 14.0

@pytest.mark.parametrize("paper", ["letter", "a4", "legal", "tabloid"])
def test_no_cell_stands_empty_a_short_last_row_fills_the_width(catalog, paper):
    """Five stretches in three columns used to leave the sixth cell blank while every
    stretch's steps were cut to a summary; the last row's cells now share the whole row."""
    from pdfgen.layouts import engine
    from pdfgen.layouts.context import RenderContext

    for minutes, routine in ((7, None), (10, None), (7, "seven-in-seven")):
        plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes), routine)
        ctx = RenderContext(api.load_figure_specs(catalog, [i.stretch.figure for i in plan.items]),
                            catalog.safety)
        fitted = engine.fit(api.page_design(Layout.POSTER), plan, PAPERS[paper], ctx)
        grid = fitted.sheets[0].grid
        full = grid.cols * grid.cell_w + (grid.cols - 1) * grid.gap
        for r, row in enumerate(grid.rows):
            members = min(grid.cols, len(plan.items) - r * grid.cols)
            assert members * row.cell_w + (members - 1) * grid.gap == pytest.approx(full)
        boxes = fitted.figure_boxes()
        assert len(boxes) == len(plan.items)


def test_a_short_last_row_gives_its_empty_columns_to_the_extra_box(catalog):
    """The recap takes the grid's empty columns at no height of its own: its box ends at the
    grid's right edge, in the last row, which grows to hold it; a full row or a box too
    narrow for its columns gives no grid."""
    from pdfgen.layouts.blocks import Steps
    from pdfgen.layouts.grid import measure_grid

    plan = api.make_plan(catalog, api.make_request(catalog))
    assert len(plan.items) == 5
    width, gap, cols = 540.0, 9.0, 4
    cell_w = (width - (cols - 1) * gap) / cols
    tall = lambda w: 300.0
    for k in (1, 2, 3):
        grid = measure_grid(plan.items, cols, False, 9, Steps.SUMMARY, cell_w, 2000, gap,
                            extra=tall, extra_cols=k)
        x, bottom, w, h = grid.extra_box(0, 1000)
        assert x + w == pytest.approx(width)
        assert w == pytest.approx(k * cell_w + (k - 1) * gap)
        assert bottom == pytest.approx(1000 - grid.height()) and h == grid.row_h[-1] >= 300
    assert measure_grid(plan.items, cols, False, 9, Steps.SUMMARY, cell_w, 2000, gap,
                        extra=tall, extra_cols=4) is None
    assert measure_grid(plan.items, cols, False, 9, Steps.SUMMARY, cell_w, 2000, gap,
                        extra=lambda w: None, extra_cols=1) is None
    plain = measure_grid(plan.items, cols, False, 9, Steps.SUMMARY, cell_w, 2000, gap)
    assert plain.extra_box(0, 1000) is None
