"""The one-page poster: header, a numbered grid of stretch cells, and a safety footer.

A stretch's instructions are never cut short: the fitter prints every step if they fit at
10 pt or more, and otherwise each stretch's one-line summary (the whole movement in a
sentence; the handout has the steps). For each, it tries type sizes from large to small and
the grid shapes that suit the sheet; the first that fits wins and any height left over goes to
the figures. Body text never drops below 9 pt: a routine that cannot fit at 9 pt is refused,
not squeezed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..model import Plan, PlannedStretch, format_seconds
from ..paper import Paper
from .blocks import Spacing, StretchText, stretch_text
from .stretch import Heading, HeadingStyle, Placement, StretchBlock, heading
from .common import (ACCENT, BOLD, BOX_LINE, INK, MUTED, REGULAR, draw_lines,
                     leading, text_width, wrap)
from .safety import SafetyColumns, safety_blocks, safety_columns, source_line
from .brand import clinic_lines
from .typescale import POSTER
from .context import RenderContext, shared_figure_scale
from .engine import Box, NoFit, PageTemplate, first_fit, type_sizes

TIME_PT = 16.0
FULL_STEPS_MIN_PT = 10.0
FOOTER_MAX_PT = 11.0   # below this, a one-line summary reads better than five small steps
GAP = POSTER.gap


# A cell's text: no gap between steps, "Feel it" and the cautions a little apart, the cautions
# run together behind one mark.
CELL_SPACING = Spacing(after_badge=4, step_gap=0, before_feel=3, before_cautions=3, caution_gap=0,
                       one_caution=True)


def cell_heading(number: int, item: PlannedStretch, size: float, width: float) -> Heading:
    """A cell's number disc and name, the name a little larger than the text."""
    return heading(number, item.stretch.name, size * 1.15, width,
                   HeadingStyle(radius=size * 0.95, indent=size * 2.2, rise=1, after=4))


@dataclass(frozen=True)
class Grid:
    """A fitted grid: columns, whether figures sit beside the steps, and every measure."""

    cols: int
    side: bool
    size: float
    cell_w: float
    row_h: tuple[float, ...]
    mid_h: tuple[float, ...]     # per row: the figure's height (and the steps' room, if side)
    heads: tuple[Heading, ...]
    texts: tuple[StretchText, ...]
    footer_size: float = 0.0     # the safety footer's type size, chosen with the grid

    @property
    def pad(self) -> float:
        return self.size * 0.6

    @property
    def fig_w(self) -> float:
        inner = self.cell_w - 2 * self.pad
        return inner * FIG_SHARE - 6 if self.side else inner

    def figure_size(self) -> float:
        """The smallest figure box side: what the fitter maximises after the type size."""
        return min(self.fig_w, min(self.mid_h))


FIG_SHARE = 0.42


@dataclass(frozen=True)
class Cell:
    """One stretch's place on the page: its row, the cell's top-left corner and its block."""

    index: int
    row: int
    x: float
    top: float
    block: StretchBlock

    def figure_box(self, pad: float) -> Box:
        return self.block.figure_box(self.x + pad, self.top - pad)


class Poster:
    """Measures and draws one poster for a plan on a paper."""

    def __init__(self, plan: Plan, paper: Paper, ctx: RenderContext):
        self.plan, self.paper, self.ctx = plan, paper, ctx
        self.m = paper.margin
        self.width = paper.width - 2 * self.m
        # large print: every line, the sources too, from 14 pt up
        self.min_pt, self.max_pt = ((POSTER.large_min, POSTER.large_max) if ctx.large_print
                                    else (POSTER.min_body, POSTER.max_body))
        self.sources_pt = self.min_pt if ctx.large_print else 8.0
        self.sub_pt, self.note_pt = max(11.0, self.min_pt), max(9.0, self.min_pt)
        self.box_h = TIME_PT + self.note_pt + 15

    # --- measuring -----------------------------------------------------------------------
    def header_height(self) -> float:
        size, lines = self._title()
        return max(size * 1.2 * len(lines) + leading(self.sub_pt) * len(self._subtitle()) + 8,
                   self.box_h + 10)

    def _title(self) -> tuple[float, list[str]]:
        """The largest title size from 24 pt down to 18 pt on one line, else two lines."""
        room = self.width - self._time_box_width() - 10
        for size in (24, 22, 20, 18):
            if text_width(self.plan.title, BOLD, size) <= room:
                return float(size), [self.plan.title]
        for size in (18, 16, 14):
            lines = wrap(self.plan.title, BOLD, size, room)
            if len(lines) <= 2:
                return float(size), lines
        return 14.0, wrap(self.plan.title, BOLD, 14, room)[:3]

    def _subtitle(self) -> list[str]:
        areas = [a.title.lower() for a in self.plan.areas]
        joined = areas[0] if len(areas) == 1 else ", ".join(areas[:-1]) + " and " + areas[-1]
        count = len(self.plan.items)
        text = (f"{count} stretch{'es' if count != 1 else ''} for the {joined}. "
                "Do them in this order, slowly.")
        room = self.width - self._time_box_width() - 10
        return (wrap(text, REGULAR, self.sub_pt, room)[:2]
                + clinic_lines(self.ctx.clinic, REGULAR, self.sub_pt, room))

    def _time_box_width(self) -> float:
        return max(text_width(format_seconds(self.plan.total_s), BOLD, TIME_PT),
                   text_width("in all", REGULAR, self.note_pt)) + 16

    def footer_layout(self, size: float) -> SafetyColumns:
        """The safety footer at `size`: three columns on a sheet, fewer on narrow paper."""
        cols = 3 if self.width > 400 else (2 if self.width > 260 else 1)
        return safety_columns(safety_blocks(self.plan, self.ctx.safety),
                              source_line(self.plan, self.ctx.safety), self.width, size, cols,
                              self.sources_pt)

    def best_grid(self) -> Grid | None:
        """Every step at a comfortable size, else the summaries; within each, type size from
        large to small: the first fit wins.

        The red flags shrink with the body text, a point behind it: they are read as much as
        the steps, so a large poster must not print them small.
        """
        full_steps_min = max(self.min_pt, FULL_STEPS_MIN_PT)
        options = [(brief, size) for brief, smallest in ((False, full_steps_min), (True, self.min_pt))
                   for size in type_sizes(self.max_pt, smallest)]
        return first_fit(options, lambda option: self._best_at(*option))

    def _best_at(self, brief: bool, size: float) -> Grid | None:
        """The grid shape that gives the figures most room at this size, if any fits."""
        footer_size = max(self.min_pt, min(size - 1.0, FOOTER_MAX_PT))
        footer_h = self.footer_layout(footer_size).height
        grid_h = self.paper.height - 2 * self.m - self.header_height() - footer_h - 2 * GAP
        options = [g for g in self._grids(len(self.plan.items), size, brief, grid_h) if g]
        if not options:
            return None
        grid = max(options, key=lambda g: (g.figure_size(), -g.cols))
        return replace(grid, footer_size=self._grown_footer(grid, grid_h, footer_size, footer_h))

    def _grown_footer(self, grid: Grid, grid_h: float, footer_size: float, footer_h: float) -> float:
        """The footer's type size once height the grid left unused goes to larger safety text,
        up to the body size."""
        spare = grid_h - sum(grid.row_h) - (len(grid.row_h) - 1) * GAP
        size = min(grid.size, FOOTER_MAX_PT)
        while size > footer_size:
            if self.footer_layout(size).height - footer_h <= spare:
                return size
            size -= 0.5
        return footer_size

    def _grids(self, n: int, size: float, brief: bool, grid_h: float):
        for cols in range(1, min(n, 5) + 1):
            cell_w = (self.width - (cols - 1) * GAP) / cols
            if cell_w < 125 or (cell_w > 340 and n > cols):
                continue
            yield self._try(n, cols, False, size, brief, cell_w, grid_h)
            if cell_w >= 230:
                yield self._try(n, cols, True, size, brief, cell_w, grid_h)

    def _try(self, n, cols, side, size, brief, cell_w, grid_h) -> Grid | None:
        """Measures one grid; spare height goes to the figures, within a sensible shape."""
        pad = size * 0.6
        inner = cell_w - 2 * pad
        step_w = inner * (1 - FIG_SHARE) if side else inner
        fig_w = inner * FIG_SHARE - 6 if side else inner
        heads = tuple(cell_heading(k, i, size, inner) for k, i in enumerate(self.plan.items, 1))
        texts = tuple(stretch_text(i, size, inner, CELL_SPACING, step_w, brief)
                      for i in self.plan.items)
        rows = [range(r * cols, min(n, (r + 1) * cols)) for r in range(math.ceil(n / cols))]
        min_fig = max(52.0, size * 6)
        max_fig = min(fig_w * (1.3 if side else 0.7), 260.0)
        if max_fig < min_fig:
            return None
        fixed, mids = [], []
        for row in rows:
            head = max(heads[k].height() for k in row)
            tail = max(texts[k].tail_height() for k in row)
            body = max(texts[k].steps_height() for k in row)
            if side:
                mids.append(max(min_fig, body))
                fixed.append(2 * pad + head + tail)
            else:
                mids.append(min_fig)
                fixed.append(2 * pad + head + 6 + body + tail)
        spare = grid_h - sum(fixed) - sum(mids) - (len(rows) - 1) * GAP
        if spare < 0:
            return None
        grow = spare / len(rows)
        mid_h = tuple(max(m, min(max_fig, m + grow)) for m in mids)
        row_h = tuple(f + m for f, m in zip(fixed, mid_h))
        return Grid(cols, side, size, cell_w, row_h, mid_h, heads, texts)

    # --- drawing -------------------------------------------------------------------------
    def draw(self, c, grid: Grid) -> None:
        """Draws the fitted grid: the header, every cell with its figure at the poster's shared
        scale (so every body on the sheet is drawn the same size), and the safety footer."""
        self._draw_header(c, self.paper.height - self.m)
        cells = self.cells(grid)
        scale = shared_figure_scale(self.ctx, self.plan.items,
                                    [cell.figure_box(grid.pad)[2:] for cell in cells])
        for cell in cells:
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.8)
            c.roundRect(cell.x, cell.top - grid.row_h[cell.row], grid.cell_w, grid.row_h[cell.row],
                        6, stroke=1, fill=0)
            cell.block.draw(c, self.ctx, self.plan.items[cell.index], cell.x + grid.pad,
                            cell.top - grid.pad, scale)
        self.footer_layout(grid.footer_size).draw(c, self.m, self.m)

    def cells(self, grid: Grid) -> list[Cell]:
        """Where each stretch's box and figure go on the page, in plan order. The cells of a
        row share its tallest heading, so their figures line up."""
        out = []
        y = self.paper.height - self.m - self.header_height() - GAP
        inner = grid.cell_w - 2 * grid.pad
        placement, text_x, gap = ((Placement.BESIDE_STEPS, inner * FIG_SHARE, 3.0) if grid.side
                                  else (Placement.ABOVE, 0.0, 6.0))
        for r, row_h in enumerate(grid.row_h):
            members = range(r * grid.cols, min(len(self.plan.items), (r + 1) * grid.cols))
            head = max(grid.heads[k].height() for k in members)
            for idx in members:
                block = StretchBlock(grid.heads[idx], grid.texts[idx], placement, grid.fig_w,
                                     grid.mid_h[r], text_x, gap, head)
                out.append(Cell(idx, r, self.m + (idx - r * grid.cols) * (grid.cell_w + GAP), y,
                                block))
            y -= row_h + GAP
        return out

    def _draw_header(self, c, top: float) -> None:
        size, lines = self._title()
        y = draw_lines(c, lines, self.m, top, BOLD, size)
        draw_lines(c, self._subtitle(), self.m, y - 2, REGULAR, self.sub_pt, MUTED)
        box_w = self._time_box_width()
        x = self.m + self.width - box_w
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.2)
        c.roundRect(x, top - self.box_h, box_w, self.box_h, 6, stroke=1, fill=0)
        c.setFillColorRGB(*INK)
        c.setFont(BOLD, TIME_PT)
        c.drawCentredString(x + box_w / 2, top - 4 - TIME_PT, format_seconds(self.plan.total_s))
        c.setFont(REGULAR, self.note_pt)
        c.drawCentredString(x + box_w / 2, top - self.box_h + 7, "in all")
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.5)
        line_y = top - self.header_height() + 3
        c.line(self.m, line_y, self.m + self.width, line_y)


@dataclass(frozen=True)
class FittedPoster:
    """A poster measured for its paper: the grid and the page it goes on."""

    poster: Poster
    grid: Grid
    template: PageTemplate
    page_count: int = 1

    def figure_boxes(self) -> list[Box]:
        return [cell.figure_box(self.grid.pad) for cell in self.poster.cells(self.grid)]

    def draw_page(self, c, number: int) -> None:
        self.poster.draw(c, self.grid)


class PosterDesign:
    """The poster as a page design for the layout engine."""

    name = "poster"

    def measure(self, plan: Plan, paper: Paper, ctx: RenderContext) -> FittedPoster | NoFit:
        poster = Poster(plan, paper, ctx)
        grid = poster.best_grid()
        return NoFit("") if grid is None else FittedPoster(poster, grid, PageTemplate(paper))

    def other_papers(self, paper: Paper) -> tuple[list[Paper], int]:
        """Larger sheets, smallest first; the refusal names two at most."""
        from ..paper import PAPERS

        larger = sorted((p for p in PAPERS.values() if not p.card
                         and p.width * p.height > paper.width * paper.height),
                        key=lambda p: (p.width * p.height, p.name))
        return larger, 2

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str:
        where = " in large print" if ctx.large_print else " with readable text"
        advice = [f"a larger --paper ({' or '.join(alternatives)})" if alternatives else "",
                  "fewer --minutes", "--layout handout" if ctx.large_print else ""]
        return (f"{len(plan.items)} stretches do not fit on one {paper.name} poster{where}; "
                f"try " + " or ".join(a for a in advice if a))


DESIGN = PosterDesign()

