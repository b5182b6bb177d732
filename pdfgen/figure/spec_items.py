"""Parsing the smaller parts of a figure file: solver joints and goals, arrows, highlights."""

from __future__ import annotations

from . import skeleton as sk
from .records import FACES, PROP_KINDS, SIDES_OF, Arrow, Fact, Goal, Highlight, regions
from .yamlnodes import Checker, Node

# Lengths are fractions of body height H; angles (and an arc's trim) are degrees on the page.
LENGTH = 3.0
ARROW_RANGES = {"from": (-360.0, 360.0), "to": (-360.0, 360.0), "dir": (-360.0, 360.0),
                "radius": (0.02, 1.0), "offset": (-1.0, 1.0), "trim": (0.0, 90.0),
                "length": (0.02, 1.0), "gap": (0.0, 0.5)}


def parse_vary(ctx: Checker, node: Node, field: str) -> list[str]:
    rom = sk.rom_table()
    out: list[str] = []
    for i, sub in enumerate(ctx.seq(node, field)):
        key = ctx.text(sub, f"{field}[{i}]")
        if key in sk.SIDED:
            out.extend(f"{key}_{s}" for s in sk.SIDES)
        elif key in rom or key in ("tilt", "roll", "yaw"):
            out.append(key)
        else:
            raise ctx.fail(sub, f"{field}[{i}]", f"unknown joint {key!r}")
    return out


def parse_goal(ctx: Checker, node: Node, field: str, names: frozenset[str], surfaces: set[str]) -> Goal:
    m = ctx.mapping(node, field, ("point", "on", "touch", "below", "at", "from", "offset", "side"),
                    required=("point",))
    point = ctx.text(m["point"], f"{field}.point", names)
    if ("on" in m) + ("touch" in m) + ("below" in m) + ("offset" in m) != 1:
        raise ctx.fail(node, field, "give exactly one of on, touch, below, offset")
    if "offset" in m:  # a place given relative to another body point, in world axes
        values = ctx.seq(m["offset"], f"{field}.offset")
        if len(values) != 3:
            raise ctx.fail(m["offset"], f"{field}.offset", "give [forward, up, right] in H")
        off = tuple(ctx.number(v, f"{field}.offset", -LENGTH, LENGTH) for v in values)
        base = ctx.text(m["from"], f"{field}.from", names) if "from" in m else "root"
        return Goal(point, "offset", base, node.line, None, off)
    if "below" in m:
        return Goal(point, "below", ctx.text(m["below"], f"{field}.below", names), node.line)
    if "on" in m:
        limbs = frozenset(k for k in sk.SEGMENTS if k != "head")
        target = ctx.text(m["on"], f"{field}.on", frozenset(surfaces) | limbs)
        if target in surfaces:
            if "at" in m:
                raise ctx.fail(m["at"], f"{field}.at", "at goes with a body segment (a fraction along it)")
            return Goal(point, "on", target, node.line)
        # Resting on top of a body segment (an ankle on the other knee): a 3-D goal.
        at = ctx.number(m["at"], f"{field}.at", 0.0, 1.0) if "at" in m else 0.5
        return Goal(point, "rest", target, node.line, at)
    if "side" in m and "touch" not in m:
        raise ctx.fail(m["side"], f"{field}.side", "side goes with touch")
    target = ctx.text(m["touch"], f"{field}.touch", names)
    at = _fraction(ctx, m, field, target)
    side = _face(ctx, m, field, target)
    if side and at is None:
        at = 0.5  # a face is touched at a place along the segment: its middle unless told
    return Goal(point, "touch", target, node.line, at, side=side)


def _fraction(ctx: Checker, m: dict[str, Node], field: str, target: str) -> float | None:
    """`at:`, a fraction along a limb or trunk segment, or None when not given."""
    if "at" not in m:
        return None
    if target not in sk.SEGMENTS or target == "head":
        raise ctx.fail(m["at"], f"{field}.at", "at needs a limb or trunk segment")
    return ctx.number(m["at"], f"{field}.at", 0.0, 1.0)


def _face(ctx: Checker, m: dict[str, Node], field: str, target: str) -> str:
    """`side:`, the face of a segment (front, back, inside, outside), or "" when not given.

    Inside and outside need a left or right limb; the trunk has only a front and a back."""
    if "side" not in m:
        return ""
    side = ctx.text(m["side"], f"{field}.side", FACES)
    if target not in sk.SEGMENTS or target == "head":
        raise ctx.fail(m["side"], f"{field}.side", "side needs a limb or trunk segment")
    if side in ("inside", "outside") and sk.SEGMENTS[target][3] == "trunk":
        raise ctx.fail(m["side"], f"{field}.side", f"{target} has only a front and a back")
    return side


_FACT_KEYS = ("point", "touches", "grips", "side", "at", "foot", "hand", "flat_on", "joint", "between",
              "on_floor", "under", "near", "within", "pose")
_FACT_KINDS = ("touches", "grips", "flat_on", "between", "on_floor", "under", "near")


def parse_fact(ctx: Checker, node: Node, field: str, names: frozenset[str], surfaces: set[str],
               pose_names: tuple[str, ...]) -> Fact:
    """One `checks:` item; exactly one of its keys names the kind of fact (_FACT_KINDS)."""
    m = ctx.mapping(node, field, _FACT_KEYS)
    kinds = [k for k in _FACT_KINDS if k in m]
    if len(kinds) != 1:
        raise ctx.fail(node, field, f"give exactly one of {', '.join(_FACT_KINDS)}")
    kind = kinds[0]
    pose = ""
    if "pose" in m:
        pose = ctx.text(m["pose"], f"{field}.pose", pose_names + ("all",))
    line = node.line

    def need(key: str) -> Node:
        if key not in m:
            raise ctx.fail(node, f"{field}.{key}", f"required with {kind}")
        return m[key]

    if kind == "on_floor":
        parts = tuple(ctx.text(v, f"{field}.on_floor", names) for v in ctx.seq(m["on_floor"], f"{field}.on_floor"))
        return Fact("on_floor", parts, pose=pose, line=line)
    if kind == "between":
        joint = ctx.text(need("joint"), f"{field}.joint", frozenset(sk.rom_table()))
        values = ctx.seq(m["between"], f"{field}.between")
        if len(values) != 2:
            raise ctx.fail(m["between"], f"{field}.between", "give [low, high] in degrees")
        low, high = (ctx.number(v, f"{field}.between", -360.0, 360.0) for v in values)
        return Fact("joint", (joint,), low=low, high=high, pose=pose, line=line)
    if kind == "flat_on":
        key = "hand" if "hand" in m else "foot"
        part = ctx.text(need(key), f"{field}.{key}", ("foot_R", "foot_L", "hand_R", "hand_L"))
        target = ctx.text(m["flat_on"], f"{field}.flat_on", tuple(sorted(surfaces)))
        return Fact("flat_on", (part,), target, pose=pose, line=line)
    point = ctx.text(need("point"), f"{field}.point", names)
    props = frozenset(k for k in PROP_KINDS if k not in ("floor", "mat", "towel"))
    if kind == "grips":
        if point not in ("hand_R", "hand_L"):
            raise ctx.fail(m["point"], f"{field}.point", "only a hand grips")
        return Fact("grips", (point,), ctx.text(m["grips"], f"{field}.grips", props), pose=pose, line=line)
    if kind == "touches":
        target = ctx.text(m["touches"], f"{field}.touches", names | props)
        return Fact("touches", (point,), target, _face(ctx, m, field, target), _fraction(ctx, m, field, target),
                    pose=pose, line=line)
    target = ctx.text(m[kind], f"{field}.{kind}", names)
    # Defaults: "under" allows a hand's width off the vertical, "near" a knee's width apart.
    within = ctx.number(m["within"], f"{field}.within", 0.0, 1.0) if "within" in m else {"under": 0.06, "near": 0.12}[kind]
    return Fact(kind, (point,), target, high=within, pose=pose, line=line)


def parse_arrow(ctx: Checker, node: Node, field: str, names: frozenset[str], n_poses: int) -> Arrow:
    m = ctx.mapping(node, field, ("type", "at", "follow", "from", "to", "radius", "offset", "trim", "dir",
                                  "length", "gap", "toward", "both", "pose"), required=("type", "at"))
    kind = ctx.text(m["type"], f"{field}.type", ("arc", "push", "turn"))
    kw: dict[str, object] = {"kind": kind, "at": ctx.text(m["at"], f"{field}.at", names)}
    if "follow" in m:
        kw["follow"] = ctx.text(m["follow"], f"{field}.follow", names)
    for key, attr in (("from", "start"), ("to", "end"), ("radius", "radius"), ("offset", "offset"),
                      ("trim", "trim"), ("dir", "direction"), ("length", "length"), ("gap", "gap")):
        if key in m:
            kw[attr] = ctx.number(m[key], f"{field}.{key}", *ARROW_RANGES[key])
    for key in ("toward", "both"):
        if key in m:
            if not isinstance(m[key].value, bool):
                raise ctx.fail(m[key], f"{field}.{key}", "expected true or false")
            kw[key] = m[key].value
    if "pose" in m:
        p = int(ctx.number(m["pose"], f"{field}.pose", -n_poses, n_poses - 1))
        kw["pose"] = p
    if kind == "arc" and "follow" not in kw and ("start" not in kw or "end" not in kw):
        raise ctx.fail(node, field, "an arc needs follow, or from and to")
    if kind == "turn":
        if "start" not in kw or "end" not in kw:
            raise ctx.fail(node, field, "a turn needs from and to (degrees round the vertical, 0 = forward)")
        kw.setdefault("offset", 0.0)  # for a turn, offset lifts the ring above `at`
    return Arrow(**kw)  # type: ignore[arg-type]


def parse_highlights(ctx: Checker, node: Node) -> tuple[Highlight, ...]:
    named = regions()
    out: list[Highlight] = []
    for i, sub in enumerate(ctx.seq(node, "highlight")):
        f = f"highlight[{i}]"
        if isinstance(sub.value, str):
            if sub.value not in named:
                raise ctx.fail(sub, f, f"unknown region {sub.value!r} (valid: {', '.join(sorted(named))}, or a mapping)")
            out.extend(named[sub.value])
            continue
        m = ctx.mapping(sub, f, ("segment", "side", "from", "to"), required=("segment",))
        seg = ctx.text(m["segment"], f"{f}.segment", frozenset(sk.SEGMENTS))
        side = ctx.text(m["side"], f"{f}.side", tuple(SIDES_OF)) if "side" in m else "center"
        a = ctx.number(m["from"], f"{f}.from", -1.0, 2.0) if "from" in m else 0.0
        b = ctx.number(m["to"], f"{f}.to", -1.0, 2.0) if "to" in m else 1.0
        out.append(Highlight(seg, side, a, b))
    return tuple(out)
