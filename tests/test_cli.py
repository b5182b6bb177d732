"""The command line as a person uses it: defaults, JSON, listing, and every bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_build_with_no_options_writes_a_seven_minute_lower_back_poster(run, tmp_path):
    result = run("build")
    assert result.exit_code == 0, result.output + result.stderr
    pdfs = list((tmp_path / "output").glob("*.pdf"))
    assert len(pdfs) == 1
    assert "lower-back" in pdfs[0].name and "poster" in pdfs[0].name and "letter" in pdfs[0].name
    assert f"Wrote {Path('output') / pdfs[0].name}" in result.stdout
    assert "stretches" in result.stdout and "of 7 minutes" in result.stdout


def test_plan_json_has_the_documented_fields(run):
    result = run("plan", "-a", "lower back", "-a", "hamstrings", "-m", "7", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"budget_s", "total_s", "transitions_s", "stretches"} <= data.keys()
    assert data["budget_s"] == 420
    assert data["total_s"] <= 420
    for s in data["stretches"]:
        assert {"id", "name", "position", "targets", "hold_s", "reps", "sides", "duration_s"} <= s.keys()
        assert s["sides"] in (1, 2)
    assert data["total_s"] == sum(s["duration_s"] for s in data["stretches"]) + data["transitions_s"]


def test_plan_table_is_readable(run):
    result = run("plan", "-m", "5")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].split()[:2] == ["#", "Stretch"]
    assert "Total:" in result.stdout


@pytest.mark.parametrize("kind", ["stretches", "areas", "routines", "conditions", "papers"])
def test_list_kinds_as_json(run, kind):
    result = run("list", kind, "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and all("id" in r for r in rows)


def test_show_prints_steps_and_cautions(run):
    result = run("show", "knee-to-chest")
    assert result.exit_code == 0
    assert "Steps:" in result.stdout and "1." in result.stdout and "Sources:" in result.stdout


@pytest.mark.parametrize("args,code,needle", [
    (["build", "--aera", "hips"], 2, "'--area'"),
    (["build", "-a", "hamstrngs"], 2, "did you mean 'hamstrings'"),
    (["build", "-a", "toes"], 2, "unknown area 'toes'"),
    (["build", "--setting", "beach"], 2, "beach"),
    (["build", "-p", "a44"], 2, "did you mean 'a4'"),
    (["build", "-m", "0"], 2, "minutes must be more than 0"),
    (["build", "-m", "-3"], 2, "minutes must be more than 0"),
    (["build", "-m", "1e9"], 2, "at most 60"),
    (["build", "-m", "nan"], 2, "minutes must be more than 0"),
    (["build", "-m", "seven"], 2, "minutes must be a number"),
    (["build", "-c", "vampirism"], 2, "unknown condition 'vampirism'"),
    (["build", "--routine", "seven-in-sevn"], 2, "did you mean 'seven-in-seven'"),
    (["show", "knee-to-chets"], 2, "did you mean 'knee-to-chest'"),
    (["build", "-m", "0.3"], 1, "too short"),
    (["build", "--setting", "office", "-c", "spine-surgery", "-c", "wrist-shoulder",
      "-c", "pregnancy", "-c", "hip-replacement", "-c", "osteoporosis", "-c", "spinal-stenosis",
      "-c", "disc-sciatica", "-c", "knee-problems", "-c", "acute-injury"], 1, "no stretch suits"),
    (["build", "-o", "missing-dir/x.pdf"], 1, "does not exist"),
    (["build", "-o", "."], 1, "is a directory"),
])
def test_bad_input_gives_one_line_and_the_right_code(run, tmp_path, args, code, needle):
    result = run(*args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    err = result.stderr.strip()
    assert needle.lower() in err.lower(), err
    assert "Traceback" not in err
    if code == 1:
        assert len(err.splitlines()) == 1, err
    assert not list(tmp_path.rglob("*.pdf")), "a failed build must leave no file"
    assert not list(tmp_path.rglob("*.tmp"))


def test_read_only_folder_is_a_clean_error(run, tmp_path):
    import os

    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.access(ro, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        result = run("build", "-o", ro / "x.pdf")
        assert result.exit_code == 1 and "cannot write" in result.stderr
    finally:
        ro.chmod(0o700)


def test_python_dash_m_runs_the_same_command(tmp_path):
    import subprocess
    import sys

    import os

    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": root}
    out = subprocess.run([sys.executable, "-m", "pdfgen", "list", "papers"], capture_output=True,
                         text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0 and "letter" in out.stdout


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_figures_export_each_format(run, tmp_path, fmt, magic):
    result = run("figures", "childs-pose", "knee-to-chest", "-o", "figs", "--format", fmt,
                 "--size", "200")
    assert result.exit_code == 0, result.stderr
    files = sorted((tmp_path / "figs").iterdir())
    assert [f.name for f in files] == [f"childs-pose.{fmt}", f"knee-to-chest.{fmt}"]
    assert all(f.read_bytes().startswith(magic) for f in files)


def test_figures_contact_sheet_has_every_figure_named(run, tmp_path, catalog):
    from tests.conftest import pdf_text

    result = run("figures", "--sheet", "-o", "figs")
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / "figs" / "figures-sheet.pdf").read_bytes()
    text = pdf_text(data)
    for s in catalog.stretches.values():
        assert s.figure in text
    assert run("figures", "--sheet", "-o", "figs2").exit_code == 0
    assert (tmp_path / "figs2" / "figures-sheet.pdf").read_bytes() == data


def test_unknown_figure_is_a_usage_error(run):
    result = run("figures", "no-such-pose")
    assert result.exit_code == 2 and "unknown figure 'no-such-pose'" in result.stderr


def test_grayscale_poster_has_no_colour(run, tmp_path):
    from tests.conftest import render_pages  # noqa: F401  (grayscale check below renders in RGB)
    import pypdfium2 as pdfium

    assert run("build", "--grayscale", "-o", "g.pdf").exit_code == 0
    img = pdfium.PdfDocument(str(tmp_path / "g.pdf"))[0].render(scale=0.5).to_pil().convert("RGB")
    raw = img.tobytes()
    assert all(max(px) - min(px) <= 6 for px in zip(raw[0::3], raw[1::3], raw[2::3]))
