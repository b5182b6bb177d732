"""The one-page poster: a masthead, a numbered grid of stretch cells, and a safety footer.

A stretch's instructions are never cut short: the design prints every step if they fit at
10 pt or more, otherwise each stretch's 2-4 short steps, and only where even those do not fit
its one-line summary (the whole movement in a sentence; the handout has the steps). For each, it tries type sizes from large to small and
the grid shapes that suit the sheet; the first size that fits wins, with the shape that gives
the figures most room. Body text never drops below 9 pt: a routine that cannot fit at 9 pt
is refused, not squeezed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Plan, PlannedStretch
from ..paper import PAPERS, Paper
from .blocks import Steps
from .context import RenderContext
from .common import BOLD, INK, STOP_LINE, draw_lines, leading, wrap
from .engine import Box, NoFit, PageTemplate, first_fit, numbered, numbered_parts, type_sizes
from .grid import Grid, grids
from .masthead import Masthead, masthead
from .recap import HEADING, Recap, recap, remember_points, week_row
from .safety import (RULES_AT, SafetyColumns, column_width, safety_blocks, safety_columns,
                     source_line)
from .typescale import POSTER, SMALL_PRINT_PT, growth

FULL_STEPS_MIN_PT = 10.0   # below this, a one-line summary reads better than five small steps
FOOTER_MAX_PT = 11.0
SET_SHEETS = 3              # a poster may spread over up to three numbered sheets: in large
# print, or on a sheet smaller than Letter (A5, half letter), where the red flags alone take
# more than half the page
GAP = POSTER.gap
# How the recap prints (see recap.py): in its box, run into the safety footer, or not at all.
RECAP_BOX, RECAP_IN_FOOTER, NO_RECAP = "box", "in footer", ""
RECAP_LEAD = HEADING + ":"
# The steps and the recap, in the order tried (see `_Fitter.sheet`).
STEP_ORDER = ((Steps.FULL, True), (Steps.SHORT, True), (Steps.FULL, False), (Steps.SHORT, False),
              (Steps.SUMMARY, True), (Steps.SUMMARY, False))


@dataclass(frozen=True)
class SheetNote:
    """The footer of a later sheet in a set: the stop rule and where the warning signs are, in
    bold in a red-edged strip. The first sheet carries the whole safety section, so the sheets
    after it have room for twice the stretches."""

    lines: tuple[str, ...]
    size: float
    width: float

    @property
    def height(self) -> float:
        return len(self.lines) * leading(self.size) + 1.4 * self.size

    def draw(self, c, x: float, bottom: float) -> None:
        c.setStrokeColorRGB(*STOP_LINE)
        c.setLineWidth(1.2)
        c.roundRect(x, bottom, self.width, self.height, 6, stroke=1, fill=0)
        draw_lines(c, self.lines, x + self.size * 0.7, bottom + self.height - self.size * 0.7,
                   BOLD, self.size, INK)


@dataclass(frozen=True)
class Sheet:
    """One sheet of a poster: its stretches, masthead, grid and footer (the safety section, or
    on a later sheet of a set the note that points to it), all measured."""

    items: tuple[PlannedStretch, ...]
    head: Masthead
    grid: Grid | None           # None on a set's first sheet when it holds only the safety
    footer: SafetyColumns | SheetNote
    recap: Recap | None = None  # over the footer, where it fits: what to remember, a week to tick
    steps: Steps = Steps.SUMMARY    # how much of each stretch's steps its cells give


@dataclass(frozen=True)
class FittedPoster:
    """A poster measured for its paper: one sheet or, in large print, a numbered set."""

    ctx: RenderContext
    margin: float
    top: float                  # the page's top inside its margin
    sheets: tuple[Sheet, ...]
    template: PageTemplate

    @property
    def page_count(self) -> int:
        return len(self.sheets)

    def grid_top(self, sheet: Sheet) -> float:
        return self.top - sheet.head.height() - GAP

    def figure_boxes(self) -> list[Box]:
        """The figure boxes of the first sheet that has stretches."""
        first = next(sheet for sheet in self.sheets if sheet.grid is not None)
        return first.grid.figure_boxes(self.margin, self.grid_top(first))

    def draw_page(self, c, number: int) -> None:
        """The masthead, the grid and the footer at the foot of the page; a sheet that holds
        only the safety section has it right under the masthead."""
        sheet = self.sheets[number - 1]
        sheet.head.draw(c, self.margin, self.top)
        if sheet.grid is None:
            bottom = self.grid_top(sheet) - sheet.footer.height
            sheet.footer.draw(c, self.margin, bottom)
            if sheet.recap:
                sheet.recap.draw(c, self.margin, bottom - GAP)
            return
        sheet.grid.draw(c, self.ctx, sheet.items, self.margin, self.grid_top(sheet))
        sheet.footer.draw(c, self.margin, self.margin)
        slot = sheet.grid.extra_box(self.margin, self.grid_top(sheet))
        if slot:
            x, bottom, _, height = slot
            sheet.recap.draw(c, x, bottom + height, height)
        elif sheet.recap:
            sheet.recap.draw(c, self.margin, self.margin + sheet.footer.height + GAP
                             + sheet.recap.height)


class _Fitter:
    """The poster's measures for one plan on one paper: the type range (grown on a sheet
    larger than Letter) and the safety footer, shared by every sheet and option tried."""

    def __init__(self, plan: Plan, paper: Paper, ctx: RenderContext):
        self.plan, self.paper, self.ctx = plan, paper, ctx
        self.grow = growth(paper.width, paper.height)
        self.lo, hi = ((POSTER.large_min, POSTER.large_max) if ctx.large_print
                       else (POSTER.min_body, POSTER.max_body))
        self.hi, self.footer_max = (round(pt * self.grow * 2) / 2 for pt in (hi, FOOTER_MAX_PT))
        self.margin, self.width = paper.margin, paper.width - 2 * paper.margin

    def poster(self, count: int) -> FittedPoster | None:
        """The plan on `count` sheets, if each fits. A set's first sheet holds the safety
        section and as many stretches as fit beside it (on a small sheet, perhaps none); the
        rest share the later sheets evenly, each under a note that points back to the
        first. The recap goes on the last sheet, closing the routine."""
        items, n = self.plan.items, len(self.plan.items)
        for held in (range(n - count + 1, -1, -1) if count > 1 else (n,)):
            later = numbered_parts(items[held:], count - 1, "", "") if count > 1 else []
            parts = [items[:held]] + [part for _, part, _ in later]
            (start, part, title), *later = numbered(parts, self.plan.title, "sheet")
            first = self.sheet(part, start, title, run_together=count == 1, recap_here=count == 1)
            if first is None:
                continue
            rest = [self.sheet(part, start, title, note=True, recap_here=False)
                    for start, part, title in later]
            if not all(rest):
                return None
            sheets = [first, *rest]
            if count > 1:
                self._add_recap(sheets, later)
            return FittedPoster(self.ctx, self.margin, self.paper.height - self.margin,
                                tuple(sheets), PageTemplate(self.paper))
        return None

    def _add_recap(self, sheets: list[Sheet], later: list) -> None:
        """Puts the recap on the last later sheet that has room for it with the steps it has
        or, for every step, the short steps (closing the routine as near its end as it
        can)."""
        for k in range(len(later) - 1, -1, -1):
            start, part, title = later[k]
            fitted = self.sheet(part, start, title, note=True, recap_only=sheets[k + 1].steps)
            if fitted is not None:
                sheets[k + 1] = fitted
                return

    def sheet(self, items: tuple[PlannedStretch, ...], first: int, title: str,
              note: bool = False, run_together: bool = True,
              recap_here: bool = True, recap_only: Steps | None = None) -> Sheet | None:
        """These stretches' sheet at the first option that fits: every step at a comfortable
        size with the recap (see recap.py), else the short steps with it, else either without
        it, else the summaries with it, else without: numbered steps matter more than the
        recap, and both more than the figures' size; numbered steps with the rules to read
        before starting under the title come before any without them there (else those rules
        lead the footer's), and summaries last. Within each, the red flags as bulleted lists,
        else (if `run_together`: a set moves stretches to later sheets instead) run together;
        within each, type size from large to small. `note` puts
        the pointer to the first sheet where the safety section would be (and the recap, if
        `recap_here`, in its box); without `recap_here`, no recap. `recap_only` tries only
        the recap, with those steps or (for every step) the short steps."""
        heads = [masthead(self.plan, self.ctx, self.width, self.lo, self.grow, title, before,
                          items) for before in (True, False)]
        floors = {Steps.FULL: max(self.lo, FULL_STEPS_MIN_PT), Steps.SHORT: self.lo,
                  Steps.SUMMARY: self.lo}
        forms = (RECAP_BOX,) if note else (RECAP_BOX, RECAP_IN_FOOTER)
        def wanted(steps: Steps, with_recap: bool) -> bool:
            if recap_only is None:
                return recap_here or not with_recap
            return with_recap and steps in {recap_only, Steps.SHORT if recap_only == Steps.FULL
                                            else recap_only}

        order = [(steps, form) for steps, with_recap in STEP_ORDER if wanted(steps, with_recap)
                 for form in (forms if with_recap else (NO_RECAP,))]
        # Numbered steps with the rules to read first at the top, before either without them:
        # both are PEMAT-P items (22, 10), the steps' fullness is not.
        tiers = sorted(((steps, form, head) for steps, form in order for head in heads),
                       key=lambda t: (t[0] == Steps.SUMMARY, t[2].before is None))
        options = [(head, steps, bullets, size, form)
                   for steps, form, head in tiers
                   for bullets in ((True, False) if run_together and not note else (True,))
                   for size in type_sizes(self.hi, floors[steps])]
        return first_fit(options, lambda option: self.at(items, first, *option, note))

    def at(self, items: tuple[PlannedStretch, ...], first: int, head: Masthead, steps: Steps,
           bullets: bool, size: float, recap_form: str = NO_RECAP,
           note: bool = False) -> Sheet | None:
        """The grid shape that gives the figures most room at this size, and the footer as
        large as the height the grid leaves allows. The recap, in its box, takes the empty
        columns of the grid's short last row or sits over the footer, whichever leaves the
        figures more room; or it is run into the footer (see recap.py). The red flags start
        a point behind the body text: they are read as much as the steps, so a large poster
        must not print them small."""
        smallest = max(self.lo, min(size - 1.0, self.footer_max))
        shown, in_footer = head.before is not None, recap_form == RECAP_IN_FOOTER
        base = self.note(size) if note else self.footer(smallest, bullets, shown, in_footer)
        band = recap(self.plan, self.ctx, self.width, smallest) if recap_form == RECAP_BOX else None
        if base is None or (recap_form == RECAP_BOX and band is None):
            return None
        grid_h = self.paper.height - 2 * self.margin - head.height() - base.height - 2 * GAP
        if not items:
            grid_h -= band.height + GAP if band else 0.0
            return Sheet(items, head, None, base, band, steps) if grid_h >= 0 else None
        shape = (items, self.width, grid_h, GAP, size, steps, self.grow, first)
        options = []
        if band is not None:
            def slot_height(width: float) -> float | None:
                boxed = recap(self.plan, self.ctx, width, smallest)
                return boxed.height if boxed else None

            options = [(g, recap(self.plan, self.ctx, g.extra_box(0, 0)[2], smallest))
                       for g in grids(*shape, extra=slot_height)]
            shape = (items, self.width, grid_h - band.height - GAP, *shape[3:])
        options += [(g, band) for g in grids(*shape)]
        if not options:
            return None
        grid, kept = max(options, key=lambda o: (o[0].figure_size(), -o[0].cols))
        if note:
            return Sheet(items, head, grid, base, kept, steps)
        spare = grid_h - grid.height() - (kept.height + GAP if kept and not grid.extra_cols
                                          else 0.0)
        grown = first_fit(type_sizes(min(size, self.footer_max), smallest + 0.5),
                          lambda pt: self._footer_within(pt, bullets, shown, in_footer,
                                                         base.height, spare))
        return Sheet(items, head, grid, grown or base, kept, steps)

    def note(self, size: float) -> SheetNote:
        """A later sheet's pointer to the safety section on sheet 1, at body size."""
        text = f"{self.ctx.safety.stop_rule} Read the warning signs on sheet 1 before you start."
        return SheetNote(tuple(wrap(text, BOLD, size, self.width - 1.4 * size)), size, self.width)

    def _footer_within(self, size: float, bullets: bool, before_shown: bool, recap_in: bool,
                       base: float, spare: float) -> SafetyColumns | None:
        """The footer at `size` if it grows by no more than the grid's spare height."""
        larger = self.footer(size, bullets, before_shown, recap_in)
        return larger if larger and larger.height - base <= spare else None

    def footer(self, size: float, bullets: bool, before_shown: bool,
               recap_in: bool = False) -> SafetyColumns | None:
        """The safety footer at `size`: three columns on a sheet, fewer on narrow paper; its
        rules start with the ones to read before starting unless the masthead has them. With
        `recap_in`, the recap's points run in over the columns and its week follows the
        rules, or (two boxes a day are wider than a column) runs under the points; None if
        the week does not fit even there."""
        plan, ctx, width = self.plan, self.ctx, self.width
        cols = 3 if width > 400 else (2 if width > 260 else 1)
        blocks: list = safety_blocks(plan, ctx.safety, before_shown)
        lead = under = None
        if recap_in:
            week = week_row(ctx, column_width(width, cols), size)
            if week is not None:
                blocks.insert(RULES_AT + 1, week)
            else:
                under = week_row(ctx, width - 16, size)
                if under is None:
                    return None
            lead = (RECAP_LEAD, "  •  ".join(remember_points(plan, ctx)))
        return safety_columns(blocks, source_line(plan, ctx.safety), width, size, cols,
                              self.lo if ctx.large_print else SMALL_PRINT_PT, bullets, lead,
                              under)


class PosterDesign:
    """The poster as a page design for the layout engine."""

    name = "poster"

    def measure(self, plan: Plan, paper: Paper, ctx: RenderContext) -> FittedPoster | NoFit:
        """One sheet, at the first option that fits (see `_Fitter.sheet`; large print, every
        line from 14 pt up; a sheet larger than Letter starts from sizes that much larger).
        Large print that one sheet cannot hold goes onto a numbered set of sheets, as few as
        hold it (see `_Fitter.poster`)."""
        fitter = _Fitter(plan, paper, ctx)
        small = paper.width * paper.height < PAPERS["letter"].width * PAPERS["letter"].height
        most = min(len(plan.items), SET_SHEETS) if ctx.large_print or small else 1
        counts = range(1, most + 1)
        return first_fit(counts, fitter.poster) or NoFit("")

    def other_papers(self, paper: Paper) -> tuple[list[Paper], int]:
        """Larger sheets, smallest first; the refusal names two at most."""
        larger = sorted((p for p in PAPERS.values() if not p.card
                         and p.width * p.height > paper.width * paper.height),
                        key=lambda p: (p.width * p.height, p.name))
        return larger, 2

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str:
        small = paper.width * paper.height < PAPERS["letter"].width * PAPERS["letter"].height
        where = (" in large print" if ctx.large_print else " with readable text") + (
            f", even on {SET_SHEETS} sheets" if ctx.large_print or small else "")
        advice = [f"a larger --paper ({' or '.join(alternatives)})" if alternatives else "",
                  "fewer --minutes", "--layout handout" if ctx.large_print else ""]
        return (f"{len(plan.items)} stretches do not fit on a {paper.name} poster{where}; "
                f"try " + " or ".join(a for a in advice if a))


DESIGN = PosterDesign()
