"""Which characters the embedded font can print, checked before a title or a step reaches a page.

A TrueType font draws a character it lacks as an empty box (its `.notdef` glyph), silently. The
pages use Bitstream Vera and Vera Bold, which cover Latin-1, some of Latin Extended-A and common
punctuation, so emoji or Cyrillic would print as boxes; stretchcard refuses them instead, naming
the character, while the text is still in a file or on the command line where it can be fixed.

The table is measured from the fonts once and kept here, so checking text (which every catalog
load does) never imports ReportLab: `stretchcard list` stays fast. `measure()` reads the fonts
again; a test keeps the two equal.
"""

from __future__ import annotations

import bisect

# Inclusive code point ranges that both Vera.ttf and VeraBd.ttf map to a real glyph.
PRINTABLE: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E), (0xA0, 0xFF), (0x106, 0x107), (0x10C, 0x10D), (0x111, 0x111), (0x11E, 0x11F),
    (0x130, 0x131), (0x141, 0x142), (0x152, 0x153), (0x15E, 0x161), (0x178, 0x178),
    (0x17D, 0x17E), (0x192, 0x192), (0x2C6, 0x2C7), (0x2D8, 0x2DD), (0x3A9, 0x3A9),
    (0x3C0, 0x3C0), (0x2013, 0x2014), (0x2018, 0x201A), (0x201C, 0x201E), (0x2020, 0x2022),
    (0x2026, 0x2026), (0x2030, 0x2030), (0x2039, 0x203A), (0x20AC, 0x20AC), (0x2122, 0x2122),
    (0x2202, 0x2202), (0x2206, 0x2206), (0x220F, 0x220F), (0x2211, 0x2212), (0x2215, 0x2215),
    (0x2219, 0x221A), (0x221E, 0x221E), (0x222B, 0x222B), (0x2248, 0x2248), (0x2260, 0x2260),
    (0x2264, 0x2265), (0x25CA, 0x25CA), (0xFB01, 0xFB02),
)
FONT_FILES = ("Vera.ttf", "VeraBd.ttf")
_STARTS = [low for low, _ in PRINTABLE]


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


def problem(text: str) -> str | None:
    """A one-line complaint naming the characters `text` cannot be printed with, or None."""
    bad = unprintable(text)
    if not bad:
        return None
    shown = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in bad[:3])
    more = f" and {len(bad) - 3} more" if len(bad) > 3 else ""
    return f"cannot print {shown}{more} with the built-in font"


def measure() -> tuple[tuple[int, int], ...]:
    """Reads the fonts shipped with ReportLab and returns the ranges both of them cover."""
    from pathlib import Path

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTFontFile

    font_dir = Path(rl_config.__file__).resolve().parent / "fonts"
    covered = None
    for name in FONT_FILES:
        cmap = TTFontFile(str(font_dir / name)).charToGlyph
        codes = {code for code, glyph in cmap.items() if glyph}
        covered = codes if covered is None else covered & codes
    ranges: list[list[int]] = []
    for code in sorted(covered or ()):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return tuple((low, high) for low, high in ranges)
