"""Writes single figures as PNG, SVG or PDF files (the contact sheet is a layout, `layouts.sheet`)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Mapping

from ..output import write_atomic
from .geometry import build
from .spec import FigureSpec

FORMATS = ("png", "svg", "pdf")


def figure_bytes(spec: FigureSpec, fmt: str, size: int, grayscale: bool = False) -> bytes:
    """One figure as file bytes: PNG is `size` pixels square; SVG and PDF are `size` points wide.

    Same spec, same bytes (the PDF uses ReportLab's invariant mode).
    """
    geometry = build(spec)
    if fmt == "png":
        from .backend_pil import render_png

        buf = io.BytesIO()
        render_png(geometry, size, grayscale=grayscale).save(buf, format="PNG", optimize=True)
        return buf.getvalue()
    from .backend_rl import to_drawing

    x0, y0, x1, y1 = geometry.bbox
    height = max(size * (y1 - y0) / max(x1 - x0, 1e-9), 1.0)
    drawing = to_drawing(geometry, size, height, grayscale=grayscale)
    if fmt == "svg":
        from reportlab.graphics import renderSVG

        return renderSVG.drawToString(drawing).encode("utf-8")
    if fmt == "pdf":
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
    raise ValueError(f"unknown figure format {fmt!r} (known: {', '.join(FORMATS)})")


def export_figures(specs: Mapping[str, FigureSpec], out_dir: Path, fmt: str, size: int = 600,
                   grayscale: bool = False) -> list[Path]:
    """Writes `<id>.<fmt>` for each spec into `out_dir`, each file atomically."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format {fmt!r} (known: {', '.join(FORMATS)})")
    return [write_atomic(Path(out_dir) / f"{fid}.{fmt}", figure_bytes(spec, fmt, size, grayscale))
            for fid, spec in sorted(specs.items())]
