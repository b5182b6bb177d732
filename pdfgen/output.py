"""Writing files so that a failure never leaves a partial or stale file behind."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Sequence

from .errors import OutputError


def slug(text: str, max_len: int = 60) -> str:
    """A file-name-safe form of a title: ascii, lowercase, words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:max_len].strip("-") or "routine"


TEMP_SUFFIX = ".tmp"
_live_temps: set[str] = set()   # this process's temporaries being written (see abandon_temps)
# `.<name>.<pid>.<random>.tmp`: the pid says whether the writer still lives, so a later run can
# remove what a killed one left without touching a live writer's file.
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
_TEMP_NAME_MAX = 80     # of the target's name in the temporary's, so a long name still fits


def write_atomic(path: Path | str, data: bytes, *, durable: bool = True,
                 make_folder: bool = False) -> Path:
    """The one way the program writes a file: whole or not at all, only over a regular file.

    The bytes go to a hidden temporary in the same folder, then are renamed over `path`, so a
    reader sees the old file or the whole new one. An existing file keeps its permissions (a
    0600 handout stays private); a new one gets those the umask allows, as any program's would.
    A link to a regular file is written through (the link stays); anything else that is not a
    regular file (a device, a FIFO, /proc/self/fd/1) is refused rather than renamed over.
    `durable` also syncs the bytes to disk (a batch's index, rewritten after every file,
    needs only the atomic rename).

    Raises:
        OutputError: one line: the folder is missing or cannot be made, the target is a
            directory or not a regular file, the name is too long, the disk is full, ...
    """
    if str(path).endswith(("/", os.sep)):
        raise OutputError(f"cannot write {path}: it names a folder; give a file name ending "
                          "in .pdf")
    path = Path(path)
    folder = path.parent
    try:
        if make_folder:
            _make_folder(folder)
        elif not folder.is_dir():
            raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
        target, mode = _target(path)
        remove_stale_temps(target.parent, target.name)
        fd = _anonymous_file(target.parent)
        tmp = ""
        if fd is None:
            fd, tmp = _create_temp(target)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_why(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), _umask_mode() if mode is None else mode)
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
            if not tmp:                 # name the finished bytes, then rename over the target
                tmp = _temp_name(target)
                _live_temps.add(tmp)
                _name_anonymous(fh.fileno(), tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            if tmp:
                os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {_why(exc)}") from None
        raise
    finally:
        _live_temps.discard(tmp)
    return path


def abandon_temps() -> None:
    """Removes the temporaries this process is writing: for a process about to exit at once
    (a batch worker told to stop), where no `finally` will run."""
    for tmp in list(_live_temps):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _anonymous_file(folder: Path) -> int | None:
    """A file with no name yet in `folder` (Linux's O_TMPFILE), or None where the system or
    the file system has none. Killed while writing it, even by SIGKILL, a process leaves
    nothing behind: the bytes get a (temporary) name only once they are complete."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        return None


def _name_anonymous(fd: int, tmp: str) -> None:
    """Gives an O_TMPFILE file the name `tmp`. Only linkat with AT_SYMLINK_FOLLOW can, and
    Python uses linkat only when a directory descriptor is given, hence the folder's."""
    folder = os.open(os.path.dirname(tmp) or ".", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.link(f"/proc/self/fd/{fd}", os.path.basename(tmp), dst_dir_fd=folder,
                follow_symlinks=True)
    finally:
        os.close(folder)


def _temp_name(target: Path) -> str:
    return os.path.join(target.parent, f".{target.name[:_TEMP_NAME_MAX]}.{os.getpid()}."
                                       f"{os.urandom(4).hex()}{TEMP_SUFFIX}")


def _create_temp(target: Path) -> tuple[int, str]:
    """Creates the hidden temporary beside `target`, registered in `_live_temps` before it
    exists, so that a worker stopped at any instant (abandon_temps) knows every file it made."""
    for _ in range(100):
        tmp = _temp_name(target)
        _live_temps.add(tmp)
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                           0o600), tmp
        except FileExistsError:
            _live_temps.discard(tmp)
        except BaseException:      # an interrupt may land after the file was made
            try:
                os.unlink(tmp)
            except OSError:
                pass
            _live_temps.discard(tmp)
            raise
    raise FileExistsError(f"no free temporary name beside {target}")


def _target(path: Path) -> tuple[Path, int | None]:
    """Where the bytes really go and the mode to keep (None: a new file)."""
    import stat

    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise OutputError(f"cannot write {path}: it is a link to a file that does not "
                              "exist") from None
        return path, None
    except ValueError:
        raise OutputError(f"cannot write {path}: the name holds a null character") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a directory; give a file name ending "
                          "in .pdf")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"cannot write {path}: it is not a regular file (a device, pipe or "
                          "socket); give a file name")
    real = Path(os.path.realpath(path)) if os.path.islink(path) else path
    return real, stat.S_IMODE(info.st_mode)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"cannot create the folder {folder}: a file of that name is in "
                          "the way") from None
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {_why(exc)}") from None


def make_folder(folder: Path | str) -> Path:
    """Creates an output folder (and its parents).

    Raises:
        OutputError: one line, e.g. a file is in the way or the parent is read-only.
    """
    _make_folder(Path(folder))
    return Path(folder)


def remove_stale_temps(folder: Path, name: str | None = None, *,
                       including_mine: bool = False) -> None:
    """Removes temporaries left in `folder` by writers that were killed (for `name` only, if
    given). A temporary whose writer still runs is left alone; this process's own are removed
    too when `including_mine` (after an interrupt that may have struck between creating a
    temporary and taking charge of it)."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        found = _TEMP.match(entry)
        if not found or (name is not None and found["name"] != name[:_TEMP_NAME_MAX]):
            continue
        pid = int(found["pid"])
        if (including_mine and pid == os.getpid()) or not _alive(pid):
            try:
                os.unlink(os.path.join(folder, entry))
            except OSError:
                pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _umask_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def check_distinct_outputs(paths: Sequence[Path | str]) -> None:
    """Refuses, before anything is written, a set of outputs in which two are the same file.

    Names that differ only in case count as the same: they are one file on macOS and Windows.
    A command writing several files calls this first, so one output never silently replaces
    another.

    Raises:
        OutputError: naming the two outputs that clash.
    """
    seen: dict[str, Path] = {}
    for path in map(Path, paths):
        key = os.path.normcase(os.path.abspath(path)).casefold()
        if key in seen:
            raise OutputError(f"two outputs would be written to the same file: {seen[key]} "
                              f"and {path}")
        seen[key] = path


def page_count(pdf: bytes) -> int:
    """Pages in a PDF we wrote (ReportLab never puts page objects in compressed streams)."""
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))
