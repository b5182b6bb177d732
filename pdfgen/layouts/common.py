"""What every layout shares: fonts, colours, text measuring, badges, marks and the safety box.

Fonts are registered on first use, not at import, so `stretchcard --help` never pays for
ReportLab. Everything is drawn with the canvas API; measuring and drawing use the same
functions, so what the fitter measured is exactly what is printed.
"""

from __future__ import annotations

import functools
import re
from typing import Collection, Sequence

from ..model import Plan, PlannedStretch, format_seconds

REGULAR = "SC-Sans"
BOLD = "SC-Sans-Bold"

INK = (0.07, 0.09, 0.12)
WHITE = (1.0, 1.0, 1.0)
# The two kinds of red flag, which every layout sets apart by shape and weight as well as colour.
EMERGENCY, URGENT = "emergency", "urgent"
MUTED = (0.30, 0.33, 0.38)
ACCENT = (0.12, 0.23, 0.37)        # number discs, rules: 11:1 on white, reads as near-black in gray
BADGE_FILL = (0.88, 0.92, 0.96)
CAUTION_FILL = (0.98, 0.76, 0.18)
BOX_LINE = (0.62, 0.66, 0.72)
STOP_FILL = (0.99, 0.94, 0.93)
STOP_LINE = (0.70, 0.13, 0.11)


FALLBACK = {REGULAR: "SC-Fallback", BOLD: "SC-Fallback-Bold"}   # a user's --font, by face
_REGISTERED: list = []    # the fallback Typeface (or None) registered now, once fonts are


def register_fonts(fallback=None) -> tuple[str, str]:
    """Registers the page fonts: DejaVu Sans and its bold (shipped in `pdfgen/fonts/`) as
    REGULAR and BOLD, and a user's `fallback` typeface (`--font`) for the characters they lack,
    all embedded in each PDF as subsets. Each is registered once; a change of fallback forgets
    every width measured before it, so no line is broken by another font's widths."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _REGISTERED and _REGISTERED[0] == fallback:
        return REGULAR, BOLD
    if not _REGISTERED:
        from ..glyphs import font_files

        regular, bold = font_files()
        pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
        pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                      boldItalic=BOLD)
    if fallback is not None:
        pdfmetrics.registerFont(TTFont(FALLBACK[REGULAR], str(fallback.regular)))
        pdfmetrics.registerFont(TTFont(FALLBACK[BOLD], str(fallback.bold)))
    for cache in (_advance_widths, _units, _wrapped, *_MEASURED):
        cache.cache_clear()
    _REGISTERED[:] = [fallback]
    return REGULAR, BOLD


_MEASURED: list = []    # caches of measured text, forgotten with the widths (see register_fonts)


def measured_cache(maxsize: int):
    """An lru_cache for a pure function of text measures (wrapped lines, heights), cleared
    whenever the fonts change, as the widths it was computed from are."""
    def decorate(fn):
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _MEASURED.append(cached)
        return cached
    return decorate


def text_width(text: str, font: str, size: float) -> float:
    """The width of `text` in points, to the last bit as ReportLab's stringWidth computes it in
    Python, but from cached sums (it was most of a poster's render time).

    ReportLab's optional C accelerator (rl_accel) rounds in another order; measuring here keeps
    line breaks from depending on whether it is installed.
    """
    return 0.001 * size * _units(text, font)


@functools.lru_cache(maxsize=None)
def _advance_widths(font: str) -> tuple[dict[int, float], float]:
    """The font's advance widths (1/1000 em) by code point, as ReportLab's stringWidth reads them,
    with a fallback font's widths for the characters the font lacks (drawn in the fallback).

    ReportLab adds these one by one for every string it measures, so a fitter that measures
    thousands of strings spends most of its time there. Summing them in another order, or a
    word at a time, gives the same float only because each width is a whole number of 1/65536
    units (font units x 1000/2048 for DejaVu), so every sum is exact; a font breaking that rule
    is refused here rather than allowed to move a line break.
    """
    from reportlab.pdfbase.pdfmetrics import getFont

    if not _REGISTERED:
        register_fonts()
    faces = [getFont(font).face] + ([getFont(FALLBACK[font]).face] if _REGISTERED[0] else [])
    widths: dict[int, float] = {}
    for face in reversed(faces):
        if not all((w * 65536).is_integer()
                   for w in [face.defaultWidth, *face.charWidths.values()]):
            raise ValueError(f"{face.name}: advance widths are not multiples of 1/65536, so sums "
                             "would round")
        widths.update(face.charWidths)
    return widths, faces[0].defaultWidth


@functools.lru_cache(maxsize=1 << 16)
def _units(text: str, font: str) -> float:
    """The sum of the characters' advance widths: stringWidth before it is scaled to the size."""
    widths, default = _advance_widths(font)
    return sum(widths.get(ord(ch), default) for ch in text)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Breaks text into lines no wider than `width`; a word longer than a line is split."""
    return list(_wrapped(text, font, size, width))


def splits_a_word(text: str, font: str, size: float, width: float) -> bool:
    """Whether `wrap` would have to break a word of `text` across lines at this width: a
    layout should rather choose another shape ("Supporte- / d back stretch" reads badly)."""
    return any(text_width(word, font, size) > width for word in text.split())


@functools.lru_cache(maxsize=1 << 14)
def _wrapped(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """`wrap`, remembered: a fitter wraps the same text at the same width for many grid shapes,
    and a batch repeats them across routines. A tuple, so no caller can change a cached answer.

    Each word is measured once and a line's width kept as a running sum; as the sums are
    exact (see `_advance_widths`), every decision equals measuring the whole trial line.
    """
    scale, space = 0.001 * size, _units(" ", font)  # scale * units: text_width's exact order
    lines: list[str] = []
    line: list[str] = []
    line_units = 0.0
    for word in text.split():
        trial = line_units + space + _units(word, font) if line else _units(word, font)
        if scale * trial <= width:
            line.append(word)
            line_units = trial
            continue
        if line:
            lines.append(" ".join(line))
        while text_width(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut] + "-", font, size) > width:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        line, line_units = [word], _units(word, font)
    if line:
        lines.append(" ".join(line))
    return tuple(lines)


def leading(size: float) -> float:
    return size * 1.16


def luminance_gray(r: float, g: float, b: float) -> float:
    """The gray a colour prints as (Rec. 709 weights), so a grayscale page keeps its contrast."""
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def new_canvas(buffer, page_size: tuple[float, float], plan: Plan, layout: str,
               grayscale: bool = False, fallback=None):
    """A canvas set up for reproducible, well-labelled output (fonts, metadata, invariant).

    With `grayscale`, every colour set on it is printed as its gray, so a clinic's black-only
    printer gets exactly what was checked on screen. With a user's `fallback` font, each
    string is drawn in runs: DejaVu Sans where it has the glyph, the fallback where not.
    """
    from reportlab.pdfgen.canvas import Canvas

    from ..version import VERSION

    class GrayCanvas(Canvas):
        def setFillColorRGB(self, r, g, b, alpha=None):
            self.setFillGray(luminance_gray(r, g, b), alpha)

        def setStrokeColorRGB(self, r, g, b, alpha=None):
            self.setStrokeGray(luminance_gray(r, g, b), alpha)

    base = GrayCanvas if grayscale else Canvas
    cls = base if fallback is None else _fallback_canvas(base, fallback)
    register_fonts(fallback)
    c = cls(buffer, pagesize=page_size, invariant=1, lang="en-US", pageCompression=1,
            initialFontName=REGULAR, initialFontSize=10)
    c.setTitle(plan.title)
    c.setAuthor("stretchcard")
    c.setCreator(f"stretchcard {VERSION} ({layout})")
    c.setSubject(f"Stretch routine, {format_seconds(plan.total_s)}: "
                 + ", ".join(a.title.lower() for a in plan.areas))
    c.setKeywords(", ".join(["stretching", "back pain", layout]
                            + [i.stretch.name for i in plan.items]))
    return c


def _fallback_canvas(base, fallback):
    """`base` drawing each string as runs of the page font and of `fallback` (for what DejaVu
    Sans lacks), each run advanced by the same widths the fitter measured; a character in
    neither font is an error naming it, never an empty box."""
    from ..errors import LayoutError
    from ..glyphs import printable, problem

    def runs(text: str) -> list[tuple[bool, str]]:
        out: list[tuple[bool, str]] = []
        for ch in text:
            own = printable(ch) or ch.isspace()
            if out and out[-1][0] == own:
                out[-1] = (own, out[-1][1] + ch)
            else:
                out.append((own, ch))
        return out

    class FallbackCanvas(base):
        def drawString(self, x, y, text, *args, **kw):
            complaint = problem(text, fallback)
            if complaint:
                raise LayoutError(f"this page {complaint}; use a font that has it")
            font, size = self._fontname, self._fontsize
            for own, part in runs(text):
                self.setFont(font if own else FALLBACK[font], size)
                base.drawString(self, x, y, part, *args, **kw)
                x += text_width(part, font, size)
            self.setFont(font, size)

        def drawCentredString(self, x, y, text, *args, **kw):
            self.drawString(x - text_width(text, self._fontname, self._fontsize) / 2, y, text)

        def drawRightString(self, x, y, text, *args, **kw):
            self.drawString(x - text_width(text, self._fontname, self._fontsize), y, text)

    return FallbackCanvas


# What the drawings' marks are, as `RenderContext.figure_marks` names them.
STACKED, SIDE_BY_SIDE, OUTLINE, ARROW = "stacked", "side by side", "outline", "arrow"


def figure_legend(grayscale: bool, marks: Collection[str]) -> str:
    """What the marks in these pictures mean, in one line (PEMAT-P item 25): only the marks
    they have (which of two phases, or the pale outline of a start pose, is the start; the
    arrow) and always the highlight (striped in grayscale, where it has no colour). Short
    enough for one line of a Letter or A4 poster."""
    which = " or ".join(side for mark, side in ((STACKED, "top"), (SIDE_BY_SIDE, "left"))
                        if mark in marks)
    starts = ([f"the {which} one of two"] if which else []) + (
        ["a pale outline"] if OUTLINE in marks else [])
    parts = [", or ".join(starts) + (", is" if len(starts) > 1 else " is") + " where you start"
             ] if starts else []
    if ARROW in marks:
        parts.append("the arrow is the move")
    parts.append("stripes are where you feel it" if grayscale else "orange is where you feel it")
    return "Pictures: " + "; ".join(parts) + "."


def dose_parts(item: PlannedStretch) -> tuple[str, ...]:
    """The dose in words a reader cannot misread, one sentence a part: ("Hold for 20 seconds.",
    "Do it 2 times on each side."), or a moving stretch's own count ("Roll to each side 5
    times."). No "s" or "2×" shorthand (PEMAT-P item 6), and a count even when it is once."""
    each = " on each side" if item.sides == 2 else ""
    if item.stretch.dose.dynamic:
        count = item.stretch.dose.count or "Do it {n} times" + each + ", slowly."
        return (count.replace("{n}", str(item.reps)),)
    return f"Hold for {item.hold_s} seconds.", f"Do it {_times(item.reps)}{each}."


def _times(reps: int) -> str:
    return "once" if reps == 1 else f"{reps} times"


def dose_text(item: PlannedStretch) -> str:
    """The dose as one line of sentences: "Hold for 20 seconds. Do it 2 times on each side."."""
    return " ".join(dose_parts(item))


# The one key a card prints when it needs `dose_short` (PEMAT-P item 6: no shorthand unexplained).
DOSE_KEY = "s = seconds, 2× = 2 times"


def dose_short(item: PlannedStretch) -> str:
    """The dose in the shorthand a small card may need, explained by DOSE_KEY: "Hold 20 s ·
    2× each side"; a moving stretch keeps its count in words."""
    if item.stretch.dose.dynamic:
        return dose_parts(item)[0]
    return f"Hold {item.hold_s} s · {item.reps}×{' each side' if item.sides == 2 else ''}"


def dose_brief(item: PlannedStretch) -> str:
    """The dose for a table cell, still in words: "Hold 20 seconds, 2 times each side"."""
    if item.stretch.dose.dynamic:
        return dose_parts(item)[0].rstrip(".")
    return f"Hold {item.hold_s} seconds, {_times(item.reps)}{' each side' if item.sides == 2 else ''}"


def draw_lines(c, lines: Sequence[str], x: float, top: float, font: str, size: float,
               color=INK) -> float:
    """Draws lines downward from `top` (the top of the first line); returns the new top."""
    c.setFillColorRGB(*color)
    c.setFont(font, size)
    lead = leading(size)
    y = top - size * 0.93
    for line in lines:
        c.drawString(x, y, line)
        y -= lead
    return top - lead * len(lines)


def draw_number(c, x: float, y: float, radius: float, number: int) -> None:
    """A filled disc with the stretch's number, centred on (x, y)."""
    c.setFillColorRGB(*ACCENT)
    c.circle(x, y, radius, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    size = radius * 1.25
    c.setFont(BOLD, size)
    c.drawCentredString(x, y - size * 0.36, str(number))


def wrap_parts(parts: Sequence[str], sep: str, font: str, size: float, width: float) -> list[str]:
    """Parts joined by `sep` on as few lines as fit, broken only between parts ("Hold 20 s" ·
    "2x each side"), so no line ends on a dangling separator; a part too long for a line of
    its own is wrapped by word."""
    lines: list[str] = []
    for part in (p for p in parts if p):
        joined = f"{lines[-1]}{sep}{part}" if lines else part
        if lines and text_width(joined, font, size) <= width:
            lines[-1] = joined
        else:
            lines.extend(wrap(part, font, size, width))
    return lines


def badge_lines(text: str, size: float, max_width: float) -> list[str]:
    """The dose label's lines: one if it fits, else broken between its sentences (and within
    one only where a sentence alone is wider than the label)."""
    return wrap_parts(sentences(text), " ", BOLD, size, max_width - 2 * size * 0.45) or [""]


def sentences(text: str) -> list[str]:
    """The text cut after each full stop that ends a sentence."""
    return re.split(r"(?<=\.) ", text)


def draw_badge(c, x: float, top: float, text: str, size: float, max_width: float) -> float:
    """A rounded tinted label for the dose, no wider than `max_width`; returns its height."""
    pad = size * 0.45
    lines = badge_lines(text, size, max_width)
    width = min(max_width, max(text_width(line, BOLD, size) for line in lines) + 2 * pad)
    height = badge_height(size, text, max_width)
    c.setFillColorRGB(*BADGE_FILL)
    c.setStrokeColorRGB(*ACCENT)
    c.setLineWidth(0.75)
    c.roundRect(x, top - height, width, height, (size + 2 * pad * 0.8) * 0.3, stroke=1, fill=1)
    c.setFillColorRGB(*INK)
    c.setFont(BOLD, size)
    for k, line in enumerate(lines):
        c.drawString(x + pad, top - pad * 0.8 - size * 0.8 - k * leading(size), line)
    return height


def badge_height(size: float, text: str = "", max_width: float = float("inf")) -> float:
    """The height draw_badge takes for `text` in `max_width` (one line when not given)."""
    extra = len(badge_lines(text, size, max_width)) - 1 if text else 0
    return size + 2 * size * 0.45 * 0.8 + leading(size) * extra


def draw_caution_mark(c, x: float, top: float, size: float) -> None:
    """A warning triangle with "!" whose meaning survives grayscale printing: shape plus sign."""
    h = size * 0.95
    w = h * 1.1
    base = top - h
    p = c.beginPath()
    p.moveTo(x, base)
    p.lineTo(x + w, base)
    p.lineTo(x + w / 2, top)
    p.close()
    c.setFillColorRGB(*CAUTION_FILL)
    c.setStrokeColorRGB(*INK)
    c.setLineWidth(0.6)
    c.drawPath(p, stroke=1, fill=1)
    # The "!" is drawn, not typed: it is a sign, and text extraction should not read it.
    c.setFillColorRGB(*INK)
    bar_w = max(h * 0.12, 0.8)
    c.rect(x + w / 2 - bar_w / 2, base + h * 0.36, bar_w, h * 0.36, stroke=0, fill=1)
    c.circle(x + w / 2, base + h * 0.2, bar_w * 0.6, stroke=0, fill=1)


def caution_mark_width(size: float) -> float:
    return size * 0.95 * 1.1 + size * 0.35
