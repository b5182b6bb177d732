"""Measured pieces of a page, shared by the page designs: each says its size before it is drawn.

A block is measured for a width and a type size with the same functions that draw it, so a
fitter knows exactly what it will print. A `Block` never splits: `paginate` moves a whole block
to the next page, or refuses the page if one block is taller than it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable, Sequence

from ..errors import LayoutError
from ..model import PlannedStretch
from .engine import Box, PageTemplate
from .common import (ACCENT, BOLD, EMERGENCY, INK, MUTED, REGULAR, STOP_FILL, STOP_LINE, WHITE,
                     badge_height, caution_mark_width, dose_text, draw_badge, draw_caution_mark,
                     draw_lines, leading, text_width, wrap)


@dataclass(frozen=True)
class Block:
    """A measured piece of the page. `paint(c, x, top)` draws it exactly `height` tall.

    `keep_with_next` keeps it on the page of the block after it (a heading, the first of the
    two red-flag boxes); `new_page` starts a page unless the page is still empty.
    """

    height: float
    paint: Callable[..., None]
    bookmark: str = ""
    keep_with_next: bool = False
    new_page: bool = False


def paginate(blocks: list[Block], top: float, bottom: float, gap: float,
             paper_label: str) -> list[list[tuple[Block, float]]]:
    """Each page's blocks with the y of their tops, placed top-down from `top` to `bottom`.

    Blocks tied by `keep_with_next` move as one group: a group that does not fit the rest of
    the page starts the next one. A group taller than a whole page is placed block by block.

    Raises:
        LayoutError: a block is taller than a whole page.
    """
    pages: list[list[tuple[Block, float]]] = [[]]
    y = top

    def place(block: Block) -> None:
        nonlocal y
        pages[-1].append((block, y))
        y -= block.height + gap

    for group in _keep_groups(blocks):
        if any(top - b.height < bottom for b in group):
            raise LayoutError(f"a block of the handout is taller than a page of {paper_label}; "
                              "try a larger paper")
        need = sum(b.height for b in group) + gap * (len(group) - 1)
        if pages[-1] and (group[0].new_page or y - need < bottom):
            pages.append([])
            y = top
        for block in group:
            if pages[-1] and y - block.height < bottom:
                pages.append([])
                y = top
            place(block)
    return pages


def _keep_groups(blocks: list[Block]) -> list[list[Block]]:
    """The blocks in runs joined by `keep_with_next`; a page break starts a run of its own."""
    groups: list[list[Block]] = []
    for block in blocks:
        if groups and groups[-1][-1].keep_with_next and not block.new_page:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


@dataclass(frozen=True)
class FlowedPages:
    """A flow of blocks cut into pages by `paginate`, as a fitted design for the engine: each
    page's blocks with the y of their tops, all at `x`; a block with a bookmark gets its entry
    in the PDF's outline."""

    pages: tuple[tuple[tuple[Block, float], ...], ...]
    x: float
    template: PageTemplate

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def figure_boxes(self) -> list[Box]:
        """None: a flow's figures are inside its blocks."""
        return []

    def draw_page(self, c, number: int) -> None:
        marks = sum(1 for page in self.pages[:number - 1] for block, _ in page if block.bookmark)
        for block, top in self.pages[number - 1]:
            if block.bookmark:
                marks += 1
                c.bookmarkPage(f"b{marks}", fit="XYZ", top=top + 4, left=0, zoom=0)
                c.addOutlineEntry(block.bookmark, f"b{marks}", level=0)
            block.paint(c, self.x, top)


FEEL_LABEL = "Feel it:"


def number_width(size: float) -> float:
    """Room for a step number ("4. ") before its wrapped text."""
    return text_width("4. ", BOLD, size)


def draw_numbered_steps(c, steps: Sequence[Sequence[str]], x: float, top: float, size: float,
                        gap: float = 0.0) -> float:
    """Each step's wrapped lines behind its bold number, `gap` below each; returns the new top.
    Wrap each step `number_width(size)` narrower than the column."""
    indent = number_width(size)
    for n, lines in enumerate(steps, 1):
        c.setFillColorRGB(*INK)
        c.setFont(BOLD, size)
        c.drawString(x, top - size * 0.93, f"{n}.")
        top = draw_lines(c, lines, x + indent, top, REGULAR, size) - gap
    return top


def draw_cautions(c, cautions: Sequence[Sequence[str]], x: float, top: float, size: float,
                  gap: float = 0.0) -> float:
    """Each caution's wrapped lines behind a warning mark, `gap` above each; returns the new top.
    Wrap each caution `caution_mark_width(size)` narrower than the column."""
    for lines in cautions:
        top -= gap
        draw_caution_mark(c, x, top - size * 0.05, size)
        top = draw_lines(c, lines, x + caution_mark_width(size), top, REGULAR, size)
    return top


@dataclass(frozen=True)
class Spacing:
    """The gaps (points) in a stretch's text: after the dose label, after each step, before
    "Feel it", before the cautions and before each caution; and whether the cautions run
    together as one paragraph behind one mark (a crowded poster cell) or stand one a line."""

    after_badge: float
    step_gap: float
    before_feel: float
    before_cautions: float
    caution_gap: float
    one_caution: bool


@dataclass(frozen=True)
class StretchText:
    """A stretch's dose label, steps (every one numbered, or its one-line summary), where to
    feel it and its cautions, wrapped: the text of a stretch block in any layout.

    The steps may sit in a narrower column than the rest (beside a figure), so the two parts
    are measured and drawn apart.
    """

    dose: str
    size: float
    step_width: float
    badge_h: float
    steps: tuple[tuple[str, ...], ...]
    numbered: bool
    feel: RunIn                 # "Feel it:" in bold, run into where to feel it
    cautions: tuple[tuple[str, ...], ...]
    spacing: Spacing

    def steps_height(self) -> float:
        """The dose label and the steps."""
        lines = sum(map(len, self.steps))
        return (self.badge_h + self.spacing.after_badge + leading(self.size) * lines
                + self.spacing.step_gap * len(self.steps))

    def tail_height(self) -> float:
        """"Feel it" and the cautions."""
        sp = self.spacing
        lines = self.feel.rows + sum(map(len, self.cautions))
        return (leading(self.size) * lines + (sp.before_feel + sp.before_cautions)
                + sp.caution_gap * len(self.cautions))

    def height(self) -> float:
        """The whole text in one column."""
        return self.steps_height() + self.tail_height()

    def draw_steps(self, c, x: float, top: float) -> float:
        """The dose label and the steps; returns the new top."""
        top -= draw_badge(c, x, top, self.dose, self.size, self.step_width) + self.spacing.after_badge
        if not self.numbered:
            return draw_lines(c, self.steps[0], x, top, REGULAR, self.size)
        return draw_numbered_steps(c, self.steps, x, top, self.size, self.spacing.step_gap)

    def draw_tail(self, c, x: float, top: float) -> float:
        """"Feel it" and the cautions; returns the new top."""
        sp = self.spacing
        top = draw_run_in(c, self.feel, x, top - sp.before_feel, self.size) - sp.before_cautions
        if self.cautions:
            top = draw_cautions(c, self.cautions, x, top, self.size, sp.caution_gap)
        return top


class Steps(Enum):
    """How much of a stretch's instructions a block prints, from most to least."""

    FULL = "full"           # every step: the handout, and a poster with room at 10 pt
    SHORT = "short"         # its 2-4 short steps: a poster or card (the summary where none)
    SUMMARY = "summary"     # its one-sentence summary: a poster with no room for steps


def stretch_text(item: PlannedStretch, size: float, width: float, spacing: Spacing,
                 step_width: float | None = None, mode: Steps = Steps.FULL) -> StretchText:
    """The stretch's text wrapped for a column `width` wide (the steps in `step_width`, if
    narrower), as many steps as `mode` says; a summary prints unnumbered."""
    step_width = width if step_width is None else step_width
    given = {Steps.FULL: item.stretch.steps, Steps.SHORT: item.stretch.brief_steps,
             Steps.SUMMARY: (item.stretch.summary,)}[mode]
    numbered = mode is Steps.FULL or (mode is Steps.SHORT and bool(item.stretch.short_steps))
    indent = number_width(size) if numbered else 0.0
    steps = tuple(tuple(wrap(step, REGULAR, size, step_width - indent)) for step in given)
    feel = run_in(FEEL_LABEL, item.stretch.feel, size, width)
    mark_w = caution_mark_width(size)
    if spacing.one_caution:
        joined = " ".join(item.stretch.cautions)
        cautions = (tuple(wrap(joined, REGULAR, size, width - mark_w)),) if joined else ()
    else:
        cautions = tuple(tuple(wrap(text, REGULAR, size, width - mark_w))
                         for text in item.stretch.cautions)
    dose = dose_text(item)
    return StretchText(dose, size, step_width, badge_height(size, dose, step_width), steps,
                       numbered, feel, cautions, spacing)


def balanced_wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """As few lines as `wrap` gives, but evened out, so no title ends on one lonely word."""
    count = len(wrap(text, font, size, width))
    while count > 1 and len(wrap(text, font, size, width - 4)) == count:
        width -= 4
    return tuple(wrap(text, font, size, width))


@dataclass(frozen=True)
class RunIn:
    """A bold lead-in ("Knee rolls.") with regular text continuing on its last line."""

    lead: tuple[str, ...]
    first: str                  # the regular text sharing the lead's last line
    rest: tuple[str, ...]

    @property
    def rows(self) -> int:
        return len(self.lead) + len(self.rest)


def run_in(lead: str, text: str, size: float, width: float) -> RunIn:
    """Wraps `lead` in bold and `text` after it, sharing a line, so a name costs no line."""
    lead_lines = tuple(wrap(lead, BOLD, size, width))
    room = width - text_width(lead_lines[-1] + " ", BOLD, size)
    words = text.split()
    first = ""
    while words and text_width(f"{first} {words[0]}".strip(), REGULAR, size) <= room:
        first = f"{first} {words.pop(0)}".strip()
    return RunIn(lead_lines, first, tuple(wrap(" ".join(words), REGULAR, size, width)))


def draw_run_in(c, text: RunIn, x: float, top: float, size: float) -> float:
    """Draws a RunIn downward from `top`; returns the new top."""
    y = draw_lines(c, text.lead, x, top, BOLD, size)
    if text.first:
        c.setFont(REGULAR, size)
        c.drawString(x + text_width(text.lead[-1] + " ", BOLD, size),
                     y + leading(size) - size * 0.93, text.first)
    return draw_lines(c, text.rest, x, y, REGULAR, size)


# --- blocks for a flow of text (the handout's) ----------------------------------------------
def section_heading(text: str, size: float, width: float, bookmark: str = "", note: str = "",
                    note_size: float = 0.0) -> Block:
    """A section's heading over a rule, in the accent colour, and an optional muted note under
    the rule that introduces the section; it stays with the block after it, so a page never
    ends on a heading."""
    lines = wrap(text, BOLD, size, width)
    rule_h = leading(size) * len(lines) + 4
    notes = wrap(note, REGULAR, note_size, width) if note else []
    height = rule_h + (6 + leading(note_size) * len(notes) if notes else 0)

    def paint(c, x, top):
        draw_lines(c, lines, x, top, BOLD, size, ACCENT)
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.0)
        c.line(x, top - rule_h + 1, x + width, top - rule_h + 1)
        if notes:
            draw_lines(c, notes, x, top - rule_h - 6, REGULAR, note_size, MUTED)

    return Block(height, paint, bookmark, keep_with_next=True)


def bullet_list(items: Sequence[str], size: float, width: float, gap: float, heading: str = "",
                alert: str = "", min_height: float = 0.0, closing: str = "") -> Block:
    """A bulleted list, `gap` between items so separate items read as separate actions, under
    an optional bold heading and over an optional bold closing line.

    A red-flag list (`alert` EMERGENCY or URGENT) sits in a red-edged box at least
    `min_height` tall (so boxes side by side line up). The two kinds differ by shape and weight
    as well as colour, so they differ in grayscale too: the emergency box has a heavy edge, a
    tinted ground and its heading reversed out of a solid band; the see-a-doctor box a light
    edge, a white ground and a red heading.
    """
    boxed, emergency = bool(alert), alert == EMERGENCY
    pad = 10.0 if boxed else 0.0
    inner = width - 2 * pad
    bullet_w = text_width("•  ", REGULAR, size)
    head = wrap(heading, BOLD, size, inner)
    rows = [wrap(text, REGULAR, size, inner - bullet_w) for text in items]
    tail = wrap(closing, BOLD, size, inner)
    lead = leading(size)
    band = lead * len(head) + (gap if head else 0)
    height = max(min_height, band + sum(lead * len(r) + gap for r in rows) - gap
                 + (gap + lead * len(tail) if tail else 0) + 2 * pad)

    def paint(c, x, top):
        if boxed:
            c.setFillColorRGB(*(STOP_FILL if emergency else WHITE))
            c.setStrokeColorRGB(*STOP_LINE)
            c.setLineWidth(2.4 if emergency else 1.0)
            c.roundRect(x, top - height, width, height, 6, stroke=1, fill=1)
        if emergency and head:
            c.setFillColorRGB(*STOP_LINE)
            c.rect(x + pad - 4, top - pad - band + gap / 2 - 2, inner + 8, band - gap / 2 + 4,
                   stroke=0, fill=1)
        color = WHITE if emergency else (STOP_LINE if boxed else INK)
        y = draw_lines(c, head, x + pad, top - pad, BOLD, size, color)
        y -= gap if head else 0
        for lines in rows:
            c.setFillColorRGB(*INK)
            c.setFont(REGULAR, size)
            c.drawString(x + pad, y - size * 0.93, "•")
            y = draw_lines(c, lines, x + pad + bullet_w, y, REGULAR, size) - gap
        if tail:
            draw_lines(c, tail, x + pad, y, BOLD, size)

    return Block(height, paint)


def side_by_side(left: Block, right: Block, offset: float) -> Block:
    """Two blocks as one, the right one `offset` from the left's x: they share a page."""
    def paint(c, x, top):
        left.paint(c, x, top)
        right.paint(c, x + offset, top)

    return Block(max(left.height, right.height), paint)


def paragraph(text: str, font: str, size: float, width: float, color=INK) -> Block:
    """Plain wrapped text."""
    lines = wrap(text, font, size, width)

    def paint(c, x, top):
        draw_lines(c, lines, x, top, font, size, color)

    return Block(leading(size) * len(lines), paint)
