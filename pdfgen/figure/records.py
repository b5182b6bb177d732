"""The checked figure as frozen records, and the fixed vocabularies a figure file may use.

Everything a figure needs after loading lives here, so geometry and the solver depend on plain
values, never on YAML.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import skeleton as sk

VIEWS = {"side": (0.0, 0.0), "three-quarter": (35.0, 20.0), "top": (0.0, 90.0), "front": (90.0, 0.0)}
PROP_KINDS = ("floor", "mat", "chair", "table", "bed", "bar", "towel", "wall")
SURFACES = ("floor", "mat", "chair", "table", "bed")
GROUPS = {"feet": ("foot_R", "foot_L"), "hands": ("hand_R", "hand_L"), "knees": ("knee_R", "knee_L"),
          "shanks": ("shank_R", "shank_L"), "forearms": ("forearm_R", "forearm_L"),
          "toes": ("toe_R", "toe_L"), "heels": ("heel_R", "heel_L"), "elbows": ("elbow_R", "elbow_L")}
CHAINS = ("trunk", "head", "arm_R", "arm_L", "leg_R", "leg_L")
SIDES_OF = {"front": 0, "back": 1, "right": 2, "left": 3, "center": 4}
FACES = ("front", "back", "inside", "outside")  # the faces of a segment a touch can name


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
    kind: str  # "on" (a surface) | "rest" (on top of a segment) | "touch" | "below" | "offset"
    target: str
    line: int = 0
    at: float | None = None  # touch a segment at this fraction of its length (0 start, 1 end)
    offset: tuple[float, float, float] | None = None  # kind "offset": where, from the target point
    side: str = ""  # kind "touch": the face of the segment touched (FACES), "" for any


@dataclass(frozen=True)
class Fact:
    """A checkable fact about the solved pose, taken from the stretch's steps and cautions.

    Kinds: "touches" (subject[0] touches `target`, a body part or a prop, on `side` if given),
    "flat_on" (a foot or hand lies level on surface `target`), "joint" (joint subject[0] within
    low..high degrees), "on_floor" (every subject part rests on the figure's support), "under"
    (subject[0] straight under `target`, as hands under shoulders), "near" (subject[0] within
    `high` H of `target`, as knees together), "grips" (a prop's bar or edge runs through the
    middle of the closed hand subject[0]).
    """

    kind: str
    subject: tuple[str, ...]
    target: str = ""
    side: str = ""
    at: float | None = None
    low: float = 0.0
    high: float = 0.0
    pose: str = ""  # a pose name; "" the last pose, "all" every pose
    line: int = 0


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
class PoseDraft:
    """One pose as the file gives it, before its goals are solved (figure/load.py).

    `pose` holds the angles inherited from the unsolved pose before; `joints` the angles this
    pose sets itself, laid over the *solved* angles of the pose before once those are known.
    """

    pose: Pose
    joints: tuple[tuple[str, float], ...] = ()
    vary: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    line: int = 0  # of the `solve:` goals, for an unreachable goal's message
    field: str = ""


@dataclass(frozen=True)
class Arrow:
    """A motion arrow: `arc` around a joint (following a point or between angles), a straight
    `push`, or a `turn`: a level ring round the vertical through a point (twists)."""

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
    sequence: str = ""  # "row": poses side by side, "column": stacked panels; all solid (cat-cow)
    facts: tuple[Fact, ...] = ()  # `checks:`, evaluated on the solved pose by facts.check_facts


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
