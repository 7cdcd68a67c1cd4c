"""Every follow-through command has a summary and an example in its help, and a place in the README."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Result

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = [
    ("snooze",),
    ("undo",),
    ("task", "add"),
    ("task", "rm"),
    ("ref", "add"),
    ("ref", "list"),
    ("ref", "rm"),
    ("outcome",),
    ("schedule",),
    ("remind",),
    ("export", "ics"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_a_summary_and_an_example(cli: Callable[..., Result], command: tuple[str, ...]) -> None:
    result = cli(*command, "--help")
    assert result.code == 0
    assert "Example" in result.out
    assert f"afterview {' '.join(command)}" in result.out


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_readme_mentions_the_command(command: tuple[str, ...]) -> None:
    assert f"afterview {' '.join(command)}" in README


@pytest.mark.parametrize("command", [("snooze",), ("task", "add"), ("outcome",)])
def test_date_options_list_the_forms_people_can_type(
    cli: Callable[..., Result], command: tuple[str, ...]
) -> None:
    out = " ".join(cli(*command, "--help").out.split())
    for form in ("today", "next friday", "+3d", "in 3 days"):
        assert form in out
