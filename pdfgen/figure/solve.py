"""Putting posed bodies on their supports, and the small goal solver.

Contact is solved, never hand-placed: each pose is lifted until its declared contacts rest on
their surfaces (floor, mat top, seat, bed, table); a hanging pose is pinned to the bar; later
poses line up with the first on an anchor point so a ghost and its pose share the same knees or
pelvis. The goal solver varies only the joints a figure names, inside the hard range of motion,
and starts from the file's angles, because a free solver happily finds the wrong elbow.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from math import sqrt
from typing import TYPE_CHECKING

from . import skeleton as sk

if TYPE_CHECKING:
    from .records import FigureSpec, Goal, Pose

MAT_THICKNESS = 0.018
CHAIR_HEIGHT = 0.265
TABLE_HEIGHT = 0.47
BED_HEIGHT = 0.30
HANG_CLEARANCE = 0.08  # feet clear of the floor when hanging
SEQUENCE_GAP = 0.16  # between the phases of a `sequence: true` figure
ROOT_VARS = ("tilt", "roll", "yaw")  # the solver may also turn the whole body
TRUNK_SEGMENTS = {"pelvis": ("root", "l5"), "lumbar": ("l5", "l3", "t12"), "thorax": ("t12", "t7", "c7")}


@dataclass(frozen=True)
class Scene:
    """Every pose placed in the world, plus the solved support heights and the bar's centre."""

    bodies: tuple[sk.Body, ...]
    heights: dict[str, float]
    bar: tuple[float, float] | None


# --- body queries ---------------------------------------------------------------------------------
def point_of(body: sk.Body, name: str) -> sk.Vec:
    """A named point; a segment name means its middle (the palm, mid-thigh)."""
    pts = body.points
    if name in pts:
        return pts[name]
    a, b, _, _ = sk.SEGMENTS[name]
    pa, pb = pts[a], pts[b]
    return ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2)


def radius_of(name: str) -> float:
    """How thick the body is around a point or segment."""
    if name in sk.POINT_RADIUS:
        return sk.POINT_RADIUS[name]
    return sk.SEGMENTS[name][2]


def bottom(body: sk.Body, name: str) -> float:
    """Lowest height of a point or segment's drawn outline (radius included)."""
    pts = body.points
    if name in TRUNK_SEGMENTS:
        ys = [pts[f"{p}>{s}"][1] for p in TRUNK_SEGMENTS[name] for s in sk.SIDES]
        return min(ys) - sk.R_TRUNK
    if name in pts:
        return pts[name][1] - radius_of(name)
    a, b, r, _ = sk.SEGMENTS[name]
    return min(pts[a][1], pts[b][1]) - r


def lowest(body: sk.Body) -> float:
    """Lowest height of the whole drawn body."""
    low = min(bottom(body, n) for n in TRUNK_SEGMENTS)
    for name, (a, b, r, chain) in sk.SEGMENTS.items():
        if chain != "trunk":
            low = min(low, body.points[a][1] - r, body.points[b][1] - r)
    return low


def face_normal(body: sk.Body, segment: str, side: str) -> sk.Vec:
    """The outward direction of one face of a segment: front, back, inside (toward the
    midline) or outside. Taken from the segment's own frame, so "behind the knee" stays behind
    the thigh however the leg is turned."""
    f = body.frames[segment]
    col, sign = {"front": (0, 1.0), "back": (0, -1.0), "outside": (2, 1.0), "inside": (2, -1.0)}[side]
    if side in ("inside", "outside") and segment.endswith("_L"):
        sign = -sign  # the frame's third column points to the body's right on both sides
    return (f[col] * sign, f[3 + col] * sign, f[6 + col] * sign)


def segment_at(body: sk.Body, segment: str, at: float) -> sk.Vec:
    """The point on a segment's centre line at a fraction along it (0 start, 1 end)."""
    a, b, _, _ = sk.SEGMENTS[segment]
    pa, pb = body.points[a], body.points[b]
    return (pa[0] + (pb[0] - pa[0]) * at, pa[1] + (pb[1] - pa[1]) * at, pa[2] + (pb[2] - pa[2]) * at)


def translate(body: sk.Body, dx: float, dy: float, dz: float = 0.0) -> sk.Body:
    """The same body moved; frames are unchanged by a translation."""
    pts = {k: (p[0] + dx, p[1] + dy, p[2] + dz) for k, p in body.points.items()}
    return sk.Body(pts, body.frames)


def seg_distance(p: sk.Vec, a: sk.Vec, b: sk.Vec) -> float:
    """Distance from point p to segment ab in 3-D."""
    ab = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
    ap = (p[0] - a[0], p[1] - a[1], p[2] - a[2])
    n = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2
    t = 0.0 if n == 0 else max(0.0, min(1.0, (ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / n))
    d = (ap[0] - t * ab[0], ap[1] - t * ab[1], ap[2] - t * ab[2])
    return sqrt(d[0] ** 2 + d[1] ** 2 + d[2] ** 2)


# --- posing ---------------------------------------------------------------------------------------
def pose_body(pose: Pose) -> sk.Body:
    """Forward kinematics plus the flat-contact rule, root still at the origin.

    A rigid one-stroke foot would need impossible ankle angles to lie flat when kneeling or
    prone, so a foot or hand listed under `flat` is laid level, pointing where it already points.
    """
    body = sk.forward(pose.angle_map(), pose.root)
    if not pose.flat:
        return body
    pts = dict(body.points)
    frames = dict(body.frames)
    for name in pose.flat:
        side = name[-1]
        if name.startswith("foot"):
            a, b, base = f"heel_{side}", f"toe_{side}", pts[f"ankle_{side}"]
            fallback = (pts[f"ankle_{side}"], pts[f"knee_{side}"])
        else:
            a, b, base = f"wrist_{side}", f"fingers_{side}", pts[f"wrist_{side}"]
            fallback = (pts[f"elbow_{side}"], pts[f"wrist_{side}"])
        dx, dz = pts[b][0] - pts[a][0], pts[b][2] - pts[a][2]
        n = sqrt(dx * dx + dz * dz)
        if n < 1e-6:
            dx, dz = fallback[1][0] - fallback[0][0], fallback[1][2] - fallback[0][2]
            n = sqrt(dx * dx + dz * dz) or 1.0
        dx, dz = dx / n, dz / n
        if name.startswith("foot"):
            # Standing, the sole is under the ankle; kneeling or prone (shin level on the floor)
            # the top of the foot lies level with the bottom of the shin.
            kn, an = pts[f"knee_{side}"], pts[f"ankle_{side}"]
            shin_level = abs(kn[1] - an[1]) < 0.5 * sk.SHANK
            y = base[1] - ((sk.R_SHANK - sk.R_FOOT) if shin_level else sk.SOLE)
            pts[a] = (base[0] - sk.HEEL * dx, y, base[2] - sk.HEEL * dz)
            pts[b] = (base[0] + sk.TOE * dx, y, base[2] + sk.TOE * dz)
            # Columns toe-ward, sole-to-instep, right. On a level shin the sole faces up (the
            # drawn heel then rises toward the shin, as it does kneeling).
            up = -1.0 if shin_level else 1.0
            frames[name] = (dx, 0.0, -up * dz, 0.0, up, 0.0, dz, 0.0, up * dx)
        else:
            pts[b] = (base[0] + sk.HAND * dx, base[1], base[2] + sk.HAND * dz)
    return sk.Body(pts, frames)


def known_heights(spec_props: tuple) -> dict[str, float]:
    """Support heights given in the file (auto ones are solved later from the first pose)."""
    out = {"floor": 0.0}
    for p in spec_props:
        if p.kind == "mat":
            out["mat"] = p.height if p.height is not None else MAT_THICKNESS
        elif p.kind in ("chair", "table", "bed") and p.height is not None:
            out[p.kind] = p.height
        elif p.kind == "bed":
            out["bed"] = BED_HEIGHT
    return out


def _lift(body: sk.Body, pose: Pose, heights: dict[str, float]) -> float | None:
    lifts = [heights[c.on] - bottom(body, c.point) for c in pose.contacts if c.on in heights]
    return max(lifts) if lifts else None


def place(spec: FigureSpec) -> Scene:
    """Places every pose of a figure on its supports.

    Returns:
        The scene: bodies in world coordinates (first pose's root at x = 0 unless pinned),
        resolved support heights, and the bar centre if there is a bar.
    """
    heights = known_heights(spec.props)
    props = {p.kind: p for p in spec.props}
    raw = [pose_body(p) for p in spec.poses]
    bodies: list[sk.Body] = []
    bar: tuple[float, float] | None = None
    anchor_x = 0.0
    for i, (pose, body) in enumerate(zip(spec.poses, raw)):
        if pose.pin is not None:
            pin = point_of(body, pose.pin[0])
            if bar is None:
                bp = props["bar"]
                low = lowest(body)
                by = bp.height if bp.height is not None else pin[1] - low + HANG_CLEARANCE
                bar = (bp.x if bp.x is not None else 0.0, by)
            body = translate(body, bar[0] - pin[0], bar[1] - pin[1])
        else:
            dy = _lift(body, pose, heights)
            if dy is None:  # only contacts on auto-height props: sit them at the usual height
                for c in pose.contacts:
                    heights.setdefault(c.on, {"chair": CHAIR_HEIGHT, "table": TABLE_HEIGHT}.get(c.on, 0.0))
                dy = _lift(body, pose, heights) or 0.0
            # Nothing may sink through the floor, nor through the mat when the body lies on it.
            base = heights[spec.support] if spec.support in ("floor", "mat") else 0.0
            dy = max(dy, base - lowest(body))
            dx = 0.0
            if i > 0:
                dx = anchor_x - point_of(body, spec.anchor)[0]
                if getattr(spec, "sequence", "") == "row":  # phases side by side, a body's gap apart
                    prev = bodies[-1]
                    right = max(q[0] for q in prev.points.values())
                    left = min(q[0] for q in body.points.values())
                    dx = right - left + SEQUENCE_GAP
            body = translate(body, dx, dy)
            for c in pose.contacts:  # auto heights: the prop meets the body where it rests
                if c.on not in heights:
                    heights[c.on] = min(bottom(body, d.point) for d in pose.contacts if d.on == c.on)
        if i == 0:
            anchor_x = point_of(body, spec.anchor)[0]
        bodies.append(body)
    return Scene(tuple(bodies), heights, bar)


# --- goal solver ----------------------------------------------------------------------------------
def _residuals(pose: Pose, goals: list[Goal], heights: dict[str, float],
               labels: list[str] | None = None) -> list[float]:
    body = pose_body(pose)
    out: list[float] = []
    ref = next((c for c in pose.contacts if c.on in heights), None)
    for g in goals:
        if labels is not None:
            label = f"{g.point} {g.kind} {g.target}" + (f" ({g.side})" if g.side else "")
            labels.extend([label] * (3 if g.kind in ("rest", "offset") or g.side else 1))
        if g.kind == "on":
            if ref is None or g.target not in heights:
                raise ValueError(f"goal on {g.target}: needs a contact on a surface of known height")
            out.append((bottom(body, g.point) - heights[g.target]) - (bottom(body, ref.point) - heights[ref.on]))
        elif g.kind == "rest":  # on top of a segment at `at`: over it, and touching from above
            p = point_of(body, g.point)
            a, b, r, _ = sk.SEGMENTS[g.target]
            pa, pb = body.points[a], body.points[b]
            q = tuple(u + (v - u) * g.at for u, v in zip(pa, pb))
            out.extend((p[0] - q[0], p[2] - q[2], p[1] - q[1] - r - radius_of(g.point)))
        elif g.kind == "offset":
            p, q = point_of(body, g.point), point_of(body, g.target)
            out.extend(p[i] - q[i] - g.offset[i] for i in range(3))  # type: ignore[index]
        elif g.kind == "below":  # straight under (or over) the target: same horizontal place
            p, q = point_of(body, g.point), point_of(body, g.target)
            out.append(p[0] - q[0])
        elif g.side:  # on one face of the segment: the point's surface meets that face there
            p, q = point_of(body, g.point), segment_at(body, g.target, g.at if g.at is not None else 0.5)
            n = face_normal(body, g.target, g.side)
            reach = radius_of(g.point) + radius_of(g.target)
            out.extend(p[i] - q[i] - n[i] * reach for i in range(3))
        else:
            p = point_of(body, g.point)
            if g.at is not None:
                a, b, _, _ = sk.SEGMENTS[g.target]
                pa, pb = body.points[a], body.points[b]
                q = tuple(u + (v - u) * g.at for u, v in zip(pa, pb))
                d = sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2)
            elif g.target in body.points:
                q = body.points[g.target]
                d = sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2)
            else:
                a, b, _, _ = sk.SEGMENTS[g.target]
                d = seg_distance(p, body.points[a], body.points[b])
            out.append(d - radius_of(g.point) - radius_of(g.target))
    return out


def solve_goals(pose: Pose, vary: list[str], goals: list[Goal], props: tuple = ()) -> Pose:
    """Damped least squares on the named joints only, clamped to the hard range of motion.

    Raises:
        ValueError: when the goals cannot be met within 0.003 H.
    """
    rom = {k: d.hard for k, d in sk.rom_table().items()}
    rom.update({k: (-180.0, 180.0) for k in ROOT_VARS})
    heights = known_heights(props)
    angles = pose.angle_map()
    x = [getattr(pose.root, v) if v in ROOT_VARS else angles.get(v, 0.0) for v in vary]

    def at(xs: list[float]) -> Pose:
        a = dict(angles)
        root = {k: getattr(pose.root, k) for k in ROOT_VARS}
        for v, xv in zip(vary, xs):
            if v in ROOT_VARS:
                root[v] = xv
            else:
                a[v] = xv
        return replace(pose, root=sk.Root(**root), angles=tuple(sorted(a.items())))

    def cost(r: list[float]) -> float:
        return sum(v * v for v in r)

    r = _residuals(at(x), goals, heights)
    lam = 1e-3
    for _ in range(80):
        if cost(r) < 1e-10:
            break
        h = 0.25
        cols = []
        for j in range(len(x)):
            xs = list(x)
            xs[j] += h
            rj = _residuals(at(xs), goals, heights)
            cols.append([(b - a) / h for a, b in zip(r, rj)])
        n = len(x)
        jtj = [[sum(cols[i][k] * cols[j][k] for k in range(len(r))) for j in range(n)] for i in range(n)]
        jtr = [sum(cols[i][k] * r[k] for k in range(len(r))) for i in range(n)]
        for i in range(n):
            jtj[i][i] += lam * (1.0 + jtj[i][i])
        dx = _solve_linear(jtj, [-v for v in jtr])
        xn = [min(max(xi + di, rom[v][0]), rom[v][1]) for xi, di, v in zip(x, dx, vary)]
        rn = _residuals(at(xn), goals, heights)
        if cost(rn) < cost(r):
            x, r, lam = xn, rn, max(lam / 3, 1e-7)
        else:
            lam *= 4
            if lam > 1e6:
                break
    worst = max((abs(v) for v in r), default=0.0)
    if worst > 0.003:
        labels: list[str] = []
        _residuals(at(x), goals, heights, labels)
        name = labels[max(range(len(r)), key=lambda i: abs(r[i]))]
        raise ValueError(f"goal '{name}' not reached (off by {worst:.3f} H): start nearer or vary other joints")
    return at([round(v, 2) for v in x])


def _solve_linear(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [bv] for row, bv in zip(a, b)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-15:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-15 else 0.0 for i in range(n)]
