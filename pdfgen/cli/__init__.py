"""The `stretchcard` command: parse options, call `pdfgen.api`, print, map errors to exit codes.

One module per group of commands; `base` holds the group and what they share. No traceback
reaches the user unless STRETCHCARD_DEBUG is set.
"""

from __future__ import annotations

import os
import sys

import click

from . import browse, check, make, shelf  # noqa: F401 (each registers its commands)
from .base import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point: runs the CLI with no traceback for anything but a bug in debug mode."""
    try:
        cli.main(prog_name="stretchcard", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("stretchcard: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging
        if os.environ.get("STRETCHCARD_DEBUG"):
            raise
        click.echo(f"stretchcard: internal error: {type(exc).__name__}: {exc} "
                   "(set STRETCHCARD_DEBUG=1 for details)", err=True)
        sys.exit(1)
