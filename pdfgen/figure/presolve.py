"""Writes `figures/solved.json`, the built-in figures' shipped solutions (see solved.py).

Run from a checkout after changing a figure or the figure code:
`python -m pdfgen.figure.presolve`; tests/test_solved.py says when it is due.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from .load import solve_figure
from .solved import SOLVED_FILE, digest


def write_solutions(folder: Path) -> Path:
    """Solves every figure in `folder` afresh and writes its solutions file; returns its
    path. The same figures and code give the same bytes."""
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        spec = solve_figure(path)
        out[digest(path.read_bytes())] = [
            [[asdict(p.root), [list(a) for a in p.angles]] for p in spec.poses],
            [[a.gap, a.radius, a.offset] for a in spec.arrows]]
    target = folder / SOLVED_FILE
    target.write_text(json.dumps(dict(sorted(out.items())), separators=(",", ":")) + "\n",
                      encoding="utf-8")
    return target


if __name__ == "__main__":
    from ..paths import builtin_figures_dir

    print(write_solutions(builtin_figures_dir()))
