"""The one-page poster: header, a numbered grid of stretch cells, and a safety footer.

The fitter tries type sizes from large to small and, for each, the grid shapes that suit the
sheet; the first size that fits wins and any height left over goes to the figures. Body text
never drops below 9 pt: a routine that cannot fit at 9 pt is refused, not squeezed.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from ..errors import LayoutError
from ..model import Plan, PlannedStretch, format_seconds
from ..paper import Paper
from .common import (ACCENT, BOLD, BOX_LINE, INK, MUTED, REGULAR, STOP_LINE, TextBlock,
                     badge_height, caution_mark_width, dose_text, draw_badge, draw_caution_mark,
                     draw_lines, draw_number, leading, new_canvas, safety_blocks, source_line,
                     text_width, wrap)
from .context import RenderContext, draw_stretch_figure

MIN_BODY_PT = 9.0
MAX_BODY_PT = 12.5
GAP = 9.0


@dataclass(frozen=True)
class CellText:
    """A stretch cell's words, wrapped for one width and size; measuring and drawing share it."""

    name: tuple[str, ...]
    steps: tuple[tuple[str, ...], ...]
    feel: tuple[str, ...]
    cautions: tuple[tuple[str, ...], ...]
    size: float

    @property
    def name_size(self) -> float:
        return self.size * 1.15

    def height(self) -> float:
        lead = leading(self.size)
        return (leading(self.name_size) * len(self.name) + badge_height(self.size) + 4
                + lead * (sum(map(len, self.steps)) + len(self.feel)
                          + sum(map(len, self.cautions))) + 3 * 3)


def cell_text(item: PlannedStretch, width: float, size: float, max_steps: int) -> CellText:
    disc = size * 2.2
    name = wrap(item.stretch.name, BOLD, size * 1.15, width - disc)
    num_w = text_width("4. ", BOLD, size)
    steps = tuple(tuple(wrap(step, REGULAR, size, width - num_w))
                  for step in item.stretch.steps[:max_steps])
    feel = tuple(wrap("Feel it: " + item.stretch.feel, REGULAR, size, width))
    mark = caution_mark_width(size)
    cautions = tuple(tuple(wrap(text, REGULAR, size, width - mark))
                     for text in item.stretch.cautions)
    return CellText(tuple(name), steps, feel, cautions, size)


@dataclass(frozen=True)
class Grid:
    cols: int
    side: bool                 # figure beside the text (wide cells) or above it
    size: float
    steps: int
    cell_w: float
    row_h: tuple[float, ...]
    fig_h: float
    texts: tuple[CellText, ...]

    @property
    def fig_area(self) -> float:
        fig_w = self.cell_w * (0.38 if self.side else 1.0)
        return min(fig_w, self.fig_h)


class Poster:
    """Measures and draws one poster for a plan on a paper."""

    def __init__(self, plan: Plan, paper: Paper, ctx: RenderContext):
        self.plan, self.paper, self.ctx = plan, paper, ctx
        self.m = paper.margin
        self.width = paper.width - 2 * self.m
        self.figure_boxes: list[tuple[float, float, float, float]] = []

    # --- measuring -----------------------------------------------------------------------
    def header_height(self) -> float:
        return self._title_size() * 1.25 + leading(12) + 10

    def _title_size(self) -> float:
        room = self.width - self._time_box_width() - 10
        size = 24.0
        while size > 14 and text_width(self.plan.title, BOLD, size) > room:
            size -= 1
        return size

    def _time_box_width(self) -> float:
        return max(text_width(format_seconds(self.plan.total_s), BOLD, 16), text_width("in all", REGULAR, 9)) + 16

    def footer_columns(self, size: float) -> tuple[int, float]:
        return (3 if self.width > 400 else (2 if self.width > 260 else 1)), size

    def footer_layout(self, size: float) -> tuple[list[list[TextBlock]], float, list[str]]:
        """Packs the safety blocks into columns, in order, keeping the tallest column short."""
        cols, _ = self.footer_columns(size)
        blocks = safety_blocks(self.plan, self.ctx.safety)
        col_w = (self.width - 16 - (cols - 1) * 12) / cols
        heights = [b.height(col_w, size) + 4 for b in blocks]
        best = None
        for cuts in _splits(len(blocks), cols):
            groups = [list(range(a, b)) for a, b in zip((0,) + cuts, cuts + (len(blocks),))]
            tallest = max(sum(heights[i] for i in g) for g in groups)
            if best is None or tallest < best[0]:
                best = (tallest, groups)
        tallest, groups = best
        sources = wrap(source_line(self.plan, self.ctx.safety), REGULAR, 8, self.width - 16)
        height = tallest + len(sources) * leading(8) + 16
        return [[blocks[i] for i in g] for g in groups], height, sources

    def fit(self) -> Grid:
        n = len(self.plan.items)
        footer_size = max(MIN_BODY_PT, min(10.0, self.width / 55))
        _, footer_h, _ = self.footer_layout(footer_size)
        self.footer_size = footer_size
        grid_h = self.paper.height - 2 * self.m - self.header_height() - footer_h - 2 * GAP
        size = MAX_BODY_PT
        while size >= MIN_BODY_PT - 1e-9:
            for steps in (4, 3, 2):
                options = [g for g in self._grids(n, size, steps, grid_h) if g]
                if options:
                    return max(options, key=lambda g: (g.fig_area, -g.cols))
            size -= 0.5
        raise LayoutError(
            f"{n} stretches do not fit on one {self.paper.name} poster with readable text; "
            f"try a larger --paper (a3 or tabloid) or fewer --minutes")

    def _grids(self, n: int, size: float, steps: int, grid_h: float):
        for cols in range(1, 6):
            cell_w = (self.width - (cols - 1) * GAP) / cols
            if cell_w < 125 or (cols > 1 and cell_w > 330 and n > 1) or cols > max(n, 1):
                continue
            for side in (False, True):
                if side and cell_w < 230:
                    continue
                yield self._try(n, cols, side, size, steps, cell_w, grid_h)

    def _try(self, n, cols, side, size, steps, cell_w, grid_h) -> Grid | None:
        pad = size * 0.7
        inner = cell_w - 2 * pad
        text_w = inner * 0.60 if side else inner
        texts = tuple(cell_text(i, text_w, size, steps) for i in self.plan.items)
        rows = math.ceil(n / cols)
        min_fig = max(48.0, size * 5.5)
        base = []
        for r in range(rows):
            row = texts[r * cols:(r + 1) * cols]
            tallest = max(t.height() for t in row)
            base.append(tallest + 2 * pad + (0 if side else 6))
        fixed = sum(base) + (rows - 1) * GAP
        spare = grid_h - fixed - (0 if side else rows * min_fig)
        if side:
            spare_rows = [max(0.0, min_fig + 2 * pad - b) for b in base]
            spare -= sum(spare_rows)
        if spare < 0:
            return None
        if side:
            row_h = tuple(max(b, min_fig + 2 * pad) for b in base)
            fig_h = min(row_h) - 2 * pad
        else:
            fig_h = min(min_fig + spare / rows, inner * 0.75)
            row_h = tuple(b + fig_h for b in base)
        return Grid(cols, side, size, steps, cell_w, row_h, fig_h, texts)

    # --- drawing -------------------------------------------------------------------------
    def render(self) -> bytes:
        grid = self.fit()
        buf = io.BytesIO()
        c = new_canvas(buf, self.paper.size, self.plan, "poster")
        top = self.paper.height - self.m
        self._draw_header(c, top)
        y = top - self.header_height() - GAP
        for r, row_h in enumerate(grid.row_h):
            for k in range(grid.cols):
                idx = r * grid.cols + k
                if idx >= len(self.plan.items):
                    break
                x = self.m + k * (grid.cell_w + GAP)
                self._draw_cell(c, grid, idx, x, y, row_h)
            y -= row_h + GAP
        self._draw_footer(c)
        c.showPage()
        c.save()
        return buf.getvalue()

    def _draw_header(self, c, top: float) -> None:
        size = self._title_size()
        c.setFillColorRGB(*INK)
        c.setFont(BOLD, size)
        c.drawString(self.m, top - size, self.plan.title)
        areas = ", ".join(a.title.lower() for a in self.plan.areas)
        sub = (f"{len(self.plan.items)} stretches for the {areas}. "
               "Go slowly, in this order. Stretch to mild tension, never pain.")
        sub_lines = wrap(sub, REGULAR, 11, self.width - self._time_box_width() - 10)
        draw_lines(c, sub_lines[:1], self.m, top - size * 1.25, REGULAR, 11, MUTED)
        box_w = self._time_box_width()
        x = self.m + self.width - box_w
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.2)
        c.roundRect(x, top - 40, box_w, 40, 6, stroke=1, fill=0)
        c.setFillColorRGB(*INK)
        c.setFont(BOLD, 16)
        c.drawCentredString(x + box_w / 2, top - 20, format_seconds(self.plan.total_s))
        c.setFont(REGULAR, 9)
        c.drawCentredString(x + box_w / 2, top - 33, "in all")
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.5)
        line_y = top - self.header_height() + 3
        c.line(self.m, line_y, self.m + self.width, line_y)

    def _draw_cell(self, c, grid: Grid, idx: int, x: float, top: float, height: float) -> None:
        item = self.plan.items[idx]
        t = grid.texts[idx]
        size = grid.size
        pad = size * 0.7
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.8)
        c.roundRect(x, top - height, grid.cell_w, height, 6, stroke=1, fill=0)
        inner = grid.cell_w - 2 * pad
        radius = size * 0.95
        draw_number(c, x + pad + radius, top - pad - radius, radius, idx + 1)
        y = draw_lines(c, t.name, x + pad + size * 2.2, top - pad + 1, BOLD, t.name_size)
        y = min(y, top - pad - 2 * radius) - 3
        if grid.side:
            box = (x + pad, top - height + pad, inner * 0.38 - 6, y - (top - height + pad))
            tx, tw = x + pad + inner * 0.40, inner * 0.60
        else:
            box = (x + pad, y - grid.fig_h, inner, grid.fig_h)
            y -= grid.fig_h + 6
            tx, tw = x + pad, inner
        self.figure_boxes.append(box)
        draw_stretch_figure(c, self.ctx, item, *box)
        y -= draw_badge(c, tx, y, dose_text(item), size, tw) + 4
        self._draw_body(c, t, tx, y, size)

    def _draw_body(self, c, t: CellText, x: float, y: float, size: float) -> None:
        num_w = text_width("4. ", BOLD, size)
        for n, lines in enumerate(t.steps, 1):
            c.setFillColorRGB(*INK)
            c.setFont(BOLD, size)
            c.drawString(x, y - size * 0.93, f"{n}.")
            y = draw_lines(c, lines, x + num_w, y, REGULAR, size)
        y -= 3
        c.setFont(BOLD, size)
        first, rest = t.feel[0], t.feel[1:]
        label = "Feel it:"
        c.setFillColorRGB(*INK)
        c.drawString(x, y - size * 0.93, label)
        c.setFont(REGULAR, size)
        c.drawString(x + text_width(label + " ", BOLD, size), y - size * 0.93,
                     first[len(label):].strip())
        y = draw_lines(c, rest, x, y - leading(size), REGULAR, size) - 3
        mark = caution_mark_width(size)
        for lines in t.cautions:
            draw_caution_mark(c, x, y - size * 0.05, size)
            y = draw_lines(c, lines, x + mark, y, REGULAR, size)

    def _draw_footer(self, c) -> None:
        size = self.footer_size
        columns, height, sources = self.footer_layout(size)
        x0, bottom = self.m, self.m
        c.setStrokeColorRGB(*STOP_LINE)
        c.setLineWidth(1.2)
        c.roundRect(x0, bottom, self.width, height, 6, stroke=1, fill=0)
        col_w = (self.width - 16 - (len(columns) - 1) * 12) / len(columns)
        for k, blocks in enumerate(columns):
            y = bottom + height - 8
            for block in blocks:
                y = block.draw(c, x0 + 8 + k * (col_w + 12), y, col_w, size) - 4
        draw_lines(c, sources, x0 + 8, bottom + 6 + len(sources) * leading(8), REGULAR, 8, MUTED)


def _splits(n: int, cols: int):
    """Every way to cut n blocks, in order, into at most `cols` non-empty columns."""
    from itertools import combinations

    for k in range(min(cols, n) - 1, -1, -1):
        yield from combinations(range(1, n), k)


def render(plan: Plan, paper: Paper, ctx: RenderContext) -> bytes:
    """One-page poster PDF for `plan` on `paper`.

    Raises:
        LayoutError: the routine cannot fit with body text of at least 9 pt.
    """
    return Poster(plan, paper, ctx).render()
