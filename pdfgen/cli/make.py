"""`build` and `plan`: a routine as a PDF, or as a table to read before printing."""

from __future__ import annotations

import click

from .base import (LAYOUT_CHOICES, cli, complete_paper, detail, emit_json, format_option,
                   plan_from_options, reported, say, selection_options, verbosity_options, warn)


def handout_options(fn):
    """The clinic profile and the fields a clinician fills in on a handout."""
    decorators = [
        click.option("--clinic", "clinic_file", type=click.Path(),
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
        click.option("--per-page", type=click.Choice(["1", "2", "3"]), default=None,
                     help="Handout: at most this many stretches a page, each group starting "
                          "a page. [default: as many as fit]"),
    ]
    for d in reversed(decorators):
        fn = d(fn)
    return fn


@cli.command()
@verbosity_options
@selection_options
@click.option("-l", "--layout", type=click.Choice(LAYOUT_CHOICES, case_sensitive=False),
              default="poster", show_default=True, envvar="STRETCHCARD_LAYOUT", show_envvar=True,
              help="poster: one page; card: pocket card, front and back; "
                   "handout: clinic handout over several pages.")
@click.option("-p", "--paper", default=None, envvar="STRETCHCARD_PAPER", show_envvar=True,
              shell_complete=complete_paper,
              help="Paper size (see 'stretchcard list papers'). "
                   "[default: the clinic's paper, else letter]")
@click.option("--grayscale", is_flag=True, help="Print without colour.")
@click.option("--font", "font_file", type=click.Path(), default=None,
              help="A TrueType font (.ttf) to print in, for names the built-in DejaVu Sans "
                   "cannot print (Chinese, Japanese, Korean). [default: DejaVu Sans]")
@click.option("--bold-font", "bold_file", type=click.Path(), default=None,
              help="Its bold face. [default: the --font file for both]")
@handout_options
@click.option("-o", "--output", type=click.Path(),
              help="PDF file to write. [default: a descriptive name in output/]")
@format_option
@click.pass_context
def build(ctx, areas, minutes, setting, equipment, conditions, level, routine, title, layout,
          paper, grayscale, font_file, bold_file, clinic_file, patient, clinician, frequency,
          notes, date, large_print, per_page, output, fmt):
    """Plan a routine and write it as a printable PDF.

    \b
    Examples:
      stretchcard build -a "low back" -m 10 --setting office -p a4
      stretchcard build -l handout --clinic clinic.toml --patient "A. Smith" --date today
    """
    from .. import api
    from ..glyphs import load_typeface
    from ..paper import paper as find_paper

    if bold_file and not font_file:
        raise click.UsageError("--bold-font needs --font", ctx)
    try:
        font = load_typeface(font_file, bold_file) if font_file else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param_hint="'--font'") from None
    with reported(ctx):
        clinic = api.load_clinic(clinic_file) if clinic_file else None
    try:
        sheet = find_paper(paper or (clinic.paper if clinic and clinic.paper else "letter"))
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param_hint="'-p' / '--paper'") from None
    with reported(ctx):
        fields = api.make_fields(patient=patient, clinician=clinician, frequency=frequency,
                                 notes=notes, date=date, font=font)
    if per_page and layout != "handout":
        raise click.UsageError(f"--per-page is for the handout, not the {layout}", ctx)
    catalog, plan = plan_from_options(ctx, areas, minutes, setting, equipment, conditions, level,
                                      routine, title, font)
    with reported(ctx), api.recorded_warnings() as photo_warnings:
        path = api.build_pdf(catalog, plan, layout, sheet.name, output, grayscale,
                             large_print=large_print, clinic=clinic, fields=fields,
                             per_page=int(per_page or 0), font=font)
    for text in photo_warnings:
        warn(text)
    for note in plan.notes:
        click.echo(f"note: {note}", err=True)
    pages = api.page_count(path.read_bytes())
    detail(ctx, f"{layout} on {sheet.describe()}: {pages} page{'s' if pages != 1 else ''}, "
                f"{path.stat().st_size / 1024:.1f} KB")
    if fmt == "json":
        emit_json({"path": str(path), "layout": layout, "paper": sheet.name, "pages": pages,
                   "plan": api.plan_to_dict(plan)})
        return
    say(ctx, f"Wrote {path}")
    say(ctx, api.summary(plan))


@cli.command("plan")
@verbosity_options
@selection_options
@format_option
@click.pass_context
def plan_cmd(ctx, areas, minutes, setting, equipment, conditions, level, routine, title, fmt):
    """Show the routine that would be printed, without writing a PDF.

    \b
    Example:
      stretchcard plan -a hips -m 5 --format json
    """
    from .. import api
    from ..layouts.common import dose_brief
    from ..model import format_seconds

    _, plan = plan_from_options(ctx, areas, minutes, setting, equipment, conditions, level,
                                routine, title)
    if fmt == "json":
        emit_json(api.plan_to_dict(plan))
        return
    rows = [("#", "Stretch", "Position", "Dose", "Time")]
    for n, item in enumerate(plan.items, 1):
        rows.append((str(n), item.stretch.name, item.stretch.position.value, dose_brief(item),
                     f"{item.duration_s} s"))
    widths = [max(len(r[k]) for r in rows) for k in range(5)]
    lines = [plan.title] + ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip()
                            for r in rows]
    lines.append(f"Transitions: {sum(plan.transitions_s)} s. "
                 f"Total: {format_seconds(plan.total_s)} of {format_seconds(plan.budget_s)}.")
    say(ctx, "\n".join(lines))
    for caution in plan.cautions:
        click.echo(f"note: {caution.condition}: {caution.text}", err=True)
    for text in plan.notes:
        click.echo(f"note: {text}", err=True)

