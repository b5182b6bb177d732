"""Page furniture: what a page template draws on every page besides the content."""

from __future__ import annotations

from dataclasses import dataclass

from .common import BOLD, BOX_LINE, MUTED, REGULAR, text_width


@dataclass(frozen=True)
class PageFooter:
    """A thin rule and a muted line at the foot of each page: who and what on the left (cut
    short with an ellipsis before it reaches the page number), "Page x of y" on the right.

    The baseline is at `y`, from `x` across `width`; a page template calls it per page.
    """

    left: str
    x: float
    y: float
    width: float
    size: float

    def __call__(self, c, number: int, total: int) -> None:
        size, y = self.size, self.y
        c.setStrokeColorRGB(*BOX_LINE)
        c.setLineWidth(0.6)
        c.line(self.x, y + size + 2, self.x + self.width, y + size + 2)
        c.setFillColorRGB(*MUTED)
        c.setFont(REGULAR, size)
        label = f"Page {number} of {total}"
        room = self.width - text_width(label, BOLD, size) - 20
        c.drawString(self.x, y, fit_line(self.left, REGULAR, size, room))
        c.setFont(BOLD, size)
        c.drawRightString(self.x + self.width, y, label)


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """The text on one line `width` wide, shortened with an ellipsis if it is longer."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
