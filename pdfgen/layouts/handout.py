"""The clinic handout: a multi-page document a clinician fills in and gives to a patient.

The pages are a flow of blocks: the clinic's header, the title, the fields to fill in, the
routine at a glance, how to stretch safely with the red flags, one block per stretch, a weekly
tracker and the sources. Every block is measured with the same functions that draw it, and a
block never splits across pages: pagination is decided before anything is drawn, which is also
how each page knows it is "page x of y".
"""

from __future__ import annotations

from ..errors import LayoutError
from ..model import Plan, PlannedStretch, format_seconds
from ..paper import MM, Paper
from .blocks import (Block, FlowedPages, Spacing, bullet_list, paginate, paragraph,
                     section_heading, stretch_text)
from .brand import clinic_header
from .common import BOLD, MUTED, REGULAR, draw_lines, leading, wrap
from .context import RenderContext
from .engine import NoFit, PageTemplate
from .forms import fields_block, tracker_block
from .furniture import PageFooter
from .glance import glance_block
from .safety import TextBlock, safety_blocks, source_line
from .stretch import HeadingStyle, Placement, StretchBlock, heading
from .typescale import HANDOUT, HANDOUT_LARGE, HANDOUT_NORMAL

MARGIN = 16 * MM          # roomier than the 10 mm printer limit: a handout is read, not pinned up
FOOTER_GAP = 8 * MM       # the page footer sits in the bottom margin, still 10 mm from the edge
BLOCK_GAP = HANDOUT.gap
ITEM_GAP = 4.0            # between steps and bullets: separate items read as separate actions
TEXT_SPACING = Spacing(after_badge=8, step_gap=ITEM_GAP, before_feel=4, before_cautions=0,
                       caution_gap=ITEM_GAP, one_caution=False)
WIDE_FIGURE = 1.8         # figures wider than this span the page; narrower ones sit beside text


class Handout:
    """The handout's blocks for a plan on a paper, in reading order."""

    def __init__(self, plan: Plan, paper: Paper, ctx: RenderContext):
        self.plan, self.paper, self.ctx = plan, paper, ctx
        self.style = HANDOUT_LARGE if ctx.large_print else HANDOUT_NORMAL
        self.width = paper.width - 2 * MARGIN
        clinic = ctx.clinic
        self.frequency = ctx.fields.frequency or (clinic.frequency if clinic else "")

    def blocks(self) -> list[Block]:
        """The flow in reading order. The sources close the safety section rather than the
        handout: at the end, a few small lines could take a page of their own."""
        s, width, ctx = self.style, self.width, self.ctx
        header = clinic_header(ctx.clinic, s.heading, s.small, width, ctx.grayscale)
        flow = [*([header] if header else []), self.title_block(),
                fields_block(s, width, ctx.fields, self.frequency),
                glance_block(self.plan, s, width), *self.safety(),
                paragraph(source_line(self.plan, ctx.safety), REGULAR, s.small, width, MUTED),
                section_heading("Your stretches", s.heading, width, "Your stretches")]
        flow += [self.stretch(n, item) for n, item in enumerate(self.plan.items, 1)]
        flow.append(tracker_block(s, width, [i.stretch.name for i in self.plan.items],
                                  self.frequency, self.paper.label))
        return flow

    def footer(self) -> PageFooter:
        """The clinic (or stretchcard) and the title on every page, and "Page x of y"."""
        left = self.ctx.clinic.name if self.ctx.clinic else "stretchcard"
        return PageFooter(f"{left}  ·  {self.plan.title}", MARGIN, MARGIN - 2, self.width,
                          self.style.small)

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

    def safety(self) -> list[Block]:
        """How to stretch safely, each group of red flags in a box, this patient's cautions."""
        rules, emergency, urgent, *personal = safety_blocks(self.plan, self.ctx.safety)
        size, width = self.style.body, self.width
        blocks = [section_heading("How to stretch safely", self.style.heading, width,
                                  "How to stretch safely"),
                  bullet_list(rules.lines, size, width, ITEM_GAP),
                  bullet_list(emergency.lines, size, width, ITEM_GAP, emergency.heading, boxed=True),
                  bullet_list(urgent.lines, size, width, ITEM_GAP, urgent.heading, boxed=True)]
        clinic = self.ctx.clinic
        if clinic and clinic.disclaimer:
            personal.append(TextBlock("From your clinic", (clinic.disclaimer,)))
        blocks.extend(bullet_list(b.lines, size, width, ITEM_GAP, b.heading) for b in personal)
        return blocks

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

class HandoutDesign:
    """The handout as a page design for the layout engine."""

    name = "handout"

    def measure(self, plan: Plan, paper: Paper, ctx: RenderContext) -> FlowedPages | NoFit:
        if paper.card:
            return NoFit(f"the handout needs a full sheet, not {paper.label}; "
                         "try --paper letter or --paper a4, or --layout card")
        handout = Handout(plan, paper, ctx)
        try:
            pages = paginate(handout.blocks(), paper.height - MARGIN, MARGIN + FOOTER_GAP,
                             BLOCK_GAP, paper.label)
        except LayoutError as exc:
            return NoFit(str(exc))
        return FlowedPages(tuple(tuple(page) for page in pages), MARGIN,
                           PageTemplate(paper, handout.footer(), outline=True))

    def other_papers(self, paper: Paper) -> tuple[tuple[Paper, ...], int]:
        return (), 0

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str:
        return failed.reason


DESIGN = HandoutDesign()

