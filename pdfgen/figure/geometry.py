"""A figure spec turned into a flat, ordered list of 2-D shapes in figure units (H = 1).

Built once, drawn by thin backends (ReportLab vectors, Pillow rasters), so every output shows the
same picture. Painter's order: props, the earlier pose as a pale ghost, the final pose (far limbs
lighter and first, then trunk and head, then near limbs), arrows, and the target highlight last so
a hand can never hide it. Every limb is preceded by a white `gap` copy of itself, slightly fatter,
which is what keeps overlapping limbs readable at small sizes.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import atan2, cos, degrees, hypot, radians, sin

from . import skeleton as sk
from .props import PlacedProp, build_props
from .solve import place, point_of, radius_of
from .spec import Arrow, FigureSpec, Highlight

Point = tuple[float, float]
ARROW_W = 0.02
HEAD_LEN = 0.058
HEAD_HALF = 0.042
SPLIT_AT = 105.0  # a knee or elbow folded past this is drawn as two pieces with a gap between
TRUNK_LINKS = (("root", "l5"), ("l5", "l3"), ("l3", "t12"), ("t12", "t7"), ("t7", "c7"))
SEG_POINTS = {"pelvis": ("root", "l5"), "lumbar": ("l5", "t12"), "thorax": ("t12", "c7")}


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


class _Camera:
    """Projects world points: u right, v up on the page, d toward the viewer."""

    def __init__(self, yaw: float, pitch: float, depth_sign: float) -> None:
        a, b = radians(yaw), radians(pitch)
        self.u = (cos(a), 0.0, -sin(a))
        self.v = (-sin(a) * sin(b), cos(b), -cos(a) * sin(b))
        self.d = (sin(a) * cos(b) * depth_sign, sin(b) * depth_sign, cos(a) * cos(b) * depth_sign)

    def project(self, pts: dict[str, sk.Vec]) -> dict[str, tuple[float, float, float]]:
        ux, uy, uz = self.u
        vx, vy, vz = self.v
        dx, dy, dz = self.d
        return {k: (x * ux + y * uy + z * uz, x * vx + y * vy + z * vz, x * dx + y * dy + z * dz)
                for k, (x, y, z) in pts.items()}

    def one(self, p: sk.Vec) -> tuple[float, float, float]:
        return self.project({"p": p})["p"]


def build(spec: FigureSpec, *, mirrored: bool = False) -> Geometry:
    """Builds the figure's shapes.

    Args:
        spec: a loaded figure.
        mirrored: turn the body 180 degrees so its left side faces the viewer. In level views
            (side, front) this is a real turn: near and far limbs swap. Looking down (three-quarter,
            top) a turn would show the figure from under the floor, so there the pose itself is
            mirrored (the same stretch on the other side) and its working limbs stay nearest.
            Either way the picture's bounding box is the exact mirror of the original's.

    Returns:
        The geometry in figure units, y up, painter's order.
    """
    flip = (spec.facing == "left") != mirrored
    turn = flip and spec.view.pitch == 0.0
    cam = _Camera(spec.view.yaw, spec.view.pitch, -1.0 if turn else 1.0)
    scene = place(spec)
    out: list[Shape] = []
    for prop in build_props(spec, scene):
        _prop_shapes(prop, cam, spec.view.pitch, out)
    projs = [cam.project(b.points) for b in scene.bodies]
    bias = dict(spec.depth_bias)
    if spec.sequence:
        for pose, proj in zip(spec.poses[:-1], projs[:-1]):
            _body_shapes(proj, pose.angle_map(), bias, False, out)
    elif spec.ghost:
        for pose, proj in zip(spec.poses[:-1], projs[:-1]):
            _body_shapes(proj, pose.angle_map(), bias, True, out)
    _body_shapes(projs[-1], spec.poses[-1].angle_map(), bias, False, out)
    for arrow in spec.arrows:
        _arrow_shapes(arrow, projs, scene.bodies, out)
    for hl in spec.highlights:
        _highlight_shapes(hl, scene.bodies[-1], cam, out)
    shapes = tuple(_flipped(s) for s in out) if flip else tuple(out)
    return Geometry(spec.id, shapes, bbox_of(shapes))


# --- body -----------------------------------------------------------------------------------------
def _body_shapes(p: dict, angles: dict[str, float], bias: dict[str, float], ghost: bool, out: list) -> None:
    """Appends one pose's chains (limbs, trunk, head) in depth order, each after its white gap."""
    gap, rt = sk.GAP, sk.R_TRUNK
    chains: list[tuple[float, int, list, list]] = []
    tone = "ghost" if ghost else "near"
    trunk_fill, trunk_gap = [], []
    for a, b in TRUNK_LINKS:
        pts = (_uv(p[a + ">R"]), _uv(p[b + ">R"]), _uv(p[b + ">L"]), _uv(p[a + ">L"]))
        trunk_gap.append(Polygon(pts, "gap", rt + gap))
        trunk_fill.append(Polygon(pts, tone, rt))
    spine_depth = sum(p[n][2] for n in sk.SPINE) / 6
    chains.append((spine_depth + bias.get("trunk", 0.0), 0, trunk_gap, trunk_fill))
    h = _uv(p["head"])
    chains.append((p["head"][2] + bias.get("head", 0.0), 1, [Circle(h, sk.HEAD_R + gap, "gap")],
                   [Circle(h, sk.HEAD_R, tone)]))
    for side, other in (("R", "L"), ("L", "R")):
        for limb, root, segs, fold in (
            ("leg", "hip", ("thigh", "shank", "foot"), "knee"),
            ("arm", "shoulder", ("upper_arm", "forearm", "hand"), "elbow"),
        ):
            name = f"{limb}_{side}"
            if ghost:
                t = "ghost"
            else:
                far = p[f"{root}_{side}"][2] < p[f"{root}_{other}"][2] - 0.03
                t = "far" if far else "near"
            caps = []
            for seg in segs:
                a, b, r, _ = sk.SEGMENTS[f"{seg}_{side}"]
                caps.append((_uv(p[a]), _uv(p[b]), r))
            depth = sum(p[sk.SEGMENTS[f"{s}_{side}"][0]][2] for s in segs) / 3 + bias.get(name, 0.0)
            pieces = [caps[1:], caps[:1]] if angles.get(f"{fold}_{side}", 0.0) > SPLIT_AT else [caps]
            for k, piece in enumerate(pieces):
                chains.append((depth, 2 + k + (0 if limb == "leg" else 4),
                               [Capsule(a, b, r + gap, "gap") for a, b, r in piece],
                               [Capsule(a, b, r, t) for a, b, r in piece]))
    chains.sort(key=lambda c: (c[0], c[1]))
    for _, _, gaps, fills in chains:
        out.extend(gaps)
        out.extend(fills)


def _uv(q: tuple[float, float, float]) -> Point:
    return (q[0], q[1])


# --- props ----------------------------------------------------------------------------------------
def _prop_shapes(prop: PlacedProp, cam: _Camera, pitch: float, out: list) -> None:
    boxes = sorted(prop.boxes, key=lambda b: cam.one(((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, (b.z0 + b.z1) / 2))[2])
    for box in boxes:
        hull = _hull([_uv(q) for q in cam.project({str(i): c for i, c in enumerate(box.corners())}).values()])
        if box.role == "frame" or (prop.kind == "floor" and pitch < 5.0):
            out.append(Polygon(hull, "prop_line"))
        else:
            out.append(Polygon(hull, "prop", 0.0, "prop_line", 0.006))
    for a, b, r in prop.lines:
        pa, pb = cam.one(a), cam.one(b)
        out.append(Capsule(_uv(pa), _uv(pb), r, "prop_line"))


def _hull(points: list[Point]) -> tuple[Point, ...]:
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


# --- arrows ---------------------------------------------------------------------------------------
def _arrow_shapes(arrow: Arrow, projs: list[dict], bodies: tuple, out: list) -> None:
    idx = arrow.pose % len(projs)
    body = bodies[idx]
    centre = _uv(_proj_point(projs[idx], body, arrow.at))
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
        n = max(4, int(abs(a_end - a_start) / 5) + 1)
        line = [(centre[0] + radius * cos(radians(a_start + (a_end - a_start) * i / n)),
                 centre[1] + radius * sin(radians(a_start + (a_end - a_start) * i / n))) for i in range(n + 1)]
    _emit_arrow(line, arrow.both, out)


def _proj_point(proj: dict, body: sk.Body, name: str) -> tuple[float, float, float]:
    if name in proj:
        return proj[name]
    a, b, _, _ = sk.SEGMENTS[name]
    pa, pb = proj[a], proj[b]
    return ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2)


def _emit_arrow(line: list[Point], both: bool, out: list) -> None:
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


# --- highlight ------------------------------------------------------------------------------------
def _highlight_shapes(hl: Highlight, body: sk.Body, cam: _Camera, out: list) -> None:
    pts = body.points
    if hl.segment in SEG_POINTS:
        a_name, b_name = SEG_POINTS[hl.segment]
        r = sk.R_TRUNK
        frame = body.frames[hl.segment]
    else:
        a_name, b_name, r, _ = sk.SEGMENTS[hl.segment]
        frame = body.frames.get(hl.segment, body.frames["head"])
    if hl.side in ("right", "left") and hl.segment in SEG_POINTS:
        s = ">R" if hl.side == "right" else ">L"
        a, b = pts[a_name + s], pts[b_name + s]
        k = 0.35 * r * (1 if hl.side == "right" else -1)
        off = (frame[2] * k, frame[5] * k, frame[8] * k)
    else:
        a, b = pts[a_name], pts[b_name]
        col = {"front": (0, 1.0), "back": (0, -1.0), "right": (2, 1.0), "left": (2, -1.0)}.get(hl.side)
        k = 0.42 * r
        off = (0.0, 0.0, 0.0) if col is None else (frame[col[0]] * k * col[1], frame[3 + col[0]] * k * col[1],
                                                    frame[6 + col[0]] * k * col[1])

    def at(t: float) -> Point:
        q = cam.one((a[0] + (b[0] - a[0]) * t + off[0], a[1] + (b[1] - a[1]) * t + off[1],
                     a[2] + (b[2] - a[2]) * t + off[2]))
        return (q[0], q[1])

    rh = 0.6 * r
    p0, p1 = at(hl.start), at(hl.end)
    out.append(Capsule(p0, p1, rh, "highlight"))
    n = hypot(p1[0] - p0[0], p1[1] - p0[1])
    if n > 2 * rh + 0.01:  # stripes, so the target reads without colour
        k0, k1 = rh / n, 1 - rh / n
        s0 = (p0[0] + (p1[0] - p0[0]) * k0, p0[1] + (p1[1] - p0[1]) * k0)
        s1 = (p0[0] + (p1[0] - p0[0]) * k1, p0[1] + (p1[1] - p0[1]) * k1)
        out.append(Polyline((s0, s1), 2 * rh, "gap", (0.009, 0.018)))


# --- mirroring and extent -------------------------------------------------------------------------
def _flipped(s: Shape) -> Shape:
    """The same shape with x negated exactly (float negation is exact, so the bbox mirrors exactly)."""
    if isinstance(s, Capsule):
        return Capsule((-s.a[0], s.a[1]), (-s.b[0], s.b[1]), s.r, s.tone)
    if isinstance(s, Circle):
        return Circle((-s.c[0], s.c[1]), s.r, s.tone)
    if isinstance(s, Polygon):
        return Polygon(tuple((-x, y) for x, y in s.points), s.tone, s.r, s.edge, s.edge_w)
    return Polyline(tuple((-x, y) for x, y in s.points), s.w, s.tone, s.dash)


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
