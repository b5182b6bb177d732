"""The planner on the real library: budgets, coverage, exclusions, order, determinism."""

from __future__ import annotations

import pytest

from pdfgen import api, planner
from pdfgen.errors import NoFitError
from pdfgen.model import Area, Position, Request, Setting

AREA_SETS = [("lower-back",), ("hamstrings",), ("upper-back",), ("hips",), ("quads",),
             ("lower-back", "hamstrings"), ("back", "glutes", "sides")]


def _capacity(catalog, request):
    """The most time the eligible stretches could fill (10 longest doses, no transitions)."""
    ok, _ = planner.eligibility(request, catalog.stretches, catalog.conditions)
    longest = sorted((planner.dose_options(s)[-1].duration_s for s in ok), reverse=True)
    return sum(longest[:planner.MAX_STRETCHES])


@pytest.mark.parametrize("setting", [s.value for s in Setting])
@pytest.mark.parametrize("areas", AREA_SETS, ids="+".join)
def test_budget_never_exceeded_and_90_percent_filled(catalog, areas, setting):
    for minutes in range(3, 21):
        request = api.make_request(catalog, areas=areas, minutes=minutes, setting=setting)
        p = api.make_plan(catalog, request)
        assert p.total_s <= p.budget_s
        if _capacity(catalog, request) >= p.budget_s:
            assert p.total_s >= 0.9 * p.budget_s, (areas, setting, minutes, p.total_s)
        assert p.total_s == sum(i.duration_s for i in p.items) + sum(p.transitions_s)
        for i in p.items:
            assert i.duration_s == planner.stretch_duration(i.stretch, i.hold_s, i.reps)
            d = i.stretch.dose
            assert d.reps.low <= i.reps <= d.reps.high
            if not d.dynamic:
                assert d.hold_s.low <= i.hold_s <= d.hold_s.high


def test_every_requested_area_is_covered_when_time_allows(catalog):
    request = api.make_request(catalog, areas=["lower-back", "hamstrings", "hips", "quads"],
                               minutes=10)
    p = api.make_plan(catalog, request)
    covered = {a for i in p.items for a in i.stretch.primary}
    assert set(request.areas) <= covered


def test_aliases_expand(catalog):
    r = api.make_request(catalog, areas=["low back", "hips"])
    assert r.areas == (Area.LOWER_BACK, Area.HIP_FLEXORS, Area.GLUTES)


def test_exact_timing_of_a_plan(catalog):
    p = api.make_plan(catalog, api.make_request(catalog, minutes=7))
    positions = [i.stretch.position for i in p.items]
    assert p.transitions_s == tuple(planner.transition_s(a, b) for a, b in zip(positions, positions[1:]))


@pytest.mark.parametrize("minutes", [5, 10, 15])
def test_one_floor_descent_and_finish_upright(catalog, minutes):
    p = api.make_plan(catalog, api.make_request(catalog, areas=["back", "hamstrings", "hips"],
                                                minutes=minutes))
    floor = [i.stretch.position.on_floor for i in p.items]
    # once off the floor, never back down
    assert floor == sorted(floor, reverse=True)
    heights = [i.stretch.position.height for i in p.items]
    assert heights == sorted(heights)


@pytest.mark.parametrize("condition", ["pregnancy", "hip-replacement", "osteoporosis",
                                       "spinal-stenosis", "disc-sciatica", "knee-problems",
                                       "wrist-shoulder", "acute-injury"])
def test_condition_exclusions_never_appear_and_caution_is_printed(catalog, condition):
    cond = catalog.conditions[condition]
    for areas in AREA_SETS:
        request = api.make_request(catalog, areas=areas, minutes=10, conditions=[condition])
        try:
            p = api.make_plan(catalog, request)
        except NoFitError:
            continue
        for i in p.items:
            s = i.stretch
            assert condition not in s.avoid_if
            assert s.id not in cond.stretches
            assert s.movement not in cond.movements and s.position not in cond.positions
        assert cond.caution in p.cautions


def test_pregnancy_never_lies_flat(catalog):
    p = api.make_plan(catalog, api.make_request(catalog, minutes=10, conditions=["pregnant"]))
    assert all(i.stretch.position not in (Position.SUPINE, Position.PRONE) for i in p.items)


def test_office_has_no_floor_and_no_kneeling(catalog):
    p = api.make_plan(catalog, api.make_request(catalog, minutes=5, setting="office"))
    assert p.items
    assert all(i.stretch.position in (Position.STANDING, Position.SEATED) for i in p.items)


def test_plans_are_deterministic(catalog):
    r = api.make_request(catalog, areas=["back", "hips"], minutes=9)
    assert api.make_plan(catalog, r) == api.make_plan(catalog, r)


def test_nothing_fits_names_the_shortest_stretch(catalog):
    with pytest.raises(NoFitError) as info:
        api.make_plan(catalog, Request(minutes=20 / 60))
    assert "too short" in str(info.value) and "Ask for at least" in str(info.value)


def test_excluding_everything_lists_why(catalog):
    every = list(catalog.conditions)
    request = api.make_request(catalog, setting="office", conditions=every)
    with pytest.raises(NoFitError, match="no stretch suits this request"):
        api.make_plan(catalog, request)


def test_fixed_routine_keeps_its_order_and_doses(catalog):
    p = api.make_plan(catalog, api.make_request(catalog), routine="seven-in-seven")
    assert [i.stretch.id for i in p.items][:2] == ["supine-hamstring", "knee-to-chest"]
    assert all(i.hold_s == 30 for i in p.items)
    assert p.items[-1].reps == 2
