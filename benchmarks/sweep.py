"""What each layout makes of each paper and budget: pages, smallest text, figure size, refusals.

Run: `python benchmarks/sweep.py [--minutes 3,7,12,20] [--large-print]`. For the default areas
(the lower back) at each budget, it renders every layout on every paper and prints one row per
layout and paper: for each budget the page count, the smallest text on the pages (from the
PDF's own characters) and the median height of the figure boxes on the first page in inches,
or "refused". It measures layouts, not speed.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, not an installed copy

from pdfgen import api  # noqa: E402
from pdfgen.errors import LayoutError  # noqa: E402
from pdfgen.layouts import engine  # noqa: E402
from pdfgen.layouts.context import RenderContext  # noqa: E402
from pdfgen.model import Layout  # noqa: E402
from pdfgen.paper import PAPERS  # noqa: E402


def cell(catalog, plan, layout: Layout, paper: str, large_print: bool) -> str:
    """"pages p, min pt, fig in" for one render, or "refused"."""
    import pdfplumber

    try:
        data = api.render(catalog, plan, layout, paper, large_print=large_print)
    except LayoutError:
        return "refused"
    ctx = RenderContext(api.load_figure_specs(catalog, [i.stretch.figure for i in plan.items]),
                        catalog.safety, large_print=large_print)
    boxes = engine.fit(api.page_design(layout), plan, PAPERS[paper], ctx).figure_boxes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
        smallest = min(ch["size"] for page in pdf.pages for ch in page.chars if ch["text"].strip())
    figure = f"{statistics.median(h for *_, h in boxes) / 72:.1f}in" if boxes else "-"
    return f"{pages}p {smallest:.1f}pt {figure}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", default="3,7,12,20")
    parser.add_argument("--large-print", action="store_true")
    opts = parser.parse_args()
    catalog = api.load_catalog()
    budgets = [float(m) for m in opts.minutes.split(",")]
    plans = [api.make_plan(catalog, api.make_request(catalog, minutes=m)) for m in budgets]
    print(f"| layout | paper | {' | '.join(f'{m:g} min ({len(p.items)})' for m, p in zip(budgets, plans))} |")
    print("|---|---|" + "---|" * len(plans))
    refused = 0
    for layout in Layout:
        for paper in PAPERS:
            cells = [cell(catalog, plan, layout, paper, opts.large_print) for plan in plans]
            refused += cells.count("refused")
            print(f"| {layout.value} | {paper} | {' | '.join(cells)} |")
    print(f"\n{refused} of {len(plans) * len(PAPERS) * len(Layout)} refused "
          f"({'large print' if opts.large_print else 'normal print'}); "
          "figure: median box height on page 1 (the handout's are inside its blocks)")


if __name__ == "__main__":
    main()
