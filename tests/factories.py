"""Small synthetic stretches for planner tests, independent of the built-in library."""

from __future__ import annotations

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
