"""The stretch block: one stretch's number and name, its figure and its text, measured as a unit.

The poster's cells and the handout's stretch sections are the same thing at two sizes: a
numbered name, a figure, then the dose, the steps, where to feel it and the cautions. They
differ only in where the figure sits (above the text or beside it) and in their spacing, so
both are this one block; the card's strip rows have no room for the text beside a figure and
keep their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..model import PlannedStretch
from .common import BOLD, BOX_LINE, MUTED, REGULAR, draw_lines, draw_number, leading, text_width, wrap
from .blocks import StretchText
from .context import RenderContext, draw_stretch_figure
from .engine import Box

FRAME_INSET = (8.0, 6.0)    # a framed figure's room inside its frame, across and down


class Placement(Enum):
    """Where the figure goes against the text."""

    ABOVE = "above"                 # the figure across the block, then all of the text
    BESIDE = "beside"               # all of the text in a column beside the figure
    BESIDE_STEPS = "beside-steps"   # the dose and steps beside it, the rest under both


@dataclass(frozen=True)
class HeadingStyle:
    """A numbered name's measures (points): the number disc's radius, the name's indent from
    the block's left, how far the name's first line is raised against the disc's top, and the
    gap under the heading."""

    radius: float
    indent: float
    rise: float
    after: float


@dataclass(frozen=True)
class Heading:
    """A stretch's number disc and bold name, with an optional muted label at the right (the
    handout's time for the stretch)."""

    number: int
    name: tuple[str, ...]
    size: float
    width: float
    style: HeadingStyle
    label: str = ""
    label_size: float = 0.0

    def height(self) -> float:
        return max(leading(self.size) * len(self.name), 2 * self.style.radius) + self.style.after

    def draw(self, c, x: float, top: float) -> None:
        r = self.style.radius
        draw_number(c, x + r, top - r, r, self.number)
        draw_lines(c, self.name, x + self.style.indent, top + self.style.rise, BOLD, self.size)
        if self.label:
            c.setFillColorRGB(*MUTED)
            c.setFont(REGULAR, self.label_size)
            c.drawRightString(x + self.width, top - self.label_size, self.label)


def heading(number: int, name: str, size: float, width: float, style: HeadingStyle,
            label: str = "", label_size: float = 0.0) -> Heading:
    """The heading with its name wrapped in the room the disc and the label leave."""
    label_w = text_width(label, REGULAR, label_size) + 8 if label else 0.0
    lines = tuple(wrap(name, BOLD, size, width - style.indent - label_w))
    return Heading(number, lines, size, width, style, label, label_size)


@dataclass(frozen=True)
class StretchBlock:
    """A stretch's heading, figure and text, with every measure fixed.

    `text_x` is the steps' column (from the block's left) when they sit beside the figure;
    `gap` is the space between the figure and text under it. A framed figure has a thin
    rounded frame, and is drawn inset in it. `head_h` is the heading's height, or a row's
    tallest heading when blocks side by side line their figures up.
    """

    heading: Heading
    text: StretchText
    placement: Placement
    fig_w: float
    fig_h: float
    text_x: float
    gap: float
    head_h: float
    framed: bool = False

    def height(self) -> float:
        t = self.text
        if self.placement is Placement.ABOVE:
            return self.head_h + self.fig_h + self.gap + t.height()
        if self.placement is Placement.BESIDE:
            return self.head_h + max(self.fig_h, t.height())
        return self.head_h + max(self.fig_h, t.steps_height()) + self.gap + t.tail_height()

    def frame_box(self, x: float, top: float) -> Box:
        return (x, top - self.head_h - self.fig_h, self.fig_w, self.fig_h)

    def figure_box(self, x: float, top: float) -> Box:
        """Where the figure is drawn, for the block's top-left corner at (x, top)."""
        fx, fy, fw, fh = self.frame_box(x, top)
        if not self.framed:
            return fx, fy, fw, fh
        dx, dy = FRAME_INSET
        return fx + dx, fy + dy, fw - 2 * dx, fh - 2 * dy

    def draw(self, c, ctx: RenderContext, item: PlannedStretch, x: float, top: float,
             scale: float | None = None) -> None:
        """Draws the block from its top-left corner; the figure at `scale` if given (a page's
        shared scale), else fitted to its box."""
        self.heading.draw(c, x, top)
        fx, fy, fw, fh = self.frame_box(x, top)
        if self.framed:
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.6)
            c.roundRect(fx, fy, fw, fh, 8, stroke=1, fill=0)
        draw_stretch_figure(c, ctx, item, *self.figure_box(x, top), scale=scale)
        text, below = self.text, top - self.head_h
        if self.placement is Placement.ABOVE:
            text.draw_tail(c, x, text.draw_steps(c, x, fy - self.gap))
        elif self.placement is Placement.BESIDE:
            text.draw_tail(c, x + self.text_x, text.draw_steps(c, x + self.text_x, below))
        else:
            text.draw_steps(c, x + self.text_x, below)
            text.draw_tail(c, x, fy - self.gap)
