"""The speed-ups change no decision: fast measuring and wrapping agree with ReportLab, and the
per-process caches hand out frozen values that are read again when their file changes."""

from __future__ import annotations

import dataclasses
import enum
import functools
import math
import shutil

import pytest

from pdfgen import api
from pdfgen.figure import FigureError, load_figure
from pdfgen.figure.loaded import load_figure_cached
from pdfgen.layouts import common
from pdfgen.layouts.context import RenderContext
from pdfgen.paths import builtin_figures_dir

# Body sizes the poster fitter tries, its name size (x1.15), the footer's and the title's.
SIZES = (8, 9, 10.5, 12.5, 9 * 1.15, 12.5 * 1.15, 24)
FONTS = (common.REGULAR, common.BOLD)


@pytest.fixture(scope="module")
def texts(catalog) -> list[str]:
    """Every piece of content text, alone and joined as the layouts print it."""
    safety = catalog.safety
    out = list(safety.rules + safety.red_flags_emergency + safety.red_flags_urgent)
    out += [safety.stop_rule, *(s.title for s in safety.sources)]
    out += ["  •  ".join(safety.rules), "  •  ".join(safety.red_flags_emergency)]
    for s in catalog.stretches.values():
        out += [s.name, s.summary, s.feel, "Feel it: " + s.feel, " ".join(s.cautions)]
        out += [*s.steps, *s.cautions, *s.notes, *(src.title for src in s.sources)]
    out += [c.caution for c in catalog.conditions.values()]
    out += [r.title for r in catalog.routines.values()]
    return sorted({t for t in out if t})


@functools.cache
def rl_width(text: str, font: str, size: float) -> float:
    """ReportLab's stringWidth for a TrueType font as its Python code computes it: every
    character's advance width, summed over the whole string, then scaled."""
    from reportlab.pdfbase.pdfmetrics import getFont

    face = getFont(font).face
    return 0.001 * size * sum(face.charWidths.get(ord(ch), face.defaultWidth) for ch in text)


def reference_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """The plain greedy wrap, measuring each whole trial line with ReportLab."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if rl_width(trial, font, size) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        while rl_width(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and rl_width(word[:cut] + "-", font, size) > width:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def test_rl_width_is_what_reportlab_measures(texts):
    """To the bit in ReportLab's Python code. Its C accelerator (rl_accel) rounds as
    (sum x 0.001) x size, a step or so apart; text_width keeps the Python result, the one the
    layouts were fitted with, so no line break depends on whether the accelerator is installed."""
    from reportlab.lib import rl_accel
    from reportlab.pdfbase.pdfmetrics import stringWidth

    accelerated = "instanceStringWidthTTF" in rl_accel._c_funcs
    common.register_fonts()
    for text in texts:
        for font in FONTS:
            for size in SIZES:
                got, want = stringWidth(text, font, size), rl_width(text, font, size)
                assert got == want or (accelerated and math.isclose(got, want, rel_tol=1e-15)), \
                    (text, font, size)


def test_text_width_is_reportlabs_python_measure_exactly(texts):
    common.register_fonts()
    for text in texts:
        for piece in [text, *text.split(), "• ", "4. "]:
            for font in FONTS:
                for size in SIZES:
                    assert common.text_width(piece, font, size) == rl_width(piece, font, size), \
                        (piece, font, size)


def test_wrap_breaks_lines_as_the_reference_does(texts):
    """Widths include every first-line width exactly and one step either side, where a rounding
    slip would move a break, and narrow ones that split words."""
    common.register_fonts()
    for text in texts:
        words = text.split()
        for font in FONTS:
            for size in SIZES:
                ties = {rl_width(" ".join(words[:k]), font, size) for k in range(1, len(words) + 1)}
                near = {math.nextafter(t, edge) for t in ties for edge in (0.0, math.inf)}
                for width in sorted(ties | near) + [25.0, 60.5, 118.0, 183.25, 260.0]:
                    assert common.wrap(text, font, size, width) == \
                        reference_wrap(text, font, size, width), (text, font, size, width)


def test_wrap_hands_out_a_fresh_list_each_time():
    lines = common.wrap("Breathe out slowly as you lean in", common.REGULAR, 10, 80)
    lines.append("changed")
    assert common.wrap("Breathe out slowly as you lean in", common.REGULAR, 10, 80)[-1] != "changed"


def assert_frozen(value, where: str) -> None:
    """Fails unless `value` is frozen dataclasses, tuples, frozensets and scalars all the way down."""
    if dataclasses.is_dataclass(value):
        assert type(value).__dataclass_params__.frozen, f"{where}: {type(value).__name__} is not frozen"
        for f in dataclasses.fields(value):
            assert_frozen(getattr(value, f.name), f"{where}.{f.name}")
    elif isinstance(value, (tuple, frozenset)):
        for i, item in enumerate(value):
            assert_frozen(item, f"{where}[{i}]")
    else:
        assert isinstance(value, (str, int, float, type(None), enum.Enum)), \
            f"{where}: a {type(value).__name__} could be changed by whoever shares it"


def test_shared_figure_specs_and_geometry_are_frozen(catalog):
    specs = api.load_figure_specs(catalog, sorted(catalog.figures))
    ctx = RenderContext(figures=specs, safety=catalog.safety)
    for fid, spec in specs.items():
        assert_frozen(spec, fid)
        for mirrored in (False, True):
            assert_frozen(ctx.geometry(fid, mirrored), f"{fid} geometry")


def test_figure_spec_is_loaded_once_until_its_file_changes(tmp_path):
    path = tmp_path / "knee-to-chest.yaml"
    shutil.copy(builtin_figures_dir() / "knee-to-chest.yaml", path)
    first = load_figure_cached(path)
    assert load_figure_cached(path) is first
    assert first == load_figure(path)
    path.write_text(path.read_text(encoding="utf-8").replace("figure: knee-to-chest",
                                                             "figure: knee-to-chest  # edited"),
                    encoding="utf-8")
    again = load_figure_cached(path)
    assert again is not first and again == load_figure(path)


def test_geometry_is_shared_between_renders(catalog):
    specs = api.load_figure_specs(catalog, ["knee-to-chest"])
    one = RenderContext(figures=specs, safety=catalog.safety)
    two = RenderContext(figures=dict(specs), safety=catalog.safety)
    assert one.geometry("knee-to-chest") is two.geometry("knee-to-chest")
    assert one.geometry("knee-to-chest", True) is not one.geometry("knee-to-chest")


def test_a_missing_figure_is_still_a_one_line_error(tmp_path):
    with pytest.raises(FigureError, match=r"nope\.yaml:1: figure: file not found"):
        load_figure_cached(tmp_path / "nope.yaml")
