"""The planner on the real library: budgets, coverage, exclusions, order, determinism."""

from __future__ import annotations

import pytest

from pdfgen import api, planner
from pdfgen.errors import NoFitError
from pdfgen.model import Area, ConditionCaution, Position, Request, Setting

AREA_SETS = [("lower-back",), ("hamstrings",), ("upper-back",), ("hips",), ("quads",),
             ("lower-back", "hamstrings"), ("back", "glutes", "sides")]


def _capacity(catalog, request):
    """The most time the eligible stretches could fill (10 longest doses, no transitions)."""
    ok, _ = planner.eligibility(request, catalog.stretches, catalog.conditions)
    longest = sorted((planner.dose_options(s)[-1].duration_s for s in ok), reverse=True)
    return sum(longest[:request.max_stretches])


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
        assert ConditionCaution(cond.name, cond.caution) in p.cautions


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


# --- true titles -------------------------------------------------------------------------

@pytest.mark.parametrize("areas", AREA_SETS, ids="+".join)
@pytest.mark.parametrize("minutes", [3, 7, 12, 30])
def test_the_title_gives_the_routines_own_minutes_and_only_areas_it_stretches(catalog, areas,
                                                                            minutes):
    p = api.make_plan(catalog, api.make_request(catalog, areas=areas, minutes=minutes))
    stated = int(p.title.split("-minute", 1)[0])
    assert stated == max(1, round(p.total_s / 60)), (p.title, p.total_s)
    targets = {a for i in p.items for a in i.stretch.primary}
    assert p.areas and set(p.areas) <= targets
    for area in p.areas:
        assert area.plain in p.title


def test_a_routine_well_short_of_the_request_says_why_in_one_sentence(catalog):
    long_ask = api.make_plan(catalog, api.make_request(catalog, minutes=30))
    assert long_ask.title.startswith("14-minute")
    (note,) = long_ask.notes
    assert note == ("This routine takes about 14 minutes, less than the 30 minutes you asked for: a "
                    "routine holds at most 6 stretches, each for as long as is safe.")
    after_surgery = api.make_plan(catalog, api.make_request(catalog, minutes=7,
                                                            conditions=("spine-surgery",)))
    assert after_surgery.title == "1-minute stretch for the lower back"
    (note,) = after_surgery.notes
    assert note.startswith("This routine takes about 1 minute, less than the 7 minutes you asked for:"
                           " the other ")
    assert note.endswith("stretches for the lower back are not safe with recent spine surgery.")
    assert note.count(".") == 1


def test_a_routine_near_the_request_adds_no_note(catalog):
    for minutes in (5, 7, 10, 15):
        assert api.make_plan(catalog, api.make_request(catalog, minutes=minutes)).notes == ()


def test_an_area_no_stretch_reaches_is_not_in_the_title(catalog):
    p = api.make_plan(catalog, api.make_request(catalog, areas=("calves",), minutes=10,
                                                setting="office"))
    assert "calves" not in p.title and Area.CALVES not in p.areas
    assert "No stretch for the calves suits your setting and conditions." in p.notes
