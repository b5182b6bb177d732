"""The safety block every routine prints: the rules, every red flag, this person's own cautions.

Nothing here is ever shortened to make room: a layout that cannot fit all of it must refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any, Sequence

from ..model import Plan
from .blocks import RunIn, draw_run_in, run_in
from .common import (BOLD, BOX_LINE, EMERGENCY, INK, MUTED, REGULAR, STOP_LINE, URGENT, WHITE,
                     caution_mark_width, draw_caution_mark, draw_lines, leading, text_width, wrap)


@dataclass(frozen=True)
class TextBlock:
    """A heading, bullet lines and an optional closing line, measured for a column width and
    font size.

    `alert` marks the red flags, and tells the two kinds apart by shape and weight as well as
    colour, so they differ in grayscale too: the emergency heading is reversed out of a solid
    red band, the see-a-doctor heading is red type. The closing line (the stop rule) is bold
    and on a line of its own, never run into the items.
    """

    heading: str
    lines: tuple[str, ...]
    alert: str = ""
    closing: str = ""

    def layout(self, width: float, size: float, inline: bool = False) -> list[tuple[str, str, bool]]:
        """(font, text, starts_item) rows: the heading, then each bullet wrapped, then the
        closing line; `inline` runs the items together as one paragraph, which a crowded
        footer needs."""
        rows = [(BOLD, line, True) for line in wrap(self.heading, BOLD, size, width)]
        if inline:
            joined = "  •  ".join(self.lines)
            rows.extend((REGULAR, part, False) for part in wrap(joined, REGULAR, size, width))
        else:
            bullet_w = text_width("• ", REGULAR, size)
            for line in self.lines:
                for k, part in enumerate(wrap(line, REGULAR, size, width - bullet_w)):
                    rows.append((REGULAR, part, k == 0))
        rows.extend((BOLD, part, True) for part in wrap(self.closing, BOLD, size, width))
        return rows

    def heading_rows(self, width: float, size: float) -> int:
        return len(wrap(self.heading, BOLD, size, width))

    def height(self, width: float, size: float, inline: bool = False) -> float:
        return len(self.layout(width, size, inline)) * leading(size)

    def draw(self, c, x: float, top: float, width: float, size: float, color=INK,
             inline: bool = False) -> float:
        """Draws the block down from `top`; returns the new top. Bold rows (heading, closing)
        and run-together items start at `x`; a bulleted item's first row has its bullet."""
        bullet_w = 0.0 if inline else text_width("• ", REGULAR, size)
        heads = self.heading_rows(width, size)
        if self.alert == EMERGENCY and heads:
            c.setFillColorRGB(*STOP_LINE)
            c.rect(x - 2, top - heads * leading(size), width + 4, heads * leading(size),
                   stroke=0, fill=1)
        y = top
        for k, (font, text, first) in enumerate(self.layout(width, size, inline)):
            ink = color
            if k < heads:
                ink = {EMERGENCY: WHITE, URGENT: STOP_LINE}.get(self.alert, INK)
            c.setFillColorRGB(*ink)
            c.setFont(font, size)
            base = y - size * 0.93
            if font == BOLD or inline:
                c.drawString(x, base, text)
            else:
                if first:
                    c.drawString(x, base, "•")
                c.drawString(x + bullet_w, base, text)
            y -= leading(size)
        return y


def marked_height(blocks: Sequence[TextBlock], width: float, size: float) -> float:
    """The height of blocks one under another, each behind a warning mark (this person's own
    cautions on a card)."""
    return sum(b.height(width - caution_mark_width(size), size) for b in blocks)


def draw_marked(c, blocks: Sequence[TextBlock], x: float, top: float, width: float,
                size: float) -> None:
    """Draws the blocks one under another, a warning mark at each one's first line."""
    for block in blocks:
        draw_caution_mark(c, x, top - size * 0.05, size)
        top = block.draw(c, x + caution_mark_width(size), top, width - caution_mark_width(size),
                         size)


@dataclass(frozen=True)
class SafetyBox:
    """Safety blocks one under another in a rounded box, padded by 0.7 of the type size: the
    card's rules box, or (`alert`) its red flags with a red edge."""

    blocks: tuple[TextBlock, ...]
    alert: bool = False

    GAP = 4.0   # between blocks

    @staticmethod
    def pad(size: float) -> float:
        return size * 0.7

    def height(self, width: float, size: float, inline: bool) -> float:
        pad = self.pad(size)
        return (sum(b.height(width - 2 * pad, size, inline) for b in self.blocks)
                + self.GAP * (len(self.blocks) - 1) + 2 * pad)

    def draw(self, c, x: float, y: float, width: float, height: float, size: float,
             inline: bool) -> None:
        """Draws the box with its lower-left corner at (x, y), `height` as measured."""
        pad = self.pad(size)
        c.setStrokeColorRGB(*(STOP_LINE if self.alert else BOX_LINE))
        c.setLineWidth(1.2 if self.alert else 0.8)
        c.roundRect(x, y, width, height, 5, stroke=1, fill=0)
        top = y + height - pad
        for block in self.blocks:
            top = block.draw(c, x + pad, top, width - 2 * pad, size, inline=inline) - self.GAP


RULES_AT = 2    # the index of the general rules among `safety_blocks`


def safety_blocks(plan: Plan, safety, before_shown: bool = False) -> list[TextBlock]:
    """Every red flag first (the emergency, then see a doctor soon, closed by the stop rule on
    its own line), the general rules (led by the ones to read before starting, unless the
    layout shows those `before_shown` ahead of the routine), each named condition's caution
    under that condition's name, and this person's notes.

    Nothing here is ever shortened to make room: a layout that cannot fit all of it must say so.
    """
    blocks = [
        TextBlock("Call for emergency help if your back hurts and…", safety.red_flags_emergency,
                  EMERGENCY),
        TextBlock("See a doctor soon if…", safety.red_flags_urgent, URGENT, safety.stop_rule),
        TextBlock("Stretch safely", (() if before_shown else safety.before) + safety.rules),
    ]
    blocks.extend(TextBlock(c.condition, (c.text,)) for c in plan.cautions)
    if plan.notes:
        blocks.append(TextBlock("For you", tuple(plan.notes)))
    return blocks


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def source_line(plan: Plan, safety) -> str:
    """The organisations behind the page ("NHS inform", "ACSM"), once each, those of a `group`
    counted instead of named ("three UK health trusts"), and how many web articles besides,
    in one short line. Article titles ("6 Stretches to Relieve Back Pain") stay out: their
    numbers clash with the page's own and distract a reader (PEMAT-P item 2); `stretchcard
    show` and the content files give every source in full."""
    orgs: dict[str, None] = {}
    groups: dict[str, dict[str, None]] = {}
    articles: dict[str, None] = {}
    for src in [s for item in plan.items for s in item.stretch.sources] + list(safety.sources):
        org, sep, _ = src.title.partition(":")
        if not sep:
            articles[src.title] = None
        elif src.group:
            groups.setdefault(src.group, {})[org.strip()] = None
        else:
            orgs[org.strip()] = None
    named = list(orgs) + [f"{_count(len(members))} {group}" for group, members in groups.items()]
    if articles:
        n = len(articles)
        named.append(f"{_count(n)} web article{'s' if n != 1 else ''} on back stretches")
    listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)
    return f"Sources: {listed}."


def _count(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


@dataclass(frozen=True)
class SafetyColumns:
    """The safety blocks packed in order into side-by-side columns in one red-edged box, with
    the sources under them: the whole safety section in little height (a poster's footer)."""

    columns: tuple[tuple[TextBlock, ...], ...]
    sources: tuple[str, ...]
    width: float
    size: float
    sources_pt: float
    height: float
    bullets: bool = True        # the red flags as bulleted lists (else run together)
    lead: RunIn | None = None   # a line over the columns: the recap's points, run in
    under_lead: Any = None      # and under it, the recap's week where no column has room for it

    @property
    def lead_h(self) -> float:
        return _lead_height(self.lead, self.under_lead, self.size)

    @property
    def col_w(self) -> float:
        return column_width(self.width, len(self.columns))

    def draw(self, c, x: float, bottom: float) -> None:
        """Draws the box with its lower-left corner at (x, bottom): the red flags as bulleted
        lists, the rest run together."""
        c.setStrokeColorRGB(*STOP_LINE)
        c.setLineWidth(1.2)
        c.roundRect(x, bottom, self.width, self.height, 6, stroke=1, fill=0)
        if self.lead:
            y = draw_run_in(c, self.lead, x + 8, bottom + self.height - 8, self.size)
            if self.under_lead:
                self.under_lead.draw(c, x + 8, y - 2)
        for k, blocks in enumerate(self.columns):
            y = bottom + self.height - 8 - self.lead_h
            for block in blocks:
                y = block.draw(c, x + 8 + k * (self.col_w + 12), y, self.col_w, self.size,
                               inline=not (self.bullets and block.alert)) - 4
        size = self.sources_pt
        draw_lines(c, self.sources, x + 8, bottom + 6 + len(self.sources) * leading(size), REGULAR,
                   size, MUTED)


def safety_columns(blocks: list[TextBlock], sources: str, width: float, size: float, cols: int,
                   sources_pt: float, bullets: bool = True,
                   lead: tuple[str, str] | None = None, under_lead: Any = None) -> SafetyColumns:
    """The packing into at most `cols` columns, in order, that keeps the tallest column
    shortest; the red flags as bulleted lists, or with `bullets` off run together like the
    rest; `lead` (a bold lead and its text) runs across the box over the columns, with
    `under_lead` (a block: the recap's week) under it."""
    col_w = column_width(width, cols)
    heights = [b.height(col_w, size, inline=not (bullets and b.alert)) + 4 for b in blocks]
    best = None
    for cuts in _splits(len(blocks), cols):
        groups = [list(range(a, b)) for a, b in zip((0,) + cuts, cuts + (len(blocks),))]
        tallest = max(sum(heights[i] for i in g) for g in groups)
        if best is None or tallest < best[0]:
            best = (tallest, groups)
    tallest, groups = best
    source_lines = tuple(wrap(sources, REGULAR, sources_pt, width - 16))
    lead_in = run_in(*lead, size, width - 16) if lead else None
    height = (tallest + _lead_height(lead_in, under_lead, size)
              + len(source_lines) * leading(sources_pt) + 16)
    return SafetyColumns(tuple(tuple(blocks[i] for i in g) for g in groups), source_lines, width,
                         size, sources_pt, height, bullets, lead_in, under_lead)


def _lead_height(lead: RunIn | None, under: Any, size: float) -> float:
    if lead is None:
        return 0.0
    return lead.rows * leading(size) + (under.height() + 2 if under else 0.0) + 4


def column_width(width: float, cols: int) -> float:
    return (width - 16 - (cols - 1) * 12) / cols


def _splits(n: int, cols: int):
    """Every way to cut n blocks, in order, into at most `cols` non-empty columns."""
    for k in range(min(cols, n) - 1, -1, -1):
        yield from combinations(range(1, n), k)
