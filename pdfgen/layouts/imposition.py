"""Imposition: where small pages (cards) go on a sheet, and the cut lines between them.

A card paper holds one card per page. Any other sheet holds four (2 x 2) or two (stacked,
each turned landscape), printed duplex: backs on the second page, mirrored so each lands
right behind its front. Over the cards, a sheet's fronts say in one line how to print it and
where to cut; a dashed line under that strip cuts it off, so no card keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..paper import CARD_MARGIN, SHEET_MARGIN, Paper
from .common import MUTED, REGULAR
from .engine import PageTemplate
from .typescale import SMALL_PRINT_PT

# On a sheet, a card's content stays as far from the cut line as from the sheet's edge.
TILE_GUTTER = 2 * (SHEET_MARGIN - CARD_MARGIN)
CUT_LINE_PT = 0.6
# Half the widest line on a card (the red box's): strokes centred on the drawing's edge stay
# inside the content box, and so out of the margin.
STROKE_ROOM = 0.6
PRINT_NOTE = "Print on both sides, flip on the long edge. Cut along the dashed lines."
NOTE_H = 2 * SMALL_PRINT_PT       # the strip over the cards that holds PRINT_NOTE


@dataclass(frozen=True)
class Placement:
    """Each card's content box on the page (lower-left corners, top-left card first)."""

    width: float
    height: float
    fronts: tuple[tuple[float, float], ...]
    backs: tuple[tuple[float, float], ...]
    cut_x: float | None = None                 # the vertical cut line, 4 to a sheet
    cuts_y: tuple[float, ...] = ()             # the horizontal cut lines, bottom up

    @property
    def inner(self) -> tuple[float, float]:
        """A card's drawing box: the content box less room for the strokes at its edge."""
        return self.width - 2 * STROKE_ROOM, self.height - 2 * STROKE_ROOM

    @staticmethod
    def origins(corners: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
        """Each card's drawing origin, inside the room kept for its edge strokes."""
        return [(x + STROKE_ROOM, y + STROKE_ROOM) for x, y in corners]


def placement(paper: Paper, per_sheet: int = 4) -> Placement:
    """One card per page on card papers; four (2 x 2), two (stacked) or one on any other sheet.

    On a sheet each card takes a quarter (or a half, turned landscape), less half a gutter at
    the cut lines and less the rest of the printer margin at the sheet's edge. Backs are
    mirrored left to right: long-edge duplex turns the sheet about its vertical axis, so the
    back of the top-left card is printed top-right, right behind its front.
    """
    if paper.card or per_sheet == 1:
        m = paper.margin
        return Placement(paper.width - 2 * m, paper.height - 2 * m, ((m, m),), ((m, m),))
    inset = TILE_GUTTER / 2 + CARD_MARGIN
    cols = 2 if per_sheet == 4 else 1
    cell_w = paper.width / cols
    top_cut = paper.height - SHEET_MARGIN - NOTE_H         # under the printing note
    height = (top_cut - CARD_MARGIN - SHEET_MARGIN - 2 * inset) / 2
    mid = SHEET_MARGIN + height + inset
    width = cell_w - 2 * inset
    fronts = tuple((col * cell_w + inset, (mid + inset) if row == 0 else SHEET_MARGIN)
                   for row in (0, 1) for col in range(cols))
    backs = tuple((paper.width - x - width, y) for x, y in fronts)
    return Placement(width, height, fronts, backs, paper.width / 2 if cols == 2 else None,
                     (mid, top_cut))


def draw_cut_lines(c, paper: Paper, place: Placement) -> None:
    """Dashed lines down the middle of the gutters and under the printing note, stopping at
    the sheet's printer margin."""
    m = SHEET_MARGIN
    c.saveState()
    c.setStrokeColorRGB(*MUTED)
    c.setLineWidth(CUT_LINE_PT)
    c.setDash(5, 3)
    if place.cut_x is not None:
        c.line(place.cut_x, m, place.cut_x, place.cuts_y[-1])
    for y in place.cuts_y:
        c.line(m, y, paper.width - m, y)
    c.restoreState()


def draw_print_note(c, paper: Paper) -> None:
    """The one line on how to print and cut, centred in the strip over the cards."""
    c.setFillColorRGB(*MUTED)
    c.setFont(REGULAR, SMALL_PRINT_PT)
    c.drawCentredString(paper.width / 2, paper.height - SHEET_MARGIN - SMALL_PRINT_PT * 0.93,
                        PRINT_NOTE)


def sheet_template(paper: Paper, place: Placement) -> PageTemplate:
    """A page holding one card carries nothing else; a sheet of cards has its cut lines, and
    its fronts the printing note."""
    if paper.card or place.cuts_y == ():
        return PageTemplate(paper)

    def furniture(c, number: int, total: int) -> None:
        draw_cut_lines(c, paper, place)
        if number == 1:
            draw_print_note(c, paper)

    return PageTemplate(paper, furniture)
