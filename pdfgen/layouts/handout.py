"""The clinic handout: a multi-page document a clinician fills in and gives to a patient.

The pages are a flow of blocks: the clinic's header, the title, the fields to fill in, how to
stretch safely (the red flags first), the routine at a glance and the points to remember, one
block per stretch and a weekly tracker (last, or after the fields or the routine at a glance),
with the sources after the safety section or the tracker. Every block is measured with the same
functions that draw it, and a block never splits across pages: pagination is decided before
anything is drawn, which is also how each page knows it is "page x of y". The design paginates a few variants (figure sizes, where the sources and the
tracker go) and keeps the one with the fewest pages.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from ..errors import LayoutError
from ..model import Plan, PlannedStretch, about_minutes, minutes_words
from ..paper import MM, Paper
from .blocks import (Block, FlowedPages, Spacing, bullet_list, paginate, paragraph,
                     section_heading, side_by_side, stretch_text)
from .brand import clinic_header
from .common import BOLD, MUTED, REGULAR, draw_lines, figure_legend, leading, wrap
from .context import RenderContext
from .engine import NoFit, PageTemplate
from .forms import fields_block, tracker_block
from .furniture import PageFooter
from .glance import glance_block
from .recap import HEADING as RECAP_HEADING, remember_points
from .safety import TextBlock, safety_blocks, source_line
from .stretch import HeadingStyle, Placement, StretchBlock, heading
from .typescale import HANDOUT, HANDOUT_LARGE, HANDOUT_NORMAL

MARGIN = 16 * MM          # roomier than the 10 mm printer limit: a handout is read, not pinned up
FOOTER_GAP = 8 * MM       # the page footer sits in the bottom margin, still 10 mm from the edge
BLOCK_GAP = HANDOUT.gap
ITEM_GAP = 4.0            # between steps and bullets: separate items read as separate actions
TEXT_SPACING = Spacing(after_badge=8, step_gap=ITEM_GAP, before_feel=4, before_cautions=0,
                       caution_gap=ITEM_GAP, one_caution=False)
WIDE_FIGURE = 1.8         # figures wider than this (lying poses) keep their width, not height
FIGURE_SHARES = (0.40, 0.34, 0.28)   # of the width, for a figure beside its steps:
# the largest that takes no more pages than a smaller one
TEXT_GAP = 14.0           # between the figure's frame and the text beside it
UPRIGHT_MIN = 0.7         # an upright figure beside short text: at least this share of its height
MIN_COLUMN_EM = 18        # a text column narrower than this many body sizes reads badly
# Where the tracker may go, the usual place first.
TRACKER_LAST, TRACKER_AFTER_GLANCE, TRACKER_AFTER_FIELDS = "last", "after glance", "after fields"
TRACKER_PLACES = (TRACKER_LAST, TRACKER_AFTER_GLANCE, TRACKER_AFTER_FIELDS)
# (sources last, where the tracker goes), the first preferred among equals.
VARIANTS = ((False, TRACKER_LAST), (True, TRACKER_LAST), (False, TRACKER_AFTER_GLANCE),
            (False, TRACKER_AFTER_FIELDS))


class Handout:
    """The handout's blocks for a plan on a paper, in reading order."""

    def __init__(self, plan: Plan, paper: Paper, ctx: RenderContext):
        self.plan, self.paper, self.ctx = plan, paper, ctx
        self.style = HANDOUT_LARGE if ctx.large_print else HANDOUT_NORMAL
        self.width = paper.width - 2 * MARGIN
        self.frequency = ctx.frequency
        self._stretches: dict[float, list[Block]] = {}

    def blocks(self, figure_share: float = FIGURE_SHARES[0], sources_last: bool = False,
               tracker_at: str = TRACKER_LAST) -> list[Block]:
        """The flow in reading order, its stretch figures `figure_share` of the width. The
        sources stay on the page of the block before them, never alone at the top of a page:
        they close the safety section or, with `sources_last`, the handout on the tracker's
        page. The tracker closes the handout or (`tracker_at`) follows the fields to fill in
        or the routine at a glance, where a page would otherwise be part empty. With a number
        of stretches per page, the stretches start a page, and a new one every that many."""
        per_page = self.ctx.stretches_per_page
        *head, fields = self.top
        *safety, last = self.safety_section
        stretches = [replace(block, new_page=bool(per_page and k and k % per_page == 0))
                     for k, block in enumerate(self.stretches(figure_share))]
        sources, glance, heading, remember, tracker = self.back
        closing = [replace(tracker, keep_with_next=True), sources] if sources_last else [tracker]
        at = {where: closing if where == tracker_at else [] for where in TRACKER_PLACES}
        return [*head, fields, *at[TRACKER_AFTER_FIELDS], *safety,
                *([last] if sources_last else [replace(last, keep_with_next=True), sources]),
                glance, remember, *at[TRACKER_AFTER_GLANCE],
                replace(heading, new_page=bool(per_page)), *stretches, *at[TRACKER_LAST]]

    @functools.cached_property
    def top(self) -> list[Block]:
        """The clinic's header, the title and the fields to fill in: measured once."""
        s, width, ctx = self.style, self.width, self.ctx
        header = clinic_header(ctx.clinic, s.heading, s.small, width, ctx.grayscale)
        return [*([header] if header else []), self.title_block(),
                fields_block(s, width, ctx.fields, self.frequency)]

    @functools.cached_property
    def safety_section(self) -> list[Block]:
        """How to stretch safely: measured once."""
        return self.safety()

    @functools.cached_property
    def back(self) -> tuple[Block, Block, Block, Block, Block]:
        """The sources, the routine at a glance, the stretches' heading, the points to
        remember (which close the routine at a glance) and the tracker."""
        s, width = self.style, self.width
        remember = bullet_list(remember_points(self.plan, self.ctx), s.body, width, ITEM_GAP,
                               RECAP_HEADING)
        return (paragraph(source_line(self.plan, self.ctx.safety), REGULAR, s.small, width, MUTED),
                glance_block(self.plan, s, width),
                section_heading("Your stretches", s.heading, width, "Your stretches",
                                figure_legend(self.ctx.grayscale,
                                              self.ctx.figure_marks(self.plan.items)), s.body),
                remember,
                tracker_block(s, width, [i.stretch.name for i in self.plan.items],
                              self.frequency, self.paper.label))

    def stretches(self, figure_share: float) -> list[Block]:
        """One block per stretch at a figure share: measured once, whichever way the sources
        are placed."""
        if figure_share not in self._stretches:
            self._stretches[figure_share] = [self.stretch(n, item, figure_share)
                                             for n, item in enumerate(self.plan.items, 1)]
        return self._stretches[figure_share]

    def footer(self) -> PageFooter:
        """The clinic (or stretchcard) and the title on every page, or as much of the pair as
        fits whole, and "Page x of y"."""
        who, title = self.ctx.clinic.name if self.ctx.clinic else "stretchcard", self.plan.title
        return PageFooter((f"{who}  ·  {title}", title, who), MARGIN, MARGIN - 2, self.width,
                          self.style.small)

    def title_block(self) -> Block:
        s = self.style
        title = wrap(self.plan.title, BOLD, s.title, self.width)
        n = len(self.plan.items)
        areas = ", ".join(a.plain for a in self.plan.areas)
        sub = wrap(f"{n} stretch{'es' if n != 1 else ''}  ·  "
                   f"{about_minutes(self.plan.total_s)} in all  ·  for your {areas}",
                   REGULAR, s.body, self.width)
        height = leading(s.title) * len(title) + 4 + leading(s.body) * len(sub)

        def paint(c, x, top):
            y = draw_lines(c, title, x, top, BOLD, s.title)
            draw_lines(c, sub, x, y - 4, REGULAR, s.body, MUTED)

        return Block(height, paint)

    def safety(self) -> list[Block]:
        """How to stretch safely: the red flags first, then the general rules, each named
        condition's caution under its name, this patient's notes and the clinic's word."""
        emergency, urgent, rules, *personal = safety_blocks(self.plan, self.ctx.safety)
        size, width = self.style.body, self.width
        blocks = [section_heading("How to stretch safely", self.style.heading, width,
                                  "How to stretch safely"),
                  *self.red_flags(emergency, urgent),
                  bullet_list(rules.lines, size, width, ITEM_GAP)]
        clinic = self.ctx.clinic
        if clinic and clinic.disclaimer:
            personal.append(TextBlock("From your clinic", (clinic.disclaimer,)))
        blocks.extend(bullet_list(b.lines, size, width, ITEM_GAP, b.heading) for b in personal)
        return blocks

    def red_flags(self, emergency: TextBlock, urgent: TextBlock) -> list[Block]:
        """The two red-flag boxes, kept on one page: side by side where each column stays
        readable, else one above the other (parting only on a page too small for both), the
        emergency first; the stop rule closes the see-a-doctor box on a line of its own."""
        size, width = self.style.body, self.width
        column = (width - BLOCK_GAP) / 2
        narrow = column < MIN_COLUMN_EM * size

        def box(block: TextBlock, w: float, tall: float = 0.0) -> Block:
            return bullet_list(block.lines, size, w, ITEM_GAP, block.heading, block.alert, tall,
                               block.closing)

        if narrow:
            return [replace(box(emergency, width), keep_with_next=True), box(urgent, width)]
        tall = max(box(b, column).height for b in (emergency, urgent))
        return [side_by_side(box(emergency, column, tall), box(urgent, column, tall),
                             column + BLOCK_GAP)]

    # --- one stretch ----------------------------------------------------------------------
    def stretch(self, number: int, item: PlannedStretch, share: float) -> Block:
        """Name and time, the figure beside the dose, every step, where to feel it and the
        cautions; on a page too narrow for a readable column beside it, the figure spans the
        page above the text. A lying pose keeps its width and an upright one its height, so
        neither is shrunk to fit the other's shape."""
        s = self.style
        radius = s.heading * 0.8
        head = heading(number, item.stretch.name, s.heading, self.width,
                       HeadingStyle(radius, 2 * radius + 10, rise=-1, after=8),
                       minutes_words(item.duration_s), s.body)
        aspect = self._figure_aspect(item)
        beside = self.width * (1 - share) - TEXT_GAP >= MIN_COLUMN_EM * s.body
        fig_w = self.width * share if beside else self.width
        if not beside:
            # Above the text: no taller than leaves the whole block on one page.
            below = stretch_text(item, s.body, self.width, TEXT_SPACING).height()
            room = self.paper.height - 2 * MARGIN - FOOTER_GAP - head.height() - 10 - below
            fig_h = max(s.figure_h * UPRIGHT_MIN, min(s.figure_h, room, (fig_w - 16) / aspect + 12))
            fig_w = min(fig_w, fig_h * aspect + 16)
        elif aspect >= WIDE_FIGURE:
            fig_h = min(s.figure_h, (fig_w - 16) / aspect + 12)
        else:
            # As tall as the text beside it (within limits), not a fixed height the text
            # leaves half empty: measured at full height, then at the text's.
            most = fig_w
            fig_w = min(most, s.figure_h * aspect + 16)
            tall = stretch_text(item, s.body, self.width - fig_w - TEXT_GAP, TEXT_SPACING).height()
            fig_h = max(s.figure_h * UPRIGHT_MIN, min(s.figure_h, tall))
            fig_w = min(most, fig_h * aspect + 16)
        text_x = fig_w + TEXT_GAP if beside else 0.0
        text = stretch_text(item, s.body, self.width - text_x, TEXT_SPACING)
        block = StretchBlock(head, text, Placement.BESIDE if beside else Placement.ABOVE, fig_w,
                             fig_h, text_x, gap=10, head_h=head.height(), framed=True)
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
        """The handout in as few pages as its variants allow (figure sizes, where the sources
        and the tracker go), with its figures as large as they can be without costing a page;
        among equals, the first variant (sources after the safety, the tracker last)."""
        if paper.card:
            return NoFit(f"the handout needs a full sheet, not {paper.label}; "
                         "try --paper letter or --paper a4, or --layout card")
        handout = Handout(plan, paper, ctx)
        template = PageTemplate(paper, handout.footer(), outline=True)
        best: FlowedPages | None = None
        for share in FIGURE_SHARES:
            for sources_last, tracker_at in VARIANTS:
                try:
                    pages = paginate(handout.blocks(share, sources_last, tracker_at),
                                     paper.height - MARGIN,
                                     MARGIN + FOOTER_GAP, BLOCK_GAP, paper.label)
                except LayoutError as exc:
                    return NoFit(str(exc))
                if best is None or len(pages) < best.page_count:
                    best = FlowedPages(tuple(tuple(page) for page in pages), MARGIN, template)
        return best

    def other_papers(self, paper: Paper) -> tuple[tuple[Paper, ...], int]:
        return (), 0

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str:
        return failed.reason


DESIGN = HandoutDesign()

