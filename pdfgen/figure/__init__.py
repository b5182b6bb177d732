"""Pose figures: a pictogram body posed by joint angles, drawn as vectors.

Light on purpose: importing this package pulls in neither ReportLab nor Pillow (only the
backends `backend_rl` and `backend_pil` do), so the CLI starts fast.

    specs = load_figures([Path("figures")])
    geometry = build(specs["knee-to-chest"])
    backend_rl.draw(canvas, geometry, x, y, w, h)
"""

from __future__ import annotations

from .geometry import Geometry, build
from .spec import FigureSpec, load_figure, load_figures
from .yamlnodes import FigureError

__all__ = ["FigureError", "FigureSpec", "Geometry", "build", "load_figure", "load_figures"]
