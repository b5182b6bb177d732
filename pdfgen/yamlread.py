"""Reads YAML into plain values while remembering the line of every value.

Validators in the catalog ask a `Field` for the type they expect; a wrong answer becomes a
problem `path:line: field: message` instead of an exception deep in a layout later. Anchors and
aliases are refused outright: content never needs them, and they are how "YAML bombs" expand.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

MAX_FILE_BYTES = 256 * 1024

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
            raise self.fail(f"expected {min_len} to {max_len} entries, got {n}")
        return [self.child(node, i) for i, node in enumerate(self.node.value)]

    # --- scalars ---------------------------------------------------------------------------
    def scalar(self) -> Any:
        import yaml

        if not isinstance(self.node, yaml.ScalarNode):
            raise self.fail("expected a single value")
        return _constructor().construct_object(self.node)

    def text(self, max_len: int = 400, allow_empty: bool = False) -> str:
        value = self.scalar()
        if not isinstance(value, str):
            raise self.fail(f"expected text, got {_kind(value)} {value!r}")
        value = " ".join(value.split())
        if not value and not allow_empty:
            raise self.fail("must not be empty")
        if len(value) > max_len:
            raise self.fail(f"too long ({len(value)} characters, at most {max_len})")
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
    """Parses one file into a `Field` for its top node, refusing oversized files and aliases."""
    import yaml

    top = Field(None, display, "")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Invalid(f"{display}:1: (file): cannot read: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise Invalid(f"{display}:1: (file): too large ({size} bytes, at most {MAX_FILE_BYTES})")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Invalid(f"{display}:1: (file): cannot read as UTF-8 text: {exc}") from None
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader_cls)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise Invalid(f"{display}:{line}: (file): not valid YAML: {exc.problem}") from None
    if node is None:
        raise Invalid(f"{display}:1: (file): the file is empty")
    _refuse_aliases(node, display)
    return Field(node, top.path, "")


def _refuse_aliases(root: Any, display: str) -> None:
    """Walks the node graph once; a node met twice can only come from an alias."""
    import yaml

    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise Invalid(f"{display}:{node.start_mark.line + 1}: (file): anchors and aliases "
                          "(&name / *name) are not allowed in content")
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.extend((k, v))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def collect(problems: list[str], fn: Callable[[], Any]) -> Any:
    """Runs one validation step; a problem is recorded and None returned so loading goes on."""
    try:
        return fn()
    except Invalid as exc:
        problems.append(str(exc))
        return None
