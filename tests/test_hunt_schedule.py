"""Bugs found by using afterview as a user would: the schedule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result


@pytest.mark.parametrize("args", [["--reset"], ["thank_you_hours=24"]])
def test_a_schedule_change_that_changes_nothing_writes_nothing(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]], store_file: Path, args: list[str]
) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("schedule", *args)
    assert result.code == 0, result.err
    assert "Nothing changed" in result.err
    assert "Schedule saved" not in result.err
    assert store_file.read_bytes() == before
    assert "Schedule saved" in cli("schedule", "--replan").err  # re-planning is asked for: it writes
