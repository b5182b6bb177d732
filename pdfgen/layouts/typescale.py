"""Every type size and gap the page designs use, in one place.

The floors are the project's rules (`../shared/reference/printing-and-tooling.md`, readability):
no text at all under SMALL_PRINT_PT (sources, the index's "made as" lines: reference, not
instructions), nothing a patient follows under MIN_PRINT_PT, and large print sets nothing under
LARGE_PRINT_MIN_PT. Each layout family then has its own range inside them: a pocket card tops
out smaller than a wall poster.
"""

from __future__ import annotations

from dataclasses import dataclass

SMALL_PRINT_PT = 8.0        # the smallest text on any page: sources and other reference lines
MIN_PRINT_PT = 9.0          # the smallest instruction or safety text
LARGE_PRINT_MIN_PT = 14.0   # the smallest text in large print


@dataclass(frozen=True)
class TypeScale:
    """A layout family's body sizes (tried from `max_body` down to `min_body`), its large-print
    body sizes, and the gap between its blocks, all in points."""

    min_body: float
    max_body: float
    large_min: float
    large_max: float
    gap: float


POSTER = TypeScale(min_body=MIN_PRINT_PT, max_body=12.5, large_min=LARGE_PRINT_MIN_PT, large_max=16.0,
                   gap=9.0)
CARD = TypeScale(min_body=MIN_PRINT_PT, max_body=11.0, large_min=LARGE_PRINT_MIN_PT, large_max=16.0,
                 gap=7.0)
HANDOUT = TypeScale(min_body=12.0, max_body=12.0, large_min=15.0, large_max=15.0, gap=12.0)


REFERENCE_SHEET = (612.0, 792.0)   # US Letter, the sheet the poster's sizes are set for


def growth(width: float, height: float) -> float:
    """How much larger than Letter a sheet is, by its tighter side (1 for Letter, A4 and
    smaller): a Tabloid or A3 poster scales its type and figures by this, rather than leaving
    a blank band under Letter-sized text."""
    return max(1.0, min(width / REFERENCE_SHEET[0], height / REFERENCE_SHEET[1]))


@dataclass(frozen=True)
class Style:
    """The handout's type sizes for normal or large print (headings and titles follow the body
    size), and the height of its figures."""

    body: float
    small: float          # footer and sources
    figure_h: float

    @property
    def heading(self) -> float:
        return round(self.body * 1.35, 1)

    @property
    def title(self) -> float:
        return round(self.body * 2.0, 1)


HANDOUT_NORMAL = Style(body=HANDOUT.max_body, small=10.0, figure_h=170.0)
HANDOUT_LARGE = Style(body=HANDOUT.large_max, small=LARGE_PRINT_MIN_PT, figure_h=230.0)   # nothing under 14 pt
