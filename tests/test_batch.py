"""Batch export: every preset in every layout, the index, failure isolation, determinism."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfgen import api, batch
from pdfgen.model import Layout

ROOT = Path(__file__).resolve().parent.parent
FEW = ("desk-break", "morning-5")


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.pdf"))}


@pytest.fixture(scope="module")
def everything(catalog, tmp_path_factory):
    """Every preset x every layout x letter and A4, built once for the module."""
    out = tmp_path_factory.mktemp("all")
    return out, batch.export_all(catalog, out, workers=2)


def test_every_preset_builds_in_every_layout(catalog, everything):
    _, report = everything
    assert [f"{r.routine} ({r.layout}, {r.paper}): {r.error}" for r in report.failures] == []
    built = {(r.routine, r.layout, r.requested) for r in report.results}
    assert built == {(rid, layout, paper) for rid in catalog.routines
                     for layout in [k.value for k in Layout] for paper in ("letter", "a4")}
    grown = {(r.routine, r.layout, r.requested, r.paper) for r in report.results if r.note}
    # Every preset fits the paper asked for: the seven-stretch article routines, once too
    # much for a card on Letter, print as a numbered set of two.
    assert grown == set()


def test_the_index_matches_the_files(everything):
    out, report = everything
    index = json.loads((out / "index.json").read_text())
    listed = {e["path"]: e for e in index["files"]}
    on_disk = {name for name in pdfs(out) if name != "index.pdf"}
    assert set(listed) == on_disk
    for name, entry in listed.items():
        data = (out / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["pages"] == len(PdfReader(io.BytesIO(data)).pages)
        assert name == f"{entry['routine']}-{entry['layout']}-{entry['paper']}.pdf"
        assert entry["total_s"] > 0
    assert index["failures"] == []
    sheet = " ".join(p.extract_text() for p in PdfReader(out / "index.pdf").pages)
    for routine in {e["routine"] for e in index["files"]}:
        assert routine in sheet


def test_one_bad_routine_does_not_stop_the_others(run, tmp_path):
    content = tmp_path / "content"
    (content / "routines").mkdir(parents=True)
    (content / "routines" / "broken.yaml").write_text(
        "id: broken\ntitle: Broken\nminutes: 5\nstretches: [no-such-stretch]\n")
    (content / "routines" / "unreadable.yaml").write_text("id: [unclosed\n")
    result = run("--content", content, "batch", "-o", "out", "-l", "poster", "-p", "a4",
                 "--routine", "broken", "--routine", "unreadable", "--routine", "desk-break",
                 "--jobs", "2")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and "Traceback" not in result.stderr
    assert errors[0].startswith("error: broken (poster, a4): ") and "no-such-stretch" in errors[0]
    assert errors[1].startswith("error: unreadable (poster, a4): ")
    assert list(pdfs(tmp_path / "out")) == ["desk-break-poster-a4.pdf", "index.pdf"]
    index = json.loads((tmp_path / "out" / "index.json").read_text())
    assert [f["routine"] for f in index["failures"]] == ["broken", "unreadable"]


def test_jobs_1_and_2_and_reruns_give_identical_bytes(catalog, tmp_path):
    jobs = batch.make_jobs(catalog, FEW, ("poster", "handout"), ("letter",))
    for name, workers in (("a", 1), ("b", 2), ("c", 2)):
        report = batch.export_all(catalog, tmp_path / name, jobs, workers=workers)
        assert not report.failures
    a, b, c = (pdfs(tmp_path / n) for n in "abc")
    assert a == b == c and len(a) == 5
    assert (tmp_path / "a" / "index.json").read_bytes() == (tmp_path / "b" / "index.json").read_bytes()


def test_skip_unchanged_skips_only_what_is_unchanged(catalog, tmp_path):
    jobs = batch.make_jobs(catalog, FEW, ("poster",), ("a4",))
    batch.export_all(catalog, tmp_path, jobs, workers=1)
    (tmp_path / "morning-5-poster-a4.pdf").write_bytes(b"%PDF-1.4 tampered")
    report = batch.export_all(catalog, tmp_path, jobs, workers=1, skip_unchanged=True)
    assert {r.path: r.skipped for r in report.results} == {
        "desk-break-poster-a4.pdf": True, "morning-5-poster-a4.pdf": False}
    assert b"tampered" not in (tmp_path / "morning-5-poster-a4.pdf").read_bytes()


def test_unknown_names_are_usage_errors_before_anything_is_written(run, tmp_path):
    for args, word in ((["--routine", "desk-brake"], "desk-break"), (["-p", "a9"], "paper")):
        result = run("batch", "-o", "out", *args)
        assert result.exit_code == 2 and word in result.stderr
        assert not (tmp_path / "out").exists()


def test_quiet_summary_when_not_a_terminal(run, tmp_path):
    result = run("batch", "-o", "out", "-l", "poster", "-p", "a4", "--routine", "desk-break")
    assert result.exit_code == 0
    assert result.stdout == "Wrote 1 files (1 pages) to out.\n" and result.stderr == ""


def test_ctrl_c_leaves_no_partial_files(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("STRETCHCARD_CONTENT", None)
    proc = subprocess.Popen([sys.executable, "-m", "pdfgen", "batch", "-o", str(tmp_path),
                             "--jobs", "2"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob("*.pdf")) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 130), err
    if proc.returncode == 130:
        assert b"interrupted" in err and b"Traceback" not in err
    assert list(tmp_path.glob(".*")) == []                 # no temporary files left
    for path in tmp_path.glob("*.pdf"):
        PdfReader(path)                                     # every file that exists is whole
