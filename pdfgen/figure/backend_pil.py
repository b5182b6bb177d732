"""PNG backend: draws a Geometry with Pillow (the only figure module that imports PIL).

Pillow draws without anti-aliasing, so we draw at 4x and downscale with a Lanczos filter.
"""

from __future__ import annotations

from math import hypot
from typing import TYPE_CHECKING

from .geometry import Capsule, Circle, Geometry, Polygon
from .palette import palette, rgb

if TYPE_CHECKING:
    from PIL import Image as PILImage

SUPERSAMPLE = 4
MARGIN = 0.04  # of the image size, on each side


def render_png(geometry: Geometry, size_px: int, *, grayscale: bool = False) -> "PILImage.Image":
    """Renders the figure, fitted and centred, into a square white RGB image.

    Args:
        geometry: from `build()`.
        size_px: width and height of the image in pixels.
        grayscale: use the grayscale palette (striped, lighter highlight).

    Returns:
        An RGB `PIL.Image.Image` of size_px x size_px.
    """
    from PIL import Image, ImageDraw

    big = size_px * SUPERSAMPLE
    img = Image.new("RGB", (big, big), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    pal = palette(grayscale)
    x0, y0, x1, y1 = geometry.bbox
    inner = big * (1 - 2 * MARGIN)
    scale = inner / max(x1 - x0, y1 - y0, 1e-9)
    ox = (big - (x1 - x0) * scale) / 2 - x0 * scale
    oy = (big + (y1 - y0) * scale) / 2 + y0 * scale

    def tx(p: tuple[float, float]) -> tuple[float, float]:
        return (ox + p[0] * scale, oy - p[1] * scale)

    def disc(c: tuple[float, float], r: float, fill: tuple[int, int, int]) -> None:
        draw.ellipse((c[0] - r, c[1] - r, c[0] + r, c[1] + r), fill=fill)

    def thick(a: tuple[float, float], b: tuple[float, float], w: float, fill: tuple[int, int, int], round_: bool) -> None:
        draw.line((a, b), fill=fill, width=max(1, round(w)))
        if round_:
            disc(a, w / 2, fill)
            disc(b, w / 2, fill)

    for s in geometry.shapes:
        colour = rgb(pal.colour(s.tone))
        if isinstance(s, Capsule):
            thick(tx(s.a), tx(s.b), 2 * s.r * scale, colour, True)
        elif isinstance(s, Circle):
            disc(tx(s.c), s.r * scale, colour)
        elif isinstance(s, Polygon):
            pts = [tx(p) for p in s.points]
            if len(pts) >= 3:
                draw.polygon(pts, fill=colour)
            if s.r > 0:
                for i, p in enumerate(pts):
                    thick(p, pts[(i + 1) % len(pts)], 2 * s.r * scale, colour, True)
            if s.edge:
                ec = rgb(pal.colour(s.edge))
                for i, p in enumerate(pts):
                    thick(p, pts[(i + 1) % len(pts)], max(s.edge_w * scale, SUPERSAMPLE * 0.7), ec, True)
        else:
            pts = [tx(p) for p in s.points]
            w = s.w * scale
            if s.dash is None:
                for a, b in zip(pts, pts[1:]):
                    thick(a, b, w, colour, True)
            else:
                _dashed(draw, pts, w, colour, s.dash[0] * scale, s.dash[1] * scale)
    return img.resize((size_px, size_px), Image.LANCZOS)


def _dashed(draw, pts: list, w: float, colour: tuple[int, int, int], on: float, off: float) -> None:
    """Butt-ended dashes along a polyline (the highlight's stripes)."""
    phase, drawing = 0.0, True
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        n = hypot(bx - ax, by - ay)
        t = 0.0
        while t < n:
            step = (on if drawing else off) - phase
            if step <= 1e-9:  # a dash that ended exactly at a corner: start the next one
                phase, drawing = 0.0, not drawing
                continue
            t1 = min(n, t + step)
            if drawing:
                draw.line(((ax + (bx - ax) * t / n, ay + (by - ay) * t / n),
                           (ax + (bx - ax) * t1 / n, ay + (by - ay) * t1 / n)), fill=colour, width=max(1, round(w)))
            if t1 - t < step:
                phase += t1 - t
            else:
                phase, drawing = 0.0, not drawing
            t = t1
