"""The pictogram body: fixed proportions, joint list, range of motion and 3-D forward kinematics.

Every length is a fraction of body height H (H = 1 figure unit), after Drillis & Contini (1966) as
reproduced in Winter (2009): hip .530, knee .285, ankle .039, shoulder .818, chin .870; upper arm
.186, forearm .146; shoulder width .259, hip width .191. How the trunk splits into pelvis, lumbar
and thorax is a drawing choice (.07 + .10 + .118 = .288).

Body frame (standing, before the root turn): x points forward (anterior), y up, z to the body's
right. Every joint angle is relative to its parent segment with anatomical signs: flexion +,
extension -; abduction +; external rotation +; side-bend and trunk/neck rotation + toward the
right; ankle dorsiflexion +; wrist flexion + (so extension is negative).

The maths is plain tuples (3x3 row-major matrices as 9-tuples) because ~20 joints do not justify
NumPy, and a figure must build in well under a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import cos, radians, sin

Vec = tuple[float, float, float]
Mat = tuple[float, float, float, float, float, float, float, float, float]

# --- proportions (fractions of H) -------------------------------------------------------------
PELVIS = 0.07  # mid-hip to L5
LUMBAR = 0.10  # L5 to T12, drawn as two links
THORAX = 0.118  # T12 to C7 (shoulder line), drawn as two links
NECK = 0.117  # C7 to head centre (chin at .870, head .130 tall)
HEAD_R = 0.068
SHOULDER_Z = 0.115  # shoulder joint off the midline (width .259 includes the arm's thickness)
SHOULDER_DROP = 0.02  # shoulder joint a little below C7
HIP_Z = 0.085  # hip joint off the midline (width .191 includes the thigh's thickness)
UPPER_ARM = 0.186
FOREARM = 0.146
HAND = 0.095  # .108 to the fingertips; a curled pictogram hand reads better a little shorter
THIGH = 0.245
SHANK = 0.246
TOE = 0.125  # ankle to toe centre, along the sole
HEEL = 0.025  # heel centre behind the ankle
SOLE = 0.017  # foot centre line below the ankle

# --- drawn thickness (radii, fractions of H) ----------------------------------------------------
R_TRUNK = 0.058
R_LEG = 0.037
R_SHANK = 0.033
R_FOOT = 0.022
R_ARM = 0.029
R_HAND = 0.025
GAP = 0.014  # the white gap drawn around limbs so overlaps stay readable

# Inner half-widths of the trunk cross-section at each spine point (the drawn width adds R_TRUNK).
TRUNK_HALF_WIDTH = {"root": 0.045, "l5": 0.042, "l3": 0.042, "t12": 0.05, "t7": 0.062, "c7": 0.07}
SPINE = ("root", "l5", "l3", "t12", "t7", "c7")

SIDES = ("R", "L")


@dataclass(frozen=True)
class Dof:
    """One joint angle: its name, the hard limits (fail) and the usual active range (warn).

    Hard limits allow the passive range a stretch relies on (kneeling on the heels needs ~160
    degrees of knee flexion; cat-cow needs ~90 of wrist extension), so they sit past AAOS.
    """

    name: str
    hard: tuple[float, float]
    active: tuple[float, float]


# AAOS 1965 active ranges (Merck, Soucie 2011), lumbar/thoracic after Magee; hard = passive.
_DOFS = (
    Dof("lumbar", (-40, 75), (-35, 60)),
    Dof("lumbar_bend", (-35, 35), (-25, 25)),
    Dof("lumbar_rot", (-20, 20), (-15, 15)),
    Dof("thorax", (-30, 60), (-25, 45)),
    Dof("thorax_bend", (-40, 40), (-30, 30)),
    Dof("thorax_rot", (-45, 45), (-35, 35)),
    Dof("neck", (-75, 70), (-60, 50)),
    Dof("neck_bend", (-50, 50), (-45, 45)),
    Dof("neck_rot", (-90, 90), (-80, 80)),
    Dof("shoulder", (-65, 185), (-60, 180)),
    Dof("shoulder_abd", (-60, 180), (-45, 180)),
    Dof("shoulder_rot", (-90, 95), (-70, 90)),
    Dof("elbow", (0, 155), (0, 150)),
    Dof("wrist", (-95, 90), (-70, 80)),
    Dof("hip", (-35, 145), (-30, 120)),
    Dof("hip_abd", (-35, 60), (-30, 45)),
    Dof("hip_rot", (-60, 75), (-45, 45)),  # figure-4 poses rely on ~70 passive external rotation in flexion
    Dof("knee", (-5, 165), (0, 135)),
    Dof("ankle", (-65, 30), (-50, 20)),
)
SIDED = frozenset(
    ("shoulder", "shoulder_abd", "shoulder_rot", "elbow", "wrist", "hip", "hip_abd", "hip_rot", "knee", "ankle")
)


def rom_table() -> dict[str, Dof]:
    """Every joint angle by its full name ("hip_R", "lumbar"), built on demand, not at import."""
    table: dict[str, Dof] = {}
    for dof in _DOFS:
        if dof.name in SIDED:
            for side in SIDES:
                table[f"{dof.name}_{side}"] = Dof(f"{dof.name}_{side}", dof.hard, dof.active)
        else:
            table[dof.name] = dof
    return table


def base_names() -> tuple[str, ...]:
    """Joint names as written without a side ("hip" sets both hips)."""
    return tuple(d.name for d in _DOFS)


# Segments: name -> (start point, end point, radius, chain). Points are filled in by forward().
SEGMENTS: dict[str, tuple[str, str, float, str]] = {
    "pelvis": ("root", "l5", R_TRUNK, "trunk"),
    "lumbar": ("l5", "t12", R_TRUNK, "trunk"),
    "thorax": ("t12", "c7", R_TRUNK, "trunk"),
    "head": ("head", "head", HEAD_R, "head"),
}
for _s in SIDES:
    SEGMENTS.update(
        {
            f"thigh_{_s}": (f"hip_{_s}", f"knee_{_s}", R_LEG, f"leg_{_s}"),
            f"shank_{_s}": (f"knee_{_s}", f"ankle_{_s}", R_SHANK, f"leg_{_s}"),
            f"foot_{_s}": (f"heel_{_s}", f"toe_{_s}", R_FOOT, f"leg_{_s}"),
            f"upper_arm_{_s}": (f"shoulder_{_s}", f"elbow_{_s}", R_ARM, f"arm_{_s}"),
            f"forearm_{_s}": (f"elbow_{_s}", f"wrist_{_s}", R_ARM, f"arm_{_s}"),
            f"hand_{_s}": (f"wrist_{_s}", f"fingers_{_s}", R_HAND, f"arm_{_s}"),
        }
    )

# Radius of the body around each named point (for point contacts such as "knee_R").
POINT_RADIUS: dict[str, float] = {"root": R_TRUNK, "l5": R_TRUNK, "l3": R_TRUNK, "t12": R_TRUNK,
                                  "t7": R_TRUNK, "c7": R_TRUNK, "head": HEAD_R}
for _s in SIDES:
    POINT_RADIUS.update(
        {f"hip_{_s}": R_LEG, f"knee_{_s}": R_LEG, f"ankle_{_s}": R_SHANK, f"heel_{_s}": R_FOOT,
         f"toe_{_s}": R_FOOT, f"shoulder_{_s}": R_ARM, f"elbow_{_s}": R_ARM, f"wrist_{_s}": R_ARM,
         f"fingers_{_s}": R_HAND}
    )

# Lengths the tests check stay fixed, whatever the solver or the flat-contact rule did.
BONES: dict[tuple[str, str], float] = {
    ("root", "l5"): PELVIS, ("t12", "t7"): THORAX / 2, ("t7", "c7"): THORAX / 2,
    ("l5", "l3"): LUMBAR / 2, ("l3", "t12"): LUMBAR / 2, ("c7", "head"): (NECK**2 + 0.012**2) ** 0.5,
}
for _s in SIDES:
    BONES.update({(f"shoulder_{_s}", f"elbow_{_s}"): UPPER_ARM, (f"elbow_{_s}", f"wrist_{_s}"): FOREARM,
                  (f"wrist_{_s}", f"fingers_{_s}"): HAND, (f"hip_{_s}", f"knee_{_s}"): THIGH,
                  (f"knee_{_s}", f"ankle_{_s}"): SHANK, (f"heel_{_s}", f"toe_{_s}"): TOE + HEEL})


# --- rotation helpers ---------------------------------------------------------------------------
def rot_x(deg: float) -> Mat:
    """Rotation about x (the forward axis) by deg degrees, right-handed."""
    c, s = cos(radians(deg)), sin(radians(deg))
    return (1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c)


def rot_y(deg: float) -> Mat:
    """Rotation about y (the long axis)."""
    c, s = cos(radians(deg)), sin(radians(deg))
    return (c, 0.0, s, 0.0, 1.0, 0.0, -s, 0.0, c)


def rot_z(deg: float) -> Mat:
    """Rotation about z (the lateral axis): the sagittal-plane rotation."""
    c, s = cos(radians(deg)), sin(radians(deg))
    return (c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0)


def mul(a: Mat, b: Mat) -> Mat:
    """Matrix product a·b (apply b first)."""
    a0, a1, a2, a3, a4, a5, a6, a7, a8 = a
    b0, b1, b2, b3, b4, b5, b6, b7, b8 = b
    return (
        a0 * b0 + a1 * b3 + a2 * b6, a0 * b1 + a1 * b4 + a2 * b7, a0 * b2 + a1 * b5 + a2 * b8,
        a3 * b0 + a4 * b3 + a5 * b6, a3 * b1 + a4 * b4 + a5 * b7, a3 * b2 + a4 * b5 + a5 * b8,
        a6 * b0 + a7 * b3 + a8 * b6, a6 * b1 + a7 * b4 + a8 * b7, a6 * b2 + a7 * b5 + a8 * b8,
    )


def along(p: Vec, m: Mat, x: float, y: float, z: float) -> Vec:
    """The point p + m·(x, y, z): a bone of the given local offset hung on frame m."""
    return (p[0] + m[0] * x + m[1] * y + m[2] * z,
            p[1] + m[3] * x + m[4] * y + m[5] * z,
            p[2] + m[6] * x + m[7] * y + m[8] * z)


def _joint(flex: float, abd: float, rot: float) -> Mat:
    # Flexion first (sagittal plane dominates every side view), then abduction about the flexed
    # frame, then spin about the limb's own axis, so "hip: 90, hip_abd: 30" lets the knee fall out.
    m = rot_z(flex)
    if abd:
        m = mul(m, rot_x(abd))
    if rot:
        m = mul(m, rot_y(rot))
    return m


def _spine(flex: float, bend: float, rot: float) -> Mat:
    m = rot_z(-flex)
    if bend:
        m = mul(m, rot_x(bend))
    if rot:
        m = mul(m, rot_y(-rot))
    return m


@dataclass(frozen=True)
class Root:
    """How the whole body is turned: tilt 0 standing, -90 supine, +90 prone; roll spins the body
    about its own long axis (side-lying = supine + roll 90); yaw turns it about the vertical."""

    tilt: float = 0.0
    roll: float = 0.0
    yaw: float = 0.0


@dataclass(frozen=True)
class Body:
    """One posed body: world points and each segment's frame (columns: anterior, long, right)."""

    points: dict[str, Vec]
    frames: dict[str, Mat]


def forward(angles: dict[str, float], root: Root) -> Body:
    """Poses the skeleton: every joint angle (full names, degrees) to world points at root = origin.

    Args:
        angles: full joint names ("hip_R", "lumbar"); missing names count as 0.
        root: the whole-body turn.

    Returns:
        The body with its root (mid-hip) at the origin; placement on a support comes later.
    """
    g = angles.get
    pelvis = rot_y(root.yaw)
    pelvis = mul(pelvis, rot_z(-root.tilt))
    if root.roll:
        pelvis = mul(pelvis, rot_y(-root.roll))
    pts: dict[str, Vec] = {"root": (0.0, 0.0, 0.0)}
    frames: dict[str, Mat] = {"pelvis": pelvis}
    l5 = along(pts["root"], pelvis, 0.0, PELVIS, 0.0)
    q = _spine(g("lumbar", 0.0) / 2, g("lumbar_bend", 0.0) / 2, g("lumbar_rot", 0.0) / 2)
    f1 = mul(pelvis, q)
    l3 = along(l5, f1, 0.0, LUMBAR / 2, 0.0)
    f2 = mul(f1, q)
    t12 = along(l3, f2, 0.0, LUMBAR / 2, 0.0)
    q = _spine(g("thorax", 0.0) / 2, g("thorax_bend", 0.0) / 2, g("thorax_rot", 0.0) / 2)
    f3 = mul(f2, q)
    t7 = along(t12, f3, 0.0, THORAX / 2, 0.0)
    f4 = mul(f3, q)
    c7 = along(t7, f4, 0.0, THORAX / 2, 0.0)
    neck = mul(f4, _spine(g("neck", 0.0), g("neck_bend", 0.0), g("neck_rot", 0.0)))
    pts.update(l5=l5, l3=l3, t12=t12, t7=t7, c7=c7, head=along(c7, neck, 0.012, NECK, 0.0))
    frames.update({"l5": f1, "l3": f2, "lumbar": f2, "t12": f3, "t7": f4, "thorax": f4, "c7": f4,
                   "head": neck, "root": pelvis})
    # The trunk is drawn as slabs between left and right edge points, so it looks narrow from the
    # side and broad from the front or above: one 3-D shape for every view.
    for name, frame in (("root", pelvis), ("l5", f1), ("l3", f2), ("t12", f3), ("t7", f4), ("c7", f4)):
        w = TRUNK_HALF_WIDTH[name]
        p = pts[name]
        pts[f"{name}>R"] = (p[0] + frame[2] * w, p[1] + frame[5] * w, p[2] + frame[8] * w)
        pts[f"{name}>L"] = (p[0] - frame[2] * w, p[1] - frame[5] * w, p[2] - frame[8] * w)
    for side, s in (("R", 1.0), ("L", -1.0)):
        # Left limbs mirror the right: abduction and external rotation flip sign with the side.
        sh = along(c7, f4, 0.0, -SHOULDER_DROP, s * SHOULDER_Z)
        ua = mul(f4, _joint(g(f"shoulder_{side}", 0.0), -s * g(f"shoulder_abd_{side}", 0.0),
                            -s * g(f"shoulder_rot_{side}", 0.0)))
        el = along(sh, ua, 0.0, -UPPER_ARM, 0.0)
        fa = mul(ua, rot_z(g(f"elbow_{side}", 0.0)))
        wr = along(el, fa, 0.0, -FOREARM, 0.0)
        ha = mul(fa, rot_z(g(f"wrist_{side}", 0.0)))
        hip = along(pts["root"], pelvis, 0.0, 0.0, s * HIP_Z)
        th = mul(pelvis, _joint(g(f"hip_{side}", 0.0), -s * g(f"hip_abd_{side}", 0.0),
                                -s * g(f"hip_rot_{side}", 0.0)))
        kn = along(hip, th, 0.0, -THIGH, 0.0)
        sk = mul(th, rot_z(-g(f"knee_{side}", 0.0)))
        an = along(kn, sk, 0.0, -SHANK, 0.0)
        ft = mul(sk, rot_z(g(f"ankle_{side}", 0.0)))
        pts.update({
            f"shoulder_{side}": sh, f"elbow_{side}": el, f"wrist_{side}": wr,
            f"fingers_{side}": along(wr, ha, 0.0, -HAND, 0.0),
            f"hip_{side}": hip, f"knee_{side}": kn, f"ankle_{side}": an,
            f"heel_{side}": along(an, ft, -HEEL, -SOLE, 0.0), f"toe_{side}": along(an, ft, TOE, -SOLE, 0.0),
        })
        frames.update({f"upper_arm_{side}": ua, f"forearm_{side}": fa, f"hand_{side}": ha,
                       f"thigh_{side}": th, f"shank_{side}": sk, f"foot_{side}": ft})
    return Body(pts, frames)
