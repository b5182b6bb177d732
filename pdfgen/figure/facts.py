"""The facts a figure must show, checked on its solved pose.

A stretch's steps and cautions name placements ("hold behind the knee", "keep the other foot
flat", "shoulders on the floor", "hands under the shoulders"). A figure that contradicts them
teaches the wrong thing, so each figure file lists them under `checks:` and this module measures
them on the placed bodies, the same geometry that is drawn. A failing fact is one line, so an
author editing a pose sees what is wrong and where.
"""

from __future__ import annotations

from math import dist

from . import skeleton as sk
from .body import R_FIST
from .props import build_props
from .records import Fact, FigureSpec, View
from .solve import Scene, bottom, face_normal, place, point_of, radius_of, segment_at

FLOOR_POSITIONS = frozenset({"supine", "prone", "side-lying", "kneeling", "all-fours"})
FLOOR_PITCH = 15.0  # degrees: the most a floor figure may look down (a low oblique view)
OBLIQUE_YAW = 30.0  # degrees off side-on a floor figure may turn (unless it shows a rotation)
FRONT_SLACK = 15.0  # degrees off face-on (yaw 90) a side bend may turn
TOUCH_TOL = 0.025  # H: surfaces this close count as touching (a hand holding a thigh)
REST_TOL = 0.02  # H: a part's lowest point this close to a surface rests on it
FLAT_TOL = 0.025  # H: heel and toe (wrist and fingertips) this close in height: lying level
FACE_COS = 0.5  # the touch lies within 60 degrees of the face's outward direction


def check_facts(spec: FigureSpec) -> list[str]:
    """Every fact of the figure that its solved pose does not show, one line each.

    Returns:
        Messages such as "knee-to-chest: hand_R touches thigh_R (back) [end]: 0.061 H away";
        empty when the figure shows everything its text says.
    """
    if not spec.facts:
        return []
    scene = place(spec)
    out = []
    for fact in spec.facts:
        for i in _pose_indices(spec, fact):
            problem = _problem(fact, spec, scene, i)
            if problem:
                out.append(f"{spec.id}: {describe(fact, spec.support)} [{spec.poses[i].name}]: {problem}")
    return out


def view_problem(view: View, position: str, movement: str) -> str:
    """What breaks the view rule (figures/README.md) for a stretch done in `position` with
    `movement`, or "" when the view follows it.

    Lying, kneeling and all-fours figures look from the side or a low oblique (pitch at most 15
    degrees, yaw within 30 of side-on), because from above a body on the floor loses its
    heights: a knee lifted, a back arched or a head on the mat all look alike. A rotation may turn
    the camera any way round, still low, so the knees are seen tipping toward the floor. A side
    bend is seen from the front, where the bend lies in the picture plane.
    """
    yaw = abs((view.yaw + 180.0) % 360.0 - 180.0)  # 0 side-on from the right, 180 from the left
    off_side = min(yaw, 180.0 - yaw)
    if movement == "side-bend":
        if abs(yaw - 90.0) > FRONT_SLACK or view.pitch > FLOOR_PITCH:
            return f"a side bend is seen from the front (yaw {view.yaw:g}, pitch {view.pitch:g})"
        return ""
    if position not in FLOOR_POSITIONS:
        return ""
    if view.pitch > FLOOR_PITCH:
        return f"pitch {view.pitch:g} looks down on a {position} figure (at most {FLOOR_PITCH:g})"
    if movement != "rotation" and off_side > OBLIQUE_YAW:
        return f"yaw {view.yaw:g} is {off_side:g} degrees off side-on (at most {OBLIQUE_YAW:g})"
    return ""


def describe(fact: Fact, support: str = "floor") -> str:
    """The fact in words, as an author wrote it."""
    s = fact.subject
    if fact.kind == "touches":
        where = f" ({fact.side})" if fact.side else ""
        return f"{s[0]} touches {fact.target}{where}" + (f" at {fact.at:g}" if fact.at is not None else "")
    if fact.kind == "flat_on":
        return f"{s[0]} flat on {fact.target}"
    if fact.kind == "joint":
        return f"{s[0]} between {fact.low:g} and {fact.high:g}"
    if fact.kind == "on_floor":
        return f"{', '.join(s)} on the {support}"
    return f"{s[0]} {fact.kind} {fact.target}"


def _pose_indices(spec: FigureSpec, fact: Fact) -> range | list[int]:
    if fact.pose == "all":
        return range(len(spec.poses))
    if fact.pose:
        return [next(i for i, p in enumerate(spec.poses) if p.name == fact.pose)]
    return [len(spec.poses) - 1]


def _problem(fact: Fact, spec: FigureSpec, scene: Scene, i: int) -> str:
    """What is wrong with one fact in pose i, or "" when it holds."""
    body = scene.bodies[i]
    if fact.kind == "joint":
        angle = spec.poses[i].angle_map().get(fact.subject[0], 0.0)
        return "" if fact.low <= angle <= fact.high else f"{angle:g} degrees"
    if fact.kind == "on_floor":
        h = scene.heights[spec.support]
        lifted = [f"{n} {bottom(body, n) - h:.3f} H up" for n in fact.subject if bottom(body, n) - h > REST_TOL]
        return ", ".join(lifted)
    if fact.kind == "flat_on":
        if fact.target not in scene.heights:
            return f"no {fact.target} under the figure"
        part = fact.subject[0]
        a, b, _, _ = sk.SEGMENTS[part]
        tilt = abs(body.points[a][1] - body.points[b][1])
        lift = bottom(body, part) - scene.heights[fact.target]
        problems = ([f"one end {tilt:.3f} H higher"] if tilt > FLAT_TOL else []) + \
                   ([f"{lift:.3f} H off the {fact.target}"] if abs(lift) > REST_TOL else [])
        return ", ".join(problems)
    p = point_of(body, fact.subject[0])
    if fact.kind == "under":
        q = point_of(body, fact.target)
        off = dist((p[0], p[2]), (q[0], q[2]))
        if p[1] >= q[1]:
            return "not below it"
        return f"{off:.3f} H off the vertical" if off > fact.high else ""
    if fact.kind == "near":
        d = dist(p, point_of(body, fact.target))
        return f"{d:.3f} H apart" if d > fact.high else ""
    if fact.target not in sk.SEGMENTS and fact.target not in body.points:
        return _prop_touch(fact, spec, scene, p)
    return _body_touch(fact, body, p)


def _body_touch(fact: Fact, body: sk.Body, p: sk.Vec) -> str:
    name, target = fact.subject[0], fact.target
    if fact.at is not None:
        q = segment_at(body, target, fact.at)
    elif target in body.points:
        q = body.points[target]
    else:
        a, b, _, _ = sk.SEGMENTS[target]
        q = _closest(p, body.points[a], body.points[b])
    gap = dist(p, q) - radius_of(name) - radius_of(target)
    if gap > TOUCH_TOL:
        return f"{gap:.3f} H away"
    if fact.side:
        n = face_normal(body, target, fact.side)
        v = (p[0] - q[0], p[1] - q[1], p[2] - q[2])
        if v[0] * n[0] + v[1] * n[1] + v[2] * n[2] < FACE_COS * dist(p, q):
            return f"not on the {fact.side}"
    return ""


def _prop_touch(fact: Fact, spec: FigureSpec, scene: Scene, p: sk.Vec) -> str:
    """A hand touching a prop's surface, or gripping it: the bar's axis, or an edge of a seat,
    table top or chair back, runs within half a fist's radius of the palm's centre."""
    placed = [pp for pp in build_props(spec, scene) if pp.kind == fact.target]
    if not placed:
        return f"no {fact.target} among the props"
    grip = fact.kind == "grips"
    gaps = []
    for prop in placed:
        for box in prop.boxes:
            lo, hi = (box.x0, box.y0, box.z0), (box.x1, box.y1, box.z1)
            if grip:
                gaps += [dist(p, _closest(p, a, b)) for a, b in _edges(lo, hi)]
            else:
                gaps.append(dist([max(lo[k] - p[k], 0.0, p[k] - hi[k]) for k in range(3)], (0.0, 0.0, 0.0)))
        gaps += [dist(p, _closest(p, a, b)) - (0.0 if grip else r) for a, b, r in prop.lines]
    if not gaps:
        return f"the {fact.target} has nothing to hold"
    if grip:
        off = min(gaps)
        return f"its edge or bar is {off:.3f} H from the middle of the hand" if off > 0.5 * R_FIST else ""
    gap = min(gaps) - radius_of(fact.subject[0])
    return f"{gap:.3f} H away" if gap > TOUCH_TOL else ""


def _edges(lo: sk.Vec, hi: sk.Vec) -> list[tuple[sk.Vec, sk.Vec]]:
    """The twelve edges of an axis-aligned box."""
    corners = [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    return [(a, b) for i, a in enumerate(corners) for b in corners[i + 1:]
            if sum(u != v for u, v in zip(a, b)) == 1]


def _closest(p: sk.Vec, a: sk.Vec, b: sk.Vec) -> sk.Vec:
    ab = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
    n = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2
    t = 0.0 if n == 0 else max(0.0, min(1.0, sum((p[k] - a[k]) * ab[k] for k in range(3)) / n))
    return (a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t)
