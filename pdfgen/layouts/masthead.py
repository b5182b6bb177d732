"""The poster's masthead: the title as large as fits, what the routine is for (and the clinic),
and the total time in a box at the right, over a rule; under it, what the pictures' marks mean.

It is measured once for the poster's width and smallest type size, before the grid, which
gets the height it leaves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Plan, PlannedStretch, about_minutes
from .blocks import RunIn, draw_run_in, run_in
from .brand import clinic_lines
from .common import (ACCENT, BOLD, INK, MUTED, REGULAR, draw_lines, figure_legend, leading,
                     text_width, wrap)
from .context import RenderContext

TIME_PT = 16.0
TIME_NOTE = "Stretches take about"   # over the minutes: the warm-up walk is not in them
BEFORE = "Before you start:"  # leads the rules to read before the first stretch
TITLE_ONE_LINE = (24, 22, 20, 18)    # tried on one line first, then on two:
TITLE_TWO_LINES = (18, 16, 14)


@dataclass(frozen=True)
class Masthead:
    """The measured masthead; `height` includes the rule under it."""

    width: float
    title: tuple[str, ...]
    title_size: float
    subtitle: tuple[str, ...]
    sub_pt: float
    note_pt: float
    legend: tuple[str, ...]     # what the pictures' marks mean, under the rule
    before: RunIn | None        # "Before you start: warm up ...", under the rule, over the legend
    time: str
    box_w: float
    time_pt: float = TIME_PT

    @property
    def box_h(self) -> float:
        return self.time_pt + self.note_pt + 15

    def height(self) -> float:
        before = self.before.rows * leading(self.sub_pt) + 4 if self.before else 0.0
        return (self._top_h() + before + leading(self.note_pt) * len(self.legend)
                + (3 if self.legend else 0))

    def _top_h(self) -> float:
        """Down to the rule under the title, the subtitle and the time box."""
        return max(self.title_size * 1.2 * len(self.title) + leading(self.sub_pt) * len(self.subtitle)
                   + 8, self.box_h + 10)

    def draw(self, c, x: float, top: float) -> None:
        y = draw_lines(c, self.title, x, top, BOLD, self.title_size)
        draw_lines(c, self.subtitle, x, y - 2, REGULAR, self.sub_pt, MUTED)
        bx, box_w, box_h = x + self.width - self.box_w, self.box_w, self.box_h
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.2)
        c.roundRect(bx, top - box_h, box_w, box_h, 6, stroke=1, fill=0)
        c.setFillColorRGB(*INK)
        c.setFont(REGULAR, self.note_pt)
        c.drawCentredString(bx + box_w / 2, top - 4 - self.note_pt, TIME_NOTE)
        c.setFont(BOLD, self.time_pt)
        c.drawCentredString(bx + box_w / 2, top - box_h + 7, self.time)
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.5)
        line_y = top - self._top_h() + 3
        c.line(x, line_y, x + self.width, line_y)
        y = line_y - 3
        if self.before:
            y = draw_run_in(c, self.before, x, y - 1, self.sub_pt) - 3
        draw_lines(c, self.legend, x, y, REGULAR, self.note_pt, MUTED)


def masthead(plan: Plan, ctx: RenderContext, width: float, min_pt: float,
             grow: float = 1.0, title: str = "", before: bool = True,
             items: Sequence[PlannedStretch] | None = None) -> Masthead:
    """The masthead across `width`, no text under `min_pt` (large print sets it), every size
    `grow` times its Letter size on a larger sheet; `title` in place of the plan's (one sheet
    of a set); with `before`, the rules to read before starting under the rule; the legend
    for the pictures of `items` (the sheet's; default the plan's), if it has any."""
    sub_pt, note_pt = max(11.0 * grow, min_pt), max(9.0 * grow, min_pt)
    time_pt = TIME_PT * grow
    time = about_minutes(plan.total_s).removeprefix("about ")
    box_w = max(text_width(time, BOLD, time_pt), text_width(TIME_NOTE, REGULAR, note_pt)) + 16
    room = width - box_w - 10
    size, lines = _title(title or plan.title, room, grow)
    areas = [a.plain for a in plan.areas]
    joined = areas[0] if len(areas) == 1 else ", ".join(areas[:-1]) + " and " + areas[-1]
    count = len(plan.items)
    text = (f"{count} stretch{'es' if count != 1 else ''} for the {joined}. "
            "Do them in this order, slowly.")
    subtitle = wrap(text, REGULAR, sub_pt, room)[:2] + clinic_lines(ctx.clinic, REGULAR, sub_pt, room)
    shown = plan.items if items is None else items
    legend = wrap(figure_legend(ctx.grayscale, ctx.figure_marks(shown)), REGULAR, note_pt,
                  width) if shown else []
    first = " ".join(ctx.safety.before) if before else ""
    lead = run_in(BEFORE, first, sub_pt, width) if first else None
    return Masthead(width, tuple(lines), size, tuple(subtitle), sub_pt, note_pt, tuple(legend),
                    lead, time, box_w, time_pt)


def _title(text: str, room: float, grow: float) -> tuple[float, list[str]]:
    """The largest title size on one line, else on two, else the smallest on three at most."""
    for size in (s * grow for s in TITLE_ONE_LINE):
        if text_width(text, BOLD, size) <= room:
            return float(size), [text]
    for size in (s * grow for s in TITLE_TWO_LINES):
        lines = wrap(text, BOLD, size, room)
        if len(lines) <= 2:
            return float(size), lines
    smallest = TITLE_TWO_LINES[-1] * grow
    return float(smallest), wrap(text, BOLD, smallest, room)[:3]
