"""Properties that hold for any input: plans keep to their budget and their safety rules and
are deterministic; a content file mangled in any way is refused with a ContentError, never a
crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pdfgen import catalog as catalog_mod, planner
from pdfgen.errors import ContentError, NoFitError
from pdfgen.model import Area, Equipment, Level, Request, Setting
from pdfgen.paths import builtin_content_dir

# Derandomized: the same examples on every run and machine, so CI cannot fail by luck; the
# examples are chosen to keep this file to a few seconds.
PROPERTY_SETTINGS = settings(deadline=None, derandomize=True,
                             suppress_health_check=[HealthCheck.too_slow])


# --- the planner ----------------------------------------------------------------------------

@st.composite
def requests(draw, condition_ids: list[str]) -> Request:
    return Request(
        areas=tuple(draw(st.lists(st.sampled_from(list(Area)), min_size=1, max_size=4,
                                  unique=True))),
        minutes=draw(st.floats(0.5, 60, allow_nan=False)),
        setting=draw(st.sampled_from(list(Setting))),
        equipment=draw(st.none() | st.frozensets(st.sampled_from(list(Equipment)))),
        conditions=tuple(draw(st.lists(st.sampled_from(condition_ids), max_size=3, unique=True))),
        level=draw(st.sampled_from(list(Level))),
    )


def _unsafe_for(stretch, condition) -> bool:
    """The condition rules as content-format.md states them, independent of the planner."""
    return (condition.id in stretch.avoid_if or stretch.id in condition.stretches
            or stretch.movement in condition.movements or stretch.position in condition.positions)


def test_plans_keep_to_budget_and_safety_and_repeat_exactly(catalog):
    @settings(PROPERTY_SETTINGS, max_examples=60)
    @given(requests(sorted(catalog.conditions)))
    def check(request):
        try:
            plan = planner.plan(request, catalog.stretches, catalog.conditions)
        except NoFitError:
            return
        assert plan.total_s <= request.budget_s
        eligible, _ = planner.eligibility(request, catalog.stretches, catalog.conditions)
        allowed = {s.id for s in eligible}
        for item in plan.items:
            assert item.stretch.id in allowed
            assert not any(_unsafe_for(item.stretch, catalog.conditions[c])
                           for c in request.conditions), item.stretch.id
            assert item.stretch.id not in plan.excluded
        assert planner.plan(request, catalog.stretches, catalog.conditions) == plan

    check()


# --- the catalog ----------------------------------------------------------------------------

SOURCES = {
    "stretches/knee-to-chest.yaml": builtin_content_dir() / "stretches" / "knee-to-chest.yaml",
    "stretches/cat-cow.yaml": builtin_content_dir() / "stretches" / "cat-cow.yaml",
    "routines/seven-in-seven.yaml": builtin_content_dir() / "routines" / "seven-in-seven.yaml",
    "conditions.yaml": builtin_content_dir() / "conditions.yaml",
    "safety.yaml": builtin_content_dir() / "safety.yaml",
}
JUNK = st.sampled_from([":", "-", "[", "]", "{", "}", "&a", "*a", "!", "!!int", "%", "@", "`",
                        "#", "|", ">", "?", "'", '"', "\t", "\n", "  ", "\x00", "\x1b", "\ufeff",
                        "\u2028", "😀", "ж", "\\", "<<: ", "0x", "1e999", "~", "null", "yes"])
VALUES = st.sampled_from(["1", "-1", "0", "1.5", "1e999", ".nan", "true", "off", "null", "~",
                          "[]", "{}", "[1, 2]", "{a: 1}", "''", '"x"', "2020-01-01",
                          "!!binary AA==",
                          "!!str 3", "!!float x", "!!timestamp x", "&x 1", "*x", "|\n  text",
                          "9" * 5000, "lower-back", "supine", "knee-to-chest", "towel", "one"])
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


def _delete_key(lines: list[str], k: int) -> list[str]:
    """Drops line k and the lines indented under it."""
    indent = len(lines[k]) - len(lines[k].lstrip())
    end = k + 1
    while end < len(lines) and (len(lines[end]) - len(lines[end].lstrip()) > indent
                                or not lines[end].strip()):
        end += 1
    return lines[:k] + lines[end:]


def _change_value(lines: list[str], k: int, value: str) -> list[str]:
    head, sep, _ = lines[k].partition(": ")
    if not sep:
        head, sep = lines[k].rstrip(), " "
    return lines[:k] + [f"{head}{sep}{value}"] + lines[k + 1:]


def _duplicate_line(lines: list[str], k: int) -> list[str]:
    return lines[: k + 1] + [lines[k]] + lines[k + 1:]


@st.composite
def mangled(draw) -> tuple[str, bytes]:
    """One valid content file, changed by a few random edits."""
    rel = draw(st.sampled_from(sorted(SOURCES)))
    text = SOURCES[rel].read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        k = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "value", "duplicate", "junk", "truncate", "word"]))
        if kind == "delete":
            lines = _delete_key(lines, k)
        elif kind == "value":
            lines = _change_value(lines, k, draw(VALUES))
        elif kind == "duplicate":
            lines = _duplicate_line(lines, k)
        elif kind == "word":
            lines = _change_value(lines, k, draw(WORDS))
        text = "\n".join(lines)
        if kind == "junk":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(JUNK) + text[at:]
        elif kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
    return rel, text.encode("utf-8", "surrogatepass")


@settings(PROPERTY_SETTINGS, max_examples=150)
@given(mangled())
def test_mangled_content_loads_or_gives_one_line_content_errors(case):
    rel, data = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        try:
            catalog_mod.load([Path(tmp)])
        except ContentError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert "\n" not in problem and "\r" not in problem, problem
                assert problem.startswith(tmp) or problem.startswith(("conditions.yaml:",
                                                                      "content/")), problem


@pytest.mark.parametrize("rel", sorted(SOURCES))
def test_the_unmangled_sources_load(tmp_path, rel):
    (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / rel).write_bytes(SOURCES[rel].read_bytes())
    catalog_mod.load([tmp_path])
