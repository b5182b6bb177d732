from __future__ import annotations

import io

import pytest


@pytest.fixture(scope="session")
def catalog():
    from pdfgen import api

    return api.load_catalog()


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Runs the CLI in a temporary folder; returns click's Result (stdout and stderr apart)."""
    from click.testing import CliRunner

    from pdfgen.cli import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STRETCHCARD_CONTENT", raising=False)

    def invoke(*args, **kw):
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)

    return invoke


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def render_pages(data: bytes, dpi: int = 72):
    """Each page as a grayscale PIL image at `dpi`."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
