"""A per-user cache of parsed content, so a command does not re-read YAML on every run.

Reading and checking the library and solving the pose figures takes far longer than drawing a
poster. The result depends only on the files, so it is kept, pickled, under a key made from
every content and figure file's path, size and modification time, the program's own source
files and the Python version. Any edit changes the key; the old entry is simply never read
again. A cache that cannot be read or written is ignored: it only ever saves time.

The folder is STRETCHCARD_CACHE, else $XDG_CACHE_HOME/stretchcard (~/.cache/stretchcard);
STRETCHCARD_CACHE=off turns it off.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Callable, Iterable, TypeVar

CACHE_ENV = "STRETCHCARD_CACHE"
MAX_FILES = 5000          # a content folder bigger than this is not worth fingerprinting
KEEP = 200                # entries of a kind kept; older ones go when a new one is written

T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is off."""
    setting = os.environ.get(CACHE_ENV, "").strip()
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    from .paths import user_dir

    base = user_dir("XDG_CACHE_HOME", ".cache")
    return base / "stretchcard" if base else None


@functools.lru_cache(maxsize=1)
def code_signature() -> str:
    """The program's own source files (path, size, time): an edit to the code that reads
    content must not be answered from entries the old code made."""
    from . import __version__

    h = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for path, size, mtime in _walk(Path(__file__).resolve().parent):
        h.update(f"\0{path}\0{size}\0{mtime}".encode())
    return h.hexdigest()


def folder_signature(folders: Iterable[Path]) -> str | None:
    """Every file under `folders` by path, size and modification time; None if there are too
    many to be worth it."""
    h = hashlib.sha256()
    count = 0
    for folder in folders:
        h.update(f"\0{folder}".encode())
        for path, size, mtime in _walk(Path(folder)):
            count += 1
            if count > MAX_FILES:
                return None
            h.update(f"\0{path}\0{size}\0{mtime}".encode())
    return h.hexdigest()


def _walk(folder: Path):
    """Every file under `folder` (links followed, as the loaders follow them), in a stable order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from _walk(Path(entry.path))
            else:
                st = entry.stat()
                yield entry.path, st.st_size, st.st_mtime_ns
        except OSError:
            continue


def cached(kind: str, inputs: str | None, make: Callable[[], T]) -> T:
    """`make()`'s result for `inputs` (a text that changes whenever the result would), from
    the cache when it holds one. `inputs` None means: do not cache.

    Exceptions from `make` are never cached: bad content is reported on every run.
    """
    folder = cache_dir()
    if folder is None or inputs is None or not _private(folder):
        return make()
    key = hashlib.sha256(f"{kind}|{code_signature()}|{inputs}".encode()).hexdigest()[:40]
    entry = folder / f"{kind}-{key}.pickle"
    try:
        with open(entry, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError):
        pass
    value = make()
    _store(folder, entry, value)
    return value


def _private(folder: Path) -> bool:
    """Creates the folder for this user alone, and uses it only if it is.

    Entries are pickles, and loading a pickle can run code: a folder anyone else can write to
    (a shared STRETCHCARD_CACHE, say) is ignored rather than trusted.
    """
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return mine and not info.st_mode & 0o022


def _store(folder: Path, entry: Path, value) -> None:
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.name}.", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
        _prune(folder, entry.name.split("-", 1)[0])
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass


def _prune(folder: Path, kind: str) -> None:
    """Keeps the newest KEEP entries of a kind, so edits do not fill the disk."""
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns,
                     reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
