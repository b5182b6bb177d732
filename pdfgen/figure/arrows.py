"""Motion arrows: an arc around a joint (following a point from the earlier pose to the last) or a
straight push. Where an arrow would touch the body it is moved out once, when the file is loaded,
so every figure keeps a white gap between arrow and limb without hand-tuning."""

from __future__ import annotations

from dataclasses import replace
from math import atan2, cos, degrees, hypot, radians, sin
from typing import TYPE_CHECKING

from . import skeleton as sk
from .shapes import Capsule, Circle, Point, Polygon, Polyline, distance_to
from .solve import radius_of

if TYPE_CHECKING:
    from .records import Arrow, FigureSpec

ARROW_W = 0.02
HEAD_LEN = 0.058
HEAD_HALF = 0.042
MIN_ARC = 0.16  # shortest arc arrow, in H, so a small motion still gets a readable arrow
MIN_CLEAR = 0.012  # white space between an arrow's edge and the body
STEP = 0.01


def _uv(q: tuple[float, float, float]) -> Point:
    return (q[0], q[1])


def arrow_line(arrow: Arrow, projs: list[dict], bodies: tuple, cam=None) -> list[Point]:
    """The arrow's centre line on the page, tip last (before any mirroring).

    A `turn` arrow is a level circle around the vertical through `at` (the twist cue), so it
    needs the camera: seen from above or at three-quarters it is an ellipse.
    """
    idx = arrow.pose % len(projs)
    body = bodies[idx]
    centre = _uv(_proj_point(projs[idx], body, arrow.at))
    if arrow.kind == "turn":
        from .solve import point_of

        c = point_of(body, arrow.at)
        r = arrow.radius if arrow.radius is not None else 0.2
        a0, a1 = float(arrow.start or 0.0), float(arrow.end or 0.0)
        n = max(6, int(abs(a1 - a0) / 6) + 1)
        ring = {str(i): (c[0] + r * cos(radians(a0 + (a1 - a0) * i / n)), c[1] + arrow.offset,
                         c[2] + r * sin(radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)}
        return [_uv(q) for q in cam.project(ring).values()]
    if arrow.kind == "push":
        t = radians(arrow.direction)
        d = (cos(t), sin(t))
        lead = radius_of(arrow.at) + arrow.gap
        if arrow.toward:
            end = (centre[0] - lead * d[0], centre[1] - lead * d[1])
            start = (end[0] - arrow.length * d[0], end[1] - arrow.length * d[1])
        else:
            start = (centre[0] + lead * d[0], centre[1] + lead * d[1])
            end = (start[0] + arrow.length * d[0], start[1] + arrow.length * d[1])
        line = [start, end]
    else:
        if arrow.follow:
            prev = max(idx - 1, 0)
            c0 = _uv(_proj_point(projs[prev], bodies[prev], arrow.at))
            f0 = _uv(_proj_point(projs[prev], bodies[prev], arrow.follow))
            f1 = _uv(_proj_point(projs[idx], body, arrow.follow))
            a0 = degrees(atan2(f0[1] - c0[1], f0[0] - c0[0]))
            a1 = degrees(atan2(f1[1] - centre[1], f1[0] - centre[0]))
            radius = arrow.radius if arrow.radius is not None else hypot(f1[0] - centre[0], f1[1] - centre[1]) + arrow.offset
        else:
            a0, a1 = float(arrow.start), float(arrow.end)  # type: ignore[arg-type]
            radius = arrow.radius if arrow.radius is not None else 0.2
        if arrow.start is not None and arrow.follow:
            a0 = arrow.start
        if arrow.end is not None and arrow.follow:
            a1 = arrow.end
        span = a1 - a0
        if arrow.follow and arrow.start is None and arrow.end is None:
            span = (span + 180.0) % 360.0 - 180.0  # the short way round
        trim = min(arrow.trim, abs(span) / 4)
        sgn = 1.0 if span >= 0 else -1.0
        a_start, a_end = a0 + sgn * trim, a0 + span - sgn * trim
        shortest = degrees(MIN_ARC / max(radius, 1e-6))  # a shaft must show beyond the head
        if abs(a_end - a_start) < shortest:
            mid = (a_start + a_end) / 2
            a_start, a_end = mid - sgn * shortest / 2, mid + sgn * shortest / 2
        n = max(4, int(abs(a_end - a_start) / 5) + 1)
        line = [(centre[0] + radius * cos(radians(a_start + (a_end - a_start) * i / n)),
                 centre[1] + radius * sin(radians(a_start + (a_end - a_start) * i / n))) for i in range(n + 1)]
    return line


def _proj_point(proj: dict, body: sk.Body, name: str) -> tuple[float, float, float]:
    if name in proj:
        return proj[name]
    a, b, _, _ = sk.SEGMENTS[name]
    pa, pb = proj[a], proj[b]
    return ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2)


def emit_arrow(line: list[Point], both: bool, out: list) -> None:
    """Appends the arrow (shaft and head, each after its white gap) to the shape list."""
    heads = [_head(line[-2], line[-1])]
    shaft = _shorten(line, HEAD_LEN * 0.8, end=True)
    if both:
        heads.append(_head(line[1], line[0]))
        shaft = _shorten(shaft, HEAD_LEN * 0.8, end=False)
    out.append(Polyline(tuple(shaft), ARROW_W + 2 * sk.GAP, "gap"))
    out.extend(Polygon(h, "gap", sk.GAP) for h in heads)
    out.append(Polyline(tuple(shaft), ARROW_W, "arrow"))
    out.extend(Polygon(h, "arrow", 0.004) for h in heads)


def _head(frm: Point, tip: Point) -> tuple[Point, ...]:
    dx, dy = tip[0] - frm[0], tip[1] - frm[1]
    n = hypot(dx, dy) or 1.0
    dx, dy = dx / n, dy / n
    bx, by = tip[0] - HEAD_LEN * dx, tip[1] - HEAD_LEN * dy
    return (tip, (bx - HEAD_HALF * dy, by + HEAD_HALF * dx), (bx + HEAD_HALF * dy, by - HEAD_HALF * dx))


def _shorten(line: list[Point], by: float, end: bool) -> list[Point]:
    pts = list(line) if end else list(reversed(line))
    while len(pts) > 2 and hypot(pts[-1][0] - pts[-2][0], pts[-1][1] - pts[-2][1]) <= by:
        by -= hypot(pts[-1][0] - pts[-2][0], pts[-1][1] - pts[-2][1])
        pts.pop()
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    n = hypot(x1 - x0, y1 - y0) or 1.0
    k = max(n - by, 0.0) / n
    pts[-1] = (x0 + (x1 - x0) * k, y0 + (y1 - y0) * k)
    return pts if end else list(reversed(pts))


def _samples(line: list[Point], both: bool) -> list[Point]:
    pts: list[Point] = []
    for p, q in zip(line, line[1:]):
        pts.extend((p[0] + (q[0] - p[0]) * k / 6, p[1] + (q[1] - p[1]) * k / 6) for k in range(6))
    pts.append(line[-1])
    heads = [_head(line[-2], line[-1])] + ([_head(line[1], line[0])] if both else [])
    for h in heads:
        for i in range(3):
            p, q = h[i], h[(i + 1) % 3]
            pts.extend((p[0] + (q[0] - p[0]) * k / 4, p[1] + (q[1] - p[1]) * k / 4) for k in range(4))
    return pts


def clearance(line: list[Point], both: bool, body: list) -> float:
    """Smallest gap between the arrow (shaft and heads) and any shape of the body.

    Each shape gets a bounding circle first, so far-away limbs cost one subtraction.
    """
    bounds = []
    for s in body:
        pts = [s.c] if isinstance(s, Circle) else ([s.a, s.b] if isinstance(s, Capsule) else list(s.points))
        cx, cy = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        reach = max(hypot(p[0] - cx, p[1] - cy) for p in pts) + s.r
        bounds.append((cx, cy, reach, s))
    best = float("inf")
    for p in _samples(line, both):
        for cx, cy, reach, s in bounds:
            if hypot(p[0] - cx, p[1] - cy) - reach < best:
                best = min(best, distance_to(p, s))
    return best - ARROW_W / 2


def clear_arrows(spec: FigureSpec) -> FigureSpec:
    """Moves each arrow out (a longer lead for a push, a wider arc) until it clears the body.

    Runs once at load: distances do not change with mirroring, and a build must stay cheap.
    """
    if not spec.arrows:
        return spec
    from .body import drawn_points, pose_fills
    from .camera import camera
    from .solve import place

    scene = place(spec)
    cam = camera(spec, mirrored=False)
    projs = [cam.project(drawn_points(b)) for b in scene.bodies]
    fills = [pose_fills(proj, pose) for proj, pose in zip(projs, spec.poses)]
    solid = range(len(projs)) if spec.sequence else (len(projs) - 1,)
    shared = [s for i in solid for s in fills[i]]
    arrows = []
    for arrow in spec.arrows:
        # a stacked panel holds one pose: its arrows need clear only that body
        body = fills[arrow.pose % len(fills)] if spec.sequence == "column" else shared
        for _ in range(25):
            if clearance(arrow_line(arrow, projs, scene.bodies, cam), arrow.both, body) >= MIN_CLEAR:
                break
            if arrow.kind == "push":
                arrow = replace(arrow, gap=round(arrow.gap + STEP, 3))
            elif arrow.radius is not None or arrow.kind == "turn":
                arrow = replace(arrow, radius=round((arrow.radius or 0.2) + STEP, 3))
            else:
                arrow = replace(arrow, offset=round(arrow.offset + STEP, 3))
        arrows.append(arrow)
    return replace(spec, arrows=tuple(arrows))
