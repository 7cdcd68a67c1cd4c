"""Upcoming interviews: a prep step the day before; the after-interview steps only once it has happened,
counted from its real time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.domain.planning import PlanContext, is_upcoming, plan_steps
from afterview.models.enums import StepKind
from afterview.models.records import Person, Profile
from tests.helpers import Result, make_interview

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]
FIXTURES = Path(__file__).parent / "fixtures" / "invitations"
BERLIN = dt.timezone(dt.timedelta(hours=1))
LOGGED = dt.datetime(2026, 11, 27, 16, 0, tzinfo=BERLIN)
AT = dt.datetime(2026, 12, 3, 15, 0, tzinfo=BERLIN)
AFTER_INTERVIEW = {StepKind.MEMORY_DUMP, StepKind.THANK_YOU, StepKind.NETWORK, StepKind.FOLLOW_UP}


def kinds(now: dt.datetime | None) -> dict[StepKind, dt.date]:
    interview = make_interview(
        id=1, at=AT, created_at=LOGGED, updated_at=LOGGED, timezone="Europe/Berlin",
        interviewers=[Person(name="Jane Doe", email="jane@acme.com")],
    )  # fmt: skip
    context = PlanContext(profile=Profile(), tz=BERLIN, now=now)
    return {plan.kind: plan.due for plan in plan_steps(interview, context)}


def test_before_it_only_a_prep_step_the_day_before() -> None:
    planned = kinds(LOGGED)
    assert planned == {StepKind.PREP: dt.date(2026, 12, 2)}


def test_once_it_has_happened_the_usual_steps_count_from_its_time() -> None:
    planned = kinds(AT + dt.timedelta(minutes=1))
    assert StepKind.PREP not in planned
    assert set(planned) >= AFTER_INTERVIEW
    assert planned[StepKind.THANK_YOU] == AT + dt.timedelta(hours=24)
    assert planned[StepKind.MEMORY_DUMP] == AT.date()


def test_without_now_every_interview_has_happened() -> None:
    assert set(kinds(None)) >= AFTER_INTERVIEW
    assert not is_upcoming(make_interview(id=1, at=AT, created_at=LOGGED, updated_at=LOGGED), now=None)


def test_an_interview_later_today_is_prepared_for_today() -> None:
    soon = LOGGED + dt.timedelta(hours=2)
    interview = make_interview(id=1, at=soon, created_at=LOGGED, updated_at=LOGGED)
    plans = plan_steps(interview, PlanContext(profile=Profile(), tz=BERLIN, now=LOGGED))
    assert [(p.kind, p.due) for p in plans if p.kind is StepKind.PREP] == [(StepKind.PREP, LOGGED.date())]


def steps(cli: Cli, interview_id: int = 1) -> dict[str, dict[str, Any]]:
    return {s["kind"]: s for s in cli("show", str(interview_id), "--json").json()["steps"]}


@pytest.mark.usefixtures("profile")
def test_an_upcoming_interview_has_a_prep_step_and_no_thank_you_until_it_has_happened(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's must-show: log an invitation for next week, then let its time pass."""
    result = cli("log", "--from", str(FIXTURES / "google.ics"), "--no-input", "--role", "SRE")
    assert result.code == 0, result.err
    before = steps(cli)
    assert before["prep"]["title"] == "Prepare for Acme (afterview prep Acme)"
    assert before["prep"]["due"] == "2026-12-02"
    assert not set(before) & {"memory-dump", "thank-you", "network", "follow-up", "close-out"}
    todo = cli("todo")
    assert "Prepare for Acme (afterview prep Acme)" in todo.out
    assert "thank-you" not in todo.out

    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-03T16:05:00+01:00")  # it began at 15:00
    listed = cli("todo", "--json")
    assert listed.code == 0, listed.err
    after = {s["kind"] for s in listed.json()}
    assert {"memory-dump", "thank-you", "network", "follow-up", "close-out"} <= after
    assert "prep" not in after
    due = {(s["kind"], s["person"]): s["due"] for s in listed.json()}
    assert due[("thank-you", "Jane Doe")] == "2026-12-04T15:00:00+01:00"  # 24 hours after its real time
    assert due[("memory-dump", None)] == "2026-12-03"
    assert due[("follow-up", None)] == "2026-12-10"  # 5 business days after the interview
    prep = steps(cli)["prep"]
    assert (prep["state"], prep["note"]) == ("skipped", "the interview has taken place")


def test_remind_plans_the_steps_of_an_interview_that_has_happened(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli("log", "--company", "Acme", "--role", "SRE", "--at", "2026-11-30T10:00", "--no-input").code == 0
    )
    from afterview.cli.remind.line import main

    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-30T18:00:00+01:00")
    capsys.readouterr()
    assert main() == 1
    assert "1 step due today" in capsys.readouterr().out  # the memory dump (the prep step closed)


def test_a_next_round_in_the_future_is_upcoming(cli: Cli, log: Log) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>")
    result = cli("outcome", "1", "next-round", "--at", "2026-12-04T10:00", "--no-input")
    assert result.code == 0, result.err
    planned = steps(cli, 2)
    assert set(planned) == {"prep"}
    assert planned["prep"]["due"] == "2026-12-03"
    assert "thank-you" in steps(cli, 1)  # the first round happened: its notes stay


def test_a_past_interview_is_planned_as_before(log: Log) -> None:
    kinds_ = {s["kind"] for s in log("--interviewer", "Jane Doe <jane@acme.com>")["steps"]}
    assert "prep" not in kinds_
    assert {"memory-dump", "thank-you"} <= kinds_
