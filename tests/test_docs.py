"""Documentation that cannot drift: every command has help with an example, and the README names it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from afterview.cli.main import app
from tests.conftest import Result

README = Path(__file__).parents[1] / "README.md"


def command_paths(command: Any = None, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command as the words a user types after ``afterview``."""
    command = command or typer.main.get_command(app)
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        if getattr(sub, "hidden", False):
            continue
        if getattr(sub, "commands", None):
            yield from command_paths(sub, (*prefix, name))
        else:
            yield (*prefix, name)


COMMANDS = list(command_paths())


def test_there_are_commands() -> None:
    assert {"log", "todo", "done", "skip", "draft-thanks", "list", "show", "profile"} <= {
        c[0] for c in COMMANDS
    }


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_a_summary_and_an_example(
    cli: Callable[..., Result], command: tuple[str, ...]
) -> None:
    result = cli(*command, "--help")
    assert result.code == 0
    assert "Usage:" in result.out
    assert f"afterview {' '.join(command)}" in result.out.replace("\n", " ")
    assert "Example" in result.out


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_readme(command: tuple[str, ...]) -> None:
    assert re.search(rf"afterview {re.escape(' '.join(command))}\b", README.read_text(encoding="utf-8"))


def test_every_exit_code_is_in_the_readme() -> None:
    from afterview.errors import ExitCode

    text = README.read_text(encoding="utf-8")
    for code in ExitCode:
        assert re.search(rf"\|\s*{int(code)}\s*\|", text), code
