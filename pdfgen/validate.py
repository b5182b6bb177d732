"""`stretchcard validate`: every problem in a set of content folders at once, for the editor.

Building a PDF stops at broken content; someone editing a clinic's own stretches wants the
whole list in one go. On top of loading the catalog (schema, references between files, photos,
hostile files) this loads every figure, decodes every photo fully and grades the reading level
of every stretch's steps; those checks cost too much to run on every command.

Each finding is `path:line: field: message`; a warning (which does not fail validation) prints
with a `warning: ` prefix, like the warnings of every other command.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from . import catalog, photo, readability
from .errors import ContentError
from .paths import builtin_content_dir, builtin_figures_dir, data_root
from .yamlread import Field, Invalid

MAX_GRADE = 8.0
# About the largest figure box of a poster with several stretches (A3, Tabloid: 3.3 x 2.3 in);
# the exact box is known only when a layout draws, which warns again if the photo falls short.
REFERENCE_BOX_PT = (216.0, 216.0)


@dataclass(frozen=True)
class Problem:
    """One finding, worded `path:line: field: message`; errors fail validation, warnings do not."""

    text: str
    warning: bool = False

    def __str__(self) -> str:
        return f"warning: {self.text}" if self.warning else self.text


@dataclass(frozen=True)
class _Folder:
    """A content folder to check, with the rules the catalog reads it by."""

    content: Path
    figures: Path
    root: Path            # nothing read from the folder may lead outside this
    display_base: Path | None = None

    def show(self, path: Path) -> str:
        return str(path.relative_to(self.display_base)) if self.display_base else str(path)

    def document(self, path: Path) -> Field | None:
        """The file's YAML, or None when the catalog refuses to read it (and reports why)."""
        try:
            return catalog.read_document(path, self.show(path), self.root)
        except Invalid:
            return None


def validate(dirs: Sequence[Path], builtin: bool = True) -> list[Problem]:
    """Every problem in the content folders `dirs` (and in the built-in content if `builtin`).

    The built-in content is always loaded underneath, since user files may refer to it.
    """
    folders = [_Folder(Path(d), Path(d) / "figures", Path(d).resolve()) for d in dirs]
    if builtin:
        folders.insert(0, _Folder(builtin_content_dir(), builtin_figures_dir(),
                                  data_root().resolve(), data_root()))
    problems = _catalog_problems(dirs)
    for folder in folders:
        problems.extend(_figure_problems(folder))
        problems.extend(_stretch_problems(folder))
    return problems


def _catalog_problems(dirs: Sequence[Path]) -> list[Problem]:
    """Everything the catalog finds in one load: it already collects all problems, not the first."""
    try:
        loaded = catalog.load(dirs)
    except ContentError as exc:
        return [Problem(text) for text in exc.problems]
    return [Problem(text, warning=True) for text in loaded.warnings]


def _figure_problems(folder: _Folder) -> Iterator[Problem]:
    from .figure import FigureError, load_figure

    for path in catalog.yaml_files(folder.figures):
        if folder.document(path) is None:
            continue
        try:
            load_figure(path)
        except FigureError as exc:
            yield Problem(str(exc))


def _stretch_problems(folder: _Folder) -> Iterator[Problem]:
    """Reading grade and photo checks, straight from each stretch file's YAML.

    Working from the YAML rather than the catalog means a stretch with one bad field is still
    graded, so a single run reports everything.
    """
    for path in catalog.yaml_files(folder.content / "stretches"):
        top = folder.document(path)
        fields = _top_fields(top) if top else {}
        if "steps" in fields:
            yield from _grade_steps(fields["steps"])
        if "image" in fields:
            yield from _photo_problems(fields["image"], path, folder.root)


def _top_fields(top: Field) -> dict[str, Field]:
    """The top-level keys of a document, leniently: the schema is the catalog's job."""
    import yaml

    if not isinstance(top.node, yaml.MappingNode):
        return {}
    return {k.value: top.child(v, k.value) for k, v in top.node.value
            if isinstance(k, yaml.ScalarNode)}


def _grade_steps(steps: Field) -> Iterator[Problem]:
    lines = [line for line in map(_text, _items(steps)) if line]
    grade = readability.grade(lines)
    if grade > MAX_GRADE:
        hardest = max(range(len(lines)), key=lambda k: readability.grade([lines[k]]))
        yield Problem(str(steps.fail(
            f"reads at grade {grade:.1f}, above grade {MAX_GRADE:g}; use shorter words and "
            f"sentences (hardest: steps[{hardest}], {lines[hardest]!r})")), warning=True)


def _photo_problems(image: Field, path: Path, root: Path) -> Iterator[Problem]:
    """Decodes the photo fully (the catalog only checks its structure) and checks its size."""
    try:
        target = Path(catalog.read_image(image, path, root))
    except Invalid:
        return  # the catalog reports it
    try:
        prepared = photo.prepare(target)
    except photo.PhotoError as exc:
        yield Problem(str(image.fail(str(exc))))
        return
    blurred = photo.resolution_warning(prepared, *REFERENCE_BOX_PT)
    if blurred:
        yield Problem(str(image.fail(blurred)), warning=True)


def _items(f: Field) -> list[Field]:
    try:
        return f.items()
    except Invalid:
        return []


def _text(f: Field) -> str:
    """The field's text, or "" for anything else (the catalog reports wrong types)."""
    try:
        value: Any = f.scalar()
    except Invalid:
        return ""
    return value if isinstance(value, str) else ""
