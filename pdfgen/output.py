"""Writing files so that a failure never leaves a partial or stale file behind."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from .errors import OutputError


def slug(text: str, max_len: int = 60) -> str:
    """A file-name-safe form of a title: ascii, lowercase, words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:max_len].strip("-") or "routine"


def write_atomic(path: Path, data: bytes) -> Path:
    """Writes `data` to `path` through a temporary file in the same folder, then renames it.

    The rename is atomic on one file system, so a reader sees the old file or the whole new one,
    and an interrupted write leaves at most a hidden temporary file that is removed on error.

    Raises:
        OutputError: the folder is missing or read-only, or `path` is a directory.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory; give a file name ending in .pdf")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None
        raise
    return path
