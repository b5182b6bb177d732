"""How fast stretchcard renders each layout in one process (batch.py measures whole batches).

Run from anywhere: `python benchmarks/render.py [--repeats N]`. Times are medians (and minima)
of time.perf_counter after a warm-up, because a shared machine makes single runs noisy.
Nothing here asserts a time: compare tables run on the same machine, not against a number.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, not an installed copy

from pdfgen import api  # noqa: E402
from pdfgen.model import Layout  # noqa: E402

PAPERS_FOR = {"card": ("a6", "index-5x8")}  # the first that fits; other layouts use letter
AREAS = ["lower-back"]
MINUTES = 7


def timings(fn: Callable[[], object], repeats: int, warmup: int = 2) -> list[float]:
    """Seconds per call of `fn`, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def row(label: str, ts: list[float], per: int = 1) -> str:
    return (f"  {label:<44}median {statistics.median(ts) / per * 1e3:7.2f} ms"
            f"   min {min(ts) / per * 1e3:7.2f} ms")


def bench_layouts(cat, repeats: int) -> None:
    plan = api.make_plan(cat, api.make_request(cat, areas=AREAS, minutes=MINUTES))
    print(f"Render in process ({'+'.join(AREAS)}, {MINUTES} min, {repeats} repeats)")
    print(f"  {'layout':<10}{'paper':<11}{'median ms':>10}{'min ms':>9}{'pages':>7}"
          f"{'pages/s':>9}{'PDF KiB':>9}")
    for layout in [k.value for k in Layout]:
        papers = PAPERS_FOR.get(layout, ("letter",))
        for paper in papers:
            try:
                data = api.render(cat, plan, layout, paper)
                break
            except api.LayoutError:
                continue
        else:
            print(f"  {layout:<10}does not fit on {' or '.join(papers)}: skipped")
            continue
        ts = timings(lambda: api.render(cat, plan, layout, paper), repeats)
        median, pages = statistics.median(ts), api.page_count(data)
        print(f"  {layout:<10}{paper:<11}{median * 1e3:10.2f}{min(ts) * 1e3:9.2f}{pages:7d}"
              f"{pages / median:9.1f}{len(data) / 1024:9.1f}")


def bench_loading(cat, repeats: int) -> None:
    from pdfgen.figure import load_figure

    print("\nLoading")
    print(row("load_catalog", timings(api.load_catalog, repeats, warmup=1)))
    ids = sorted(cat.figures)
    paths = [cat.figures[fid] for fid in ids]
    cold = timings(lambda: [load_figure(p) for p in paths], max(3, repeats // 10), warmup=1)
    print(row("figure, cold: parse + solve (per figure)", cold, len(ids)))
    warm = timings(lambda: api.load_figure_specs(cat, ids), repeats)
    print(row("figure, cached: load_figure_specs (each)", warm, len(ids)))
    from pdfgen.figure import build

    specs = [load_figure(p) for p in paths]
    shapes = timings(lambda: [build(s) for s in specs], repeats)
    print(row("figure, geometry: build (per figure)", shapes, len(ids)))


_catalog = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30, help="timed runs per row (at least 20)")
    repeats = max(20, parser.parse_args().repeats)
    import reportlab
    from reportlab.lib import rl_accel

    accel = "C accelerator" if rl_accel._c_funcs else "pure Python"
    print(f"stretchcard render benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    print(f"Python {platform.python_version()}, ReportLab {reportlab.Version} ({accel}), "
          f"{os.cpu_count()} CPUs ({platform.machine()})\n")
    cat = api.load_catalog()
    bench_layouts(cat, repeats)
    bench_loading(cat, repeats)


if __name__ == "__main__":
    main()
