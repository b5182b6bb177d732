"""The pocket card: two sides for duplex printing, one card per page or four (or two) to a sheet.

The front (card_front.py) shows the routine as a numbered strip of small figures; the back
(card_back.py) the brief steps with their cautions and every red flag with the stop rule.
Both sides together hold about as much text as an A6 card takes at 9 pt, so the design tries
a few arrangements in order and keeps the first whose two sides both fit: the brief steps on
the back (as specified) or, failing that, beside each figure on the front; this person's
cautions and notes on the back or, if the front has more room, under the strip; the general
rules for stretching safely at the foot of the front or, as a last resort on a card paper,
left to the poster and handout (a card cut from a sheet always keeps them, and figures of at
least 0.8 in). Within an arrangement each side gets the largest type that fits, from 11 pt down
to a 9 pt floor (14 pt with large print). The red flags, the stop rule and every caution and
note are never shortened or left out. A routine too long for one card becomes a numbered set
on the same paper ("card 1 of 2", its stretches numbered on), every card with all the safety
text; only one that no set holds is refused, naming the card papers it does fit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..model import Plan
from ..paper import PAPERS, Paper
from .card_back import Back, measure_back
from .card_front import MIN_FIG_H, CardPart, Front, measure_front
from .context import RenderContext, shared_figure_scale
from . import engine
from .engine import Box, NoFit, PageTemplate, first_fit, numbered_parts, type_sizes
from .imposition import Placement, placement, sheet_template
from .recap import recap, week_row
from .safety import SafetyBox, safety_blocks
from .typescale import CARD

@dataclass(frozen=True)
class Arrangement:
    """What goes on which side: the parts that may move to balance the two."""

    steps_on_front: bool
    short_doses: bool           # "Hold 20 s · 2×" under a key, where the words do not fit
    rules: bool                 # the rules for stretching safely, at the foot of the front
    personal_on_front: bool     # this person's cautions and notes, under the strip
    aids: bool = True           # the legend and the week to tick
    summary: bool = True        # with the aids: the recap's points to remember, besides its week


# A card cut from a sheet has the room for figures a patient can make out across a table.
SHEET_FIGURE_PT = 0.8 * 72
ARRANGEMENTS = tuple(Arrangement(steps, short, rules, personal, aids, summary)
                     for rules in (True, False)
                     for aids, summary in ((True, True), (True, False), (False, False))
                     for short in (False, True) for steps in (False, True)
                     for personal in (False, True))


# The front's (recap, smallest figure) and the back's (numbered short steps, recap), in the order
# tried, each from large type to small. A card has the legend (what the pictures' marks mean)
# and, the first card of a set, the week to tick (its `aids`), unless it cannot hold them with
# its rules in any arrangement: only then does it do without, before it would be cut into a
# set or leave the rules off. With its `summary`, an arrangement puts the whole recap (the
# points to remember and the week) in its box on the front or the back; without, the week goes
# in the rules box, under the rule on how often, or in a box of its own on the back. The numbered steps matter
# more than the type's last point or two. The recap may not shrink the front's figures below
# READABLE_FIG_H: only a front without it goes down to MIN_FIG_H.
RECAP_BOX, WEEK_ONLY, NO_RECAP = "box", "week", ""
READABLE_FIG_H = 48.0
FRONT_MODES = ((RECAP_BOX, READABLE_FIG_H), (WEEK_ONLY, READABLE_FIG_H),
               (NO_RECAP, READABLE_FIG_H), (NO_RECAP, MIN_FIG_H))
BACK_MODES = ((True, RECAP_BOX), (True, WEEK_ONLY), (True, NO_RECAP), (False, RECAP_BOX),
              (False, WEEK_ONLY), (False, NO_RECAP))


def fit_sides(plan: Plan, part: CardPart, ctx: RenderContext, width: float, height: float,
              on_sheet: bool = False, aids: bool = False) -> tuple[Front, Back] | None:
    """Both sides of one card (the whole plan, or a set's share of it) in the first
    arrangement that fits, each at its largest size; None if none does. Every card of a set
    carries all of the plan's red flags and cautions. A card cut from a sheet (`on_sheet`)
    has room to spare for more cards, so it always keeps the rules too and figures of at
    least SHEET_FIGURE_PT; only a card paper may leave the rules to the poster and handout."""
    min_fig_h = SHEET_FIGURE_PT if on_sheet else MIN_FIG_H
    emergency, urgent, rules, *extra = safety_blocks(plan, ctx.safety)
    personal = tuple(extra)
    alerts = SafetyBox((emergency, urgent), alert=True)

    def front_at(arr: Arrangement, form: str, fig_h: float, size: float,
                 inline: bool) -> Front | None:
        box = None
        if arr.rules:
            week = None
            if form == WEEK_ONLY:
                week = week_row(ctx, width - SafetyBox.pad(size) * 2, size)
                if week is None:
                    return None
            box = SafetyBox((rules, week) if week else (rules,))
        elif form == WEEK_ONLY:
            return None
        return measure_front(plan, part, ctx, width, height, size, inline, arr.steps_on_front,
                             box, personal if arr.personal_on_front else (),
                             max(min_fig_h, fig_h), arr.short_doses, arr.aids,
                             recap(plan, ctx, width, size) if form == RECAP_BOX else None)

    def back_at(arr: Arrangement, numbered: bool, form: str, size: float,
                inline: bool) -> Back | None:
        kept = recap(plan, ctx, width, size, form == RECAP_BOX) if form else None
        if form and kept is None:
            return None
        return measure_back(part, width, height, size, inline, arr.steps_on_front, alerts,
                            () if arr.personal_on_front else personal, numbered, kept)

    def sides(arr: Arrangement) -> tuple[Front, Back] | None:
        # one week to tick for the routine: on a set's first card only
        recap_form = ((RECAP_BOX if arr.summary else WEEK_ONLY) if arr.aids and part.first == 1
                      else NO_RECAP)
        for form, fig_h in FRONT_MODES:
            if form not in (recap_form, NO_RECAP):
                continue
            front = _largest(ctx, lambda size, inline: front_at(arr, form, fig_h, size, inline))
            if front is None:
                continue
            # the week once: on the back only if the front has none of the recap
            back_form = recap_form if form == NO_RECAP else NO_RECAP
            modes = [(n, f) for n, f in BACK_MODES if f == back_form]
            back = first_fit(modes, lambda mode: _largest(
                ctx, lambda size, inline: back_at(arr, *mode, size, inline)))
            if back:
                return front, back
        return None

    return first_fit([arr for arr in ARRANGEMENTS if (personal or not arr.personal_on_front)
                      and (arr.rules or not on_sheet) and (arr.aids or not aids)], sides)


def parts(plan: Plan, count: int) -> list[CardPart]:
    """The plan's stretches cut into a numbered set of `count` cards."""
    return [CardPart(items, first, title)
            for first, items, title in numbered_parts(plan.items, count, plan.title, "card")]


def _largest(ctx: RenderContext, measure: Callable):
    """The first fit from large to small type: bulleted lists at any size, since a list of
    symptoms scans better than a paragraph, and only then the items run together."""
    scale = ((CARD.large_max, CARD.large_min) if ctx.large_print
             else (CARD.max_body, CARD.min_body))
    options = [(size, inline) for inline in (False, True) for size in type_sizes(*scale)]
    return first_fit(options, lambda option: measure(*option))


@dataclass(frozen=True)
class FittedCard:
    """A card or a numbered set of cards fitted to a paper: how many tiles to a sheet, where
    they go, and both sides of every card measured.

    On a card paper each card takes two pages (front, back). On a sheet, page 1 holds the
    fronts and page 2 the backs, the tiles taking the set's cards in turn (1, 2, 1, 2).
    """

    per_sheet: int
    place: Placement
    cards: tuple[tuple[Front, Back], ...]
    template: PageTemplate

    @property
    def page_count(self) -> int:
        return 2 * len(self.cards) if self.per_sheet == 1 else 2

    def _tiles(self, number: int) -> list[tuple[tuple[float, float], Front | Back]]:
        """Each tile's drawing origin on page `number`, with the side drawn there."""
        if self.per_sheet == 1:
            card = self.cards[(number - 1) // 2]
            side = card[(number - 1) % 2]
            corners = self.place.fronts if side is card[0] else self.place.backs
            return [(corner, side) for corner in self.place.origins(corners)]
        corners = self.place.fronts if number == 1 else self.place.backs
        return [(corner, self.cards[k % len(self.cards)][number - 1])
                for k, corner in enumerate(self.place.origins(corners))]

    def figure_boxes(self) -> list[Box]:
        """Every figure box on page 1, in page coordinates."""
        return [(x + bx, y + by, w, h) for (x, y), front in self._tiles(1)
                for bx, by, w, h in front.figure_boxes()]

    def draw_page(self, c, number: int) -> None:
        """Each tile's side, in its own coordinates; on a sheet, every card's figures at the
        set's one scale, so the bodies on the sheet are all drawn the same size."""
        fronts = [front for front, _ in self.cards]
        scale = (None if self.per_sheet == 1 or len(fronts) == 1
                 else shared_figure_scale(fronts[0].ctx, [i for f in fronts for i in f.items],
                                          [b[2:] for f in fronts for b in f.figure_boxes()]))
        for (x, y), side in self._tiles(number):
            c.saveState()
            c.translate(x, y)
            if isinstance(side, Front):
                side.draw(c, scale)
            else:
                side.draw(c, self.cards[0][0].height)
            c.restoreState()


SET_SIZES = (1, 2, 3, 4)       # cards in a set: on a card paper up to three, on a sheet up to
# its tiles; a sheet smaller than Letter (A5, half letter) may hold one card a page


class CardDesign:
    """The pocket card as a page design for the layout engine."""

    name = "card"

    def measure(self, plan: Plan, paper: Paper, ctx: RenderContext) -> FittedCard | NoFit:
        """One card if it holds the routine, four to a sheet if they fit, else two; else a
        numbered set of cards ("card 1 of 2"), each with all the safety text; on a sheet too
        small for a set's tiles (A5, half letter), one card a sheet. On a card paper a set
        grows rather than leave out the legend and the week to tick (PEMAT-P items 25 and
        23); only a routine no set holds with them is printed without."""
        def fitted(option: tuple[int, int, bool]) -> FittedCard | None:
            count, per_sheet, aids = option
            place = placement(paper, per_sheet)
            cards = []
            for part in parts(plan, count):
                sides = fit_sides(plan, part, ctx, *place.inner, on_sheet=not paper.card,
                                  aids=aids)
                if sides is None:
                    return None
                cards.append(sides)
            return FittedCard(per_sheet, place, tuple(cards), sheet_template(paper, place))

        counts = [count for count in SET_SIZES if count <= len(plan.items)]
        small = paper.width * paper.height < PAPERS["letter"].width * PAPERS["letter"].height
        whole_pages = [(count, 1) for count in counts if count < SET_SIZES[-1]]
        options = ([(count, 1, aids) for aids in (True, False) for count, _ in whole_pages]
                   if paper.card else
                   [(count, tiles, False) for count in counts for tiles in (4, 2) if count <= tiles]
                   + [(count, 1, False) for count, _ in (whole_pages if small else [])])
        found = first_fit(options, fitted)
        return NoFit("") if found is None else found

    def other_papers(self, paper: Paper) -> tuple[list[Paper], None]:
        """Every other card paper, smallest first."""
        return sorted((p for p in PAPERS.values() if p.card and p != paper),
                      key=lambda p: p.width * p.height), None

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str:
        """Why the card does not fit, and the card papers (smallest first) where it does."""
        where = f"the {paper.name} card" if paper.card else f"a card cut from a sheet of {paper.name}"
        good = " or ".join(alternatives)
        if ctx.large_print:
            return (f"large print (text of at least {CARD.large_min:g} pt) does not fit on {where}; "
                    + (f"try --paper {good}" if good else "use --layout handout on a full sheet"))
        if not engine.fits(self, replace(plan, items=plan.items[:1], transitions_s=()), paper, ctx):
            return (f"{where} is too small to hold the red flags with even one stretch at "
                    f"{CARD.min_body:g} pt or more; "
                    + (f"use --paper {good}" if good else "use a poster"))
        count = f"{len(plan.items)} stretch{'es' if len(plan.items) != 1 else ''}"
        tail = f"try --paper {good}, or fewer --minutes" if good else "try fewer --minutes"
        return (f"{count} with their steps, cautions and the red flags do not fit on {where} "
                f"with text of at least {CARD.min_body:g} pt; {tail}")


DESIGN = CardDesign()
