"""How a handout uses its pages: few of them, nothing split or stranded, footers whole."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from pdfgen import api

# Six-stretch plans and the default five-stretch one.
REQUESTS = [(7, ("lower-back",)), (10, ("lower-back", "hips")), (12, ("back", "hamstrings")),
            (20, ("back", "hips"))]


def pages_of(catalog, minutes, areas, paper, **options) -> list[str]:
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes, areas=areas))
    data = api.render(catalog, plan, "handout", paper, **options)
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("minutes, areas", REQUESTS)
# Large print takes a page more since the doses are in words ("Hold for 20 seconds. Do it 2
# times on each side.", two lines of 14 pt a stretch, where "Hold 20 s · 2×" took one).
@pytest.mark.parametrize("paper, most, most_large", [("a4", 4, 7), ("letter", 5, 8)])
def test_six_stretches_safety_and_tracker_take_few_pages(catalog, minutes, areas, paper, most,
                                                         most_large):
    assert len(pages_of(catalog, minutes, areas, paper)) <= most
    assert len(pages_of(catalog, minutes, areas, paper, large_print=True)) <= most_large


@pytest.mark.parametrize("minutes, areas", REQUESTS)
@pytest.mark.parametrize("paper", ["letter", "a4", "a5", "legal"])
@pytest.mark.parametrize("large_print", [False, True])
def test_red_flags_stay_together_and_sources_are_never_alone(catalog, minutes, areas, paper,
                                                             large_print):
    if paper == "a5" and large_print:   # a large-print stretch is taller than an A5 page
        with pytest.raises(api.LayoutError, match="taller than a page of A5; try a larger paper"):
            pages_of(catalog, minutes, areas, paper, large_print=large_print)
        return
    pages = pages_of(catalog, minutes, areas, paper, large_print=large_print)
    (flags,) = [k for k, text in enumerate(pages) if "Call for emergency help" in text]
    assert "See a doctor soon if" in pages[flags]
    (sources,) = [k for k, text in enumerate(pages) if "Sources:" in text]
    assert not pages[sources].startswith("Sources:")   # never alone at the top of a page
    assert "Patient" in pages[0]


@pytest.mark.parametrize("paper, large_print", [("a5", False), ("letter", False), ("letter", True)])
def test_footers_are_whole_and_number_every_page(catalog, paper, large_print):
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=10, areas=("lower-back", "hips")))
    pages = pages_of(catalog, 10, ("lower-back", "hips"), paper, large_print=large_print)
    whole = (f"stretchcard · {plan.title}", plan.title, "stretchcard")
    for number, text in enumerate(pages, 1):
        assert any(text.endswith(f"{left} Page {number} of {len(pages)}") for left in whole), \
            text[-120:]
    if paper == "letter" and not large_print:
        assert all(text.endswith(f"{whole[0]} Page {n} of {len(pages)}")
                   for n, text in enumerate(pages, 1))


@pytest.mark.parametrize("per_page", [1, 2, 3])
def test_per_page_caps_the_stretches_on_a_page_and_each_group_starts_one(catalog, per_page):
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=10, areas=("lower-back", "hips")))
    reader = PdfReader(io.BytesIO(api.render(catalog, plan, "handout", "a4", per_page=per_page)))
    page_of = {entry.title: reader.get_destination_page_number(entry) for entry in reader.outline}
    stretch_pages = [page_of[f"{n}. {item.stretch.name}"] for n, item in enumerate(plan.items, 1)]
    for page in set(stretch_pages):
        assert stretch_pages.count(page) <= per_page
    for k in range(0, len(plan.items), per_page):
        assert stretch_pages[k] not in stretch_pages[:k]
        assert stretch_pages[k] > page_of["How to stretch safely"]


def test_per_page_is_for_the_handout_only(catalog, run, tmp_path):
    plan = api.make_plan(catalog, api.make_request(catalog))
    with pytest.raises(ValueError, match="only a handout"):
        api.render(catalog, plan, "poster", "letter", per_page=2)
    result = run("build", "-l", "poster", "--per-page", "2", "-o", "p.pdf")
    assert result.exit_code == 2 and "--per-page is for the handout" in result.stderr
    assert not (tmp_path / "p.pdf").exists()
    assert run("build", "-l", "handout", "--per-page", "1", "-o", "h.pdf").exit_code == 0
