"""What a clinician fills in and a patient ticks: the handout's form fields and weekly tracker."""

from __future__ import annotations

import re
from typing import Sequence

from ..errors import LayoutError
from .blocks import Block
from .common import (ACCENT, BOLD, BOX_LINE, INK, MUTED, REGULAR, draw_lines, leading, text_width,
                     wrap)
from .context import PatientFields
from .typescale import Style

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def fields_block(s: Style, width: float, f: PatientFields, frequency: str) -> Block:
    """Patient, date, clinician and how often, then notes: filled in, or lines to write on."""
    pairs = [("Patient", f.patient), ("Date", f.date), ("Clinician", f.clinician),
             ("How often", frequency)]
    two_up = width >= 400
    col_w = (width - 24 - (20 if two_up else 0)) / (2 if two_up else 1)
    label_w = max(text_width(label, BOLD, s.body) for label, _ in pairs + [("Notes", "")]) + 8
    rows = [pairs[i:i + 2] for i in range(0, 4, 2)] if two_up else [[p] for p in pairs]
    row_h = leading(s.body) * 2.1
    field_lines = [[wrap(value, REGULAR, s.body, col_w - label_w) or [""]
                    for _, value in row] for row in rows]
    heights = [max(len(v) for v in vals) * leading(s.body) + row_h - leading(s.body)
               for vals in field_lines]
    notes = wrap(f.notes, REGULAR, s.body, width - 24 - label_w)
    notes_h = max(len(notes), 2) * row_h
    height = sum(heights) + notes_h + 16

    def paint(c, x, top):
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.8)
        c.roundRect(x, top - height, width, height, 6, stroke=1, fill=0)
        y = top - 8
        for row, vals, h in zip(rows, field_lines, heights):
            for k, ((label, _), lines) in enumerate(zip(row, vals)):
                fx = x + 12 + k * (col_w + 20)
                draw_field(c, s, fx, y, h, label, lines, label_w, col_w)
            y -= h
        note_lines = notes + [""] * (2 - len(notes)) if len(notes) < 2 else notes
        for k, line in enumerate(note_lines):
            draw_field(c, s, x + 12, y, row_h, "Notes" if k == 0 else "", [line], label_w,
                        width - 24)
            y -= row_h

    return Block(height, paint)

def draw_field(c, s: Style, x: float, top: float, height: float, label: str, lines: Sequence[str],
               label_w: float, width: float) -> None:
    """A bold label and its value (or nothing) on a line to write on."""
    base = top - height + 6
    c.setStrokeColorRGB(*MUTED)
    c.setLineWidth(0.6)
    c.line(x + label_w, base - 2, x + width, base - 2)
    c.setFillColorRGB(*INK)
    if label:
        c.setFont(BOLD, s.body)
        c.drawString(x, base + leading(s.body) * (len(lines) - 1), label)
    draw_lines(c, lines, x + label_w, base + s.body * 0.93 + leading(s.body) * (len(lines) - 1),
               REGULAR, s.body)


def tracker_block(s: Style, width: float, names: Sequence[str], frequency: str,
                  paper_label: str) -> Block:
    """Days x stretches with a tick box per session (two a day gets two boxes).

    Stretches are rows and days columns; on a sheet too narrow for seven day columns
    beside the names, days become rows and the stretches' numbers the columns.
    """
    per_day = sessions_per_day(frequency)
    box = max(14.0, s.body * 1.25)
    span = per_day * box + (per_day - 1) * 4
    intro = ["Tick a box each time you do a stretch."]
    cols: list[str] = list(DAYS)
    col_w = max(span + 12, text_width("Wed", BOLD, s.body) + 12)
    label_w = width - len(cols) * col_w
    labels = [f"{n}. {name}" for n, name in enumerate(names, 1)]
    if label_w < 110:
        cols = [str(n) for n in range(1, len(names) + 1)]
        labels = list(DAYS)
        label_w = text_width("Wed", BOLD, s.body) + 16
        col_w = (width - label_w) / len(cols)
        intro.append("The columns are your stretches, numbered as in your routine.")
        if col_w < span + 6:
            raise LayoutError(f"the weekly tracker does not fit {paper_label}; "
                              "try a larger paper")
    rows = [wrap(label, REGULAR, s.body, label_w - 8) for label in labels]
    row_hs = [max(leading(s.body) * len(lines), box) + 7 for lines in rows]
    intro_lines = [part for text in intro for part in wrap(text, REGULAR, s.body, width)]
    week_label = "Week starting"
    week_h = leading(s.body) * 2.1
    head = leading(s.heading) + 6 + leading(s.body) * len(intro_lines) + week_h + 8
    header_row = leading(s.body) + 8
    height = head + header_row + sum(row_hs)

    def paint(c, x, top):
        y = draw_lines(c, ["Weekly tracker"], x, top, BOLD, s.heading, ACCENT) - 6
        y = draw_lines(c, intro_lines, x, y, REGULAR, s.body)
        week_w = text_width(week_label, BOLD, s.body) + 8
        draw_field(c, s, x, y, week_h, week_label, [""], week_w, min(width, week_w + 180))
        y -= week_h + 8
        c.setFont(BOLD, s.body)
        c.setFillColorRGB(*INK)
        for k, name in enumerate(cols):
            c.drawCentredString(x + label_w + (k + 0.5) * col_w, y - s.body * 0.93, name)
        y -= header_row
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.6)
        c.line(x, y, x + width, y)
        for lines, h in zip(rows, row_hs):
            draw_lines(c, lines, x + 4, y - 5, REGULAR, s.body)
            for k in range(len(cols)):
                draw_tick_boxes(c, x + label_w + (k + 0.5) * col_w, y - h / 2, box, per_day, 4)
            y -= h
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.6)
            c.line(x, y, x + width, y)

    return Block(height, paint, bookmark="Weekly tracker")


def draw_tick_boxes(c, centre_x: float, mid_y: float, box: float, count: int,
                    gap: float) -> None:
    """`count` empty boxes to tick, `gap` apart, centred on (centre_x, mid_y)."""
    span = count * box + (count - 1) * gap
    c.setStrokeColorRGB(*INK)
    c.setLineWidth(0.9)
    for n in range(count):
        c.rect(centre_x - span / 2 + n * (box + gap), mid_y - box / 2, box, box, stroke=1, fill=0)


def sessions_per_day(frequency: str) -> int:
    """Tick boxes per day from the frequency as a clinician writes it ("twice a day" -> 2)."""
    text = frequency.lower()
    words = {"once": 1, "twice": 2, "three times": 3, "3 times": 3, "2 times": 2}
    for word, n in words.items():
        if re.search(rf"\b{word}\b(?: a| per| each)? day", text):
            return n
    return 1
