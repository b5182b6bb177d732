"""The clinic handout: a multi-page document a clinician fills in and gives to a patient.

The pages are a flow of blocks: the clinic's header, the title, the fields to fill in, the
routine at a glance, how to stretch safely with the red flags, one block per stretch, a weekly
tracker and the sources. Every block is measured with the same functions that draw it, and a
block never splits across pages: pagination is decided before anything is drawn, which is also
how each page knows it is "page x of y".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import LayoutError
from ..model import Plan, PlannedStretch, format_seconds
from ..paper import MM, Paper
from .blocks import Block, Spacing, paginate, stretch_text
from .common import (ACCENT, BOLD, BOX_LINE, INK, MUTED, REGULAR, STOP_FILL, STOP_LINE, dose_text,
                     draw_lines, draw_number, leading, text_width, wrap)
from .safety import TextBlock, safety_blocks, source_line
from .brand import clinic_header
from .typescale import HANDOUT, HANDOUT_LARGE, HANDOUT_NORMAL
from .context import RenderContext
from .stretch import HeadingStyle, Placement, StretchBlock, heading
from .engine import Box, NoFit, PageTemplate
from .forms import fields_block, tracker_block

MARGIN = 16 * MM          # roomier than the 10 mm printer limit: a handout is read, not pinned up
FOOTER_GAP = 8 * MM       # the page footer sits in the bottom margin, still 10 mm from the edge
BLOCK_GAP = HANDOUT.gap
ITEM_GAP = 4.0            # between steps and bullets: separate items read as separate actions
TEXT_SPACING = Spacing(after_badge=8, step_gap=ITEM_GAP, before_feel=4, before_cautions=0,
                       caution_gap=ITEM_GAP, one_caution=False)
WIDE_FIGURE = 1.8         # figures wider than this span the page; narrower ones sit beside text


class Handout:
    def __init__(self, plan: Plan, paper: Paper, ctx: RenderContext):
        self.plan, self.paper, self.ctx = plan, paper, ctx
        self.style = HANDOUT_LARGE if ctx.large_print else HANDOUT_NORMAL
        self.width = paper.width - 2 * MARGIN
        self.top = paper.height - MARGIN
        self.bottom = MARGIN + FOOTER_GAP
        clinic = ctx.clinic
        self.frequency = ctx.fields.frequency or (clinic.frequency if clinic else "")

    # --- the flow ------------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        """The flow in reading order. The sources close the safety section rather than the
        handout: at the end, a few small lines could take a page of their own."""
        form = fields_block(self.style, self.width, self.ctx.fields, self.frequency)
        flow = [b for b in (clinic_header(self.ctx.clinic, self.style.heading, self.style.small, self.width,
                                          self.ctx.grayscale), self.title_block(), form) if b]
        flow += [self.glance(), *self.safety(), self.sources(),
                 self.heading_block("Your stretches", "Your stretches")]
        flow += [self.stretch(n, item) for n, item in enumerate(self.plan.items, 1)]
        flow.append(tracker_block(self.style, self.width,
                                  [i.stretch.name for i in self.plan.items], self.frequency,
                                  self.paper.label))
        return flow

    # --- page furniture -----------------------------------------------------------------
    def footer(self, c, number: int, total: int) -> None:
        size = self.style.small
        y = MARGIN - 2
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.6)
        c.line(MARGIN, y + size + 2, MARGIN + self.width, y + size + 2)
        c.setFillColorRGB(*MUTED)
        c.setFont(REGULAR, size)
        label = f"Page {number} of {total}"
        left = self.ctx.clinic.name if self.ctx.clinic else "stretchcard"
        room = self.width - text_width(label, BOLD, size) - 20
        c.drawString(MARGIN, y, _fit_line(f"{left}  ·  {self.plan.title}", size, room))
        c.setFont(BOLD, size)
        c.drawRightString(MARGIN + self.width, y, label)

    def title_block(self) -> Block:
        s = self.style
        title = wrap(self.plan.title, BOLD, s.title, self.width)
        n = len(self.plan.items)
        areas = ", ".join(a.title.lower() for a in self.plan.areas)
        sub = wrap(f"{n} stretch{'es' if n != 1 else ''}  ·  about "
                   f"{format_seconds(self.plan.total_s)} in all  ·  for your {areas}",
                   REGULAR, s.body, self.width)
        height = leading(s.title) * len(title) + 4 + leading(s.body) * len(sub)

        def paint(c, x, top):
            y = draw_lines(c, title, x, top, BOLD, s.title)
            draw_lines(c, sub, x, y - 4, REGULAR, s.body, MUTED)

        return Block(height, paint)

    def glance(self) -> Block:
        """The routine at a glance: number, name, dose and time for each stretch."""
        s = self.style
        time_w = max(text_width(format_seconds(i.duration_s), REGULAR, s.body)
                     for i in self.plan.items)
        dose_w = max(text_width(dose_text(i), REGULAR, s.body) for i in self.plan.items)
        name_w = self.width - 2.4 * s.body - dose_w - time_w - 40
        # Too narrow for three columns: the dose goes on its own line under the name.
        stacked = name_w < 150
        if stacked:
            name_w = self.width - 2.4 * s.body - time_w - 20
        rows = [wrap(i.stretch.name, BOLD, s.body, name_w) + ([dose_text(i)] if stacked else [])
                for i in self.plan.items]
        row_hs = [leading(s.body) * len(r) + 8 for r in rows]
        head = leading(s.heading) + 6
        total_line = (f"About {format_seconds(self.plan.total_s)} in all, "
                      "including moving from one stretch to the next.")
        total = wrap(total_line, REGULAR, s.body, self.width)
        height = head + sum(row_hs) + 6 + leading(s.body) * len(total)

        def paint(c, x, top):
            y = draw_lines(c, ["Your routine at a glance"], x, top, BOLD, s.heading) - 6
            for n, (item, lines, h) in enumerate(zip(self.plan.items, rows, row_hs), 1):
                radius = s.body * 0.8
                draw_number(c, x + radius, y - 4 - radius * 0.9, radius, n)
                names = lines[:-1] if stacked else lines
                below = draw_lines(c, names, x + 2.4 * s.body, y - 4, BOLD, s.body)
                c.setFont(REGULAR, s.body)
                base = y - 4 - s.body * 0.93
                if stacked:
                    draw_lines(c, lines[-1:], x + 2.4 * s.body, below, REGULAR, s.body)
                else:
                    c.drawString(x + self.width - time_w - dose_w - 20, base, dose_text(item))
                c.setFont(REGULAR, s.body)
                c.drawRightString(x + self.width, base, format_seconds(item.duration_s))
                y -= h
                c.setStrokeColorRGB(*BOX_LINE)
                c.setLineWidth(0.5)
                c.line(x, y + 2, x + self.width, y + 2)
            draw_lines(c, total, x, y - 6, REGULAR, s.body, MUTED)

        return Block(height, paint)

    def heading_block(self, text: str, bookmark: str = "") -> Block:
        s = self.style
        lines = wrap(text, BOLD, s.heading, self.width)
        height = leading(s.heading) * len(lines) + 4

        def paint(c, x, top):
            draw_lines(c, lines, x, top, BOLD, s.heading, ACCENT)
            c.setStrokeColorRGB(*ACCENT)
            c.setLineWidth(1.0)
            c.line(x, top - height + 1, x + self.width, top - height + 1)

        return Block(height, paint, bookmark, keep_with_next=True)

    def safety(self) -> list[Block]:
        """How to stretch safely, each group of red flags in a box, this patient's cautions."""
        rules, emergency, urgent, *personal = safety_blocks(self.plan, self.ctx.safety)
        blocks = [self.heading_block("How to stretch safely", "How to stretch safely"),
                  self.bullets(rules.lines),
                  self.bullets(emergency.lines, emergency.heading, boxed=True),
                  self.bullets(urgent.lines, urgent.heading, boxed=True)]
        clinic = self.ctx.clinic
        if clinic and clinic.disclaimer:
            personal.append(TextBlock("From your clinic", (clinic.disclaimer,)))
        blocks.extend(self.bullets(b.lines, b.heading) for b in personal)
        return blocks

    def bullets(self, items: tuple[str, ...], heading: str = "", boxed: bool = False) -> Block:
        """A bulleted list with space between items; red flags get a red-edged box."""
        s = self.style
        pad = 10.0 if boxed else 0.0
        inner = self.width - 2 * pad
        bullet_w = text_width("•  ", REGULAR, s.body)
        head = wrap(heading, BOLD, s.body, inner)
        rows = [wrap(text, REGULAR, s.body, inner - bullet_w) for text in items]
        lead = leading(s.body)
        height = (lead * len(head) + (ITEM_GAP if head else 0)
                  + sum(lead * len(r) + ITEM_GAP for r in rows) - ITEM_GAP + 2 * pad)

        def paint(c, x, top):
            if boxed:
                c.setFillColorRGB(*STOP_FILL)
                c.setStrokeColorRGB(*STOP_LINE)
                c.setLineWidth(1.4)
                c.roundRect(x, top - height, self.width, height, 6, stroke=1, fill=1)
            y = draw_lines(c, head, x + pad, top - pad, BOLD, s.body,
                           STOP_LINE if boxed else INK)
            y -= ITEM_GAP if head else 0
            for lines in rows:
                c.setFillColorRGB(*INK)
                c.setFont(REGULAR, s.body)
                c.drawString(x + pad, y - s.body * 0.93, "•")
                y = draw_lines(c, lines, x + pad + bullet_w, y, REGULAR, s.body) - ITEM_GAP

        return Block(height, paint)

    # --- one stretch ----------------------------------------------------------------------
    def stretch(self, number: int, item: PlannedStretch) -> Block:
        """Name and time, a large figure, the dose, every step, where to feel it, cautions.

        A wide figure (lying poses) spans the page above the text; an upright one stands
        beside the text, so neither is shrunk to fit the other's shape.
        """
        s = self.style
        radius = s.heading * 0.8
        head = heading(number, item.stretch.name, s.heading, self.width,
                       HeadingStyle(radius, 2 * radius + 10, rise=-1, after=8),
                       format_seconds(item.duration_s), s.body)
        aspect = self._figure_aspect(item)
        if aspect < WIDE_FIGURE:
            fig_w = min(self.width * 0.45, s.figure_h * aspect + 16)
            fig_h, text_x, placement = s.figure_h, fig_w + 14, Placement.BESIDE
        else:
            fig_w, fig_h = self.width, min(s.figure_h, (self.width - 16) / aspect + 12)
            text_x, placement = 0.0, Placement.ABOVE
        text = stretch_text(item, s.body, self.width - text_x, TEXT_SPACING)
        block = StretchBlock(head, text, placement, fig_w, fig_h, text_x, gap=10,
                             head_h=head.height(), framed=True)
        return Block(block.height(), lambda c, x, top: block.draw(c, self.ctx, item, x, top),
                     bookmark=f"{number}. {item.stretch.name}")

    def _figure_aspect(self, item: PlannedStretch) -> float:
        if item.stretch.image:
            return 1.0
        x0, y0, x1, y1 = self.ctx.geometry(item.stretch.figure).bbox
        return (x1 - x0) / max(y1 - y0, 1e-6)

    # --- the tracker and sources ------------------------------------------------------------
    def sources(self) -> Block:
        size = self.style.small
        lines = wrap(source_line(self.plan, self.ctx.safety), REGULAR, size, self.width)
        height = leading(size) * len(lines)

        def paint(c, x, top):
            draw_lines(c, lines, x, top, REGULAR, size, MUTED)

        return Block(height, paint)


def _fit_line(text: str, size: float, width: float) -> str:
    """Shortens a footer line with an ellipsis so it never runs into the page number."""
    if text_width(text, REGULAR, size) <= width:
        return text
    while text and text_width(text + "…", REGULAR, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class FittedHandout:
    """The handout cut into pages: each page's blocks with the y of their tops."""

    pages: tuple[tuple[tuple[Block, float], ...], ...]
    template: PageTemplate

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def figure_boxes(self) -> list[Box]:
        return []

    def draw_page(self, c, number: int) -> None:
        """Draws the page's blocks, each bookmarked block with its entry in the outline."""
        marks = sum(1 for page in self.pages[:number - 1] for block, _ in page if block.bookmark)
        for block, top in self.pages[number - 1]:
            if block.bookmark:
                marks += 1
                c.bookmarkPage(f"b{marks}", fit="XYZ", top=top + 4, left=0, zoom=0)
                c.addOutlineEntry(block.bookmark, f"b{marks}", level=0)
            block.paint(c, MARGIN, top)


class HandoutDesign:
    """The handout as a page design for the layout engine."""

    name = "handout"

    def measure(self, plan: Plan, paper: Paper, ctx: RenderContext) -> FittedHandout | NoFit:
        if paper.card:
            return NoFit(f"the handout needs a full sheet, not {paper.label}; "
                         "try --paper letter or --paper a4, or --layout card")
        handout = Handout(plan, paper, ctx)
        try:
            pages = paginate(handout.blocks(), handout.top, handout.bottom, BLOCK_GAP, paper.label)
        except LayoutError as exc:
            return NoFit(str(exc))
        return FittedHandout(tuple(tuple(page) for page in pages),
                             PageTemplate(paper, handout.footer, outline=True))

    def other_papers(self, paper: Paper) -> tuple[tuple[Paper, ...], int]:
        return (), 0

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str:
        return failed.reason


DESIGN = HandoutDesign()

