"""`list`, `show` and `figures`: what the library holds, and its pose figures as files."""

from __future__ import annotations

import click

from .base import (catalog_of, cli, complete_figure, complete_stretch, emit_json, format_option,
                   reported, say, verbosity_options)

LIST_KINDS = ("stretches", "areas", "routines", "conditions", "papers")


@cli.command("list")
@verbosity_options
@click.argument("kind", type=click.Choice(LIST_KINDS), default="stretches")
@format_option
@click.pass_context
def list_cmd(ctx, kind, fmt):
    """List stretches, areas, routines, conditions or papers.

    \b
    Example:
      stretchcard list conditions
    """
    rows = _list_rows(ctx, kind)
    if fmt == "json":
        emit_json(rows)
        return
    lines = []
    for row in rows:
        first, *rest = row.values()
        lines.append(f"{first:<28} " + "  ".join(
            ", ".join(v) if isinstance(v, list) else str(v) for v in rest))
    say(ctx, "\n".join(lines))


def _list_rows(ctx, kind: str) -> list[dict]:
    if kind == "areas":
        from ..model import AREA_ALIASES, Area

        return [{"id": a.value, "aliases": sorted(k for k, v in AREA_ALIASES.items() if a in v)}
                for a in Area]
    if kind == "papers":
        from ..paper import MM, PAPERS

        return [{"id": p.name, "size": p.describe(), "margin_mm": round(p.margin / MM, 1)}
                for p in PAPERS.values()]
    catalog = catalog_of(ctx)
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
    from .. import api
    from ..errors import StretchcardError
    from ..model import format_seconds
    from ..planner import time_mismatch

    row = {"id": routine.id, "title": routine.title, "minutes": routine.minutes,
           "kind": "fixed" if routine.fixed else "selected"}
    try:
        plan = api.make_plan(catalog, api.make_request(catalog), routine.id)
    except StretchcardError as exc:
        return {**row, "takes": "", "timing": f"cannot plan: {exc}"}
    return {**row, "takes": format_seconds(plan.total_s),
            "timing": time_mismatch(plan.budget_s, plan.total_s) or "ok"}


@cli.command()
@verbosity_options
@click.argument("stretch_id", metavar="ID", shell_complete=complete_stretch)
@format_option
@click.pass_context
def show(ctx, stretch_id, fmt):
    """Show one stretch in full.

    \b
    Example:
      stretchcard show knee-to-chest
    """
    from .. import api

    catalog = catalog_of(ctx)
    try:
        s = catalog.stretch(stretch_id)
    except KeyError as exc:
        raise click.UsageError(exc.args[0], ctx) from None
    if fmt == "json":
        emit_json(api.stretch_to_dict(s))
        return
    d = s.dose
    dose = (f"{d.reps.low}-{d.reps.high} reps at {d.tempo_s} s each" if d.dynamic else
            f"hold {d.hold_s.low}-{d.hold_s.high} s, {d.reps.low}-{d.reps.high} reps")
    lines = [
        f"{s.name} ({s.id})", s.summary, "",
        f"Targets:   {', '.join(a.value for a in s.primary)}"
        + (f" (also {', '.join(a.value for a in s.secondary)})" if s.secondary else ""),
        f"Position:  {s.position.value}; movement: {s.movement.value}; level: {s.level.value}",
        f"Equipment: {', '.join(sorted(e.value for e in s.equipment)) or 'none'}",
        f"Dose:      {dose}, {'each side' if d.sides.count == 2 else 'one side'}"
        + (f'; printed as "{d.count}"' if d.count else ""),
        f"Picture:   {f'photo {s.image}' if s.image else f'figure {s.figure}'}",
        "", "Steps:", *[f"  {n}. {t}" for n, t in enumerate(s.steps, 1)],
        *(["Short steps (poster and card):", *[f"  {n}. {t}" for n, t in enumerate(s.short_steps, 1)]]
          if s.short_steps else []),
        f"Feel it:   {s.feel}",
        *[f"Caution:   {t}" for t in s.cautions],
        f"Avoid if:  {', '.join(sorted(s.avoid_if)) or '-'}",
        *[f"Note:      {t}" for t in s.notes],
        "Sources:   " + "; ".join(src.title for src in s.sources),
    ]
    say(ctx, "\n".join(lines))


@cli.command()
@verbosity_options
@click.argument("ids", nargs=-1, metavar="[IDS]...", shell_complete=complete_figure)
@click.option("-o", "--output", "out_dir", type=click.Path(), metavar="DIRECTORY",
              default="output/figures", show_default=True, help="Folder to write into.")
@click.option("--format", "kind", type=click.Choice(("png", "svg", "pdf")), default="png",
              show_default=True, help="File type to write.")
@click.option("--size", type=click.IntRange(64, 4000), default=600, show_default=True,
              help="Size in pixels (PNG) or points (SVG, PDF).")
@click.option("--sheet", is_flag=True, help="Write one contact-sheet PDF of all figures instead.")
@click.option("--grayscale", is_flag=True, help="Draw without colour.")
@click.option("--watch", "watch_id", metavar="ID", shell_complete=complete_figure,
              help="Re-render ID.png each time the figure file is saved and print each failing "
                   "check, until Ctrl-C.")
@click.pass_context
def figures(ctx, ids, out_dir, kind, size, sheet, grayscale, watch_id):
    """Export the pose figures as PNG, SVG or PDF files, or as one contact sheet.

    \b
    Examples:
      stretchcard figures childs-pose cat-cow -o figs --format svg
      stretchcard --content my-clinic figures --watch my-pose -o figs
    """
    from .. import api

    catalog = catalog_of(ctx)
    if watch_id:
        if ids or sheet or kind != "png":
            raise click.UsageError("--watch renders one PNG: give no IDS, --sheet or --format",
                                   ctx)
        with reported(ctx):   # runs until Ctrl-C, which main() turns into exit 130
            api.watch_figure(catalog, watch_id, out_dir, click.echo, size, grayscale)
    with reported(ctx):
        paths = api.export_figures(catalog, ids, out_dir, kind, size, sheet, grayscale)
    say(ctx, f"Wrote {len(paths)} file{'s' if len(paths) != 1 else ''} to {out_dir}")
