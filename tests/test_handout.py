"""The clinic handout as printed pages: pagination, blocks, tracker, branding, privacy, print."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfgen import api
from pdfgen.layouts.common import dose_text
from tests.conftest import (colour_pixels, font_sizes, ink_in_margin, page_texts, render_pages,
                            unembedded_fonts)

PATIENT = "Margaret Quinlan-Okafor"


@pytest.fixture(scope="module")
def plan(catalog):
    return api.make_plan(catalog, api.make_request(catalog, areas=["lower-back", "hamstrings"],
                                                   minutes=10))


@pytest.fixture(scope="module")
def clinic_dir(tmp_path_factory) -> Path:
    from PIL import Image, ImageDraw

    folder = tmp_path_factory.mktemp("clinic")
    logo = Image.new("RGBA", (1600, 800), (0, 0, 0, 0))
    ImageDraw.Draw(logo).ellipse((100, 100, 700, 700), fill=(200, 40, 40, 255))
    logo.save(folder / "logo.png")
    (folder / "clinic.toml").write_text(
        'name = "Riverside Physiotherapy"\n'
        'address = "12 River Street, Springfield"\n'
        'phone = "01234 567890"\n'
        'website = "riverside-physio.example/back"\n'
        'logo = "logo.png"\n'
        'paper = "a4"\n'
        'frequency = "twice a day"\n'
        'disclaimer = "This sheet supports your physiotherapist\'s advice."\n')
    return folder


@pytest.fixture(scope="module")
def clinic(clinic_dir):
    return api.load_clinic(clinic_dir / "clinic.toml")


@pytest.fixture(scope="module")
def handout(catalog, plan, clinic) -> bytes:
    fields = api.make_fields(patient=PATIENT, clinician="Dr Rao", notes="Go gently at first.")
    return api.render(catalog, plan, "handout", "a4", clinic=clinic, fields=fields)


@pytest.mark.parametrize("paper, size", [("letter", (612, 792)), ("a4", (595, 842)),
                                         ("legal", (612, 1008)), ("a5", (420, 595))])
def test_pages_have_the_paper_size_and_are_numbered(catalog, plan, paper, size):
    data = api.render(catalog, plan, "handout", paper)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    for n, page in enumerate(reader.pages, 1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size
        assert f"Page {n} of {len(reader.pages)}" in page.extract_text()


def test_a_card_paper_is_refused_with_advice(catalog, plan):
    with pytest.raises(api.LayoutError, match="full sheet.*--paper letter"):
        api.render(catalog, plan, "handout", "a6")


def test_each_stretch_block_is_whole_on_one_page(catalog):
    """Name, every step, "feel it" and every caution of a stretch share one page."""
    for minutes in (3, 7, 12, 15):
        plan = api.make_plan(catalog, api.make_request(catalog, areas=["lower-back", "glutes"],
                                                       minutes=minutes))
        for large in (False, True):
            pages = page_texts(api.render(catalog, plan, "handout", "letter", large_print=large))
            for item in plan.items:
                s = item.stretch
                parts = [s.name, dose_text(item), s.steps[-1], *s.cautions]
                holding = [n for n, text in enumerate(pages)
                           if all(" ".join(p.split())[:40] in text for p in parts)]
                assert holding, (minutes, large, s.id)


def test_a_bookmark_per_stretch_and_per_section(handout, plan):
    outline = [entry.title for entry in PdfReader(io.BytesIO(handout)).outline]
    wanted = [f"{n}. {i.stretch.name}" for n, i in enumerate(plan.items, 1)]
    assert [t for t in outline if t[0].isdigit()] == wanted
    assert "How to stretch safely" in outline and "Weekly tracker" in outline


def test_bookmarks_point_at_the_page_with_the_stretch(handout, plan):
    reader = PdfReader(io.BytesIO(handout))
    for entry in reader.outline:
        page = reader.get_destination_page_number(entry)
        text = " ".join(reader.pages[page].extract_text().split())
        assert entry.title.split(". ", 1)[-1] in text


def test_tracker_has_a_row_per_stretch_and_a_box_per_session(catalog, plan):
    """Seven day columns; "twice a day" gives two boxes per day for each stretch."""
    import pdfplumber

    for frequency, per_day in (("", 1), ("twice a day, 5 days a week", 2)):
        fields = api.make_fields(frequency=frequency)
        data = api.render(catalog, plan, "handout", "letter", fields=fields)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page = next(p for p in pdf.pages if "Weekly tracker" in (p.extract_text() or ""))
            text = page.extract_text()
            boxes = [r for r in page.rects if abs(r["width"] - r["height"]) < 0.5
                     and 12 <= r["width"] <= 20]
        for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
            assert day in text
        for n, item in enumerate(plan.items, 1):
            assert f"{n}. {item.stretch.name.split()[0]}" in text
        assert len(boxes) == 7 * per_day * len(plan.items)
        rows = {round(b["top"]) for b in boxes}
        assert len(rows) == len(plan.items)


def test_fields_are_printed_or_left_as_lines(catalog, plan, handout):
    first = page_texts(handout)[0]
    assert PATIENT in first and "Dr Rao" in first and "Go gently at first." in first
    assert "twice a day" in first          # the clinic's default frequency
    blank = page_texts(api.render(catalog, plan, "handout", "a4"))[0]
    for label in ("Patient", "Date", "Clinician", "How often", "Notes"):
        assert label in blank
    assert PATIENT not in blank


def test_patient_name_is_never_in_metadata_or_file_name(catalog, plan, clinic, tmp_path,
                                                        monkeypatch):
    monkeypatch.chdir(tmp_path)
    fields = api.make_fields(patient=PATIENT)
    path = api.build_pdf(catalog, plan, "handout", "a4", clinic=clinic, fields=fields)
    data = path.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    meta = " ".join(str(v) for v in reader.metadata.values())
    assert "Margaret" not in meta and "Quinlan" not in meta
    assert "/Metadata" not in reader.trailer["/Root"]       # no XMP copy either
    assert "margaret" not in path.name.lower() and "quinlan" not in path.name.lower()
    assert PATIENT.encode() not in data
    assert PATIENT in page_texts(data)[0]


def test_header_has_the_clinic_and_a_qr_code_of_its_website(handout):
    import zxingcpp

    first = page_texts(handout)[0]
    assert "Riverside Physiotherapy" in first and "Phone 01234 567890" in first
    assert "riverside-physio.example/back" in first
    page = render_pages(handout, dpi=200)[0]
    found = [b.text for b in zxingcpp.read_barcodes(page)]
    assert found == ["https://riverside-physio.example/back"]


def test_logo_is_drawn_in_colour_and_grayscale_prints_no_colour(catalog, plan, clinic):
    import pypdfium2 as pdfium

    def colour(data: bytes) -> int:
        return colour_pixels(pdfium.PdfDocument(data)[0].render(scale=0.5).to_pil(), 12)

    colour_page = api.render(catalog, plan, "handout", "a4", clinic=clinic)
    gray = api.render(catalog, plan, "handout", "a4", True, clinic=clinic)
    assert colour(colour_page) > 200
    assert colour(gray) == 0


def test_large_print_has_no_text_under_14_pt_and_more_pages(catalog, plan):
    normal = api.render(catalog, plan, "handout", "letter")
    large = api.render(catalog, plan, "handout", "letter", large_print=True)
    assert min(font_sizes(large)) >= 14
    assert min(s for s in font_sizes(normal)) >= 10
    assert len(PdfReader(io.BytesIO(large)).pages) > len(PdfReader(io.BytesIO(normal)).pages)


def test_print_quality(handout, catalog, plan, clinic):
    """Embedded fonts, nothing in the printer margin, identical bytes for identical input."""
    assert unembedded_fonts(handout) == []
    for page in render_pages(handout, dpi=50):
        assert ink_in_margin(page, 10 * 72 / 25.4, dpi=50) == []
    fields = api.make_fields(patient=PATIENT, clinician="Dr Rao", notes="Go gently at first.")
    assert api.render(catalog, plan, "handout", "a4", clinic=clinic, fields=fields) == handout


def test_text_reads_in_order(handout, plan):
    """Extracted text follows the page: front matter, safety (the emergency first), the
    routine at a glance, then each stretch in order."""
    text = " ".join(page_texts(handout))
    front = ["Riverside Physiotherapy", plan.title, "Patient", "How to stretch safely",
             "Call for emergency help", "See a doctor soon", "Walk for 5 to 10 minutes",
             "Your routine at a glance", "Your stretches"]
    positions = [text.index(part) for part in front]
    start = positions[-1]
    for item in plan.items:
        positions.append(text.index(item.stretch.name + " ", start))
        start = positions[-1]
    positions.append(text.index("Weekly tracker", start))
    assert positions == sorted(positions)


def test_fields_refuse_characters_the_font_cannot_print(run):
    result = run("build", "-l", "handout", "--patient", "Zhang \u4f1f", "-o", "out.pdf")
    assert result.exit_code == 2
    assert "patient: cannot print '\u4f1f' (U+4F1F) with the built-in font" in result.stderr


def test_dates(catalog):
    import datetime as dt

    assert api.make_fields().date == ""
    assert api.make_fields(date="today", today=dt.date(2026, 3, 9)).date == "9 March 2026"
    assert api.make_fields(date="2026-11-22").date == "22 November 2026"
    with pytest.raises(ValueError, match="today.*YYYY-MM-DD"):
        api.make_fields(date="22/11/2026")


@pytest.mark.parametrize("profile, files, message", [
    ('name = "X"\nlogo = "missing.png"\n', {}, "clinic.toml: logo: file not found"),
    ('name = "X"\nlogo = "bad.png"\n', {"bad.png": b"not an image"},
     "clinic.toml: logo: bad.png: not a PNG or JPEG image"),
    ('name = "X"\nfone = "1"\n', {}, "clinic.toml: fone: unknown key; did you mean 'phone'?"),
    ('name = "X"\nlogo = "huge.png"\n', {"huge.png": "huge"}, "huge.png: too large: 8000 x 6000 pixels"),
    ('name = 3\n', {}, "clinic.toml: name: must be text"),
    ('address = "no name"\n', {}, "clinic.toml: name: a clinic profile needs a name"),
    ('name = "X"\nwebsite = "ftp://x.example"\n', {}, "clinic.toml: website: only http"),
    ('name = "X"\npaper = "a9"\n', {}, "clinic.toml: paper: unknown paper"),
    ('name = "X\n', {}, "clinic.toml: not valid TOML"),
    ('name = "Clinic \u263a"\n', {}, "clinic.toml: name: cannot print '\u263a' (U+263A)"),
])
def test_bad_profiles_are_one_line_errors(run, tmp_path, profile, files, message):
    from PIL import Image

    (tmp_path / "clinic.toml").write_text(profile)
    for name, content in files.items():
        if content == "huge":
            Image.new("1", (8000, 6000)).save(tmp_path / name)   # 48 MP, a few KB on disk
        else:
            (tmp_path / name).write_bytes(content)
    result = run("build", "-l", "handout", "--clinic", "clinic.toml", "-o", "out.pdf")
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_logo_is_upright_cropped_and_downscaled(tmp_path):
    """A phone photo saved sideways with an EXIF turn comes out upright, at print size."""
    from PIL import Image

    img = Image.new("RGB", (3000, 1000), "white")
    img.paste((0, 90, 200), (0, 0, 3000, 500))
    exif = Image.Exif()
    exif[0x0112] = 6                       # "rotate 90° clockwise to display"
    img.save(tmp_path / "logo.jpg", exif=exif)
    (tmp_path / "c.toml").write_text('name = "X"\nlogo = "logo.jpg"\n')
    logo = api.load_clinic(tmp_path / "c.toml").logo
    assert logo.height_px > logo.width_px          # turned upright
    assert max(logo.width_px, logo.height_px) <= 600
    assert logo.image(grayscale=True).mode == "LA"


def test_cli_handout_with_profile_from_the_environment(run, clinic_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("STRETCHCARD_CLINIC", str(clinic_dir / "clinic.toml"))
    result = run("build", "-l", "handout", "--patient", PATIENT, "--date", "2026-11-22")
    assert result.exit_code == 0, result.output
    written = list((tmp_path / "output").glob("*.pdf"))
    assert [p.name for p in written] == ["7-minute-stretch-for-the-lower-back-handout-a4.pdf"]
    first = page_texts(written[0].read_bytes())[0]
    assert "Riverside Physiotherapy" in first and "22 November 2026" in first
