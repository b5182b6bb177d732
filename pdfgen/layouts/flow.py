"""Pages as a flow of measured blocks: how the handout is cut into pages.

Each block knows its height before anything is drawn, so pagination is decided first: no block
is ever split, a heading never ends a page, and every page knows how many pages there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..errors import LayoutError


@dataclass(frozen=True)
class Block:
    """A measured piece of the page. `paint(c, x, top)` draws it exactly `height` tall."""

    height: float
    paint: Callable[..., None]
    bookmark: str = ""
    keep_with_next: bool = False


def paginate(blocks: list[Block], top: float, bottom: float, gap: float,
             paper_label: str) -> list[list[tuple[Block, float]]]:
    """Each page's blocks with the y of their tops, placed top-down from `top` to `bottom`.

    A block that does not fit starts the next page; a keep-with-next heading moves with the
    block after it.

    Raises:
        LayoutError: a block is taller than a whole page.
    """
    pages: list[list[tuple[Block, float]]] = [[]]
    y = top
    for n, block in enumerate(blocks):
        need = block.height
        if block.keep_with_next and n + 1 < len(blocks):
            need += gap + blocks[n + 1].height
        if y - need < bottom and pages[-1]:
            pages.append([])
            y = top
        if y - block.height < bottom:
            raise LayoutError(f"a block of the handout is taller than a page of {paper_label}; "
                              "try a larger paper")
        pages[-1].append((block, y))
        y -= block.height + gap
    return pages
