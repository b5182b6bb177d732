"""The safety block every routine prints: the rules, every red flag, this person's own cautions.

Nothing here is ever shortened to make room: a layout that cannot fit all of it must refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..model import Plan
from .common import (BOLD, BOX_LINE, INK, MUTED, REGULAR, STOP_LINE, caution_mark_width,
                     draw_caution_mark, draw_lines, leading, text_width, wrap)


@dataclass(frozen=True)
class TextBlock:
    """A heading and bullet lines, measured for a column width and font size."""

    heading: str
    lines: tuple[str, ...]

    def layout(self, width: float, size: float, inline: bool = False) -> list[tuple[str, str, bool]]:
        """(font, text, starts_item) rows: the heading, then each bullet wrapped.

        `inline` runs the items together as one paragraph, which a crowded footer needs.
        """
        rows = [(BOLD, line, True) for line in wrap(self.heading, BOLD, size, width)]
        if inline:
            joined = "  •  ".join(self.lines)
            rows.extend((REGULAR, part, False) for part in wrap(joined, REGULAR, size, width))
            return rows
        bullet_w = text_width("• ", REGULAR, size)
        for line in self.lines:
            for k, part in enumerate(wrap(line, REGULAR, size, width - bullet_w)):
                rows.append((REGULAR, part, k == 0))
        return rows

    def height(self, width: float, size: float, inline: bool = False) -> float:
        return len(self.layout(width, size, inline)) * leading(size)

    def draw(self, c, x: float, top: float, width: float, size: float, color=INK,
             inline: bool = False, heading_color=INK) -> float:
        bullet_w = 0.0 if inline else text_width("• ", REGULAR, size)
        y = top
        for font, text, first in self.layout(width, size, inline):
            c.setFillColorRGB(*(heading_color if font == BOLD else color))
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


    def marked_height(self, width: float, size: float) -> float:
        """The height behind a warning mark (this person's own cautions on a card)."""
        return self.height(width - caution_mark_width(size), size)

    def draw_marked(self, c, x: float, top: float, width: float, size: float) -> None:
        """Draws the block behind a warning mark at its first line."""
        draw_caution_mark(c, x, top - size * 0.05, size)
        self.draw(c, x + caution_mark_width(size), top, width - caution_mark_width(size), size)


@dataclass(frozen=True)
class SafetyBox:
    """Safety blocks one under another in a rounded box, padded by 0.7 of the type size: the
    card's rules box, or (`alert`) its red flags with a red edge and red headings."""

    blocks: tuple[TextBlock, ...]
    alert: bool = False

    GAP = 4.0   # between blocks

    def height(self, width: float, size: float, inline: bool) -> float:
        pad = size * 0.7
        return (sum(b.height(width - 2 * pad, size, inline) for b in self.blocks)
                + self.GAP * (len(self.blocks) - 1) + 2 * pad)

    def draw(self, c, x: float, y: float, width: float, height: float, size: float,
             inline: bool) -> None:
        """Draws the box with its lower-left corner at (x, y), `height` as measured."""
        pad = size * 0.7
        c.setStrokeColorRGB(*(STOP_LINE if self.alert else BOX_LINE))
        c.setLineWidth(1.2 if self.alert else 0.8)
        c.roundRect(x, y, width, height, 5, stroke=1, fill=0)
        top = y + height - pad
        for block in self.blocks:
            top = block.draw(c, x + pad, top, width - 2 * pad, size, inline=inline,
                             heading_color=STOP_LINE if self.alert else INK) - self.GAP


def safety_blocks(plan: Plan, safety) -> list[TextBlock]:
    """The general rules, every red flag, and this person's own cautions and notes.

    Nothing here is ever shortened to make room: a layout that cannot fit all of it must say so.
    """
    blocks = [
        TextBlock("Stretch safely", safety.rules),
        TextBlock("Call for emergency help if your back hurts and…", safety.red_flags_emergency),
        TextBlock("See a doctor soon if…", safety.red_flags_urgent + (safety.stop_rule,)),
    ]
    extra = tuple(plan.cautions) + tuple(plan.notes)
    if extra:
        blocks.append(TextBlock("For you", extra))
    return blocks


def source_line(plan: Plan, safety) -> str:
    """Article titles in full; reference pages by organisation ("NHS inform"), once each."""
    titles: dict[str, None] = {}
    for src in [s for item in plan.items for s in item.stretch.sources] + list(safety.sources):
        org, sep, _ = src.title.partition(":")
        titles[org.strip() if sep else src.title] = None
    return "Sources: " + "; ".join(titles) + "."


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

    @property
    def col_w(self) -> float:
        return _column_width(self.width, len(self.columns))

    def draw(self, c, x: float, bottom: float) -> None:
        """Draws the box with its lower-left corner at (x, bottom); the first block's heading is
        in ink, the red flags' in red."""
        c.setStrokeColorRGB(*STOP_LINE)
        c.setLineWidth(1.2)
        c.roundRect(x, bottom, self.width, self.height, 6, stroke=1, fill=0)
        for k, blocks in enumerate(self.columns):
            y = bottom + self.height - 8
            for block in blocks:
                y = block.draw(c, x + 8 + k * (self.col_w + 12), y, self.col_w, self.size,
                               inline=True,
                               heading_color=STOP_LINE if block is not self.columns[0][0] else INK) - 4
        size = self.sources_pt
        draw_lines(c, self.sources, x + 8, bottom + 6 + len(self.sources) * leading(size), REGULAR,
                   size, MUTED)


def safety_columns(blocks: list[TextBlock], sources: str, width: float, size: float, cols: int,
                   sources_pt: float) -> SafetyColumns:
    """The packing into at most `cols` columns, in order, that keeps the tallest column shortest."""
    col_w = _column_width(width, cols)
    heights = [b.height(col_w, size, inline=True) + 4 for b in blocks]
    best = None
    for cuts in _splits(len(blocks), cols):
        groups = [list(range(a, b)) for a, b in zip((0,) + cuts, cuts + (len(blocks),))]
        tallest = max(sum(heights[i] for i in g) for g in groups)
        if best is None or tallest < best[0]:
            best = (tallest, groups)
    tallest, groups = best
    source_lines = tuple(wrap(sources, REGULAR, sources_pt, width - 16))
    height = tallest + len(source_lines) * leading(sources_pt) + 16
    return SafetyColumns(tuple(tuple(blocks[i] for i in g) for g in groups), source_lines, width,
                         size, sources_pt, height)


def _column_width(width: float, cols: int) -> float:
    return (width - 16 - (cols - 1) * 12) / cols


def _splits(n: int, cols: int):
    """Every way to cut n blocks, in order, into at most `cols` non-empty columns."""
    for k in range(min(cols, n) - 1, -1, -1):
        yield from combinations(range(1, n), k)
