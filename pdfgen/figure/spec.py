"""Figure files (`figures/<id>.yaml`) read and checked once into frozen records.

The schema is documented in `figures/README.md`. Every problem becomes a FigureError whose message
is one line, `path:line: field: message`, because a clinician editing a file needs to find the
line, not read a traceback. Unknown keys are errors (YAML 1.1 turns `off:` into False silently).
Goals (`solve:`) are solved here, once, so building a figure stays a cheap, pure function.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import skeleton as sk
from .yamlnodes import FigureError, Node, read

VIEWS = {"side": (0.0, 0.0), "three-quarter": (35.0, 20.0), "top": (0.0, 90.0), "front": (90.0, 0.0)}
PROP_KINDS = ("floor", "mat", "chair", "table", "bed", "bar", "towel", "wall")
SURFACES = ("floor", "mat", "chair", "table", "bed")
GROUPS = {"feet": ("foot_R", "foot_L"), "hands": ("hand_R", "hand_L"), "knees": ("knee_R", "knee_L"),
          "shanks": ("shank_R", "shank_L"), "forearms": ("forearm_R", "forearm_L"),
          "toes": ("toe_R", "toe_L"), "heels": ("heel_R", "heel_L"), "elbows": ("elbow_R", "elbow_L")}
CHAINS = ("trunk", "head", "arm_R", "arm_L", "leg_R", "leg_L")
SIDES_OF = {"front": 0, "back": 1, "right": 2, "left": 3, "center": 4}


def point_names() -> frozenset[str]:
    """Every body point or segment a contact, goal, arrow or pin may name."""
    pts = {"root", "l5", "l3", "t12", "t7", "c7", "head"}
    for s in sk.SIDES:
        pts |= {f"{j}_{s}" for j in ("shoulder", "elbow", "wrist", "fingers", "hip", "knee", "ankle", "heel", "toe")}
    return frozenset(pts | set(sk.SEGMENTS))


@dataclass(frozen=True)
class View:
    """Camera: yaw turns it toward the figure's front, pitch lifts it to look down (90 = top)."""

    kind: str
    yaw: float
    pitch: float


@dataclass(frozen=True)
class Prop:
    """One prop; a None size is solved from the first pose (e.g. a chair seat under the pelvis)."""

    kind: str
    x: float | None = None
    z: float | None = None
    height: float | None = None
    length: float | None = None
    depth: float | None = None
    back: float | None = None
    turn: float = 0.0
    ends: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class Contact:
    """A body point or segment that must rest on a surface (`on`)."""

    point: str
    on: str


@dataclass(frozen=True)
class Goal:
    """A solver goal: `point` on a surface, touching a segment/point, or at a height above it."""

    point: str
    kind: str  # "on" | "touch"
    target: str
    line: int = 0
    at: float | None = None  # touch a segment at this fraction of its length (0 start, 1 end)


@dataclass(frozen=True)
class Pose:
    """One key pose; angles are full joint names -> degrees, after inheritance and goals."""

    name: str
    root: sk.Root
    angles: tuple[tuple[str, float], ...]
    contacts: tuple[Contact, ...]
    flat: tuple[str, ...]
    pin: tuple[str, str] | None = None

    def angle_map(self) -> dict[str, float]:
        """The angles as a dict (missing joints are 0)."""
        return dict(self.angles)


@dataclass(frozen=True)
class Arrow:
    """A motion arrow: `arc` around a joint (following a point or between angles) or `push`."""

    kind: str
    at: str
    follow: str = ""
    start: float | None = None
    end: float | None = None
    radius: float | None = None
    offset: float = 0.06
    trim: float = 12.0
    direction: float = 90.0
    length: float = 0.12
    gap: float = 0.05
    toward: bool = False
    both: bool = False
    pose: int = -1


@dataclass(frozen=True)
class Highlight:
    """Part of a segment to mark as the target: which face of it, and from/to along its length."""

    segment: str
    side: str
    start: float
    end: float


@dataclass(frozen=True)
class FigureSpec:
    """A whole figure file, checked: the value `build()` turns into shapes."""

    id: str
    path: str
    title: str
    view: View
    facing: str
    props: tuple[Prop, ...]
    support: str
    anchor: str
    poses: tuple[Pose, ...]
    arrows: tuple[Arrow, ...]
    highlights: tuple[Highlight, ...]
    depth_bias: tuple[tuple[str, float], ...]
    ghost: bool
    sequence: bool = False  # poses drawn side by side, all solid (two phases such as cat-cow)


# --- highlight regions (the vocabulary a clinician thinks in) ------------------------------------
def regions() -> dict[str, tuple[Highlight, ...]]:
    """Named target regions -> the segment parts they mark."""
    out = {
        "low_back": (Highlight("lumbar", "back", -0.05, 1.0),),
        "upper_back": (Highlight("thorax", "back", 0.0, 0.85),),
        "abdomen": (Highlight("lumbar", "front", 0.0, 1.0),),
    }
    for s, other in (("R", "right"), ("L", "left")):
        out[f"hamstrings_{s}"] = (Highlight(f"thigh_{s}", "back", 0.15, 0.85),)
        out[f"quads_{s}"] = (Highlight(f"thigh_{s}", "front", 0.15, 0.85),)
        out[f"calf_{s}"] = (Highlight(f"shank_{s}", "back", 0.1, 0.6),)
        out[f"glutes_{s}"] = (Highlight(f"thigh_{s}", "back", -0.12, 0.22),)
        out[f"hip_flexors_{s}"] = (Highlight(f"thigh_{s}", "front", -0.1, 0.4),)
        out[f"side_{s}"] = (Highlight("lumbar", other, -0.1, 1.0), Highlight("thorax", other, 0.0, 0.6))
    return out


# --- loading -------------------------------------------------------------------------------------
class _Ctx:
    """Carries the file path so every check can raise with `path:line: field:`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: Node | int, field: str, message: str) -> FigureError:
        line = node if isinstance(node, int) else node.line
        return FigureError(f"{self.path}:{line}: {field}: {message}")

    def mapping(self, node: Node, field: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict[str, Node]:
        if not isinstance(node.value, dict):
            raise self.fail(node, field, "expected a mapping")
        for key, sub in node.value.items():
            if key not in allowed:
                raise self.fail(sub, f"{field}.{key}" if field else key,
                                f"unknown key (valid: {', '.join(allowed)})")
        for key in required:
            if key not in node.value:
                raise self.fail(node, f"{field}.{key}" if field else key, "required field missing")
        return node.value

    def number(self, node: Node, field: str) -> float:
        v = node.value
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise self.fail(node, field, f"expected a number, got {v!r}")
        return float(v)

    def text(self, node: Node, field: str, choices: tuple[str, ...] | frozenset[str] | None = None) -> str:
        v = node.value
        if not isinstance(v, str):
            raise self.fail(node, field, f"expected text, got {v!r}")
        if choices is not None and v not in choices:
            shown = ", ".join(sorted(choices)) if len(choices) < 20 else "see figures/README.md"
            raise self.fail(node, field, f"unknown value {v!r} (valid: {shown})")
        return v

    def seq(self, node: Node, field: str) -> list[Node]:
        if isinstance(node.value, list):
            return node.value
        return [node]


def load_figure(path: Path) -> FigureSpec:
    """Reads and checks one figure file.

    Args:
        path: a `figures/<id>.yaml` file.

    Returns:
        The checked figure, goals already solved.

    Raises:
        FigureError: one line, `path:line: field: message`.
    """
    path = Path(path)
    ctx = _Ctx(path)
    top = ctx.mapping(read(path), "", ("figure", "title", "view", "facing", "props", "support", "anchor",
                                        "poses", "arrows", "highlight", "depth_bias", "ghost", "sequence"),
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
    poses = _poses(ctx, top["poses"], names, surfaces, support, props)
    arrows = tuple(_arrow(ctx, n, f"arrows[{i}]", names, len(poses))
                   for i, n in enumerate(ctx.seq(top["arrows"], "arrows"))) if "arrows" in top else ()
    highlights = _highlights(ctx, top["highlight"]) if "highlight" in top else ()
    bias: list[tuple[str, float]] = []
    if "depth_bias" in top:
        for key, sub in ctx.mapping(top["depth_bias"], "depth_bias", CHAINS).items():
            bias.append((key, ctx.number(sub, f"depth_bias.{key}")))
    ghost = True
    if "ghost" in top:
        if not isinstance(top["ghost"].value, bool):
            raise ctx.fail(top["ghost"], "ghost", "expected true or false")
        ghost = top["ghost"].value
    sequence = False
    if "sequence" in top:
        if not isinstance(top["sequence"].value, bool):
            raise ctx.fail(top["sequence"], "sequence", "expected true or false")
        sequence = top["sequence"].value
    title = ctx.text(top["title"], "title") if "title" in top else fid.replace("-", " ").capitalize()
    spec = FigureSpec(fid, str(path), title, view, facing, props, support, anchor, poses, arrows, highlights,
                      tuple(sorted(bias)), ghost, sequence)
    return spec


def load_figures(dirs: list[Path]) -> dict[str, FigureSpec]:
    """Loads every `*.yaml` figure in the directories; a later directory overrides an earlier id.

    Raises:
        FigureError: for the first bad file (files are read in name order, so the report is stable).
    """
    out: dict[str, FigureSpec] = {}
    for d in dirs:
        for path in sorted(Path(d).glob("*.yaml")):
            spec = load_figure(path)
            out[spec.id] = spec
    return dict(sorted(out.items()))


def _view(ctx: _Ctx, node: Node | None) -> View:
    if node is None:
        return View("side", 0.0, 0.0)
    if isinstance(node.value, str):
        kind = ctx.text(node, "view", tuple(VIEWS))
        return View(kind, *VIEWS[kind])
    m = ctx.mapping(node, "view", ("type", "yaw", "pitch"), required=("type",))
    kind = ctx.text(m["type"], "view.type", tuple(VIEWS))
    yaw, pitch = VIEWS[kind]
    if "yaw" in m:
        yaw = ctx.number(m["yaw"], "view.yaw")
    if "pitch" in m:
        pitch = ctx.number(m["pitch"], "view.pitch")
        if not 0.0 <= pitch <= 90.0:
            raise ctx.fail(m["pitch"], "view.pitch", "must be 0..90 (looking level to straight down)")
    return View(kind, yaw, pitch)


_PROP_KEYS = {
    "floor": (), "mat": ("height",), "chair": ("x", "height", "depth", "length", "back", "turn"),
    "table": ("x", "height", "length", "depth"), "bed": ("x", "z", "height", "length", "depth"),
    "bar": ("x", "height"), "towel": ("from", "to"), "wall": ("x", "height"),
}


def _prop(ctx: _Ctx, node: Node, field: str) -> Prop:
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
            values[key] = ctx.number(sub, f"{field}.{key}")
    if kind == "towel":
        if "from" not in values or "to" not in values:
            raise ctx.fail(node, field, "a towel needs from and to")
        return Prop(kind, ends=(str(values["from"]), str(values["to"])))
    turn = values.pop("turn", 0.0)
    return Prop(kind, turn=float(turn or 0.0), **{k: v for k, v in values.items()})  # type: ignore[arg-type]


def _points(ctx: _Ctx, node: Node, field: str, names: frozenset[str]) -> list[tuple[str, Node]]:
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


def _angles(ctx: _Ctx, node: Node, field: str, into: dict[str, float]) -> None:
    rom = sk.rom_table()
    bases = set(sk.base_names())
    for key, sub in ctx.mapping(node, field, tuple(sorted(set(rom) | bases))).items():
        value = ctx.number(sub, f"{field}.{key}")
        full = [f"{key}_{s}" for s in sk.SIDES] if key in bases and key in sk.SIDED else [key]
        for name in full:
            lo, hi = rom[name].hard
            if not lo <= value <= hi:
                raise ctx.fail(sub, f"{field}.{key}", f"{value:g} degrees is outside the range of motion {lo:g}..{hi:g}")
            into[name] = value


def _poses(ctx: _Ctx, node: Node, names: frozenset[str], surfaces: set[str], support: str,
           props: tuple[Prop, ...]) -> tuple[Pose, ...]:
    from .solve import solve_goals

    items = ctx.seq(node, "poses")
    if not 1 <= len(items) <= 4:
        raise ctx.fail(node, "poses", "give 1 to 4 poses")
    poses: list[Pose] = []
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
            r = {k: ctx.number(v, f"{f}.root.{k}") for k, v in ctx.mapping(m["root"], f"{f}.root", ("tilt", "roll", "yaw")).items()}
            root = sk.Root(**r)
        angles = dict(angles)
        if "joints" in m:
            _angles(ctx, m["joints"], f"{f}.joints", angles)
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
        pose = Pose(name, root, tuple(sorted(angles.items())), contacts, flat, pin)
        if "solve" in m:
            sm = ctx.mapping(m["solve"], f"{f}.solve", ("vary", "goals"), required=("vary", "goals"))
            vary = _vary(ctx, sm["vary"], f"{f}.solve.vary")
            goals = [_goal(ctx, g, f"{f}.solve.goals[{j}]", names, surfaces)
                     for j, g in enumerate(ctx.seq(sm["goals"], f"{f}.solve.goals"))]
            try:
                pose = solve_goals(pose, vary, goals, props)
            except ValueError as exc:
                raise ctx.fail(sm["goals"], f"{f}.solve", str(exc)) from None
            angles = pose.angle_map()
        poses.append(pose)
    return tuple(poses)


def _contacts(ctx: _Ctx, node: Node, field: str, names: frozenset[str], surfaces: set[str],
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


def _vary(ctx: _Ctx, node: Node, field: str) -> list[str]:
    rom = sk.rom_table()
    out: list[str] = []
    for i, sub in enumerate(ctx.seq(node, field)):
        key = ctx.text(sub, f"{field}[{i}]")
        if key in sk.SIDED:
            out.extend(f"{key}_{s}" for s in sk.SIDES)
        elif key in rom:
            out.append(key)
        else:
            raise ctx.fail(sub, f"{field}[{i}]", f"unknown joint {key!r}")
    return out


def _goal(ctx: _Ctx, node: Node, field: str, names: frozenset[str], surfaces: set[str]) -> Goal:
    m = ctx.mapping(node, field, ("point", "on", "touch", "at"), required=("point",))
    point = ctx.text(m["point"], f"{field}.point", names)
    if ("on" in m) == ("touch" in m):
        raise ctx.fail(node, field, "give exactly one of on, touch")
    if "on" in m:
        if "at" in m:
            raise ctx.fail(m["at"], f"{field}.at", "at goes with touch (a fraction along the touched segment)")
        return Goal(point, "on", ctx.text(m["on"], f"{field}.on", tuple(sorted(surfaces))), node.line)
    target = ctx.text(m["touch"], f"{field}.touch", names)
    at = None
    if "at" in m:
        if target not in sk.SEGMENTS or target == "head":
            raise ctx.fail(m["at"], f"{field}.at", "at needs touch to name a limb or trunk segment")
        at = ctx.number(m["at"], f"{field}.at")
        if not 0.0 <= at <= 1.0:
            raise ctx.fail(m["at"], f"{field}.at", "must be 0..1 (fraction along the segment)")
    return Goal(point, "touch", target, node.line, at)


def _arrow(ctx: _Ctx, node: Node, field: str, names: frozenset[str], n_poses: int) -> Arrow:
    m = ctx.mapping(node, field, ("type", "at", "follow", "from", "to", "radius", "offset", "trim", "dir",
                                  "length", "gap", "toward", "both", "pose"), required=("type", "at"))
    kind = ctx.text(m["type"], f"{field}.type", ("arc", "push"))
    kw: dict[str, object] = {"kind": kind, "at": ctx.text(m["at"], f"{field}.at", names)}
    if "follow" in m:
        kw["follow"] = ctx.text(m["follow"], f"{field}.follow", names)
    for key, attr in (("from", "start"), ("to", "end"), ("radius", "radius"), ("offset", "offset"),
                      ("trim", "trim"), ("dir", "direction"), ("length", "length"), ("gap", "gap")):
        if key in m:
            kw[attr] = ctx.number(m[key], f"{field}.{key}")
    for key in ("toward", "both"):
        if key in m:
            if not isinstance(m[key].value, bool):
                raise ctx.fail(m[key], f"{field}.{key}", "expected true or false")
            kw[key] = m[key].value
    if "pose" in m:
        p = int(ctx.number(m["pose"], f"{field}.pose"))
        if not -n_poses <= p < n_poses:
            raise ctx.fail(m["pose"], f"{field}.pose", f"no pose {p}")
        kw["pose"] = p
    if kind == "arc" and "follow" not in kw and ("start" not in kw or "end" not in kw):
        raise ctx.fail(node, field, "an arc needs follow, or from and to")
    return Arrow(**kw)  # type: ignore[arg-type]


def _highlights(ctx: _Ctx, node: Node) -> tuple[Highlight, ...]:
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
        a = ctx.number(m["from"], f"{f}.from") if "from" in m else 0.0
        b = ctx.number(m["to"], f"{f}.to") if "to" in m else 1.0
        out.append(Highlight(seg, side, a, b))
    return tuple(out)
