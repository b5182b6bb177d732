"""Content loads, and each broken content folder fails with its exact one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest

from pdfgen import catalog as catalog_mod
from pdfgen.errors import ContentError
from pdfgen.paths import builtin_content_dir

BROKEN = Path(__file__).parent / "broken"
CONTENT_FILES = sorted(builtin_content_dir().rglob("*.yaml"))


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: str(p.relative_to(builtin_content_dir())))
def test_every_content_file_loads(path, catalog):
    kind = path.parent.name
    if kind == "stretches":
        s = catalog.stretch(path.stem)
        assert 3 <= len(s.steps) <= 6
        assert s.figure in catalog.figures
        assert s.avoid_if <= catalog.conditions.keys()
    elif kind == "routines":
        assert catalog.routine(path.stem).title
    else:
        assert path.name in ("conditions.yaml", "safety.yaml")


def test_library_covers_the_source_stretches(catalog):
    needed = {"supine-hamstring", "knee-to-chest", "supine-piriformis", "supine-twist",
              "knee-rolls", "side-lying-quad", "kneeling-hip-flexor", "supported-back-stretch",
              "childs-pose", "cat-cow", "glute-bridge", "cobra", "elevated-leg-stretch",
              "bar-hang", "seated-figure-4", "floor-seated-glute"}
    assert needed <= catalog.stretches.keys()


def test_office_has_at_least_five_options(catalog):
    office = [s for s in catalog.stretches.values() if s.position.value in ("seated", "standing")
              and not s.equipment - {"chair", "table", "wall"}]
    assert len(office) >= 5


def test_conditions_are_all_there(catalog):
    assert {"acute-injury", "pregnancy", "hip-replacement", "knee-problems", "wrist-shoulder",
            "osteoporosis", "spinal-stenosis", "disc-sciatica", "spine-surgery"} <= catalog.conditions.keys()
    assert catalog.condition("Sciatica").id == "disc-sciatica"


def test_steps_are_short_and_plain(catalog):
    for s in catalog.stretches.values():
        for step in s.steps:
            assert len(step.split()) <= 16, (s.id, step)


@pytest.mark.parametrize("case", sorted(p.name for p in BROKEN.iterdir() if p.is_dir()))
def test_broken_content_gives_its_exact_error(case, monkeypatch):
    monkeypatch.chdir(BROKEN)
    expected = (BROKEN / case / "expected").read_text().strip()
    with pytest.raises(ContentError) as info:
        catalog_mod.load([Path(case)])
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(expected), message


def test_user_content_overrides_with_a_warning(tmp_path, catalog):
    (tmp_path / "stretches").mkdir()
    src = builtin_content_dir() / "stretches" / "knee-to-chest.yaml"
    text = src.read_text().replace("name: Knee to chest", "name: Knee hug")
    (tmp_path / "stretches" / "knee-to-chest.yaml").write_text(text)
    cat = catalog_mod.load([tmp_path])
    assert cat.stretch("knee-to-chest").name == "Knee hug"
    assert any("replaces the built-in stretch 'knee-to-chest'" in w for w in cat.warnings)


def test_missing_content_dir_is_an_error(tmp_path):
    with pytest.raises(ContentError, match="does not exist"):
        catalog_mod.load([tmp_path / "nope"])
