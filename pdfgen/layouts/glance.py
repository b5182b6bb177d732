"""The routine at a glance: one table row per stretch with its number, name, dose and time,
under column headings and over a row with the whole routine's time.

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
COLUMNS = ("Stretch", "Hold or repeat", "Time")   # every table has headings (PEMAT-P item 6)
TOTAL = "In all, with moving between stretches"
MIN_NAME_W = 150.0     # narrower than this, the dose goes on its own line under the name


def glance_block(plan: Plan, s: Style, width: float) -> Block:
    """The table, closed by a row with the routine's total time (moving between stretches
    included): one line where a sentence under the table took two."""
    items = plan.items
    name_h, dose_h, time_h = COLUMNS
    times = [format_seconds(i.duration_s) for i in items]
    total = format_seconds(plan.total_s)
    time_w = max([text_width(t, REGULAR, s.body) for t in times]
                 + [text_width(t, BOLD, s.body) for t in (time_h, total)])
    dose_w = max([text_width(dose_text(i), REGULAR, s.body) for i in items]
                 + [text_width(dose_h, BOLD, s.body)])
    name_x = 2.4 * s.body
    name_w = width - name_x - dose_w - time_w - 40
    stacked = name_w < MIN_NAME_W
    if stacked:
        name_w = width - name_x - time_w - 20
    rows = [wrap(i.stretch.name, BOLD, s.body, name_w) + ([dose_text(i)] if stacked else [])
            for i in items]
    row_hs = [leading(s.body) * len(r) + 8 for r in rows]
    # The total's label may run under the dose column: only the time column is taken.
    label = wrap(TOTAL, BOLD, s.body, width - name_x - time_w - 20)
    head_h = leading(s.body) + 4
    height = (leading(s.heading) + 6 + head_h + sum(row_hs) + 4
              + leading(s.body) * len(label))

    def paint(c, x, top):
        y = draw_lines(c, [HEADING], x, top, BOLD, s.heading) - 6
        c.setFillColorRGB(*MUTED)
        c.setFont(BOLD, s.body)
        base = y - s.body * 0.93
        c.drawString(x + name_x, base, name_h + (" and " + dose_h.lower() if stacked else ""))
        if not stacked:
            c.drawString(x + width - time_w - dose_w - 20, base, dose_h)
        c.drawRightString(x + width, base, time_h)
        y -= head_h
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.8)
        c.line(x, y + 2, x + width, y + 2)
        radius = s.body * 0.8
        for n, (item, lines, h, time) in enumerate(zip(items, rows, row_hs, times), 1):
            draw_number(c, x + radius, y - 4 - radius * 0.9, radius, n)
            below = draw_lines(c, lines[:-1] if stacked else lines, x + name_x, y - 4, BOLD, s.body)
            c.setFont(REGULAR, s.body)
            base = y - 4 - s.body * 0.93
            if stacked:
                draw_lines(c, lines[-1:], x + name_x, below, REGULAR, s.body)
            else:
                c.drawString(x + width - time_w - dose_w - 20, base, dose_text(item))
            c.setFont(REGULAR, s.body)
            c.drawRightString(x + width, base, time)
            y -= h
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.5)
            c.line(x, y + 2, x + width, y + 2)
        draw_lines(c, label, x + name_x, y - 4, BOLD, s.body)
        c.setFont(BOLD, s.body)
        c.drawRightString(x + width, y - 4 - s.body * 0.93, total)

    return Block(height, paint)
