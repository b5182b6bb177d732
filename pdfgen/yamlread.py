"""Reads YAML into plain values while remembering the line of every value.

Validators in the catalog ask a `Field` for the type they expect; a wrong answer becomes a
problem `path:line: field: message` instead of an exception deep in a layout later. Content
files may come from anyone, so reading distrusts them: anchors and aliases are refused outright
(content never needs them, and they are how "YAML bombs" expand), as is deep nesting, and text
must be printable with the page font.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import glyphs

MAX_FILE_BYTES = 256 * 1024
# Content nests four levels at most. libyaml's composer recurses in C, so thousands of levels
# crash the process, and a long run of '[' takes minutes to parse: stop at the first event
# past this depth instead.
MAX_DEPTH = 16
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")

E = TypeVar("E", bound=enum.Enum)


class Invalid(Exception):
    """One problem with a field; carries the formatted `path:line: field: message`."""


@dataclass(frozen=True)
class Field:
    """A YAML node together with where it came from, so any complaint can point at it."""

    node: Any
    path: str
    name: str

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    def fail(self, message: str) -> Invalid:
        where = self.name or "(top)"
        return Invalid(f"{self.path}:{self.line}: {where}: {message}")

    def child(self, node: Any, key: str | int) -> "Field":
        if isinstance(key, str) and not _PLAIN_KEY.fullmatch(key):
            key = repr(key)  # a quoted key may hold a line break; a problem stays one line
        name = f"{self.name}[{key}]" if isinstance(key, int) else (
            f"{self.name}.{key}" if self.name else key)
        return Field(node, self.path, name)

    # --- structure -------------------------------------------------------------------------
    def mapping(self, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, "Field"]:
        import yaml

        if not isinstance(self.node, yaml.MappingNode):
            raise self.fail("expected a mapping of keys to values")
        out: dict[str, Field] = {}
        allowed = set(required) | set(optional)
        for key_node, value_node in self.node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key_node.tag != "tag:yaml.org,2002:str" or not isinstance(key, str):
                raise Field(key_node, self.path, self.name).fail(
                    f"key {key!r} is not plain text (quote it: YAML reads words like off/no as booleans)")
            if key not in allowed:
                raise self.child(key_node, key).fail(
                    f"unknown key (allowed: {', '.join(sorted(allowed))})")
            if key in out:
                raise self.child(key_node, key).fail("key given twice")
            out[key] = self.child(value_node, key)
        missing = [k for k in required if k not in out]
        if missing:
            raise self.fail(f"missing field {missing[0]!r}")
        return out

    def items(self, min_len: int = 0, max_len: int = 10_000) -> list["Field"]:
        import yaml

        if not isinstance(self.node, yaml.SequenceNode):
            raise self.fail("expected a list")
        n = len(self.node.value)
        if not min_len <= n <= max_len:
            wanted = f"{min_len}" if min_len == max_len else f"{min_len} to {max_len}"
            raise self.fail(f"expected {wanted} entries, got {n}")
        return [self.child(node, i) for i, node in enumerate(self.node.value)]

    # --- scalars ---------------------------------------------------------------------------
    def scalar(self) -> Any:
        import yaml

        if not isinstance(self.node, yaml.ScalarNode):
            raise self.fail("expected a single value")
        try:
            return _constructor().construct_object(self.node)
        except Exception as exc:  # PyYAML raises assorted errors for odd tags such as `!!int abc`
            raise self.fail(f"cannot read this value ({_problem(exc)})") from None

    def text(self, max_len: int = 400, allow_empty: bool = False, printed: bool = True) -> str:
        """One line of text, whitespace collapsed; `printed` text must be printable by the page
        font (a file name, which never reaches the page, need not be)."""
        value = self.scalar()
        if not isinstance(value, str):
            raise self.fail(f"expected text, got {_kind(value)} {value!r}")
        value = glyphs.one_line(value)
        if not value and not allow_empty:
            raise self.fail("must not be empty")
        if len(value) > max_len:
            raise self.fail(f"too long ({len(value)} characters, at most {max_len})")
        unprintable = glyphs.problem(value, offer_font=False) if printed else None
        if unprintable:
            raise self.fail(unprintable)
        return value

    def integer(self, low: int, high: int) -> int:
        value = self.scalar()
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"expected a whole number, got {_kind(value)} {value!r}")
        if not low <= value <= high:
            raise self.fail(f"{value} is out of range ({low} to {high})")
        return value

    def number(self, low: float, high: float) -> float:
        value = self.scalar()
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise self.fail(f"expected a number, got {_kind(value)} {value!r}")
        if not low <= value <= high:
            raise self.fail(f"{value} is out of range ({low} to {high})")
        return float(value)

    def word(self, enum_cls: type[E]) -> E:
        value = self.scalar()
        try:
            return enum_cls.coerce(str(value))  # type: ignore[attr-defined]
        except ValueError as exc:
            raise self.fail(str(exc)) from None

    def words(self, enum_cls: type[E], min_len: int = 0) -> tuple[E, ...]:
        found = [f.word(enum_cls) for f in self.items(min_len=min_len)]
        return tuple(dict.fromkeys(found))

    def texts(self, min_len: int = 0, max_len: int = 50, max_chars: int = 400) -> tuple[str, ...]:
        return tuple(f.text(max_chars) for f in self.items(min_len, max_len))


def _kind(value: Any) -> str:
    return {bool: "true/false", int: "number", float: "number", str: "text",
            type(None): "nothing"}.get(type(value), type(value).__name__)


def _constructor():
    import yaml

    return yaml.constructor.SafeConstructor()


def load_document(path: Path, display: str) -> Field:
    """Parses one file into a `Field` for its top node.

    Raises:
        Invalid: as `compose_file`, or the file is empty.
    """
    node = compose_file(path, display)
    if node is None:
        raise Invalid(f"{display}:1: (file): the file is empty")
    return Field(node, display, "")


def compose_file(path: Path, display: str):
    """The file's YAML node tree (None when empty), read with every guard against hostile
    files; the pose-figure reader uses it too.

    Raises:
        Invalid: the path is not a regular file, is over MAX_FILE_BYTES, is not UTF-8 or not
            YAML, or uses anchors, aliases or nesting deeper than MAX_DEPTH.
    """
    import yaml

    text = _read_text(path, display)
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        _check_events(yaml.parse(text, Loader=loader_cls), display)
        return yaml.compose(text, Loader=loader_cls)
    except yaml.YAMLError as exc:
        if loader_cls is not yaml.SafeLoader:
            _recheck_in_python(text, display)
        raise Invalid(f"{display}:{_error_line(exc, text)}: (file): not valid YAML: "
                      f"{_problem(exc)}") from None


def _recheck_in_python(text: str, display: str) -> None:
    """Gives our own guards the first word on a file libyaml refused.

    libyaml reads ahead before it hands over the first event, and from PyYAML 6.0.4 it refuses
    deep nesting itself, in words of its own, before `_check_events` sees a single level. The
    pure-Python parser streams events and has no limit of its own, so running our checks on it
    makes the message the same whichever release answers. It only runs for a file that is
    already refused, so the common path keeps libyaml's speed.
    """
    import yaml

    try:
        _check_events(yaml.parse(text, Loader=yaml.SafeLoader), display)
    except yaml.YAMLError:
        pass  # a real syntax error: the caller reports libyaml's own account of it


def _read_text(path: Path, display: str) -> str:
    """The file's text, read through the one guarded reader (regular files, size-capped)."""
    from .infile import FileRefused, read_regular

    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        raise Invalid(f"{display}:1: (file): {exc.reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise Invalid(f"{display}:{line}: (file): not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                      "save the file as UTF-8") from None


def _check_events(events, display: str) -> None:
    """Refuses anchors, aliases and deep nesting from the event stream, before anything is built."""
    import yaml

    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise Invalid(f"{display}:{event.start_mark.line + 1}: (file): anchors and aliases "
                          "(&name / *name) are not allowed in content")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise Invalid(f"{display}:{event.start_mark.line + 1}: (file): nested more than "
                              f"{MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _error_line(exc: Exception, text: str) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return mark.line + 1
    position = getattr(exc, "position", None)  # a ReaderError counts characters, not lines
    return text[:position].count("\n") + 1 if isinstance(position, int) else 1


def _problem(exc: Exception) -> str:
    """The gist of a PyYAML error in one line, without its multi-line "in <file>" context."""
    import yaml

    if isinstance(exc, yaml.MarkedYAMLError):
        text = exc.problem or exc.context or ""
    elif isinstance(exc, yaml.reader.ReaderError):
        text = f"character U+{exc.character:04X} is not allowed"
    else:
        text = str(exc)
    return " ".join(text.split()) or type(exc).__name__


def collect(problems: list[str], fn: Callable[[], Any]) -> Any:
    """Runs one validation step; a problem is recorded and None returned so loading goes on."""
    try:
        return fn()
    except Invalid as exc:
        problems.append(str(exc))
        return None
