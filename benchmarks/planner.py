"""How the planner's selection grows with the library: the growth table of issue 15.

Run from anywhere: `python benchmarks/planner.py [--sizes 26,100,300] [--cap 20]`. For each
generated library size and each budget it prints the worst in-process time of `planner.select`
over four area sets. A cell that passes `--cap` seconds stops its row (the rest would only be
slower) and prints as "> cap". Libraries are generated from a fixed seed, so rows compare across
runs; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, not an installed copy

from pdfgen import planner  # noqa: E402
from pdfgen.model import (Area, Dose, Level, Movement, Range, Sides, Source,  # noqa: E402
                          Stretch)

AREA_SETS = ((Area.LOWER_BACK,), (Area.HAMSTRINGS, Area.GLUTES),
             (Area.LOWER_BACK, Area.HIP_FLEXORS, Area.UPPER_BACK), (Area.QUADS,))
BUDGETS_MIN = (5, 15, 30, 60)


def library(size: int, seed: int = 1) -> list[Stretch]:
    """`size` made-up stretches: one or two primary areas, any floor-to-standing position, holds
    of 15-60 s, 1-3 reps, one side or both."""
    rng = random.Random(seed)
    areas, positions = list(Area), list(planner.POSITION_FLOW)
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
                           level=rng.choice(list(Level)), figure="", sources=(Source("t"),)))
    return out


def worst_select_s(stretches: list[Stretch], budget_s: int, cap: float) -> float:
    """The slowest of the area sets, stopping early once one passes `cap` seconds."""
    worst = 0.0
    for areas in AREA_SETS:
        start = time.perf_counter()
        planner.select(stretches, areas, budget_s)
        worst = max(worst, time.perf_counter() - start)
        if worst > cap:
            break
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="26,100,300", help="library sizes, comma-separated")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds before a row stops")
    args = parser.parse_args()
    print(f"# planner.select, worst of {len(AREA_SETS)} area sets; {datetime.date.today()}, "
          f"{platform.machine()}, Python {platform.python_version()}")
    print("| stretches | " + " | ".join(f"{m} min" for m in BUDGETS_MIN) + " |")
    print("|---|" + "---|" * len(BUDGETS_MIN))
    for size in (int(s) for s in args.sizes.split(",")):
        stretches = library(size)
        cells, stopped = [], False
        for minutes in BUDGETS_MIN:
            if stopped:
                cells.append("–")
                continue
            took = worst_select_s(stretches, minutes * 60, args.cap)
            stopped = took > args.cap
            cells.append(f"> {args.cap:g} s" if stopped else f"{took * 1000:.0f} ms")
        print(f"| {size} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
