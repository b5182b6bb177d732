"""Page furniture: what a page template draws on every page besides the content."""

from __future__ import annotations

from dataclasses import dataclass

from .common import BOLD, BOX_LINE, MUTED, REGULAR, text_width


@dataclass(frozen=True)
class PageFooter:
    """A thin rule and a muted line at the foot of each page: who and what on the left,
    "Page x of y" on the right.

    The left text is the first of `lefts` that fits beside the page number whole (say, the
    clinic and the title, else the title, else the clinic): a footer is never cut off
    mid-word. The baseline is at `y`, from `x` across `width`; a page template calls it per
    page.
    """

    lefts: tuple[str, ...]
    x: float
    y: float
    width: float
    size: float

    def left(self, total: int) -> str:
        """The longest-preferred left text that fits with the widest page number."""
        room = self.width - text_width(f"Page {total} of {total}", BOLD, self.size) - 20
        return next((t for t in self.lefts if text_width(t, REGULAR, self.size) <= room), "")

    def __call__(self, c, number: int, total: int) -> None:
        size, y = self.size, self.y
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.6)
        c.line(self.x, y + size + 2, self.x + self.width, y + size + 2)
        c.setFillColorRGB(*MUTED)
        c.setFont(REGULAR, size)
        c.drawString(self.x, y, self.left(total))
        c.setFont(BOLD, size)
        c.drawRightString(self.x + self.width, y, f"Page {number} of {total}")
