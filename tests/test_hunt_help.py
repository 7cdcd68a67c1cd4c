"""Bugs found by using afterview as a user would: the help of command groups."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Result

GROUPS = {"draft": "nudge", "templates": "show", "export": "ics", "ref": "add", "task": "add"}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_a_group_has_plain_help_without_completion_options(cli: Callable[..., Result], group: str) -> None:
    for args in ([group, "--help"], [group, GROUPS[group], "--help"], [group, GROUPS[group], "-h"]):
        result = cli(*args)
        assert result.code == 0, result.err
        assert result.out.startswith(f"Usage: afterview {' '.join(args[:-1])} ")
        assert "╭" not in result.out  # Rich's boxes: the rest of afterview's help is plain
        assert "--install-completion" not in result.out  # that belongs to afterview itself
        assert "--show-completion" not in result.out
