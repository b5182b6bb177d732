"""The built-in figures' solved poses ship with the package (pdfgen/figure/solved.py)."""

from __future__ import annotations

import shutil

import pytest

from pdfgen.figure import load as figure_load
from pdfgen.figure import solved
from pdfgen.paths import builtin_figures_dir

FIGURES = sorted(builtin_figures_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", FIGURES, ids=lambda p: p.stem)
def test_shipped_solutions_match_a_fresh_solve(path):
    """If this fails, a figure or the figure code changed: `python -m pdfgen.figure.presolve`."""
    assert solved.shipped_solution(path, path.read_bytes()) is not None, \
        f"{path.name} has no shipped solution"
    assert figure_load.load_figure(path) == figure_load.solve_figure(path)


def test_a_built_in_figure_loads_without_solving(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("solved on load")
    monkeypatch.setattr(figure_load, "solve_goals", refuse)
    monkeypatch.setattr(figure_load, "clear_arrows", refuse)
    for path in FIGURES:
        figure_load.load_figure(path)


def test_a_changed_figure_is_solved_again(tmp_path, monkeypatch):
    source = builtin_figures_dir() / "knee-to-chest.yaml"
    shutil.copy(builtin_figures_dir() / solved.SOLVED_FILE, tmp_path / solved.SOLVED_FILE)
    edited = tmp_path / source.name
    edited.write_bytes(source.read_bytes() + b"\n# an edit\n")
    calls = []
    real = figure_load.solve_goals
    monkeypatch.setattr(figure_load, "solve_goals",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    spec = figure_load.load_figure(edited)
    assert calls, "an edited figure must be solved, not taken from the shipped file"
    assert spec.poses == figure_load.load_figure(source).poses   # a comment changes nothing


def test_a_stale_solver_matches_nothing(monkeypatch):
    path = FIGURES[0]
    key = solved.digest(path.read_bytes())
    monkeypatch.setattr(solved, "_solver_digest", lambda: b"another solver")
    assert solved.digest(path.read_bytes()) != key
    assert solved.shipped_solution(path, path.read_bytes()) is None
