"""The layout engine: one fitter and one drawing loop under every page design.

A page design (the poster, the card, the handout) says only what goes on its pages. Its
`measure` tries its own variants (type sizes, grids, arrangements) and returns a frozen
`Fitted`: everything measured, down to the figure boxes and the footer's type size, so that
drawing never measures again and no object carries state from fitting to drawing. The engine
does the rest the same way for every design:

- `fit` measures on the asked paper and, when nothing fits, looks for the papers that would
  do, so the refusal names them (one message for the CLI's build and the batch alike);
- `draw` sets up one canvas, draws each page and its page template's furniture (footers,
  "page x of y", cut lines) and closes the file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable, Iterable, Protocol, Sequence, TypeVar

from ..errors import LayoutError
from ..model import Plan
from ..paper import Paper, larger
from .common import new_canvas, register_fonts
from .context import RenderContext

Box = tuple[float, float, float, float]   # x, y (lower left), width, height, in points
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class PageTemplate:
    """What is drawn on every page of a document besides its content.

    `furniture(c, number, total)` draws the page's own parts (a footer with "page x of y",
    the cut lines of a sheet of cards) after its content; `outline` opens the PDF with its
    bookmarks shown.
    """

    paper: Paper
    furniture: Callable[..., None] | None = None
    outline: bool = False


class Fitted(Protocol):
    """A design measured for a plan on a paper: drawing it needs nothing else."""

    template: PageTemplate

    @property
    def page_count(self) -> int: ...

    def figure_boxes(self) -> list[Box]:
        """The first page's figure boxes, in page coordinates."""

    def draw_page(self, c, number: int) -> None:
        """Draws page `number` (from 1) of the content."""


@dataclass(frozen=True)
class NoFit:
    """A design that does not fit: why, in one line, and the papers on which it would."""

    reason: str
    alternatives: tuple[str, ...] = ()


class Design(Protocol):
    """A page design: how it measures a plan, where else to look, and how it refuses."""

    name: str

    def measure(self, plan: Plan, paper: Paper, ctx: RenderContext) -> Fitted | NoFit: ...

    def other_papers(self, paper: Paper) -> tuple[Sequence[Paper], int | None]:
        """The papers worth suggesting instead, in the order to name them, and how many to name
        at most (None: every one that fits)."""

    def refusal(self, plan: Plan, paper: Paper, ctx: RenderContext, failed: NoFit,
                alternatives: tuple[str, ...]) -> str: ...


def fit(design: Design, plan: Plan, paper: Paper, ctx: RenderContext) -> Fitted | NoFit:
    """The design measured on `paper`, or why not, naming the papers where it does fit."""
    register_fonts(ctx.fallback)     # measured in the fonts it will be drawn in
    measured = design.measure(plan, paper, ctx)
    if not isinstance(measured, NoFit):
        return measured
    candidates, limit = design.other_papers(paper)
    found: list[str] = []
    for other in candidates:
        if limit is not None and len(found) == limit:
            break
        if fits(design, plan, other, ctx):
            found.append(other.name)
    alternatives = tuple(found)
    return NoFit(design.refusal(plan, paper, ctx, measured, alternatives), alternatives)


def fit_or_larger(design: Design, plan: Plan, paper: Paper,
                  ctx: RenderContext) -> tuple[Paper, Fitted | NoFit]:
    """The design on `paper` or, when it does not fit, on the first larger sheet of the same
    family that holds it (Legal, then Tabloid, for Letter): a batch must make every file, and
    a seven-stretch poster on Legal beats none. Returns the paper used; a no-fit's reason is
    the asked paper's, naming the larger ones tried too.
    """
    fitted = fit(design, plan, paper, ctx)
    if not isinstance(fitted, NoFit):
        return paper, fitted
    tried = larger(paper)
    for bigger in tried:
        measured = design.measure(plan, bigger, ctx)
        if not isinstance(measured, NoFit):
            return bigger, measured
    if not tried:
        return paper, fitted
    names = " and ".join(p.name for p in tried)
    return paper, NoFit(f"{fitted.reason} (tried {names} too)", fitted.alternatives)


def fits(design: Design, plan: Plan, paper: Paper, ctx: RenderContext) -> bool:
    """Whether the plan fits the paper in this design, measured exactly as it would be drawn."""
    return not isinstance(design.measure(plan, paper, ctx), NoFit)


def draw(fitted: Fitted, plan: Plan, layout: str, ctx: RenderContext) -> bytes:
    """The PDF: one canvas, each page's content and then its furniture."""
    template = fitted.template
    buf = io.BytesIO()
    c = new_canvas(buf, template.paper.size, plan, layout, ctx.grayscale, ctx.fallback)
    if template.outline:
        c.showOutline()
    total = fitted.page_count
    for number in range(1, total + 1):
        fitted.draw_page(c, number)
        if template.furniture is not None:
            template.furniture(c, number, total)
        c.showPage()
    c.save()
    return buf.getvalue()


def render(design: Design, plan: Plan, paper: Paper, ctx: RenderContext) -> bytes:
    """Fits and draws.

    Raises:
        LayoutError: it does not fit; the message says why and names papers that would do.
    """
    fitted = fit(design, plan, paper, ctx)
    if isinstance(fitted, NoFit):
        raise LayoutError(fitted.reason)
    return draw(fitted, plan, design.name, ctx)


def first_fit(options: Iterable[T], measure: Callable[[T], R | None]) -> R | None:
    """The first option that measures to something: how every design tries its variants, from
    the one it prefers (largest type, fullest text) down."""
    for option in options:
        fitted = measure(option)
        if fitted is not None:
            return fitted
    return None


def numbered_parts(items: Sequence[T], count: int, title: str,
                   noun: str) -> list[tuple[int, Sequence[T], str]]:
    """A set of `count` pages (cards, sheets) for a routine: its items cut in order as evenly
    as they go (see `numbered`)."""
    n = len(items)
    bounds = [round(k * n / count) for k in range(count + 1)]
    return numbered([items[a:b] for a, b in zip(bounds, bounds[1:])], title, noun)


def numbered(parts: Sequence[Sequence[T]], title: str,
             noun: str) -> list[tuple[int, Sequence[T], str]]:
    """Each part of a set with the number of its first item and its title ("...: card 1 of
    2"; one part keeps the title as it is)."""
    out, first = [], 1
    for k, part in enumerate(parts, 1):
        out.append((first, part, title if len(parts) == 1 else f"{title}: {noun} {k} of {len(parts)}"))
        first += len(part)
    return out


def type_sizes(largest: float, smallest: float, step: float = 0.5) -> list[float]:
    """Type sizes from `largest` down to `smallest` in `step`s, both ends included."""
    if largest < smallest:
        return []
    return [largest - step * k for k in range(int((largest - smallest) / step + 1e-9) + 1)]
