"""The shared blocks: what a block says its height is, it draws within, in every placement."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from pdfgen import api
from pdfgen.layouts.blocks import Spacing, stretch_text
from pdfgen.layouts.common import new_canvas
from pdfgen.layouts.context import RenderContext
from pdfgen.layouts.stretch import HeadingStyle, Placement, StretchBlock, heading

TOP, X, WIDTH = 800.0, 40.0, 300.0
DESCENT = 0.5   # a line's box leaves 0.23 em under the baseline; the font's descent is a hair more
SPACINGS = {"cell": Spacing(4, 0, 3, 3, 0, True), "flow": Spacing(8, 4, 4, 0, 4, False)}


def drawn_extent(catalog, plan, block: StretchBlock, item) -> tuple[float, float, float]:
    """The lowest character bottom, the leftmost and rightmost character edges, in points."""
    figures = api.load_figure_specs(catalog, [i.stretch.figure for i in plan.items])
    ctx = RenderContext(figures, catalog.safety)
    buf = io.BytesIO()
    c = new_canvas(buf, (612, 842), plan, "test", False)
    block.draw(c, ctx, item, X, TOP)
    c.showPage()
    c.save()
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        page = pdf.pages[0]
        chars = [ch for ch in page.chars if ch["text"].strip()]
        return (min(page.height - ch["bottom"] for ch in chars), min(ch["x0"] for ch in chars),
                max(ch["x1"] for ch in chars))


@pytest.mark.parametrize("placement", list(Placement))
@pytest.mark.parametrize("spacing", sorted(SPACINGS))
def test_a_stretch_block_draws_inside_the_height_it_measures(catalog, placement, spacing):
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=12,
                                                   areas=("lower-back", "hips")))
    size = 11.0
    for number, item in enumerate(plan.items, 1):
        head = heading(number, item.stretch.name, size * 1.2, WIDTH,
                       HeadingStyle(size, 2 * size + 6, rise=0, after=4))
        text_x = 0.0 if placement is Placement.ABOVE else WIDTH * 0.42
        steps_w = WIDTH - text_x
        text = stretch_text(item, size, WIDTH if placement is Placement.BESIDE_STEPS else steps_w,
                            SPACINGS[spacing], steps_w)
        block = StretchBlock(head, text, placement, WIDTH * 0.4, 90.0, text_x, 5.0, head.height())
        bottom, left, right = drawn_extent(catalog, plan, block, item)
        assert bottom >= TOP - block.height() - DESCENT, (item.stretch.id, placement)
        assert left >= X - 0.01 and right <= X + WIDTH + 0.01, item.stretch.id
        box = block.figure_box(X, TOP)
        assert box[1] >= TOP - block.height() and box[1] + box[3] <= TOP - head.height() + 0.01


def chars_of(draw, plan) -> list[dict]:
    buf = io.BytesIO()
    c = new_canvas(buf, (700, 1400), plan, "test", False)
    draw(c)
    c.showPage()
    c.save()
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        page = pdf.pages[0]
        return [dict(ch, y=page.height - ch["bottom"]) for ch in page.chars if ch["text"].strip()]


@pytest.mark.parametrize("large_print", [False, True])
def test_every_handout_block_draws_inside_the_height_it_measures(catalog, large_print):
    """Pagination trusts each block's height: text below it would run into the next block."""
    from pdfgen.layouts.handout import Handout
    from pdfgen.paper import PAPERS

    plan = api.make_plan(catalog, api.make_request(catalog, minutes=10, conditions=("sciatica",)))
    figures = api.load_figure_specs(catalog, [i.stretch.figure for i in plan.items])
    ctx = RenderContext(figures, catalog.safety, large_print=large_print,
                        fields=api.make_fields(patient="Ana Lopez", notes="Left side first."))
    handout = Handout(plan, PAPERS["a4"], ctx)
    top = 1300.0
    for block in handout.blocks():
        chars = chars_of(lambda c: block.paint(c, X, top), plan)
        words = "".join(ch["text"] for ch in chars)[:40]
        assert chars, "a block with no text"
        assert min(ch["y"] for ch in chars) >= top - block.height - DESCENT, words
        assert min(ch["x0"] for ch in chars) >= X - 0.01, words
        assert max(ch["x1"] for ch in chars) <= X + handout.width + 0.01, words
