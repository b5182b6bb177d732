"""What a PDF depends on, as one digest: the same digest means the same bytes.

Output is deterministic, so a render can be skipped when its digest is unchanged: a batch
skips files it made before (`--skip-unchanged`), and `build` answers from the user's cache
(pdfgen/cache.py). The digest covers everything `api.render` reads: the plan (every stretch's
text and dose), the safety text, the figure and photo files' bytes, the layout, paper and print
options, the clinic profile with its logo, the patient fields, and the program (its version,
its own source files via the cache, and the installed ReportLab).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .branding import Clinic
    from .layouts.context import PatientFields
    from .library import Catalog
    from .model import Plan


def render_digest(catalog: Catalog, plan: Plan, layout: str, paper: str, *,
                  grayscale: bool = False, large_print: bool = False,
                  clinic: Clinic | None = None, fields: PatientFields | None = None,
                  per_page: int = 0, font=None) -> str:
    """The digest of one render's inputs (hex); a user's font counts by its files' bytes."""
    from .version import VERSION

    h = hashlib.sha256(f"{VERSION}|{_reportlab_stamp()}|{environment_inputs()}|{layout}|"
                       f"{paper}|{grayscale}|{large_print}|{per_page}|".encode())
    for value in (plan, catalog.safety, fields, clinic):
        h.update(canonical(value).encode() + b"\0")
    if clinic is not None and clinic.logo is not None:
        h.update(clinic.logo.png)
    for fid in sorted({i.stretch.figure for i in plan.items if not i.stretch.image}):
        h.update(_file_digest(catalog.figures[fid]))
    for image in sorted({i.stretch.image for i in plan.items if i.stretch.image}):
        h.update(_file_digest(Path(image)))
    if font is not None:
        h.update(_file_digest(font.regular) + _file_digest(font.bold))
    return h.hexdigest()


def environment_inputs() -> str:
    """The environment variables that change a PDF's bytes: SOURCE_DATE_EPOCH (ReportLab dates
    the file from it) and ReportLab's own RL_* settings."""
    import os

    return json.dumps(sorted((k, v) for k, v in os.environ.items()
                             if k == "SOURCE_DATE_EPOCH" or k.startswith("RL_")))


def canonical(value: Any) -> str:
    """Stable text for a frozen dataclass: sets sorted, so it is the same in every process
    (the repr of a frozenset follows the per-process string hash seed)."""
    def plain(obj):
        if isinstance(obj, (set, frozenset)):
            return sorted(obj)
        return str(obj)

    data = asdict(value) if is_dataclass(value) else value
    if isinstance(data, dict):
        data.pop("logo", None)        # bytes: hashed on their own
    return json.dumps(data, sort_keys=True, default=plain)


def _file_digest(path: Path) -> bytes:
    """A figure or photo's bytes, through the guarded reader; a file that cannot be read gives
    its reason instead (the render itself then reports it)."""
    from .infile import FileRefused, read_regular

    try:
        return hashlib.sha256(read_regular(path, 64 * 1024 * 1024)).digest()
    except FileRefused as exc:
        return exc.reason.encode()


def _reportlab_stamp() -> str:
    """The installed ReportLab, found without importing it (that is what a cache hit saves)."""
    from importlib.util import find_spec

    spec = find_spec("reportlab")
    if spec is None or spec.origin is None:
        return "none"
    stat = Path(spec.origin).stat()
    return f"{spec.origin}|{stat.st_size}|{stat.st_mtime_ns}"
