"""`validate` (is my content right?) and `completion` (the shell script for tab completion)."""

from __future__ import annotations

import click

from .base import cli, emit_json, format_option, reported, say, verbosity_options

SHELLS = ("bash", "zsh", "fish")


@cli.command()
@verbosity_options
@click.argument("dirs", nargs=-1, metavar="[DIR]...",
                type=click.Path())
@format_option
@click.pass_context
def validate(ctx, dirs, fmt):
    """Check content folders and print every problem with its file and line.

    Each problem is one line, `path:line: field: message`. Checks each file's fields, the references between files, every figure and photo, and how
    hard the steps are to read (a warning above grade 8). Without DIR it checks the built-in
    content and the --content / STRETCHCARD_CONTENT folders. Exit code 1 if there is any
    error; warnings alone give 0.

    \b
    Example:
      stretchcard validate my-clinic-content
    """
    from .. import api
    from ..catalog import content_folder

    with reported(ctx):
        for folder in dirs:
            content_folder(folder)
    if dirs:
        problems = api.validate(dirs, builtin=False)
    else:
        problems = api.validate(api.content_dirs(ctx.find_root().obj.get("content", ())))
    errors = sum(not p.warning for p in problems)
    warnings = len(problems) - errors
    if fmt == "json":
        emit_json({"errors": errors, "warnings": warnings,
                   "problems": [{"warning": p.warning, "text": str(p)} for p in problems]})
    else:
        for problem in problems:
            click.echo(str(problem))
    counts = (f"{errors} error{'s' if errors != 1 else ''}, "
              f"{warnings} warning{'s' if warnings != 1 else ''}")
    if errors:
        raise click.ClickException(f"content has problems: {counts}")
    if fmt == "text":
        say(ctx, f"Content is valid: {counts}.")


@cli.command()
@verbosity_options
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell):
    """Print the script that lets your shell complete commands, options and names.

    It completes areas, routines, stretches, papers and conditions as you press Tab.

    \b
    Examples:
      eval "$(stretchcard completion bash)"     # add to ~/.bashrc
      eval "$(stretchcard completion zsh)"      # add to ~/.zshrc
      stretchcard completion fish > ~/.config/fish/completions/stretchcard.fish
    """
    from click.shell_completion import get_completion_class

    script = get_completion_class(shell)(cli, {}, "stretchcard", "_STRETCHCARD_COMPLETE")
    click.echo(script.source())
