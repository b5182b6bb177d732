"""The content's own fields that the pages print: a moving stretch's count."""

from __future__ import annotations

from pathlib import Path

import pytest

from pdfgen import api
from pdfgen.errors import ContentError

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("count, error", [("Roll {n} times.", None),
                                          ("Roll to each side.", "needs {n} once"),
                                          ("Roll {n} times {x}.", "needs {n} once")])
def test_a_moving_stretchs_count_names_its_number_once(tmp_path, count, error):
    """dose.count is printed with the reps in place of {n}: a count without it, or with other
    braces, is a content error naming the file."""
    source = (ROOT / "content/stretches/knee-rolls.yaml").read_text()
    folder = tmp_path / "stretches"
    folder.mkdir()
    (folder / "knee-rolls.yaml").write_text(
        source.replace('count: "Roll to each side {n} times."', f'count: "{count}"'))
    if error is None:
        catalog = api.load_catalog([tmp_path])
        assert catalog.stretches["knee-rolls"].dose.count == count
        return
    with pytest.raises(ContentError) as exc:
        api.load_catalog([tmp_path])
    assert error in str(exc.value) and "knee-rolls.yaml" in str(exc.value)


def test_show_gives_the_short_steps_and_the_count(catalog, run):
    """What the poster and card print comes from `show` too, in text and JSON."""
    text = run("show", "knee-rolls").output
    assert "Short steps (poster and card):" in text and 'printed as "Roll to each side {n} times."' in text
    data = api.stretch_to_dict(catalog.stretches["knee-rolls"])
    assert data["short_steps"] == list(catalog.stretches["knee-rolls"].short_steps)
    assert data["dose"]["count"] == "Roll to each side {n} times."


@pytest.mark.parametrize("points", [1, 3])
def test_the_points_to_remember_are_two(tmp_path, run, points):
    """safety.yaml's `remember` follows the routine's own point on every recap: exactly two,
    else a one-line content error naming the file, exit 2 from build and no file written."""
    source = (ROOT / "content/safety.yaml").read_text()
    lines = "".join(f"  - Point {k}.\n" for k in range(points))
    start = source.index("remember:\n") + len("remember:\n")
    end = source.index("rules:\n")
    (tmp_path / "safety.yaml").write_text(source[:start] + lines + source[end:])
    with pytest.raises(ContentError) as exc:
        api.load_catalog([tmp_path])
    assert f"remember: expected 2 entries, got {points}" in str(exc.value)
    assert "safety.yaml" in str(exc.value)
    result = run("--content", str(tmp_path), "build", "-o", "out.pdf")
    assert result.exit_code == 1 and "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not Path("out.pdf").exists()


def test_a_source_group_is_counted_not_named(catalog):
    """The health trusts' sources carry `group`, and the page counts them."""
    grouped = [s for s in catalog.safety.sources if s.group]
    assert {s.group for s in grouped} == {"UK health trusts"} and len(grouped) == 3
