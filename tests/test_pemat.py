"""What PEMAT-P asks of the printed page that a program can check: a key to the pictures,
headings on every table, sources that name organisations, not articles, a summary and a week
to tick."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from pdfgen import api
from pdfgen.layouts.forms import DAYS
from pdfgen.model import about_minutes
from tests.conftest import page_texts, pdf_text


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("layout, paper", [("poster", "letter"), ("poster", "a5"),
                                           ("handout", "letter"), ("handout", "a5")])
def test_every_page_with_pictures_says_what_their_marks_mean(catalog, layout, paper):
    """Item 25: the marks the page's pictures use, explained where they print (stacked phases,
    the start pose's pale outline, the arrow) and always the highlight: in grayscale its
    stripes, not a colour."""
    plan = api.make_plan(catalog, api.make_request(catalog))
    colour = flat(pdf_text(api.render(catalog, plan, layout, paper)))
    gray = flat(pdf_text(api.render(catalog, plan, layout, paper, grayscale=True)))
    full = ("Pictures: the top one of two, or a pale outline, is where you start; the arrow is "
            "the move; orange is where you feel it.")
    # a poster's set of sheets explains each sheet's own marks
    assert (full if (layout, paper) != ("poster", "a5") else "orange is where you feel it.") in colour
    assert "stripes are where you feel it." in gray and "orange" not in gray


def test_the_legend_names_only_the_marks_its_pictures_use(catalog):
    """A routine whose drawings have no stacked phases or outline is not told about them."""
    from pdfgen.layouts.common import figure_legend

    plan = api.make_plan(catalog, api.make_request(catalog))
    ctx = api._context(catalog, plan, False, False, None, None)
    by_id = {i.stretch.id: i for i in plan.items}
    assert ctx.figure_marks([by_id["knee-to-chest"]]) == {"arrow"}
    assert ctx.figure_marks([by_id["knee-rolls"]]) == {"stacked", "arrow"}
    assert ctx.figure_marks([by_id["childs-pose"]]) == {"outline", "arrow"}
    assert figure_legend(False, {"arrow"}) == ("Pictures: the arrow is the move; orange is "
                                               "where you feel it.")
    assert figure_legend(True, {"stacked", "side by side"}) == (
        "Pictures: the top or left one of two is where you start; stripes are where you feel it.")


def test_the_routine_at_a_glance_has_column_headings_and_a_total_row(catalog):
    """Item 6: a table of doses and times says which column is which, and its last row gives
    the whole routine's time, moving between stretches included."""
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=10))
    text = pdf_text(api.render(catalog, plan, "handout", "letter"))
    glance = text[text.index("Your routine at a glance"):]
    assert flat(glance).startswith("Your routine at a glance Stretch Hold or repeat Minutes")
    assert "In all, with moving between stretches about 10" in flat(glance)
    narrow = pdf_text(api.render(catalog, plan, "handout", "a5"))
    assert "Stretch and hold or repeat Minutes" in flat(narrow)


@pytest.mark.parametrize("layout", ["poster", "handout"])
def test_the_sources_line_names_organisations_not_article_titles(catalog, layout):
    """A page lists who its facts come from in one short line: the organisations, and how many
    web articles besides, never an article's title ("6 Stretches..." on a five-stretch page)."""
    plan = api.make_plan(catalog, api.make_request(catalog), "seven-in-seven")
    text = " ".join(pdf_text(api.render(catalog, plan, layout, "letter")).split())
    line = text[text.index("Sources:"):]
    line = line[:line.index(".") + 1]
    assert "NHS inform" in line and "ACSM" in line and "Mayo Clinic" in line
    assert "web articles on back stretches." in line
    titles = {s.title for i in plan.items for s in i.stretch.sources if ":" not in s.title}
    assert titles and not any(title in text for title in titles)
    assert len(line) < 260


def test_doses_are_in_words_with_a_count_even_when_once(catalog):
    """Item 6: "Hold 30 s · each side" gave no count and "5 slow reps" left open what a rep
    is; a held stretch says how long and how many times, a moving one its own count."""
    plan = api.make_plan(catalog, api.make_request(catalog))
    text = flat(pdf_text(api.render(catalog, plan, "poster", "letter")))
    assert "Roll to each side 5 times." in text
    assert "Hold for 20 seconds. Do it 2 times on each side." in text
    assert "Hold for 45 seconds. Do it once." in text
    assert " s ·" not in text and "×" not in text


def test_a_page_gives_times_in_one_format(catalog):
    """The routine "about 7 minutes", never "6 min 55 s"; each stretch in whole minutes, no
    fractions ("1½"): a short one is "under a minute"."""
    plan = api.make_plan(catalog, api.make_request(catalog))
    for layout in ("poster", "handout", "card"):
        text = flat(pdf_text(api.render(catalog, plan, layout, "letter")))
        assert "7 minutes" in text and " min " not in text and " s " not in text, layout
        assert "½" not in text, layout
    handout = flat(pdf_text(api.render(catalog, plan, "handout", "letter")))
    assert "Knee rolls under a minute" in handout and "Lying knee twist 2 minutes" in handout


def test_posters_give_short_numbered_steps_from_the_start_position(catalog):
    """Item 22: child's pose starts by kneeling; the supported back stretch walks back out."""
    plan = api.make_plan(catalog, api.make_request(catalog))
    text = flat(pdf_text(api.render(catalog, plan, "poster", "letter")))
    for item in plan.items:
        assert 2 <= len(item.stretch.short_steps) <= 4
        for n, step in enumerate(item.stretch.short_steps, 1):
            assert f"{n}. {step}" in text
    assert "1. Kneel" in text and "walk back in" in text


def test_no_muscle_word_prints_unexplained(catalog):
    """Items 3 and 4: the areas and names on the page are in plain words."""
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=10,
                                                  areas=("hamstrings", "hips", "quads")))
    text = flat(pdf_text(api.render(catalog, plan, "handout", "letter"))).lower()
    for word in ("hamstring", "glute", "quad", "hip flexor", "figure-4", "piriformis"):
        assert word not in text, word
    assert "backs of the thighs" in text


@pytest.mark.parametrize("layout, paper", [("poster", "letter"), ("poster", "legal"),
                                           ("card", "a6"), ("card", "letter"),
                                           ("handout", "letter")])
def test_the_warm_up_and_gentle_pull_come_before_the_routine(catalog, layout, paper):
    """Item 10: what to do before starting is read before the first stretch, not in a box
    after the routine; and it is printed once."""
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=5))
    text = flat(pdf_text(api.render(catalog, plan, layout, paper)))
    first = text.index(plan.items[0].stretch.name)
    for rule in catalog.safety.before:
        # once on each card's front (a sheet holds several), else once
        assert text.count(rule) == (text.count("Stretch safely") if layout == "card" else 1)
        assert text.index(rule) < first, rule


RECAPS = [("poster", "letter", None), ("poster", "a4", "seven-in-seven"), ("poster", "tabloid", None),
          ("card", "index-4x6", None), ("card", "index-5x8", None), ("handout", "letter", None)]


@pytest.mark.parametrize("layout, paper, routine", RECAPS)
def test_every_layout_closes_with_what_to_remember_and_a_week_to_tick(catalog, layout, paper,
                                                                       routine):
    """Items 11 and 23: the three points to remember (the routine's own first) and a week of
    tick boxes, on a crowded one-page poster too (there, run into the safety footer)."""
    plan = api.make_plan(catalog, api.make_request(catalog), routine)
    text = flat(pdf_text(api.render(catalog, plan, layout, paper)))
    n = len(plan.items)
    points = (f"Do the {n} stretches in order: {about_minutes(plan.total_s)}.",
              *catalog.safety.remember)
    assert "Remember" in text
    for point in points:
        assert point in text, point
    assert "Tick a box each" in text
    assert " ".join(DAYS) in text or " ".join(day[:2] for day in DAYS) in text


def test_a_card_set_gives_the_routine_one_week_to_tick_and_every_card_its_legend(catalog):
    """One week of boxes for the routine, on the first card, so no one wonders which to tick;
    every card explains its own pictures."""
    plan = api.make_plan(catalog, api.make_request(catalog))
    pages = page_texts(api.render(catalog, plan, "card", "index-4x6"))
    fronts = pages[::2]
    assert len(fronts) == 2
    assert [" ".join(pages[k:k + 2]).count("Tick a box") for k in (0, 2)] == [1, 0]
    assert all("Pictures:" in front for front in fronts)


def test_the_week_has_a_box_a_day_or_one_per_session_when_the_clinician_says(catalog):
    """Seven boxes to tick; "twice a day" gives two a day, and the note says so."""
    plan = api.make_plan(catalog, api.make_request(catalog))
    plain = api.render(catalog, plan, "poster", "letter")
    twice = api.render(catalog, plan, "poster", "tabloid",
                       fields=api.make_fields(frequency="twice a day"))
    assert _tick_boxes(plain) == 7
    assert _tick_boxes(twice) == 14
    assert "Tick a box each time you stretch (twice a day)." in flat(pdf_text(twice))


def _tick_boxes(data: bytes) -> int:
    """Squares of one size drawn with a stroke and no fill: the week's boxes."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        rects = [r for r in pdf.pages[0].rects
                 if abs(r["width"] - r["height"]) < 0.01 and 8 < r["width"] < 20 and not r["fill"]]
    sizes = Counter(round(r["width"], 2) for r in rects)
    return max(sizes.values()) if sizes else 0


def test_the_sources_line_counts_the_health_trusts_on_one_short_line(catalog):
    plan = api.make_plan(catalog, api.make_request(catalog))
    text = flat(pdf_text(api.render(catalog, plan, "poster", "letter")))
    line = text[text.index("Sources:"):]
    line = line[:line.index(".") + 1]
    assert "three UK health trusts" in line and "Guy's" not in line
    assert len(line) < 130
