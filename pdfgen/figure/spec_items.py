"""Parsing the smaller parts of a figure file: solver joints and goals, arrows, highlights."""

from __future__ import annotations

from . import skeleton as sk
from .records import SIDES_OF, Arrow, Goal, Highlight, regions
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
    m = ctx.mapping(node, field, ("point", "on", "touch", "below", "at", "from", "offset"), required=("point",))
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
    target = ctx.text(m["touch"], f"{field}.touch", names)
    at = None
    if "at" in m:
        if target not in sk.SEGMENTS or target == "head":
            raise ctx.fail(m["at"], f"{field}.at", "at needs touch to name a limb or trunk segment")
        at = ctx.number(m["at"], f"{field}.at", 0.0, 1.0)
    return Goal(point, "touch", target, node.line, at)


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
