"""Clinic profiles: the clinic's name, contact details, website and logo, from a TOML file.

The logo is opened and prepared with Pillow when the profile is loaded, so a missing, corrupt
or enormous image is reported before anything is drawn, naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    logo: "Logo | None" = field(default=None, compare=False)
    path: str = ""
