"""Imposition: where small pages (cards) go on a sheet, and the cut lines between them.

A card paper holds one card per page. Any other sheet holds four (2 x 2) or two (stacked,
each turned landscape), printed duplex: backs on the second page, mirrored so each lands
right behind its front.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..paper import CARD_MARGIN, SHEET_MARGIN, Paper
from .common import MUTED
from .engine import PageTemplate

# On a sheet, a card's content stays as far from the cut line as from the sheet's edge.
TILE_GUTTER = 2 * (SHEET_MARGIN - CARD_MARGIN)
CUT_LINE_PT = 0.6
# Half the widest line on a card (the red box's): strokes centred on the drawing's edge stay
# inside the content box, and so out of the margin.
STROKE_ROOM = 0.6


@dataclass(frozen=True)
class Placement:
    """Each card's content box on the page (lower-left corners, top-left card first)."""

    width: float
    height: float
    fronts: tuple[tuple[float, float], ...]
    backs: tuple[tuple[float, float], ...]

    @property
    def inner(self) -> tuple[float, float]:
        """A card's drawing box: the content box less room for the strokes at its edge."""
        return self.width - 2 * STROKE_ROOM, self.height - 2 * STROKE_ROOM

    @staticmethod
    def origins(corners: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
        """Each card's drawing origin, inside the room kept for its edge strokes."""
        return [(x + STROKE_ROOM, y + STROKE_ROOM) for x, y in corners]


def placement(paper: Paper, per_sheet: int = 4) -> Placement:
    """One card per page on card papers; four (2 x 2) or two (stacked) on any other sheet.

    On a sheet each card takes a quarter (or a half, turned landscape), less half a gutter at
    the cut lines and less the rest of the printer margin at the sheet's edge. Backs are
    mirrored left to right: long-edge duplex turns the sheet about its vertical axis, so the
    back of the top-left card is printed top-right, right behind its front.
    """
    if paper.card:
        m = paper.margin
        return Placement(paper.width - 2 * m, paper.height - 2 * m, ((m, m),), ((m, m),))
    inset = TILE_GUTTER / 2 + CARD_MARGIN
    cols = 2 if per_sheet == 4 else 1
    cell_w, half_h = paper.width / cols, paper.height / 2
    width, height = cell_w - 2 * inset, half_h - 2 * inset
    fronts = tuple((col * cell_w + inset, (1 - row) * half_h + inset)
                   for row in (0, 1) for col in range(cols))
    backs = tuple((paper.width - x - width, y) for x, y in fronts)
    return Placement(width, height, fronts, backs)


def draw_cut_lines(c, paper: Paper, per_sheet: int) -> None:
    """Dashed lines down the middle of the gutters, stopping at the sheet's printer margin."""
    m = SHEET_MARGIN
    c.saveState()
    c.setStrokeColorRGB(*MUTED)
    c.setLineWidth(CUT_LINE_PT)
    c.setDash(5, 3)
    if per_sheet == 4:
        c.line(paper.width / 2, m, paper.width / 2, paper.height - m)
    c.line(m, paper.height / 2, paper.width - m, paper.height / 2)
    c.restoreState()


def sheet_template(paper: Paper, per_sheet: int) -> PageTemplate:
    """A card paper's pages carry nothing else; a sheet of cards has its cut lines."""
    if paper.card:
        return PageTemplate(paper)
    return PageTemplate(paper, lambda c, number, total: draw_cut_lines(c, paper, per_sheet))
