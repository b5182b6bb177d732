"""A contact sheet of pose figures with their names: for checking figures at print size."""

from __future__ import annotations

import io
from typing import Sequence

from ..paper import Paper
from .common import BOLD, BOX_LINE, INK, MUTED, REGULAR, register_fonts, wrap

COLS, ROWS = 4, 5


def render(figures: Sequence[tuple[str, str, object]], paper: Paper, grayscale: bool = False) -> bytes:
    """One PDF with every (id, caption, geometry) in a 4 x 5 grid per page, in the order given."""
    from reportlab.pdfgen.canvas import Canvas

    from ..figure.backend_rl import draw

    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=paper.size, invariant=1, lang="en-US", initialFontName=REGULAR)
    c.setTitle("stretchcard figures")
    c.setAuthor("stretchcard")
    c.setSubject("Contact sheet of the pose figures")
    m = paper.margin
    head = 28
    cell_w = (paper.width - 2 * m) / COLS
    cell_h = (paper.height - 2 * m - head) / ROWS
    per_page = COLS * ROWS
    pages = max(1, -(-len(figures) // per_page))
    for page in range(pages):
        c.setFillColorRGB(*INK)
        c.setFont(BOLD, 14)
        c.drawString(m, paper.height - m - 14, "stretchcard pose figures")
        c.setFont(REGULAR, 9)
        c.setFillColorRGB(*MUTED)
        c.drawRightString(paper.width - m, paper.height - m - 12, f"page {page + 1} of {pages}")
        for k, (fid, caption, geometry) in enumerate(figures[page * per_page:(page + 1) * per_page]):
            col, row = k % COLS, k // COLS
            x = m + col * cell_w
            top = paper.height - m - head - row * cell_h
            c.setStrokeColorRGB(*BOX_LINE)
            c.setLineWidth(0.5)
            c.rect(x + 3, top - cell_h + 3, cell_w - 6, cell_h - 6, stroke=1, fill=0)
            lines = wrap(caption, BOLD, 9, cell_w - 14)[:2]
            text_h = 12 * len(lines) + 11
            draw(c, geometry, x + 8, top - cell_h + 8 + text_h, cell_w - 16,
                 cell_h - 16 - text_h, grayscale=grayscale)
            y = top - cell_h + 8 + text_h - 11
            c.setFillColorRGB(*INK)
            c.setFont(BOLD, 9)
            for line in lines:
                c.drawString(x + 8, y, line)
                y -= 12
            c.setFillColorRGB(*MUTED)
            c.setFont(REGULAR, 8)
            c.drawString(x + 8, y + 1, fid)
        c.showPage()
    c.save()
    return buf.getvalue()
