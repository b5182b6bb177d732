"""A clinic's own photo in place of a pose figure: checked when content loads, prepared when drawn.

Photos come from people's phones and folders, so every step distrusts the file. The picture is
read from memory (it cannot change while it is read), its declared size is checked before a
single pixel is decoded (a tiny file can claim a gigantic image), and any decoding failure
becomes one line naming the file. Preparing is deterministic: the same file gives the same
pixels, so a PDF with a photo is byte-identical from run to run.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import StretchcardError
from .infile import FileRefused

FORMATS = ("JPEG", "PNG")
MAX_BYTES = 30 * 1024 * 1024
# Above a phone camera's usual 12-24 MP. A bigger image is refused before decoding (resize it
# first), because decoding is where a decompression bomb costs memory: 40 MP of RGBA is 160 MB.
MAX_PIXELS = 40_000_000
# 8 inches at 300 dpi: larger than any figure box on any paper, so the downscale loses nothing
# that prints and keeps a PDF with a phone photo small.
MAX_SIDE_PX = 2400
MIN_DPI = 150
# A pixel whose every channel is at or above this is background: a photographed white wall is
# never pure white.
NEAR_WHITE = 235
# Below this opacity a pixel counts as background when cropping.
MIN_ALPHA = 16
_DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, IndexError)


class PhotoError(StretchcardError):
    """A photo that cannot be used; the message is one line that names the file."""


class PhotoWarning(UserWarning):
    """A photo that prints, but not well (too few pixels for its box); one line naming the file."""


@dataclass(frozen=True)
class Photo:
    """A photo ready to print: upright, cropped to its subject, as PNG (RGB, RGBA, L or LA)."""

    png: bytes
    width_px: int
    height_px: int
    name: str

    def image(self):
        """The Pillow image to hand to the canvas."""
        from PIL import Image

        img = Image.open(io.BytesIO(self.png))
        img.load()
        return img


def check(path: str | Path) -> tuple[int, int]:
    """Checks cheaply, without decoding pixels, that `path` is a usable PNG or JPEG.

    Returns:
        The image's size in pixels as stored (before EXIF rotation).

    Raises:
        PhotoError: missing, not an image, another format, too large, or structurally damaged.
    """
    path = Path(path)
    with _refusals(path):
        img = open_image(path)
        with decoding():
            img.verify()
    return img.size


def prepare(path: str | Path, grayscale: bool = False) -> Photo:
    """Decodes the photo and makes it print-ready.

    Steps: turn it upright from its EXIF orientation, crop the near-white or transparent margin
    around the subject (so the subject, not the background, fills the figure box), shrink it to
    at most MAX_SIDE_PX, and optionally make it gray for a black-only printer.

    Raises:
        PhotoError: the file is not a usable image, is damaged, or has nothing but background.
    """
    from PIL import Image

    path = Path(path)
    with _refusals(path):
        img = decode_upright(open_image(path), MAX_SIDE_PX)
    box = _subject_box(img)
    if box is None:
        raise PhotoError(f"{path}: the image is blank (only white or transparent)")
    img = img.crop(box)
    img.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX), Image.Resampling.LANCZOS)
    if grayscale:
        img = img.convert("LA" if img.mode == "RGBA" else "L")
    img.info.clear()  # no ICC profile or EXIF carried into the PDF: the bytes depend on pixels only
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return Photo(buf.getvalue(), img.width, img.height, str(path))


def fit(photo: Photo, width_pt: float, height_pt: float) -> tuple[float, float]:
    """The drawn size of the photo fitted inside a box, keeping its proportions."""
    scale = min(width_pt / photo.width_px, height_pt / photo.height_px)
    return photo.width_px * scale, photo.height_px * scale


def effective_dpi(photo: Photo, width_pt: float, height_pt: float) -> float:
    """Pixels per printed inch when the photo is fitted into a box of the given size in points."""
    drawn_w, _ = fit(photo, width_pt, height_pt)
    return photo.width_px * 72 / drawn_w


def resolution_warning(photo: Photo, width_pt: float, height_pt: float) -> str | None:
    """A warning when the photo would print blurred (under MIN_DPI) in the box, else None."""
    dpi = effective_dpi(photo, width_pt, height_pt)
    if dpi >= MIN_DPI:
        return None
    drawn_w, drawn_h = fit(photo, width_pt, height_pt)
    need_w, need_h = (round(side / 72 * MIN_DPI) for side in (drawn_w, drawn_h))
    return (f"{photo.name}: prints at {dpi:.0f} dpi in a {width_pt / 72:.1f} x "
            f"{height_pt / 72:.1f} in box, which looks blurred; use a photo of at least "
            f"{need_w} x {need_h} pixels (after cropping)")


def open_image(path: Path, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS):
    """Opens a PNG or JPEG lazily (header only), through the guarded reader, refusing anything
    whose declared size is over `max_pixels` before a single pixel is decoded.

    The one opener for photos and clinic logos.

    Raises:
        FileRefused: missing, not a regular file, too large, not a PNG or JPEG, or damaged.
    """
    from PIL import Image

    from .infile import read_regular

    data = read_regular(path, max_bytes)
    with decoding():
        img = Image.open(io.BytesIO(data), formats=FORMATS)
    width, height = img.size
    if width * height > max_pixels:
        raise FileRefused(f"too large: {width} x {height} pixels "
                           f"(at most {max_pixels // 1_000_000} megapixels)")
    return img


def decode_upright(img, max_side: int):
    """Decodes an opened image into 8-bit RGB or RGBA, turned upright from its EXIF orientation.

    16-bit grayscale PNGs are scaled down to 8 bits (Pillow's plain conversion clips them to
    white), and a JPEG is decoded at a reduced scale when it is far larger than `max_side`.

    Raises:
        FileRefused: the pixels cannot be decoded.
    """
    from PIL import ImageOps

    with decoding():
        img.draft("RGB", (max_side, max_side))  # JPEG: decode at a reduced scale
        img.load()
        img = ImageOps.exif_transpose(img)
        if img.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
            img = img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
        return img.convert("RGBA" if _has_alpha(img) else "RGB")


@contextlib.contextmanager
def decoding() -> Iterator[None]:
    """Turns whatever Pillow raises on a bad file into one `FileRefused`.

    Pillow only warns about a moderately oversized image; here that is an error too. Its other
    warnings (a damaged EXIF block, say) would print raw lines on stderr: the picture still
    decodes, so they are dropped.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except UnidentifiedImageError:
        raise FileRefused("not a PNG or JPEG image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise FileRefused("too large (a decompression bomb)") from None
    except _DECODE_ERRORS as exc:
        raise FileRefused(f"damaged ({_reason(exc)})") from None


@contextlib.contextmanager
def _refusals(path: Path) -> Iterator[None]:
    """A `FileRefused` as the one-line PhotoError that names the file."""
    try:
        yield
    except FileRefused as exc:
        raise PhotoError(f"{path}: photo not found" if exc.missing
                         else f"{path}: {exc.reason}") from None


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _has_alpha(img) -> bool:
    return img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info


def _subject_box(img) -> tuple[int, int, int, int] | None:
    """The bounding box of everything that is neither near-white nor transparent."""
    from PIL import ImageChops

    red, green, blue = img.convert("RGB").split()
    darkest = ImageChops.darker(ImageChops.darker(red, green), blue)
    ink = darkest.point(lambda v: 255 if v < NEAR_WHITE else 0)
    if img.mode == "RGBA":
        opaque = img.getchannel("A").point(lambda v: 255 if v >= MIN_ALPHA else 0)
        ink = ImageChops.darker(ink, opaque)
    return ink.getbbox()


@contextlib.contextmanager
def recorded_warnings() -> Iterator[list[str]]:
    """Collects, as one-line texts, the warnings that rendering raises while the block runs.

    Only the drawing code knows how large a photo prints, so it raises `PhotoWarning` rather
    than failing; wrap `render` or `build_pdf` in this and show the texts to the user:

        with recorded_warnings() as notes:
            path = api.build_pdf(...)
    """
    texts: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PhotoWarning)
        yield texts
    for w in caught:
        if issubclass(w.category, PhotoWarning):
            texts.append(str(w.message))
        else:  # not ours: hand it on to whoever was listening before
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    texts[:] = dict.fromkeys(texts)
