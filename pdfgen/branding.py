"""Clinic profiles: the clinic's name, contact details, website and logo, from a TOML file.

The logo is opened and prepared with Pillow when the profile is loaded, so a missing, corrupt
or enormous image is reported before anything is drawn, naming the file and the key. Every
problem is one line: `clinic.toml: key: message`.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import glyphs
from .errors import ContentError

MAX_PROFILE_BYTES = 64 * 1024
# A logo prints at most about 2 x 1 in; 300 dpi of that is plenty for any printer.
LOGO_MAX_PX = (600, 300)
# Bigger than any real logo; a bigger picture is refused before Pillow decodes it.
LOGO_MAX_PIXELS = 40_000_000
LOGO_MAX_BYTES = 20 * 1024 * 1024

TEXT_LIMITS = {"name": 80, "address": 160, "phone": 40, "website": 120, "paper": 20,
               "frequency": 80, "disclaimer": 400, "logo": 300}


@dataclass(frozen=True)
class Logo:
    """A logo ready to print: upright, at most print resolution, as PNG bytes (RGBA or LA)."""

    png: bytes
    width_px: int
    height_px: int

    @property
    def aspect(self) -> float:
        return self.width_px / self.height_px

    def image(self, grayscale: bool = False):
        """A Pillow image for the canvas; grayscale keeps the transparency."""
        from PIL import Image

        img = Image.open(io.BytesIO(self.png))
        img.load()
        if grayscale and img.mode != "LA":
            img = img.convert("LA")
        return img


@dataclass(frozen=True)
class Clinic:
    """A clinic's branding for handouts and cards. Only `name` is required."""

    name: str
    address: str = ""
    phone: str = ""
    website: str = ""
    paper: str = ""
    frequency: str = ""
    disclaimer: str = ""
    logo: Logo | None = field(default=None, compare=False, repr=False)
    path: str = ""


def load_clinic(path: str | Path) -> Clinic:
    """Reads and checks a clinic profile, preparing its logo.

    Raises:
        ContentError: one line naming the file and key.
    """
    import tomllib

    path = Path(path)
    name = str(path)
    data = _read_bytes(path, MAX_PROFILE_BYTES, "clinic profile")
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError([f"{name}: not UTF-8 text"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([f"{name}: not valid TOML: {exc}"]) from None
    values = {key: _text(name, key, value) for key, value in _known(name, table).items()}
    if not values.get("name"):
        raise ContentError([f"{name}: name: a clinic profile needs a name"])
    if values.get("website"):
        values["website"] = _website(name, values["website"])
    if values.get("paper"):
        from .paper import paper

        try:
            values["paper"] = paper(values["paper"]).name
        except ValueError as exc:
            raise ContentError([f"{name}: paper: {exc}"]) from None
    logo_file = values.pop("logo", "")
    clinic = Clinic(path=str(path), **values)
    if logo_file:
        clinic = replace(clinic, logo=prepare_logo(path.parent / logo_file, name))
    return clinic


def _known(name: str, table: dict[str, Any]) -> dict[str, Any]:
    for key in table:
        if key not in TEXT_LIMITS:
            close = difflib.get_close_matches(key, list(TEXT_LIMITS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ContentError([f"{name}: {key}: unknown key{hint} "
                                f"(known: {', '.join(TEXT_LIMITS)})"])
    return table


def _text(name: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ContentError([f"{name}: {key}: must be text in quotes, not {type(value).__name__}"])
    text = glyphs.one_line(value)
    if len(text) > TEXT_LIMITS[key]:
        raise ContentError([f"{name}: {key}: at most {TEXT_LIMITS[key]} characters "
                            f"(got {len(text)})"])
    unprintable = glyphs.problem(text, offer_font=False) if key != "logo" else None
    if unprintable:
        raise ContentError([f"{name}: {key}: {unprintable}"])
    return text


def _website(name: str, url: str) -> str:
    """A web address as printed and encoded: a bare domain gets https:// in the QR code."""
    if any(ch.isspace() for ch in url) or "." not in url:
        raise ContentError([f"{name}: website: {url!r} does not look like a web address"])
    scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\d)", url)   # host:8080 is a port
    if scheme and not url.lower().startswith(("http://", "https://")):
        raise ContentError([f"{name}: website: only http:// and https:// addresses are printed"])
    return url


def website_display(url: str) -> str:
    """The address as a person types it: no scheme, no trailing slash."""
    for scheme in ("https://", "http://"):
        if url.lower().startswith(scheme):
            url = url[len(scheme):]
    return url.rstrip("/")


def website_link(url: str) -> str:
    """The address a phone should open from the QR code."""
    return url if "://" in url else f"https://{url}"


def _read_bytes(path: Path, limit: int, where: str) -> bytes:
    """The file's bytes through the guarded reader; any refusal is one line after `where`."""
    from .infile import FileRefused, read_regular

    try:
        return read_regular(path, limit)
    except FileRefused as exc:
        detail = f"file not found: {path}" if exc.missing else f"{path}: {exc.reason}"
        raise ContentError([f"{where}: {detail}"]) from None


def prepare_logo(path: Path, profile: str) -> Logo:
    """Opens the logo with the photos' guarded opener and makes it print-ready: upright,
    8-bit, downscaled to print resolution, trimmed to its opaque part, PNG with alpha.
    """
    from PIL import Image

    from .infile import FileRefused
    from .photo import decode_upright, open_image

    where = f"{profile}: logo"
    try:
        img = decode_upright(open_image(path, LOGO_MAX_BYTES, LOGO_MAX_PIXELS), max(LOGO_MAX_PX))
    except FileRefused as exc:
        detail = "file not found" if exc.missing else f"{path.name}: {exc.reason}"
        raise ContentError([f"{where}: {detail}"]) from None
    img.thumbnail(LOGO_MAX_PX, Image.Resampling.LANCZOS)
    if img.mode == "RGBA":
        alpha = img.getchannel("A")
        box = alpha.getbbox()
        if box is None:
            raise ContentError([f"{where}: {path.name} is fully transparent"])
        img = img.crop(box)
    img.info.clear()
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return Logo(buf.getvalue(), img.width, img.height)
