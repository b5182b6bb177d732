"""The figure's camera: world points onto the page (u right, v up) with depth kept for painter's
order. Its own module, so arrow clearing (arrows.py) and drawing (geometry.py) share it without
importing each other."""

from __future__ import annotations

from math import cos, radians, sin

from . import skeleton as sk
from .records import FigureSpec

__all__ = ["Camera", "camera"]


class Camera:
    """Projects world points: u right, v up on the page, d toward the viewer."""

    def __init__(self, yaw: float, pitch: float, depth_sign: float) -> None:
        a, b = radians(yaw), radians(pitch)
        self.u = (cos(a), 0.0, -sin(a))
        self.v = (-sin(a) * sin(b), cos(b), -cos(a) * sin(b))
        self.d = (sin(a) * cos(b) * depth_sign, sin(b) * depth_sign, cos(a) * cos(b) * depth_sign)

    def project(self, pts: dict[str, sk.Vec]) -> dict[str, tuple[float, float, float]]:
        ux, uy, uz = self.u
        vx, vy, vz = self.v
        dx, dy, dz = self.d
        return {k: (x * ux + y * uy + z * uz, x * vx + y * vy + z * vz, x * dx + y * dy + z * dz)
                for k, (x, y, z) in pts.items()}

    def one(self, p: sk.Vec) -> tuple[float, float, float]:
        return self.project({"p": p})["p"]


def camera(spec: FigureSpec, *, mirrored: bool = False) -> Camera:
    """The figure's camera; a level side-on view turned 180 degrees sees depth reversed (near <-> far)."""
    side_on = abs(sin(radians(spec.view.yaw))) < 0.5
    turn = ((spec.facing == "left") != mirrored) and spec.view.pitch == 0.0 and side_on
    return Camera(spec.view.yaw, spec.view.pitch, -1.0 if turn else 1.0)
