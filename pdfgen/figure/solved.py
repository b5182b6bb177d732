"""The built-in figures' solved geometry, shipped with the package so a first run solves none.

Solving a figure's goals (solve.py) and moving its arrows clear of the body (arrows.py) are
the dearest steps of a first build: about 90 ms a figure, for geometry that never changes
after install. `figures/solved.json` holds, for each built-in figure, the root and joint
angles its goals solve to and where its arrows end up, keyed by a digest of the figure
file's bytes *and* of the figure code. A file or code that has changed since matches no key
and is solved as before, so a stale entry can cost time, never give a different figure;
tests/test_solved.py holds the shipped file to a fresh solve.

Write it again after changing a figure or the solver:
`python -m pdfgen.figure.presolve` (from a checkout).
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from . import skeleton as sk
from .records import FigureSpec, PoseDraft

SOLVED_FILE = "solved.json"

@functools.cache
def _solver_digest() -> bytes:
    """The figure code's digest: all of it, since parsing, solving and clearing arrows
    reach into most of it (an edit anywhere costs a fresh solve, never a wrong one)."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted(here.glob("*.py")) + [here / "templates.yaml"]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.digest()


def digest(figure_bytes: bytes) -> str:
    """The key of a figure file's solution: its bytes and the solver's code."""
    return hashlib.sha256(_solver_digest() + figure_bytes).hexdigest()


@functools.cache
def _shipped(folder: Path) -> dict[str, list]:
    try:
        data = json.loads((folder / SOLVED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class Solution:
    """What solving gave one figure file: each pose's (root, angles), and each arrow's
    (gap, radius, offset) once cleared of the body."""

    poses: tuple[tuple[sk.Root, tuple[tuple[str, float], ...]], ...]
    arrows: tuple[tuple[float, float | None, float], ...]

    def apply(self, spec: FigureSpec, drafts: Sequence[PoseDraft]) -> FigureSpec | None:
        """The figure as solving and clearing would leave it; None if this solution is not
        for this file's poses and arrows."""
        if len(drafts) != len(self.poses) or len(spec.arrows) != len(self.arrows):
            return None
        poses = tuple(replace(d.pose, root=root, angles=angles)
                      for d, (root, angles) in zip(drafts, self.poses))
        arrows = tuple(replace(a, gap=gap, radius=radius, offset=offset)
                       for a, (gap, radius, offset) in zip(spec.arrows, self.arrows))
        return replace(spec, poses=poses, arrows=arrows)


def shipped_solution(path: Path, figure_bytes: bytes) -> Solution | None:
    """The shipped solution of the figure file at `path`, if the solutions file beside it
    holds this file and this code; else None."""
    entry = _shipped(Path(path).parent).get(digest(figure_bytes))
    if entry is None:
        return None
    poses, arrows = entry
    return Solution(tuple((sk.Root(**root), tuple((name, value) for name, value in angles))
                          for root, angles in poses),
                    tuple(tuple(a) for a in arrows))
