"""Reading one input file the way every reader in the program must: regular files only, capped.

Content, figures, photos, logos, clinic profiles, the defaults file, cache entries and a batch's
previous index.json all come from paths a user (or anyone who can write there) chooses. A path
may name a FIFO that never answers, /dev/zero that never ends, or a file that grows while it is
read. So the file is opened without blocking, checked on the open descriptor (not on the name,
which could be swapped in between), and read no further than its limit even if it lies about its
size. Each caller turns the one-line `FileRefused` reason into its own error with its own prefix.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
          | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class FileRefused(Exception):
    """Why a file was not read or cannot be used, in a few words ("a folder, not a file",
    "damaged (...)"); the image opener in photo.py raises it too."""

    def __init__(self, reason: str, *, missing: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.missing = missing


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises:
        FileRefused: the path is missing, a folder, not a regular file (device, FIFO, socket),
            larger than `limit`, or unreadable.
    """
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise FileRefused("not found", missing=True) from None
    except OSError as exc:
        raise FileRefused(f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused("a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("not a regular file")
        if info.st_size > limit:
            raise FileRefused(f"too large ({info.st_size} bytes, at most {limit})")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise FileRefused(f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if got > limit:
        raise FileRefused(f"too large (over {limit} bytes; it grew while being read)")
    return b"".join(chunks)

