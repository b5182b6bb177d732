"""A figure file made ready to draw: parsed, its goals solved, its arrows cleared of the body.

The step after the parser (spec.py), so reading a file knows nothing of the solver and the solver
nothing of YAML. Done once per file (and cached, see loaded.py), so building a figure stays a
cheap, pure function of the result.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .arrows import clear_arrows
from .records import FigureSpec, Pose, PoseDraft
from .solve import solve_goals
from .solved import shipped_solution
from .spec import parse_figure
from .yamlnodes import FigureError

__all__ = ["load_figure", "load_figures", "solve_figure", "solve_poses"]


def load_figure(path: Path) -> FigureSpec:
    """Reads and checks one figure file, solves its goals and moves its arrows clear. A
    built-in figure's goals come solved with the package (solved.py), unless its file or the
    solver has changed since.

    Args:
        path: a `figures/<id>.yaml` file.

    Returns:
        The checked figure, goals solved.

    Raises:
        FigureError: one line, `path:line: field: message` (a goal the joints cannot reach is
            reported at its `solve:` goals).
    """
    path = Path(path)
    spec, drafts = parse_figure(path)
    solution = shipped_solution(path, path.read_bytes())
    solved = solution.apply(spec, drafts) if solution is not None else None
    return solved or clear_arrows(replace(spec, poses=solve_poses(spec, drafts)))


def solve_figure(path: Path) -> FigureSpec:
    """`load_figure` without the shipped solutions: what they are made from."""
    spec, drafts = parse_figure(Path(path))
    return clear_arrows(replace(spec, poses=solve_poses(spec, drafts)))


def solve_poses(spec: FigureSpec, drafts: tuple[PoseDraft, ...]) -> tuple[Pose, ...]:
    """Each pose with its goals met, in order: a pose starts from the solved angles of the one
    before with its own joints laid over them, as the file reads."""
    poses: list[Pose] = []
    angles: dict[str, float] = {}
    for draft in drafts:
        angles = {**angles, **dict(draft.joints)}
        pose = replace(draft.pose, angles=tuple(sorted(angles.items())))
        if draft.goals:
            try:
                pose = solve_goals(pose, list(draft.vary), list(draft.goals), spec.props)
            except ValueError as exc:
                raise FigureError(f"{spec.path}:{draft.line}: {draft.field}: {exc}") from None
            angles = pose.angle_map()
        poses.append(pose)
    return tuple(poses)


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
