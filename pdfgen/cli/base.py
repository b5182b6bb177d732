"""The `stretchcard` group and what its commands share: options, errors, output, completion.

Exit codes: 0 success; 1 a domain error (no fit, bad content, unwritable output) with a
one-line message; 2 a usage error (unknown option or word) with a suggestion.

Defaults come, highest first, from the command line, environment variables (STRETCHCARD_PAPER,
STRETCHCARD_LAYOUT, ...), the user's config file (pdfgen/config.py) and the built-in values.
Nothing heavy is imported here: `--help` and `list` never load ReportLab or Pillow.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

import click

from ..version import VERSION
from ..model import Equipment, Layout, Level, Setting

# The command line's word lists are the model's own (model.py is plain enums: cheap to import).
SETTINGS = tuple(s.value for s in Setting)
LEVELS = tuple(lv.value for lv in Level)
EQUIPMENT = tuple(e.value for e in Equipment)
LAYOUT_CHOICES = tuple(k.value for k in Layout)
FORMATS = ("text", "json")


# --- errors and output ---------------------------------------------------------------------
@contextlib.contextmanager
def reported(ctx: click.Context) -> Iterator[None]:
    """A bad word is a usage error (exit 2); an impossible request or bad file exits 1."""
    from ..errors import StretchcardError

    try:
        yield
    except ValueError as exc:
        raise click.UsageError(str(exc), ctx) from None
    except StretchcardError as exc:
        raise click.ClickException(str(exc)) from None


def say(ctx: click.Context, text: str) -> None:
    """Ordinary output; `-q` silences it (errors, warnings and notes still reach stderr)."""
    if ctx.find_root().obj.get("verbosity", 0) >= 0:
        click.echo(text)


def detail(ctx: click.Context, text: str) -> None:
    """What `-v` adds: where things came from and how long they took, on stderr."""
    if ctx.find_root().obj.get("verbosity", 0) > 0:
        click.echo(text, err=True)


def warn(text: str) -> None:
    click.echo(f"warning: {text}", err=True)


def emit_json(data) -> None:
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _set_quiet(ctx: click.Context, param, value: bool) -> None:
    if value:
        ctx.find_root().ensure_object(dict)["verbosity"] = -1


def _set_verbose(ctx: click.Context, param, value: int) -> None:
    if value:
        obj = ctx.find_root().ensure_object(dict)
        obj["verbosity"] = max(obj.get("verbosity", 0), 0) + value


def verbosity_options(fn):
    """-q and -v after the command name too, where people usually type them."""
    fn = click.option("-v", "--verbose", count=True, expose_value=False, callback=_set_verbose,
                      help="Say more about what happens (on stderr).")(fn)
    return click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_set_quiet,
                        help="Print only errors, warnings and notes.")(fn)


def format_option(fn):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
                        show_default=True, help="text for people, json for programs.")(fn)


def catalog_of(ctx: click.Context, strict: bool = True):
    """Loads content once per command; bad content is a domain error (exit 1)."""
    from .. import api

    obj = ctx.find_root().obj
    if "catalog" not in obj:
        with reported(ctx):
            obj["catalog"] = api.load_catalog(obj.get("content", ()), strict=strict)
        detail(ctx, "content: built-in" + "".join(f", {d}" for d in api.content_dirs(
            obj.get("content", ()))))
        for text in obj["catalog"].warnings:
            warn(text)
    return obj["catalog"]


# --- completion ----------------------------------------------------------------------------
def _complete(names) -> list[click.shell_completion.CompletionItem]:
    return [click.shell_completion.CompletionItem(n) for n in names]


def _catalog_names(kind: str):
    def complete(ctx, param, incomplete: str):
        try:
            from .. import api

            catalog = api.load_catalog()
        except Exception:  # noqa: BLE001 - completion must never print a traceback
            return []
        names = {"routine": catalog.routines, "stretch": catalog.stretches,
                 "condition": catalog.conditions, "figure": catalog.figures}[kind]
        return _complete(n for n in names if n.startswith(incomplete))
    return complete


def complete_area(ctx, param, incomplete: str):
    from ..model import AREA_ALIASES, Area

    names = [a.value for a in Area] + [k for k in AREA_ALIASES if " " not in k]
    return _complete(n for n in dict.fromkeys(names) if n.startswith(incomplete.lower()))


def complete_paper(ctx, param, incomplete: str):
    from ..paper import PAPERS

    return _complete(n for n in PAPERS if n.startswith(incomplete.lower()))


complete_routine = _catalog_names("routine")
complete_stretch = _catalog_names("stretch")
complete_condition = _catalog_names("condition")
complete_figure = _catalog_names("figure")


# --- shared options ------------------------------------------------------------------------
def selection_options(fn):
    """Options shared by every command that plans a routine."""
    decorators = [
        click.option("-a", "--area", "areas", multiple=True, metavar="AREA",
                     shell_complete=complete_area,
                     help="Body area to stretch; repeat or separate with commas. "
                          "Aliases such as 'low back' or 'hips' work. [default: lower-back]"),
        click.option("-m", "--minutes", default="7", show_default=True,
                     envvar="STRETCHCARD_MINUTES", show_envvar=True,
                     help="Time budget in minutes."),
        click.option("--setting", type=click.Choice(SETTINGS, case_sensitive=False),
                     default="home", show_default=True, envvar="STRETCHCARD_SETTING",
                     show_envvar=True,
                     help="Where you stretch: office means no floor and no kneeling."),
        click.option("--equipment", multiple=True,
                     type=click.Choice(EQUIPMENT, case_sensitive=False),
                     help="Equipment you have (repeatable); replaces the setting's usual list."),
        click.option("-c", "--condition", "conditions", multiple=True, metavar="CONDITION",
                     shell_complete=complete_condition,
                     help="A health condition to plan around, e.g. pregnancy or sciatica "
                          "(repeatable; see 'stretchcard list conditions')."),
        click.option("--level", type=click.Choice(LEVELS, case_sensitive=False),
                     default="intermediate", show_default=True, envvar="STRETCHCARD_LEVEL",
                     show_envvar=True, help="Hardest stretches to include."),
        click.option("--routine", metavar="NAME", shell_complete=complete_routine,
                     help="Use a preset routine (see 'stretchcard list routines')."),
        click.option("--title", default="", help="Title printed on the page."),
    ]
    for d in reversed(decorators):
        fn = d(fn)
    return fn


def plan_from_options(ctx: click.Context, areas, minutes, setting, equipment, conditions, level,
                      routine, title, font=None):
    """The catalog and the plan for the selection options (the title checked against `font`,
    the typeface it will be printed in)."""
    from .. import api

    catalog = catalog_of(ctx)
    if routine:
        _warn_overridden(ctx, routine)
    with reported(ctx):
        request = api.make_request(catalog, areas=areas, minutes=minutes, setting=setting,
                                   equipment=equipment or None, conditions=conditions,
                                   level=level, title=title, font=font)
        plan = api.make_plan(catalog, request, routine)
    detail(ctx, f"planned: {api.summary(plan)}")
    return catalog, plan


# What a preset routine decides for itself (api.make_plan), by parameter and option name.
_ROUTINE_DECIDES = (("areas", "--area"), ("minutes", "--minutes"), ("setting", "--setting"),
                    ("level", "--level"))


def _warn_overridden(ctx: click.Context, routine: str) -> None:
    """Says which of the person's own choices a preset routine sets aside, instead of dropping
    them in silence (`--routine X -m 30` prints X's own time, not 30 minutes)."""
    from click.core import ParameterSource

    given = [option for name, option in _ROUTINE_DECIDES
             if ctx.get_parameter_source(name) in (ParameterSource.COMMANDLINE,
                                                   ParameterSource.ENVIRONMENT)]
    if given:
        warn(f"--routine {routine} brings its own areas, time, setting and level; "
             f"ignored: {', '.join(given)}")


# --- the group -----------------------------------------------------------------------------
@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100,
                               "terminal_width": 100})
@click.version_option(VERSION, prog_name="stretchcard")
@click.option("--content", "content", multiple=True, type=click.Path(),
              help="Extra content directory (repeatable); also STRETCHCARD_CONTENT, "
                   "separated like PATH.")
@click.option("--config", "config_file", type=click.Path(), metavar="FILE",
              envvar="STRETCHCARD_CONFIG", show_envvar=True,
              help="Defaults file (TOML). [default: ~/.config/stretchcard/config.toml]")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors, warnings and notes.")
@click.option("-v", "--verbose", count=True, help="Say more about what happens (on stderr).")
@click.pass_context
def cli(ctx: click.Context, content: tuple[str, ...], config_file: str | None, quiet: bool,
        verbose: int) -> None:
    """Printable back-pain stretch routines: pick, dose and order stretches, then print them.

    \b
    Example:
      stretchcard build --area "lower back" --area hamstrings --minutes 7
    """
    from ..config import config_path, load_defaults

    ctx.ensure_object(dict).update(content=content, verbosity=-1 if quiet else verbose)
    known = {name: {opt[2:]: p.name for p in command.params if p.name
                    for opt in p.opts if opt.startswith("--") and opt not in ("--help",)}
             for name, command in cli.commands.items()}
    with reported(ctx):
        ctx.default_map = load_defaults(known, config_file)
    if ctx.default_map:
        detail(ctx, f"defaults from {config_path(config_file)}")
