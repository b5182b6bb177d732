"""The batch index: every routine on a row, with its strip of figures and the files made from it.

A clinic prints this once to see its shelf of handouts at a glance and find a file by name.
Routines share most of their figures, so each figure is drawn once into a PDF form and placed
wherever it appears: less to draw (the index is made after the batch, on one core) and a
smaller file.
"""

from __future__ import annotations

import io
from typing import Sequence

from ..model import Plan, format_seconds
from ..paper import paper as find_paper
from .common import BOLD, BOX_LINE, INK, MUTED, REGULAR, draw_lines, draw_number, leading, wrap
from .context import RenderContext, draw_stretch_figure, shared_figure_scale
from .typescale import SMALL_PRINT_PT

ROW_GAP = 16.0
STRIP_H = 52.0


def render(rows: Sequence[tuple[Plan, Sequence[tuple[str, str]]]], ctx: RenderContext,
           paper_name: str = "letter") -> bytes:
    """One PDF: a row per (plan, its (layout, paper) files), as many pages as needed."""
    from .common import new_canvas

    paper = find_paper(paper_name)
    m = paper.margin
    width = paper.width - 2 * m
    head = 52.0
    texts = [(_title_lines(plan, width), made_lines(files, width)) for plan, files in rows]
    heights = [_row_height(*t) for t in texts]
    pages = _pages(heights, paper.height - 2 * m - head)
    summary = Plan(title="stretchcard routines", areas=(), budget_s=0, items=(), transitions_s=())
    buf = io.BytesIO()
    c = new_canvas(buf, paper.size, summary, "index")
    c.setSubject(f"Index of {len(rows)} routines")
    for number, members in enumerate(pages, 1):
        top = paper.height - m
        y = draw_lines(c, ["stretchcard routines"], m, top, BOLD, 16)
        draw_lines(c, ["Each file is named <routine>-<layout>-<paper>.pdf."], m, y - 2,
                   REGULAR, 9, MUTED)
        c.setFont(REGULAR, 10)
        c.setFillColorRGB(*MUTED)
        c.drawRightString(m + width, top - 12, f"Page {number} of {len(pages)}")
        y = top - head
        for k in members:
            _row(c, ctx, rows[k][0], *texts[k], m, y, width, heights[k])
            y -= heights[k]
        c.showPage()
    c.save()
    return buf.getvalue()


def _title_lines(plan: Plan, width: float) -> list[str]:
    return wrap(plan.title, BOLD, 11, width - 140)


def _row_height(title: Sequence[str], made: Sequence[str]) -> float:
    return leading(11) * len(title) + 4 + STRIP_H + 4 + leading(SMALL_PRINT_PT) * len(made) + ROW_GAP


def made_lines(files: Sequence[tuple[str, str]], width: float) -> list[str]:
    """"Made as: poster on letter, a4  ·  card on letter" for a routine's files, wrapped."""
    from .common import wrap_parts

    papers: dict[str, list[str]] = {}
    for layout, sheet in files:
        papers.setdefault(layout, []).append(sheet)
    parts = [f"{layout} on {', '.join(sheets)}" for layout, sheets in papers.items()]
    parts[0] = f"Made as {parts[0]}"
    return wrap_parts(parts, "  ·  ", REGULAR, SMALL_PRINT_PT, width)


def _pages(heights: Sequence[float], room: float) -> list[list[int]]:
    """Row numbers per page: rows in order, a new page when the next does not fit."""
    pages: list[list[int]] = [[]]
    used = 0.0
    for k, h in enumerate(heights):
        if pages[-1] and used + h > room:
            pages.append([])
            used = 0.0
        pages[-1].append(k)
        used += h
    return pages


def _place_form(c, ctx: RenderContext, figure_id: str, x: float, y: float, w: float,
                h: float, scale: float | None) -> None:
    """Places the figure's form (drawn on first use, STRIP_H tall) centred in the box, at `scale`
    points per body height (the page's shared scale) or fitted to the box."""
    from ..figure.backend_rl import draw
    from ..figure.shapes import fit_scale

    geometry = ctx.geometry(figure_id)
    x0, y0, x1, y1 = geometry.bbox
    form_w = STRIP_H * (x1 - x0) / max(y1 - y0, 1e-9)
    name = f"figure-{figure_id}"
    if not c.hasForm(name):
        c.beginForm(name, lowerx=0, lowery=0, upperx=form_w, uppery=STRIP_H)
        draw(c, geometry, 0, 0, form_w, STRIP_H, grayscale=ctx.grayscale)
        c.endForm()
    drawn = fit_scale(geometry, form_w, STRIP_H)  # points per H inside the form
    fitted = min(w / form_w, h / STRIP_H)
    k = fitted if scale is None else min(fitted, scale / drawn)
    c.saveState()
    c.translate(x + (w - form_w * k) / 2, y + (h - STRIP_H * k) / 2)
    c.scale(k, k)
    c.doForm(name)
    c.restoreState()


def _row(c, ctx: RenderContext, plan: Plan, title: Sequence[str], made: Sequence[str],
         x: float, top: float, width: float, height: float) -> None:
    c.setStrokeColorRGB(*BOX_LINE)
    c.setLineWidth(0.6)
    c.line(x, top - height + ROW_GAP / 2, x + width, top - height + ROW_GAP / 2)
    draw_lines(c, title, x, top, BOLD, 11)
    c.setFont(REGULAR, 9)
    c.setFillColorRGB(*MUTED)
    c.drawRightString(x + width, top - 10, f"{plan.routine}  ·  {format_seconds(plan.total_s)}")
    n = max(len(plan.items), 1)
    cell = min(width / n, STRIP_H * 1.8)
    strip_top = top - leading(11) * len(title) - 4
    scale = shared_figure_scale(ctx, plan.items, [(cell - 18, STRIP_H)] * len(plan.items))
    for k, item in enumerate(plan.items):
        cx = x + k * cell
        draw_number(c, cx + 6, strip_top - 6, 5.5, k + 1)
        box = (cx + 14, strip_top - STRIP_H, cell - 18, STRIP_H)
        if item.stretch.image:
            draw_stretch_figure(c, ctx, item, *box)
        else:
            _place_form(c, ctx, item.stretch.figure, *box, scale)
    draw_lines(c, made, x, strip_top - STRIP_H - 4, REGULAR, SMALL_PRINT_PT, INK)
