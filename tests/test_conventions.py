"""CLI conventions: version, completion, defaults from environment and config, -q/-v, JSON."""

from __future__ import annotations

import json

import pytest

from pdfgen import __version__, api
from pdfgen.cli import cli
from pdfgen.cli.base import LAYOUT_CHOICES


def complete(run, monkeypatch, words: str) -> list[str]:
    """What bash completion offers for the last word of `words`."""
    from click.testing import CliRunner

    parts = words.split(" ")
    env = {"_STRETCHCARD_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(parts) - 1)}
    result = CliRunner().invoke(cli, [], env=env, prog_name="stretchcard")
    return [line.split(",", 1)[1] for line in result.output.splitlines()]


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"stretchcard, version {__version__}"


def test_layout_choices_are_the_model_layouts_and_the_api_takes_them(catalog):
    from pdfgen.model import Layout

    assert LAYOUT_CHOICES == ("poster", "handout", "card") == tuple(k.value for k in Layout)
    plan = api.make_plan(catalog, api.make_request(catalog, minutes=3))
    assert api.render(catalog, plan, Layout.CARD, "4x6") == api.render(catalog, plan, "card", "4x6")
    with pytest.raises(ValueError, match="unknown layout 'leaflet'"):
        api.render(catalog, plan, "leaflet", "letter")


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o nosort -F"),
                                           ("zsh", "#compdef stretchcard"),
                                           ("fish", "complete --no-files --command stretchcard")])
def test_completion_scripts(run, shell, marker):
    result = run("completion", shell)
    assert result.exit_code == 0 and marker in result.stdout
    assert "_STRETCHCARD_COMPLETE" in result.stdout


@pytest.mark.parametrize("words, expected", [
    ("stretchcard build --routine seven", {"seven-in-seven", "seven-on-the-mat"}),
    ("stretchcard build -a ham", {"hamstrings", "hamstring"}),
    ("stretchcard build -p index", {"index-4x6", "index-5x8"}),
    ("stretchcard build -c preg", {"pregnancy"}),
    ("stretchcard show knee-to", {"knee-to-chest"}),
    ("stretchcard batch --routine desk", {"desk-break"}),
    ("stretchcard bu", {"build"}),
])
def test_completion_of_names(run, monkeypatch, words, expected):
    assert set(complete(run, monkeypatch, words)) == expected


def test_paper_and_layout_from_the_environment(run, tmp_path, monkeypatch):
    monkeypatch.setenv("STRETCHCARD_PAPER", "a4")
    monkeypatch.setenv("STRETCHCARD_LAYOUT", "card")
    assert run("build", "-m", "3").exit_code == 0
    assert [p.name for p in (tmp_path / "output").iterdir()] == [
        "3-minute-stretch-for-the-lower-back-card-a4.pdf"]
    assert run("build", "-m", "3", "-p", "letter", "-l", "poster").exit_code == 0
    assert (tmp_path / "output" / "3-minute-stretch-for-the-lower-back-poster-letter.pdf").exists()


def test_config_file_defaults_and_their_precedence(run, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('paper = "a5"\nminutes = 4\n[build]\nlayout = "handout"\n')
    monkeypatch.setenv("STRETCHCARD_CONFIG", str(config))
    result = run("build", "--format", "json")
    assert result.exit_code == 0, result.output
    made = json.loads(result.stdout)
    assert (made["layout"], made["paper"], made["plan"]["budget_s"]) == ("handout", "a5", 240)
    plan = json.loads(run("plan", "--format", "json").stdout)
    assert plan["budget_s"] == 240                       # a top-level key reaches every command
    monkeypatch.setenv("STRETCHCARD_PAPER", "a4")        # the environment beats the file
    assert json.loads(run("build", "--format", "json").stdout)["paper"] == "a4"
    made = json.loads(run("build", "-p", "letter", "-m", "6", "--format", "json").stdout)
    assert (made["paper"], made["plan"]["budget_s"]) == ("letter", 360)   # the command line wins


def test_default_config_location_is_read(run, tmp_path, monkeypatch):
    monkeypatch.delenv("STRETCHCARD_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    (tmp_path / "xdg" / "stretchcard").mkdir(parents=True)
    (tmp_path / "xdg" / "stretchcard" / "config.toml").write_text("[plan]\nminutes = 5\n")
    assert json.loads(run("plan", "--format", "json").stdout)["budget_s"] == 300


@pytest.mark.parametrize("text, message", [
    ('papr = "a4"\n', "papr: unknown option 'papr'; did you mean 'paper'?"),
    ('[bild]\nlayout = "card"\n', "[bild]: unknown command 'bild'; did you mean 'build'?"),
    ('[plan]\nlayout = "card"\n', "plan.layout: unknown option of plan 'layout'"),
    ('paper = "a4\n', "not valid TOML"),
])
def test_bad_config_is_a_one_line_error(run, tmp_path, monkeypatch, text, message):
    (tmp_path / "config.toml").write_text(text)
    monkeypatch.setenv("STRETCHCARD_CONFIG", str(tmp_path / "config.toml"))
    result = run("build")
    assert result.exit_code == 1 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "output").exists()


def test_a_named_config_file_must_exist(run, tmp_path):
    result = run("--config", "missing.toml", "plan")
    assert result.exit_code == 1 and "missing.toml: config file not found" in result.stderr


def test_quiet_and_verbose(run):
    quiet = run("-q", "build", "-m", "3")
    assert quiet.exit_code == 0 and quiet.stdout == ""
    normal = run("build", "-m", "3")
    assert normal.stdout.startswith("Wrote ") and normal.stderr == ""
    loud = run("-v", "build", "-m", "3")
    assert loud.stdout == normal.stdout
    assert "content: built-in" in loud.stderr and "planned: " in loud.stderr
    assert "poster on US Letter" in loud.stderr and "1 page" in loud.stderr


@pytest.mark.parametrize("args", [["build", "-m", "3"], ["plan"], ["list", "routines"],
                                  ["list", "papers"], ["show", "cat-cow"], ["validate"],
                                  ["batch", "--routine", "desk-break", "-l", "poster",
                                   "-p", "a4", "-o", "shelf"]])
def test_json_wherever_data_is_printed(run, args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data
