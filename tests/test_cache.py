"""The user's cache: a hit gives the same result without the work; any change is a miss."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pdfgen import api
from pdfgen.layouts import engine

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(cache_dir):
    return cache_dir


@pytest.fixture
def renders(monkeypatch):
    """Counts the renders that really happen."""
    count = []
    real = engine.render

    def counting(*args, **kw):
        count.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(engine, "render", counting)
    return count


def build(tmp_path, content=(), name="out.pdf") -> bytes:
    catalog = api.load_catalog(content)
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=4))
    return api.build_pdf(catalog, plan, "poster", "a4", tmp_path / name).read_bytes()


def user_content(tmp_path: Path) -> Path:
    """A content folder that overrides knee-to-chest's text and its figure."""
    folder = tmp_path / "clinic"
    (folder / "stretches").mkdir(parents=True)
    (folder / "figures").mkdir()
    stretch = (ROOT / "content" / "stretches" / "knee-to-chest.yaml").read_text()
    (folder / "stretches" / "knee-to-chest.yaml").write_text(stretch)
    figure = (ROOT / "figures" / "knee-to-chest.yaml").read_text()
    (folder / "figures" / "knee-to-chest.yaml").write_text(figure)
    return folder


def test_a_second_build_is_answered_from_the_cache(tmp_path, cache, renders):
    first = build(tmp_path, name="a.pdf")
    second = build(tmp_path, name="b.pdf")
    assert first == second and len(renders) == 1
    kinds = {p.name.split("-", 1)[0] for p in cache.iterdir()}
    assert {"catalog", "figure", "pdf"} <= kinds


def test_editing_a_stretch_or_a_figure_is_a_miss(tmp_path, cache, renders):
    folder = user_content(tmp_path)
    build(tmp_path, [folder])
    stretch = folder / "stretches" / "knee-to-chest.yaml"
    stretch.write_text(stretch.read_text().replace("Hold behind one knee", "Hold under one knee"))
    build(tmp_path, [folder], "b.pdf")
    assert len(renders) == 2
    catalog = api.load_catalog([folder])
    assert any("Hold under one knee" in s for s in catalog.stretch("knee-to-chest").steps)
    figure = folder / "figures" / "knee-to-chest.yaml"
    figure.write_text(figure.read_text() + "\n# a comment changes the bytes\n")
    build(tmp_path, [folder], "c.pdf")
    assert len(renders) == 3


def test_a_cached_build_raises_its_photo_warnings_again(tmp_path, cache, monkeypatch):
    import warnings

    from pdfgen.photo import PhotoWarning

    real = engine.render

    def warning_render(*args, **kw):
        warnings.warn("photos/bridge.jpg prints at 90 dpi", PhotoWarning)
        return real(*args, **kw)

    monkeypatch.setattr(engine, "render", warning_render)
    for name in ("a.pdf", "b.pdf"):
        with api.recorded_warnings() as notes:
            build(tmp_path, name=name)
        assert notes == ["photos/bridge.jpg prints at 90 dpi"]


def test_a_damaged_entry_is_ignored_and_replaced(tmp_path, cache, renders):
    first = build(tmp_path)
    for entry in cache.iterdir():
        entry.write_bytes(b"not a pickle")
    assert build(tmp_path, name="b.pdf") == first and len(renders) == 2


def test_off_writes_nothing(tmp_path, monkeypatch, renders):
    monkeypatch.setenv("STRETCHCARD_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    build(tmp_path)
    build(tmp_path, name="b.pdf")
    assert len(renders) == 2 and not (tmp_path / "xdg").exists()


def test_an_unwritable_cache_is_ignored(tmp_path, monkeypatch, renders):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("STRETCHCARD_CACHE", str(blocker))
    assert build(tmp_path) == build(tmp_path, name="b.pdf")
    assert len(renders) == 2


def test_a_folder_others_can_write_to_is_not_trusted(tmp_path, monkeypatch, renders):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("STRETCHCARD_CACHE", str(shared))
    build(tmp_path)
    build(tmp_path, name="b.pdf")
    assert len(renders) == 2 and list(shared.iterdir()) == []


def test_processes_with_and_without_the_cache_write_the_same_bytes(tmp_path):
    outputs = []
    for n, setting in enumerate((str(tmp_path / "c"), str(tmp_path / "c"), "off")):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "STRETCHCARD_CACHE": setting}
        env.pop("STRETCHCARD_CONTENT", None)
        out = tmp_path / f"{n}.pdf"
        subprocess.run([sys.executable, "-m", "pdfgen", "build", "-l", "handout", "-o", str(out)],
                       env=env, check=True, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
