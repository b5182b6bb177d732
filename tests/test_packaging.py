"""A non-editable install works: the wheel carries the content and figures and finds them itself.

This builds the wheel, installs it into a new virtual environment (dependencies come from the
package registry) and runs the installed command from a folder far from the source tree.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    (found,) = out.glob("stretchcard-*.whl")
    return found


def test_the_wheel_carries_content_and_figures(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("content/stretches", "content/routines", "figures"):
        source = {p.relative_to(ROOT).as_posix() for p in (ROOT / folder).glob("*.yaml")}
        assert source and {f"pdfgen/_data/{name}" for name in source} <= names, folder
    assert "pdfgen/_data/content/safety.yaml" in names
    assert {"pdfgen/fonts/DejaVuSans.ttf", "pdfgen/fonts/DejaVuSans-Bold.ttf",
            "pdfgen/fonts/LICENSE"} <= names
    assert not any(n.startswith(("tests/", "output/")) for n in names)


def test_installed_wheel_builds_from_another_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(python), "-c", "import pdfgen, pdfgen.paths as p; "
                            "print(pdfgen.__file__); print(p.data_root())"],
                           cwd=elsewhere, capture_output=True, text=True, check=True)
    module, data = where.stdout.split()
    assert module.startswith(str(venv)) and data.startswith(str(venv))
    build = subprocess.run([str(venv / "bin" / "stretchcard"), "build", "--routine", "desk-break"],
                           cwd=elsewhere, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (pdf,) = (elsewhere / "output").glob("*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
