"""The safety block every routine prints: the rules, every red flag, this person's own cautions.

Nothing here is ever shortened to make room: a layout that cannot fit all of it must refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Plan
from .common import BOLD, INK, REGULAR, leading, text_width, wrap


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
