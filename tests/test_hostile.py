"""Hostile input: markup and odd characters in text, absurd numbers, bad output paths and
content files built to crash or hang a loader. Each gives one clear line and the right exit
code, prints text literally, and touches nothing outside the output it was asked to write."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfgen import api, catalog as catalog_mod, glyphs, output
from pdfgen.errors import ContentError, OutputError
from pdfgen.paths import builtin_content_dir
from tests.conftest import pdf_text

ROOT = Path(__file__).resolve().parent.parent
STRETCH_TEXT = (builtin_content_dir() / "stretches" / "knee-to-chest.yaml").read_text()


def content_dir(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A user content folder holding `files` (relative path: text or bytes)."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def load_error(root: Path) -> str:
    """The one-line ContentError loading `root` gives."""
    with pytest.raises(ContentError) as info:
        catalog_mod.load([root])
    message = str(info.value)
    assert "\n" not in message, message
    return message


def snapshot(folder: Path) -> dict[str, tuple]:
    """Everything under `folder`: kind, size, modification time and content of each entry."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            out[str(path)] = ("dir",)
        else:
            stat = path.lstat()
            out[str(path)] = ("file", stat.st_size, stat.st_mtime_ns, path.read_bytes())
    return out


# --- text: markup, quotes, other scripts, emoji ---------------------------------------------

def test_title_markup_is_printed_literally(run, tmp_path):
    title = '<b>&amp; "x"</b>'
    result = run("build", "--title", title, "-o", "t.pdf")
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / "t.pdf").read_bytes()
    assert title in pdf_text(data)
    assert PdfReader(io.BytesIO(data)).metadata.title == title


def test_accented_latin_and_typographic_marks_print(run, tmp_path):
    title = "Étirements du dos – ça va « doux » ½ µ ≤ 5’"
    result = run("build", "--title", title, "-o", "t.pdf")
    assert result.exit_code == 0, result.stderr
    assert title in " ".join(pdf_text((tmp_path / "t.pdf").read_bytes()).split())


@pytest.mark.parametrize("title,shown", [
    ("Back 😀", "'😀' (U+1F600)"),
    ("تمدد الظهر", "'ت' (U+062A)"),
    ("腰のストレッチ", "'腰' (U+8170)"),
    ("bell\x07", r"'\x07' (U+0007)"),
])
def test_a_title_the_font_cannot_print_is_a_usage_error(run, tmp_path, title, shown):
    result = run("build", "--title", title, "-o", "t.pdf")
    assert result.exit_code == 2
    assert f"title: cannot print {shown}" in result.stderr and "built-in font" in result.stderr
    assert not (tmp_path / "t.pdf").exists()


def test_make_request_names_every_bad_character_once(catalog):
    with pytest.raises(ValueError) as info:
        api.make_request(catalog, title="😀 ok 😀 腰腰")
    assert str(info.value) == ("title: cannot print '😀' (U+1F600), '腰' (U+8170) "
                               "with the built-in font; --font FILE takes a TrueType font "
                               "that has it")


def test_markup_and_quotes_in_content_print_literally(run, tmp_path):
    name = 'Knee <b>hug</b> & "pull"'
    step = "Pull &amp; hold <i>gently</i>, 'softly'."
    text = (STRETCH_TEXT.replace("name: Knee to chest", f"name: '{name}'")
            .replace("  - Lie on your back with both knees bent.", f'  - "{step}"'))
    assert name in text and step in text
    root = content_dir(tmp_path / "c", {
        "stretches/knee-to-chest.yaml": text,
        "routines/mine.yaml": "id: mine\ntitle: Mine\nminutes: 2\nstretches: [knee-to-chest]\n"})
    result = run("--content", root, "build", "--routine", "mine", "-o", "m.pdf")
    assert result.exit_code == 0, result.stderr
    printed = " ".join(pdf_text((tmp_path / "m.pdf").read_bytes()).split())
    assert name in printed and step in printed


def test_content_the_font_cannot_print_names_file_line_and_field(tmp_path):
    text = STRETCH_TEXT.replace("name: Knee to chest", "name: ركبة إلى الصدر")
    root = content_dir(tmp_path / "c", {"stretches/knee-to-chest.yaml": text})
    assert load_error(root) == (f"{root}/stretches/knee-to-chest.yaml:2: name: cannot print "
                                "'ر' (U+0631), 'ك' (U+0643), 'ب' (U+0628) and 7 more with the "
                                "built-in font")


NAMES = {
    "Czech": "Antonín Dvořák", "Polish": "Łucja Wąsowska-Żółć", "Turkish": "Şükrü İğdır",
    "Vietnamese": "Nguyễn Thị Phượng", "Greek": "Ευαγγελία Παπαδοπούλου",
    "Russian": "Жанна Щербакова", "Romanian": "Ștefan Țurcanu", "Icelandic": "Þórður Ægisson",
}


@pytest.mark.parametrize("script", sorted(NAMES))
def test_a_name_in_any_european_script_prints_and_can_be_copied_from_the_pdf(catalog, script):
    plan = api.make_plan(catalog, api.make_request(catalog, title=f"Für {NAMES[script]}"))
    fields = api.make_fields(patient=NAMES[script], notes="Left side first → then right.")
    data = api.render(catalog, plan, "handout", "a4", fields=fields)
    text = " ".join(pdf_text(data).split())
    assert NAMES[script] in text and f"Für {NAMES[script]}" in text
    assert "Left side first → then right." in text


def test_a_name_typed_decomposed_prints_with_the_fonts_composed_letters(catalog):
    decomposed = "Dvor\u030ca\u0301k"
    assert api.make_fields(patient=decomposed).patient == "Dvořák"


def test_glyph_table_is_what_the_fonts_contain():
    assert glyphs.measure() == glyphs.PRINTABLE


def test_glyph_check_knows_common_marks():
    assert glyphs.unprintable("Hold 20–30 s · 2× each side • “gently” … café ½ €") == []
    assert glyphs.unprintable("ok 💪 ok ∑ 💪 中") == ["💪", "中"]
    assert glyphs.problem("plain text") is None


@pytest.mark.parametrize("args", [["--help"], ["list"], ["list", "conditions"],
                                  ["validate", "--help"], ["show", "knee-to-chest"]])
def test_start_up_commands_import_neither_reportlab_nor_pillow(args):
    code = ("import sys\nfrom pdfgen.cli import cli\n"
            f"try:\n    cli.main({args!r}, standalone_mode=False)\n"
            "finally:\n    print([m for m in ('reportlab', 'PIL') if m in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "STRETCHCARD_CONTENT": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


# --- numbers and words ----------------------------------------------------------------------

@pytest.mark.parametrize("minutes,code,needle", [
    ("0", 2, "more than 0"), ("-3", 2, "more than 0"), ("1e9", 2, "at most 60"),
    ("61", 2, "at most 60"), ("nan", 2, "more than 0"), ("inf", 2, "at most 60"),
    ("-inf", 2, "more than 0"), ("abc", 2, "must be a number"), ("", 2, "must be a number"),
    ("0x10", 2, "must be a number"), ("1e-9", 1, "too short"),
])
def test_absurd_minutes(run, tmp_path, minutes, code, needle):
    before = snapshot(tmp_path)
    result = run("build", "-m", minutes)
    assert result.exit_code == code, result.stderr
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("area", ["toes", "lower back; rm -rf /", "😀", "-"])
def test_unknown_areas_are_usage_errors(run, area):
    result = run("plan", "-a", area)
    assert result.exit_code == 2 and "unknown area" in result.stderr


# --- output paths ---------------------------------------------------------------------------

def _make(tmp_path: Path, kind: str, rel: str) -> None:
    path = tmp_path / rel
    if kind == "dir":
        path.mkdir(parents=True)
    else:
        path.write_text("keep me")


@pytest.mark.parametrize("setup,args,code,needle", [
    ((), ["build", "-o", "missing/x.pdf"], 1, "does not exist"),
    ((), ["build", "-o", "."], 1, "is a directory"),
    ((("dir", "taken.pdf"),), ["build", "-o", "taken.pdf"], 1, "is a directory"),
    ((("file", "afile"),), ["build", "-o", "afile/x.pdf"], 1, "does not exist"),
    ((("file", "afile"),), ["figures", "-o", "afile"], 1, "a file of that name is in the way"),
    ((), ["validate", "missing"], 1, "missing: content folder does not exist"),
    ((("file", "afile"),), ["validate", "afile"], 1, "afile: not a folder"),
    ((), ["--content", "missing", "list"], 1, "missing: content folder does not exist"),
    ((("dir", "conf"),), ["--config", "conf", "list"], 1, "conf: a folder, not a file"),
    ((), ["build", "-o", "newdir/"], 1, "it names a folder"),
    ((("file", "afile"),), ["figures", "-o", "afile/sub"], 1, "cannot create the folder afile/sub"),
])
def test_bad_output_paths_are_clear_errors_that_touch_nothing(run, tmp_path, setup, args, code,
                                                               needle):
    for kind, rel in setup:
        _make(tmp_path, kind, rel)
    before = snapshot(tmp_path)
    result = run(*args)
    assert result.exit_code == code, result.stdout
    err = result.stderr.strip()
    assert needle in err and "Traceback" not in err
    if code == 1:
        assert len(err.splitlines()) == 1, err
    assert snapshot(tmp_path) == before


def test_read_only_folder_is_a_clean_error(run, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root writes anywhere; sysfs refuses even root
            folder = Path("/sys")
            if not folder.is_dir():
                pytest.skip("no folder here is read-only for this user")
        result = run("build", "-o", folder / "stretchcard-test.pdf")
    finally:
        (tmp_path / "ro").chmod(0o700)
    assert result.exit_code == 1 and "cannot write" in result.stderr
    assert not (folder / "stretchcard-test.pdf").exists()
    assert not list(tmp_path.rglob("*.tmp"))


def test_the_same_figure_twice_is_written_once(run, tmp_path):
    result = run("figures", "childs-pose", "childs-pose", "-o", "figs")
    assert result.exit_code == 0
    assert [p.name for p in (tmp_path / "figs").iterdir()] == ["childs-pose.png"]


@pytest.mark.parametrize("paths", [
    ["out/a.pdf", "out/a.pdf"],
    ["out/a.pdf", "out/../out/a.pdf"],
    ["out/Routine.pdf", "out/routine.pdf"],
])
def test_two_outputs_to_one_file_are_refused_up_front(tmp_path, paths):
    with pytest.raises(OutputError, match="two outputs would be written to the same file"):
        output.check_distinct_outputs([tmp_path / p for p in paths])


def test_distinct_outputs_pass(tmp_path):
    output.check_distinct_outputs([tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "x" / "a.pdf"])


# --- content files built to hurt ------------------------------------------------------------

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 9)}]\n" for k in range(8))


@pytest.mark.parametrize("files,where,needle", [
    ({"stretches/knee-to-chest.yaml": BILLION_LAUGHS}, "stretches/knee-to-chest.yaml:1",
     "anchors and aliases"),
    ({"figures/knee-to-chest.yaml": BILLION_LAUGHS}, "figures/knee-to-chest.yaml:1",
     "anchors and aliases"),
    ({"stretches/knee-to-chest.yaml": "x" * (300 * 1024)}, "stretches/knee-to-chest.yaml:1",
     "too large (307200 bytes, at most 262144)"),
    ({"routines/r.yaml": "a:\n" + "".join(" " * k + "b:\n" for k in range(1, 40))},
     "routines/r.yaml:17", "nested more than 16 levels deep"),
    ({"stretches/x.yaml": b"\xff\xfe" + "id: x\n".encode("utf-16-le")}, "stretches/x.yaml:1",
     "not UTF-8 text (byte 0xff)"),
    ({"stretches/x.yaml": "id: x\nname: caf\u00e9\n".encode("latin-1")}, "stretches/x.yaml:2",
     "not UTF-8 text (byte 0xe9)"),
    ({"stretches/x.yaml": "id: x\n\x1b[31m: red\n"}, "stretches/x.yaml:2",
     "character U+001B is not allowed"),
    ({"conditions.yaml/inner.txt": "a folder named like the file"}, "conditions.yaml:1",
     "a folder, not a file"),
    ({"stretches/knee-to-chest.yaml": STRETCH_TEXT.replace(
        "name: Knee to chest", "name: !!python/name:os.system x")},
     "stretches/knee-to-chest.yaml:2", "name: cannot read this value"),
    ({"stretches/x.yaml": 'id: x\n"na\\nme": y\n'}, "stretches/x.yaml:2",
     "'na\\nme': unknown key"),
])
def test_hostile_files_are_one_line_errors(tmp_path, files, where, needle):
    root = content_dir(tmp_path / "c", files)
    start = time.perf_counter()
    message = load_error(root)
    assert time.perf_counter() - start < 5
    assert message.startswith(f"{root}/{where}: "), message
    assert needle in message, message


def test_random_binary_garbage_is_a_content_error(tmp_path):
    import random

    rng = random.Random(6)
    for k in range(20):
        root = content_dir(tmp_path / f"c{k}", {"stretches/x.yaml": rng.randbytes(2000)})
        assert load_error(root).startswith(f"{root}/stretches/x.yaml:")


def test_deep_brackets_neither_crash_nor_hang_the_command(tmp_path):
    """libyaml crashes (segfault) on very deep nesting and is quadratic on long runs of '['."""
    root = content_dir(tmp_path / "c", {"stretches/x.yaml": "[" * (250 * 1024)})
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pdfgen", "--content", str(root), "list"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert time.perf_counter() - start < 10
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (f"Error: {root}/stretches/x.yaml:1: (file): nested more than "
                                   "16 levels deep")


@pytest.mark.parametrize("libyaml_refuses_first", [False, True])
def test_deep_nesting_gets_our_message_whichever_parser_refuses_first(
        tmp_path, monkeypatch, libyaml_refuses_first):
    """PyYAML 6.0.4's libyaml refuses deep nesting in its own words before any event; older
    releases hand over events and our limit answers. The message must not depend on which."""
    import yaml

    from pdfgen import yamlread

    if libyaml_refuses_first:
        real_parse = yaml.parse

        def parse(text, Loader=yaml.Loader):
            if Loader is not yaml.SafeLoader:
                raise yaml.YAMLError("exceeded maximum nesting depth")
            return real_parse(text, Loader=Loader)

        monkeypatch.setattr(yaml, "parse", parse)
    path = tmp_path / "x.yaml"
    path.write_text("[" * 5000)
    with pytest.raises(yamlread.Invalid) as err:
        yamlread.compose_file(path, "x.yaml")
    assert str(err.value) == "x.yaml:1: (file): nested more than 16 levels deep"


def test_a_real_syntax_error_keeps_the_parsers_account(tmp_path):
    from pdfgen import yamlread

    path = tmp_path / "x.yaml"
    path.write_text("id: [a, b\nname: x\n")
    with pytest.raises(yamlread.Invalid) as err:
        yamlread.compose_file(path, "x.yaml")
    assert str(err.value).startswith("x.yaml:"), err.value
    assert ": (file): not valid YAML: " in str(err.value)


def test_a_link_out_of_the_content_folder_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(STRETCH_TEXT)
    root = content_dir(tmp_path / "c", {"stretches/.keep": ""})
    (root / "stretches" / "knee-to-chest.yaml").symlink_to(outside)
    assert load_error(root) == (
        f"{root}/stretches/knee-to-chest.yaml:1: (file): leads outside its content folder "
        f"(to {outside}); copy the file in instead of linking to it")


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd"])
def test_links_to_system_files_are_refused_without_reading_them(tmp_path, target):
    root = content_dir(tmp_path / "c", {"routines/.keep": ""})
    (root / "routines" / "r.yaml").symlink_to(target)
    assert "leads outside its content folder" in load_error(root)


def test_a_linked_folder_leading_outside_is_refused(tmp_path):
    content_dir(tmp_path / "shared", {"knee-to-chest.yaml": STRETCH_TEXT})
    root = content_dir(tmp_path / "c")
    (root / "stretches").symlink_to(tmp_path / "shared")
    assert "leads outside its content folder" in load_error(root)


def test_links_within_the_content_folder_are_fine(tmp_path):
    text = STRETCH_TEXT.replace("name: Knee to chest", "name: Knee hug")
    root = content_dir(tmp_path / "c", {"library/knee.yaml": text})
    (root / "stretches").mkdir()
    (root / "stretches" / "knee-to-chest.yaml").symlink_to(root / "library" / "knee.yaml")
    assert catalog_mod.load([root]).stretch("knee-to-chest").name == "Knee hug"


def test_a_fifo_named_like_content_is_refused_without_blocking(tmp_path):
    root = content_dir(tmp_path / "c", {"stretches/.keep": ""})
    os.mkfifo(root / "stretches" / "pipe.yaml")
    assert load_error(root) == f"{root}/stretches/pipe.yaml:1: (file): not a regular file"


def test_hidden_files_such_as_editor_locks_are_ignored(tmp_path):
    root = content_dir(tmp_path / "c", {"stretches/.keep": ""})
    (root / "stretches" / ".#knee-to-chest.yaml").symlink_to("user@host.1234")
    assert catalog_mod.load([root]).warnings == ()
