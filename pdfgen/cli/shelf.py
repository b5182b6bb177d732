"""`batch`: every routine in every layout and paper, for a clinic's shelf of handouts."""

from __future__ import annotations

import sys
import click

from .base import (LAYOUT_CHOICES, catalog_of, cli, complete_paper, complete_routine, detail,
                   emit_json, format_option, reported, say, verbosity_options, warn)


@cli.command()
@verbosity_options
@click.option("-o", "--output", "out_dir", type=click.Path(),
              default="output/batch", show_default=True, help="Folder to write into.")
@click.option("-l", "--layout", "layouts", multiple=True, envvar="STRETCHCARD_LAYOUT",
              type=click.Choice(LAYOUT_CHOICES, case_sensitive=False),
              help="Layout to export (repeatable). [default: every layout]")
@click.option("-p", "--paper", "papers", multiple=True, envvar="STRETCHCARD_PAPER",
              shell_complete=complete_paper,
              help="Paper to export on (repeatable). [default: letter and a4]")
@click.option("-j", "--jobs", "workers", type=click.IntRange(1, 64), default=None,
              envvar="STRETCHCARD_JOBS", show_envvar=True,
              help="Worker processes. [default: one per core]")
@click.option("--routine", "routines", multiple=True, metavar="NAME",
              shell_complete=complete_routine,
              help="Routine to export (repeatable). [default: every routine]")
@click.option("--skip-unchanged", is_flag=True,
              help="Skip files whose inputs and bytes match the previous index.json.")
@format_option
@click.pass_context
def batch(ctx, out_dir, layouts, papers, workers, routines, skip_unchanged, fmt):
    """Export every routine in every layout and paper, with index.json and index.pdf.

    One failing routine does not stop the others: each failure is one line at the end, and
    the exit code is 1. A layout too full for the paper asked for moves to a larger sheet
    (letter to legal, else tabloid; a4 to a3), with a note. Ctrl-C stops cleanly, leaving no partial files.

    \b
    Example:
      stretchcard batch -o clinic-shelf -l handout -l card -p a4 --jobs 2
    """
    from .. import batch

    catalog = catalog_of(ctx, strict=False)
    with reported(ctx):
        jobs = batch.make_jobs(catalog, routines, layouts, papers)
    detail(ctx, f"{len(jobs)} files to make with {workers or 'one per core'} worker(s)")
    show_bar = sys.stderr.isatty() and fmt == "text"
    with click.progressbar(length=len(jobs), label="Exporting", file=sys.stderr,
                           show_pos=True) if show_bar else _NoBar() as bar:
        with reported(ctx):
            report = batch.export_all(catalog, out_dir, jobs, workers=workers,
                                      content=ctx.find_root().obj.get("content", ()),
                                      skip_unchanged=skip_unchanged,
                                      on_result=lambda result: bar.update(1))
    for r in report.results:
        for text in r.warnings:
            warn(f"{r.path}: {text}")
        if r.note:
            click.echo(f"note: {r.routine} ({r.layout}): {r.note}", err=True)
    for r in report.failures:
        click.echo(f"error: {r.routine} ({r.layout}, {r.requested}): {r.error}", err=True)
    for text in report.index_errors:
        click.echo(f"error: {text}", err=True)
    if report.interrupted:
        from ..interrupt import exit_code

        written = sum(1 for r in report.results if r.ok and not r.skipped)
        click.echo(f"stretchcard: interrupted after {written} files; "
                   "no partial files were left", err=True)
        sys.exit(exit_code())
    if fmt == "json":
        emit_json(batch.report_to_dict(report))
    else:
        say(ctx, _summary(report, out_dir))
    if report.failed:
        sys.exit(1)


def _summary(report, out_dir: str) -> str:
    written = [r for r in report.results if r.ok and not r.skipped]
    skipped = sum(1 for r in report.results if r.skipped)
    line = f"Wrote {len(written)} files ({sum(r.pages for r in written)} pages) to {out_dir}"
    if skipped:
        line += f", {skipped} unchanged"
    if report.failures:
        line += f"; {len(report.failures)} failed"
    if report.index_errors:
        line += "; the index could not be written"
    return line + "."


class _NoBar:
    """Stands in for a progress bar when output is not a terminal: stays quiet."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: int) -> None:
        return None
