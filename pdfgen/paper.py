"""Paper sizes and printer-safe margins, defined here rather than taken from ReportLab.

ReportLab's HALF_LETTER is 5.5 x 8 in; real half-letter is 5.5 x 8.5 in, so every size is
spelled out in points (1 in = 72 pt, 1 mm = 72 / 25.4 pt).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

MM = 72 / 25.4
INCH = 72.0
SHEET_MARGIN = 10 * MM
CARD_MARGIN = 6 * MM


@dataclass(frozen=True)
class Paper:
    """A sheet in portrait orientation, with the margin no home printer can print into."""

    name: str
    label: str
    width: float
    height: float
    card: bool = False

    @property
    def margin(self) -> float:
        return CARD_MARGIN if self.card else SHEET_MARGIN

    @property
    def size(self) -> tuple[float, float]:
        return (self.width, self.height)

    def describe(self) -> str:
        if self.label.endswith("in"):
            return self.label
        return f"{self.label} ({self.width / MM:.0f} x {self.height / MM:.0f} mm)"


PAPERS: dict[str, Paper] = {p.name: p for p in (
    Paper("letter", "US Letter 8.5 x 11 in", 8.5 * INCH, 11 * INCH),
    Paper("a4", "A4", 210 * MM, 297 * MM),
    Paper("legal", "US Legal 8.5 x 14 in", 8.5 * INCH, 14 * INCH),
    Paper("tabloid", "Tabloid 11 x 17 in", 11 * INCH, 17 * INCH),
    Paper("a3", "A3", 297 * MM, 420 * MM),
    Paper("a5", "A5", 148 * MM, 210 * MM),
    Paper("half-letter", "Half letter 5.5 x 8.5 in", 5.5 * INCH, 8.5 * INCH),
    Paper("a6", "A6", 105 * MM, 148 * MM, card=True),
    Paper("index-4x6", "Index card 4 x 6 in", 4 * INCH, 6 * INCH, card=True),
    Paper("index-5x8", "Index card 5 x 8 in", 5 * INCH, 8 * INCH, card=True),
)}

# Sizes a person may ask for that no layout can hold, each with the reason: a 3 x 5 in card
# has no room for the red flags on its back at 9 pt beside even one stretch's cautions.
NOT_OFFERED = {"index-3x5": "a 3 x 5 in card is too small to hold the red flags at a readable "
                            "size; use index-4x6 (a card) or a5 (a handout)"}


def paper(name: str) -> Paper:
    """Looks up a paper by name ("a4", "Letter", "index 4x6").

    Raises:
        ValueError: naming the known papers, with the closest one as a suggestion.
    """
    key = str(name).strip().lower().replace("_", "-").replace(" ", "-")
    if key in PAPERS:
        return PAPERS[key]
    if f"index-{key}" in PAPERS:
        return PAPERS[f"index-{key}"]
    for missing in (key, f"index-{key}"):
        if missing in NOT_OFFERED:
            raise ValueError(f"paper {name!r} is not offered: {NOT_OFFERED[missing]}")
    close = difflib.get_close_matches(key, list(PAPERS), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise ValueError(f"unknown paper {name!r}{hint} (known: {', '.join(PAPERS)})")


# The next sizes up in the same family, the handiest first: Legal (a Letter 3 in longer, in
# the same printer tray) before Tabloid (two Letters); each ISO size is two of the one before.
_LARGER = {"half-letter": ("letter",), "letter": ("legal", "tabloid"), "a5": ("a4",),
           "a4": ("a3",)}


def larger(sheet: Paper) -> tuple[Paper, ...]:
    """The larger sheets of the same family to try instead, in order; none for the largest."""
    return tuple(PAPERS[name] for name in _LARGER.get(sheet.name, ()))
