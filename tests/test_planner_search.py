"""The planner's selection against the ranking it documents, on generated libraries.

Small libraries are checked against every subset (the exhaustive reference decides the score
and the tie); libraries of 100 and 1,000 stretches, where that is out of reach, are checked for
the guarantees themselves and for local optimality: no one stretch swapped, added or dropped
gives a better set.
"""

from __future__ import annotations

import functools
import itertools
import math

import pytest

from pdfgen import planner
from pdfgen.model import Area, Request
from pdfgen.timing import dose_duration
from tests.factories import random_library

AREA_SETS = [(Area.LOWER_BACK,), (Area.HAMSTRINGS, Area.GLUTES),
             (Area.LOWER_BACK, Area.HIP_FLEXORS, Area.UPPER_BACK), (Area.QUADS, Area.CALVES)]


@functools.lru_cache(maxsize=None)
def _lengths(dose):
    """Every length a dose allows, from the time model (its own tests are in
    test_planner_units); the generated holds are in fives."""
    return frozenset(dose_duration(dose, hold, reps)
                     for hold in ((dose.tempo_s,) if dose.dynamic else range(
                         dose.hold_s.low, dose.hold_s.high + 1, 5))
                     for reps in range(dose.reps.low, dose.reps.high + 1))


def _score(combo, areas, budget, limit):
    """The ranking `planner.select` documents, written out independently; None if the set
    cannot fit the budget at its shortest doses."""
    want = set(areas)
    ordered = planner.order(combo)
    trans = sum(planner.transition_s(a.position, b.position) for a, b in zip(ordered, ordered[1:]))
    lengths = [_lengths(s.dose) for s in combo]
    if sum(min(x) for x in lengths) + trans > budget or len(combo) > limit:
        return None
    totals = {0}
    for x in lengths:
        totals = {t + d for t in totals for d in x if t + d + trans <= budget}
    fills = any(t + trans >= math.ceil(0.9 * budget) for t in totals)
    return (len({a for s in combo for a in s.primary} & want), fills,
            -sum(1 for s in combo if not set(s.targets) & want),
            -abs(len(combo) - planner.target_count(budget, limit)),
            sum(2 * len(set(s.primary) & want) + len(set(s.secondary) & want) for s in combo),
            sum(min(len(s.sources), 3) for s in combo), -sum(s.level.rank for s in combo),
            -trans)


def _search_order(lib, areas):
    """The documented order that settles ties: floor first (flow order), then relevance,
    sources, gentleness and id."""
    want = set(areas)
    flow = {p: k for k, p in enumerate(planner.POSITION_FLOW)}

    def key(s):
        rel = 2 * len(set(s.primary) & want) + len(set(s.secondary) & want)
        return (flow[s.position], -rel, -min(len(s.sources), 3), s.level.rank, s.id)
    return sorted(lib, key=key)


def _exhaustive(lib, areas, budget, limit):
    """The best score over every subset, and the first set in the search order with it."""
    ranked = _search_order(lib, areas)
    best = None
    for n in range(1, limit + 1):
        for combo in itertools.combinations(range(len(ranked)), n):
            score = _score([ranked[k] for k in combo], areas, budget, limit)
            if score is not None and (best is None or score > best[0]
                                      or (score == best[0] and combo < best[1])):
                best = (score, combo)
    return best[0], {ranked[k].id for k in best[1]}


@pytest.mark.parametrize("seed", range(12))
def test_small_libraries_match_every_subset(seed):
    lib = random_library(11, seed=seed)
    for areas in AREA_SETS[seed % 4:seed % 4 + 2] + [tuple(Area)]:
        for budget, limit in ((90, 6), (240, 6), (420, 3), (900, 6), (1800, 4)):
            chosen = planner.select(lib, areas, budget, limit)
            score, ids = _exhaustive(lib, areas, budget, limit)
            assert _score(chosen, areas, budget, limit) == score, (areas, budget, limit)
            assert {s.id for s in chosen} == ids, (areas, budget, limit)


def _neighbours(chosen, lib, limit):
    """Every set one swap, one addition or one removal away."""
    ids = {s.id for s in chosen}
    rest = [s for s in lib if s.id not in ids]
    for k in range(len(chosen)):
        others = chosen[:k] + chosen[k + 1:]
        if others:
            yield others
        for s in rest:
            yield others + (s,)
    if len(chosen) < limit:
        for s in rest:
            yield chosen + (s,)


@pytest.mark.parametrize("size", [100, 1000])
@pytest.mark.parametrize("minutes", [5, 15, 30, 60])
def test_large_libraries_keep_the_guarantees(size, minutes):
    lib = random_library(size, seed=size + minutes)
    stretches = {s.id: s for s in lib}
    budget = minutes * 60
    for areas in AREA_SETS:
        request = Request(areas=areas, minutes=minutes)
        plan = planner.plan(request, stretches, {})
        eligible, _ = planner.eligibility(request, stretches, {})
        chosen = tuple(i.stretch for i in plan.items)
        assert plan.total_s <= budget
        assert len(chosen) <= request.max_stretches
        score = _score(chosen, areas, budget, request.max_stretches)
        if score[1]:
            assert plan.total_s >= 0.9 * budget
        # Area coverage first: every requested area is targeted first by some stretch in a
        # library this size, and one stretch per area always fits these budgets.
        assert score[0] == len(areas)
        better = [n for n in _neighbours(chosen, eligible, request.max_stretches)
                  if (_score(n, areas, budget, request.max_stretches) or ()) > score]
        assert not better, (areas, minutes)


def test_the_limit_comes_from_the_request():
    lib = {s.id: s for s in random_library(100, seed=7)}
    for limit in (1, 3, 8):
        plan = planner.plan(Request(areas=(Area.LOWER_BACK,), minutes=30, max_stretches=limit),
                            lib, {})
        assert len(plan.items) == limit
    many = planner.plan(Request(areas=(Area.LOWER_BACK,), minutes=12, max_stretches=8), lib, {})
    assert len(many.items) == planner.target_count(12 * 60, 8) == 8


def test_same_request_same_plan():
    lib = random_library(300, seed=3)
    first = planner.select(lib, AREA_SETS[2], 1200)
    assert planner.select(list(reversed(lib)), AREA_SETS[2], 1200) == first
