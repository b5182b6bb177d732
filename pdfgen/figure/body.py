"""One posed skeleton drawn as a pictogram body: trunk, neck and a head that faces somewhere,
limbs, hands that are closed (gripping) or open (pressing), and feet with a heel and a toe.

The parts that carry meaning are built in 3-D from the segment frames and projected with the
rest, so a nose points where the face points and a flat sole lies flat in every view. Chains
(trunk, head, each limb) are painted far to near, each after its white gap; a target highlight
is painted with the limb it belongs to, so a nearer limb covers it as it would cover the muscle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import skeleton as sk
from .shapes import Capsule, Circle, Point, Polygon, Shape, hull

if TYPE_CHECKING:
    from .records import Pose

SPLIT_AT = 105.0  # a knee or elbow folded past this is drawn as two pieces with a gap between
TRUNK_LINKS = (("root", "l5"), ("l5", "l3"), ("l3", "t12"), ("t12", "t7"), ("t7", "c7"))
TRUNK_SEGMENTS = ("pelvis", "lumbar", "thorax")  # highlights on these are painted with the trunk
NECK_BASE = 0.55  # the trunk's top edge is drawn this far from C7 toward T7, so a neck shows above it
R_NECK = 0.026
NOSE = 0.024  # how far the nose reaches past the head's outline, seen side on
FACE_ON = 0.55  # a face turned this far toward the viewer shows eyes instead of a nose
FIST = (0.35, 0.6)  # a closed hand's capsule, as fractions along the hand: centred on the palm,
# so a hand pinned to a bar or touching a knee at `hand_R` holds it in the middle of the fist
R_FIST = 0.029
R_PALM = 0.02
GHOST_EDGE = 0.012  # the width of the earlier pose's outline
FOOT_PAD = 0.01  # the foot outline is grown by this much, so its corners are round
# The foot outline: (fraction from heel centre to toe centre, height over that line, half width).
# A tall heel behind the ankle, a flat sole, a thin toe: the shape says which way a foot points
# and whether its sole lies on the floor.
FOOT_OUTLINE = ((-0.08, -0.012, 0.018), (-0.08, 0.02, 0.016), (0.3, 0.022, 0.022),
                (0.95, -0.002, 0.026), (1.02, -0.012, 0.024))


def drawn_points(body: sk.Body) -> dict[str, sk.Vec]:
    """The body's points plus the 3-D points only the drawing needs (nose, eyes, fists, foot
    outlines), so one projection serves the skeleton and its drawn parts."""
    pts = dict(body.points)
    head, fr = pts["head"], body.frames["head"]
    ant, up, right = (fr[0], fr[3], fr[6]), (fr[1], fr[4], fr[7]), (fr[2], fr[5], fr[8])
    pts["nose"] = _at(head, (ant, sk.HEAD_R + NOSE))
    for side, s in (("R", 1.0), ("L", -1.0)):
        pts[f"eye_{side}"] = _at(head, (ant, 0.8 * sk.HEAD_R), (up, 0.012), (right, s * 0.026))
        wr, fi = pts[f"wrist_{side}"], pts[f"fingers_{side}"]
        for k, t in enumerate(FIST):
            pts[f"fist_{side}#{k}"] = tuple(w + (f - w) * t for w, f in zip(wr, fi))  # type: ignore[assignment]
        heel, toe, ff = pts[f"heel_{side}"], pts[f"toe_{side}"], body.frames[f"foot_{side}"]
        fup, fright = (ff[1], ff[4], ff[7]), (ff[2], ff[5], ff[8])
        for i, (t, h, w) in enumerate(FOOT_OUTLINE):
            base = tuple(a + (b - a) * t for a, b in zip(heel, toe))
            for k, sw in enumerate((w, -w)):
                pts[f"foot_{side}#{2 * i + k}"] = _at(base, (fup, h), (fright, sw))  # type: ignore[arg-type]
    return pts


def _at(p: sk.Vec, *moves: tuple[sk.Vec, float]) -> sk.Vec:
    x, y, z = p
    for (dx, dy, dz), k in moves:
        x, y, z = x + dx * k, y + dy * k, z + dz * k
    return (x, y, z)


def body_shapes(p: dict, pose: Pose, bias: dict[str, float], ghost: bool, out: list,
                marks: dict[str, list[Shape]] | None = None) -> None:
    """Appends one pose's chains (limbs, trunk, head) in depth order, each after its white gap.

    Args:
        p: the projected `drawn_points` (u, v on the page, depth toward the viewer).
        pose: the pose drawn (its bends decide where a limb splits; flat or resting hands open).
        bias: depth pushes per chain, from the figure file.
        ghost: draw it pale, as the earlier pose.
        out: shapes are appended here.
        marks: highlight shapes by segment name, painted right after that segment's chain.
    """
    marks = marks or {}
    gap, tone = sk.GAP, "ghost" if ghost else "near"
    angles = pose.angle_map()
    open_hands = set(pose.flat) | {c.point for c in pose.contacts}
    chains: list[tuple[float, int, list, list]] = []

    trunk_gap, trunk_fill = [], []
    for a, b in TRUNK_LINKS:
        pts = (_corner(p, a, ">R"), _corner(p, b, ">R"), _corner(p, b, ">L"), _corner(p, a, ">L"))
        trunk_gap.append(Polygon(pts, "gap", sk.R_TRUNK + gap))
        trunk_fill.append(Polygon(pts, tone, sk.R_TRUNK))
    trunk_fill += [m for seg in TRUNK_SEGMENTS for m in marks.get(seg, ())]
    spine_depth = sum(p[n][2] for n in sk.SPINE) / 6
    chains.append((spine_depth + bias.get("trunk", 0.0), 0, trunk_gap, trunk_fill))

    h = _uv(p["head"])
    chains.append((p["head"][2] + bias.get("head", 0.0), 1, [Circle(h, sk.HEAD_R + gap, "gap")],
                   [Capsule(_uv(p["c7"]), h, R_NECK, tone), Circle(h, sk.HEAD_R, tone)]
                   + _face(p, tone) + list(marks.get("head", ()))))

    for side, other in (("R", "L"), ("L", "R")):
        for limb, root, segs, fold in (
            ("leg", "hip", ("thigh", "shank", "foot"), "knee"),
            ("arm", "shoulder", ("upper_arm", "forearm", "hand"), "elbow"),
        ):
            if ghost:
                t = "ghost"
            else:
                far = p[f"{root}_{side}"][2] < p[f"{root}_{other}"][2] - 0.03
                t = "far" if far else "near"
            parts = [_part(p, f"{seg}_{side}", f"{seg}_{side}" in open_hands) for seg in segs]
            depth = sum(p[sk.SEGMENTS[f"{s}_{side}"][0]][2] for s in segs) / 3 + bias.get(f"{limb}_{side}", 0.0)
            order = [(1, 2), (0,)] if angles.get(f"{fold}_{side}", 0.0) > SPLIT_AT else [(0, 1, 2)]
            for k, piece in enumerate(order):
                gaps = [_grown(parts[i], gap, "gap") for i in piece]
                fills = [_grown(parts[i], 0.0, t) for i in piece]
                fills += [m for i in piece for m in marks.get(f"{segs[i]}_{side}", ())]
                chains.append((depth, 2 + k + (0 if limb == "leg" else 4), gaps, fills))
    chains.sort(key=lambda c: (c[0], c[1]))
    if ghost:
        # The earlier pose is a hollow silhouette: one pale outline round the whole body, white
        # inside. A pale *filled* body read as the far limbs (grey too) of the pose drawn over it.
        fills = [f for _, _, _, chain in chains for f in chain]
        out.extend(_grown(f, GHOST_EDGE, "ghost") for f in fills)
        out.extend(_grown(f, 0.0, "gap") for f in fills)
        return
    for _, _, gaps, fills in chains:
        out.extend(gaps)
        out.extend(fills)


def pose_fills(proj: dict, pose: Pose) -> list[Shape]:
    """One solid pose's body shapes without their white gaps (for clearance checks)."""
    out: list[Shape] = []
    body_shapes(proj, pose, {}, False, out)
    return [s for s in out if s.tone in ("near", "far")]


def _uv(q: tuple[float, float, float]) -> Point:
    return (q[0], q[1])


def _corner(p: dict, name: str, side: str) -> Point:
    """A corner of the trunk; the top one is drawn below C7 so the neck shows above the shoulders."""
    c = p[name + side]
    if name != "c7":
        return (c[0], c[1])
    t = p["t7" + side]
    return (c[0] + (t[0] - c[0]) * NECK_BASE, c[1] + (t[1] - c[1]) * NECK_BASE)


def _face(p: dict, tone: str) -> list[Shape]:
    """The facing cue: a nose where the face is seen from the side, eyes where it faces the
    viewer, nothing from behind (the back of a head has no face)."""
    h, n = p["head"], p["nose"]
    du, dv, dd = n[0] - h[0], n[1] - h[1], n[2] - h[2]
    reach = (du * du + dv * dv) ** 0.5
    if dd > FACE_ON * (sk.HEAD_R + NOSE):  # white eyes; a pale ghost needs no face
        return [] if tone == "ghost" else [Circle(_uv(p[f"eye_{s}"]), 0.011, "gap") for s in sk.SIDES]
    if reach < sk.HEAD_R + 0.008:
        return []
    ku, kv = du / reach, dv / reach
    base = sk.HEAD_R * 0.7
    half = 0.021
    tip = (h[0] + du, h[1] + dv)
    b0 = (h[0] + ku * base - kv * half, h[1] + kv * base + ku * half)
    b1 = (h[0] + ku * base + kv * half, h[1] + kv * base - ku * half)
    return [Polygon((tip, b0, b1), tone, 0.006)]


def _part(p: dict, seg: str, open_hand: bool) -> Capsule | Polygon:
    """A limb segment as drawn: a capsule, a closed or open hand, or a foot outline."""
    a, b, r, _ = sk.SEGMENTS[seg]
    kind, side = seg.rsplit("_", 1)
    if kind == "hand":
        if open_hand:
            return Capsule(_uv(p[a]), _uv(p[b]), R_PALM, "")
        return Capsule(_uv(p[f"fist_{side}#0"]), _uv(p[f"fist_{side}#1"]), R_FIST, "")
    if kind == "foot":
        return Polygon(hull([_uv(p[f"foot_{side}#{i}"]) for i in range(2 * len(FOOT_OUTLINE))]), "", FOOT_PAD)
    return Capsule(_uv(p[a]), _uv(p[b]), r, "")


def _grown(s: Shape, by: float, tone: str) -> Shape:
    if isinstance(s, Capsule):
        return Capsule(s.a, s.b, s.r + by, tone)
    if isinstance(s, Circle):
        return Circle(s.c, s.r + by, tone)
    return Polygon(s.points, tone, s.r + by)
