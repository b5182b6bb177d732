"""The pocket card: two sides for duplex printing, one card per page or four (or two) to a sheet.

The front (card_front.py) shows the routine as a numbered strip of small figures; the back
(card_back.py) the brief steps with their cautions and every red flag with the stop rule.
Both sides together hold about as much text as an A6 card takes at 9 pt, so the design tries
a few arrangements in order and keeps the first whose two sides both fit: the brief steps on
the back (as specified) or, failing that, beside each figure on the front; this person's
cautions and notes on the back or, if the front has more room, under the strip; the general
rules for stretching safely at the foot of the front or, as a last resort, left to the poster
and handout. Within an arrangement each side gets the largest type that fits, from 11 pt down
to a 9 pt floor (14 pt with large print). The red flags, the stop rule and every caution and
note are never shortened or left out: a routine that cannot fit them is refused, naming the
card papers it does fit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..model import Plan
from ..paper import PAPERS, Paper
from .card_back import Back, measure_back
from .card_front import Front, measure_front
from .context import RenderContext
from . import engine
from .engine import Box, NoFit, PageTemplate, first_fit, type_sizes
from .imposition import Placement, placement, sheet_template
from .safety import SafetyBox, safety_blocks
from .typescale import CARD

@dataclass(frozen=True)
class Arrangement:
    """What goes on which side: the parts that may move to balance the two."""

    steps_on_front: bool
    rules: bool                 # the rules for stretching safely, at the foot of the front
    personal_on_front: bool     # this person's cautions and notes, under the strip


ARRANGEMENTS = tuple(Arrangement(steps, rules, personal) for rules in (True, False)
                     for steps in (False, True) for personal in (False, True))


def fit_sides(plan: Plan, ctx: RenderContext, width: float,
              height: float) -> tuple[Front, Back] | None:
    """Both sides of the first arrangement that fits, each at its largest size; None if none
    does."""
    emergency, urgent, rules, *extra = safety_blocks(plan, ctx.safety)
    personal = tuple(extra)
    alerts = SafetyBox((emergency, urgent), alert=True)

    def sides(arr: Arrangement) -> tuple[Front, Back] | None:
        front = _largest(ctx, lambda size, inline: measure_front(
            plan, ctx, width, height, size, inline, arr.steps_on_front,
            SafetyBox((rules,)) if arr.rules else None, personal if arr.personal_on_front else ()))
        back = front and _largest(ctx, lambda size, inline: measure_back(
            plan, width, height, size, inline, arr.steps_on_front, alerts,
            () if arr.personal_on_front else personal))
        return (front, back) if back else None

    return first_fit([arr for arr in ARRANGEMENTS if personal or not arr.personal_on_front], sides)


def _largest(ctx: RenderContext, measure: Callable):
    """The first fit from large to small type: bulleted lists at any size, since a list of
    symptoms scans better than a paragraph, and only then the items run together."""
    scale = ((CARD.large_max, CARD.large_min) if ctx.large_print
             else (CARD.max_body, CARD.min_body))
    options = [(size, inline) for inline in (False, True) for size in type_sizes(*scale)]
    return first_fit(options, lambda option: measure(*option))


@dataclass(frozen=True)
class FittedCard:
    """A card fitted to a paper: how many to a sheet, where they go, and both sides measured."""

    per_sheet: int
    place: Placement
    front: Front
    back: Back
    template: PageTemplate
    page_count: int = 2

    def figure_boxes(self) -> list[Box]:
        """Every figure box on page 1 (the fronts), in page coordinates."""
        return [(x + bx, y + by, w, h) for x, y in self.place.origins(self.place.fronts)
                for bx, by, w, h in self.front.figure_boxes()]

    def draw_page(self, c, number: int) -> None:
        """Page 1: every front; page 2: every back, each card in its own coordinates."""
        corners = self.place.fronts if number == 1 else self.place.backs
        for x, y in self.place.origins(corners):
            c.saveState()
            c.translate(x, y)
            if number == 1:
                self.front.draw(c)
            else:
                self.back.draw(c, self.front.height)
            c.restoreState()


class CardDesign:
    """The pocket card as a page design for the layout engine: fronts on page 1, backs on 2."""

    name = "card"

    def measure(self, plan: Plan, paper: Paper, ctx: RenderContext) -> FittedCard | NoFit:
        """The card's two sides; on a sheet, four to a sheet if they fit, else two."""
        def fitted(per_sheet: int) -> FittedCard | None:
            place = placement(paper, per_sheet)
            sides = fit_sides(plan, ctx, *place.inner)
            return sides and FittedCard(per_sheet, place, *sides,
                                        template=sheet_template(paper, per_sheet))

        found = first_fit((1,) if paper.card else (4, 2), fitted)
        return NoFit("") if found is None else found

    def other_papers(self, paper: Paper) -> tuple[list[Paper], None]:
        """Every other card paper, smallest first."""
        return sorted((p for p in PAPERS.values() if p.card and p != paper),
                      key=lambda p: p.width * p.height), None

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str:
        """Why the card does not fit, and the card papers (smallest first) where it does."""
        where = f"the {paper.name} card" if paper.card else f"a card half a {paper.name} sheet"
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
