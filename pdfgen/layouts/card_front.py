"""The card's front: the title, the total time and the routine as a numbered strip of figures.

Each row is a number, the stretch's figure and, beside it, its name, dose and (when the card
puts them here) its brief steps. Under the time, where it fits, a line says what the marks in
the pictures mean. The rules for stretching safely, led by the warm-up, sit in a box over the
strip where there is room, so they are read first; under the strip go this person's own
cautions and, where the rows leave room, the recap (recap.py); the clinic's line closes the
side.
The front is drawn in its own coordinates, lower-left corner at (0, 0).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Plan, PlannedStretch, about_minutes
from .blocks import balanced_wrap
from .brand import clinic_lines
from .common import (BOLD, BOX_LINE, DOSE_KEY, INK, MUTED, REGULAR, badge_height, dose_short,
                     dose_text, draw_badge, draw_lines, draw_number, figure_legend, leading,
                     sentences, text_width, wrap)
from .context import RenderContext, draw_stretch_figure, shared_figure_scale
from .engine import Box
from .recap import Recap
from .safety import SafetyBox, TextBlock, draw_marked, marked_height
from .typescale import CARD

MIN_FIG_W, MIN_FIG_H = 64.0, 34.0   # below about 12 mm tall a pose stops being recognisable
MAX_ROW_H = 100.0
ROW_PAD = 3.0
GAP = CARD.gap
STRETCHING = "of stretching"   # after the time: the warm-up walk is not in it


@dataclass(frozen=True)
class CardPart:
    """One card's share of a routine: its stretches, the number of the first, and its title
    ("... : card 1 of 2" in a set)."""

    items: tuple[PlannedStretch, ...]
    first: int
    title: str


@dataclass(frozen=True)
class Front:
    """The front, measured: every wrapped line and height its drawing uses."""

    plan: Plan
    ctx: RenderContext
    items: tuple[PlannedStretch, ...]       # this card's stretches (a set's share of the plan)
    first: int                              # the number of its first stretch in the routine
    width: float
    height: float
    size: float
    title_size: float
    title: tuple[str, ...]
    time_note: str
    key: tuple[str, ...]                    # what the doses' shorthand means, if they use it
    names: tuple[tuple[str, ...], ...]
    doses: tuple[str, ...]                  # per stretch: its dose label
    badges_h: tuple[float, ...]             # per stretch: its dose label's height
    steps: tuple[tuple[str, ...], ...]      # per stretch; empty when the steps are on the back
    text_w: float
    row_h: tuple[float, ...]
    personal: tuple[TextBlock, ...]         # empty when not on the front
    personal_h: float
    rules: SafetyBox | None                 # None when the rules are left off the card
    rules_h: float
    inline: bool
    clinic: tuple[str, ...]
    legend: tuple[str, ...] = ()            # what the pictures' marks mean, under the time
    recap: Recap | None = None              # under the strip, over the clinic's line

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
        return (len(self.title) * leading(self.title_size) + 2 + leading(self.time_size)
                + leading(self.size) * (len(self.key) + len(self.legend)) + 6)

    def text_h(self, k: int) -> float:
        steps = len(self.steps[k]) * leading(self.size) + 3 if self.steps[k] else 0.0
        return len(self.names[k]) * leading(self.name_size) + 3 + self.badges_h[k] + steps

    def clinic_h(self) -> float:
        return len(self.clinic) * leading(self.size) + 4 if self.clinic else 0.0

    def rules_room(self) -> float:
        """The rules box under the header, and the gap after it: read before the routine,
        as its warm-up must be (PEMAT-P item 10)."""
        return self.rules_h + GAP if self.rules is not None else 0.0

    def strip_top(self) -> float:
        return self.height - self.header_h() - self.rules_room()

    def footer_h(self) -> float:
        """Personal notes, the recap and the clinic line, each after a gap."""
        return ((self.personal_h + GAP if self.personal_h else 0.0)
                + (self.recap.height + GAP if self.recap else 0.0) + self.clinic_h())

    def figure_boxes(self) -> list[Box]:
        """Each row's figure box, the card's lower-left corner at (0, 0)."""
        fig_w = self.width - self.lead_w - self.text_w - GAP
        boxes = []
        top = self.strip_top()
        for h in self.row_h:
            boxes.append((self.lead_w, top - h + ROW_PAD, fig_w, h - 2 * ROW_PAD))
            top -= h
        return boxes

    def figure_scale(self) -> float | None:
        """The one scale this side's figures share (see `shared_figure_scale`)."""
        return shared_figure_scale(self.ctx, self.items, [box[2:] for box in self.figure_boxes()])

    def draw(self, c, scale: float | None = None) -> None:
        """The side, its figures at `scale` (a set's, shared by every card on the sheet) or
        its own."""
        y = draw_lines(c, self.title, 0, self.height, BOLD, self.title_size) - 2
        time = routine_time(self.plan)
        base = y - self.time_size * 0.93
        c.setFillColorRGB(*INK)
        c.setFont(BOLD, self.time_size)
        c.drawString(0, base, time)
        c.setFont(REGULAR, self.size)
        c.drawString(text_width(time + " ", BOLD, self.time_size), base, self.time_note)
        draw_lines(c, self.key + self.legend, 0, y - leading(self.time_size), REGULAR, self.size,
                   MUTED)
        y = self.height - self.header_h()
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(1.2)
        c.line(0, y + 3, self.width, y + 3)
        if self.rules is not None:
            self.rules.draw(c, 0, y - self.rules_h, self.width, self.rules_h, self.size,
                            self.inline)
        y = self.strip_top()
        boxes = self.figure_boxes()
        scale = self.figure_scale() if scale is None else scale
        for k, item in enumerate(self.items):
            self._draw_row(c, k, item, y, boxes[k], scale)
            y -= self.row_h[k]
        self._draw_footer(c)

    def _draw_row(self, c, k: int, item: PlannedStretch, top: float, box: Box,
                  scale: float | None) -> None:
        """Number, figure (at the card's shared scale), then name, dose and (if here) step,
        centred in the row's height."""
        bottom = top - self.row_h[k]
        if k:
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.5)
            c.line(self.lead_w, top, self.width, top)
        text_top = bottom + (self.row_h[k] + self.text_h(k)) / 2
        radius = self.size * 0.95
        draw_number(c, radius, text_top - leading(self.name_size) / 2, radius, self.first + k)
        draw_stretch_figure(c, self.ctx, item, *box, scale=scale)
        tx = self.width - self.text_w
        y = draw_lines(c, self.names[k], tx, text_top, BOLD, self.name_size) - 3
        y -= draw_badge(c, tx, y, self.doses[k], self.size, self.text_w) + 3
        draw_lines(c, self.steps[k], tx, y, REGULAR, self.size)

    def _draw_footer(self, c) -> None:
        top = self.footer_h()
        if self.personal:
            draw_marked(c, self.personal, 0, top - GAP, self.width, self.size)
        if self.recap:
            self.recap.draw(c, 0, self.clinic_h() + self.recap.height)
        if self.clinic:
            draw_lines(c, self.clinic, 0, self.clinic_h() - 4, REGULAR, self.size, MUTED)


def measure_front(plan: Plan, part: CardPart, ctx: RenderContext, width: float, height: float,
                  size: float, inline: bool, steps: bool, rules: SafetyBox | None,
                  personal: tuple[TextBlock, ...], min_fig_h: float = MIN_FIG_H,
                  short: bool = False, legend: bool = False,
                  recap: Recap | None = None) -> Front | None:
    """The front of one card of the plan at `size`, with the brief steps beside the figures if
    `steps`, and the rules and this person's cautions under the strip where given; None if it
    does not fit with every figure box at least `min_fig_h` tall. The time is the whole
    routine's. The doses are in words, or with `short` in shorthand under a key. `legend` adds
    the line on the pictures' marks under the time, and `recap` the recap under the strip."""
    items = part.items
    lead_w = size * 1.9 + 5
    doses = tuple(dose_short(i) if short else dose_text(i) for i in items)
    # The badge breaks between its sentences, so its longest sentence widens the text column,
    # up to 60% of the card; a longer sentence wraps.
    badge_w = max(text_width(s, BOLD, size) + size * 0.9
                  for d in doses for s in sentences(d))
    uses_key = short and any(not i.stretch.dose.dynamic for i in items)
    text_w = max(min(badge_w, (width - lead_w) * 0.6), (width - lead_w) * (0.6 if steps else 0.5))
    if width - lead_w - text_w - GAP < MIN_FIG_W:
        return None
    title_size, title = _title(part.title, size, width)
    front = Front(
        plan, ctx, items, part.first, width, height, size, title_size, title,
        *_time_note(plan, size, width, DOSE_KEY if uses_key else ""),
        names=tuple(tuple(wrap(i.stretch.name, BOLD, size * 1.1, text_w)) for i in items),
        doses=doses,
        badges_h=tuple(badge_height(size, d, text_w) for d in doses),
        steps=tuple(tuple(wrap(i.stretch.summary, REGULAR, size, text_w)) if steps else ()
                    for i in items),
        text_w=text_w, row_h=(),
        personal=personal, personal_h=marked_height(personal, width, size),
        rules=rules, rules_h=rules.height(width, size, inline) if rules else 0.0, inline=inline,
        clinic=tuple(clinic_lines(ctx.clinic, REGULAR, size, width)),
        legend=tuple(wrap(figure_legend(ctx.grayscale, ctx.figure_marks(items)), REGULAR, size,
                          width)) if legend else (),
        recap=recap)
    room = front.strip_top() - front.footer_h()
    rows = _row_heights([max(front.text_h(k), min_fig_h) + 2 * ROW_PAD
                         for k in range(len(items))], room)
    return replace(front, row_h=rows) if rows else None


def _title(text: str, size: float, width: float) -> tuple[float, tuple[str, ...]]:
    """The largest title, from 1.6 to 1.3 times the body size, on two lines at most."""
    for scale in (1.6, 1.5, 1.4, 1.3):
        lines = balanced_wrap(text, BOLD, size * scale, width)
        if len(lines) <= 2:
            break
    return size * scale, lines


def routine_time(plan: Plan) -> str:
    """The card's time, bold before its note: "About 7 minutes"."""
    return about_minutes(plan.total_s).capitalize()


def _time_note(plan: Plan, size: float, width: float, key: str) -> tuple[str, tuple[str, ...]]:
    """What follows the bold time on its line, and the lines under it: the shorthand's `key`
    on the time's line where it fits (it costs a line of every card otherwise), else "Do
    them in this order." there and the key on lines of its own."""
    room = width - text_width(routine_time(plan) + " ", BOLD, size * 1.25)
    fits = lambda text: text_width(text, REGULAR, size) <= room
    if key and fits(f"{STRETCHING}. {key}"):
        return f"{STRETCHING}. {key}", ()
    long = f"{STRETCHING}, in this order."
    under = tuple(wrap(key, REGULAR, size, width)) if key else ()
    return (long if fits(long) else STRETCHING), under


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
