"""Re-rendering a figure each time its file is saved, for an author posing it by hand.

Writing a pose is trial and error: change an angle, look, change it again. `watch` polls the
file's content (not its time stamp, which some editors and synced folders keep) and runs one
`render_step` per change: load, check the facts, write the PNG, report. A save that does not
load keeps the last good picture on disk, so the viewer beside the editor never goes blank while
the author is half-way through a change.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Callable

from ..infile import FileRefused, read_regular
from ..output import write_atomic
from ..yamlread import MAX_FILE_BYTES
from .export import figure_bytes
from .facts import check_facts
from .load import load_figure
from .yamlnodes import FigureError

POLL_S = 0.3  # seconds between looks at the file: a save shows within a blink


def file_digest(path: Path) -> str:
    """The file's content as a short digest; a file that cannot be read gives its reason
    instead, so that going missing (or coming back) also counts as a change."""
    try:
        return hashlib.sha256(read_regular(path, MAX_FILE_BYTES)).hexdigest()
    except FileRefused as exc:
        return f"unreadable: {exc}"


def render_step(path: Path, out: Path, size: int = 600, grayscale: bool = False) -> tuple[str, ...]:
    """One save of the figure file: load and solve it, check its facts, write the PNG to `out`.

    Args:
        path: the figure file being edited.
        out: the PNG to (re)write; its folder is made if needed.
        size: the PNG's width and height in pixels.
        grayscale: draw without colour.

    Returns:
        The lines to show the author: "rendered ..." followed by each failing fact, or a single
        "not rendered ..." line with the load error (the PNG from the last good save stays).
    """
    try:
        spec = load_figure(path)
    except FigureError as exc:
        return (f"not rendered, {out} keeps the last good pose: {exc}",)
    failing = check_facts(spec)
    write_atomic(out, figure_bytes(spec, "png", size, grayscale), make_folder=True)
    if not spec.facts:
        verdict = "no checks to run"
    elif failing:
        verdict = f"{len(failing)} of {len(spec.facts)} checks fail"
    else:
        verdict = f"all {len(spec.facts)} checks hold"
    return (f"rendered {out}: {verdict}", *(f"  check failed: {line}" for line in failing))


def watch(path: Path, out: Path, report: Callable[[str], None], size: int = 600,
          grayscale: bool = False) -> None:
    """Runs `render_step` now and after every change to the file's content, until interrupted.

    Never returns: Ctrl-C (a KeyboardInterrupt) is how the author ends it, and the caller turns
    that into the usual exit code.
    """
    seen = None
    while True:
        digest = file_digest(path)
        if digest != seen:
            seen = digest
            for line in render_step(path, out, size, grayscale):
                report(line)
        time.sleep(POLL_S)
