"""How the planner's selection grows with the library: the growth table of issue 15.

Run from anywhere: `python benchmarks/planner.py [--sizes 26,100,300,1000] [--seeds 3]
[--repeats 3] [--cap 20]`. For each generated library size and each budget it prints the
worst in-process time of `planner.select` over seven area sets (one to three areas) and
`--seeds` libraries, then for a request of every area, each
time the median of `--repeats` runs (a busy machine adds noise to single runs, not to the
median). A cell that passes `--cap` seconds stops its row (the rest would only be slower) and
prints as "> cap". Libraries come from fixed seeds (`tests.factories.random_library`, the
planner tests' own), so rows compare across runs; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, not an installed copy

from pdfgen import planner  # noqa: E402
from pdfgen.model import Area, Stretch  # noqa: E402
from tests.factories import random_library as library  # noqa: E402

AREA_SETS = ((Area.LOWER_BACK,), (Area.HAMSTRINGS, Area.GLUTES),
             (Area.LOWER_BACK, Area.HIP_FLEXORS, Area.UPPER_BACK), (Area.QUADS,),
             (Area.QUADS, Area.CALVES), (Area.UPPER_BACK, Area.SHOULDERS, Area.SIDES),
             (Area.ABDOMEN,))
# Every area at once: coverage first then asks which few stretches cover ten areas, the
# hardest request there is for the search; it gets a table of its own.
EVERY_AREA = (tuple(Area),)
BUDGETS_MIN = (5, 15, 30, 60)


def worst_select_s(stretches: list[Stretch], area_sets: tuple, budget_s: int, cap: float,
                   repeats: int) -> float:
    """The slowest of the area sets (each the median of `repeats` runs), stopping early once
    one passes `cap` seconds."""
    worst = 0.0
    for areas in area_sets:
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            planner.select(stretches, areas, budget_s)
            runs.append(time.perf_counter() - start)
            if runs[-1] > cap:
                break
        worst = max(worst, statistics.median(runs))
        if worst > cap:
            break
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="26,100,300,1000", help="library sizes, comma-separated")
    parser.add_argument("--seeds", type=int, default=3, help="libraries of each size")
    parser.add_argument("--repeats", type=int, default=3, help="runs per cell, median taken")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds before a row stops")
    args = parser.parse_args()
    print(f"# planner.select, {datetime.date.today()}, {platform.machine()}, "
          f"Python {platform.python_version()}; worst of {args.seeds} libraries, "
          f"median of {args.repeats}")
    for title, area_sets in ((f"worst of {len(AREA_SETS)} area sets of 1-3 areas", AREA_SETS),
                             ("every area at once", EVERY_AREA)):
        print(f"\n{title}\n")
        print("| stretches | " + " | ".join(f"{m} min" for m in BUDGETS_MIN) + " |")
        print("|---|" + "---|" * len(BUDGETS_MIN))
        for size in (int(s) for s in args.sizes.split(",")):
            libraries = [library(size, seed) for seed in range(1, args.seeds + 1)]
            cells, stopped = [], False
            for minutes in BUDGETS_MIN:
                if stopped:
                    cells.append("–")
                    continue
                took = max(worst_select_s(lib, area_sets, minutes * 60, args.cap, args.repeats)
                           for lib in libraries)
                stopped = took > args.cap
                cells.append(f"> {args.cap:g} s" if stopped else f"{took * 1000:.0f} ms")
            print(f"| {size} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
