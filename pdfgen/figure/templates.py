"""Pose templates: a clinic's figure starts from a named pose instead of a blank body.

Most figures begin in one of a few positions (lying with knees bent, on all fours, seated on a
chair...), and getting every joint of such a start right by hand is the slow part of writing
one. `template: <name>` fills the first pose (and the props it needs) from `templates.yaml`;
whatever the file gives itself wins, key by key and joint by joint. The merge happens on the
parsed tree, before any checking, so a template is checked exactly like the file's own text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .yamlnodes import Checker, Node, read

TEMPLATES_FILE = Path(__file__).with_name("templates.yaml")
TOP_KEYS = ("props", "view", "support")  # what a template may give besides its pose


@cache
def templates() -> dict[str, Node]:
    """The templates by name, read once per process."""
    return read(TEMPLATES_FILE).value


def apply_template(ctx: Checker, top: Node) -> Node:
    """The figure's tree with its `template:` filled in (or `top` unchanged without one).

    Every node taken from the template carries the line of the `template:` key, so a problem
    the combination causes (a solve goal the file's joints make impossible) points there.

    Raises:
        FigureError: an unknown template name.
    """
    if not isinstance(top.value, dict) or "template" not in top.value:
        return top
    key = top.value["template"]
    name = ctx.text(key, "template", tuple(templates()))
    tmpl = _at_line(templates()[name], key.line).value
    out = {k: v for k, v in top.value.items() if k != "template"}
    for k in TOP_KEYS:
        if k in tmpl and k not in out:
            out[k] = tmpl[k]
    poses = out.get("poses")
    if poses is not None and isinstance(poses.value, list) and poses.value:
        first = poses.value[0]
        if isinstance(first.value, dict):
            merged = _merge(tmpl["pose"].value, first.value)
            out["poses"] = Node([Node(merged, first.line), *poses.value[1:]], poses.line)
    return Node(out, top.line)


def _merge(base: dict[str, Node], own: dict[str, Node]) -> dict[str, Node]:
    """The template's pose overridden key by key; joints joint by joint, the file's last so
    that its `hip_R` wins over the template's `hip` (joints are applied in order)."""
    merged = {**base, **own}
    if "joints" in base and "joints" in own and isinstance(own["joints"].value, dict):
        joints = {k: v for k, v in base["joints"].value.items() if k not in own["joints"].value}
        merged["joints"] = Node({**joints, **own["joints"].value}, own["joints"].line)
    return merged


def _at_line(node: Node, line: int) -> Node:
    if isinstance(node.value, dict):
        return Node({k: _at_line(v, line) for k, v in node.value.items()}, line)
    if isinstance(node.value, list):
        return Node([_at_line(v, line) for v in node.value], line)
    return Node(node.value, line)
