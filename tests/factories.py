"""Synthetic stretches for planner tests and benchmarks, independent of the built-in library."""

from __future__ import annotations

import random

from pdfgen.model import (Area, Dose, Level, Movement, Position, Range, Sides, Source, Stretch)


def make_stretch(sid: str, *, primary=(Area.LOWER_BACK,), secondary=(), position=Position.SUPINE,
                 hold=(20, 30), reps=(1, 2), sides=Sides.BOTH, rest=5, setup=10, switch=5,
                 tempo=None, movement=Movement.FLEXION, equipment=frozenset(), avoid_if=frozenset(),
                 level=Level.BEGINNER) -> Stretch:
    dose = Dose(reps=Range(*reps), sides=sides, hold_s=None if tempo else Range(*hold),
                tempo_s=tempo, rest_s=rest, setup_s=setup, switch_s=switch)
    return Stretch(id=sid, name=sid.replace("-", " ").capitalize(), summary="s",
                   primary=tuple(primary), secondary=tuple(secondary), position=position,
                   equipment=frozenset(equipment), movement=movement, dose=dose,
                   steps=("a", "b", "c"), feel="f", cautions=(), avoid_if=frozenset(avoid_if),
                   level=level, figure=sid, sources=(Source("t"),))


def random_library(size: int, seed: int = 1) -> list[Stretch]:
    """`size` made-up stretches, the same for the same seed: one or two primary areas, at
    most one secondary, any position, holds of 15-60 s, 1-3 reps, one side or both, any
    level, one to three sources. A clinic's library at any scale, for the planner."""
    rng = random.Random(seed)
    areas, positions = list(Area), list(Position)
    out = []
    for k in range(size):
        primary = tuple(rng.sample(areas, rng.choice((1, 1, 2))))
        secondary = tuple(a for a in rng.sample(areas, rng.choice((0, 1))) if a not in primary)
        low = rng.choice((15, 20, 30))
        dose = Dose(reps=Range(1, rng.choice((1, 2, 3))), sides=rng.choice(list(Sides)),
                    hold_s=Range(low, low + rng.choice((0, 10, 30))), tempo_s=None, rest_s=5,
                    setup_s=10, switch_s=5)
        out.append(Stretch(id=f"s{k:04d}", name=f"Stretch {k}", summary="s", primary=primary,
                           secondary=secondary, position=rng.choice(positions),
                           equipment=frozenset(), movement=Movement.FLEXION, dose=dose,
                           steps=("a",), feel="f", cautions=(), avoid_if=frozenset(),
                           level=rng.choice(list(Level)), figure="",
                           sources=tuple(Source(f"t{n}") for n in range(rng.choice((1, 1, 2, 3))))))
    return out
