"""The README's promises: its two commands, and CI running the very same test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quick)


def test_readme_has_exactly_two_quick_start_commands():
    run, test = _commands()
    assert run.endswith("stretchcard build")
    assert "pytest" in test


def test_ci_runs_the_readme_test_command():
    assert _commands()[1] in (ROOT / ".ci" / "run").read_text()


def test_readme_has_a_real_poster_picture():
    assert "![" in (ROOT / "README.md").read_text()
    png = ROOT / "docs" / "poster.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


def test_every_command_has_help_with_an_example():
    from click.testing import CliRunner

    from pdfgen.cli import cli

    for name in cli.commands:
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and re.search(r"Examples?:", result.output), name
