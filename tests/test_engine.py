"""The layout engine: one fit for every design, frozen results, refusals that name real papers."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from pdfgen import api
from pdfgen.layouts import engine
from pdfgen.layouts.context import RenderContext
from pdfgen.model import Layout
from pdfgen.paper import PAPERS


def context(catalog, plan, **options) -> RenderContext:
    figures = api.load_figure_specs(catalog, [i.stretch.figure for i in plan.items])
    return RenderContext(figures, catalog.safety, **options)


def plan_for(catalog, minutes: float, routine: str | None = None):
    return api.make_plan(catalog, api.make_request(catalog, minutes=minutes), routine)


def test_type_sizes_step_down_exactly_and_never_up():
    assert engine.type_sizes(12.5, 10) == [12.5, 12.0, 11.5, 11.0, 10.5, 10.0]
    assert engine.type_sizes(16, 14) == [16.0, 15.5, 15.0, 14.5, 14.0]
    assert engine.type_sizes(9, 10) == []


def test_first_fit_keeps_the_first_option_that_measures():
    tried = []

    def measure(n):
        tried.append(n)
        return f"fits at {n}" if n < 3 else None

    assert engine.first_fit([5, 4, 2, 1], measure) == "fits at 2"
    assert tried == [5, 4, 2]
    assert engine.first_fit([5, 4], measure) is None


@pytest.mark.parametrize("layout,paper", [("poster", "letter"), ("card", "index-4x6"),
                                          ("card", "a4"), ("handout", "letter")])
def test_every_design_fits_to_a_frozen_result_that_draws_its_page_count(catalog, layout, paper):
    """Nothing measured is kept on a layout object: the fitted result is a frozen record, and
    drawing it twice gives the same bytes with as many pages as it says."""
    plan = plan_for(catalog, 5)
    ctx = context(catalog, plan)
    design = api.page_design(Layout.coerce(layout))
    fitted = engine.fit(design, plan, PAPERS[paper], ctx)
    assert not isinstance(fitted, engine.NoFit)
    assert dataclasses.is_dataclass(fitted) and type(fitted).__dataclass_params__.frozen
    with pytest.raises(dataclasses.FrozenInstanceError):
        fitted.template = None
    first = engine.draw(fitted, plan, layout, ctx)
    assert first == engine.draw(fitted, plan, layout, ctx)
    assert len(PdfReader(io.BytesIO(first)).pages) == fitted.page_count
    assert first == api.render(catalog, plan, layout, paper)


def test_a_refused_poster_names_only_papers_on_which_it_fits(catalog):
    plan = plan_for(catalog, 7, "seven-in-seven")
    ctx = context(catalog, plan, large_print=True)     # not even three half-letter sheets
    design = api.page_design(Layout.POSTER)
    refused = engine.fit(design, plan, PAPERS["half-letter"], ctx)
    assert isinstance(refused, engine.NoFit)
    assert refused.alternatives and len(refused.alternatives) <= 2
    for name in refused.alternatives:
        assert engine.fits(design, plan, PAPERS[name], ctx)
        assert name in refused.reason
    assert "\n" not in refused.reason


def test_a_refused_card_names_the_card_papers_that_hold_it(catalog):
    plan = plan_for(catalog, 12)
    ctx = context(catalog, plan, large_print=True)
    design = api.page_design(Layout.CARD)
    refused = engine.fit(design, plan, PAPERS["a6"], ctx)
    assert isinstance(refused, engine.NoFit)
    cards = [p for p in PAPERS.values() if p.card and p.name != "a6"]
    assert list(refused.alternatives) == [p.name for p in sorted(cards, key=lambda p: p.width * p.height)
                                          if engine.fits(design, plan, p, ctx)]
    assert refused.reason.startswith("large print")
    with pytest.raises(api.LayoutError, match="large print"):
        engine.render(design, plan, PAPERS["a6"], ctx)


def test_a_handout_on_a_card_is_refused_by_the_engine_not_by_a_constructor(catalog):
    plan = plan_for(catalog, 5)
    refused = engine.fit(api.page_design(Layout.HANDOUT), plan, PAPERS["a6"], context(catalog, plan))
    assert isinstance(refused, engine.NoFit) and "needs a full sheet" in refused.reason


def test_a_batch_falls_back_to_the_sheet_twice_the_size_and_says_which_it_tried(catalog):
    """Large print that even a set of three half-letter sheets cannot hold goes onto Letter;
    what fits the asked paper (as a set of sheets, in normal print) stays on it; what no
    larger sheet holds is refused, naming the sheets tried."""
    plan = plan_for(catalog, 7)
    design = api.page_design(Layout.POSTER)
    large = context(catalog, plan, large_print=True)
    assert engine.fit_or_larger(design, plan, PAPERS["letter"], large)[0] is PAPERS["letter"]
    used, fitted = engine.fit_or_larger(design, plan, PAPERS["half-letter"], large)
    assert used is PAPERS["letter"] and fitted.template.paper is PAPERS["letter"]
    paper, data = api.render_or_larger(catalog, plan, "poster", "half-letter")
    assert paper is PAPERS["half-letter"]
    for page in PdfReader(io.BytesIO(data)).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == PAPERS["half-letter"].size

    class Nothing:
        """A design that fits no paper."""
        name = "nothing"

        def measure(self, plan, paper, ctx):
            return engine.NoFit("")

        def other_papers(self, paper):
            return [], None

        def refusal(self, plan, paper, ctx, failed, alternatives):
            return f"nothing fits {paper.name}"

    used, refused = engine.fit_or_larger(Nothing(), plan, PAPERS["letter"], large)
    assert used is PAPERS["letter"] and isinstance(refused, engine.NoFit)
    assert refused.reason == "nothing fits letter (tried legal and tabloid too)"
