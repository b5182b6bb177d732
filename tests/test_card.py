"""The pocket card as printed: two sides, every safety line, legible type, clean margins,
four to a sheet with cut lines and backs mirrored for long-edge duplex."""

from __future__ import annotations

import io

import pytest
from PIL import ImageDraw
from pypdf import PdfReader

from pdfgen import api
from pdfgen.layouts import engine
from pdfgen.layouts.card import DESIGN
from pdfgen.layouts.imposition import PRINT_NOTE, placement
from pdfgen.layouts.common import DOSE_KEY, dose_short, dose_text
from pdfgen.layouts.context import RenderContext
from pdfgen.model import about_minutes
from pdfgen.paper import CARD_MARGIN, MM, PAPERS, SHEET_MARGIN
from tests.conftest import (colour_pixels, font_sizes, ink_in_margin, page_texts, render_pages,
                            unembedded_fonts)

CARD_PAPERS = ["a6", "index-4x6", "index-5x8"]
SHEETS = ["letter", "a4"]


def flat(text: str) -> str:
    """Text with every run of whitespace as one space, so wrapped lines read as one."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def short(catalog):
    """Two stretches: fits every card paper and a quarter of every sheet."""
    return api.make_plan(catalog, api.make_request(catalog, minutes=3))


@pytest.fixture(scope="module")
def default(catalog):
    """The longest routine (6 minutes) that one A6 card holds with its doses in words."""
    return api.make_plan(catalog, api.make_request(catalog, minutes=6))


@pytest.fixture(scope="module")
def a6_card(catalog, default):
    return api.render(catalog, default, "card", "a6")


def fitted_card(catalog, plan, paper: str, **options):
    """The card as the engine fits it, with its figures loaded, to see where it put them."""
    figures = api.load_figure_specs(catalog, [i.stretch.figure for i in plan.items])
    ctx = RenderContext(figures, catalog.safety, **options)
    return engine.fit(DESIGN, plan, PAPERS[paper], ctx)


@pytest.mark.parametrize("paper", CARD_PAPERS + SHEETS)
def test_two_pages_the_size_of_the_paper(catalog, short, paper):
    reader = PdfReader(io.BytesIO(api.render(catalog, short, "card", paper)))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(PAPERS[paper].width, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(PAPERS[paper].height, abs=0.01)


def test_front_has_title_time_and_every_stretch_with_its_dose_in_order(default, a6_card):
    front = page_texts(a6_card)[0]
    marks = [(default.title,), (about_minutes(default.total_s).capitalize(),)]
    for item in default.items:   # the dose in words, or in shorthand under its key
        marks += [(item.stretch.name,), (dose_text(item), dose_short(item))]
    at = 0
    for forms in marks:     # each one after the one before: the text reads in order
        at = max(front.find(form, at) for form in forms)
        assert at >= 0, f"{forms[0]!r} missing or out of order"
    if any(dose_short(i) in front for i in default.items if not i.stretch.dose.dynamic):
        assert DOSE_KEY in front


@pytest.mark.parametrize("paper", CARD_PAPERS + SHEETS)
def test_back_has_every_red_flag_and_stretch_caution(catalog, short, paper):
    back = page_texts(api.render(catalog, short, "card", paper))[1]
    safety = catalog.safety
    for line in safety.red_flags_emergency + safety.red_flags_urgent + (safety.stop_rule,):
        assert flat(line) in back, line
    for item in short.items:
        for caution in item.stretch.cautions:
            assert flat(caution) in back, caution


@pytest.mark.parametrize("conditions,routine", [(("pregnancy",), None),
                                                (("sciatica", "osteoporosis"), None),
                                                ((), "gentle-after-strain")])
def test_every_plan_caution_and_note_is_printed(catalog, conditions, routine):
    request = api.make_request(catalog, minutes=5, conditions=conditions,
                               areas=["back", "hips", "hamstrings"])
    plan = api.make_plan(catalog, request, routine)
    assert plan.cautions or plan.notes
    paper = "index-5x8" if routine else "a6"
    text = flat(" ".join(page_texts(api.render(catalog, plan, "card", paper))))
    for line in [c.text for c in plan.cautions] + list(plan.notes):
        assert flat(line) in text, line
    for caution in plan.cautions:
        assert flat(caution.condition) in text


@pytest.mark.parametrize("paper", CARD_PAPERS)
def test_text_is_never_below_9_pt_and_fonts_are_embedded(catalog, default, paper):
    data = api.render(catalog, default, "card", paper)
    assert min(font_sizes(data)) >= 9.0
    assert unembedded_fonts(data) == []


def test_two_renders_are_byte_identical(catalog, default, a6_card):
    assert api.render(catalog, default, "card", "a6") == a6_card
    sheet = api.render(catalog, default, "card", "index-5x8", grayscale=True)
    assert api.render(catalog, default, "card", "index-5x8", grayscale=True) == sheet


def test_metadata_names_the_card(a6_card, default):
    meta = PdfReader(io.BytesIO(a6_card)).metadata
    assert meta.title == default.title
    assert "card" in meta.creator


@pytest.mark.parametrize("paper,minutes", [("a6", 6), ("index-4x6", 5), ("index-5x8", 15),
                                           ("letter", 3), ("a4", 3)])
def test_every_figure_box_has_ink(catalog, paper, minutes):
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes))
    card = fitted_card(catalog, plan, paper)
    page = render_pages(api.render(catalog, plan, "card", paper), dpi=72)[0]
    copies = 1 if PAPERS[paper].card else 4
    boxes = card.figure_boxes()
    assert len(boxes) == copies * len(plan.items)
    height = PAPERS[paper].height
    for x, y, w, h in boxes:
        crop = page.crop((round(x), round(height - y - h), round(x + w), round(height - y)))
        dark = sum(1 for v in crop.tobytes() if v < 128)
        assert dark > 0.02 * w * h, (paper, x, y, w, h, dark)


def _blank_outside(page, boxes, sheet_h: float, dpi: int, slack: float = 1.5):
    """The page with each box (and `slack` pixels round it) painted white."""
    scale = dpi / 72
    page = page.copy()
    draw = ImageDraw.Draw(page)
    for x, y, w, h in boxes:
        draw.rectangle((x * scale - slack, (sheet_h - y - h) * scale - slack,
                        (x + w) * scale + slack, (sheet_h - y) * scale + slack), fill=255)
    return page


@pytest.mark.parametrize("paper", CARD_PAPERS)
def test_a_card_prints_nothing_in_its_6_mm_margin(catalog, default, paper):
    data = api.render(catalog, default, "card", paper)
    for page in render_pages(data, dpi=72):
        assert ink_in_margin(page, 6 * MM) == []


@pytest.mark.parametrize("paper", SHEETS)
def test_cards_on_a_sheet_keep_their_margins_and_the_cut_lines_sit_in_the_gutters(
        catalog, short, paper):
    sheet = PAPERS[paper]
    place = placement(sheet)
    dpi = 144
    pages = render_pages(api.render(catalog, short, "card", paper), dpi=dpi)
    for page, origins in zip(pages, (place.fronts, place.backs)):
        boxes = [(x, y, place.width, place.height) for x, y in origins]
        outside = _blank_outside(page, boxes, sheet.height, dpi)
        mid_x = place.cut_x * dpi / 72
        column = [outside.getpixel((round(mid_x), y)) for y in range(outside.height)]
        # Dashed lines at least 0.5 pt wide: well over a third of each line is dark.
        assert sum(v < 200 for v in column) > 0.35 * (place.cuts_y[-1] - SHEET_MARGIN) * dpi / 72
        margin = SHEET_MARGIN * dpi / 72 - 1.5
        cut = ImageDraw.Draw(outside)
        cut.rectangle((mid_x - 2, margin, mid_x + 2, outside.height - margin), fill=255)
        for cut_y in place.cuts_y:
            y = (sheet.height - cut_y) * dpi / 72
            assert _dark_in_row(outside, y) > 0.35 * (sheet.width - 2 * SHEET_MARGIN) * dpi / 72
            cut.rectangle((margin, y - 2, outside.width - margin, y + 2), fill=255)
        # The printing note, on the fronts only, in the strip the top cut line cuts off.
        strip = (margin, margin, outside.width - margin, (sheet.height - place.cuts_y[-1]) * dpi / 72 - 3)
        assert (outside.crop(tuple(round(v) for v in strip)).getextrema()[0] < 200) == (origins is place.fronts)
        cut.rectangle(strip, fill=255)
        # Besides the cut lines, which stop at the printer margin, and the note, nothing prints
        # outside the cards' content boxes: not in the gutters, not in the margin.
        assert outside.getextrema()[0] > 245
        # The cut lines run outside every card area (content plus its 6 mm margin).
        for x, y in origins:
            assert not x - CARD_MARGIN < place.cut_x < x + place.width + CARD_MARGIN
            for cut_y in place.cuts_y:
                assert not y - CARD_MARGIN < cut_y < y + place.height + CARD_MARGIN


def _dark_in_row(image, y: float) -> int:
    """Dark pixels in the darkest pixel row within one of `y`: a thin line falls on either."""
    return max(sum(image.getpixel((x, round(y) + d)) < 200 for x in range(image.width))
               for d in (-1, 0, 1))


@pytest.mark.parametrize("paper", SHEETS)
def test_backs_are_mirrored_for_long_edge_duplex(paper):
    sheet = PAPERS[paper]
    place = placement(sheet)
    (fx, fy), (bx, by) = place.fronts[0], place.backs[0]
    assert fx < sheet.width / 2 and fy > place.cuts_y[0]            # front: top-left
    assert bx > sheet.width / 2 and by == fy                        # its back: top-right
    for (fx, fy), (bx, by) in zip(place.fronts, place.backs):
        assert bx == pytest.approx(sheet.width - fx - place.width) and by == fy


@pytest.mark.parametrize("paper", SHEETS)
def test_a_card_too_full_for_a_quarter_sheet_prints_two_to_a_sheet(catalog, paper):
    """The default 7-minute card needs more than a quarter sheet: two landscape halves, one
    horizontal cut line, each back right behind its front."""
    default = api.make_plan(catalog, api.make_request(catalog, minutes=7))
    data = api.render(catalog, default, "card", paper)
    assert fitted_card(catalog, default, paper).per_sheet == 2
    fronts, backs = page_texts(data)
    assert fronts.count(default.title) == 2
    assert backs.count("Call for emergency help") == 2
    place = placement(PAPERS[paper], 2)
    assert place.width > place.height
    for front, back in zip(place.fronts, place.backs):
        assert back == pytest.approx(front)
    assert PRINT_NOTE in " ".join(fronts.split()) and PRINT_NOTE not in " ".join(backs.split())
    page = render_pages(data, dpi=72)[0]
    assert _dark_in_row(page, PAPERS[paper].height - place.cuts_y[0]) > 0.35 * (PAPERS[paper].width - 2 * SHEET_MARGIN)


def test_a_card_paper_is_one_card_a_page_behind_itself():
    place = placement(PAPERS["a6"])
    assert place.fronts == place.backs and len(place.fronts) == 1


def test_grayscale_prints_no_colour(catalog, default):
    data = api.render(catalog, default, "card", "a6", grayscale=True)
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    for i in range(len(doc)):
        assert colour_pixels(doc[i].render(scale=1).to_pil()) == 0, f"page {i + 1} has colour"


def test_the_clinic_is_named_on_the_front(catalog, short):
    from pdfgen.branding import Clinic

    clinic = Clinic("Riverside Physio", phone="555 0100")
    data = api.render(catalog, short, "card", "a6", clinic=clinic)
    assert "Riverside Physio · Phone 555 0100" in page_texts(data)[0]


def test_six_stretches_on_a6_become_a_numbered_set_of_cards(catalog):
    """Too much for one A6 card is two A6 cards, "card 1 of 2" and "card 2 of 2", each with
    its share of the stretches numbered on from the first and every red flag on its back."""
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=15,
                                                   areas=["back", "hips", "hamstrings"]))
    assert len(plan.items) == 6
    pages = [flat(text) for text in page_texts(api.render(catalog, plan, "card", "a6"))]
    assert len(pages) == 4
    count = len(pages) // 2
    for k in range(count):
        front, back = pages[2 * k], pages[2 * k + 1]
        assert f"card {k + 1} of {count}" in front
        assert "Call for emergency help" in back and "See a doctor soon" in back
    for n, item in enumerate(plan.items, 1):
        holder = [k for k in range(count) if flat(item.stretch.name) in pages[2 * k]]
        assert len(holder) == 1, item.stretch.name
    assert flat(plan.items[3].stretch.name) in pages[2] and "4" in pages[2]


def test_a_set_on_a_sheet_takes_the_cards_in_turn(catalog):
    """Seven stretches are too many for one card on a Letter sheet with figures of 0.8 in and
    the rules: a set of four, one on each of the sheet's tiles, every stretch on one card."""
    plan = api.make_plan(catalog, api.make_request(catalog), "seven-in-seven")
    data = api.render(catalog, plan, "card", "letter")
    fronts = flat(page_texts(data)[0])
    assert len(page_texts(data)) == 2
    assert [fronts.count(f"card {k} of 4") for k in (1, 2, 3, 4)] == [1, 1, 1, 1]
    for item in plan.items:
        assert fronts.count(flat(item.stretch.name)) == 1, item.stretch.name


def test_a_3x5_card_is_not_offered_and_asking_for_one_says_why(run, tmp_path):
    """A 3 x 5 in card cannot hold the red flags beside even one stretch's cautions at 9 pt, so
    it is not among the papers; asking for it is a one-line error naming a card that works."""
    from pdfgen.paper import PAPERS

    assert "index-3x5" not in PAPERS
    out = tmp_path / "card.pdf"
    for name in ("index-3x5", "3x5"):
        result = run("build", "-l", "card", "-p", name, "-o", out)
        assert result.exit_code == 2, result.output
        message = result.stderr.strip().splitlines()[-1]   # click's usage lines, then the error
        assert "too small to hold the red flags" in message and "index-4x6" in message
        assert "Traceback" not in result.stderr and not out.exists()


def test_large_print_is_14_pt_where_it_fits_and_refused_where_not(catalog):
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=2))
    data = api.render(catalog, plan, "card", "index-5x8", large_print=True)
    assert min(font_sizes(data)) >= 14.0
    with pytest.raises(api.LayoutError, match="large print .* try --paper index-5x8"):
        api.render(catalog, plan, "card", "a6", large_print=True)
    seven = api.make_plan(catalog, api.make_request(catalog, minutes=7))
    set_of_three = api.render(catalog, seven, "card", "index-5x8", large_print=True)
    assert len(page_texts(set_of_three)) == 6 and min(font_sizes(set_of_three)) >= 14.0


@pytest.mark.parametrize("paper", CARD_PAPERS + SHEETS)
def test_every_plan_up_to_15_minutes_prints_or_says_what_would(catalog, paper):
    """5 x 8 takes every routine; a smaller card or sheet takes short ones or names a card."""
    for setting in ("home", "office"):
        for minutes in (1, 2, 3, 5, 7, 10, 15):
            plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes,
                                                           setting=setting))
            try:
                api.render(catalog, plan, "card", paper)
            except api.LayoutError as exc:
                assert paper != "index-5x8" and len(plan.items) > 2, (minutes, setting)
                assert "try --paper" in str(exc) and "index-5x8" in str(exc)


def test_cli_writes_a_two_page_a6_card(run, tmp_path):
    result = run("build", "-l", "card", "-p", "a6", "-m", "6", "-o", tmp_path / "card.pdf")
    assert result.exit_code == 0, result.output + result.stderr
    assert len(PdfReader(tmp_path / "card.pdf").pages) == 2


def test_cli_refusal_is_one_line_and_exit_1(run):
    result = run("build", "-l", "card", "-p", "a6", "-m", "15", "-a", "back,hips,hamstrings",
                 "--large-print")
    assert result.exit_code == 1
    assert "index-5x8" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("paper", SHEETS)
def test_cards_cut_from_a_sheet_have_figures_of_at_least_0_8_in(catalog, paper):
    """A card cut from a sheet used to shrink its figures to 0.5 in to hold six stretches; it
    now becomes a numbered set before a figure box drops under 0.8 in."""
    for minutes in (3, 7, 10, 20):
        plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes))
        boxes = fitted_card(catalog, plan, paper).figure_boxes()
        assert boxes and min(h for *_, h in boxes) >= 0.8 * 72 - 1e-6, minutes
