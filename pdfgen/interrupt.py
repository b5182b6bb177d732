"""Ctrl-C and SIGTERM end a command the same way: cleanly, with the shell's exit code for them.

Both become a KeyboardInterrupt in the main process, so every `finally` and every atomic write
cleans up on either; the exit code then tells which signal it was (130 for SIGINT, 143 for
SIGTERM). Batch workers take a different path (`die_with_parent`): the process pool catches
every exception a task raises and goes on to the next task, so a worker that must stop removes
its own temporary files and exits at once.
"""

from __future__ import annotations

import os
import signal

_received = signal.SIGINT


def install() -> None:
    """Turns SIGTERM into a KeyboardInterrupt in this (main) process."""
    signal.signal(signal.SIGTERM, _on_terminate)


def settled() -> None:
    """Ignores Ctrl-C and SIGTERM from here on: the command has finished (its file written or
    its error printed), and a signal arriving while the interpreter exits would only replace
    the true exit code with an interruption."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def exit_code() -> int:
    """128 + the signal that interrupted the command (130 for Ctrl-C)."""
    return 128 + int(_received)


def _on_terminate(signum, frame) -> None:
    global _received
    _received = signum
    raise KeyboardInterrupt


def die_with_parent(parent_pid: int) -> None:
    """For a worker process: Ctrl-C is the parent's to handle; SIGTERM, or the parent's death
    (even by SIGKILL, through Linux's parent-death signal), removes the worker's temporaries
    and ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_exit)
    _parent_death_signal(signal.SIGTERM)
    if os.getppid() != parent_pid:   # the parent died before the signal was asked for
        _worker_exit(signal.SIGTERM, None)


def _worker_exit(signum, frame) -> None:
    from .output import abandon_temps

    abandon_temps()
    os._exit(128 + signum)


def _parent_death_signal(signum: int) -> None:
    """prctl(PR_SET_PDEATHSIG) where the system has it (Linux); elsewhere workers rely on the
    pool noticing its parent is gone."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signum), 0, 0, 0)   # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
