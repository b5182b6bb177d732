"""Props as simple 3-D boxes and bars, sized around the placed body.

Props are boxes so that one description serves every view (a chair seen from the side or at
three-quarters) and so the tests can ask whether any body point sits inside a seat or a bed.
Unset sizes follow the body: a mat is as long as the figure, a chair seat starts just behind the
pelvis, a table's near edge is just before the hands.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import skeleton as sk
from .solve import Scene, point_of

if TYPE_CHECKING:
    from .records import FigureSpec

BAR_R = 0.024
BAR_HALF = 0.42  # the bar reaches this far either side of the body's midline, to its posts
LEG_T = 0.022  # chair and table leg thickness


@dataclass(frozen=True)
class Box:
    """An axis-aligned box; `solid` boxes are ones the body must stay out of."""

    x0: float
    x1: float
    y0: float
    y1: float
    z0: float
    z1: float
    role: str  # "surface" (mat, floor), "solid" (seat, table top, mattress), "frame" (legs, posts)

    def corners(self) -> list[sk.Vec]:
        """The eight corners, for projecting the box's outline."""
        return [(x, y, z) for x in (self.x0, self.x1) for y in (self.y0, self.y1) for z in (self.z0, self.z1)]


@dataclass(frozen=True)
class PlacedProp:
    """A prop in world coordinates: boxes to draw, its top surface extent, and bar/towel lines."""

    kind: str
    boxes: tuple[Box, ...]
    top: tuple[float, float, float, float, float] | None  # height, x0, x1, z0, z1
    lines: tuple[tuple[sk.Vec, sk.Vec, float], ...] = ()


def body_extent(scene: Scene, below: float | None = None) -> tuple[float, float, float, float]:
    """x and z range of every pose's points (with a limb's thickness); only points lower than
    `below` if given, so a mat lies under the body, not under legs raised in the air."""
    pts = [p for b in scene.bodies for p in b.points.values() if below is None or p[1] < below]
    if not pts:
        pts = [p for b in scene.bodies for p in b.points.values()]
    xs = [p[0] for p in pts]
    zs = [p[2] for p in pts]
    r = sk.R_TRUNK
    return min(xs) - r, max(xs) + r, min(zs) - r, max(zs) + r


def build_props(spec: FigureSpec, scene: Scene) -> tuple[PlacedProp, ...]:
    """Every prop of a figure placed around the placed bodies (floor first, drawn first)."""
    drawn = scene if (spec.ghost or spec.sequence) else Scene(scene.bodies[-1:], scene.heights, scene.bar)
    x0, x1, z0, z1 = body_extent(drawn)
    out: list[PlacedProp] = []
    for p in spec.props:
        if p.kind == "mat":
            h = scene.heights["mat"]
            m0, m1, _, _ = body_extent(drawn, below=h + 0.12)  # not under legs raised in the air
            n0, n1 = z0, z1  # but as wide as anything seen from above
            box = Box(m0 - 0.05, m1 + 0.05, 0.0, h, min(n0, -0.2) - 0.04, max(n1, 0.2) + 0.04, "surface")
            out.append(PlacedProp("mat", (box,), (h, box.x0, box.x1, box.z0, box.z1)))
        elif p.kind in FURNITURE:
            out.append(_furniture(spec, p, scene))
        elif p.kind == "bar" and scene.bar is not None:
            # A fixed bar stands on two posts from the floor: drawn alone, a blind reader took the
            # line for a loose stick held up, not a bar that takes the body's weight.
            bx, by = scene.bar
            posts = tuple(Box(bx - LEG_T / 2, bx + LEG_T / 2, 0.0, by + BAR_R, z - LEG_T / 2, z + LEG_T / 2,
                              "frame") for z in (-BAR_HALF, BAR_HALF))
            out.append(PlacedProp("bar", posts, None, (((bx, by, -BAR_HALF), (bx, by, BAR_HALF), BAR_R),)))
        elif p.kind == "wall":
            wx = p.x if p.x is not None else x1 + 0.05
            out.append(PlacedProp("wall", (Box(wx, wx + 0.04, 0.0, p.height or 1.1, -0.35, 0.35, "solid"),), None))
        elif p.kind == "towel":
            lines = tuple((point_of(b, p.ends[0]), point_of(b, p.ends[1]), 0.012) for b in scene.bodies[-1:])
            out.append(PlacedProp("towel", (), None, lines))
    # The floor runs a little past the body and every prop standing on it; hanging figures get one too.
    fx0 = min([x0] + [b.x0 for p in out for b in p.boxes]) - 0.1
    fx1 = max([x1] + [b.x1 for p in out for b in p.boxes]) + 0.1
    fz0 = min([z0, -0.25] + [b.z0 for p in out for b in p.boxes]) - 0.04
    fz1 = max([z1, 0.25] + [b.z1 for p in out for b in p.boxes]) + 0.04
    floor = PlacedProp("floor", (Box(fx0, fx1, -0.012, 0.0, fz0, fz1, "surface"),), (0.0, fx0, fx1, fz0, fz1))
    return (floor,) + tuple(out)


FURNITURE = ("chair", "table", "bed")


def _furniture(spec: FigureSpec, p, scene: Scene) -> PlacedProp:
    """A chair, table or bed placed for the first pose; in a `sequence: row` one under each
    phase (the phases stand side by side, and a second person on no seat would float). An `x`
    from the file moves with each phase's pelvis."""
    make = {"chair": _chair, "table": _table, "bed": _bed}[p.kind]
    if spec.sequence != "row":
        return make(p, scene)
    first = scene.bodies[0].points["root"][0]
    parts = []
    for body in scene.bodies:
        moved = p if p.x is None else replace(p, x=p.x + body.points["root"][0] - first)
        parts.append(make(moved, Scene((body,), scene.heights, scene.bar)))
    return PlacedProp(p.kind, tuple(b for part in parts for b in part.boxes), parts[0].top)


def _chair(p, scene: Scene) -> PlacedProp:
    """A chair; `turn` puts the backrest behind (0), at the right (90), in front (180) or at the
    left (270) of a person facing +x: sideways sitting is how a chair twist is taught."""
    h = scene.heights.get("chair", 0.265)
    depth = p.depth if p.depth is not None else 0.24
    width = p.length if p.length is not None else 0.26
    back = p.back if p.back is not None else 0.30
    turn = round(p.turn / 90) % 4
    body = scene.bodies[0]
    if p.x is not None:
        cx = p.x
    elif turn in (1, 3):  # sitting sideways: the pelvis is mid-seat
        cx = body.points["root"][0] + 0.03
    else:  # seat starts just behind the buttocks
        rear = min(body.points["root>R"][0], body.points["root>L"][0], body.points["l5"][0]) - sk.R_TRUNK - 0.015
        cx = rear + depth / 2
    sx0, sx1 = cx - depth / 2, cx + depth / 2
    if turn == 1:
        sz1 = body.points["hip_R"][2] + sk.R_LEG + 0.03
        sz0 = sz1 - width
    elif turn == 3:
        sz0 = body.points["hip_L"][2] - sk.R_LEG - 0.03
        sz1 = sz0 + width
    else:
        sz0, sz1 = -width / 2, width / 2
    t = LEG_T
    boxes = [Box(sx0, sx1, h - 0.035, h, sz0, sz1, "solid")]
    for lx in (sx0, sx1 - t):
        for lz in (sz0, sz1 - t):
            boxes.append(Box(lx, lx + t, 0.0, h - 0.035, lz, lz + t, "frame"))
    if back > 0:
        if turn in (0, 2):
            bx = sx0 if turn == 0 else sx1 - t
            for lz in (sz0, sz1 - t):
                boxes.append(Box(bx, bx + t, h, h + back, lz, lz + t, "frame"))
            boxes.append(Box(bx - 0.004, bx + t + 0.004, h + back * 0.5, h + back, sz0, sz1, "solid"))
        else:
            bz = sz1 - t if turn == 1 else sz0
            for lx in (sx0, sx1 - t):
                boxes.append(Box(lx, lx + t, h, h + back, bz, bz + t, "frame"))
            boxes.append(Box(sx0, sx1, h + back * 0.5, h + back, bz - 0.004, bz + t + 0.004, "solid"))
    return PlacedProp("chair", tuple(boxes), (h, sx0, sx1, sz0, sz1))


def _table(p, scene: Scene) -> PlacedProp:
    first = scene.bodies[0]
    h = scene.heights.get("table", 0.47)
    length = p.length if p.length is not None else 0.45
    depth = p.depth if p.depth is not None else 0.5
    if p.x is not None:
        tx0 = p.x
    else:
        tx0 = min(first.points["wrist_R"][0], first.points["wrist_L"][0]) - 0.04
    t = LEG_T
    boxes = [Box(tx0, tx0 + length, h - 0.03, h, -depth / 2, depth / 2, "solid")]
    for lx in (tx0 + 0.02, tx0 + length - 0.02 - t):
        for lz in (-depth / 2 + 0.02, depth / 2 - 0.02 - t):
            boxes.append(Box(lx, lx + t, 0.0, h - 0.03, lz, lz + t, "frame"))
    return PlacedProp("table", tuple(boxes), (h, tx0, tx0 + length, -depth / 2, depth / 2))


def _bed(p, scene: Scene) -> PlacedProp:
    h = scene.heights.get("bed", 0.30)
    body = scene.bodies[0]
    bx0 = p.x if p.x is not None else min(body.points["head"][0], body.points["root"][0]) - 0.2
    length = p.length if p.length is not None else 1.15
    depth = p.depth if p.depth is not None else 0.55
    if p.z is not None:
        ze = p.z
    else:  # the near long edge just past the near hip, so the near leg can hang off
        ze = max(body.points["hip_R"][2], body.points["hip_L"][2]) + 0.06
    bz0, bz1 = ze - depth, ze
    t = 0.03
    boxes = [
        Box(bx0, bx0 + length, h - 0.16, h - 0.1, bz0, bz1, "solid"),  # frame
        Box(bx0 + 0.01, bx0 + length - 0.01, h - 0.1, h, bz0 + 0.01, bz1 - 0.01, "solid"),  # mattress
        Box(bx0 - 0.04, bx0, 0.0, h + 0.16, bz0, bz1, "solid"),  # headboard
    ]
    for lx in (bx0 + length - t,):
        for lz in (bz0, bz1 - t):
            boxes.append(Box(lx, lx + t, 0.0, h - 0.16, lz, lz + t, "frame"))
    return PlacedProp("bed", tuple(boxes), (h, bx0, bx0 + length, bz0, bz1))
