"""Bugs found by using afterview as a user would: outcomes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import Result

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]


@pytest.mark.parametrize("first_stage", ["other", "screen", "final"])
def test_next_round_uses_the_stage_given(cli: Cli, log: Log, first_stage: str) -> None:
    log("--stage", first_stage)
    result = cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--stage", "onsite", "--no-input")
    assert result.code == 0, result.err
    assert cli("show", "2", "--json").json()["stage"] == "onsite"


@pytest.mark.parametrize(("first_stage", "next_stage"), [("other", "other"), ("screen", "technical")])
def test_next_round_without_a_stage_takes_the_next_one(
    cli: Cli, log: Log, first_stage: str, next_stage: str
) -> None:
    log("--stage", first_stage)
    assert cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--no-input").code == 0
    assert cli("show", "2", "--json").json()["stage"] == next_stage


def test_a_future_round_is_not_called_fresh(cli: Cli, log: Log) -> None:
    log()
    result = cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--no-input")
    assert result.code == 0, result.err
    assert "Next, while it is fresh" not in result.out
    assert "After the interview, while it is fresh: afterview remember 2" in result.out


def test_logging_a_future_interview_says_to_remember_it_afterwards(cli: Cli) -> None:
    result = cli("log", "--company", "Acme", "--role", "SRE", "--at", "tomorrow 10:00", "--no-input")
    assert result.code == 0, result.err
    assert "After the interview, while it is fresh: afterview remember 1" in result.out
    result = cli("log", "--company", "Acme", "--role", "SRE", "--at", "today 09:00", "--no-input")
    assert "Next, while it is fresh: afterview remember 2" in result.out
