"""A figure spec turned into a flat, ordered list of 2-D shapes in figure units (H = 1).

Built once, drawn by thin backends (ReportLab vectors, Pillow rasters), so every output shows the
same picture. Painter's order: props, the earlier pose as a pale ghost, the final pose (far limbs
lighter and first, then trunk and head, then near limbs; see body.py), then arrows. The target
highlight is painted on its own limb, in that limb's depth, so a nearer limb is never overdrawn by
it: a highlight that shows through an arm would say the arm is the target.
"""

from __future__ import annotations

from math import hypot

from . import skeleton as sk
from .arrows import arrow_line, emit_arrow
from .body import body_shapes, drawn_points
from .camera import Camera, camera
from .props import PlacedProp, build_props
from .shapes import Capsule, Circle, Geometry, Point, Polygon, Polyline, Shape, bbox_of, hull, moved
from .solve import Scene, place
from .records import FigureSpec, Highlight

__all__ = ["Capsule", "Circle", "Geometry", "Polygon", "Polyline", "Shape", "build", "camera"]

STRIPES = (0.009, 0.018)  # on (white), off (highlight colour), along the band
PANEL_GAP = 0.1  # between the stacked panels of a `sequence: column` figure
CHEVRON = 0.03  # half-width of the step mark between them
CHEVRON_W = 0.012
SEG_POINTS = {"pelvis": ("root", "l5"), "lumbar": ("l5", "t12"), "thorax": ("t12", "c7")}


def build(spec: FigureSpec, *, mirrored: bool = False) -> Geometry:
    """Builds the figure's shapes.

    Args:
        spec: a loaded figure.
        mirrored: turn the body 180 degrees so its left side faces the viewer. In level side-on
            views this is a real turn: near and far limbs swap. Face-on (front) a turn would show
            the back of the head, and looking down (three-quarter, top) the figure from under the
            floor, so there the pose itself is mirrored (the same stretch on the other side) and
            its face and working limbs stay toward the viewer. Either way the picture's bounding
            box is the exact mirror of the original's.

    Returns:
        The geometry in figure units, y up, painter's order.
    """
    flip = (spec.facing == "left") != mirrored
    cam = camera(spec, mirrored=mirrored)
    scene = place(spec)
    projs = [cam.project(drawn_points(b)) for b in scene.bodies]
    if spec.sequence == "column":
        out = _stack([_panel(spec, scene, projs, cam, i) for i in range(len(scene.bodies))])
    else:
        out = _panel(spec, scene, projs, cam, None)
    shapes = tuple(moved(s, _mirror) for s in out) if flip else tuple(out)
    return Geometry(spec.id, shapes, bbox_of(shapes))


def _panel(spec: FigureSpec, scene: Scene, projs: list[dict], cam: Camera, only: int | None) -> list[Shape]:
    """One picture: props, earlier poses (pale ghosts, or solid phases side by side), the last pose,
    then arrows. With `only`, pose `only` alone with its own arrows: one panel of a stacked
    sequence, standing on its own floor."""
    bodies = scene.bodies
    shown = range(len(bodies)) if only is None else (only,)
    out: list[Shape] = []
    has_mat = any(p.kind == "mat" for p in spec.props)
    alone = scene if only is None else Scene(bodies[only:only + 1], scene.heights, scene.bar)
    for prop in build_props(spec, alone):
        if prop.kind == "floor" and has_mat and spec.view.pitch >= 5.0:
            continue  # seen from above, the mat alone says "on the floor"; two outlines are clutter
        _prop_shapes(prop, cam, spec.view.pitch, out)
    bias = dict(spec.depth_bias)
    for i in shown:
        last = i == shown[-1]
        if not (last or spec.sequence or spec.ghost):
            continue
        marks: dict[str, list[Shape]] = {}
        if last or spec.sequence:  # every phase of a sequence shows the same target
            for hl in spec.highlights:
                _highlight_shapes(hl, bodies[i], cam, marks.setdefault(hl.segment, []))
        body_shapes(projs[i], spec.poses[i], bias, not (last or spec.sequence), out, marks)
    if spec.sequence == "row" and only is None:
        out.extend(_row_marks(projs))
    for arrow in spec.arrows:
        if only is None or arrow.pose % len(bodies) == only:
            emit_arrow(arrow_line(arrow, projs, bodies, cam), arrow.both, out)
    return out


def _row_marks(projs: list[dict]) -> list[Shape]:
    """The step chevrons of a `sequence: row` figure: one pointing from each phase to the next,
    midway between the two bodies' hips and level with the lower of their heads' tops, where
    the space between two upright bodies is clear (lower down, knees, feet and each phase's
    own arrow crowd it). A blind reader could only guess the order from two bare bodies."""
    marks: list[Shape] = []
    for a, b in zip(projs, projs[1:]):
        top = min(max(q[1] for q in p.values()) for p in (a, b))
        marks.append(_chevron((a["root"][0] + b["root"][0]) / 2, top, sideways=True))
    return marks


def _chevron(cx: float, cy: float, *, sideways: bool = False) -> Polyline:
    """The small step mark between two phases: pointing down (stacked panels) or, `sideways`,
    to the right (phases side by side; a mirrored figure turns it to point left)."""
    w = CHEVRON
    if sideways:
        pts = ((cx - w / 2, cy + w), (cx + w / 2, cy), (cx - w / 2, cy - w))
    else:
        pts = ((cx - w, cy + w / 2), (cx, cy - w / 2), (cx + w, cy + w / 2))
    return Polyline(pts, CHEVRON_W, "prop_line")


def _stack(panels: list[list[Shape]]) -> list[Shape]:
    """Panels one under another, first on top, a gap and a small step chevron between them.

    Stacked rather than side by side: two lying or kneeling phases in a row make a strip several
    times wider than tall, and a cell fitted to it draws both bodies tiny. The panels keep their
    shared x (poses are aligned on the anchor), so what stays still stays in line.
    """
    out: list[Shape] = []
    top = None
    for panel in panels:
        x0, y0, x1, y1 = bbox_of(tuple(panel))
        dy = 0.0 if top is None else top - PANEL_GAP - y1
        if top is not None:
            out.append(_chevron((x0 + x1) / 2, top - PANEL_GAP / 2))
        out.extend(moved(s, lambda p, dy=dy: (p[0], p[1] + dy)) for s in panel)
        top = y0 + dy
    return out


def _mirror(p: Point) -> Point:
    return (-p[0], p[1])


# --- props ----------------------------------------------------------------------------------------
def _uv(q: tuple[float, float, float]) -> Point:
    return (q[0], q[1])


def _prop_shapes(prop: PlacedProp, cam: Camera, pitch: float, out: list) -> None:
    boxes = sorted(prop.boxes, key=lambda b: cam.one(((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, (b.z0 + b.z1) / 2))[2])
    for box in boxes:
        outline = hull([_uv(q) for q in cam.project({str(i): c for i, c in enumerate(box.corners())}).values()])
        if box.role == "frame" or (prop.kind == "floor" and pitch < 5.0):
            out.append(Polygon(outline, "prop_line"))
        elif prop.kind == "floor" or (prop.kind == "mat" and pitch >= 5.0):
            # Seen from above, a floor or mat is a thin outline on white paper: a tinted patch the
            # size of the figure costs toner over the whole cell and reads as a grey panel.
            out.append(Polygon(outline, "gap", 0.0, "prop_line", 0.005))
        else:
            out.append(Polygon(outline, "prop", 0.0, "prop_line", 0.006))
    for a, b, r in prop.lines:
        pa, pb = cam.one(a), cam.one(b)
        out.append(Capsule(_uv(pa), _uv(pb), r, "prop_line"))


# --- highlight ------------------------------------------------------------------------------------
def _highlight_shapes(hl: Highlight, body: sk.Body, cam: Camera, out: list) -> None:
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
    # Stripes, so the target reads without colour: across the band, or across a short blob when
    # the segment points at the viewer.
    n = hypot(p1[0] - p0[0], p1[1] - p0[1])
    if n > 2 * rh + 0.01:
        k0, k1 = rh / n, 1 - rh / n
        s0 = (p0[0] + (p1[0] - p0[0]) * k0, p0[1] + (p1[1] - p0[1]) * k0)
        s1 = (p0[0] + (p1[0] - p0[0]) * k1, p0[1] + (p1[1] - p0[1]) * k1)
        out.append(Polyline((s0, s1), 2 * rh, "gap", STRIPES))
    else:
        c = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
        d = 0.6 * rh
        out.append(Polyline(((c[0] - d, c[1] - d), (c[0] + d, c[1] + d)), 1.1 * rh, "gap", STRIPES))
