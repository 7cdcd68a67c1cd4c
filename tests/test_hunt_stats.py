"""Bugs found by using afterview as a user would: stats."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.helpers import Result


def test_one_day_to_an_answer_is_singular(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    log("--at", "yesterday 10:00")
    assert cli("outcome", "1", "rejected").code == 0
    out = cli("stats").out
    assert "Median" in out
    assert " 1 day (" in out
    assert "1 days" not in out
