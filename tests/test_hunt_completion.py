"""Bugs found by using afterview as a user would: Tab completion."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.helpers import Result, Spawn, bash


def test_undo_offers_the_steps_it_can_reopen(
    process: Spawn, cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "yesterday 10:00")
    assert cli("done", "1.1").code == 0
    assert cli("skip", "1.2", "--reason", "called instead").code == 0
    lines = bash(process, "afterview undo ")
    assert [line.split()[0] for line in lines] == ["1.1", "1.2"]
    assert "1.2  Send Jane Doe a thank-you note (afterview draft-thanks 1)" in lines
    assert bash(process, "afterview undo 1.1 ") == ["1.2"]  # one left: the bare id, for bash to insert
    assert bash(process, "afterview undo 1.3") == []  # pending: nothing to reopen
