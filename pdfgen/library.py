"""The loaded library: what a `Catalog` holds and how it answers lookups.

Kept apart from the parsing in catalog.py so that a catalog read back from the cache (see
cache.py) needs neither YAML nor the checking code.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .model import Condition, Routine, SafetyRules, Stretch


@dataclass(frozen=True)
class Catalog:
    """Everything the planner and layouts may refer to, already checked for consistency."""

    stretches: dict[str, Stretch]
    conditions: dict[str, Condition]
    safety: SafetyRules
    routines: dict[str, Routine]
    figures: dict[str, Path]
    warnings: tuple[str, ...] = field(default=())
    broken_routines: dict[str, str] = field(default_factory=dict)

    def stretch(self, stretch_id: str) -> Stretch:
        try:
            return self.stretches[stretch_id]
        except KeyError:
            raise KeyError(unknown_message("stretch", stretch_id, self.stretches)) from None

    def routine(self, routine_id: str) -> Routine:
        try:
            return self.routines[routine_id]
        except KeyError:
            raise KeyError(unknown_message("routine", routine_id, self.routines)) from None

    def condition(self, text: str) -> Condition:
        """Finds a condition by id, name or alias ("sciatica", "pregnant")."""
        key = " ".join(str(text).lower().replace("_", " ").replace("-", " ").split())
        for cond in self.conditions.values():
            names = {cond.id.replace("-", " "), cond.name.lower(), *(a.lower() for a in cond.aliases)}
            if key in names:
                return cond
        raise KeyError(unknown_message("condition", str(text), self.conditions))


def unknown_message(kind: str, given: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(given, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(known)})"
    return f"unknown {kind} {given!r}{hint}"
