"""The recap a patient keeps in view: three points to remember and a week of tick boxes.

PEMAT-P asks for a summary of the key points (item 11) and a tool the reader can use to act
(item 23). Posters and cards print both where they fit:

- in a box: "Remember" over its three points, then the week to tick (side by side on a wide
  sheet). On a poster it takes the empty columns of the grid's short last row where it can,
  and costs no height; else it sits over the safety footer. On a card it goes under the
  strip of figures or on the back.
- run into the safety section, where a poster has no room for the box: the points as one
  "Remember:" line over the footer's columns, and the week under the rules (whose last says
  how often to stretch), in the room the red flags' taller columns leave there. A card with no
  room for the points keeps the week, in its rules box or in a box of its own on the back.

The handout prints the points as a list and has its own, larger tracker (forms.py).

The first point is the routine's own (how many stretches, in order, about how long); the
others come from the content (`remember` in safety.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Plan, about_minutes
from .common import BOLD, BOX_LINE, INK, REGULAR, draw_lines, leading, text_width, wrap
from .context import RenderContext
from .forms import DAYS, draw_tick_boxes, sessions_per_day
from .safety import TextBlock

HEADING = "Remember"
SIDE_BY_SIDE_MIN = 400.0    # a recap box at least this wide puts its week beside its points
SHORT_DAYS = tuple(day[:2] for day in DAYS)   # "Mo", "Tu": where three letters do not fit
BOX_EM, BOX_GAP_EM = 1.3, 0.3   # a tick box's side, and the gap between a day's boxes, in sizes


def remember_points(plan: Plan, ctx: RenderContext) -> tuple[str, ...]:
    """The routine's own point, then the content's: "Do the 5 stretches in order: about 7
    minutes."."""
    n = len(plan.items)
    what = "the stretch" if n == 1 else f"the {n} stretches in order"
    return (f"Do {what}: {about_minutes(plan.total_s)}.", *ctx.safety.remember)


def tick_note(frequency: str) -> str:
    """What the week is for, with this patient's frequency if the clinician gave one."""
    if frequency:
        return f"Tick a box each time you stretch ({frequency.rstrip('.')})."
    return "Tick a box each day you stretch."


@dataclass(frozen=True)
class WeekRow:
    """A note over the seven days, each with its boxes to tick (two a day gets two), measured
    for a width and type size. Drawn like a safety TextBlock, so it can share a column with
    the rules."""

    note: tuple[str, ...]
    days: tuple[str, ...]
    day_w: float
    size: float
    per_day: int
    alert: str = ""         # never a red flag

    @property
    def box(self) -> float:
        return self.size * BOX_EM

    @property
    def width(self) -> float:
        return 7 * self.day_w

    def height(self, width: float = 0.0, size: float = 0.0, inline: bool = False) -> float:
        """Its height; the arguments are a TextBlock's, for a column packing both."""
        return leading(self.size) * (len(self.note) + 1) + self.box + 3

    def draw(self, c, x: float, top: float, width: float = 0.0, size: float = 0.0, color=INK,
             inline: bool = False) -> float:
        """Draws the row down from `top`; returns the new top."""
        size = self.size
        y = draw_lines(c, self.note, x, top, REGULAR, size)
        c.setFillColorRGB(*INK)
        c.setFont(BOLD, size)
        for k, day in enumerate(self.days):
            c.drawCentredString(x + (k + 0.5) * self.day_w, y - size * 0.93, day)
        y -= leading(size) + 1
        for k in range(len(self.days)):
            draw_tick_boxes(c, x + (k + 0.5) * self.day_w, y - self.box / 2, self.box,
                            self.per_day, size * BOX_GAP_EM)
        return top - self.height()


def week_row(ctx: RenderContext, width: float, size: float) -> WeekRow | None:
    """The week across at most `width`: the days' names in three letters, else two; None if
    even those do not fit."""
    per_day = sessions_per_day(ctx.frequency)
    boxes = size * (per_day * BOX_EM + (per_day - 1) * BOX_GAP_EM)
    for days in (DAYS, SHORT_DAYS):
        day_w = max(max(text_width(d, BOLD, size) for d in days), boxes) + size * 0.6
        if 7 * day_w <= width:
            note = tuple(wrap(tick_note(ctx.frequency), REGULAR, size, 7 * day_w))
            return WeekRow(note, days, day_w, size, per_day)
    return None


@dataclass(frozen=True)
class Recap:
    """The recap box measured for a width and type size: its points a bulleted TextBlock
    under "Remember" (None for the week alone), `text_w` wide."""

    width: float
    size: float
    points: TextBlock | None
    text_w: float
    week: WeekRow
    side_by_side: bool

    @property
    def pad(self) -> float:
        return self.size * 0.7

    def points_h(self) -> float:
        return self.points.height(self.text_w, self.size) if self.points else 0.0

    @property
    def height(self) -> float:
        week = self.week.height()
        inner = (max(self.points_h(), week) if self.side_by_side or not self.points
                 else self.points_h() + self.size * 0.6 + week)
        return inner + 2 * self.pad

    def draw(self, c, x: float, top: float, height: float | None = None) -> None:
        """Draws the box from `top` down, `x` at its left edge, `height` tall (at least its
        own: a grid's slot may be taller)."""
        pad, size = self.pad, self.size
        height = max(height or 0.0, self.height)
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.8)
        c.roundRect(x, top - height, self.width, height, 6, stroke=1, fill=0)
        left = x + pad
        if not self.points:
            self.week.draw(c, left, top - pad)
            return
        y = self.points.draw(c, left, top - pad, self.text_w, size)
        if self.side_by_side:
            self.week.draw(c, x + self.width - pad - self.week.width, top - pad)
        else:
            self.week.draw(c, left, y - size * 0.6)


def recap(plan: Plan, ctx: RenderContext, width: float, size: float,
          points: bool = True) -> Recap | None:
    """The recap box across `width` at `size`, side by side on a wide sheet (without
    `points`, the week alone); None if the seven days do not fit across it."""
    pad, side_by_side = size * 0.7, width >= SIDE_BY_SIDE_MIN
    inner = width - 2 * pad
    week = week_row(ctx, inner * (0.45 if side_by_side else 1.0), size)
    if week is None:
        return None
    text_w = inner - week.width - size * 1.5 if side_by_side else inner
    block = TextBlock(HEADING, remember_points(plan, ctx)) if points else None
    return Recap(width, size, block, text_w, week, side_by_side)
