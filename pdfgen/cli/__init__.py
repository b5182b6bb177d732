"""The `stretchcard` command: parse options, call `pdfgen.api`, print, map errors to exit codes.

One module per group of commands; `base` holds the group and what they share. No traceback
reaches the user unless STRETCHCARD_DEBUG is set.
"""

from __future__ import annotations

import errno
import os
import sys

import click

from . import browse, check, make, shelf  # noqa: F401 (each registers its commands)
from .base import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point: every way a command can end maps to one line and a documented exit code.

    Click's own standalone mode is not used: it turns Ctrl-C into "Aborted!" with exit 1, and
    leaves a failed write to stdout (a full disk, a closed pipe) as a traceback at exit.
    """
    from .. import interrupt

    interrupt.install()
    try:
        code = cli.main(prog_name="stretchcard", standalone_mode=False)
        sys.stdout.flush()
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("stretchcard: interrupted", err=True)
        _exit(interrupt.exit_code())
    except click.ClickException as exc:
        exc.show()
        _exit(exc.exit_code)
    except BrokenPipeError:
        _exit(1, quiet_stdout=True)        # `stretchcard list | head`: the reader has left
    except OSError as exc:
        # Files are written through output.write_atomic, which turns every failure into an
        # OutputError; a bare OSError of this kind can only come from printing.
        if exc.errno not in _OUTPUT_ERRNOS:
            _internal(exc)
        click.echo(f"stretchcard: cannot write the output: {exc.strerror}", err=True)
        _exit(1, quiet_stdout=True)
    except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging
        _internal(exc)
    _exit(code if isinstance(code, int) else 0)


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EBADF}


def _internal(exc: Exception) -> None:
    if os.environ.get("STRETCHCARD_DEBUG"):
        raise exc
    click.echo(f"stretchcard: internal error: {type(exc).__name__}: {exc} "
               "(set STRETCHCARD_DEBUG=1 for details)", err=True)
    _exit(1)


def _exit(code: int, quiet_stdout: bool = False) -> None:
    """Exits; after a failed write to stdout, points it at /dev/null first, so that Python's
    own flush at exit does not print a second error."""
    if quiet_stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
    from .. import interrupt

    interrupt.settled()     # the outcome is decided: a signal now must not turn it into another
    sys.exit(code)
