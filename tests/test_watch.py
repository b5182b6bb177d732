"""`stretchcard figures --watch`: each save of a figure file re-renders its PNG and reports.

The single step (`api.render_figure_step`) is tested directly on a copy of a built-in figure in
a temporary content folder; the loop and Ctrl-C are tested once, on the real command.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from pdfgen import api
from pdfgen.paths import builtin_figures_dir

ROOT = Path(__file__).resolve().parent.parent
FIGURE = "my-pose"


@pytest.fixture
def authored(tmp_path) -> tuple[Path, Path]:
    """A content folder whose one figure, my-pose, is a copy of knee-to-chest."""
    text = (builtin_figures_dir() / "knee-to-chest.yaml").read_text()
    text = text.replace("figure: knee-to-chest", f"figure: {FIGURE}")
    path = tmp_path / "content" / "figures" / f"{FIGURE}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    return tmp_path / "content", path


def step(content: Path, out: Path) -> tuple[str, ...]:
    return api.render_figure_step(api.load_catalog([content]), FIGURE, out, size=200)


def test_a_good_save_writes_the_png_and_says_so(authored, tmp_path):
    content, _ = authored
    lines = step(content, tmp_path / "out")
    png = tmp_path / "out" / f"{FIGURE}.png"
    assert lines[0].startswith(f"rendered {png}: ")
    with Image.open(png) as img:
        assert img.size == (200, 200)
        assert img.convert("L").getextrema()[0] < 100   # a figure is drawn, not a blank


def test_a_failing_fact_is_printed_on_its_own_line(authored, tmp_path):
    content, path = authored
    path.write_text(path.read_text() + "  - {joint: knee_R, between: [0, 1]}\n")
    lines = step(content, tmp_path / "out")
    assert " checks fail" in lines[0]
    assert all(ln.startswith(f"  check failed: {FIGURE}: ") for ln in lines[1:])
    assert any("knee_R between 0 and 1" in ln for ln in lines[1:])


def test_a_bad_save_reports_the_error_and_keeps_the_last_good_png(authored, tmp_path):
    content, path = authored
    out = tmp_path / "out"
    step(content, out)
    good = (out / f"{FIGURE}.png").read_bytes()
    path.write_text(path.read_text().replace("knee: 95", "knee: 200"))
    [line] = step(content, out)
    assert line.startswith("not rendered") and "joints.knee" in line and "\n" not in line
    assert (out / f"{FIGURE}.png").read_bytes() == good
    path.write_text(path.read_text().replace("knee: 200", "knee: 60"))
    assert step(content, out)[0].startswith("rendered ")
    assert (out / f"{FIGURE}.png").read_bytes() != good   # the next good save rewrites it


def test_an_unknown_id_is_a_usage_error(run):
    result = run("figures", "--watch", "no-such-pose")
    assert result.exit_code == 2 and "no-such-pose" in result.stderr


def test_watch_renders_each_save_survives_a_bad_one_and_ctrl_c_exits_130(authored, tmp_path):
    content, path = authored
    png = tmp_path / "out" / f"{FIGURE}.png"
    proc = subprocess.Popen(
        [sys.executable, "-m", "pdfgen", "--content", str(content), "figures", "--watch", FIGURE,
         "-o", str(tmp_path / "out")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        # Ctrl-C as a terminal delivers it: an earlier in-process test may have left this
        # process ignoring SIGINT, and a child would inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert _wait_for(png.exists)
        first = png.read_bytes()
        save(path, "poses: [")                           # a broken save
        time.sleep(1.5)
        assert png.read_bytes() == first and proc.poll() is None
        save(path, (builtin_figures_dir() / "knee-to-chest.yaml").read_text()
             .replace("figure: knee-to-chest", f"figure: {FIGURE}")
             .replace("knee: 95", "knee: 60"))
        assert _wait_for(lambda: png.read_bytes() != first)
        time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
    assert proc.returncode == 130, err
    lines = out.splitlines()
    renders = [ln for ln in lines if ln.startswith("rendered ")]
    errors = [ln for ln in lines if ln.startswith("not rendered")]
    assert len(renders) == 2 and len(errors) == 1
    assert err.strip() == "stretchcard: interrupted"


def save(path: Path, text: str) -> None:
    """Saves as editors do, by renaming a finished file over the old one, so the watcher never
    sees a half-written file (that would be one more "not rendered" line, and a fair one)."""
    temp = path.with_suffix(".tmp")
    temp.write_text(text)
    os.replace(temp, path)


def _wait_for(condition, seconds: float = 30.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False
