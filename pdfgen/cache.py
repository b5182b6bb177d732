"""A per-user cache of parsed content, solved figures and finished PDFs.

Reading and checking the library and solving the pose figures takes far longer than drawing a
poster. The result depends only on the inputs, so it is kept, pickled, under a key made from
the bytes of every content and figure file (a digest, not the size and time, which `cp -p`,
`rsync -t` or tar keep across an edit), the program's own source files and the Python version.
Any edit changes the key; the old entry is simply never read again.

An entry is trusted only as far as it can be checked: it carries a digest of its own bytes,
is read through the guarded reader (a FIFO or a huge file is never waited on), and must hold
the kind of value asked for. Anything else, a damaged, truncated, foreign or wrong-typed entry,
is a miss that rebuilds it. A cache that cannot be read or written is ignored: it only ever
saves time.

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
from typing import Any, Callable, Iterable, TypeVar

CACHE_ENV = "STRETCHCARD_CACHE"
MAX_FILES = 5000          # a content folder bigger than this is not worth fingerprinting
MAX_FILE_BYTES = 64 * 1024 * 1024   # of one input file hashed for the key (a photo at most)
MAX_ENTRY_BYTES = 256 * 1024 * 1024
KEEP = 200                # entries of a kind kept; older ones go when a new one is written
MAGIC = b"stretchcard-cache-1\n"

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
    """The program's own source files, by content: an edit to the code that reads content must
    not be answered from entries the old code made."""
    from .version import VERSION

    h = hashlib.sha256(f"{VERSION}|{sys.version}".encode())
    _hash_files(h, Path(__file__).resolve().parent)
    return h.hexdigest()


def folder_signature(folders: Iterable[Path]) -> str | None:
    """Every file under `folders` by path and content digest; None if there are too many to be
    worth it."""
    h = hashlib.sha256()
    for folder in folders:
        h.update(f"\0{folder}".encode())
        if not _hash_files(h, Path(folder)):
            return None
    return h.hexdigest()


def _hash_files(h, folder: Path) -> bool:
    """Adds every file under `folder` (path and bytes) to `h`; False past MAX_FILES.

    A file that is not regular (a FIFO, say) or cannot be read adds only its name and why, so
    the key still changes when it does, and nothing blocks.
    """
    from .infile import FileRefused, read_regular

    for count, path in enumerate(_walk(folder), 1):
        if count > MAX_FILES:
            return False
        try:
            digest = hashlib.sha256(read_regular(path, MAX_FILE_BYTES)).hexdigest()
        except FileRefused as exc:
            digest = exc.reason
        h.update(f"\0{path}\0{digest}".encode())
    return True


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
                yield entry.path
        except OSError:
            continue


def cached(kind: str, inputs: str | None, make: Callable[[], T],
           valid: Callable[[Any], bool]) -> T:
    """`make()`'s result for `inputs` (a text that changes whenever the result would), from
    the cache when it holds a sound entry. `inputs` None means: do not cache.

    `valid` says whether a loaded value is of the kind `make` returns; an entry that fails it,
    or its digest, or unpickling, is rebuilt. Exceptions from `make` are never cached: bad
    content is reported on every run.
    """
    folder = cache_dir()
    if folder is None or inputs is None or not _private(folder):
        return make()
    key = hashlib.sha256(f"{kind}|{code_signature()}|{inputs}".encode()).hexdigest()[:40]
    entry = folder / f"{kind}-{key}.pickle"
    value = _load(entry)
    if value is not _MISS and valid(value):
        return value
    value = make()
    _store(folder, entry, value)
    return value


_MISS = object()


def _load(entry: Path) -> Any:
    """The entry's value, or _MISS when it is absent or fails any check."""
    from .infile import FileRefused, read_regular

    try:
        data = read_regular(entry, MAX_ENTRY_BYTES)
    except FileRefused:
        return _MISS
    head, digest, payload = data[:len(MAGIC)], data[len(MAGIC):len(MAGIC) + 32], data[len(MAGIC) + 32:]
    if head != MAGIC or hashlib.sha256(payload).digest() != digest:
        return _MISS
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a sound digest over our own bytes, but code may have moved
        return _MISS


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
    from .output import write_atomic
    from .errors import OutputError

    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(entry, MAGIC + hashlib.sha256(payload).digest() + payload, durable=False)
        _prune(folder, entry.name.split("-", 1)[0])
    except (OutputError, OSError, pickle.PicklingError, TypeError, AttributeError):
        pass


def _prune(folder: Path, kind: str) -> None:
    """Keeps the newest KEEP entries of a kind, so edits do not fill the disk."""
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns,
                     reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
