"""Figure files (`figures/<id>.yaml`) read and checked once into frozen records.

The schema is documented in `figures/README.md`. Every problem becomes a FigureError whose message
is one line, `path:line: field: message`, because a clinician editing a file needs to find the
line, not read a traceback. Unknown keys are errors (YAML 1.1 turns `off:` into False silently).
Only reading and checking happen here: goals are solved and arrows cleared in the step after it
(`load.load_figure`), so the parser knows nothing of the solver.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import skeleton as sk
from .records import (CHAINS, GROUPS, PROP_KINDS, SURFACES, VIEWS, Arrow, Contact, FigureSpec, Goal,
                      Highlight, Pose, PoseDraft, Prop, View, point_names, regions)
from .spec_items import LENGTH, parse_arrow, parse_fact, parse_goal, parse_highlights, parse_vary
from .yamlnodes import Checker, FigureError, Node, read

__all__ = ["parse_figure"]


def parse_figure(path: Path) -> tuple[FigureSpec, tuple[PoseDraft, ...]]:
    """Reads and checks one figure file, goals not yet solved.

    Args:
        path: a `figures/<id>.yaml` file.

    Returns:
        The checked figure (its poses unsolved) and each pose's draft for the solver.

    Raises:
        FigureError: one line, `path:line: field: message`.
    """
    path = Path(path)
    from .templates import apply_template

    ctx = Checker(path)
    top = ctx.mapping(apply_template(ctx, read(path)), "", ("figure", "title", "view", "facing", "props", "support", "anchor",
                                        "poses", "arrows", "highlight", "depth_bias", "ghost", "sequence", "checks"),
                      required=("figure", "poses"))
    fid = ctx.text(top["figure"], "figure")
    if fid != path.stem:
        raise ctx.fail(top["figure"], "figure", f"id {fid!r} must equal the file name {path.stem!r}")
    view = _view(ctx, top.get("view"))
    facing = ctx.text(top["facing"], "facing", ("left", "right")) if "facing" in top else "right"
    props = tuple(_prop(ctx, n, f"props[{i}]") for i, n in enumerate(ctx.seq(top["props"], "props"))) if "props" in top else ()
    kinds = [p.kind for p in props]
    if len(set(kinds)) != len(kinds):
        raise ctx.fail(top["props"], "props", "each prop kind may appear once")
    default_support = "mat" if "mat" in kinds else "floor"
    support = ctx.text(top["support"], "support", SURFACES) if "support" in top else default_support
    surfaces = {"floor"} | {k for k in kinds if k in SURFACES}
    if support not in surfaces:
        raise ctx.fail(top["support"], "support", f"no {support} among the props")
    names = point_names()
    anchor = ctx.text(top["anchor"], "anchor", names) if "anchor" in top else "root"
    drafts = _poses(ctx, top["poses"], names, surfaces, support, props)
    poses = tuple(d.pose for d in drafts)
    arrows = tuple(parse_arrow(ctx, n, f"arrows[{i}]", names, len(poses))
                   for i, n in enumerate(ctx.seq(top["arrows"], "arrows"))) if "arrows" in top else ()
    highlights = parse_highlights(ctx, top["highlight"]) if "highlight" in top else ()
    bias: list[tuple[str, float]] = []
    if "depth_bias" in top:
        for key, sub in ctx.mapping(top["depth_bias"], "depth_bias", CHAINS).items():
            bias.append((key, ctx.number(sub, f"depth_bias.{key}", -LENGTH, LENGTH)))
    ghost = True
    if "ghost" in top:
        if not isinstance(top["ghost"].value, bool):
            raise ctx.fail(top["ghost"], "ghost", "expected true or false")
        ghost = top["ghost"].value
    sequence = ""
    if "sequence" in top:
        value = top["sequence"].value
        if not (isinstance(value, bool) or value in ("row", "column")):
            raise ctx.fail(top["sequence"], "sequence", "expected row, column, true (row) or false")
        sequence = ("row" if value else "") if isinstance(value, bool) else value
    title = ctx.text(top["title"], "title") if "title" in top else fid.replace("-", " ").capitalize()
    pose_names = tuple(p.name for p in poses)
    facts = tuple(parse_fact(ctx, n, f"checks[{i}]", names, surfaces, pose_names)
                  for i, n in enumerate(ctx.seq(top["checks"], "checks"))) if "checks" in top else ()
    spec = FigureSpec(fid, str(path), title, view, facing, props, support, anchor, poses, arrows, highlights,
                      tuple(sorted(bias)), ghost, sequence, facts)
    return spec, drafts


def _view(ctx: Checker, node: Node | None) -> View:
    if node is None:
        return View("side", 0.0, 0.0)
    if isinstance(node.value, str):
        kind = ctx.text(node, "view", tuple(VIEWS))
        return View(kind, *VIEWS[kind])
    m = ctx.mapping(node, "view", ("type", "yaw", "pitch"), required=("type",))
    kind = ctx.text(m["type"], "view.type", tuple(VIEWS))
    yaw, pitch = VIEWS[kind]
    if "yaw" in m:
        yaw = ctx.number(m["yaw"], "view.yaw", -360.0, 360.0)
    if "pitch" in m:
        pitch = ctx.number(m["pitch"], "view.pitch", 0.0, 90.0)  # level to straight down
    return View(kind, yaw, pitch)


_PROP_KEYS = {
    "floor": (), "mat": ("height",), "chair": ("x", "height", "depth", "length", "back", "turn"),
    "table": ("x", "height", "length", "depth"), "bed": ("x", "z", "height", "length", "depth"),
    "bar": ("x", "height"), "towel": ("from", "to"), "wall": ("x", "height"),
}


def _prop(ctx: Checker, node: Node, field: str) -> Prop:
    if isinstance(node.value, str):
        node = Node({"type": node}, node.line)
    m = ctx.mapping(node, field, ("type",) + tuple(sorted({k for v in _PROP_KEYS.values() for k in v})),
                    required=("type",))
    kind = ctx.text(m["type"], f"{field}.type", PROP_KINDS)
    values: dict[str, float | str | None] = {}
    for key, sub in m.items():
        if key == "type":
            continue
        if key not in _PROP_KEYS[kind]:
            raise ctx.fail(sub, f"{field}.{key}", f"unknown key for a {kind} (valid: type, {', '.join(_PROP_KEYS[kind])})")
        if key in ("from", "to"):
            values[key] = ctx.text(sub, f"{field}.{key}", point_names())
        elif sub.value == "auto":
            values[key] = None
        else:
            values[key] = ctx.number(sub, f"{field}.{key}",
                                     *((0.0, 360.0) if key == "turn" else (-LENGTH, LENGTH)))
    if kind == "towel":
        if "from" not in values or "to" not in values:
            raise ctx.fail(node, field, "a towel needs from and to")
        return Prop(kind, ends=(str(values["from"]), str(values["to"])))
    turn = values.pop("turn", 0.0)
    return Prop(kind, turn=float(turn or 0.0), **{k: v for k, v in values.items()})  # type: ignore[arg-type]


def _points(ctx: Checker, node: Node, field: str, names: frozenset[str]) -> list[tuple[str, Node]]:
    out = []
    for i, sub in enumerate(ctx.seq(node, field)):
        name = ctx.text(sub, f"{field}[{i}]")
        if name in GROUPS:
            out.extend((n, sub) for n in GROUPS[name])
        elif name in names:
            out.append((name, sub))
        else:
            raise ctx.fail(sub, f"{field}[{i}]", f"unknown body point {name!r}")
    return out


def _angles(ctx: Checker, node: Node, field: str, into: dict[str, float]) -> None:
    rom = sk.rom_table()
    bases = set(sk.base_names())
    for key, sub in ctx.mapping(node, field, tuple(sorted(set(rom) | bases))).items():
        value = ctx.number(sub, f"{field}.{key}", -360.0, 360.0)  # then the joint's own range
        full = [f"{key}_{s}" for s in sk.SIDES] if key in bases and key in sk.SIDED else [key]
        for name in full:
            lo, hi = rom[name].hard
            if not lo <= value <= hi:
                raise ctx.fail(sub, f"{field}.{key}", f"{value:g} degrees is outside the range of motion {lo:g}..{hi:g}")
            into[name] = value


def _poses(ctx: Checker, node: Node, names: frozenset[str], surfaces: set[str], support: str,
           props: tuple[Prop, ...]) -> tuple[PoseDraft, ...]:
    items = ctx.seq(node, "poses")
    if not 1 <= len(items) <= 4:
        raise ctx.fail(node, "poses", "give 1 to 4 poses")
    drafts: list[PoseDraft] = []
    angles: dict[str, float] = {}
    root = sk.Root()
    contacts: tuple[Contact, ...] = ()
    flat: tuple[str, ...] = ()
    pin: tuple[str, str] | None = None
    for i, pnode in enumerate(items):
        f = f"poses[{i}]"
        m = ctx.mapping(pnode, f, ("name", "root", "joints", "contacts", "flat", "pin", "solve"))
        name = ctx.text(m["name"], f"{f}.name") if "name" in m else ("start", "end", "third", "fourth")[i]
        if "root" in m:
            r = {k: ctx.number(v, f"{f}.root.{k}", -360.0, 360.0) for k, v in ctx.mapping(m["root"], f"{f}.root", ("tilt", "roll", "yaw")).items()}
            root = sk.Root(**r)
        own: dict[str, float] = {}
        if "joints" in m:
            _angles(ctx, m["joints"], f"{f}.joints", own)
        angles = {**angles, **own}
        if "contacts" in m:
            contacts = tuple(_contacts(ctx, m["contacts"], f"{f}.contacts", names, surfaces, support))
        if "flat" in m:
            flat = tuple(n for n, _ in _points(ctx, m["flat"], f"{f}.flat", names))
            for n in flat:
                if n not in ("foot_R", "foot_L", "hand_R", "hand_L"):
                    raise ctx.fail(m["flat"], f"{f}.flat", f"{n!r}: only feet and hands lie flat")
        if "pin" in m:
            pm = ctx.mapping(m["pin"], f"{f}.pin", ("point", "to"), required=("point", "to"))
            pin = (ctx.text(pm["point"], f"{f}.pin.point", names), ctx.text(pm["to"], f"{f}.pin.to", ("bar",)))
            if "bar" not in [p.kind for p in props]:
                raise ctx.fail(pm["to"], f"{f}.pin.to", "no bar among the props")
        if not contacts and pin is None:
            raise ctx.fail(pnode, f"{f}.contacts", "give at least one contact (or a pin)")
        draft = PoseDraft(Pose(name, root, tuple(sorted(angles.items())), contacts, flat, pin),
                          tuple(sorted(own.items())))
        if "solve" in m:
            sm = ctx.mapping(m["solve"], f"{f}.solve", ("vary", "goals"), required=("vary", "goals"))
            vary = parse_vary(ctx, sm["vary"], f"{f}.solve.vary")
            goals = tuple(parse_goal(ctx, g, f"{f}.solve.goals[{j}]", names, surfaces)
                          for j, g in enumerate(ctx.seq(sm["goals"], f"{f}.solve.goals")))
            draft = replace(draft, vary=tuple(vary), goals=goals, line=sm["goals"].line, field=f"{f}.solve")
        drafts.append(draft)
    return tuple(drafts)


def _contacts(ctx: Checker, node: Node, field: str, names: frozenset[str], surfaces: set[str],
              support: str) -> list[Contact]:
    out = []
    for i, sub in enumerate(ctx.seq(node, field)):
        on = support
        if isinstance(sub.value, dict):
            m = ctx.mapping(sub, f"{field}[{i}]", ("point", "on"), required=("point",))
            if "on" in m:
                on = ctx.text(m["on"], f"{field}[{i}].on", tuple(sorted(surfaces)))
            sub = m["point"]
        out.extend(Contact(n, on) for n, _ in _points(ctx, sub, f"{field}[{i}]", names))
    return out
