"""The routine at a glance: one table row per stretch with its number, name, dose and time.

It comes before the stretch-by-stretch detail, so a patient can see the whole routine, and how
long it takes, before reading any of it.
"""

from __future__ import annotations

from ..model import Plan, format_seconds
from .blocks import Block
from .common import (BOLD, BOX_LINE, MUTED, REGULAR, dose_text, draw_lines, draw_number, leading,
                     text_width, wrap)
from .typescale import Style

HEADING = "Your routine at a glance"
MIN_NAME_W = 150.0     # narrower than this, the dose goes on its own line under the name


def glance_block(plan: Plan, s: Style, width: float) -> Block:
    """The table, with the routine's total time (moving between stretches included) under it."""
    items = plan.items
    time_w = max(text_width(format_seconds(i.duration_s), REGULAR, s.body) for i in items)
    dose_w = max(text_width(dose_text(i), REGULAR, s.body) for i in items)
    name_x = 2.4 * s.body
    name_w = width - name_x - dose_w - time_w - 40
    stacked = name_w < MIN_NAME_W
    if stacked:
        name_w = width - name_x - time_w - 20
    rows = [wrap(i.stretch.name, BOLD, s.body, name_w) + ([dose_text(i)] if stacked else [])
            for i in items]
    row_hs = [leading(s.body) * len(r) + 8 for r in rows]
    total = wrap(f"About {format_seconds(plan.total_s)} in all, "
                 "including moving from one stretch to the next.", REGULAR, s.body, width)
    height = leading(s.heading) + 6 + sum(row_hs) + 6 + leading(s.body) * len(total)

    def paint(c, x, top):
        y = draw_lines(c, [HEADING], x, top, BOLD, s.heading) - 6
        radius = s.body * 0.8
        for n, (item, lines, h) in enumerate(zip(items, rows, row_hs), 1):
            draw_number(c, x + radius, y - 4 - radius * 0.9, radius, n)
            below = draw_lines(c, lines[:-1] if stacked else lines, x + name_x, y - 4, BOLD, s.body)
            c.setFont(REGULAR, s.body)
            base = y - 4 - s.body * 0.93
            if stacked:
                draw_lines(c, lines[-1:], x + name_x, below, REGULAR, s.body)
            else:
                c.drawString(x + width - time_w - dose_w - 20, base, dose_text(item))
            c.setFont(REGULAR, s.body)
            c.drawRightString(x + width, base, format_seconds(item.duration_s))
            y -= h
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.5)
            c.line(x, y + 2, x + width, y + 2)
        draw_lines(c, total, x, y - 6, REGULAR, s.body, MUTED)

    return Block(height, paint)
