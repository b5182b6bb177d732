"""The public Python API: what the CLI calls, and what tests and other programs call directly.

User text (areas, settings, papers...) is turned into typed values here, at the edge, with a
`ValueError` naming the valid words when it is wrong; below this module everything is typed.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from . import glyphs
from .errors import (ContentError, LayoutError, NoFitError, OutputError,  # noqa: F401 (re-exported)
                     StretchcardError)
from .model import (Area, Equipment, Layout, Level, Plan, Request, Setting, format_seconds, parse_areas)
from .output import check_distinct_outputs, page_count  # noqa: F401 (page_count re-exported for the CLI)
from .photo import recorded_warnings
from .layouts.context import PatientFields
from .library import Catalog, unknown_message
from .paper import Paper, paper as find_paper

if TYPE_CHECKING:
    from .branding import Clinic
    from .validate import Problem

MAX_MINUTES = 60
MAX_TITLE = 80      # two lines of a poster's title at its smallest size
CONTENT_ENV = "STRETCHCARD_CONTENT"


def content_dirs(extra: Sequence[Path | str] = ()) -> list[Path]:
    """Directories from STRETCHCARD_CONTENT (separated like PATH) and then `extra`, in order."""
    env = os.environ.get(CONTENT_ENV, "")
    dirs = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return dirs + [Path(p) for p in extra]


def load_catalog(content: Sequence[Path | str] = (), strict: bool = True) -> Catalog:
    """Built-in content plus the user's directories. Raises ContentError on any bad file.

    Not `strict`: a bad routine file is set aside in `broken_routines` instead (for batches).
    The result is kept in the user's cache (pdfgen/cache.py) until any content file changes.
    """
    from .cache import cached, folder_signature
    from .paths import builtin_content_dir, builtin_figures_dir

    def read() -> Catalog:
        from .catalog import load      # the YAML reader, needed only when the cache misses

        return load(dirs, strict=strict)

    dirs = content_dirs(content)
    files = folder_signature([builtin_content_dir(), builtin_figures_dir(), *dirs])
    inputs = files and f"{strict}|{os.getcwd()}|{[str(d) for d in dirs]}|{files}"
    return cached("catalog", inputs, read, lambda value: isinstance(value, Catalog))


def parse_minutes(value: Any) -> float:
    """Checks a time budget: a real number of minutes between 0.25 and 60."""
    try:
        minutes = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"minutes must be a number, not {value!r}") from None
    if not math.isfinite(minutes) or minutes <= 0 or minutes > MAX_MINUTES:
        raise ValueError(f"minutes must be more than 0 and at most {MAX_MINUTES} (got {value})")
    return minutes


def make_request(catalog: Catalog, *, areas: Sequence[str] = ("lower-back",), minutes: Any = 7,
                 setting: str = "home", equipment: Sequence[str] | None = None,
                 conditions: Sequence[str] = (), level: str = "intermediate",
                 title: str = "", font: glyphs.Typeface | None = None) -> Request:
    """Builds a typed Request from words as a person types them.

    Raises:
        ValueError: an unknown area, setting, equipment, level or condition, or a bad number.
    """
    found: list[Area] = []
    for text in areas or ("lower-back",):
        for part in str(text).split(","):
            if part.strip():
                found.extend(parse_areas(part))
    cond_ids = []
    for text in conditions:
        try:
            cond_ids.append(catalog.condition(text).id)
        except KeyError as exc:
            raise ValueError(exc.args[0]) from None
    title = glyphs.one_line(str(title))
    if len(title) > MAX_TITLE:
        raise ValueError(f"title: at most {MAX_TITLE} characters (got {len(title)})")
    unprintable = glyphs.problem(title, font)
    if unprintable:
        raise ValueError(f"title: {unprintable}")
    return Request(
        areas=tuple(dict.fromkeys(found)) or (Area.LOWER_BACK,),
        minutes=parse_minutes(minutes),
        setting=Setting.coerce(setting),
        equipment=(frozenset(Equipment.coerce(e) for e in equipment)
                   if equipment else None),
        conditions=tuple(dict.fromkeys(cond_ids)),
        level=Level.coerce(level),
        title=title,
    )


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # not strftime: that follows the locale
FIELD_LIMITS = {"patient": 80, "clinician": 80, "frequency": 80, "notes": 600}


def make_fields(*, patient: str = "", clinician: str = "", frequency: str = "", notes: str = "",
                date: str = "", today: dt.date | None = None,
                font: glyphs.Typeface | None = None) -> PatientFields:
    """The handout's fill-in fields, checked. No date unless asked, so output stays reproducible.

    Raises:
        ValueError: a field is too long, has a character the font cannot print, or the date
            is neither "today" nor YYYY-MM-DD.
    """
    values = {"patient": patient, "clinician": clinician, "frequency": frequency, "notes": notes}
    for key, value in values.items():
        values[key] = glyphs.one_line(str(value or ""))
        if len(values[key]) > FIELD_LIMITS[key]:
            raise ValueError(f"{key}: at most {FIELD_LIMITS[key]} characters "
                             f"(got {len(values[key])})")
        unprintable = glyphs.problem(values[key], font)
        if unprintable:
            raise ValueError(f"{key}: {unprintable}")
    return PatientFields(date=parse_date(date, today), **values)


def parse_date(text: str, today: dt.date | None = None) -> str:
    """"today" or an ISO date, printed the way people write it: "22 November 2026"."""
    text = str(text or "").strip()
    if not text:
        return ""
    if text.lower() == "today":
        day = today or dt.date.today()
    else:
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"date must be 'today' or YYYY-MM-DD, not {text!r}") from None
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def load_clinic(path: Path | str) -> Clinic:
    """A clinic profile (TOML) with its logo prepared. Raises ContentError naming file and key."""
    from .branding import load_clinic as read_profile

    return read_profile(path)


def make_plan(catalog: Catalog, request: Request, routine: str | None = None) -> Plan:
    """Plans the request, or the named preset routine with the request's safety filters.

    A routine, fixed or selected, brings its own setting and level (a gym routine with a bar
    hang must not lose the hang to the command line's default home setting); the person's
    conditions are added to the routine's, never dropped.

    Raises:
        NoFitError: nothing suits the request; the message says what would.
        ValueError: the routine name is unknown.
    """
    from dataclasses import replace

    from . import planner

    if routine:
        try:
            r = catalog.routine(routine)
        except KeyError as exc:
            raise ValueError(exc.args[0]) from None
        request = replace(request, setting=r.setting, level=r.level,
                          conditions=tuple(dict.fromkeys(request.conditions + r.conditions)))
        if r.fixed:
            return planner.plan_routine(r, catalog.stretches, catalog.conditions, request)
        request = replace(request, areas=r.areas, minutes=r.minutes,
                          title=request.title or r.title)
        return replace(planner.plan(request, catalog.stretches, catalog.conditions),
                       routine=r.id)
    return planner.plan(request, catalog.stretches, catalog.conditions)


def render(catalog: Catalog, plan: Plan, layout: str | Layout = "poster", paper: str | Paper = "letter",
           grayscale: bool = False, *, large_print: bool = False, clinic: Clinic | None = None,
           fields: PatientFields | None = None, per_page: int = 0,
           font: glyphs.Typeface | None = None) -> bytes:
    """The PDF bytes for a plan. Same inputs, same bytes. `per_page` (1 to 3) puts at most
    that many stretches on a page of a handout, each group starting a page; 0 fits as many
    as the pages hold. `font` (see `glyphs.load_typeface`), a user's TrueType font, prints
    what the built-in DejaVu Sans cannot (Chinese, Japanese, Korean names).

    Raises:
        ValueError: unknown layout or paper, or `per_page` outside 0-3 or not for a handout.
        LayoutError: the plan does not fit the paper, or prints a character `font` lacks.
    """
    from .layouts import engine

    sheet = paper if isinstance(paper, Paper) else find_paper(paper)
    kind = Layout.coerce(layout)
    if per_page not in (0, 1, 2, 3):
        raise ValueError(f"per page: 1, 2 or 3 stretches, not {per_page!r}")
    if per_page and kind is not Layout.HANDOUT:
        raise ValueError(f"per page: only a handout sets how many stretches go on a page, "
                         f"not the {kind.value}")
    ctx = _context(catalog, plan, grayscale, large_print, clinic, fields, per_page, font)
    return engine.render(page_design(kind), plan, sheet, ctx)


def render_or_larger(catalog: Catalog, plan: Plan, layout: str | Layout, paper: str | Paper,
                     grayscale: bool = False) -> tuple[Paper, bytes]:
    """The PDF on the asked paper or, if the plan does not fit it, on the first larger sheet of
    its family that holds it (how a batch makes every file); returns the paper used with the
    bytes.

    Raises:
        ValueError: unknown layout or paper.
        LayoutError: it fits neither paper.
    """
    from .layouts import engine

    sheet = paper if isinstance(paper, Paper) else find_paper(paper)
    design = page_design(Layout.coerce(layout))
    ctx = _context(catalog, plan, grayscale, False, None, None)
    used, fitted = engine.fit_or_larger(design, plan, sheet, ctx)
    if isinstance(fitted, engine.NoFit):
        raise LayoutError(fitted.reason)
    return used, engine.draw(fitted, plan, design.name, ctx)


def _context(catalog: Catalog, plan: Plan, grayscale: bool, large_print: bool,
             clinic: Clinic | None, fields: PatientFields | None, per_page: int = 0,
             font: glyphs.Typeface | None = None):
    """Everything a page design needs besides the plan: its figures, the safety text, the
    print settings and the clinic's details."""
    from .layouts.context import RenderContext

    figures = load_figure_specs(catalog, [i.stretch.figure for i in plan.items
                                          if not i.stretch.image])
    return RenderContext(figures=figures, safety=catalog.safety, grayscale=grayscale,
                         large_print=large_print, clinic=clinic, fields=fields or PatientFields(),
                         stretches_per_page=per_page, fallback=font)


def page_design(layout: Layout):
    """The layout's page design for the engine, imported only when used (each pulls in
    ReportLab)."""
    if layout is Layout.POSTER:
        from .layouts.poster import DESIGN
    elif layout is Layout.CARD:
        from .layouts.card import DESIGN
    else:
        from .layouts.handout import DESIGN
    return DESIGN


def load_figure_specs(catalog: Catalog, ids: Sequence[str]) -> dict[str, Any]:
    """Loads the named figures; a bad figure file is a content error naming file and field.

    Figures are remembered per process (until their file changes), so a batch parses each once.
    """
    from .figure import FigureError
    from .figure.loaded import load_figure_cached

    try:
        return {fid: load_figure_cached(catalog.figures[fid]) for fid in dict.fromkeys(ids)}
    except FigureError as exc:
        raise ContentError([str(exc)]) from None


def default_output(plan: Plan, layout: str, paper: str, folder: Path = Path("output")) -> Path:
    """A descriptive, stable file name: `output/<title>-<layout>-<paper>.pdf`."""
    from .output import slug

    return folder / f"{slug(plan.title)}-{layout}-{find_paper(paper).name}.pdf"


def build_pdf(catalog: Catalog, plan: Plan, layout: str = "poster", paper: str = "letter",
              output: Path | str | None = None, grayscale: bool = False, *, large_print: bool = False,
              clinic: Clinic | None = None, fields: PatientFields | None = None,
              per_page: int = 0, font: glyphs.Typeface | None = None) -> Path:
    """Renders and writes the PDF atomically; returns where it was written.

    The same inputs always give the same bytes, so a PDF made before is taken from the user's
    cache (see pdfgen/fingerprint.py for what counts as the same); its photo warnings are
    raised again.

    Raises:
        OutputError: the file cannot be written (nothing is left behind).
    """
    from .cache import cached
    from .fingerprint import render_digest
    from .output import write_atomic

    def make() -> tuple[bytes, tuple[str, ...]]:
        with recorded_warnings() as notes:
            made = render(catalog, plan, layout, paper, grayscale, large_print=large_print,
                          clinic=clinic, fields=fields, per_page=per_page, font=font)
        return made, tuple(notes)

    digest = render_digest(catalog, plan, layout, find_paper(paper).name, grayscale=grayscale,
                           large_print=large_print, clinic=clinic, fields=fields,
                           per_page=per_page, font=font)
    data, notes = cached("pdf", digest, make, _is_rendered)
    if notes:
        from .photo import PhotoWarning

        for note in notes:
            warnings.warn(note, PhotoWarning, stacklevel=2)
    if output:
        return write_atomic(output, data)   # as given: a trailing '/' means a folder, refused
    return write_atomic(default_output(plan, layout, paper), data, make_folder=True)


def _is_rendered(value: Any) -> bool:
    """A cached render: (PDF bytes, the notes it raised as text)."""
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes)
            and value[0][:5] == b"%PDF-" and isinstance(value[1], tuple)
            and all(isinstance(note, str) for note in value[1]))


def export_figures(catalog: Catalog, ids: Sequence[str], out_dir: Path, fmt: str = "png",
                   size: int = 600, sheet: bool = False, grayscale: bool = False,
                   paper: str = "letter") -> list[Path]:
    """Writes pose figures (all, or `ids`) to `out_dir`, or one contact sheet with their names.

    Raises:
        ValueError: an unknown figure id or format.
        OutputError: the folder cannot be created or written.
    """
    from .figure import build
    from .figure.export import export_figures as export_files
    from .output import make_folder, write_atomic

    wanted = list(dict.fromkeys(ids)) or sorted(catalog.figures)
    for fid in wanted:
        if fid not in catalog.figures:
            raise ValueError(unknown_message("figure", fid, catalog.figures))
    specs = load_figure_specs(catalog, wanted)
    if not sheet:
        check_distinct_outputs([Path(out_dir) / f"{fid}.{fmt}" for fid in wanted])
    make_folder(out_dir)
    if sheet:
        from .layouts import sheet as sheet_layout

        names = {s.figure: s.name for s in catalog.stretches.values() if s.figure}
        entries = [(fid, names.get(fid, specs[fid].title), build(specs[fid])) for fid in wanted]
        data = sheet_layout.render(entries, find_paper(paper), grayscale)
        return [write_atomic(Path(out_dir) / "figures-sheet.pdf", data)]
    return export_files(specs, Path(out_dir), fmt, size, grayscale)


def render_figure_step(catalog: Catalog, figure_id: str, out_dir: Path | str, size: int = 600,
                       grayscale: bool = False) -> tuple[str, ...]:
    """One round of `watch_figure`: loads the figure, checks its facts, writes
    `out_dir/<id>.png` and returns the lines to show (a load error keeps the last PNG).

    Raises:
        ValueError: an unknown figure id.
        OutputError: the PNG cannot be written.
    """
    from .figure.watch import render_step

    return render_step(*_watched(catalog, figure_id, out_dir), size, grayscale)


def watch_figure(catalog: Catalog, figure_id: str, out_dir: Path | str,
                 report: Callable[[str], None], size: int = 600, grayscale: bool = False) -> None:
    """Re-renders `out_dir/<id>.png` each time the figure file's content changes, passing each
    line of `render_figure_step` to `report`; runs until interrupted (KeyboardInterrupt).

    Raises:
        ValueError: an unknown figure id.
        OutputError: the PNG cannot be written.
    """
    from .figure.watch import watch

    watch(*_watched(catalog, figure_id, out_dir), report, size, grayscale)


def _watched(catalog: Catalog, figure_id: str, out_dir: Path | str) -> tuple[Path, Path]:
    """The figure file to watch and the PNG it renders to."""
    if figure_id not in catalog.figures:
        raise ValueError(unknown_message("figure", figure_id, catalog.figures))
    return catalog.figures[figure_id], Path(out_dir) / f"{figure_id}.png"


def stretch_to_dict(stretch) -> dict[str, Any]:
    """A stretch as plain data (for `show --format json`)."""
    d = stretch.dose
    return {
        "id": stretch.id, "name": stretch.name, "summary": stretch.summary,
        "primary": [a.value for a in stretch.primary],
        "secondary": [a.value for a in stretch.secondary],
        "position": stretch.position.value, "movement": stretch.movement.value,
        "level": stretch.level.value,
        "equipment": sorted(e.value for e in stretch.equipment),
        "dose": {"hold_s": None if d.dynamic else [d.hold_s.low, d.hold_s.high],
                 "tempo_s": d.tempo_s, "reps": [d.reps.low, d.reps.high],
                 "sides": d.sides.count, "rest_s": d.rest_s, "count": d.count or None},
        "steps": list(stretch.steps), "short_steps": list(stretch.short_steps), "feel": stretch.feel, "cautions": list(stretch.cautions),
        "avoid_if": sorted(stretch.avoid_if), "notes": list(stretch.notes),
        "figure": stretch.figure or None, "image": stretch.image or None,
        "sources": [{"title": s.title, "url": s.url} for s in stretch.sources],
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (for `--format json`)."""
    return {
        "title": plan.title,
        "areas": [a.value for a in plan.areas],
        "setting": plan.setting.value,
        "routine": plan.routine or None,
        "budget_s": plan.budget_s,
        "total_s": plan.total_s,
        "transitions_s": sum(plan.transitions_s),
        "stretches": [
            {
                "id": i.stretch.id,
                "name": i.stretch.name,
                "position": i.stretch.position.value,
                "targets": [a.value for a in i.stretch.targets],
                "movement": i.stretch.movement.value,
                "hold_s": None if i.stretch.dose.dynamic else i.hold_s,
                "tempo_s": i.stretch.dose.tempo_s,
                "reps": i.reps,
                "sides": i.sides,
                "duration_s": i.duration_s,
                "transition_after_s": (plan.transitions_s[n] if n < len(plan.transitions_s) else 0),
            }
            for n, i in enumerate(plan.items)
        ],
        "cautions": [{"condition": c.condition, "text": c.text} for c in plan.cautions],
        "notes": list(plan.notes),
        "excluded": list(plan.excluded),
    }


def summary(plan: Plan) -> str:
    """One line: how many stretches, how long, against what budget."""
    return (f"{len(plan.items)} stretches, {format_seconds(plan.total_s)} "
            f"(of {format_seconds(plan.budget_s)})")


def validate(dirs: Sequence[Path | str] = (), *, builtin: bool = True) -> list[Problem]:
    """Every problem in the content directories `dirs`, and in the built-in content if `builtin`:
    schema, references, figures, photos and reading grade, each `path:line: field: message`.

    Problems with `warning` set (hard reading, a small photo, an override) do not make the
    content unusable; any other problem does.
    """
    from .validate import validate as check

    return check([Path(d) for d in dirs], builtin=builtin)
