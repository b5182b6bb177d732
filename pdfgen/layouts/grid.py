"""A grid of stretch cells: equal columns, each row as tall as its tallest cell, and a short
last row's cells widened to fill it (no cell stands empty while the text is cut to summaries).
A short last row may instead give one more slot to something else the page must print (the
poster's recap), which then costs no height of its own.

Each cell is a boxed stretch block: figure above the text or, in a wide cell, beside the steps.
The cells of a row share its tallest heading, steps and tail, so their figures line up, and
height the rows do not need goes to the figures, within a sensible shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from ..model import PlannedStretch
from .blocks import Spacing, Steps, StretchText, stretch_text
from .common import BOLD, BOX_LINE, measured_cache, splits_a_word
from .context import RenderContext, shared_figure_scale
from .engine import Box
from .stretch import Heading, HeadingStyle, Placement, StretchBlock, heading

FIG_SHARE = 0.42          # of a wide cell's width, for the figure beside the steps
MIN_CELL_W, MAX_CELL_W, SIDE_CELL_W = 125.0, 340.0, 230.0
MAX_COLS = 5
MAX_FIGURE_PT = 260.0     # the tallest figure box on a Letter sheet
NAME_SCALE, NAME_INDENT = 1.15, 2.2   # a cell's name: its size and indent, in body sizes
ABOVE_GAP, SIDE_GAP = 6.0, 0.0   # from the figure down to the text under it (the tail
# of a side cell already starts with its own gap before "Feel it")
# A cell's text: no gap between steps, "Feel it" and the cautions a little apart, the cautions
# run together behind one mark.
CELL_SPACING = Spacing(after_badge=4, step_gap=0, before_feel=3, before_cautions=3, caution_gap=0,
                       one_caution=True)


@measured_cache(maxsize=1 << 12)
def cell_heading(number: int, item: PlannedStretch, size: float, width: float) -> Heading:
    """A cell's number disc and name, the name a little larger than the text (cached: a poster
    tries the same cells in many shapes and sizes)."""
    return heading(number, item.stretch.name, size * NAME_SCALE, width,
                   HeadingStyle(radius=size * 0.95, indent=size * NAME_INDENT, rise=1, after=4))


@measured_cache(maxsize=1 << 13)
def cell_text(item: PlannedStretch, size: float, width: float, text_w: float,
              steps: Steps) -> StretchText:
    """A cell's text measured (cached: a poster measures the same cell text for every grid
    shape, masthead, footer and recap it tries at a size)."""
    return stretch_text(item, size, width, CELL_SPACING, text_w, steps)


@dataclass(frozen=True)
class Cell:
    """One stretch's cell: its row, the cell's top-left corner and its block."""

    index: int
    row: int
    x: float
    top: float
    block: StretchBlock


@dataclass(frozen=True)
class Row:
    """One row's shape: its cells' width and whether their figures sit beside the steps. A
    short last row widens its cells to fill the row, so no cell stands empty."""

    cell_w: float
    side: bool

    def inner(self, size: float) -> float:
        return self.cell_w - 2 * size * 0.6

    def fig_w(self, size: float) -> float:
        inner = self.inner(size)
        return inner * FIG_SHARE - 6 if self.side else inner


@dataclass(frozen=True)
class Grid:
    """A fitted grid: columns, each row's shape and every measure."""

    cols: int
    side: bool
    size: float
    cell_w: float
    gap: float
    row_h: tuple[float, ...]
    mid_h: tuple[float, ...]     # per row: the figure's height (and the steps' room, if side)
    heads: tuple[Heading, ...]
    texts: tuple[StretchText, ...]
    rows: tuple[Row, ...] = ()
    extra_cols: int = 0          # the last row's final columns that hold the page's extra box

    @property
    def pad(self) -> float:
        return self.size * 0.6

    def figure_size(self) -> float:
        """The smallest figure box side: what a fitter maximises after the type size."""
        return min(min(row.fig_w(self.size), h) for row, h in zip(self.rows, self.mid_h))

    def height(self) -> float:
        return sum(self.row_h) + (len(self.row_h) - 1) * self.gap

    def cells(self, x: float, top: float) -> list[Cell]:
        """Every cell for the grid's top-left corner at (x, top), in plan order."""
        out = []
        for r, (row, row_h) in enumerate(zip(self.rows, self.row_h)):
            placement, text_x, gap = ((Placement.BESIDE_STEPS, row.inner(self.size) * FIG_SHARE,
                                       SIDE_GAP) if row.side else (Placement.ABOVE, 0.0, ABOVE_GAP))
            members = range(r * self.cols, min(len(self.heads), (r + 1) * self.cols))
            head = max(self.heads[k].height() for k in members)
            for k in members:
                block = StretchBlock(self.heads[k], self.texts[k], placement,
                                     row.fig_w(self.size), self.mid_h[r], text_x, gap, head)
                out.append(Cell(k, r, x + (k - r * self.cols) * (row.cell_w + self.gap), top,
                                block))
            top -= row_h + self.gap
        return out

    def extra_box(self, x: float, top: float) -> Box | None:
        """The last row's extra slot (lower-left corner, width, height), if it has one."""
        if not self.extra_cols:
            return None
        k = self.extra_cols
        return (x + (self.cols - k) * (self.cell_w + self.gap), top - self.height(),
                k * self.cell_w + (k - 1) * self.gap, self.row_h[-1])

    def figure_box(self, cell: Cell) -> Box:
        return cell.block.figure_box(cell.x + self.pad, cell.top - self.pad)

    def figure_boxes(self, x: float, top: float) -> list[Box]:
        return [self.figure_box(cell) for cell in self.cells(x, top)]

    def draw(self, c, ctx: RenderContext, items: Sequence[PlannedStretch], x: float,
             top: float) -> None:
        """Every cell's box and block, the figures at one shared scale, so every body on the
        page is drawn the same size."""
        cells = self.cells(x, top)
        scale = shared_figure_scale(ctx, items, [self.figure_box(cell)[2:] for cell in cells])
        for cell in cells:
            height = self.row_h[cell.row]
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.8)
            c.roundRect(cell.x, cell.top - height, self.rows[cell.row].cell_w, height, 6,
                        stroke=1, fill=0)
            cell.block.draw(c, ctx, items[cell.index], cell.x + self.pad, cell.top - self.pad,
                            scale)


Extra = Callable[[float], "float | None"]   # an extra box's height at a width (None: too narrow)


def grids(items: Sequence[PlannedStretch], width: float, height: float, gap: float, size: float,
          steps: Steps, grow: float = 1.0, first: int = 1,
          extra: Extra | None = None) -> Iterator[Grid]:
    """Every grid shape that fits the box at this type size: one to five columns of cells
    neither cramped nor sprawling (`grow` times the Letter widths on a larger sheet), with
    figures above or (in wide cells) beside the steps. With `extra`, only shapes whose short
    last row holds the extra box in a slot of its own."""
    n = len(items)
    for cols in range(1, min(n, MAX_COLS) + 1):
        cell_w = (width - (cols - 1) * gap) / cols
        if cell_w < MIN_CELL_W * grow or (cell_w > MAX_CELL_W * grow and n > cols):
            continue
        for side in (False, True) if cell_w >= SIDE_CELL_W * grow else (False,):
            spare = -len(items) % cols
            for extra_cols in range(1, spare + 1) if extra else (0,):
                grid = measure_grid(items, cols, side, size, steps, cell_w, height, gap, grow,
                                    first, extra, extra_cols)
                if grid is not None:
                    yield grid


def measure_grid(items: Sequence[PlannedStretch], cols: int, side: bool, size: float, steps: Steps,
                 cell_w: float, height: float, gap: float, grow: float = 1.0,
                 first: int = 1, extra: Extra | None = None, extra_cols: int = 0) -> Grid | None:
    """One grid shape measured, or None if it does not fit `height`, each stretch with as
    many steps as `steps` says; the cells are numbered from `first`. A short
    last row's cells share the whole row, their figures beside the steps when wide enough;
    with `extra`, all but its last `extra_cols` columns, which hold the extra box (None if
    the last row has not that many empty columns or the box does not fit them)."""
    pad = size * 0.6
    members = [range(r * cols, min(len(items), (r + 1) * cols))
               for r in range(math.ceil(len(items) / cols))]
    if extra_cols > cols - len(members[-1]):
        return None
    shapes = []
    for r, row in enumerate(members):
        span = cols - (extra_cols if r == len(members) - 1 else 0)
        width = (span * cell_w + (span - 1) * gap - (len(row) - 1) * gap) / len(row)
        shapes.append(Row(width, side or (len(row) < cols and width >= SIDE_CELL_W * grow)))
    shape_of = [shapes[r] for r, row in enumerate(members) for _ in row]
    if any(splits_a_word(i.stretch.name, BOLD, size * NAME_SCALE,
                         shape.inner(size) - size * NAME_INDENT)
           for i, shape in zip(items, shape_of)):
        return None   # a name broken inside a word: a wider cell reads better
    heads = tuple(cell_heading(k, i, size, shape.inner(size))
                  for (k, i), shape in zip(enumerate(items, first), shape_of))
    texts = tuple(cell_text(i, size, shape.inner(size),
                            shape.inner(size) * (1 - FIG_SHARE) if shape.side else shape.inner(size),
                            steps) for i, shape in zip(items, shape_of))
    min_fig = max(52.0, size * 6)
    fixed, mids, tops = [], [], []
    for row, shape in zip(members, shapes):
        most = min(shape.fig_w(size) * (1.3 if shape.side else 0.7), MAX_FIGURE_PT * grow)
        if most < min_fig:
            return None
        head = max(heads[k].height() for k in row)
        tail = max(texts[k].tail_height() for k in row)
        body = max(texts[k].steps_height() for k in row)
        if shape.side:
            mids.append(max(min_fig, body))
            fixed.append(2 * pad + head + SIDE_GAP + tail)
        else:
            mids.append(min_fig)
            fixed.append(2 * pad + head + ABOVE_GAP + body + tail)
        tops.append(most)
    if extra_cols:
        extra_h = extra(extra_cols * cell_w + (extra_cols - 1) * gap)
        if extra_h is None:
            return None
        mids[-1] = max(mids[-1], extra_h - fixed[-1])
    spare = height - sum(fixed) - sum(mids) - (len(members) - 1) * gap
    if spare < 0:
        return None
    share = spare / len(members)
    mid_h = tuple(max(m, min(most, m + share)) for m, most in zip(mids, tops))
    row_h = tuple(f + m for f, m in zip(fixed, mid_h))
    return Grid(cols, side, size, cell_w, gap, row_h, mid_h, heads, texts, tuple(shapes),
                extra_cols)
