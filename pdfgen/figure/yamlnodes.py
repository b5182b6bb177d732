"""YAML read as a tree of values that remember their line, so every error can say `path:line`.

We compose the node graph ourselves instead of calling `safe_load` because YAML 1.1 turns a key
such as `off:` into False; keeping keys as the raw text lets the loader reject it by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


class FigureError(ValueError):
    """A figure file is wrong; the message is one line: `path:line: field: message`."""


@dataclass(frozen=True)
class Node:
    """One YAML value with its 1-based line; mappings hold Nodes keyed by raw key text."""

    value: Any
    line: int


def read(path: Path) -> Node:
    """Parses one YAML file into a Node tree, with the content reader's guards (size, UTF-8,
    no anchors or aliases, limited nesting).

    Raises:
        FigureError: when the file is missing, unreadable, not YAML, or has duplicate keys.
    """
    from ..yamlread import Invalid, compose_file

    if not path.exists():
        raise FigureError(f"{path}:1: figure: file not found")
    try:
        root = compose_file(path, str(path))
    except Invalid as exc:
        raise FigureError(str(exc)) from None
    if root is None:
        return Node({}, 1)
    return _convert(root, path, "")


def _convert(node: Any, path: Path, field: str) -> Node:
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            sub = f"{field}.{key}" if field else key
            if key in out:
                raise FigureError(f"{path}:{key_node.start_mark.line + 1}: {sub}: duplicate key")
            out[key] = _convert(value_node, path, sub)
        return Node(out, line)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(v, path, f"{field}[{i}]") for i, v in enumerate(node.value)], line)
    constructor = yaml.constructor.SafeConstructor()
    return Node(constructor.construct_object(node), line)


class Checker:
    """Checks values of one file and raises with `path:line: field:` (the file is fixed per Checker)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: Node | int, field: str, message: str) -> FigureError:
        line = node if isinstance(node, int) else node.line
        return FigureError(f"{self.path}:{line}: {field}: {message}")

    def mapping(self, node: Node, field: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict[str, Node]:
        if not isinstance(node.value, dict):
            raise self.fail(node, field, "expected a mapping")
        for key, sub in node.value.items():
            if key not in allowed:
                raise self.fail(sub, f"{field}.{key}" if field else key,
                                f"unknown key (valid: {', '.join(allowed)})")
        for key in required:
            if key not in node.value:
                raise self.fail(node, f"{field}.{key}" if field else key, "required field missing")
        return node.value

    def number(self, node: Node, field: str, low: float, high: float) -> float:
        """A number inside [low, high]. Every number in a figure file has a range: one far
        outside it (an arc from -1e8 degrees, a radius of 0) would make drawing and the
        arrows' clearance search take minutes and gigabytes instead of failing here."""
        v = node.value
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v:
            raise self.fail(node, field, f"expected a number, got {v!r}")
        if not low <= v <= high:
            raise self.fail(node, field, f"{v:g} is out of range ({low:g} to {high:g})")
        return float(v)

    def text(self, node: Node, field: str, choices: tuple[str, ...] | frozenset[str] | None = None) -> str:
        v = node.value
        if not isinstance(v, str):
            raise self.fail(node, field, f"expected text, got {v!r}")
        if choices is not None and v not in choices:
            shown = ", ".join(sorted(choices)) if len(choices) < 20 else "see figures/README.md"
            raise self.fail(node, field, f"unknown value {v!r} (valid: {shown})")
        return v

    def seq(self, node: Node, field: str) -> list[Node]:
        if isinstance(node.value, list):
            return node.value
        return [node]
