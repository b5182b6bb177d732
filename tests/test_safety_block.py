"""One safety block for every layout: the emergency first and unmistakable, the stop rule on
its own line, each condition's caution under its name."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from pdfgen import api
from tests.conftest import pdf_text

LAYOUTS = [("poster", "a4"), ("card", "index-5x8"), ("card", "letter"), ("handout", "letter")]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def plan(catalog):
    return api.make_plan(catalog, api.make_request(catalog, minutes=5, conditions=(
        "disc-sciatica", "osteoporosis")))


@pytest.mark.parametrize("layout, paper", LAYOUTS)
def test_red_flags_come_first_and_each_condition_is_named(catalog, plan, layout, paper):
    text = flat(pdf_text(api.render(catalog, plan, layout, paper)))   # in drawing order
    emergency = text.index("Call for emergency help")
    urgent = text.index("See a doctor soon")
    stop = text.index(flat(catalog.safety.stop_rule))
    assert emergency < urgent < stop
    if layout != "card":   # a card's front carries the rules, if it has room, its back the flags
        assert emergency < text.index(flat(catalog.safety.rules[0]))
    for caution in plan.cautions:
        at = text.index(flat(caution.condition))
        assert text.index(flat(caution.text)[:40], at) - at <= len(caution.condition) + 3


def _heading_backgrounds(data: bytes, words: str) -> list[float]:
    """The gray level of filled rectangles behind the first character of `words`."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            if words not in text:
                continue
            first = next(ch for ch in page.chars if ch["text"] == words[0]
                         and words in (page.crop((0, ch["top"] - 1, page.width, ch["bottom"] + 1))
                                       .extract_text() or ""))
            return [r["non_stroking_color"][0] if isinstance(r["non_stroking_color"], (list, tuple))
                    else r["non_stroking_color"] for r in page.rects
                    if r["fill"] and r["x0"] <= first["x0"] <= r["x1"]
                    and r["top"] <= (first["top"] + first["bottom"]) / 2 <= r["bottom"]]
    raise AssertionError(f"{words!r} not found")


@pytest.mark.parametrize("layout, paper", LAYOUTS)
def test_in_grayscale_the_emergency_heading_is_reversed_and_the_other_is_not(catalog, plan,
                                                                             layout, paper):
    data = api.render(catalog, plan, layout, paper, grayscale=True)
    assert any(gray < 0.5 for gray in _heading_backgrounds(data, "Call for emergency"))
    assert not any(gray < 0.5 for gray in _heading_backgrounds(data, "See a doctor soon"))

