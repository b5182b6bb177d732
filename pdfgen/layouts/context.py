"""What a layout needs besides the plan, and how a stretch's picture gets into a box."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..model import PlannedStretch, SafetyRules
from .common import ARROW, OUTLINE, SIDE_BY_SIDE, STACKED

if TYPE_CHECKING:
    from ..branding import Clinic
    from ..glyphs import Typeface


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
    stretches_per_page: int = 0     # the handout's stretches per page at most; 0: as many as fit
    fallback: "Typeface | None" = None   # a user's font (--font) for what DejaVu Sans lacks

    @property
    def frequency(self) -> str:
        """How often, as the clinician wrote it for this patient, else the clinic's usual."""
        return self.fields.frequency or (self.clinic.frequency if self.clinic else "")

    def figure_marks(self, items: Sequence[PlannedStretch]) -> frozenset[str]:
        """The marks the drawings of these stretches use (see common.figure_legend): phases
        stacked or side by side, the start pose's pale outline (an earlier pose drawn as a
        ghost), arrows. A photo has none."""
        marks: set[str] = set()
        for item in items:
            spec = self.figures.get(item.stretch.figure) if not item.stretch.image else None
            if spec is None:
                continue
            if spec.sequence:
                marks.add(STACKED if spec.sequence == "column" else SIDE_BY_SIDE)
            elif spec.ghost and len(spec.poses) > 1:
                marks.add(OUTLINE)
            if spec.arrows:
                marks.add(ARROW)
        return frozenset(marks)

    def geometry(self, figure_id: str, mirrored: bool = False):
        """The figure's geometry, built once per process and reused by every page and render."""
        return _geometry(self.figures[figure_id], mirrored)


@functools.lru_cache(maxsize=512)
def _geometry(spec, mirrored: bool):
    """`build` is a pure function of a frozen spec and returns frozen shapes, so one answer can
    serve every render in a batch; keyed by the spec's value, an edited figure builds anew."""
    from ..figure import build

    return build(spec, mirrored=mirrored)


OUTLIER_SHARE = 0.75  # a figure whose own fit is below this share of the page's median fit
# is drawn at its own fit, not allowed to shrink every other figure to its size


def shared_figure_scale(ctx: RenderContext, items: Sequence[PlannedStretch],
                        boxes: Sequence[tuple[float, float]]) -> float | None:
    """One drawing scale for the pose figures on a page (a card's rows, a poster's cells).

    Each figure fitted to its own box draws the same person at a different size: a body lying
    on the floor shrinks to a thin strip beside a standing one, a seated one swells. At the
    shared scale every body is the same size: the largest at which each figure fits its box,
    except that a figure far taller for its box than the others (two stacked panels in a short
    card row) does not set it; that one is drawn at its own, smaller fit (`draw_stretch_figure`
    never draws past a box). Photos keep their own fit and do not take part.

    Args:
        items: the stretches, in the order of `boxes`.
        boxes: each stretch's figure box, (width, height) in points.

    Returns:
        Points per body height, or None when no stretch has a pose figure.
    """
    from statistics import median

    from ..figure.shapes import fit_scale

    scales = [fit_scale(ctx.geometry(i.stretch.figure), w, h)
              for i, (w, h) in zip(items, boxes) if not i.stretch.image]
    if not scales:
        return None
    return max(min(scales), OUTLIER_SHARE * median(scales))


def draw_stretch_figure(c, ctx: RenderContext, item: PlannedStretch, x: float, y: float,
                        w: float, h: float, mirrored: bool = False, scale: float | None = None) -> None:
    """Draws the stretch's pose figure (or its photo) centred in the box at (x, y, w, h): fitted
    to it, or at `scale` (from `shared_figure_scale`, so it matches the page's other figures)
    where it fits the box at that scale, else at its own fit."""
    if w <= 1 or h <= 1:
        return
    if item.stretch.image:
        _draw_photo(c, ctx, item.stretch.image, x, y, w, h)
        return
    from ..figure.backend_rl import draw
    from ..figure.shapes import fit_scale

    geometry = ctx.geometry(item.stretch.figure, mirrored)
    draw(c, geometry, x, y, w, h, grayscale=ctx.grayscale,
         scale=None if scale is None else min(scale, fit_scale(geometry, w, h)))


def _draw_photo(c, ctx: RenderContext, path: str, x: float, y: float, w: float, h: float) -> None:
    """Draws the prepared photo centred in the box, warning (PhotoWarning) if it prints blurred.

    The photo is prepared from the file each time (upright, cropped, gray for a grayscale page)
    and drawn from its pixels, so the PDF bytes depend on the picture, not on file names or dates.
    A warning, not state on the context, because only the drawing code knows the box size and
    the context stays immutable; `api.recorded_warnings` collects them for the caller.
    """
    import warnings

    from reportlab.lib.utils import ImageReader

    from ..photo import PhotoWarning, fit, prepare, resolution_warning

    photo = prepare(path, grayscale=ctx.grayscale)
    blurred = resolution_warning(photo, w, h)
    if blurred:
        warnings.warn(PhotoWarning(blurred), stacklevel=2)
    dw, dh = fit(photo, w, h)
    c.drawImage(ImageReader(photo.image()), x + (w - dw) / 2, y + (h - dh) / 2, dw, dh,
                mask="auto")
