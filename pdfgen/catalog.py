"""Finds, parses and validates content into a `Catalog`, once, before anything is planned.

Built-in content comes first; each extra content directory adds to it, and an entry with an id
that already exists replaces the earlier one (with a warning, since that is how a clinic adapts a
built-in stretch). Every problem is reported as `path:line: field: message`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from .errors import ContentError
from .library import Catalog, unknown_message  # noqa: F401 (re-exported: the catalog's API)
from .model import (Area, Condition, Dose, Equipment, Level, Movement, Position, Range,
                    Routine, RoutineItem, SafetyRules, Setting, Sides, Source, Stretch)
from .paths import builtin_content_dir, builtin_figures_dir
from .yamlread import Field, Invalid, collect, load_document

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load(extra_dirs: Sequence[Path] = (), strict: bool = True) -> Catalog:
    """Loads built-in content plus each directory in `extra_dirs`, in order.

    With `strict` off, a routine file's problems set that routine aside in `broken_routines`
    (id: first problem) instead of failing the load: a batch builds every routine it can.

    Raises:
        ContentError: with every problem found, the first one in the message.
    """
    problems: list[str] = []
    warnings: list[str] = []
    builtin = builtin_content_dir()
    layers = [(builtin, builtin_figures_dir(), builtin.parent)]
    for d in extra_dirs:
        d = content_folder(d)
        layers.append((d, d / "figures", None))

    stretches: dict[str, Stretch] = {}
    routines: dict[str, Routine] = {}
    conditions: dict[str, Condition] = {}
    figures: dict[str, Path] = {}
    safety: SafetyRules | None = None
    real_paths: dict[str, Path] = {}
    for content_dir, figures_dir, rel_base in layers:
        root = (rel_base or content_dir).resolve()

        def show(p: Path, base=rel_base) -> str:
            display = str(p.relative_to(base)) if base else str(p)
            real_paths[display] = p
            return display

        for p in yaml_files(figures_dir):
            if content_dir != builtin:
                # figure.load_figure trusts its file; a user's figure first passes the checks
                # every content file gets (size, encoding, nesting, aliases, where it leads).
                collect(problems, lambda: read_document(p, show(p), root))
                if p.stem in figures:
                    warnings.append(f"{show(p)}: replaces the built-in figure {p.stem!r}")
            figures[p.stem] = p
        cond_file = content_dir / "conditions.yaml"
        if _present(cond_file):
            read = collect(problems, lambda: _read_conditions(cond_file, show(cond_file), root))
            for cond in read or ():
                conditions[cond.id] = cond
        safety_file = content_dir / "safety.yaml"
        if _present(safety_file):
            safety = collect(problems,
                             lambda: _read_safety(safety_file, show(safety_file), root)) or safety
        _read_all(content_dir / "stretches", show, _read_stretch, stretches, "stretch",
                  problems, warnings, content_dir != builtin, root)
        _read_all(content_dir / "routines", show, _read_routine, routines, "routine",
                  problems, warnings, content_dir != builtin, root)

    if safety is None:
        problems.append(f"{builtin / 'safety.yaml'}:1: (file): safety rules are missing")
    problems.extend(_cross_check(stretches, routines, conditions, figures, real_paths))
    broken: dict[str, str] = {}
    if not strict:
        for problem in problems:
            source = Path(problem.split(":", 1)[0])
            if source.parent.name == "routines":
                broken.setdefault(source.stem, problem)
        problems = [p for p in problems if Path(p.split(":", 1)[0]).parent.name != "routines"]
        routines = {rid: r for rid, r in routines.items() if rid not in broken}
    if problems:
        raise ContentError(problems)
    return Catalog(stretches=dict(sorted(stretches.items())), conditions=conditions,
                   safety=safety, routines=dict(sorted(routines.items())), figures=figures,
                   warnings=tuple(warnings), broken_routines=dict(sorted(broken.items())))


def yaml_files(folder: Path) -> list[Path]:
    """Every `*.yaml`/`*.yml` entry but hidden ones (editors' lock files); a folder or a link
    named like a YAML file is listed too, so that reading it reports it rather than skipping it."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def _present(path: Path) -> bool:
    """Exists, or is a link that leads nowhere (which reading then reports)."""
    return path.exists() or path.is_symlink()


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, with every link followed, stays inside the (resolved) folder `root`."""
    return path.resolve().is_relative_to(root)


def read_document(path: Path, display: str, root: Path) -> Field:
    """Reads a content file, refusing one that is (or sits behind) a link leading out of `root`.

    The rule is conservative: content may link to files within its own directory, never
    beyond it, so pointing stretchcard at a folder cannot make it read files elsewhere.
    """
    if not _inside(path, root):
        raise Invalid(f"{display}:1: (file): leads outside its content folder (to "
                      f"{path.resolve()}); copy the file in instead of linking to it")
    return load_document(path, display)


def _read_all(folder, show, reader, into: dict, kind: str, problems, warnings, may_override,
              root: Path):
    seen_here: dict[str, str] = {}
    for p in yaml_files(folder):
        item = collect(problems, lambda: reader(p, show(p), root))
        if item is None:
            continue
        if item.id in seen_here:
            problems.append(f"{show(p)}:1: id: duplicate {kind} id {item.id!r} "
                            f"(also in {seen_here[item.id]})")
            continue
        seen_here[item.id] = show(p)
        if item.id in into:
            if not may_override:
                problems.append(f"{show(p)}:1: id: duplicate {kind} id {item.id!r}")
                continue
            warnings.append(f"{show(p)}: replaces the built-in {kind} {item.id!r}")
        into[item.id] = item


def _read_id(f: Field, path: Path) -> str:
    value = f.text(60)
    if not ID_PATTERN.match(value):
        raise f.fail(f"{value!r} is not an id (lowercase words joined by '-')")
    if value != path.stem:
        raise f.fail(f"id {value!r} does not match the file name {path.name!r}")
    return value


def _read_range(f: Field, low: int, high: int) -> Range:
    parts = f.items(2, 2)
    lo, hi = parts[0].integer(low, high), parts[1].integer(low, high)
    if lo > hi:
        raise f.fail(f"range [{lo}, {hi}] runs backwards (the smaller number comes first)")
    return Range(lo, hi)


def _read_dose(f: Field) -> Dose:
    m = f.mapping(("reps", "sides"),
                  ("hold_s", "tempo_s", "rest_s", "setup_s", "switch_s", "why", "count"))
    if ("hold_s" in m) == ("tempo_s" in m):
        raise f.fail("give exactly one of hold_s (a held stretch) or tempo_s (a moving one)")
    if "count" in m and "tempo_s" not in m:
        raise m["count"].fail("only a moving stretch (tempo_s) has a count; a held one says "
                              "'Hold for ... seconds'")
    return Dose(
        reps=_read_range(m["reps"], 1, 30),
        sides=m["sides"].word(Sides),
        hold_s=_read_range(m["hold_s"], 1, 120) if "hold_s" in m else None,
        tempo_s=m["tempo_s"].integer(1, 20) if "tempo_s" in m else None,
        rest_s=m["rest_s"].integer(0, 60) if "rest_s" in m else 0,
        setup_s=m["setup_s"].integer(0, 60) if "setup_s" in m else 10,
        switch_s=m["switch_s"].integer(0, 30) if "switch_s" in m else 5,
        why=m["why"].text(300) if "why" in m else "",
        count=_read_count(m["count"]) if "count" in m else "",
    )


def _read_count(f: Field) -> str:
    value = f.text(80)
    rest = value.replace("{n}", "", 1)
    if "{n}" not in value or "{" in rest or "}" in rest:
        raise f.fail(f"{value!r} needs {{n}} once, where the number of times goes, e.g. "
                     "'Roll to each side {n} times.'")
    return value


def _read_sources(f: Field) -> tuple[Source, ...]:
    out = []
    for item in f.items(1, 12):
        if item.node.tag == "tag:yaml.org,2002:map":
            m = item.mapping(("title",), ("url", "group"))
            out.append(Source(m["title"].text(200), m["url"].text(300) if "url" in m else "",
                              m["group"].text(60) if "group" in m else ""))
        else:
            out.append(Source(item.text(200)))
    return tuple(out)


def _read_stretch(path: Path, display: str, root: Path) -> Stretch:
    doc = read_document(path, display, root)
    m = doc.mapping(
        ("id", "name", "summary", "targets", "position", "movement", "dose", "steps", "feel",
         "level", "sources"),
        ("equipment", "cautions", "avoid_if", "notes", "image", "figure", "short_steps"))
    if "figure" not in m and "image" not in m:
        # A clinic's photo needs no pose figure; without a photo the figure is what prints.
        raise Invalid(f"{display}:{doc.line}: figure: missing field 'figure'; name the pose figure, "
                      "or give 'image:', a photo of the stretch")
    targets = m["targets"].mapping(("primary",), ("secondary",))
    return Stretch(
        id=_read_id(m["id"], path),
        name=m["name"].text(60),
        summary=m["summary"].text(160),
        primary=targets["primary"].words(Area, min_len=1),
        secondary=targets["secondary"].words(Area) if "secondary" in targets else (),
        position=m["position"].word(Position),
        equipment=frozenset(m["equipment"].words(Equipment)) if "equipment" in m else frozenset(),
        movement=m["movement"].word(Movement),
        dose=_read_dose(m["dose"]),
        steps=m["steps"].texts(3, 6, 160),
        short_steps=m["short_steps"].texts(2, 4, 70) if "short_steps" in m else (),
        feel=m["feel"].text(160),
        cautions=m["cautions"].texts(0, 4, 200) if "cautions" in m else (),
        avoid_if=frozenset(_condition_refs(m["avoid_if"])) if "avoid_if" in m else frozenset(),
        level=m["level"].word(Level),
        figure=m["figure"].text(60) if "figure" in m else "",
        sources=_read_sources(m["sources"]),
        notes=m["notes"].texts(0, 6, 240) if "notes" in m else (),
        image=read_image(m["image"], path, root) if "image" in m else "",
        path=display,
    )


def content_folder(d: Path | str) -> Path:
    """A content folder the user named, checked before anything is read from it.

    Raises:
        ContentError: it does not exist, or is not a folder.
    """
    d = Path(d)
    if not d.is_dir():
        raise ContentError([f"{d}: " + ("not a folder; give the content folder" if d.exists()
                                        else "content folder does not exist")])
    return d


def read_image(f: Field, path: Path, root: Path) -> str:
    """A photo path relative to the stretch's file: a real PNG or JPEG inside the content folder."""
    from .photo import PhotoError, check

    given = f.text(300, printed=False)
    if Path(given).is_absolute():
        raise f.fail("give the photo's path relative to this file, e.g. photos/my-stretch.jpg")
    target = path.parent / given
    if not _inside(target, root):
        raise f.fail(f"{given!r} leads outside the content folder; keep photos inside it")
    try:
        check(target)
    except PhotoError as exc:
        raise f.fail(str(exc)) from None
    return str(target)


def _condition_refs(f: Field) -> list[str]:
    return [item.text(60) for item in f.items()]


def _read_conditions(path: Path, display: str, root: Path) -> list[Condition]:
    doc = read_document(path, display, root)
    out = []
    seen: set[str] = set()
    for item in doc.mapping(("conditions",))["conditions"].items(1, 100):
        m = item.mapping(("id", "name", "caution"), ("aliases", "excludes"))
        cid = m["id"].text(60)
        if not ID_PATTERN.match(cid):
            raise m["id"].fail(f"{cid!r} is not an id (lowercase words joined by '-')")
        if cid in seen:
            raise m["id"].fail(f"duplicate condition id {cid!r}")
        seen.add(cid)
        ex = m["excludes"].mapping((), ("movements", "positions", "stretches")) if "excludes" in m else {}
        out.append(Condition(
            id=cid,
            name=m["name"].text(80),
            aliases=m["aliases"].texts(0, 20, 60) if "aliases" in m else (),
            movements=frozenset(ex["movements"].words(Movement)) if "movements" in ex else frozenset(),
            positions=frozenset(ex["positions"].words(Position)) if "positions" in ex else frozenset(),
            stretches=frozenset(ex["stretches"].texts(0, 100, 60)) if "stretches" in ex else frozenset(),
            caution=m["caution"].text(300),
        ))
    return out


def _read_safety(path: Path, display: str, root: Path) -> SafetyRules:
    m = read_document(path, display, root).mapping(("rules", "red_flags", "stop_rule", "sources"),
                                                   ("before_you_start", "remember"))
    flags = m["red_flags"].mapping(("emergency", "urgent"))
    return SafetyRules(
        before=m["before_you_start"].texts(1, 3, 160) if "before_you_start" in m else (),
        remember=m["remember"].texts(2, 2, 80) if "remember" in m else (),
        rules=m["rules"].texts(1, 12, 160),
        red_flags_emergency=flags["emergency"].texts(1, 10, 160),
        red_flags_urgent=flags["urgent"].texts(1, 10, 160),
        stop_rule=m["stop_rule"].text(200),
        sources=_read_sources(m["sources"]),
    )


def _read_routine(path: Path, display: str, root: Path) -> Routine:
    m = read_document(path, display, root).mapping(
        ("id", "title", "minutes"),
        ("audience", "areas", "stretches", "setting", "conditions", "level", "source", "notes"))
    items: list[RoutineItem] = []
    if "stretches" in m:
        for item in m["stretches"].items(1, 20):
            if item.node.tag == "tag:yaml.org,2002:map":
                im = item.mapping(("id",), ("hold_s", "reps"))
                items.append(RoutineItem(
                    stretch=im["id"].text(60),
                    hold_s=im["hold_s"].integer(1, 120) if "hold_s" in im else None,
                    reps=im["reps"].integer(1, 30) if "reps" in im else None))
            else:
                items.append(RoutineItem(stretch=item.text(60)))
    areas = m["areas"].words(Area, min_len=1) if "areas" in m else ()
    if not items and not areas:
        raise m["id"].fail("a routine needs either `stretches` or `areas` to select from")
    return Routine(
        id=_read_id(m["id"], path),
        title=m["title"].text(80),
        audience=m["audience"].text(160) if "audience" in m else "",
        areas=areas,
        minutes=m["minutes"].number(0.5, 60),
        items=tuple(items),
        setting=m["setting"].word(Setting) if "setting" in m else Setting.HOME,
        conditions=m["conditions"].texts(0, 9, 60) if "conditions" in m else (),
        level=m["level"].word(Level) if "level" in m else Level.INTERMEDIATE,
        source=m["source"].text(200) if "source" in m else "",
        notes=m["notes"].texts(0, 6, 240) if "notes" in m else (),
        path=display,
    )


def _cross_check(stretches, routines, conditions, figures, real_paths) -> list[str]:
    """References between files, checked once everything is read so the order of files is moot."""
    problems = []

    def line(display: str, needle: str) -> int:
        return _line_of(real_paths.get(display, Path(display)), needle)

    for s in stretches.values():
        if s.figure and s.figure not in figures:
            problems.append(f"{s.path}:{line(s.path, 'figure')}: figure: "
                            + unknown_message("figure", s.figure, figures))
        for cid in sorted(s.avoid_if - conditions.keys()):
            problems.append(f"{s.path}:{line(s.path, 'avoid_if')}: avoid_if: "
                            + unknown_message("condition", cid, conditions))
    for c in conditions.values():
        for sid in sorted(c.stretches - stretches.keys()):
            problems.append(f"conditions.yaml: {c.id}.excludes.stretches: "
                            + unknown_message("stretch", sid, stretches))
    for r in routines.values():
        for item in r.items:
            if item.stretch not in stretches:
                problems.append(f"{r.path}:{line(r.path, item.stretch)}: stretches: "
                                + unknown_message("stretch", item.stretch, stretches))
        for cid in r.conditions:
            if cid not in conditions:
                problems.append(f"{r.path}:{line(r.path, 'conditions')}: conditions: "
                                + unknown_message("condition", cid, conditions))
        problems.extend(f"{r.path}:{line(r.path, sid)}: stretches: {message}"
                        for sid, message in _fixed_routine_problems(r, stretches, conditions))
    return problems


def _fixed_routine_problems(routine: Routine, stretches, conditions) -> list[tuple[str, str]]:
    """A preset that cannot be printed as written: a hold for a stretch that moves rather
    than holds, or a stretch its own setting, level or conditions leave out (the plan would
    drop it, so the printed routine would not be the one in the file)."""
    from .model import Request
    from .planner import eligibility

    items = [i for i in routine.items if i.stretch in stretches]
    if len(items) < len(routine.items) or any(c not in conditions for c in routine.conditions):
        return []                       # reported above; eligibility needs them all
    problems = [(i.stretch, f"{i.stretch!r} moves rather than holds: give reps, not hold_s")
                for i in items if i.hold_s is not None and stretches[i.stretch].dose.dynamic]
    request = Request(minutes=routine.minutes, setting=routine.setting, level=routine.level,
                      conditions=routine.conditions)
    _, out = eligibility(request, {i.stretch: stretches[i.stretch] for i in items}, conditions)
    problems += [(e.stretch_id, f"{e.stretch_id!r} is left out by the routine's own setting, "
                                f"level or conditions ({e.reason})") for e in out]
    return problems


def _line_of(path: Path, needle: str) -> int:
    """The first line mentioning `needle`; cross-file problems are found after parsing."""
    try:
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in text:
                return n
    except OSError:
        pass
    return 1
