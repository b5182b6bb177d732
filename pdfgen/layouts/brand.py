"""Clinic branding on the page: the logo, the contact lines and the website's QR code."""

from __future__ import annotations

from ..branding import Clinic, website_display, website_link
from .blocks import Block

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


def clinic_header(clinic: Clinic | None, name_pt: float, contact_pt: float, width: float,
                  grayscale: bool) -> Block | None:
    """The clinic's logo, name, contact lines and website QR code, across the top of a first
    page; None without a clinic."""
    from .common import ACCENT, BOLD, MUTED, REGULAR, draw_lines, leading, wrap

    if clinic is None:
        return None
    qr = QR_SIZE if clinic.website else 0.0
    logo_w = 0.0
    if clinic.logo:
        logo_w = min(150.0, 56.0 * clinic.logo.aspect)
    text_w = width - logo_w - (14 if logo_w else 0) - (qr + 14 if qr else 0)
    # On a narrow sheet the name goes under the logo rather than being squeezed beside it.
    stacked = bool(logo_w) and text_w < 200
    if stacked:
        text_w = width - (qr + 14 if qr else 0)
    name = wrap(clinic.name, BOLD, name_pt, text_w)
    contact = contact_lines(clinic, REGULAR, contact_pt, text_w)
    text_h = leading(name_pt) * len(name) + leading(contact_pt) * len(contact) + 2
    logo_h = 56.0 if logo_w else 0.0
    if stacked:
        text_h += logo_h + 8
    height = max(text_h, qr, logo_h) + 10

    def paint(c, x, top):
        used = draw_logo(c, clinic, x, top, logo_w, logo_h, grayscale)
        tx, ty = x + used + (14 if used else 0), top
        if stacked:
            tx, ty = x, top - logo_h - 8
        y = draw_lines(c, name, tx, ty, BOLD, name_pt, ACCENT)
        draw_lines(c, contact, tx, y - 2, REGULAR, contact_pt, MUTED)
        if qr:
            draw_qr(c, clinic.website, x + width - qr, top - qr, qr)
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(1.5)
        c.line(x, top - height + 2, x + width, top - height + 2)

    return Block(height, paint)
