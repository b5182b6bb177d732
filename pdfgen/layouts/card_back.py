"""The card's back: each stretch's steps, this person's cautions, the recap, every red flag.

Each stretch's name heads its numbered short steps (or, where those do not fit, runs into its
summary), with its cautions under them behind a warning mark; when the steps are on the front
instead, the back keeps only the cautions ("Take care"). The recap (what to remember and a
week to tick, recap.py) follows where it fits, and the red flags and the stop rule close the
side in a red-edged box. Drawn in its own coordinates, lower-left corner at (0, 0).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import PlannedStretch
from .blocks import RunIn, draw_numbered_steps, draw_run_in, number_width, run_in
from .card_front import CardPart
from .common import (BOLD, REGULAR, caution_mark_width, draw_caution_mark, draw_lines, draw_number,
                     leading, wrap)
from .recap import Recap
from .safety import SafetyBox, TextBlock, draw_marked, marked_height
from .typescale import CARD

GAP = CARD.gap


@dataclass(frozen=True)
class Entry:
    """A stretch on the back: its name over its numbered short steps, or (marked) run into
    its cautions."""

    number: int
    text: RunIn
    marked: bool                # the text itself is the cautions, behind a warning mark
    steps: tuple[tuple[str, ...], ...]  # each short step's lines, numbered under the name
    cautions: tuple[str, ...]   # cautions under the steps, behind a warning mark

    def height(self, size: float) -> float:
        rows = self.text.rows + sum(map(len, self.steps))
        return max(rows * leading(size), size * 1.7) + len(self.cautions) * leading(size)


@dataclass(frozen=True)
class Back:
    """The back, measured."""

    width: float
    size: float
    inline: bool
    heading: str
    entries: tuple[Entry, ...]
    personal: tuple[TextBlock, ...]     # empty when on the front
    alerts: SafetyBox
    alerts_h: float
    recap: Recap | None = None

    @property
    def indent(self) -> float:
        return self.size * 1.7 + 5

    def draw(self, c, height: float) -> None:
        """Draws the back, `height` tall."""
        y = draw_lines(c, [self.heading], 0, height, BOLD, self.size * 1.1) - 3
        for entry in self.entries:
            self._draw_entry(c, entry, y)
            y -= entry.height(self.size) + 5
        if self.personal:
            draw_marked(c, self.personal, 0, y - 2, self.width, self.size)
        if self.recap:
            self.recap.draw(c, 0, self.alerts_h + GAP + self.recap.height)
        self.alerts.draw(c, 0, 0, self.width, self.alerts_h, self.size, self.inline)

    def _draw_entry(self, c, entry: Entry, top: float) -> None:
        size, x = self.size, self.indent
        radius = size * 0.8
        draw_number(c, radius, top - radius, radius, entry.number)
        if entry.marked:
            draw_caution_mark(c, x, top - size * 0.05, size)
            x += caution_mark_width(size)
        y = draw_numbered_steps(c, entry.steps, x, draw_run_in(c, entry.text, x, top, size), size)
        y = min(y, top - size * 1.7)
        if entry.cautions:
            draw_caution_mark(c, x, y - size * 0.05, size)
            draw_lines(c, entry.cautions, x + caution_mark_width(size), y, REGULAR, size)


def measure_back(part: CardPart, width: float, height: float, size: float, inline: bool,
                 steps_on_front: bool, alerts: SafetyBox, personal: tuple[TextBlock, ...],
                 numbered: bool = True, recap: Recap | None = None) -> Back | None:
    """The back of one card at `size`, with this person's cautions if given, each stretch's
    numbered short steps (else its summary), and the `recap` if given; None if it does not
    fit."""
    column = width - (size * 1.7 + 5)
    alerts_h = alerts.height(width, size, inline)
    entries = tuple(e for e in (_entry(part.first + k, i, size, column, steps_on_front, numbered)
                                for k, i in enumerate(part.items)) if e is not None)
    used = (leading(size * 1.1) + 3 + sum(e.height(size) + 5 for e in entries)
            + (marked_height(personal, width, size) + GAP if personal else 0.0) + GAP
            + (recap.height + GAP if recap else 0.0) + alerts_h)
    if used > height:
        return None
    heading = "Take care" if steps_on_front else "How to do them"
    return Back(width, size, inline, heading, entries, personal, alerts, alerts_h, recap)


def _entry(number: int, item: PlannedStretch, size: float, width: float,
           steps_on_front: bool, numbered: bool = True) -> Entry | None:
    """The short steps with the cautions under them or, with the steps on the front, the
    cautions."""
    name, cautions = item.stretch.name + ".", " ".join(item.stretch.cautions)
    if steps_on_front:
        if not cautions:
            return None
        return Entry(number, run_in(name, cautions, size, width - caution_mark_width(size)),
                     True, (), ())
    lines = wrap(cautions, REGULAR, size, width - caution_mark_width(size)) if cautions else []
    if not (numbered and item.stretch.short_steps):   # else the summary runs on
        return Entry(number, run_in(name, item.stretch.summary, size, width), False, (),
                     tuple(lines))
    steps = tuple(tuple(wrap(step, REGULAR, size, width - number_width(size)))
                  for step in item.stretch.short_steps)
    return Entry(number, run_in(name, "", size, width), False, steps, tuple(lines))
