"""The drawing vocabulary: four frozen shapes in figure units (H = 1, y up) and the finished
Geometry. Backends know only these, so a PDF, an SVG and a PNG of a figure are the same picture."""

from __future__ import annotations

from dataclasses import dataclass, replace
from math import hypot
from typing import Callable, Sequence

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Capsule:
    """A thick line with round ends (a limb): centre line a-b, radius r."""

    a: Point
    b: Point
    r: float
    tone: str


@dataclass(frozen=True, slots=True)
class Circle:
    """A filled disc (the head)."""

    c: Point
    r: float
    tone: str


@dataclass(frozen=True, slots=True)
class Polygon:
    """A filled polygon, grown by r with round corners; optional edge line of width edge_w."""

    points: tuple[Point, ...]
    tone: str
    r: float = 0.0
    edge: str = ""
    edge_w: float = 0.0


@dataclass(frozen=True, slots=True)
class Polyline:
    """A stroked open line of width w; `dash` (on, off) draws butt-ended stripes."""

    points: tuple[Point, ...]
    w: float
    tone: str
    dash: tuple[float, float] | None = None


Shape = Capsule | Circle | Polygon | Polyline


@dataclass(frozen=True)
class Geometry:
    """The finished figure: shapes in painter's order and their bounding box (x0, y0, x1, y1)."""

    id: str
    shapes: tuple[Shape, ...]
    bbox: tuple[float, float, float, float]


def fit_scale(geometry: Geometry, w: float, h: float) -> float:
    """The largest scale (page units per body height H) at which the figure fits a w x h box."""
    x0, y0, x1, y1 = geometry.bbox
    return min(w / max(x1 - x0, 1e-9), h / max(y1 - y0, 1e-9))


def shared_scale(geometries: Sequence[Geometry], cell_w: float, cell_h: float) -> float:
    """One scale for a row of equal cells (a card strip, a poster row, the batch index).

    Fitting each figure to its own cell shrinks a body lying on the floor to a thin strip
    beside a standing one, so the same person looks a different size in every cell. At the
    shared scale every body is drawn at the same size: the largest at which each figure still
    fits its cell. Pass it to `backend_rl.draw(..., scale=)`; figures then sit centred in their
    cells. A figure much wider than the others (a two-phase `sequence`) holds the whole row
    down, so a layout may give it two cells and pass it cell_w twice as wide.

    Args:
        geometries: the row's figures, from `build()`.
        cell_w: width of one cell, in page units (points or pixels).
        cell_h: height of one cell.

    Returns:
        Page units per H; 0.0 for an empty row.
    """
    return min((fit_scale(g, cell_w, cell_h) for g in geometries), default=0.0)


def moved(s: Shape, f: Callable[[Point], Point]) -> Shape:
    """The same shape with every point mapped by `f`: mirrored (x negated, exact in floating
    point, so a mirrored bbox is exact too) or shifted (a panel of a stacked sequence)."""
    if isinstance(s, Capsule):
        return replace(s, a=f(s.a), b=f(s.b))
    if isinstance(s, Circle):
        return replace(s, c=f(s.c))
    return replace(s, points=tuple(map(f, s.points)))


def bbox_of(shapes: tuple[Shape, ...]) -> tuple[float, float, float, float]:
    """Extent of everything drawn, outlines and round ends included."""
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for s in shapes:
        if isinstance(s, Capsule):
            pts, r = (s.a, s.b), s.r
        elif isinstance(s, Circle):
            pts, r = (s.c,), s.r
        elif isinstance(s, Polygon):
            pts, r = s.points, s.r + s.edge_w / 2
        else:
            pts, r = s.points, s.w / 2
        for x, y in pts:
            x0, x1 = min(x0, x - r), max(x1, x + r)
            y0, y1 = min(y0, y - r), max(y1, y + r)
    return (x0, y0, x1, y1)


def seg_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from point p to segment ab on the page."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n))
    return hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def distance_to(p: Point, s: Shape) -> float:
    """Distance from p to the drawn edge of a shape (negative inside). Polygons are treated by
    their outline, which is enough for the thin trunk slabs and for clearance checks."""
    if isinstance(s, Capsule):
        return seg_distance(p, s.a, s.b) - s.r
    if isinstance(s, Circle):
        return hypot(p[0] - s.c[0], p[1] - s.c[1]) - s.r
    if isinstance(s, Polygon):
        pts = s.points
        return min(seg_distance(p, pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts))) - s.r
    pts = s.points
    return min(seg_distance(p, a, b) for a, b in zip(pts, pts[1:])) - s.w / 2


def hull(points: list[Point]) -> tuple[Point, ...]:
    """Convex hull (monotone chain), counter-clockwise: the silhouette of a projected box."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return tuple(pts)

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for q in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], q) <= 0:
            lower.pop()
        lower.append(q)
    upper: list[Point] = []
    for q in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], q) <= 0:
            upper.pop()
        upper.append(q)
    return tuple(lower[:-1] + upper[:-1])
