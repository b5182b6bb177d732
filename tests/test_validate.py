"""`stretchcard validate`: every problem in one run, each `path:line: field: message`, and the
reading-grade measure behind its readability warnings."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from pdfgen import api, readability
from pdfgen.paths import builtin_content_dir, builtin_figures_dir
from tests.test_hostile import BILLION_LAUGHS, STRETCH_TEXT, content_dir
from tests.test_photos import subject

LINE = re.compile(r"^(warning: )?\S+:\d+: [^:]+: \S.*$")
HARD_STEP = ("Subsequently, meticulously straighten the contralateral extremity while "
             "maintaining continuous diaphragmatic respiration.")
HARD_STEPS = ("steps:\n  - Position yourself horizontally, supporting the lumbar vertebrae.\n"
              f"  - {HARD_STEP}\n  - Gradually accentuate the articulation.\n")


def stretch(sid: str, *, drop: str = "", replace: tuple[str, str] = ("", ""), extra: str = "",
            hard: bool = False) -> str:
    """The built-in knee-to-chest file as stretch `sid`, with one field dropped or changed, and
    with `hard` steps written in long words."""
    text = STRETCH_TEXT.replace("id: knee-to-chest", f"id: {sid}").replace(*replace)
    if drop:
        text = re.sub(rf"^{drop}:.*\n", "", text, flags=re.M)
    if hard:
        text = re.sub(r"^steps:\n(  - .*\n)+", HARD_STEPS, text, flags=re.M)
    return text + extra


def jpeg(size=(300, 200), truncate: bool = False) -> bytes:
    buf = io.BytesIO()
    subject(size=size, box=(0, 0, size[0] - 1, size[1] - 1)).save(buf, "JPEG")
    data = buf.getvalue()
    return data[: len(data) // 2] if truncate else data


@pytest.fixture
def messy(tmp_path) -> Path:
    """A content folder with a problem of every kind, in several files."""
    figure = (builtin_figures_dir() / "knee-to-chest.yaml").read_text()
    return content_dir(tmp_path / "messy", {
        "stretches/a-missing.yaml": stretch("a-missing", drop="feel"),
        "stretches/b-hard.yaml": stretch(
            "b-hard", replace=("primary: [lower-back, glutes]", "primary: [toes]"), hard=True),
        "stretches/c-cut.yaml": stretch("c-cut", extra="image: photos/cut.jpg\n"),
        "stretches/photos/cut.jpg": jpeg(truncate=True),
        "stretches/d-small.yaml": stretch("d-small", extra="image: photos/small.jpg\n"),
        "stretches/photos/small.jpg": jpeg(size=(90, 60)),
        "routines/r.yaml": "id: r\ntitle: R\nminutes: 5\nstretches: [knee-to-chest, nope]\n",
        "figures/f.yaml": figure.replace("figure: knee-to-chest", "figure: f") + "colour: red\n",
        "figures/bomb.yaml": BILLION_LAUGHS,
    })


def test_built_in_content_is_clean():
    assert api.validate() == []


def test_cli_says_clean_content_is_valid(run):
    result = run("validate")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "Content is valid: 0 errors, 0 warnings."


def test_every_problem_is_reported_in_one_run(messy):
    problems = api.validate([messy], builtin=False)
    found = [(p.warning, str(p)) for p in problems]
    expected = [
        (False, f"{messy}/stretches/a-missing.yaml:1: (top): missing field 'feel'"),
        (False, f"{messy}/stretches/b-hard.yaml:5: targets.primary[0]: unknown area 'toes'"),
        (False, f"{messy}/routines/r.yaml:4: stretches: unknown stretch 'nope'"),
        (False, f"{messy}/figures/bomb.yaml:1: (file): anchors and aliases"),
        (False, f"{messy}/figures/f.yaml:"),
        (True, f"warning: {messy}/stretches/b-hard.yaml:"),
        (False, f"{messy}/stretches/c-cut.yaml:"),
        (True, f"warning: {messy}/stretches/d-small.yaml:"),
    ]
    for warning, start in expected:
        assert any(w == warning and text.startswith(start) for w, text in found), (start, found)
    assert all(LINE.match(text) for _, text in found), found
    by_file = {text.split(":")[0].removeprefix("warning").strip(): text for _, text in found}
    assert "colour" in by_file[f"{messy}/figures/f.yaml"]
    assert "image: " in by_file[f"{messy}/stretches/c-cut.yaml"] and "damaged" in by_file[
        f"{messy}/stretches/c-cut.yaml"]


def test_grade_warning_names_the_hardest_step(messy):
    warning = next(str(p) for p in api.validate([messy], builtin=False)
                   if p.warning and "b-hard" in str(p))
    assert re.search(r"b-hard\.yaml:\d+: steps: reads at grade \d+\.\d, above grade 8", warning)
    assert f"hardest: steps[1], '{HARD_STEP}'" in warning


def test_small_photo_is_a_warning_with_the_pixels_it_needs(messy):
    warning = next(str(p) for p in api.validate([messy], builtin=False)
                   if p.warning and "d-small" in str(p))
    assert re.search(r"d-small\.yaml:\d+: image: .*small\.jpg: prints at \d+ dpi", warning)
    assert "at least 450 x 300 pixels" in warning


def test_cli_prints_every_problem_and_exits_1(run, messy):
    result = run("validate", messy)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(api.validate([messy], builtin=False)) >= 8
    assert all(LINE.match(line) for line in lines), lines
    assert result.stderr.strip() == "Error: content has problems: 6 errors, 2 warnings"


def test_warnings_alone_exit_0(run, tmp_path):
    root = content_dir(tmp_path / "c", {
        "stretches/hard.yaml": stretch("hard", hard=True)})
    result = run("validate", root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(f"warning: {root}/stretches/hard.yaml:")
    assert result.stdout.splitlines()[-1] == "Content is valid: 0 errors, 1 warning."


def test_without_dirs_it_checks_content_option_and_environment(run, tmp_path, monkeypatch):
    broken = content_dir(tmp_path / "b", {"stretches/x.yaml": "id: [\n"})
    assert run("--content", broken, "validate").exit_code == 1
    monkeypatch.setenv("STRETCHCARD_CONTENT", str(broken))
    result = run("validate")
    assert result.exit_code == 1 and f"{broken}/stretches/x.yaml:" in result.stdout


def test_an_override_is_a_warning(run, tmp_path):
    root = content_dir(tmp_path / "c", {"stretches/knee-to-chest.yaml": STRETCH_TEXT})
    result = run("validate", root)
    assert result.exit_code == 0
    assert "warning: " in result.stdout and "replaces the built-in stretch" in result.stdout


def test_a_missing_folder_is_a_one_line_error_like_any_bad_path(run):
    """One rule for paths: a wrong file or folder is exit 1 (exit 2 is the command line's shape)."""
    result = run("validate", "no-such-folder")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no-such-folder: content folder does not exist"


# --- the reading grade ----------------------------------------------------------------------

@pytest.mark.parametrize("word,count", [
    ("the", 1), ("knee", 1), ("knees", 1), ("lie", 1), ("breathe", 1), ("makes", 1),
    ("stretched", 1), ("pulled", 1), ("hips", 1), ("your", 1), ("while", 1), ("goes", 1),
    ("table", 2), ("gentle", 2), ("gently", 2), ("slowly", 2), ("body", 2), ("rested", 2),
    ("stretches", 2), ("places", 2), ("shoulder", 2), ("relaxed", 2), ("toward", 2),
    ("position", 3), ("exercise", 3), ("piriformis", 4), ("comfortable", 4),
])
def test_syllable_counts(word, count):
    assert readability.syllables(word) == count


def test_flesch_kincaid_grade_follows_the_formula():
    reading = readability.measure(["The cat sat on the mat."])
    assert reading == readability.Reading(words=6, sentences=1, syllables=6)
    assert reading.grade == pytest.approx(0.39 * 6 + 11.8 * 1 - 15.59)


def test_each_line_ends_a_sentence_and_full_stops_split_them():
    assert readability.measure(["Lie down", "Breathe. Relax. Rest"]).sentences == 4
    assert readability.measure(['Say "stop!" Then rest (slowly.)']).sentences == 2
    assert readability.grade([]) == 0.0


def test_long_words_and_sentences_read_harder():
    easy = readability.grade(["Lie on your back.", "Hug one knee."])
    assert easy < 3 < 12 < readability.grade([HARD_STEP])


@pytest.mark.parametrize("path", sorted((builtin_content_dir() / "stretches").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_built_in_steps_read_at_grade_8_or_below(path, catalog):
    assert readability.grade(catalog.stretch(path.stem).steps) <= 8


def test_validate_never_decodes_what_the_catalog_refused(tmp_path):
    """A photo outside the folder is reported once, by the catalog, and never opened."""
    Image.new("RGB", (10, 10)).save(tmp_path / "outside.png")
    root = content_dir(tmp_path / "c", {
        "stretches/x.yaml": stretch("x", extra="image: ../../outside.png\n")})
    problems = [str(p) for p in api.validate([root], builtin=False)]
    assert len(problems) == 1 and "leads outside the content folder" in problems[0]
