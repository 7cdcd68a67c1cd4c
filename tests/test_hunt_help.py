"""Bugs found by using afterview as a user would: the help of command groups."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from tests.helpers import Result

GROUPS = {"draft": "nudge", "templates": "show", "export": "ics", "ref": "add", "task": "add"}


def _plain(out: str, args: list[str]) -> None:
    assert out.startswith(f"Usage: afterview {' '.join(args[:-1])} ")
    assert "╭" not in out  # Rich's boxes: the rest of afterview's help is plain
    assert "--install-completion" not in out  # that belongs to afterview itself
    assert "--show-completion" not in out


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_a_group_has_plain_help_without_completion_options(
    cli: Callable[..., Result], process: Callable[..., subprocess.CompletedProcess[str]], group: str
) -> None:
    for args in ([group, "--help"], [group, GROUPS[group], "--help"]):
        result = cli(*args)
        assert result.code == 0, result.err
        _plain(result.out, args)
    args = [group, GROUPS[group], "-h"]  # in a process of its own: -h is set up once per process
    spawned = process(*args)
    assert spawned.returncode == 0, spawned.stderr
    _plain(spawned.stdout, args)
