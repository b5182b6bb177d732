"""A sweep over papers, layouts and budgets: none of the requests the layouts promise to fit is
refused, and what they print keeps its size floors and its page budget."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from pdfgen import api
from tests.conftest import font_sizes

BUDGETS = (3, 7, 12, 20)
# The papers each layout must take at every budget (a poster needs a full sheet, a handout any
# sheet, a card any card paper or a sheet big enough for a set of two).
PROMISED = {
    "poster": ("letter", "a4", "legal", "tabloid", "a3"),
    "handout": ("letter", "a4", "legal", "tabloid", "a3", "a5", "half-letter"),
    "card": ("letter", "a4", "legal", "tabloid", "a3", "a6", "index-4x6", "index-5x8"),
}
MOST_PAGES = {"poster": 1, "handout": 10, "card": 4}


@pytest.fixture(scope="module")
def plans(catalog):
    return {m: api.make_plan(catalog, api.make_request(catalog, minutes=m)) for m in BUDGETS}


@pytest.mark.parametrize("layout, paper", [(layout, paper) for layout, papers in PROMISED.items()
                                           for paper in papers])
def test_no_promised_request_is_refused_and_floors_hold(catalog, plans, layout, paper):
    for minutes, plan in plans.items():
        data = api.render(catalog, plan, layout, paper)   # raises if refused
        pages = len(PdfReader(io.BytesIO(data)).pages)
        assert 1 <= pages <= MOST_PAGES[layout], (minutes, pages)
        sizes = font_sizes(data)
        assert min(sizes) >= 8.0, minutes                     # sources, at the smallest
        floor = 10.0 if layout == "handout" else 9.0          # a handout's footer is 10 pt
        assert sorted(sizes)[len(sizes) // 20] >= floor, minutes   # 95% of text at the floor or up
