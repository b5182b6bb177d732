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
    """Parses one YAML file into a Node tree.

    Raises:
        FigureError: when the file is missing, unreadable, not YAML, or has duplicate keys.
    """
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FigureError(f"{path}:1: figure: file not found") from None
    except OSError as exc:
        raise FigureError(f"{path}:1: figure: cannot read ({exc.strerror})") from None
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = str(getattr(exc, "problem", None) or exc).replace("\n", " ")
        raise FigureError(f"{path}:{line}: yaml: {problem}") from None
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
