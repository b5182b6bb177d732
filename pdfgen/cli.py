"""The `stretchcard` command: parse options, call `pdfgen.api`, print, map errors to exit codes.

Exit codes: 0 success; 1 a domain error (no fit, bad content, unwritable output) with a one-line
message; 2 a usage error (unknown option or word) with a suggestion. No traceback reaches the
user unless STRETCHCARD_DEBUG is set.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__

SETTINGS = ("home", "office", "bed", "gym")
LEVELS = ("beginner", "intermediate", "advanced")
EQUIPMENT = ("mat", "chair", "table", "bed", "bar", "towel", "wall")
LAYOUT_CHOICES = ("poster", "handout", "card")


def _catalog(ctx: click.Context, strict: bool = True):
    """Loads content once per command; bad content is a domain error (exit 1)."""
    from . import api
    from .errors import StretchcardError

    obj = ctx.ensure_object(dict)
    if "catalog" not in obj:
        try:
            obj["catalog"] = api.load_catalog(obj.get("content", ()), strict=strict)
        except StretchcardError as exc:
            raise click.ClickException(str(exc)) from None
        for warning in obj["catalog"].warnings:
            click.echo(f"warning: {warning}", err=True)
    return obj["catalog"]


def _paper_choices() -> list[str]:
    from .paper import PAPERS

    return list(PAPERS)


def selection_options(fn):
    """Options shared by every command that plans a routine."""
    decorators = [
        click.option("-a", "--area", "areas", multiple=True, metavar="AREA",
                     help="Body area to stretch; repeat or separate with commas. "
                          "Aliases such as 'low back' or 'hips' work. [default: lower-back]"),
        click.option("-m", "--minutes", default="7", show_default=True,
                     help="Time budget in minutes."),
        click.option("--setting", type=click.Choice(SETTINGS, case_sensitive=False),
                     default="home", show_default=True,
                     help="Where you stretch: office means no floor and no kneeling."),
        click.option("--equipment", multiple=True,
                     type=click.Choice(EQUIPMENT, case_sensitive=False),
                     help="Equipment you have (repeatable); replaces the setting's usual list."),
        click.option("-c", "--condition", "conditions", multiple=True, metavar="CONDITION",
                     help="A health condition to plan around, e.g. pregnancy or sciatica "
                          "(repeatable; see 'stretchcard list conditions')."),
        click.option("--level", type=click.Choice(LEVELS, case_sensitive=False),
                     default="intermediate", show_default=True, help="Hardest stretches to include."),
        click.option("--routine", metavar="NAME",
                     help="Use a preset routine from content/routines/ instead of selecting."),
        click.option("--title", default="", help="Title printed on the page."),
    ]
    for d in reversed(decorators):
        fn = d(fn)
    return fn


def _plan(ctx: click.Context, areas, minutes, setting, equipment, conditions, level, routine, title):
    """Turns options into a plan; bad words are usage errors, impossible requests domain ones."""
    from . import api
    from .errors import StretchcardError

    catalog = _catalog(ctx)
    try:
        request = api.make_request(catalog, areas=areas, minutes=minutes, setting=setting,
                                   equipment=equipment or None, conditions=conditions,
                                   level=level, title=title)
    except ValueError as exc:
        raise click.UsageError(str(exc), ctx) from None
    try:
        return catalog, api.make_plan(catalog, request, routine)
    except ValueError as exc:
        raise click.UsageError(str(exc), ctx) from None
    except StretchcardError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="stretchcard")
@click.option("--content", "content", multiple=True, type=click.Path(path_type=Path),
              help="Extra content directory (repeatable); also STRETCHCARD_CONTENT.")
@click.pass_context
def cli(ctx: click.Context, content: tuple[Path, ...]) -> None:
    """Printable back-pain stretch routines: pick, dose and order stretches, then print them.

    \b
    Example:
      stretchcard build --area "lower back" --area hamstrings --minutes 7
    """
    ctx.ensure_object(dict)["content"] = content


def handout_options(fn):
    """The clinic profile and the fields a clinician fills in on a handout."""
    decorators = [
        click.option("--clinic", "clinic_file", type=click.Path(path_type=Path),
                     envvar="STRETCHCARD_CLINIC", show_envvar=True,
                     help="Clinic profile (TOML): name, address, phone, website, logo, "
                          "default paper and frequency, disclaimer."),
        click.option("--patient", default="", help="Patient's name: printed on the page only, "
                                                   "never in the file's properties or name."),
        click.option("--clinician", default="", help="Clinician's name."),
        click.option("--frequency", default="",
                     help='How often, e.g. "twice a day, 5 days a week".'),
        click.option("--notes", default="", help="Notes printed in the handout's notes field."),
        click.option("--date", default="", metavar="today|YYYY-MM-DD",
                     help="Date to print. [default: none, so output stays reproducible]"),
        click.option("--large-print", is_flag=True,
                     help="Body text of at least 14 pt and larger figures."),
    ]
    for d in reversed(decorators):
        fn = d(fn)
    return fn


@cli.command()
@selection_options
@click.option("-l", "--layout", type=click.Choice(LAYOUT_CHOICES, case_sensitive=False),
              default="poster", show_default=True,
              help="poster: one page; card: pocket card, front and back; "
                   "handout: clinic handout over several pages.")
@click.option("-p", "--paper", default=None,
              help="Paper size (see 'stretchcard list papers'). "
                   "[default: the clinic's paper, else letter]")
@click.option("--grayscale", is_flag=True, help="Print without colour.")
@handout_options
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="PDF file to write. [default: a descriptive name in output/]")
@click.pass_context
def build(ctx, areas, minutes, setting, equipment, conditions, level, routine, title, layout,
          paper, grayscale, clinic_file, patient, clinician, frequency, notes, date, large_print,
          output):
    """Plan a routine and write it as a printable PDF.

    \b
    Examples:
      stretchcard build -a "low back" -m 10 --setting office -p a4
      stretchcard build -l handout --clinic clinic.toml --patient "A. Smith" --date today
    """
    from . import api
    from .errors import StretchcardError
    from .paper import paper as find_paper

    try:
        clinic = api.load_clinic(clinic_file) if clinic_file else None
    except StretchcardError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        sheet = find_paper(paper or (clinic.paper if clinic and clinic.paper else "letter"))
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param_hint="'-p' / '--paper'") from None
    try:
        fields = api.make_fields(patient=patient, clinician=clinician, frequency=frequency,
                                 notes=notes, date=date)
    except ValueError as exc:
        raise click.UsageError(str(exc), ctx) from None
    catalog, plan = _plan(ctx, areas, minutes, setting, equipment, conditions, level, routine, title)
    try:
        path = api.build_pdf(catalog, plan, layout, sheet.name, output, grayscale,
                             large_print=large_print, clinic=clinic, fields=fields)
    except StretchcardError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Wrote {path}")
    click.echo(api.summary(plan))
    for note in plan.notes:
        click.echo(f"note: {note}", err=True)


@cli.command("plan")
@selection_options
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True)
@click.pass_context
def plan_cmd(ctx, areas, minutes, setting, equipment, conditions, level, routine, title, fmt):
    """Show the routine that would be printed, without writing a PDF.

    \b
    Example:
      stretchcard plan -a hips -m 5 --format json
    """
    from . import api
    from .model import format_seconds

    _, plan = _plan(ctx, areas, minutes, setting, equipment, conditions, level, routine, title)
    if fmt == "json":
        click.echo(json.dumps(api.plan_to_dict(plan), indent=2))
        return
    from .layouts.common import dose_text

    click.echo(plan.title)
    rows = [("#", "Stretch", "Position", "Dose", "Time")]
    for n, item in enumerate(plan.items, 1):
        rows.append((str(n), item.stretch.name, item.stretch.position.value, dose_text(item),
                     f"{item.duration_s} s"))
    widths = [max(len(r[k]) for r in rows) for k in range(5)]
    for r in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    click.echo(f"Transitions: {sum(plan.transitions_s)} s. "
               f"Total: {format_seconds(plan.total_s)} of {format_seconds(plan.budget_s)}.")
    for text in plan.cautions + plan.notes:
        click.echo(f"note: {text}")


LIST_KINDS = ("stretches", "areas", "routines", "conditions", "papers")


@cli.command("list")
@click.argument("kind", type=click.Choice(LIST_KINDS), default="stretches")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True)
@click.pass_context
def list_cmd(ctx, kind, fmt):
    """List stretches, areas, routines, conditions or papers.

    \b
    Example:
      stretchcard list conditions
    """
    rows = _list_rows(ctx, kind)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        first, *rest = row.values()
        click.echo(f"{first:<28} " + "  ".join(
            ", ".join(v) if isinstance(v, list) else str(v) for v in rest))


def _list_rows(ctx, kind: str) -> list[dict]:
    if kind == "areas":
        from .model import AREA_ALIASES, Area

        return [{"id": a.value, "aliases": sorted(k for k, v in AREA_ALIASES.items() if a in v)}
                for a in Area]
    if kind == "papers":
        from .paper import PAPERS

        return [{"id": p.name, "size": p.describe(),
                 "margin_mm": round(p.margin / (72 / 25.4), 1)} for p in PAPERS.values()]
    catalog = _catalog(ctx)
    if kind == "stretches":
        return [{"id": s.id, "name": s.name, "position": s.position.value,
                 "targets": [a.value for a in s.primary]} for s in catalog.stretches.values()]
    if kind == "routines":
        return [_routine_row(catalog, r) for r in catalog.routines.values()]
    return [{"id": c.id, "name": c.name, "aliases": list(c.aliases)}
            for c in catalog.conditions.values()]


def _routine_row(catalog, routine) -> dict:
    """A routine with the time it really takes, so a stated time its doses miss shows up here.

    "timing" is "over" (the doses run past the stated minutes), "under" (below 80% of them),
    "ok", or why the routine cannot be planned at all.
    """
    from . import api
    from .errors import StretchcardError
    from .model import format_seconds
    from .planner import time_mismatch

    row = {"id": routine.id, "title": routine.title, "minutes": routine.minutes,
           "kind": "fixed" if routine.fixed else "selected"}
    try:
        plan = api.make_plan(catalog, api.make_request(catalog), routine.id)
    except StretchcardError as exc:
        return {**row, "takes": "", "timing": f"cannot plan: {exc}"}
    return {**row, "takes": format_seconds(plan.total_s),
            "timing": time_mismatch(plan.budget_s, plan.total_s) or "ok"}


@cli.command()
@click.argument("stretch_id", metavar="ID")
@click.pass_context
def show(ctx, stretch_id):
    """Show one stretch in full.

    \b
    Example:
      stretchcard show knee-to-chest
    """
    catalog = _catalog(ctx)
    try:
        s = catalog.stretch(stretch_id)
    except KeyError as exc:
        raise click.UsageError(exc.args[0], ctx) from None
    d = s.dose
    dose = (f"{d.reps.low}-{d.reps.high} reps at {d.tempo_s} s each" if d.dynamic else
            f"hold {d.hold_s.low}-{d.hold_s.high} s, {d.reps.low}-{d.reps.high} reps")
    lines = [
        f"{s.name} ({s.id})", s.summary, "",
        f"Targets:   {', '.join(a.value for a in s.primary)}"
        + (f" (also {', '.join(a.value for a in s.secondary)})" if s.secondary else ""),
        f"Position:  {s.position.value}; movement: {s.movement.value}; level: {s.level.value}",
        f"Equipment: {', '.join(sorted(e.value for e in s.equipment)) or 'none'}",
        f"Dose:      {dose}, {'each side' if d.sides.count == 2 else 'one side'}",
        "", "Steps:", *[f"  {n}. {t}" for n, t in enumerate(s.steps, 1)],
        f"Feel it:   {s.feel}",
        *[f"Caution:   {t}" for t in s.cautions],
        f"Avoid if:  {', '.join(sorted(s.avoid_if)) or '-'}",
        *[f"Note:      {t}" for t in s.notes],
        "Sources:   " + "; ".join(src.title for src in s.sources),
    ]
    click.echo("\n".join(lines))


@cli.command()
@click.argument("ids", nargs=-1, metavar="[IDS]...")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("output/figures"), show_default=True, help="Folder to write into.")
@click.option("--format", "fmt", type=click.Choice(("png", "svg", "pdf")), default="png",
              show_default=True)
@click.option("--size", type=click.IntRange(64, 4000), default=600, show_default=True,
              help="Size in pixels (PNG) or points (SVG, PDF).")
@click.option("--sheet", is_flag=True, help="Write one contact-sheet PDF of all figures instead.")
@click.option("--grayscale", is_flag=True, help="Draw without colour.")
@click.pass_context
def figures(ctx, ids, out_dir, fmt, size, sheet, grayscale):
    """Export the pose figures as PNG, SVG or PDF files, or as one contact sheet.

    \b
    Example:
      stretchcard figures childs-pose cat-cow -o figs --format svg
    """
    from . import api
    from .errors import StretchcardError

    catalog = _catalog(ctx)
    try:
        paths = api.export_figures(catalog, ids, out_dir, fmt, size, sheet, grayscale)
    except ValueError as exc:
        raise click.UsageError(str(exc), ctx) from None
    except StretchcardError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Wrote {len(paths)} file{'s' if len(paths) != 1 else ''} to {out_dir}")


@cli.command()
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path),
              default=Path("output/batch"), show_default=True, help="Folder to write into.")
@click.option("-l", "--layout", "layouts", multiple=True,
              type=click.Choice(LAYOUT_CHOICES, case_sensitive=False),
              help="Layout to export (repeatable). [default: every layout]")
@click.option("-p", "--paper", "papers", multiple=True,
              help="Paper to export on (repeatable). [default: letter and a4]")
@click.option("-j", "--jobs", "workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes. [default: one per core]")
@click.option("--routine", "routines", multiple=True, metavar="NAME",
              help="Routine to export (repeatable). [default: every routine]")
@click.option("--skip-unchanged", is_flag=True,
              help="Skip files whose inputs and bytes match the previous index.json.")
@click.pass_context
def batch(ctx, out_dir, layouts, papers, workers, routines, skip_unchanged):
    """Export every routine in every layout and paper, with index.json and index.pdf.

    One failing routine does not stop the others: each failure is one line at the end, and
    the exit code is 1. Ctrl-C stops cleanly, leaving no partial files.

    \b
    Example:
      stretchcard batch -o clinic-shelf -l handout -l card -p a4 --jobs 2
    """
    from . import api
    from .errors import StretchcardError

    catalog = _catalog(ctx, strict=False)
    try:
        jobs = api.batch_jobs(catalog, routines, layouts, papers)
    except ValueError as exc:
        raise click.UsageError(str(exc), ctx) from None
    show_bar = sys.stderr.isatty()
    with click.progressbar(length=len(jobs), label="Exporting", file=sys.stderr,
                           show_pos=True) if show_bar else _no_bar() as bar:
        try:
            report = api.export_all(catalog, out_dir, jobs, workers=workers,
                                    content=ctx.obj.get("content", ()),
                                    skip_unchanged=skip_unchanged,
                                    on_result=lambda result: bar.update(1))
        except StretchcardError as exc:
            raise click.ClickException(str(exc)) from None
    written = [r for r in report.results if r.ok and not r.skipped]
    skipped = [r for r in report.results if r.skipped]
    for r in report.results:
        if r.note:
            click.echo(f"note: {r.routine} ({r.layout}): {r.note}", err=True)
    for r in report.failures:
        click.echo(f"error: {r.routine} ({r.layout}, {r.requested}): {r.error}", err=True)
    if report.interrupted:
        click.echo(f"stretchcard: interrupted after {len(written)} files; "
                   "no partial files were left", err=True)
        sys.exit(130)
    line = f"Wrote {len(written)} files ({sum(r.pages for r in written)} pages) to {out_dir}"
    if skipped:
        line += f", {len(skipped)} unchanged"
    if report.failures:
        line += f"; {len(report.failures)} failed"
    click.echo(line + ".")
    if report.failures:
        sys.exit(1)


class _no_bar:
    """Stands in for a progress bar when output is not a terminal: stays quiet."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: int) -> None:
        return None


@cli.command()
@click.argument("dirs", nargs=-1, metavar="[DIR]...",
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.pass_context
def validate(ctx, dirs):
    """Check content folders and print every problem, one `path:line: field: message` a line.

    Checks each file's fields, the references between files, every figure and photo, and how
    hard the steps are to read (a warning above grade 8). Without DIR it checks the built-in
    content and the --content / STRETCHCARD_CONTENT folders. Exit code 1 if there is any
    error; warnings alone give 0.

    \b
    Example:
      stretchcard validate my-clinic-content
    """
    from . import api

    if dirs:
        problems = api.validate(dirs, builtin=False)
    else:
        problems = api.validate(api.content_dirs(ctx.ensure_object(dict).get("content", ())))
    for problem in problems:
        click.echo(str(problem))
    errors = sum(not p.warning for p in problems)
    cautions = len(problems) - errors
    counts = (f"{errors} error{'s' if errors != 1 else ''}, "
              f"{cautions} warning{'s' if cautions != 1 else ''}")
    if errors:
        raise click.ClickException(f"content has problems: {counts}")
    click.echo(f"Content is valid: {counts}.")


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
