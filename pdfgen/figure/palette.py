"""Colours for each tone, for colour and grayscale printing, and the WCAG contrast helper.

The tones are chosen against WCAG 2 relative luminance on white paper: near limbs >= 7:1 (they
carry the pose), far limbs, highlight and arrows >= 3:1, highlight vs near limb >= 3:1, far vs
near >= 2:1 (so depth reads), ghost < 2:1 (so the earlier pose stays in the background; it is
drawn as a hollow outline, so it cannot pass for a grey far limb or the grey target). In
grayscale the highlight is lighter than every limb AND striped, so it never relies on colour.
"""

from __future__ import annotations

from dataclasses import dataclass

TONES = ("near", "far", "ghost", "highlight", "arrow", "prop", "prop_line", "gap")


@dataclass(frozen=True)
class Palette:
    """One hex colour (#rrggbb) per tone."""

    near: str
    far: str
    ghost: str
    highlight: str
    arrow: str
    prop: str
    prop_line: str
    gap: str

    def colour(self, tone: str) -> str:
        """The colour of a tone name."""
        return getattr(self, tone)


def palette(grayscale: bool = False) -> Palette:
    """The palette for colour or grayscale output."""
    # Each tone sits near the light end its contrast rule allows, because toner is what a clinic
    # pays for: a near limb at ~12:1 reads as black on paper, and a mat patch at ~7% grey still
    # says "floor" while the body carries the picture.
    if grayscale:
        return Palette(near="#333333", far="#686868", ghost="#c4c4c4", highlight="#8f8f8f",
                       arrow="#444444", prop="#eeeeee", prop_line="#9a9a9a", gap="#ffffff")
    return Palette(near="#2e3a46", far="#7d8996", ghost="#b4bfcb", highlight="#e8590c",
                   arrow="#1864ab", prop="#ebeff3", prop_line="#95a1ad", gap="#ffffff")


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """#rrggbb -> (r, g, b) in 0..255."""
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    lin = []
    for c in rgb(hex_colour):
        v = c / 255
        lin.append(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1..21 (order does not matter)."""
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)
