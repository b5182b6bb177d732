"""Clinic branding on the page: the logo, the contact lines and the website's QR code."""

from __future__ import annotations

from ..branding import Clinic, website_display, website_link

# 22 mm: the smallest QR code most phone cameras read from arm's length.
QR_SIZE = 62.0
SEPARATOR = "  ·  "


def contact_lines(clinic: Clinic, font: str, size: float, width: float) -> list[str]:
    """Address, then phone and website (sharing a line when they fit), wrapped to `width`."""
    from .common import wrap, wrap_parts

    address = wrap(clinic.address, font, size, width) if clinic.address else []
    return address + wrap_parts(_reach(clinic), SEPARATOR, font, size, width)


def clinic_lines(clinic: Clinic | None, font: str, size: float, width: float) -> list[str]:
    """The clinic on pages without room for a header: name, phone and website."""
    from .common import wrap_parts

    if clinic is None:
        return []
    return wrap_parts([clinic.name, *_reach(clinic)], SEPARATOR, font, size, width)


def _reach(clinic: Clinic) -> list[str]:
    return [r for r in (f"Phone {clinic.phone}" if clinic.phone else "",
                        website_display(clinic.website) if clinic.website else "") if r]


def qr_widget(url: str):
    """The QR code for the clinic's website (its `value` is what a phone opens)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    return QrCodeWidget(website_link(url), barLevel="M")


def draw_qr(c, url: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """Draws the QR code, quiet zone included, in the square (x, y, size).

    The widget's modules are drawn as plain rectangles on our canvas: rendering the widget
    through renderPDF would add an unembedded Helvetica to the page.
    """
    from reportlab.graphics.shapes import Rect

    widget = qr_widget(url)
    x0, y0, x1, y1 = widget.getBounds()
    sx, sy = size / (x1 - x0), size / (y1 - y0)
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    for shape in widget.draw().contents:
        if isinstance(shape, Rect) and shape.fillColor is not None:
            c.rect(x + (shape.x - x0) * sx, y + (shape.y - y0) * sy, shape.width * sx,
                   shape.height * sy, stroke=0, fill=1)
    c.restoreState()


def draw_logo(c, clinic: Clinic, x: float, top: float, max_w: float, max_h: float,
              grayscale: bool) -> float:
    """Draws the logo at the top-left of the box, aspect kept; returns the width used."""
    if clinic.logo is None:
        return 0.0
    from reportlab.lib.utils import ImageReader

    scale = min(max_w / clinic.logo.width_px, max_h / clinic.logo.height_px)
    w, h = clinic.logo.width_px * scale, clinic.logo.height_px * scale
    c.drawImage(ImageReader(clinic.logo.image(grayscale)), x, top - h, w, h, mask="auto")
    return w
