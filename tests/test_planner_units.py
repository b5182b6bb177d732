"""Exact planner arithmetic and exactness of the search, on synthetic stretches."""

from __future__ import annotations

import itertools

import pytest

from pdfgen import planner
from pdfgen.model import Area, Movement, Position, Request, Setting, Sides
from tests.factories import make_stretch


def test_duration_follows_the_time_model():
    s = make_stretch("a", hold=(20, 30), reps=(1, 3), rest=5, setup=10, switch=5)
    # setup + sides × (reps × hold + (reps − 1) × rest) + (sides − 1) × switch
    assert planner.stretch_duration(s, 30, 2) == 10 + 2 * (2 * 30 + 1 * 5) + 1 * 5 == 145
    one = make_stretch("b", sides=Sides.ONE, rest=10, setup=8)
    assert planner.stretch_duration(one, 20, 3) == 8 + 1 * (3 * 20 + 2 * 10) + 0 == 88


def test_dynamic_duration_uses_tempo():
    s = make_stretch("cat", tempo=4, reps=(5, 10), sides=Sides.ONE, rest=0, setup=10)
    assert planner.stretch_duration(s, 0, 8) == 10 + 8 * 4 == 42
    assert [o.duration_s for o in planner.dose_options(s)] == [10 + 4 * r for r in range(5, 11)]


def test_dose_options_step_by_five_and_sort():
    s = make_stretch("a", hold=(20, 30), reps=(1, 2))
    opts = planner.dose_options(s)
    assert {(o.hold_s, o.reps) for o in opts} == {(h, r) for h in (20, 25, 30) for r in (1, 2)}
    assert [o.duration_s for o in opts] == sorted(o.duration_s for o in opts)


@pytest.mark.parametrize("a,b,seconds", [
    (Position.SUPINE, Position.SUPINE, 5),
    (Position.SUPINE, Position.PRONE, 8),
    (Position.SUPINE, Position.ALL_FOURS, 8),
    (Position.KNEELING, Position.STANDING, 12),
    (Position.SUPINE, Position.STANDING, 15),
    (Position.STANDING, Position.SUPINE, 15),
    (Position.SEATED, Position.STANDING, 8),
])
def test_transition_costs(a, b, seconds):
    assert planner.transition_s(a, b) == seconds


def test_order_goes_down_once_and_finishes_upright():
    lib = [make_stretch("stand", position=Position.STANDING),
           make_stretch("lie", position=Position.SUPINE),
           make_stretch("kneel", position=Position.KNEELING),
           make_stretch("lie2", position=Position.SUPINE),
           make_stretch("sit", position=Position.SEATED)]
    heights = [s.position.height for s in planner.order(lib)]
    assert heights == sorted(heights)
    assert planner.order(lib)[-1].position is Position.STANDING


def _brute_dose(stretches, seconds):
    best = -1
    for combo in itertools.product(*(planner.dose_options(s) for s in stretches)):
        total = sum(o.duration_s for o in combo)
        if total <= seconds:
            best = max(best, total)
    return best


@pytest.mark.parametrize("seconds", [150, 233, 300, 410, 999])
def test_dosing_is_within_tolerance_of_the_exact_knapsack(seconds):
    lib = [make_stretch("a", hold=(15, 30), reps=(1, 3)),
           make_stretch("b", tempo=5, reps=(5, 10), sides=Sides.ONE),
           make_stretch("c", hold=(10, 12), reps=(2, 4), sides=Sides.ONE, rest=3)]
    picks = planner.dose(lib, seconds)
    best = _brute_dose(lib, seconds)
    assert best - min(15, seconds // 50) <= sum(p.duration_s for p in picks) <= best


def test_dosing_spreads_spare_time_evenly():
    lib = [make_stretch(x, hold=(20, 40), reps=(1, 1)) for x in "ab"]
    picks = planner.dose(lib, 2 * planner.stretch_duration(lib[0], 30, 1))
    assert [p.hold_s for p in picks] == [30, 30]


def _library():
    return [
        make_stretch("back-1", primary=(Area.LOWER_BACK,), position=Position.SUPINE),
        make_stretch("back-2", primary=(Area.LOWER_BACK,), position=Position.ALL_FOURS,
                     movement=Movement.EXTENSION),
        make_stretch("ham-1", primary=(Area.HAMSTRINGS,), position=Position.SUPINE),
        make_stretch("ham-2", primary=(Area.HAMSTRINGS,), secondary=(Area.LOWER_BACK,),
                     position=Position.STANDING, hold=(30, 60), reps=(1, 3)),
        make_stretch("glute-1", primary=(Area.GLUTES,), position=Position.SEATED),
        make_stretch("quad-1", primary=(Area.QUADS,), position=Position.SIDE_LYING,
                     hold=(20, 40), reps=(2, 4)),
        make_stretch("upper-1", primary=(Area.UPPER_BACK,), position=Position.STANDING,
                     tempo=5, reps=(5, 12), sides=Sides.ONE, movement=Movement.ROTATION),
    ]


def test_plan_never_exceeds_budget_and_fills_it():
    lib = {s.id: s for s in _library()}
    for minutes in (2, 3, 5, 7, 10):
        p = planner.plan(Request(areas=(Area.LOWER_BACK, Area.HAMSTRINGS), minutes=minutes),
                         lib, {})
        assert p.total_s <= p.budget_s
        assert p.total_s >= 0.9 * p.budget_s


def test_too_short_budget_says_what_would_work():
    lib = {s.id: s for s in _library()}
    with pytest.raises(planner.NoFitError, match=r"too short.*takes \d+ s.*at least"):
        planner.plan(Request(minutes=20 / 60), lib, {})


def test_office_excludes_floor_and_says_why():
    lib = {s.id: s for s in _library() if s.position.on_floor}
    with pytest.raises(planner.NoFitError, match="not possible in the office setting"):
        planner.plan(Request(setting=Setting.OFFICE), lib, {})
