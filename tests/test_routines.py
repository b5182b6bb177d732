"""The preset routines: each plans and prints, the article ones keep the article's order and
doses, selected ones keep to their setting, and a stated time the doses miss is flagged."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from pdfgen import api
from pdfgen.errors import ContentError
from pdfgen.model import SETTING_RULES, Level, format_seconds
from pdfgen.paths import builtin_content_dir
from pdfgen.planner import time_mismatch
from tests.conftest import pdf_text

ROUTINE_FILES = sorted((builtin_content_dir() / "routines").glob("*.yaml"))
ROUTINE_IDS = [p.stem for p in ROUTINE_FILES]
DOCS = Path(__file__).resolve().parent.parent / "docs" / "content-format.md"

# Each seed article's routine, by our stretch ids, in the article's order.
ARTICLES = {
    "seven-in-seven": ("Relieve Back Pain With These 7 Stretches In Just 7 Minutes", [
        "supine-hamstring", "knee-to-chest", "supine-piriformis", "supine-twist",
        "side-lying-quad", "kneeling-hip-flexor", "supported-back-stretch"]),
    "seven-on-the-mat": ("7 Lower Back Stretches Guaranteed to Alleviate Aches and Pains", [
        "knee-to-chest", "supine-twist", "childs-pose", "cat-cow", "supine-piriformis",
        "glute-bridge", "cobra"]),
    "six-chair-and-floor": ("6 Stretches For Lower Back Pain Relief", [
        "supported-back-stretch", "kneeling-hip-flexor", "knee-rolls", "knee-to-chest",
        "side-lying-quad", "supine-hamstring"]),
    "six-floor-and-bed": ("6 Stretches to Relieve Back Pain", [
        "childs-pose", "knee-to-chest", "elevated-leg-stretch", "knee-rolls", "cobra",
        "supine-piriformis"]),
    "four-bar-and-chair": ("The Best Lower Back Pain Stretches That Actually Work", [
        "bar-hang", "cat-cow", "seated-figure-4", "floor-seated-glute"]),
}

# The article routines too long for every step on a Letter or A4 poster.
SEVEN_STRETCHES = {"seven-in-seven", "seven-on-the-mat"}


def _plan(catalog, routine_id: str, **request):
    return api.make_plan(catalog, api.make_request(catalog, **request), routine_id)


def _poster_cases():
    """Every routine on both everyday sheets: seven-in-seven, the first routine a reader of
    its article tries, included (it was refused on Letter while it printed an aside about the
    article's timing)."""
    for rid in ROUTINE_IDS:
        for paper in ("letter", "a4"):
            yield pytest.param(rid, paper, id=f"{rid}-{paper}")


def test_there_are_routines_for_every_article_and_every_preset():
    presets = {"desk-break", "morning-5", "evening-wind-down", "gentle-after-strain", "gym-bar",
               "hamstrings-and-hips", "upper-back"}
    assert set(ARTICLES) | presets == set(ROUTINE_IDS)


@pytest.mark.parametrize("routine_id,paper", list(_poster_cases()))
def test_every_routine_plans_and_prints_as_a_poster(catalog, routine_id, paper):
    plan = _plan(catalog, routine_id)
    assert plan.routine == routine_id and plan.items
    data = api.render(catalog, plan, "poster", paper)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1


@pytest.mark.parametrize("routine_id", sorted(SEVEN_STRETCHES))
def test_seven_stretch_posters_print_summaries_where_steps_do_not_fit(catalog, routine_id):
    """Seven stretches with every step do not fit a Letter sheet at 10 pt: each stretch gets
    its one-line summary instead, never a list of steps cut short."""
    plan = _plan(catalog, routine_id)
    text = " ".join(pdf_text(api.render(catalog, plan, "poster", "a4")).split())
    for item in plan.items:
        assert " ".join(item.stretch.summary.split())[:40] in text
        assert item.stretch.steps[-1][:30] not in text


@pytest.mark.parametrize("routine_id", ROUTINE_IDS)
def test_every_routine_fills_its_minutes_sensibly(catalog, routine_id):
    routine = catalog.routine(routine_id)
    plan = _plan(catalog, routine_id)
    if routine.fixed:
        assert not plan.excluded, "a routine must not lose stretches to its own setting or level"
    if routine_id == "seven-in-seven":
        return  # the article's own 7 minutes are too short; see the flag test below
    low = 0.9 if not routine.fixed else 0.8
    assert low * plan.budget_s <= plan.total_s <= plan.budget_s, plan.total_s


@pytest.mark.parametrize("routine_id", sorted(ARTICLES))
def test_article_routines_keep_the_article_order_and_doses(catalog, routine_id):
    title, order = ARTICLES[routine_id]
    raw = yaml.safe_load((builtin_content_dir() / "routines" / f"{routine_id}.yaml").read_text())
    assert raw["source"] == title
    plan = _plan(catalog, routine_id)
    assert [i.stretch.id for i in plan.items] == order
    for item, given in zip(plan.items, raw["stretches"]):
        assert title in {s.title for s in item.stretch.sources}, item.stretch.id
        given = given if isinstance(given, dict) else {"id": given}
        if "hold_s" in given:
            assert item.hold_s == given["hold_s"], item.stretch.id
        if "reps" in given:
            assert item.reps == given["reps"], item.stretch.id


def test_the_docs_give_each_article_routine_its_real_time(catalog):
    section = DOCS.read_text().split("### The article routines", 1)[1].split("\n### ", 1)[0]
    rows = re.findall(r"^\| `([a-z0-9-]+)` \|.*\| (\d+) \| ([^|]+) \| (\w+) \|$", section, re.M)
    assert {r[0] for r in rows} == set(ARTICLES)
    for rid, minutes, takes, flag in rows:
        plan = _plan(catalog, rid)
        assert float(minutes) == catalog.routine(rid).minutes
        assert takes.strip() == format_seconds(plan.total_s), rid
        assert flag == (time_mismatch(plan.budget_s, plan.total_s) or "ok"), rid


def test_seven_in_seven_is_flagged_for_running_over_but_not_on_the_page(catalog):
    """Its authors' doses take 9 min 48 s, not the 7 minutes it states: a listing flag for the
    editor; the patient reads the real time, in a title that does not claim the 7."""
    plan = _plan(catalog, "seven-in-seven")
    assert plan.total_s > plan.budget_s and time_mismatch(plan.budget_s, plan.total_s) == "over"
    assert "7 minutes" not in plan.title
    assert not any("article" in note.lower() or "done as shown" in note for note in plan.notes)


@pytest.mark.parametrize("rid", sorted(p.stem for p in (Path(__file__).parents[1] / "content"
                                                      / "routines").glob("*.yaml")))
def test_a_routine_title_that_names_minutes_names_its_real_minutes(catalog, rid):
    plan = _plan(catalog, rid)
    said = re.findall(r"(\d+)[- ]minutes?", plan.title)
    for minutes in said:
        assert int(minutes) == max(1, round(plan.total_s / 60)), (rid, plan.title, plan.total_s)


# --- time flags, with routines in a user content directory ---------------------------------

# id: (the rest of the file, the listing's timing, the plan's note). Knee to chest takes 55 s at
# a 20 s hold, and 3 min 35 s at its longest dose (30 s, 3 times each side).
ODD_TIMES = {
    "too-long": ("minutes: 1\nstretches:\n  - {id: knee-to-chest, hold_s: 30, reps: 3}\n", "over"),
    "too-short": ("minutes: 7\nsource: A made-up article\n"
                  "stretches:\n  - {id: knee-to-chest, hold_s: 20, reps: 1}\n", "under"),
    "cannot-fill": ("minutes: 30\nstretches:\n  - knee-to-chest\n", "under"),
    "about-right": ("minutes: 1\nstretches:\n  - {id: knee-to-chest, hold_s: 20, reps: 1}\n",
                    "ok"),
}


@pytest.fixture
def odd_times(tmp_path) -> Path:
    (tmp_path / "routines").mkdir()
    for rid, (body, _) in ODD_TIMES.items():
        (tmp_path / "routines" / f"{rid}.yaml").write_text(f"id: {rid}\ntitle: {rid}\n{body}")
    return tmp_path


@pytest.mark.parametrize("routine_id", sorted(ODD_TIMES))
def test_a_stated_time_the_doses_miss_is_flagged_and_the_page_keeps_quiet(odd_times, routine_id):
    catalog = api.load_catalog([odd_times])
    _, flag = ODD_TIMES[routine_id]
    plan = _plan(catalog, routine_id)
    assert (time_mismatch(plan.budget_s, plan.total_s) or "ok") == flag
    assert plan.notes == ()


def test_list_routines_shows_the_flags(run, odd_times):
    result = run("--content", odd_times, "list", "routines", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    for rid, (_, flag) in ODD_TIMES.items():
        assert rows[rid]["timing"] == flag, rid
    assert rows["seven-in-seven"]["timing"] == "over"
    assert rows["seven-in-seven"]["takes"] == "9 min 48 s"
    table = run("--content", odd_times, "list", "routines").stdout
    assert re.search(r"^too-short .* 55 seconds\s+under$", table, re.M), table


def test_a_routine_its_own_conditions_empty_is_a_content_error(run, tmp_path):
    (tmp_path / "mine" / "routines").mkdir(parents=True)
    (tmp_path / "mine" / "routines" / "never.yaml").write_text(
        "id: never\ntitle: Never\nminutes: 2\nconditions: [pregnancy]\nstretches: [knee-rolls]\n")
    result = run("--content", tmp_path / "mine", "list", "routines")
    assert result.exit_code == 1
    assert ("never.yaml:5: stretches: 'knee-rolls' is left out by the routine's own setting, "
            "level or conditions (not safe with pregnancy)") in result.stderr


# --- settings, levels and conditions -------------------------------------------------------

@pytest.mark.parametrize("routine_id", [r for r in ROUTINE_IDS if r not in ARTICLES])
def test_presets_keep_to_their_setting(catalog, routine_id):
    routine = catalog.routine(routine_id)
    rules = SETTING_RULES[routine.setting]
    for item in _plan(catalog, routine_id).items:
        assert item.stretch.position in rules.positions, item.stretch.id
        assert item.stretch.equipment <= rules.equipment | rules.fixed_equipment, item.stretch.id
        assert item.stretch.level.rank <= routine.level.rank, item.stretch.id


def test_desk_break_is_short_and_off_the_floor(catalog):
    plan = _plan(catalog, "desk-break")
    assert plan.budget_s <= 5 * 60
    assert not any(i.stretch.position.on_floor for i in plan.items)


def test_gym_routine_uses_the_bar(catalog):
    assert "bar-hang" in [i.stretch.id for i in _plan(catalog, "gym-bar").items]


def test_a_routine_brings_its_own_setting_and_level(catalog):
    plan = _plan(catalog, "four-bar-and-chair", setting="office", level="beginner")
    assert plan.items[0].stretch.id == "bar-hang" and not plan.excluded


def test_gentle_after_strain_is_gentle_and_says_why(catalog):
    caution = catalog.conditions["acute-injury"].caution
    plan = _plan(catalog, "gentle-after-strain")
    assert all(i.stretch.level is Level.BEGINNER for i in plan.items)
    assert all(i.stretch.cautions for i in plan.items)
    assert caution in [c.text for c in plan.cautions]
    assert "Start gently" in pdf_text(api.render(catalog, plan, "poster", "letter"))


def test_a_persons_conditions_add_to_a_routines_own(catalog):
    plan = _plan(catalog, "gentle-after-strain", conditions=["pregnancy"])
    assert {catalog.conditions["acute-injury"].caution,
            catalog.conditions["pregnancy"].caution} <= {c.text for c in plan.cautions}
    assert "knee-rolls" in plan.excluded
    assert any(n.startswith("Left out for your safety") for n in plan.notes)


# --- broken routines -----------------------------------------------------------------------

@pytest.mark.parametrize("body,needle", [
    ("areas: [lower-back]\nequipment: [bar]\n", ":5: equipment: unknown key"),
    ("areas: [lower-back]\nsetting: beach\n", ":5: setting: unknown setting 'beach'"),
    ("areas: [lower-back]\nlevel: expert\n", ":5: level: unknown level 'expert'"),
    ("stretches:\n  - {id: knee-to-chest, hold: 30}\n", ":5: stretches[0].hold: unknown key"),
    ("stretches:\n  - knee-to-chets\n", ":5: stretches: unknown stretch 'knee-to-chets'"),
])
def test_broken_routines_name_file_line_and_field(tmp_path, body, needle):
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "mine.yaml").write_text(f"id: mine\ntitle: Mine\nminutes: 5\n{body}")
    with pytest.raises(ContentError) as info:
        api.load_catalog([tmp_path])
    assert f"routines/mine.yaml{needle}" in str(info.value)
