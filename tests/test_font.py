"""`--font FILE`: a user's TrueType font prints what the built-in DejaVu Sans cannot.

The CJK font is Droid Sans Fallback (Debian's fonts-droid-fallback, which .ci/run installs):
a TrueType font with Chinese, Japanese and Korean but no Latin, so a page printed with it shows
that each string is drawn in runs, DejaVu Sans where it has the glyph and the user's font where
it does not.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfgen import api, glyphs
from tests.conftest import pdf_text

CJK = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
needs_cjk = pytest.mark.skipif(not CJK.is_file(), reason="apt-get install fonts-droid-fallback")
NAME = "王小明 Dvořák"


def embedded_fonts(data: bytes) -> set[str]:
    """The base names of the fonts a PDF embeds (subset tags stripped)."""
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


def test_without_a_font_a_cjk_name_is_refused_with_a_pointer_to_font(run, tmp_path):
    out = tmp_path / "h.pdf"
    result = run("build", "-l", "handout", "--patient", NAME, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    message = result.stderr.strip().splitlines()[-1]
    assert "'王' (U+738B)" in message and "--font FILE" in message
    assert "Traceback" not in result.stderr


@needs_cjk
def test_a_cjk_name_prints_in_the_users_font_beside_dejavu(catalog, tmp_path, run):
    font = glyphs.load_typeface(CJK)
    plan = api.make_plan(catalog, api.make_request(catalog, title="王小明的伸展", font=font))
    fields = api.make_fields(patient=NAME, notes="每天 → twice", font=font)
    data = api.render(catalog, plan, "handout", "a4", fields=fields, font=font)
    text = " ".join(pdf_text(data).split())    # each run of one font is extracted apart
    assert NAME in text and "王小明的伸展" in text and "每天 → twice" in text
    assert embedded_fonts(data) == {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"}
    assert data == api.render(catalog, plan, "handout", "a4", fields=fields, font=font)
    # The same through the CLI, and a poster; the built-in pages are untouched by it.
    out = tmp_path / "p.pdf"
    result = run("build", "--font", CJK, "--title", "王小明的伸展", "-o", out)
    assert result.exit_code == 0, result.output
    assert "王小明的伸展" in pdf_text(out.read_bytes())
    plain = api.make_plan(catalog, api.make_request(catalog))
    assert "DroidSansFallback" not in embedded_fonts(api.render(catalog, plain))


@needs_cjk
def test_a_character_in_neither_font_is_refused_naming_both(catalog):
    font = glyphs.load_typeface(CJK)
    with pytest.raises(ValueError, match=r"'🙂' \(U\+1F642\) with the built-in font or "
                                         r"DroidSansFallbackFull.ttf"):
        api.make_fields(patient="王 🙂", font=font)
    # Right-to-left letters would print reversed and unjoined: refused whatever the font has.
    assert glyphs.problem("שלום", font) and not glyphs.problem("王小明", font)


def test_a_file_that_is_not_a_truetype_font_is_a_one_line_usage_error(run, tmp_path):
    bad = tmp_path / "font.ttf"
    bad.write_text("not a font")
    for args, said in ((["--font", bad], "not a TrueType font"),
                       (["--font", tmp_path / "none.ttf"], "no such file"),
                       (["--bold-font", bad], "--bold-font needs --font")):
        out = tmp_path / "x.pdf"
        result = run("build", *args, "-o", out)
        assert result.exit_code == 2 and not out.exists(), args
        assert said in result.stderr.strip().splitlines()[-1] and "Traceback" not in result.stderr


def test_a_fallback_changes_no_line_of_a_page_it_is_not_needed_on(catalog):
    """With a fallback that covers nothing the built-in fonts lack, every line breaks where it
    did: widths come from DejaVu Sans first, and switching back forgets the fallback's."""
    shipped = glyphs.load_typeface(glyphs.font_files()[0], glyphs.font_files()[1])
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=10))
    plain = api.render(catalog, plan, "handout", "letter")
    with_font = api.render(catalog, plan, "handout", "letter", font=shipped)
    assert pdf_text(with_font) == pdf_text(plain)
    assert api.render(catalog, plan, "handout", "letter") == plain
