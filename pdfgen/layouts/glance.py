"""The routine at a glance: one table row per stretch with its number, name, dose and time,
under column headings and over a row with the whole routine's time.

It comes before the stretch-by-stretch detail, so a patient can see the whole routine, and how
long it takes, before reading any of it.
"""

from __future__ import annotations

from ..model import Plan, stretch_minutes, whole_minutes
from .blocks import Block
from .common import (BOLD, BOX_LINE, MUTED, REGULAR, dose_brief, draw_lines, draw_number, leading,
                     text_width, wrap)
from .typescale import Style

HEADING = "Your routine at a glance"
COLUMNS = ("Stretch", "Hold or repeat", "Minutes")   # every table has headings (PEMAT-P item 6)
TOTAL = "In all, with moving between stretches"
MIN_NAME_W = 150.0     # narrower than this, the dose goes on its own lines under the name
GAP = 10.0             # between columns


def glance_block(plan: Plan, s: Style, width: float) -> Block:
    """The table, closed by a row with the routine's total time (moving between stretches
    included): one line where a sentence under the table took two. Each stretch's time and the
    total are in whole minutes, so the page has one time format, not "46 seconds" beside "3
    min 5 s", and no fractions."""
    items = plan.items
    name_h, dose_h, time_h = COLUMNS
    times = [stretch_minutes(i.duration_s) for i in items]
    total = f"about {whole_minutes(plan.total_s)}"   # under the "Minutes" heading
    time_w = max([text_width(t, REGULAR, s.body) for t in times]
                 + [text_width(t, BOLD, s.body) for t in (time_h, total)])
    doses = [dose_brief(i) for i in items]
    name_x = 2.4 * s.body
    room = width - name_x - time_w - GAP     # the name and the dose share this
    dose_w = min(max(text_width(d, REGULAR, s.body) for d in doses + [dose_h]) + 2,
                 (room - GAP) / 2)
    name_w = room - GAP - dose_w
    stacked = name_w < MIN_NAME_W
    if stacked:
        name_w = room
    names = [wrap(i.stretch.name, BOLD, s.body, name_w) for i in items]
    dose_lines = [wrap(d, REGULAR, s.body, room if stacked else dose_w) for d in doses]
    row_hs = [leading(s.body) * (len(n) + len(d) if stacked else max(len(n), len(d))) + 8
              for n, d in zip(names, dose_lines)]
    # The total's label may run under the dose column: only the time column is taken.
    label = wrap(TOTAL, BOLD, s.body, room)
    head_h = leading(s.body) + 4
    height = (leading(s.heading) + 6 + head_h + sum(row_hs) + 4
              + leading(s.body) * len(label))
    dose_x = name_x + name_w + GAP

    def paint(c, x, top):
        y = draw_lines(c, [HEADING], x, top, BOLD, s.heading) - 6
        c.setFillColorRGB(*MUTED)
        c.setFont(BOLD, s.body)
        base = y - s.body * 0.93
        c.drawString(x + name_x, base, name_h + (" and " + dose_h.lower() if stacked else ""))
        if not stacked:
            c.drawString(x + dose_x, base, dose_h)
        c.drawRightString(x + width, base, time_h)
        y -= head_h
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.8)
        c.line(x, y + 2, x + width, y + 2)
        radius = s.body * 0.8
        for n, (name, dose, h, time) in enumerate(zip(names, dose_lines, row_hs, times), 1):
            draw_number(c, x + radius, y - 4 - radius * 0.9, radius, n)
            below = draw_lines(c, name, x + name_x, y - 4, BOLD, s.body)
            if stacked:
                draw_lines(c, dose, x + name_x, below, REGULAR, s.body)
            else:
                draw_lines(c, dose, x + dose_x, y - 4, REGULAR, s.body)
            c.setFont(REGULAR, s.body)
            c.drawRightString(x + width, y - 4 - s.body * 0.93, time)
            y -= h
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.5)
            c.line(x, y + 2, x + width, y + 2)
        draw_lines(c, label, x + name_x, y - 4, BOLD, s.body)
        c.setFont(BOLD, s.body)
        c.drawRightString(x + width, y - 4 - s.body * 0.93, total)

    return Block(height, paint)
