"""Writes figures as files: one PNG, SVG or PDF per figure, or one contact-sheet PDF of them all.

Same specs, same bytes: PDFs use ReportLab's invariant mode and a TrueType font that ships with
ReportLab (embedded), so a contact sheet can be diffed and checked into review.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Mapping

from ..output import write_atomic
from .geometry import build
from .records import FigureSpec

FORMATS = ("png", "svg", "pdf")
SHEET_NAME = "figures-sheet.pdf"


def figure_bytes(spec: FigureSpec, fmt: str, size: int, grayscale: bool = False) -> bytes:
    """One figure as file bytes: PNG is `size` pixels square; SVG and PDF are `size` points wide.

    Raises:
        ValueError: an unknown format.
    """
    geometry = build(spec)
    if fmt == "png":
        from .backend_pil import render_png

        buf = io.BytesIO()
        render_png(geometry, size, grayscale=grayscale).save(buf, format="PNG", optimize=True)
        return buf.getvalue()
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format {fmt!r} (known: {', '.join(FORMATS)})")
    from .backend_rl import to_drawing

    x0, y0, x1, y1 = geometry.bbox
    height = max(size * (y1 - y0) / max(x1 - x0, 1e-9), 1.0)
    drawing = to_drawing(geometry, size, height, grayscale=grayscale)
    if fmt == "svg":
        from reportlab.graphics import renderSVG

        return renderSVG.drawToString(drawing).encode("utf-8")
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(size, height), invariant=1)
    c.setTitle(spec.title or spec.id)
    c.setCreator("stretchcard")
    renderPDF.draw(drawing, c, 0, 0)
    c.showPage()
    c.save()
    return buf.getvalue()


def sheet_bytes(specs: Mapping[str, FigureSpec], captions: Mapping[str, str] | None = None, *,
                cell_in: float = 1.6, grayscale: bool = False) -> bytes:
    """A contact sheet: every figure in a grid of `cell_in`-inch cells with its caption and id.

    Cells of 1.2 in show the figures at pocket-card size, 2 in at poster size; the page is US
    Letter with 0.5 in margins, as many pages as needed, in id order.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from ..glyphs import font_files
    from .backend_rl import draw

    if "stretchcard-fig-sans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("stretchcard-fig-sans", str(font_files()[0])))
    font = "stretchcard-fig-sans"
    page_w, page_h, margin, text_h = 612.0, 792.0, 36.0, 20.0
    cell_w = cell_in * 72
    cell_h = cell_w + text_h
    cols = max(1, int((page_w - 2 * margin) // cell_w))
    rows = max(1, int((page_h - 2 * margin - 18) // cell_h))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(page_w, page_h), invariant=1, initialFontName=font)
    c.setTitle("stretchcard figures")
    c.setCreator("stretchcard")
    items = sorted(specs.items())
    per_page = cols * rows
    for start in range(0, max(len(items), 1), per_page):
        c.setFont(font, 10)
        c.setFillColorRGB(0.1, 0.1, 0.1)
        c.drawString(margin, page_h - margin - 10, f"stretchcard figures, {cell_in:g} in cells")
        for k, (fid, spec) in enumerate(items[start:start + per_page]):
            x = margin + (k % cols) * cell_w
            top = page_h - margin - 18 - (k // cols) * cell_h
            c.setStrokeColorRGB(0.8, 0.8, 0.8)
            c.setLineWidth(0.5)
            c.rect(x + 2, top - cell_h + 2, cell_w - 4, cell_h - 4, stroke=1, fill=0)
            draw(c, build(spec), x + 5, top - cell_w + 3, cell_w - 10, cell_w - 10, grayscale=grayscale)
            caption = (captions or {}).get(fid, spec.title)
            c.setFillColorRGB(0.1, 0.1, 0.1)
            c.setFont(font, 7)
            while len(caption) > 3 and c.stringWidth(caption, font, 7) > cell_w - 10:
                caption = caption[:-2].rstrip() + "\u2026"
            c.drawString(x + 5, top - cell_w - 6, caption)
            c.setFillColorRGB(0.45, 0.45, 0.45)
            c.setFont(font, 6.5)
            c.drawString(x + 5, top - cell_w - 14, fid)
        c.showPage()
    c.save()
    return buf.getvalue()


def export_figures(specs: Mapping[str, FigureSpec], out_dir: Path, fmt: str, size_px: int = 600,
                   grayscale: bool = False, *, captions: Mapping[str, str] | None = None,
                   sheet: bool = False, cell_in: float = 1.6) -> list[Path]:
    """Writes `<id>.<fmt>` per figure into `out_dir` (each atomically), or with `sheet=True` one
    contact-sheet PDF of all of them with their captions (title by default).

    Args:
        specs: figures by id.
        out_dir: target folder (must exist).
        fmt: png | svg | pdf (ignored for a sheet, which is always PDF).
        size_px: PNG pixels, or SVG/PDF width in points.
        grayscale: the grayscale palette.
        captions: text under each figure on a sheet, by id.
        sheet: one contact sheet instead of one file per figure.
        cell_in: sheet cell size in inches (1.2 print, 2 poster).

    Raises:
        ValueError: an unknown format.
    """
    if sheet:
        data = sheet_bytes(specs, captions, cell_in=cell_in, grayscale=grayscale)
        return [write_atomic(Path(out_dir) / SHEET_NAME, data)]
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format {fmt!r} (known: {', '.join(FORMATS)})")
    return [write_atomic(Path(out_dir) / f"{fid}.{fmt}", figure_bytes(spec, fmt, size_px, grayscale))
            for fid, spec in sorted(specs.items())]
