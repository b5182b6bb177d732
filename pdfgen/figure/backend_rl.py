"""Vector backend: draws a Geometry with ReportLab (the only figure module that imports it).

The same shapes as the PNG backend, drawn as PDF paths, so a figure stays sharp at any print
size and costs a few hundred bytes. Strokes never go below 0.5 pt: thinner lines vanish on
office printers.
"""

from __future__ import annotations

from .geometry import Capsule, Circle, Geometry, Polygon, Polyline
from .shapes import fit_scale
from .palette import palette, rgb

MIN_LINE_PT = 0.5


def _fit(geometry: Geometry, x: float, y: float, w: float, h: float,
         scale: float | None = None) -> tuple[float, float, float]:
    """Scale and offset that fit the bounding box into the box, aspect kept, centred (at the
    given scale, if any, e.g. a row's `shared_scale`)."""
    x0, y0, x1, y1 = geometry.bbox
    if scale is None:
        scale = fit_scale(geometry, w, h)
    ox = x + (w - (x1 - x0) * scale) / 2 - x0 * scale
    oy = y + (h - (y1 - y0) * scale) / 2 - y0 * scale
    return scale, ox, oy


def draw(canvas, geometry: Geometry, x: float, y: float, w: float, h: float, *,
         grayscale: bool = False, scale: float | None = None) -> None:
    """Draws the figure centred in the box (x, y, w, h) in points, aspect kept: fitted to the
    box, or at `scale` points per body height (a row's `shapes.shared_scale`, so every body in
    the row is the same size; the caller makes sure it fits)."""
    scale, ox, oy = _fit(geometry, x, y, w, h, scale)
    pal = palette(grayscale)

    def pt(p):
        return ox + p[0] * scale, oy + p[1] * scale

    def colour(tone: str) -> tuple[float, float, float]:
        r, g, b = rgb(pal.colour(tone))
        return r / 255, g / 255, b / 255

    canvas.saveState()
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for s in geometry.shapes:
        if isinstance(s, Capsule):
            canvas.setStrokeColorRGB(*colour(s.tone))
            canvas.setLineWidth(max(MIN_LINE_PT, 2 * s.r * scale))
            (ax, ay), (bx, by) = pt(s.a), pt(s.b)
            canvas.line(ax, ay, bx, by)
        elif isinstance(s, Circle):
            canvas.setFillColorRGB(*colour(s.tone))
            cx, cy = pt(s.c)
            canvas.circle(cx, cy, max(s.r * scale, MIN_LINE_PT / 2), stroke=0, fill=1)
        elif isinstance(s, Polygon):
            _polygon(canvas, [pt(p) for p in s.points], s, scale, colour)
        elif isinstance(s, Polyline):
            _polyline(canvas, [pt(p) for p in s.points], s, scale, colour)
    canvas.restoreState()


def _path(canvas, pts, close: bool):
    p = canvas.beginPath()
    p.moveTo(*pts[0])
    for q in pts[1:]:
        p.lineTo(*q)
    if close:
        p.close()
    return p


def _polygon(canvas, pts, s: Polygon, scale: float, colour) -> None:
    if len(pts) < 2:
        return
    fill = colour(s.tone)
    canvas.setFillColorRGB(*fill)
    canvas.setStrokeColorRGB(*fill)
    grow = 2 * s.r * scale
    canvas.setLineWidth(max(MIN_LINE_PT, grow))
    canvas.drawPath(_path(canvas, pts, True), stroke=1 if grow > 0 else 0, fill=1)
    if s.edge:
        canvas.setStrokeColorRGB(*colour(s.edge))
        canvas.setLineWidth(max(MIN_LINE_PT, s.edge_w * scale))
        canvas.drawPath(_path(canvas, pts, True), stroke=1, fill=0)


def _polyline(canvas, pts, s: Polyline, scale: float, colour) -> None:
    if len(pts) < 2:
        return
    canvas.setStrokeColorRGB(*colour(s.tone))
    canvas.setLineWidth(max(MIN_LINE_PT, s.w * scale))
    if s.dash is None:
        canvas.drawPath(_path(canvas, pts, False), stroke=1, fill=0)
        return
    canvas.saveState()
    canvas.setLineCap(0)
    canvas.setDash([max(0.5, s.dash[0] * scale), max(0.5, s.dash[1] * scale)], 0)
    canvas.drawPath(_path(canvas, pts, False), stroke=1, fill=0)
    canvas.restoreState()


def to_drawing(geometry: Geometry, width: float, height: float, *, grayscale: bool = False):
    """A `reportlab.graphics.shapes.Drawing` of the figure, for SVG and single-figure PDF export."""
    from reportlab.graphics.shapes import Circle as RCircle, Drawing, Group, Line, PolyLine
    from reportlab.graphics.shapes import Polygon as RPolygon
    from reportlab.lib.colors import Color

    scale, ox, oy = _fit(geometry, 0, 0, width, height)
    pal = palette(grayscale)

    def col(tone: str) -> Color:
        r, g, b = rgb(pal.colour(tone))
        return Color(r / 255, g / 255, b / 255)

    def flat(pts):
        return [v for p in pts for v in (ox + p[0] * scale, oy + p[1] * scale)]

    group = Group()
    for s in geometry.shapes:
        if isinstance(s, Capsule):
            (ax, ay, bx, by) = flat((s.a, s.b))
            group.add(Line(ax, ay, bx, by, strokeColor=col(s.tone), strokeLineCap=1,
                           strokeWidth=max(MIN_LINE_PT, 2 * s.r * scale)))
        elif isinstance(s, Circle):
            cx, cy = flat((s.c,))
            group.add(RCircle(cx, cy, max(s.r * scale, 0.25), fillColor=col(s.tone), strokeColor=None))
        elif isinstance(s, Polygon) and len(s.points) >= 2:
            grow = 2 * s.r * scale
            group.add(RPolygon(flat(s.points), fillColor=col(s.tone),
                               strokeColor=col(s.tone) if grow > 0 else None,
                               strokeWidth=max(MIN_LINE_PT, grow), strokeLineJoin=1))
            if s.edge:
                group.add(RPolygon(flat(s.points), fillColor=None, strokeColor=col(s.edge),
                                   strokeWidth=max(MIN_LINE_PT, s.edge_w * scale)))
        elif isinstance(s, Polyline) and len(s.points) >= 2:
            line = PolyLine(flat(s.points), strokeColor=col(s.tone), strokeLineCap=1,
                            strokeLineJoin=1, strokeWidth=max(MIN_LINE_PT, s.w * scale))
            if s.dash is not None:
                line.strokeDashArray = [max(0.5, s.dash[0] * scale), max(0.5, s.dash[1] * scale)]
                line.strokeLineCap = 0
            group.add(line)
    drawing = Drawing(width, height)
    drawing.add(group)
    return drawing
