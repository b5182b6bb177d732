"""Which characters the embedded font can print, checked before a title or a step reaches a page.

A TrueType font draws a character it lacks as an empty box (its `.notdef` glyph), silently. The
pages use DejaVu Sans and its bold (`pdfgen/fonts/`), which cover Latin with all its extensions
(Vietnamese too), Greek and Cyrillic, so a name like "Antonín Dvořák" or "Nguyễn" prints; what
they lack (CJK, Arabic, emoji) would print as boxes, so stretchcard refuses it instead, naming
the character, while the text is still in a file or on the command line where it can be fixed.
A user's TrueType font (`--font`, a `Typeface`) prints what DejaVu Sans lacks: each line is
drawn in runs, DejaVu Sans where it has the glyph, the user's font where not. Right-to-left
letters (Arabic, Hebrew) stay refused even in a font that has them: ReportLab neither
reverses nor joins them, so they would print as wrong words.

The table is measured from the fonts once and kept here, so checking text (which every catalog
load does) never imports ReportLab: `stretchcard list` stays fast. `measure()` reads the fonts
again; a test keeps the two equal.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# Inclusive code point ranges that both page fonts map to a real glyph.
PRINTABLE: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2E9), (0x2EC, 0x2EE), (0x2F3, 0x2F3), (0x2F7, 0x2F7),
    (0x300, 0x34F), (0x351, 0x353), (0x357, 0x358), (0x35A, 0x35A), (0x35C, 0x362), (0x370, 0x377),
    (0x37A, 0x37F), (0x384, 0x38A), (0x38C, 0x38C), (0x38E, 0x3A1), (0x3A3, 0x525),
    (0x1E00, 0x1EFB), (0x1F00, 0x1F15), (0x1F18, 0x1F1D), (0x1F20, 0x1F45), (0x1F48, 0x1F4D),
    (0x1F50, 0x1F57), (0x1F59, 0x1F59), (0x1F5B, 0x1F5B), (0x1F5D, 0x1F5D), (0x1F5F, 0x1F7D),
    (0x1F80, 0x1FB4), (0x1FB6, 0x1FC4), (0x1FC6, 0x1FD3), (0x1FD6, 0x1FDB), (0x1FDD, 0x1FEF),
    (0x1FF2, 0x1FF4), (0x1FF6, 0x1FFE), (0x2000, 0x200A), (0x2010, 0x2027), (0x202F, 0x205F),
    (0x20A0, 0x20B5), (0x20B8, 0x20BA), (0x20BD, 0x20BD), (0x2100, 0x2109), (0x210B, 0x2149),
    (0x214B, 0x214B), (0x214E, 0x214E), (0x2150, 0x2185), (0x2189, 0x2189), (0x2190, 0x22FF),
    (0x25A0, 0x25FF), (0x2701, 0x2704), (0x2706, 0x2709), (0x270C, 0x2727), (0x2729, 0x274B),
    (0x274D, 0x274D), (0x274F, 0x2752), (0x2756, 0x2756), (0x2758, 0x275E), (0x2761, 0x2794),
    (0x2798, 0x27AF), (0x27B1, 0x27BE), (0xFB00, 0xFB06),
)
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
RIGHT_TO_LEFT = frozenset({"R", "AL"})   # letters a left-to-right layout would print backwards
_STARTS = [low for low, _ in PRINTABLE]


def one_line(text: str) -> str:
    """Text as it is printed: composed (NFC, so "ř" typed as r and a combining caron uses the
    font's own "ř"), every run of whitespace one space, no space at the ends."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def printable(ch: str) -> bool:
    """True when the page fonts have a glyph for `ch` (one character)."""
    code = ord(ch)
    k = bisect.bisect_right(_STARTS, code) - 1
    return k >= 0 and code <= PRINTABLE[k][1]


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` the page fonts cannot draw, in order of appearance."""
    if text.isascii() and text.isprintable():  # the common case, and all of it is covered
        return []
    return list(dict.fromkeys(ch for ch in text if not printable(ch)))


def problem(text: str, font: "Typeface | None" = None, offer_font: bool = True) -> str | None:
    """A one-line complaint naming the characters `text` cannot be printed with (in the
    built-in fonts, with a user's fallback `font` if given), or None; `offer_font` points to
    `--font` (not for content, which every page prints in the built-in fonts)."""
    bad = unprintable(text) if font is None else font.missing(text)
    if not bad:
        return None
    shown = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in bad[:3])
    more = f" and {len(bad) - 3} more" if len(bad) > 3 else ""
    if font is None:
        hint = "; --font FILE takes a TrueType font that has it" if offer_font else ""
        return f"cannot print {shown}{more} with the built-in font{hint}"
    return f"cannot print {shown}{more} with the built-in font or {font.regular.name}"


@dataclass(frozen=True)
class Typeface:
    """A user's TrueType font (`--font`) and its bold, which print what DejaVu Sans lacks, with
    the characters both faces can draw."""

    regular: Path
    bold: Path
    covered: frozenset[int]

    def missing(self, text: str) -> list[str]:
        """The distinct characters of `text` that neither the built-in fonts nor this one can
        draw, in order of appearance."""
        return [ch for ch in unprintable(text) if ch.isspace() or ord(ch) not in self.covered]


def load_typeface(regular: Path | str, bold: Path | str | None = None) -> Typeface:
    """A user's TrueType font (and its bold; without one the regular face serves for both) for
    the characters DejaVu Sans lacks, read to learn which those are.

    Raises:
        ValueError: in one line, a file that is missing or that ReportLab cannot embed (an
            OpenType font with PostScript outlines, a collection, not a font at all).
    """
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

    paths = [Path(regular).expanduser(), Path(bold or regular).expanduser()]
    covered = None
    for path in paths:
        if not path.is_file():
            raise ValueError(f"font {str(path)!r}: no such file")
        try:
            cmap = TTFontFile(str(path)).charToGlyph
        except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise ValueError(f"font {path.name!r}: not a TrueType font stretchcard can embed "
                             f"({reason[:120]}); give a .ttf file") from None
        codes = {code for code, glyph in cmap.items()
                 if glyph and unicodedata.category(chr(code)) not in INVISIBLE
                 and unicodedata.bidirectional(chr(code)) not in RIGHT_TO_LEFT}
        covered = codes if covered is None else covered & codes
    return Typeface(paths[0].resolve(), paths[1].resolve(), frozenset(covered or ()))


def font_files() -> tuple[Path, Path]:
    """The regular and bold page font files, inside the package."""
    folder = Path(__file__).resolve().parent / "fonts"
    return tuple(folder / name for name in FONT_FILES)


def measure() -> tuple[tuple[int, int], ...]:
    """Reads the page fonts and returns the visible ranges both of them cover."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    covered = None
    for path in font_files():
        cmap = TTFontFile(str(path)).charToGlyph
        codes = {code for code, glyph in cmap.items() if glyph}
        covered = codes if covered is None else covered & codes
    # Controls, invisible format characters (zero-width, bidi overrides) and line separators
    # have glyphs in the font but nothing a reader should get: not printable.
    covered = {code for code in covered or () if unicodedata.category(chr(code)) not in INVISIBLE}
    ranges: list[list[int]] = []
    for code in sorted(covered):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return tuple((low, high) for low, high in ranges)
