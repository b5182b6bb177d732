"""A clinic's own photo in place of a pose figure: checked on load, prepared and drawn safely.

Every picture is made here with Pillow, in a temporary content folder that replaces the
built-in knee-to-chest stretch with a photo version and adds a routine that uses it.
"""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from pdfgen import api, catalog as catalog_mod, photo
from pdfgen.errors import ContentError, StretchcardError
from pdfgen.paths import builtin_content_dir

STRETCH = "knee-to-chest"


def photo_content(root: Path, image: str = "photos/pose.png") -> Path:
    """A content folder whose knee-to-chest names `image`, and a routine `photo` with it."""
    (root / "stretches").mkdir(parents=True, exist_ok=True)
    (root / "routines").mkdir(exist_ok=True)
    text = (builtin_content_dir() / "stretches" / f"{STRETCH}.yaml").read_text()
    (root / "stretches" / f"{STRETCH}.yaml").write_text(text + f"image: {image}\n")
    (root / "routines" / "photo.yaml").write_text(
        f"id: photo\ntitle: Photo routine\nminutes: 2\nstretches:\n  - {STRETCH}\n")
    return root


def photo_path(root: Path, name: str = "pose.png") -> Path:
    folder = root / "stretches" / "photos"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def subject(size=(600, 400), box=(200, 100, 399, 199), color=(30, 60, 120), mode="RGB",
            background="white") -> Image.Image:
    """A picture of a dark rectangle (the "subject") on a plain background."""
    img = Image.new(mode, size, background)
    ImageDraw.Draw(img).rectangle(box, fill=color)
    return img


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims `width` x `height` pixels: a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))
            + chunk(b"IEND", b""))


def render_photo_poster(root: Path, grayscale: bool = False) -> bytes:
    cat = catalog_mod.load([root])
    plan = api.make_plan(cat, api.make_request(cat), "photo")
    return api.render(cat, plan, "poster", "letter", grayscale)


# --- preparing ------------------------------------------------------------------------------

def test_exif_orientation_turns_the_photo_upright(tmp_path):
    path = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: show it turned 90 degrees clockwise
    subject(box=(100, 150, 499, 249)).save(path, exif=exif.tobytes(), quality=95)
    prepared = photo.prepare(path)
    assert prepared.height_px > prepared.width_px  # the 400 x 100 bar now stands upright
    assert abs(prepared.width_px - 100) <= 4 and abs(prepared.height_px - 400) <= 4


def test_near_white_margin_is_cropped_to_the_subject(tmp_path):
    path = tmp_path / "margin.png"
    subject(background=(250, 248, 252)).save(path)  # a photographed wall is never pure white
    prepared = photo.prepare(path)
    assert (prepared.width_px, prepared.height_px) == (200, 100)


def test_transparent_png_keeps_its_transparency_and_crops_to_what_is_opaque(tmp_path):
    path = tmp_path / "cutout.png"
    subject(mode="RGBA", background=(0, 0, 0, 0), color=(200, 30, 30, 255)).save(path)
    prepared = photo.prepare(path)
    assert (prepared.width_px, prepared.height_px) == (200, 100)
    assert prepared.image().mode == "RGBA"
    assert photo.prepare(path, grayscale=True).image().mode == "LA"


def test_grayscale_turns_the_photo_gray(tmp_path):
    path = tmp_path / "colour.jpg"
    subject(color=(220, 20, 20)).save(path)
    img = photo.prepare(path, grayscale=True).image()
    assert img.mode == "L"


def test_big_photos_are_shrunk_to_what_can_print(tmp_path):
    path = tmp_path / "big.png"
    Image.new("RGB", (3000, 1500), (40, 40, 40)).save(path)
    prepared = photo.prepare(path)
    assert (prepared.width_px, prepared.height_px) == (photo.MAX_SIDE_PX, photo.MAX_SIDE_PX // 2)


def test_preparing_is_deterministic(tmp_path):
    path = tmp_path / "same.jpg"
    subject().save(path)
    assert photo.prepare(path) == photo.prepare(path)


def test_effective_dpi_is_pixels_per_printed_inch(tmp_path):
    prepared = photo.Photo(b"", 300, 150, "p.png")
    assert photo.effective_dpi(prepared, 144, 144) == pytest.approx(150)  # 2 in wide
    assert photo.effective_dpi(prepared, 720, 72) == pytest.approx(150)   # 1 in tall limits it
    assert photo.resolution_warning(prepared, 144, 144) is None
    warning = photo.resolution_warning(prepared, 288, 288)
    assert warning.startswith("p.png: prints at 75 dpi in a 4.0 x 4.0 in box")
    assert "at least 600 x 300 pixels" in warning


# --- refusing -------------------------------------------------------------------------------

@pytest.mark.parametrize("name,data,needle", [
    ("note.jpg", b"This is a note, not a photo.\n", "not a PNG or JPEG image"),
    ("empty.png", b"", "not a PNG or JPEG image"),
    ("anim.gif", None, "not a PNG or JPEG image"),
    ("bomb.png", png_declaring(100_000, 100_000), "too large"),
    ("big.png", png_declaring(8000, 6000), "too large: 8000 x 6000 pixels"),
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a PNG or JPEG image"),
])
def test_bad_files_are_one_line_errors_naming_the_file(tmp_path, name, data, needle):
    path = tmp_path / name
    if data is None:
        Image.new("RGB", (10, 10)).save(path)
    else:
        path.write_bytes(data)
    for step in (photo.check, photo.prepare):
        start = time.perf_counter()
        with pytest.raises(photo.PhotoError) as info:
            step(path)
        assert time.perf_counter() - start < 1, "refused before decoding"
        message = str(info.value)
        assert message.startswith(f"{path}: ") and needle in message and "\n" not in message


def test_missing_and_folder_are_errors(tmp_path):
    with pytest.raises(photo.PhotoError, match="photo not found"):
        photo.check(tmp_path / "nope.jpg")
    with pytest.raises(photo.PhotoError, match="a folder, not a file"):
        photo.check(tmp_path)


def test_truncated_jpeg_is_damaged_when_decoded(tmp_path):
    path = tmp_path / "cut.jpg"
    buf = io.BytesIO()
    Image.effect_noise((300, 300), 60).convert("RGB").save(buf, "JPEG")
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(photo.PhotoError, match="damaged"):
        photo.prepare(path)


def test_a_blank_picture_is_refused(tmp_path):
    path = tmp_path / "blank.png"
    Image.new("RGBA", (50, 50), (255, 255, 255, 0)).save(path)
    with pytest.raises(photo.PhotoError, match="blank"):
        photo.prepare(path)


# --- in the catalog -------------------------------------------------------------------------

def test_catalog_accepts_a_photo_relative_to_the_stretch_file(tmp_path):
    root = photo_content(tmp_path / "content")
    subject().save(photo_path(root))
    cat = catalog_mod.load([root])
    assert cat.stretch(STRETCH).image == str(root / "stretches" / "photos" / "pose.png")


@pytest.mark.parametrize("image,make,needle", [
    ("photos/pose.png", None, "photo not found"),
    ("photos/pose.png", lambda p: p.write_text("not a picture"), "not a PNG or JPEG image"),
    ("photos/pose.png", lambda p: p.write_bytes(png_declaring(100_000, 100_000)), "too large"),
    ("../../../outside.png", None, "leads outside the content folder"),
    ("photos/link.png", lambda p: p.symlink_to(p.parents[4] / "outside.png"),
     "leads outside the content folder"),
    ("/etc/hostname", None, "relative to this file"),
])
def test_catalog_refuses_bad_photos_with_file_line_and_field(tmp_path, image, make, needle):
    subject().save(tmp_path / "outside.png")
    root = photo_content(tmp_path / "a" / "content", image)
    if make:
        make(photo_path(root, Path(image).name))
    with pytest.raises(ContentError) as info:
        catalog_mod.load([root])
    message = str(info.value)
    line = len((root / "stretches" / f"{STRETCH}.yaml").read_text().splitlines())
    assert message.startswith(f"{root}/stretches/{STRETCH}.yaml:{line}: image: "), message
    assert needle in message and "\n" not in message


def test_a_photo_name_need_not_be_printable_by_the_page_font(tmp_path):
    root = photo_content(tmp_path / "content", "photos/фото.png")
    subject().save(photo_path(root, "фото.png"))
    assert catalog_mod.load([root]).stretch(STRETCH).image.endswith("фото.png")


def test_a_link_to_a_photo_inside_the_content_folder_is_fine(tmp_path):
    root = photo_content(tmp_path / "content", "photos/link.png")
    subject().save(photo_path(root, "real.png"))
    photo_path(root, "link.png").symlink_to("real.png")
    assert catalog_mod.load([root]).stretch(STRETCH).image.endswith("link.png")


# --- on the page ----------------------------------------------------------------------------

def test_poster_draws_the_photo_and_is_byte_identical(tmp_path):
    root = photo_content(tmp_path / "content")
    subject(size=(1200, 800), box=(300, 200, 899, 599)).save(photo_path(root))
    first = render_photo_poster(root)
    assert first == render_photo_poster(root)
    assert b"/Subtype /Image" in first


def test_transparent_photo_is_drawn_with_a_soft_mask(tmp_path):
    root = photo_content(tmp_path / "content")
    subject(size=(1200, 800), box=(300, 200, 899, 599), mode="RGBA",
            background=(0, 0, 0, 0)).save(photo_path(root))
    assert b"/SMask" in render_photo_poster(root)


def test_grayscale_poster_draws_the_photo_in_gray(tmp_path):
    import pypdfium2 as pdfium

    root = photo_content(tmp_path / "content")
    subject(size=(1200, 800), box=(0, 0, 1199, 799), color=(230, 20, 20)).save(photo_path(root))
    data = render_photo_poster(root, grayscale=True)
    img = pdfium.PdfDocument(data)[0].render(scale=0.5).to_pil().convert("RGB")
    raw = img.tobytes()
    assert all(max(px) - min(px) <= 6 for px in zip(raw[0::3], raw[1::3], raw[2::3]))


def test_a_low_resolution_photo_is_a_warning_not_an_error(tmp_path):
    root = photo_content(tmp_path / "content")
    subject(size=(60, 40), box=(10, 10, 49, 29)).save(photo_path(root))
    with api.recorded_warnings() as notes:
        data = render_photo_poster(root)
    assert data.startswith(b"%PDF")
    assert len(notes) == 1
    assert notes[0].startswith(f"{photo_path(root)}: prints at ") and "dpi" in notes[0]


def test_a_sharp_photo_gives_no_warning(tmp_path):
    root = photo_content(tmp_path / "content")
    subject(size=(3000, 2000), box=(0, 0, 2999, 1999)).save(photo_path(root))
    with api.recorded_warnings() as notes:
        render_photo_poster(root)
    assert notes == []


def test_recording_photo_warnings_passes_other_warnings_on():
    import warnings

    with pytest.warns(UserWarning, match="not ours"):
        with api.recorded_warnings() as notes:
            warnings.warn("not ours", UserWarning)
            warnings.warn(photo.PhotoWarning("p.png: prints at 40 dpi"))
            warnings.warn(photo.PhotoWarning("p.png: prints at 40 dpi"))
    assert notes == ["p.png: prints at 40 dpi"]


def test_a_photo_that_breaks_after_loading_is_a_domain_error(tmp_path):
    root = photo_content(tmp_path / "content")
    subject().save(photo_path(root))
    cat = catalog_mod.load([root])
    photo_path(root).write_text("replaced by a note")
    plan = api.make_plan(cat, api.make_request(cat), "photo")
    with pytest.raises(StretchcardError, match="not a PNG or JPEG image"):
        api.render(cat, plan, "poster", "letter")


def test_cli_builds_a_poster_with_a_photo(run, tmp_path):
    root = photo_content(tmp_path / "content")
    subject(size=(1200, 800), box=(300, 200, 899, 599)).save(photo_path(root))
    result = run("--content", root, "build", "--routine", "photo", "-o", "photo.pdf")
    assert result.exit_code == 0, result.stderr
    assert b"/Subtype /Image" in (tmp_path / "photo.pdf").read_bytes()


def test_cli_refuses_a_fake_photo_in_one_line(run, tmp_path):
    root = photo_content(tmp_path / "content")
    photo_path(root).write_text("<html>not a photo</html>")
    result = run("--content", root, "build", "-o", "x.pdf")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("not a PNG or JPEG image")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


# --- a photo and no figure ------------------------------------------------------------------

PHOTO_ONLY = "clinic-wall-lean"
GREEN = (20, 170, 40)  # no figure or page colour is this green, so its pixels are the photo's


def photo_only_content(root: Path, image: str | None = "photos/pose.png") -> Path:
    """A content folder with a stretch that has a photo (or, with None, neither) and no
    `figure:`, and a routine `photo-only` that uses it."""
    (root / "stretches").mkdir(parents=True, exist_ok=True)
    (root / "routines").mkdir(exist_ok=True)
    text = (builtin_content_dir() / "stretches" / f"{STRETCH}.yaml").read_text()
    lines = [ln for ln in text.splitlines() if not ln.startswith(("figure:", "id:", "name:"))]
    lines += [f"id: {PHOTO_ONLY}", "name: Clinic wall lean"]
    lines += [f"image: {image}"] if image else []
    (root / "stretches" / f"{PHOTO_ONLY}.yaml").write_text("\n".join(lines) + "\n")
    (root / "routines" / "photo-only.yaml").write_text(
        f"id: photo-only\ntitle: Photo only\nminutes: 2\nstretches:\n  - {PHOTO_ONLY}\n")
    if image:
        subject(size=(1200, 800), box=(300, 200, 899, 599), color=GREEN).save(photo_path(root))
    return root


def green_pixels(data: bytes) -> int:
    """Pixels of the photo's green on every page of a PDF."""
    import pypdfium2 as pdfium

    count = 0
    for page in pdfium.PdfDocument(data):
        raw = page.render(scale=1).to_pil().convert("RGB").tobytes()
        count += sum(1 for px in zip(raw[0::3], raw[1::3], raw[2::3])
                     if all(abs(a - b) <= 30 for a, b in zip(px, GREEN)))
    return count


def test_a_stretch_with_a_photo_needs_no_figure(run, tmp_path):
    root = photo_only_content(tmp_path / "content")
    result = run("validate", root)
    assert result.exit_code == 0, result.stderr
    stretch = catalog_mod.load([root]).stretch(PHOTO_ONLY)
    assert stretch.figure == "" and stretch.image.endswith("pose.png")


def test_a_stretch_with_neither_photo_nor_figure_is_a_one_line_error(run, tmp_path):
    root = photo_only_content(tmp_path / "content", image=None)
    result = run("validate", root)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    [line] = [ln for ln in result.stdout.splitlines() if f"{PHOTO_ONLY}.yaml:" in ln]
    assert line.endswith(f"{PHOTO_ONLY}.yaml:1: figure: missing field 'figure'; name the pose "
                         "figure, or give 'image:', a photo of the stretch")


@pytest.mark.parametrize("layout", ["poster", "card", "handout"])
def test_a_photo_only_stretch_prints_in_every_layout(run, tmp_path, layout):
    from tests.conftest import pdf_text

    root = photo_only_content(tmp_path / "content")
    result = run("--content", root, "build", "--routine", "photo-only", "-l", layout,
                 "-o", "out.pdf")
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / "out.pdf").read_bytes()
    assert "Clinic wall lean" in pdf_text(data)
    assert green_pixels(data) > 200


def test_a_photo_only_stretch_in_a_batch_and_its_index(run, tmp_path):
    root = photo_only_content(tmp_path / "content")
    result = run("--content", root, "batch", "-o", "out", "-l", "card", "-p", "letter",
                 "--routine", "photo-only", "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert green_pixels((tmp_path / "out" / "index.pdf").read_bytes()) > 20
    again = run("--content", root, "batch", "-o", "out", "-l", "card", "-p", "letter",
                "--routine", "photo-only", "-j", "1", "--skip-unchanged")
    assert again.exit_code == 0, again.stderr  # the fingerprint reads the photo, not a figure


def test_show_and_figure_export_cope_with_a_photo_only_stretch(run, tmp_path):
    root = photo_only_content(tmp_path / "content")
    shown = run("--content", root, "show", PHOTO_ONLY)
    assert shown.exit_code == 0, shown.stderr
    assert "Picture:   photo " in shown.stdout
    as_json = run("--content", root, "show", PHOTO_ONLY, "--format", "json")
    assert '"figure": null' in as_json.stdout
    assert run("--content", root, "list").exit_code == 0
    sheet = run("--content", root, "figures", "--sheet", "-o", "figs")
    assert sheet.exit_code == 0, sheet.stderr
