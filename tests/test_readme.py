"""The README's first screen holds: two set-up commands, the second the one CI runs."""

from __future__ import annotations

import re

from .conftest import REPO


def _first_screen_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_screen = text.split("\n## ", 1)[0]
    return re.findall(r"^\$ (.+)$", first_screen, re.MULTILINE)


def test_two_setup_commands_on_the_first_screen() -> None:
    commands = _first_screen_commands()
    assert len(commands) == 2
    assert commands[0].endswith("factcheck audit")
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert _first_screen_commands()[1] in ci.splitlines()


def test_every_cli_command_is_documented() -> None:
    from factcheck.cli import cli

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"factcheck {name}" in readme, name
