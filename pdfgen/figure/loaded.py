"""Figures as loaded for drawing: each file parsed and solved once per process, and once per
version of the file across processes (through the user's cache, pdfgen/cache.py).

Kept apart from the parser, so that drawing a figure the cache already holds imports none of
the reading and solving code.
"""

from __future__ import annotations

from pathlib import Path

from .records import FigureSpec

# (resolved path, path as given: the spec records it) -> ((mtime_ns, size), spec)
_loaded: dict[tuple[Path, str], tuple[tuple[int, int], FigureSpec]] = {}


def load_figure_cached(path: Path) -> FigureSpec:
    """`load_figure`, done once per process for each version of a file.

    Parsing and solving a figure costs several milliseconds, and a batch renders many routines
    that share figures. A file is read again when its modification time or size changes. The
    spec is shared, not copied: it is frozen dataclasses and tuples all the way down.

    Raises:
        FigureError: as `load_figure` (errors are not remembered).
    """
    path = Path(path)
    try:
        st = path.stat()  # before reading, so an edit made meanwhile is seen on the next call
        key = (path.resolve(), str(path))
    except OSError:
        return _parse(path)  # raises the one-line FigureError for a missing file
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _loaded.get(key)
    if hit is None or hit[0] != stamp:
        hit = _loaded[key] = (stamp, _load_from_disk_cache(path))
    return hit[1]


def _load_from_disk_cache(path: Path) -> FigureSpec:
    """`load_figure`, answered from the user's cache when this exact file was solved before
    (keyed by its bytes, so a copy in a user's content folder shares the entry)."""
    import hashlib

    from ..cache import cached

    from ..infile import FileRefused, read_regular
    from ..yamlread import MAX_FILE_BYTES
    from .records import FigureSpec

    try:
        digest = hashlib.sha256(read_regular(path, MAX_FILE_BYTES)).hexdigest()
    except FileRefused:
        return _parse(path)  # raises the one-line FigureError
    return cached("figure", f"{path}|{digest}", lambda: _parse(path),
                  lambda value: isinstance(value, FigureSpec))


def _parse(path: Path) -> FigureSpec:
    from .load import load_figure

    return load_figure(path)
