"""Every pose figure, checked as a physiotherapist's drawing would be: anatomy, support, contacts,
props, visibility of the target, contrast, fit and mirroring."""

from __future__ import annotations

from math import dist
from pathlib import Path

import pytest

from pdfgen.figure import FigureError, build, load_figure
from pdfgen.figure.facts import check_facts
from pdfgen.figure import skeleton as sk
from pdfgen.figure.body import TRUNK_LINKS
from pdfgen.figure.palette import contrast_ratio, palette, rgb
from pdfgen.figure.props import build_props
from pdfgen.figure.solve import bottom, lowest, place, point_of
from pdfgen.paths import builtin_content_dir, builtin_figures_dir

FIGURES = sorted(builtin_figures_dir().glob("*.yaml"))
TOL = 0.004        # of body height H (figures.md)
CONTACT_TOL = 0.012


@pytest.fixture(scope="module", params=FIGURES, ids=lambda p: p.stem)
def spec(request):
    return load_figure(request.param)


def test_every_stretch_has_a_figure():
    ids = {p.stem for p in FIGURES}
    stretches = {p.stem for p in (builtin_content_dir() / "stretches").glob("*.yaml")}
    assert stretches <= ids


def test_joints_within_hard_range_of_motion(spec):
    """Past the hard (passive) range fails; past the usual active range only warns."""
    import warnings

    rom = sk.rom_table()
    for pose in spec.poses:
        for name, angle in pose.angle_map().items():
            lo, hi = rom[name].hard
            assert lo - 1e-6 <= angle <= hi + 1e-6, (spec.id, pose.name, name, angle)
            alo, ahi = rom[name].active
            if not alo <= angle <= ahi:
                warnings.warn(f"{spec.id} {pose.name}: {name} {angle:g} is past the active range "
                              f"{alo:g}..{ahi:g}", stacklevel=1)


def test_nothing_below_the_support(spec):
    scene = place(spec)
    for body in scene.bodies:
        assert lowest(body) >= -TOL, (spec.id, lowest(body))


def test_contacts_are_met(spec):
    scene = place(spec)
    for pose, body in zip(spec.poses, scene.bodies):
        for c in pose.contacts:
            if c.on in scene.heights:
                assert abs(bottom(body, c.point) - scene.heights[c.on]) <= CONTACT_TOL, \
                    (spec.id, pose.name, c.point, c.on)


def test_segment_lengths_are_kept(spec):
    scene = place(spec)
    first = scene.bodies[0]
    # The spine bends along its links, so the trunk is checked link by link, not end to end.
    links = list(TRUNK_LINKS) + [(a, b) for a, b, _, chain in sk.SEGMENTS.values()
                                 if chain != "trunk" and a != b]
    for body in scene.bodies[1:]:
        for a, b in links:
            expected = dist(first.points[a], first.points[b])
            assert dist(body.points[a], body.points[b]) == pytest.approx(expected, abs=1e-9), (a, b)


def test_no_body_point_inside_a_prop(spec):
    scene = place(spec)
    solids = [box for prop in build_props(spec, scene) for box in prop.boxes if box.role == "solid"]
    for body in scene.bodies:
        for name, (x, y, z) in body.points.items():
            if ">" in name:
                continue
            for box in solids:
                inside = (box.x0 + TOL < x < box.x1 - TOL and box.y0 + TOL < y < box.y1 - TOL
                          and box.z0 + TOL < z < box.z1 - TOL)
                assert not inside, (spec.id, name, box)


def test_highlight_visible_after_overlap(spec):
    """The target is painted in depth order, never over a nearer limb, so a pose that hides it
    behind an arm or leg fails here: re-pose it or choose another view."""
    from pdfgen.figure.backend_pil import render_png

    target = rgb(palette().highlight)
    raw = render_png(build(spec), 200).tobytes()
    pixels = zip(raw[0::3], raw[1::3], raw[2::3])
    near = sum(1 for px in pixels if sum(abs(a - b) for a, b in zip(px, target)) < 60)
    assert near >= 40, (spec.id, near)


def test_highlight_visible_in_grayscale(spec):
    from pdfgen.figure.backend_pil import render_png

    level = rgb(palette(grayscale=True).highlight)[0]
    img = render_png(build(spec), 200, grayscale=True).convert("L")
    assert sum(1 for v in img.tobytes() if abs(v - level) < 12) >= 30, spec.id


def test_figure_shows_its_text(spec):
    """Every placement a stretch's steps and cautions name holds on the solved pose."""
    assert spec.facts, f"{spec.id}: no checks: taken from its steps and cautions"
    problems = check_facts(spec)
    assert not problems, "\n".join(problems)


def _stretches_by_figure() -> dict[str, dict]:
    import yaml

    out = {}
    for path in sorted((builtin_content_dir() / "stretches").glob("*.yaml")):
        data = yaml.safe_load(path.read_text())
        out[data["figure"]] = data
    return out


def test_view_follows_the_rule(spec):
    """Lying, kneeling and all-fours figures are seen low (pitch at most 15), side bends from the
    front; a floor or mat is always drawn under a floor figure."""
    from pdfgen.figure.facts import view_problem

    stretch = _stretches_by_figure().get(spec.id)
    if stretch is None:
        pytest.skip("no stretch uses this figure")
    problem = view_problem(spec.view, stretch["position"], stretch["movement"])
    assert not problem, f"{spec.id}: {problem}"
    lines = {s.tone for s in build(spec).shapes} | {getattr(s, "edge", "") for s in build(spec).shapes}
    assert "prop_line" in lines, f"{spec.id}: no floor or mat line"


def test_head_reads_on_a_card_strip(spec):
    """In a row of 150 px cells with a standing and a lying figure, drawn at the row's shared
    scale, the figure's head is at least 12 px tall."""
    from pdfgen.figure.shapes import Circle, shared_scale

    row = [build(spec)] + [build(load_figure(builtin_figures_dir() / f"{fid}.yaml"))
                           for fid in ("standing-side-bend", "knee-to-chest")]
    scale = shared_scale(row, 150, 150)
    heads = [s.r for s in row[0].shapes if isinstance(s, Circle) and s.tone in ("near", "far")]
    assert heads and 2 * max(heads) * scale >= 12, (spec.id, round(2 * max(heads) * scale, 1))


def test_a_column_sequence_stacks_its_phases_first_on_top(tmp_path):
    """`sequence: column` draws each phase in its own panel under the one before, each on its
    own floor, so two lying phases make a near-square picture instead of a thin strip."""
    from pdfgen.figure.shapes import Circle

    text = (builtin_figures_dir() / "cat-cow.yaml").read_text()
    assert "sequence: column" in text
    heads = [s.c for s in build(load_figure(builtin_figures_dir() / "cat-cow.yaml")).shapes
             if isinstance(s, Circle) and s.r == sk.HEAD_R and s.tone in ("near", "far")]
    assert len(heads) == 2 and heads[0][1] > heads[1][1] + 0.3   # cow above cat
    assert abs(heads[0][0] - heads[1][0]) < 0.1                  # the still parts stay in line
    row = tmp_path / "cat-cow.yaml"
    row.write_text(text.replace("sequence: column", "sequence: row"))
    x0, y0, x1, y1 = build(load_figure(row)).bbox
    assert (x1 - x0) / (y1 - y0) > 2.5                           # side by side: a strip
    x0, y0, x1, y1 = build(load_figure(builtin_figures_dir() / "cat-cow.yaml")).bbox
    assert (x1 - x0) / (y1 - y0) < 1.5
    row.write_text(text.replace("sequence: column", "sequence: diagonal"))
    with pytest.raises(FigureError, match="sequence: expected row, column"):
        load_figure(row)


def test_a_row_sequence_seats_every_phase_on_its_own_chair():
    """Side by side, each phase of a seated figure gets its own chair: none floats."""
    spec = load_figure(builtin_figures_dir() / "seated-pelvic-tilt.yaml")
    assert spec.sequence == "row"
    scene = place(spec)
    chair = next(p for p in build_props(spec, scene) if p.kind == "chair")
    seat_h = scene.heights["chair"]
    seats = [b for b in chair.boxes if b.role == "solid" and abs(b.y1 - seat_h) < 1e-9]
    assert len(seats) == len(spec.poses) == 2
    for body, seat in zip(scene.bodies, seats):
        assert seat.x0 < body.points["root"][0] < seat.x1


def test_a_row_sequence_points_from_each_phase_to_the_next():
    """Between side-by-side phases a step chevron points to the next one (right; left when
    mirrored), between the two bodies and above their knees, so the order reads uncaptioned."""
    from pdfgen.figure.shapes import Polyline

    spec = load_figure(builtin_figures_dir() / "seated-pelvic-tilt.yaml")
    for mirrored, sign in ((False, 1), (True, -1)):
        geometry = build(spec, mirrored=mirrored)
        marks = [s for s in geometry.shapes if isinstance(s, Polyline) and s.tone == "prop_line"]
        assert len(marks) == len(spec.poses) - 1 == 1
        (a, tip, b) = marks[0].points
        assert sign * (tip[0] - a[0]) > 0 and sign * (tip[0] - b[0]) > 0   # points onward
        heads = sorted(s.c[0] for s in geometry.shapes
                       if getattr(s, "r", None) == sk.HEAD_R and s.tone in ("near", "far"))
        assert heads[0] < tip[0] < heads[-1]


def test_a_bar_stands_on_two_posts_from_the_floor():
    """A fixed bar is drawn on posts: alone, a blind reader took it for a stick held up."""
    spec = load_figure(builtin_figures_dir() / "bar-hang.yaml")
    scene = place(spec)
    bar = next(p for p in build_props(spec, scene) if p.kind == "bar")
    (a, b, _), = bar.lines
    assert len(bar.boxes) == 2 and all(box.role == "frame" and box.y0 == 0.0 for box in bar.boxes)
    assert sorted(round((box.z0 + box.z1) / 2, 9) for box in bar.boxes) == sorted([a[2], b[2]])
    assert all(box.y1 >= scene.bar[1] for box in bar.boxes)


def test_a_shared_scale_draws_every_body_the_same_size():
    """At the shared scale a lying figure's body is as big as a standing one's, and both fit
    (cells 150 x 80, a card row's shape)."""
    from pdfgen.figure.backend_rl import _fit
    from pdfgen.figure.shapes import fit_scale, shared_scale

    row = [build(load_figure(builtin_figures_dir() / f"{fid}.yaml"))
           for fid in ("standing-side-bend", "knee-to-chest", "glute-bridge")]
    scale = shared_scale(row, 150, 80)
    assert scale == min(fit_scale(g, 150, 80) for g in row)
    for g in row:
        used, ox, oy = _fit(g, 0, 0, 150, 80, scale)
        x0, y0, x1, y1 = g.bbox
        assert used == scale
        assert -1e-6 <= ox + x0 * scale and ox + x1 * scale <= 150 + 1e-6
        assert -1e-6 <= oy + y0 * scale and oy + y1 * scale <= 80 + 1e-6
    # fitted alone, the lying figures would be drawn far larger than the standing one
    assert fit_scale(row[2], 150, 80) > 1.4 * scale
    assert shared_scale([], 150, 110) == 0.0


SIDE_FIGURE = """figure: hold
props: [mat]
poses:
  - root: {tilt: -90}
    joints: {hip_R: 120, knee_R: 115, shoulder: 60, elbow: 50}
    contacts: [pelvis, thorax]
    solve:
      vary: [shoulder_R, elbow_R, shoulder_abd_R]
      goals:
        - {point: hand_R, touch: thigh_R, at: 0.85, side: SIDE}
checks:
  - {point: hand_R, touches: thigh_R, side: back}
"""


@pytest.mark.parametrize("side, holds", [("back", True), ("front", False)])
def test_a_touch_goal_meets_the_side_it_names(tmp_path, side, holds):
    """`side:` on a touch goal puts the hand on that face of the thigh, and the fact checker
    tells behind the knee from on top of it."""
    path = tmp_path / "hold.yaml"
    path.write_text(SIDE_FIGURE.replace("SIDE", side))
    problems = check_facts(load_figure(path))
    assert (problems == []) is holds, problems
    if not holds:
        assert problems == ["hold: hand_R touches thigh_R (back) [start]: not on the back"]


def test_figure_cell_stays_light_on_toner(spec):
    """A figure cell (150 px square, grayscale) stays well under 20% toner coverage: the body
    carries the picture, props and mats are outlines or pale tints."""
    from pdfgen.figure.backend_pil import render_png

    data = render_png(build(spec), 150, grayscale=True).convert("L").tobytes()
    coverage = sum(255 - v for v in data) / (255 * len(data))
    assert coverage < 0.15, (spec.id, round(coverage, 3))


def test_head_has_a_neck_and_a_facing_cue(spec):
    """The head is joined to the trunk by a neck and shows which way the face points (a nose
    side on, eyes face on), unless the figure is seen from behind."""
    from pdfgen.figure.shapes import Capsule, Circle, Polygon

    shapes = build(spec).shapes
    head = max((i for i, s in enumerate(shapes) if isinstance(s, Circle) and s.tone in ("near", "far")
                and s.r == sk.HEAD_R), default=None)
    assert head is not None, spec.id
    neck = shapes[head - 1]
    assert isinstance(neck, Capsule) and neck.b == shapes[head].c, spec.id
    from pdfgen.figure.body import drawn_points
    from pdfgen.figure.geometry import camera

    seen = camera(spec).project(drawn_points(place(spec).bodies[-1]))
    if seen["nose"][2] < seen["head"][2] - 0.5 * sk.HEAD_R:
        return  # seen from behind (seated-twist looks over the shoulder from the back)
    cue = shapes[head + 1] if head + 1 < len(shapes) else None
    assert isinstance(cue, Polygon) or (isinstance(cue, Circle) and cue.tone == "gap"), spec.id


def test_mirror_is_exact(spec):
    g, m = build(spec), build(spec, mirrored=True)
    x0, y0, x1, y1 = g.bbox
    assert m.bbox == (-x1, y0, -x0, y1)  # exact: mirroring negates x, and float negation is exact
    assert len(m.shapes) == len(g.shapes)
    assert sorted(s.tone for s in m.shapes) == sorted(s.tone for s in g.shapes)


def test_arrows_keep_a_gap_from_the_body(spec):
    from pdfgen.figure.arrows import ARROW_W
    from pdfgen.figure.shapes import Polygon, Polyline, distance_to

    g = build(spec)
    body = [s for s in g.shapes if s.tone in ("near", "far")]
    for s in g.shapes:
        if s.tone != "arrow":
            continue
        pts = list(s.points)
        if isinstance(s, Polyline):
            pts = [(a[0] + (b[0] - a[0]) * k / 8, a[1] + (b[1] - a[1]) * k / 8)
                   for a, b in zip(pts, pts[1:]) for k in range(9)]
        half = ARROW_W / 2 if isinstance(s, Polyline) else (s.r if isinstance(s, Polygon) else 0.0)
        gap = min(distance_to(p, b) for p in pts for b in body) - half
        assert gap >= 0.004, (spec.id, round(gap, 4))


def test_no_limb_across_the_head(spec):
    """A limb drawn over a head may touch its edge (a hand behind the neck) but never cross it."""
    from pdfgen.figure.shapes import Capsule, Circle, seg_distance

    shapes = list(build(spec).shapes)
    for i, head in enumerate(shapes):
        if not (isinstance(head, Circle) and head.tone in ("near", "far")):
            continue
        for s in shapes[i + 1:]:
            if isinstance(s, Capsule) and s.tone in ("near", "far"):
                edge = seg_distance(head.c, s.a, s.b) - s.r
                assert edge >= 0.5 * head.r, (spec.id, s)


def test_grayscale_highlight_is_striped(spec):
    from pdfgen.figure.shapes import Polyline

    shapes = build(spec).shapes
    if spec.highlights:
        assert any(isinstance(s, Polyline) and s.dash and s.tone == "gap" for s in shapes), spec.id


def test_bounding_box_fits_a_cell(spec):
    """Drawn into a poster-sized box, the figure stays inside it and uses it well."""
    from reportlab.pdfgen.canvas import Canvas
    import io

    import pypdfium2 as pdfium

    from pdfgen.figure.backend_rl import draw

    g = build(spec)
    x0, y0, x1, y1 = g.bbox
    assert 0.25 <= (x1 - x0) / (y1 - y0) <= 4.5, spec.id
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(300, 200), invariant=1)
    draw(c, g, 50, 50, 200, 100)
    c.showPage()
    c.save()
    img = pdfium.PdfDocument(buf.getvalue())[0].render(scale=1).to_pil().convert("L")
    ink = [(x, y) for y in range(200) for x in range(300) if img.getpixel((x, y)) < 200]
    xs, ys = [p[0] for p in ink], [p[1] for p in ink]
    assert min(xs) >= 48 and max(xs) <= 252 and min(ys) >= 48 and max(ys) <= 152, spec.id
    assert max(xs) - min(xs) >= 150 or max(ys) - min(ys) >= 75, spec.id


def test_the_earlier_pose_is_a_hollow_outline():
    """A pale start pose is drawn as an outline with a white inside, so it never reads as the
    far limbs (grey, filled) or the grey striped target of the pose drawn over it."""
    from pdfgen.figure.body import GHOST_EDGE
    from pdfgen.figure.shapes import Capsule, Circle, Polygon

    shapes = build(load_figure(builtin_figures_dir() / "seated-forward-bend.yaml")).shapes
    pale = [s for s in shapes if s.tone == "ghost"]
    assert len(pale) > 10
    def same(a, b):
        if type(a) is not type(b):
            return False
        if isinstance(a, Capsule):
            return (a.a, a.b, round(a.r - GHOST_EDGE, 9)) == (b.a, b.b, round(b.r, 9))
        if isinstance(a, Circle):
            return (a.c, round(a.r - GHOST_EDGE, 9)) == (b.c, round(b.r, 9))
        return isinstance(a, Polygon) and (a.points, round(a.r - GHOST_EDGE, 9)) == (b.points, round(b.r, 9))
    first = shapes.index(pale[0])
    inside = shapes[first + len(pale):first + 2 * len(pale)]
    assert all(s.tone == "gap" for s in inside)
    assert all(same(a, b) for a, b in zip(pale, inside))


def test_palette_contrast():
    for gray in (False, True):
        p = palette(gray)
        white = "#ffffff"
        assert contrast_ratio(p.near, white) >= 7
        for tone in (p.far, p.highlight, p.arrow):
            assert contrast_ratio(tone, white) >= 3
        assert contrast_ratio(p.highlight, p.near) >= 3
        assert contrast_ratio(p.far, p.near) >= 2
        assert contrast_ratio(p.ghost, white) < 2


class _RecordingCanvas:
    """Stands in for a ReportLab canvas and keeps every line width and point it is given."""

    def __init__(self):
        self.widths, self.points = [], []

    def __getattr__(self, name):
        def record(*args, **kwargs):
            if name == "setLineWidth":
                self.widths.append(args[0])
            if name in ("line", "circle"):
                self.points.extend(zip(args[0:4:2], args[1:4:2]))
            return _Path(self) if name == "beginPath" else None
        return record


class _Path:
    def __init__(self, canvas):
        self.canvas = canvas

    def moveTo(self, x, y):
        self.canvas.points.append((x, y))

    lineTo = moveTo

    def close(self):
        pass


def test_lines_never_thinner_than_half_a_point(spec):
    from pdfgen.figure.backend_rl import draw

    c = _RecordingCanvas()
    draw(c, build(spec), 10, 10, 20, 20)  # a thumbnail, where widths would shrink most
    assert c.widths and min(c.widths) >= 0.5, spec.id


def test_package_import_stays_light():
    import subprocess
    import sys

    code = ("import sys, pdfgen.figure; "
            "bad = [m for m in ('reportlab', 'PIL') if m in sys.modules]; print(bad); assert not bad")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stdout + done.stderr


def test_contact_sheet_is_byte_identical(tmp_path):
    from pdfgen.figure import load_figures
    from pdfgen.figure.export import export_figures

    specs = load_figures([builtin_figures_dir()])
    a = export_figures(specs, tmp_path, "pdf", sheet=True, captions={"cat-cow": "Cat & cow"})[0].read_bytes()
    b = export_figures(specs, tmp_path, "pdf", sheet=True, captions={"cat-cow": "Cat & cow"})[0].read_bytes()
    assert a == b and a.startswith(b"%PDF")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_single_figure_export(tmp_path, fmt):
    from pdfgen.figure.export import export_figures

    spec = load_figure(builtin_figures_dir() / "knee-to-chest.yaml")
    paths = export_figures({spec.id: spec}, tmp_path, fmt, 200)
    assert [p.name for p in paths] == [f"knee-to-chest.{fmt}"] and paths[0].stat().st_size > 200


BASE = """figure: my-fig
props: [mat]
poses:
  - root: {tilt: -90}
    joints: {hip: 10, knee: 20}
    contacts: [pelvis, thorax]
highlight: [low_back]
"""


@pytest.mark.parametrize("text,field,line", [
    (BASE.replace("props: [mat]", "props: [mat]\ncolour: red"), "colour", 3),        # unknown key
    (BASE.replace("props: [mat]", "props: [mat]\noff: true"), "off", 3),             # YAML 1.1 boolean key
    (BASE.replace("hip: 10", "hipp: 10"), "poses[0].joints.hipp", 5),               # unknown joint
    (BASE.replace("knee: 20", "knee: 200"), "poses[0].joints.knee", 5),             # out of range
    (BASE.replace("props: [mat]", "props: [trampoline]"), "props[0]", 2),           # unknown prop
    (BASE.replace("figure: my-fig\n", ""), "figure", 1),                             # missing figure
    (BASE.replace("contacts: [pelvis, thorax]", "contacts: [pelvis, tail]"), "contacts", 6),
    (BASE + "checks:\n  - {point: hand_R, touches: lumbar, side: inside}\n", "checks[0].side", 9),
    (BASE + "checks:\n  - {point: hand_R, hugs: knee_R}\n", "checks[0]", 9),
    (BASE + "checks:\n  - {joint: knee_R, between: [10]}\n", "checks[0].between", 9),
    (BASE + "checks:\n  - {point: knee_R, grips: bar}\n", "checks[0].point", 9),
])
def test_bad_figure_files_give_one_line_errors(tmp_path, text, field, line):
    path = tmp_path / "my-fig.yaml"
    path.write_text(text)
    with pytest.raises(FigureError) as info:
        load_figure(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}:{line}: ") and field in message, message


def test_missing_figure_file(tmp_path):
    with pytest.raises(FigureError) as info:
        load_figure(tmp_path / "nope.yaml")
    assert "nope.yaml" in str(info.value) and "\n" not in str(info.value)


def test_geometry_is_deterministic(spec):
    assert build(spec) == build(spec)


@pytest.mark.parametrize("text, message", [
    ("a: &x [1, 2]\nb: [*x, *x]\n", "anchors and aliases"),
    ("[" * 40 + "]" * 40, "nested more than 16 levels deep"),
    ("figure: x\n" + "# padding\n" * 40_000, "too large"),
])
def test_hostile_figure_files_are_refused_before_parsing(tmp_path, text, message):
    """Figure files get the content reader's guards: a shared figure folder is user input."""
    path = tmp_path / "hostile.yaml"
    path.write_text(text)
    with pytest.raises(FigureError, match=message) as info:
        load_figure(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("layout, paper, minutes", [("poster", "letter", 7), ("card", "4x6", 5),
                                                    ("card", "a4", 7), ("card", "index-5x8", 10)])
def test_every_figure_on_a_page_is_drawn_at_one_scale(monkeypatch, layout, paper, minutes):
    """A poster's cells and a card's rows draw every body the same size (one scale for the
    page, the largest at which each figure fits its own box), not each fitted to its box; an
    outlier far too tall for its box is drawn at its own fit instead of shrinking the rest."""
    from pdfgen import api
    from pdfgen.figure import backend_rl
    from pdfgen.figure.shapes import fit_scale

    calls = []
    real = backend_rl.draw

    def record(canvas, geometry, x, y, w, h, **options):
        calls.append((geometry, w, h, options.get("scale")))
        return real(canvas, geometry, x, y, w, h, **options)

    monkeypatch.setattr(backend_rl, "draw", record)
    catalog = api.load_catalog()
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=minutes))
    api.render(catalog, plan, layout, paper)
    assert len(calls) >= len(plan.items)
    from statistics import median

    from pdfgen.layouts.context import OUTLIER_SHARE

    fits = [fit_scale(g, w, h) for g, w, h, _ in calls]
    assert None not in [scale for *_, scale in calls]
    drawn = [min(scale, fit) for (*_, scale), fit in zip(calls, fits)]
    shared = max(drawn)
    assert shared == pytest.approx(max(min(fits), OUTLIER_SHARE * median(fits)))
    for fit, used in zip(fits, drawn):
        assert used <= fit + 1e-9                                   # each one fits its box
        # every figure is drawn at the shared scale, but one far too tall for its box (below
        # OUTLIER_SHARE of the median fit), which keeps its own fit instead of shrinking the rest
        assert used == pytest.approx(shared) or fit < OUTLIER_SHARE * median(fits) + 1e-9
    assert sum(1 for used in drawn if used == pytest.approx(shared)) >= len(drawn) / 2
