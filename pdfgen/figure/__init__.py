"""Pose figures: a pictogram body posed by joint angles, drawn as vectors.

Light on purpose: importing this package pulls in neither ReportLab nor Pillow (only the
backends `backend_rl` and `backend_pil` do), so the CLI starts fast.

    specs = load_figures([Path("figures")])
    geometry = build(specs["knee-to-chest"])
    backend_rl.draw(canvas, geometry, x, y, w, h)
"""

from __future__ import annotations

import importlib

# Each name is imported from its module on first use, so drawing a figure read back from the
# cache never loads the parser and solver.
_HOMES = {"FigureError": "yamlnodes", "FigureSpec": "records", "Geometry": "shapes",
          "build": "geometry", "load_figure": "load", "load_figures": "load", "shared_scale": "shapes",
          "check_facts": "facts"}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
