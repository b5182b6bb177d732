"""What a layout needs besides the plan, and how a stretch's picture gets into a box."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

from ..model import PlannedStretch, SafetyRules

if TYPE_CHECKING:
    from ..branding import Clinic


@dataclass(frozen=True)
class PatientFields:
    """What a clinician fills in on a handout. An empty field prints as a line to write on.

    These are printed on the page only: never in metadata or file names (a patient's name is
    private, and a PDF's properties travel further than its page).
    """

    patient: str = ""
    clinician: str = ""
    date: str = ""
    frequency: str = ""
    notes: str = ""


@dataclass(frozen=True)
class RenderContext:
    """Loaded figure specs, the safety rules and print options, shared by every layout."""

    figures: Mapping[str, Any]
    safety: SafetyRules
    grayscale: bool = False
    large_print: bool = False
    clinic: "Clinic | None" = None
    fields: PatientFields = PatientFields()
    geometry_cache: dict = field(default_factory=dict, compare=False, hash=False)

    def geometry(self, figure_id: str, mirrored: bool = False):
        """Figure geometry is built once per figure and reused on every page that shows it."""
        key = (figure_id, mirrored)
        if key not in self.geometry_cache:
            from ..figure import build

            self.geometry_cache[key] = build(self.figures[figure_id], mirrored=mirrored)
        return self.geometry_cache[key]


def draw_stretch_figure(c, ctx: RenderContext, item: PlannedStretch, x: float, y: float,
                        w: float, h: float, mirrored: bool = False) -> None:
    """Draws the stretch's pose figure (or its photo) fitted into the box at (x, y, w, h)."""
    if w <= 1 or h <= 1:
        return
    if item.stretch.image:
        _draw_photo(c, item.stretch.image, x, y, w, h)
        return
    from ..figure.backend_rl import draw

    draw(c, ctx.geometry(item.stretch.figure, mirrored), x, y, w, h, grayscale=ctx.grayscale)


def _draw_photo(c, path: str, x: float, y: float, w: float, h: float) -> None:
    from reportlab.lib.utils import ImageReader

    img = ImageReader(path)
    iw, ih = img.getSize()
    scale = min(w / iw, h / ih)
    dw, dh = iw * scale, ih * scale
    c.drawImage(img, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, mask="auto")
