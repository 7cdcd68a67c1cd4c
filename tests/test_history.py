"""A process's status history in time order, whatever order things were recorded in; a round logged
ahead of time and then held puts its process back to waiting (issue: one place for each thing a user
does, item 6)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest

from afterview.domain.history import held_rounds, in_time_order, timeline
from afterview.models.enums import Status
from afterview.models.records import Interview, Process, StatusChange
from tests.helpers import Result

Cli = Callable[..., Result]
UTC = dt.UTC


def _round_two_logged_ahead(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 1 on 5 Nov; on 9 Nov round 2 is logged for 12 Nov (the next round, ahead of time)."""
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-09T12:00:00+01:00")
    first = cli("log", "--company", "Acme", "--role", "SRE", "--at", "2026-11-05 10:00", "--no-input")
    assert first.code == 0, first.err
    second = cli("log", "--process", "P1", "--at", "2026-11-12 10:00", "--no-input")
    assert second.code == 0, second.err


def test_a_round_logged_ahead_keeps_the_process_awaiting_it_until_it_is_held(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _round_two_logged_ahead(cli, monkeypatch)
    shown = cli("show", "P1", "--json").json()
    assert shown["status"] == "next-round"
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-13T09:00:00+01:00")
    shown = cli("show", "P1", "--json").json()
    assert shown["status"] == "waiting"
    assert [(c["status"], c["on"]) for c in shown["history"]] == [
        ("next-round", "2026-11-09"),
        ("waiting", "2026-11-12"),
    ]


def test_the_history_runs_forwards_in_csv_and_markdown(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _round_two_logged_ahead(cli, monkeypatch)
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-13T09:00:00+01:00")
    rows = list(csv.DictReader(io.StringIO(cli("export", "csv").out.lstrip("\ufeff"))))
    expected = "waiting (2026-11-05) → next-round (2026-11-09) → waiting (2026-11-12)"
    assert [row["status_history"] for row in rows] == [expected, expected]
    markdown = cli("export", "md").out
    assert markdown.count(expected) == 2


def test_an_outcome_recorded_late_is_shown_in_its_place() -> None:
    process = Process(
        id=1,
        company="Acme",
        role="SRE",
        created_at=dt.datetime(2026, 11, 1, tzinfo=UTC),
        updated_at=dt.datetime(2026, 11, 1, tzinfo=UTC),
        history=[
            StatusChange(status=Status.OFFER, on=dt.date(2026, 11, 20)),
            StatusChange(status=Status.NEXT_ROUND, on=dt.date(2026, 11, 10)),  # typed later
        ],
    )
    assert [c.on.day for c in in_time_order(process.history)] == [10, 20]
    assert timeline(process, since=dt.date(2026, 11, 5)) == [
        (Status.WAITING, dt.date(2026, 11, 5)),
        (Status.NEXT_ROUND, dt.date(2026, 11, 10)),
        (Status.OFFER, dt.date(2026, 11, 20)),
    ]


@pytest.mark.parametrize(("hour", "held"), [(9, False), (11, True)])
def test_held_rounds_waits_again_only_once_the_round_has_taken_place(hour: int, held: bool) -> None:
    created = dt.datetime(2026, 11, 1, tzinfo=UTC)
    process = Process(
        id=1,
        company="Acme",
        role="SRE",
        created_at=created,
        updated_at=created,
        history=[StatusChange(status=Status.NEXT_ROUND, on=dt.date(2026, 11, 9))],
    )
    rounds = [
        Interview.model_validate(
            {"id": n, "process_id": 1, "at": at, "created_at": created, "updated_at": created}
        ).linked(process)
        for n, at in (
            (1, dt.datetime(2026, 11, 5, 10, tzinfo=UTC)),
            (2, dt.datetime(2026, 11, 12, 10, tzinfo=UTC)),
        )
    ]
    now = dt.datetime(2026, 11, 12, hour, tzinfo=UTC)
    assert held_rounds(process, rounds, now=now) is held
    assert process.status is (Status.WAITING if held else Status.NEXT_ROUND)
    assert held_rounds(process, rounds, now=now) is False  # once
