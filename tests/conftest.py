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


def font_sizes(data: bytes) -> list[float]:
    """The effective size of every text run on every page (font size × text and CTM scale)."""
    from pypdf import PdfReader

    sizes: list[float] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font_dict, font_size):
            if text.strip():
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                sizes.append(round(font_size * scale, 2))
        page.extract_text(visitor_text=visit)
    return sizes


def unembedded_fonts(data: bytes) -> list[str]:
    """Names of fonts used on any page without an embedded TrueType file."""
    from pypdf import PdfReader

    missing = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            parts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
            descs = [p["/FontDescriptor"].get_object() for p in parts if "/FontDescriptor" in p]
            if not any("/FontFile2" in d for d in descs):
                missing.append(str(font["/BaseFont"]))
    return missing


def ink_in_margin(page, margin_pt: float, dpi: int = 72) -> list[tuple[int, int]]:
    """Pixels darker than paper within `margin_pt` of the page edge (anti-aliasing allowed)."""
    w, h = page.size
    margin = margin_pt * dpi / 72 - 1.5
    px = page.load()
    return [(x, y) for x in range(w) for y in range(h)
            if (x < margin or y < margin or x >= w - margin or y >= h - margin)
            and px[x, y] <= 245]
