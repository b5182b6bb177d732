"""Pose templates (`template:` in a figure file): each solves with its contacts met, and the
file overrides it key by key."""

from __future__ import annotations

import pytest

from pdfgen.figure import FigureError, build, load_figure
from pdfgen.figure.solve import bottom, place
from pdfgen.figure.templates import templates

CONTACT_TOL = 0.012  # H, as for the built-in figures
NAMES = ("lying-knees-bent", "lying-flat", "all-fours", "kneeling-lunge", "seated-chair",
         "standing", "standing-at-table")


def figure(tmp_path, text: str):
    path = tmp_path / "my-fig.yaml"
    path.write_text("figure: my-fig\n" + text)
    return load_figure(path)


def test_the_templates_are_the_documented_ones():
    assert sorted(templates()) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_figure_from_each_template_solves_with_its_contacts_met(tmp_path, name):
    from pdfgen.figure.backend_pil import render_png

    spec = figure(tmp_path, f"template: {name}\nposes:\n  - name: start\n")
    scene = place(spec)
    [pose], [body] = spec.poses, scene.bodies
    assert pose.contacts
    for c in pose.contacts:
        assert abs(bottom(body, c.point) - scene.heights[c.on]) <= CONTACT_TOL, (c.point, c.on)
    ink = render_png(build(spec), 150).convert("L").getextrema()[0]
    assert ink < 100


def test_the_file_overrides_the_template_key_by_key_and_joint_by_joint(tmp_path):
    spec = figure(tmp_path, "template: standing\nprops: [mat]\nposes:\n"
                            "  - joints: {shoulder_R: 170}\n"
                            "  - joints: {knee_L: 40}\n")
    first, second = (p.angle_map() for p in spec.poses)
    assert first["shoulder_R"] == 170 and first["shoulder_L"] == 0 and first["elbow_R"] == 5
    assert [p.kind for p in spec.props] == ["mat"]                 # the file's props win
    assert [c.point for c in spec.poses[0].contacts] == ["foot_R", "foot_L"]   # the template's
    assert second["shoulder_R"] == 170 and second["knee_L"] == 40  # later poses inherit as usual


def test_a_template_brings_the_props_its_contacts_need(tmp_path):
    spec = figure(tmp_path, "template: seated-chair\nposes:\n  - {}\n")
    assert [p.kind for p in spec.props] == ["chair"]


def test_an_unknown_template_is_a_one_line_error_naming_the_choices(tmp_path):
    with pytest.raises(FigureError) as info:
        figure(tmp_path, "template: handstand\nposes:\n  - {}\n")
    message = str(info.value)
    assert "\n" not in message and ":2: template: unknown value 'handstand'" in message
    assert "lying-knees-bent" in message


def test_a_problem_from_the_template_points_at_the_template_line(tmp_path):
    with pytest.raises(FigureError) as info:
        figure(tmp_path, "props: [mat]\ntemplate: standing-at-table\nposes:\n  - {}\n")
    assert ":3: " in str(info.value) and "table" in str(info.value)
