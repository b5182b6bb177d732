"""The time model (DESIGN.md): how long a stretch takes at a dose, and a move between two.

A stretch takes ``setup + sides × (reps × hold + (reps − 1) × rest) + (sides − 1) × switch``
(a moving stretch uses its tempo in place of the hold), and consecutive stretches add a
transition that grows with the change of height between positions. A routine runs in flow
order, from lying down up to standing, so a person gets down to the floor once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

from .model import DEFAULT_MAX_STRETCHES, Dose, Position, Stretch

FILL_TARGET = 0.9
SECONDS_PER_STRETCH = 90
SAME_POSITION_S = 5
NEW_POSITION_S = 8

# The order positions follow in a routine: from lying down up to standing, so a person gets
# down to the floor once and finishes upright.
POSITION_FLOW = (Position.SUPINE, Position.SIDE_LYING, Position.PRONE, Position.FLOOR_SEATED,
                 Position.ALL_FOURS, Position.KNEELING, Position.SEATED, Position.STANDING,
                 Position.HANGING)
FLOW_RANK = {p: i for i, p in enumerate(POSITION_FLOW)}


def transition_s(a: Position, b: Position) -> int:
    """Seconds to move from one stretch's position to the next one's.

    Same position: 5 s; a new position at the same height: 8 s; otherwise 5 s plus about 3 s for
    each step of height, so floor to standing costs 15 s.
    """
    if a is b:
        return SAME_POSITION_S
    climb = abs(a.height - b.height)
    return max(NEW_POSITION_S, SAME_POSITION_S + round(10 * climb / 3))


@dataclass(frozen=True)
class DoseOption:
    hold_s: int
    reps: int
    duration_s: int


def stretch_duration(stretch: Stretch, hold_s: int, reps: int) -> int:
    """Seconds one stretch takes at a given dose, per the time model."""
    return dose_duration(stretch.dose, hold_s, reps)


def dose_duration(d: Dose, hold_s: int, reps: int) -> int:
    """Seconds a stretch with this dose takes at a hold (ignored for a moving stretch,
    which keeps its tempo) and a number of reps."""
    per_rep = d.tempo_s if d.dynamic else hold_s
    sides = d.sides.count
    return d.setup_s + sides * (reps * per_rep + (reps - 1) * d.rest_s) + (sides - 1) * d.switch_s


def _holds(d: Dose) -> tuple[int, ...]:
    """The holds a dose allows: by 5 s where its range is in fives, else by 1 s; a moving
    stretch has its tempo."""
    if d.dynamic:
        return (d.tempo_s,)
    h = d.hold_s
    return h.values(5 if h.low % 5 == 0 and h.high % 5 == 0 else 1)


def dose_options(stretch: Stretch) -> tuple[DoseOption, ...]:
    """Every allowed dose, shortest first."""
    d = stretch.dose
    opts = {DoseOption(hold, reps, dose_duration(d, hold, reps))
            for hold in _holds(d) for reps in d.reps.values(1)}
    return tuple(sorted(opts, key=lambda o: (o.duration_s, o.reps, o.hold_s)))


@functools.lru_cache(maxsize=4096)
def dose_lengths(d: Dose) -> frozenset[int]:
    """Every length in seconds a stretch with this dose can take (cached: a library repeats
    doses, and the planner asks for every candidate's)."""
    return frozenset(dose_duration(d, hold, reps) for hold in _holds(d) for reps in d.reps.values(1))


N_FLOW = len(POSITION_FLOW)
COST = [[transition_s(a, b) for b in POSITION_FLOW] for a in POSITION_FLOW]


# One more stretch adds at most this much transition time to a set in flow order: it replaces
# one move (a -> b) with two (a -> new -> b), or joins a position already there.
MAX_ADDED_TRANSITION_S = 2 * max(max(row) for row in COST)


def set_transitions(counts: Sequence[int]) -> int:
    """Transition seconds for a set of stretches in flow order; `counts` is per flow position."""
    total, prev = 0, -1
    for rank in range(N_FLOW):
        n = counts[rank]
        if n:
            if prev >= 0:
                total += COST[prev][rank]
            total += SAME_POSITION_S * (n - 1)
            prev = rank
    return total


def target_count(budget_s: int, limit: int = DEFAULT_MAX_STRETCHES) -> int:
    """How many stretches a budget is best spent on: about one per 90 s, at most `limit`.

    The limit is the layout's (a Letter or A4 poster holds six cells at a size a 70-year-old
    can read, with every caution and red flag); longer budgets give each stretch a longer dose
    instead.
    """
    return max(1, min(limit, round(budget_s / SECONDS_PER_STRETCH)))


def order(stretches: Sequence[Stretch]) -> tuple[Stretch, ...]:
    """Floor first, standing last, grouped by position; within a position, by id."""
    return tuple(sorted(stretches, key=lambda s: (FLOW_RANK[s.position], s.id)))
