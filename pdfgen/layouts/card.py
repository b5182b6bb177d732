"""The pocket card: two sides for duplex printing, one card per page or four (or two) to a sheet.

Front: the title, the total time and the routine as a numbered strip of small figures, each
with its name and dose. Back: one brief line per stretch with its cautions, this person's own
cautions and notes, and every red flag with the stop rule.

Both sides together hold about as much text as an A6 card takes at 9 pt, so the fitter tries
a few arrangements in order and keeps the first whose two sides both fit: the brief steps on
the back (as specified) or, failing that, beside each figure on the front; this person's
cautions and notes on the back or, if the front has more room, under the strip; the general
rules for stretching safely at the foot of the front or, as a last resort, left to the poster
and handout. Within an arrangement each side gets the largest type that fits, from 11 pt down
to a 9 pt floor (14 pt with large print). The red flags, the stop rule and every caution and
note are never shortened or left out: a routine that cannot fit them is refused, naming the
card papers it does fit.

Each side is drawn in its own coordinates, so a card on its own and a part of a sheet
differ only by a canvas translation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Plan, PlannedStretch, format_seconds
from ..paper import CARD_MARGIN, PAPERS, SHEET_MARGIN, Paper
from .blocks import RunIn, balanced_wrap, draw_run_in, run_in
from .common import (BOLD, BOX_LINE, INK, MUTED, REGULAR, STOP_LINE, badge_height,
                     caution_mark_width, dose_text, draw_badge, draw_caution_mark, draw_lines,
                     draw_number, leading, text_width, wrap)
from .safety import TextBlock, safety_blocks
from .brand import clinic_lines
from .typescale import CARD
from .context import RenderContext, draw_stretch_figure, shared_figure_scale
from . import engine
from .engine import Box, NoFit, PageTemplate, first_fit, type_sizes

MIN_FIG_W, MIN_FIG_H = 64.0, 34.0   # below about 12 mm tall a pose stops being recognisable
MAX_ROW_H = 100.0
ROW_PAD = 3.0
GAP = CARD.gap
# On a sheet, a card's content stays as far from the cut line as from the sheet's edge.
TILE_GUTTER = 2 * (SHEET_MARGIN - CARD_MARGIN)
CUT_LINE_PT = 0.6
# Half the widest line (the red box's): strokes centred on the drawing's edge stay inside the
# content box, and so out of the margin.
STROKE_ROOM = 0.6

# --- where cards go on a page ------------------------------------------------------------
@dataclass(frozen=True)
class Placement:
    """Each card's content box on the page (lower-left corners, top-left card first)."""

    width: float
    height: float
    fronts: tuple[tuple[float, float], ...]
    backs: tuple[tuple[float, float], ...]

    def card(self, plan: Plan, ctx: RenderContext) -> Card:
        """The plan's card for these content boxes (less room for the strokes at their edge)."""
        return Card(plan, ctx, self.width - 2 * STROKE_ROOM, self.height - 2 * STROKE_ROOM)


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


# --- measured sides ----------------------------------------------------------------------
@dataclass(frozen=True)
class Arrangement:
    """What goes on which side: the parts that may move to balance the two."""

    steps_on_front: bool
    rules: bool                 # the rules for stretching safely, at the foot of the front
    personal_on_front: bool     # this person's cautions and notes, under the strip


ARRANGEMENTS = tuple(Arrangement(steps, rules, personal) for rules in (True, False)
                     for steps in (False, True) for personal in (False, True))


@dataclass(frozen=True)
class Front:
    """The front, measured: every wrapped line and height its drawing uses."""

    size: float
    title_size: float
    title: tuple[str, ...]
    time_note: str
    names: tuple[tuple[str, ...], ...]
    badges_h: tuple[float, ...]             # per stretch: its dose label's height
    steps: tuple[tuple[str, ...], ...]      # per stretch; empty when the steps are on the back
    text_w: float
    row_h: tuple[float, ...]
    personal_h: float                       # 0 when not on the front
    rules_h: float                          # 0 when not on the card
    inline: bool
    clinic: tuple[str, ...]

    @property
    def name_size(self) -> float:
        return self.size * 1.1

    @property
    def time_size(self) -> float:
        return self.size * 1.25

    @property
    def lead_w(self) -> float:
        """The number discs' column."""
        return self.size * 1.9 + 5

    def header_h(self) -> float:
        return len(self.title) * leading(self.title_size) + 2 + leading(self.time_size) + 6

    def text_h(self, k: int) -> float:
        steps = len(self.steps[k]) * leading(self.size) + 3 if self.steps[k] else 0.0
        return len(self.names[k]) * leading(self.name_size) + 3 + self.badges_h[k] + steps

    def clinic_h(self) -> float:
        return len(self.clinic) * leading(self.size) + 4 if self.clinic else 0.0

    def footer_h(self) -> float:
        """Personal notes, the rules box and the clinic line, each after a gap."""
        return sum(h + GAP for h in (self.personal_h, self.rules_h) if h) + self.clinic_h()


@dataclass(frozen=True)
class Entry:
    """A stretch on the back: its name run into its step or (marked) into its cautions."""

    number: int
    text: RunIn
    marked: bool                # the text itself is the cautions, behind a warning mark
    cautions: tuple[str, ...]   # cautions under the step, behind a warning mark

    def height(self, size: float) -> float:
        return max(self.text.rows * leading(size), size * 1.7) + len(self.cautions) * leading(size)


@dataclass(frozen=True)
class Back:
    """The back, measured."""

    size: float
    inline: bool
    heading: str
    entries: tuple[Entry, ...]
    personal: bool
    alerts_h: float

    @property
    def indent(self) -> float:
        return self.size * 1.7 + 5


# --- one card ------------------------------------------------------------------------------
class Card:
    """Measures and draws both sides of one card for a plan, in a content box of given size."""

    def __init__(self, plan: Plan, ctx: RenderContext, width: float, height: float):
        self.plan, self.ctx = plan, ctx
        self.width, self.height = width, height
        self.rules, self.emergency, self.urgent, *personal = safety_blocks(plan, ctx.safety)
        self.personal: TextBlock | None = personal[0] if personal else None

    def fit(self) -> tuple[Front, Back] | None:
        """Both sides of the first arrangement that fits, each at its largest size; None if
        none does."""
        arrangements = [arr for arr in ARRANGEMENTS
                        if self.personal is not None or not arr.personal_on_front]
        return first_fit(arrangements, self._sides)

    def _sides(self, arr: Arrangement) -> tuple[Front, Back] | None:
        front = self._largest(lambda size, inline: self._front(size, inline, arr))
        back = front and self._largest(lambda size, inline: self._back(size, inline, arr))
        return (front, back) if back else None

    def _largest(self, measure):
        """The first fit from large to small type: bulleted lists at any size, since a list of
        symptoms scans better than a paragraph, and only then the items run together."""
        scale = (CARD.large_max, CARD.large_min) if self.ctx.large_print else (CARD.max_body,
                                                                               CARD.min_body)
        options = [(size, inline) for inline in (False, True) for size in type_sizes(*scale)]
        return first_fit(options, lambda option: measure(*option))

    def _rules_h(self, size: float, inline: bool) -> float:
        pad = size * 0.7
        return self.rules.height(self.width - 2 * pad, size, inline) + 2 * pad

    def _personal_h(self, size: float) -> float:
        return self.personal.height(self.width - caution_mark_width(size), size)

    def _draw_personal(self, c, top: float, size: float) -> None:
        draw_caution_mark(c, 0, top - size * 0.05, size)
        self.personal.draw(c, caution_mark_width(size), top, self.width - caution_mark_width(size),
                           size)

    # --- front -----------------------------------------------------------------------
    def _title(self, size: float) -> tuple[float, tuple[str, ...]]:
        """The largest title, from 1.6 to 1.3 times the body size, on two lines at most."""
        for scale in (1.6, 1.5, 1.4, 1.3):
            lines = balanced_wrap(self.plan.title, BOLD, size * scale, self.width)
            if len(lines) <= 2:
                break
        return size * scale, lines

    def _time_note(self, size: float) -> str:
        room = self.width - text_width(format_seconds(self.plan.total_s) + " ", BOLD, size * 1.25)
        long = "in all. Do them in this order."
        return long if text_width(long, REGULAR, size) <= room else "in all"

    def _front(self, size: float, inline: bool, arr: Arrangement) -> Front | None:
        items = self.plan.items
        lead_w = size * 1.9 + 5
        badge_w = max(text_width(dose_text(i), BOLD, size) + size * 0.9 for i in items)
        text_w = max(badge_w, (self.width - lead_w) * (0.6 if arr.steps_on_front else 0.5))
        if self.width - lead_w - text_w - GAP < MIN_FIG_W:
            return None
        title_size, title = self._title(size)
        front = Front(
            size, title_size, title, self._time_note(size),
            names=tuple(tuple(wrap(i.stretch.name, BOLD, size * 1.1, text_w)) for i in items),
            badges_h=tuple(badge_height(size, dose_text(i), text_w) for i in items),
            steps=tuple(tuple(wrap(i.stretch.summary, REGULAR, size, text_w))
                        if arr.steps_on_front else () for i in items),
            text_w=text_w, row_h=(),
            personal_h=self._personal_h(size) if arr.personal_on_front else 0.0,
            rules_h=self._rules_h(size, inline) if arr.rules else 0.0, inline=inline,
            clinic=tuple(clinic_lines(self.ctx.clinic, REGULAR, size, self.width)))
        room = self.height - front.header_h() - front.footer_h()
        rows = _row_heights([max(front.text_h(k), MIN_FIG_H) + 2 * ROW_PAD
                             for k in range(len(items))], room)
        return replace(front, row_h=rows) if rows else None

    def figure_boxes(self, f: Front) -> list[Box]:
        """Each row's figure box on the front, the card's lower-left corner at (0, 0)."""
        fig_w = self.width - f.lead_w - f.text_w - GAP
        boxes = []
        top = self.height - f.header_h()
        for h in f.row_h:
            boxes.append((f.lead_w, top - h + ROW_PAD, fig_w, h - 2 * ROW_PAD))
            top -= h
        return boxes

    def draw_front(self, c, f: Front) -> None:
        """Draws the front with its lower-left corner at (0, 0)."""
        top = self.height
        y = draw_lines(c, f.title, 0, top, BOLD, f.title_size) - 2
        time = format_seconds(self.plan.total_s)
        base = y - f.time_size * 0.93
        c.setFillColorRGB(*INK)
        c.setFont(BOLD, f.time_size)
        c.drawString(0, base, time)
        c.setFont(REGULAR, f.size)
        c.drawString(text_width(time + " ", BOLD, f.time_size), base, f.time_note)
        y = top - f.header_h()
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(1.2)
        c.line(0, y + 3, self.width, y + 3)
        boxes = self.figure_boxes(f)
        scale = shared_figure_scale(self.ctx, self.plan.items, [box[2:] for box in boxes])
        for k, item in enumerate(self.plan.items):
            self._draw_row(c, f, k, item, y, boxes[k], scale)
            y -= f.row_h[k]
        self._draw_front_footer(c, f)

    def _draw_row(self, c, f: Front, k: int, item: PlannedStretch, top: float, box: Box,
                  scale: float | None) -> None:
        """Number, figure (at the card's shared scale), then name, dose and (if here) step,
        centred in the row's height."""
        bottom = top - f.row_h[k]
        if k:
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.5)
            c.line(f.lead_w, top, self.width, top)
        text_top = bottom + (f.row_h[k] + f.text_h(k)) / 2
        radius = f.size * 0.95
        draw_number(c, radius, text_top - leading(f.name_size) / 2, radius, k + 1)
        draw_stretch_figure(c, self.ctx, item, *box, scale=scale)
        tx = self.width - f.text_w
        y = draw_lines(c, f.names[k], tx, text_top, BOLD, f.name_size) - 3
        y -= draw_badge(c, tx, y, dose_text(item), f.size, f.text_w) + 3
        draw_lines(c, f.steps[k], tx, y, REGULAR, f.size)

    def _draw_front_footer(self, c, f: Front) -> None:
        top = f.footer_h()
        if f.personal_h:
            self._draw_personal(c, top - GAP, f.size)
            top -= GAP + f.personal_h
        if f.rules_h:
            top -= GAP
            pad = f.size * 0.7
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.8)
            c.roundRect(0, top - f.rules_h, self.width, f.rules_h, 5, stroke=1, fill=0)
            self.rules.draw(c, pad, top - pad, self.width - 2 * pad, f.size, inline=f.inline)
        if f.clinic:
            draw_lines(c, f.clinic, 0, f.clinic_h() - 4, REGULAR, f.size, MUTED)

    # --- back ------------------------------------------------------------------------
    def _back(self, size: float, inline: bool, arr: Arrangement) -> Back | None:
        width = self.width - (size * 1.7 + 5)
        entries = tuple(e for e in (self._entry(k + 1, i, size, width, arr.steps_on_front)
                                    for k, i in enumerate(self.plan.items)) if e is not None)
        personal = self.personal is not None and not arr.personal_on_front
        alerts_h = self._alerts_h(size, inline)
        used = (leading(size * 1.1) + 3 + sum(e.height(size) + 5 for e in entries)
                + (self._personal_h(size) + GAP if personal else 0.0) + GAP + alerts_h)
        if used > self.height:
            return None
        heading = "Take care" if arr.steps_on_front else "How to do them"
        return Back(size, inline, heading, entries, personal, alerts_h)

    def _alerts_h(self, size: float, inline: bool) -> float:
        pad = size * 0.7
        return (self.emergency.height(self.width - 2 * pad, size, inline) + 4
                + self.urgent.height(self.width - 2 * pad, size, inline) + 2 * pad)

    @staticmethod
    def _entry(number: int, item: PlannedStretch, size: float, width: float,
               steps_on_front: bool) -> Entry | None:
        """The step with its cautions under it or, with the steps on the front, the cautions."""
        name, cautions = item.stretch.name + ".", " ".join(item.stretch.cautions)
        if steps_on_front:
            if not cautions:
                return None
            return Entry(number, run_in(name, cautions, size, width - caution_mark_width(size)),
                         True, ())
        lines = wrap(cautions, REGULAR, size, width - caution_mark_width(size)) if cautions else []
        return Entry(number, run_in(name, item.stretch.summary, size, width), False, tuple(lines))

    def draw_back(self, c, b: Back) -> None:
        """Draws the back with its lower-left corner at (0, 0)."""
        y = draw_lines(c, [b.heading], 0, self.height, BOLD, b.size * 1.1) - 3
        for entry in b.entries:
            self._draw_entry(c, b, entry, y)
            y -= entry.height(b.size) + 5
        if b.personal:
            self._draw_personal(c, y - 2, b.size)
        self._draw_alerts(c, b)

    def _draw_entry(self, c, b: Back, entry: Entry, top: float) -> None:
        size, x = b.size, b.indent
        radius = size * 0.8
        draw_number(c, radius, top - radius, radius, entry.number)
        if entry.marked:
            draw_caution_mark(c, x, top - size * 0.05, size)
            x += caution_mark_width(size)
        y = top - max(top - draw_run_in(c, entry.text, x, top, size), size * 1.7)
        if entry.cautions:
            draw_caution_mark(c, x, y - size * 0.05, size)
            draw_lines(c, entry.cautions, x + caution_mark_width(size), y, REGULAR, size)

    def _draw_alerts(self, c, b: Back) -> None:
        """The red flags in a red-edged box at the foot; the headings say what to do."""
        pad = b.size * 0.7
        c.setStrokeColorRGB(*STOP_LINE)
        c.setLineWidth(1.2)
        c.roundRect(0, 0, self.width, b.alerts_h, 5, stroke=1, fill=0)
        inner = self.width - 2 * pad
        y = self.emergency.draw(c, pad, b.alerts_h - pad, inner, b.size, inline=b.inline,
                                heading_color=STOP_LINE) - 4
        self.urgent.draw(c, pad, y, inner, b.size, inline=b.inline, heading_color=STOP_LINE)


def _row_heights(minimums: list[float], room: float) -> tuple[float, ...]:
    """Equal rows if the tallest fits that way, else each its own height plus an equal share of
    what is left; no row taller than MAX_ROW_H. Empty if the rows do not fit at all."""
    if sum(minimums) > room:
        return ()
    equal = min(MAX_ROW_H, room / len(minimums))
    if equal >= max(minimums):
        return (equal,) * len(minimums)
    share = (room - sum(minimums)) / len(minimums)
    return tuple(min(MAX_ROW_H, m + share) for m in minimums)


# --- pages -------------------------------------------------------------------------------
@dataclass(frozen=True)
class FittedCard:
    """A card fitted to a paper: how many to a sheet, where they go, and both sides measured."""

    per_sheet: int
    place: Placement
    card: Card
    front: Front
    back: Back
    template: PageTemplate
    page_count: int = 2

    def origins(self, corners: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
        """Each card's drawing origin, inside the room kept for its edge strokes."""
        return [(x + STROKE_ROOM, y + STROKE_ROOM) for x, y in corners]

    def figure_boxes(self) -> list[Box]:
        """Every figure box on page 1 (the fronts), in page coordinates."""
        return [(x + bx, y + by, w, h) for x, y in self.origins(self.place.fronts)
                for bx, by, w, h in self.card.figure_boxes(self.front)]

    def draw_page(self, c, number: int) -> None:
        """Page 1: every front; page 2: every back, each card in its own coordinates."""
        corners, draw, side = ((self.place.fronts, self.card.draw_front, self.front) if number == 1
                               else (self.place.backs, self.card.draw_back, self.back))
        for x, y in self.origins(corners):
            c.saveState()
            c.translate(x, y)
            draw(c, side)
            c.restoreState()


class CardDesign:
    """The pocket card as a page design for the layout engine: fronts on page 1, backs on 2."""

    name = "card"

    def measure(self, plan: Plan, paper: Paper, ctx: RenderContext) -> FittedCard | NoFit:
        """The card's two sides; on a sheet, four to a sheet if they fit, else two."""
        fitted = first_fit((1,) if paper.card else (4, 2),
                           lambda per_sheet: self._fitted(plan, paper, ctx, per_sheet))
        return NoFit("") if fitted is None else fitted

    @staticmethod
    def _fitted(plan: Plan, paper: Paper, ctx: RenderContext, per_sheet: int) -> FittedCard | None:
        place = placement(paper, per_sheet)
        card = place.card(plan, ctx)
        sides = card.fit()
        return sides and FittedCard(per_sheet, place, card, *sides, template=_template(paper, per_sheet))

    def other_papers(self, paper: Paper) -> tuple[list[Paper], None]:
        """Every other card paper, smallest first."""
        return sorted((p for p in PAPERS.values() if p.card and p != paper),
                      key=lambda p: p.width * p.height), None

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str:
        """Why the card does not fit, and the card papers (smallest first) where it does."""
        where = f"the {paper.name} card" if paper.card else f"a card half a {paper.name} sheet"
        good = " or ".join(alternatives)
        if ctx.large_print:
            return (f"large print (text of at least {CARD.large_min:g} pt) does not fit on {where}; "
                    + (f"try --paper {good}" if good else "use --layout handout on a full sheet"))
        if not engine.fits(self, replace(plan, items=plan.items[:1], transitions_s=()), paper, ctx):
            return (f"{where} is too small to hold the red flags with even one stretch at "
                    f"{CARD.min_body:g} pt or more; "
                    + (f"use --paper {good}" if good else "use a poster"))
        count = f"{len(plan.items)} stretch{'es' if len(plan.items) != 1 else ''}"
        tail = f"try --paper {good}, or fewer --minutes" if good else "try fewer --minutes"
        return (f"{count} with their steps, cautions and the red flags do not fit on {where} "
                f"with text of at least {CARD.min_body:g} pt; {tail}")


def _template(paper: Paper, per_sheet: int) -> PageTemplate:
    """A card paper's pages carry nothing else; a sheet of cards has its cut lines."""
    if paper.card:
        return PageTemplate(paper)
    return PageTemplate(paper, lambda c, number, total: draw_cut_lines(c, paper, per_sheet))


DESIGN = CardDesign()

