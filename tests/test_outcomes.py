"""The rules of ``afterview outcome``, pure: which options go together, repeats, and the next round."""

from __future__ import annotations

import datetime as dt

import pytest

from afterview.domain.outcomes import (
    NextRound,
    check_options,
    next_stage,
    outcome_status,
    record_outcome,
    status_change,
)
from afterview.errors import UserError
from afterview.models.enums import Format, Stage, Status
from afterview.models.records import StatusChange
from tests.helpers import acme_round, document_of

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("offer", Status.OFFER), (" Next-Round ", Status.NEXT_ROUND), ("NO-RESPONSE", Status.NO_RESPONSE)],
)
def test_outcome_status_reads_any_case(text: str, expected: Status) -> None:
    assert outcome_status(text) is expected


@pytest.mark.parametrize("text", ["waiting", "hired", ""])
def test_outcome_status_refuses_waiting_and_unknown_words(text: str) -> None:
    with pytest.raises(UserError, match="is not an outcome; choose one of: next-round, offer, accepted"):
        outcome_status(text)


def test_a_deadline_goes_with_an_offer_only() -> None:
    check_options(Status.OFFER, interview_id=7, deadline=True, next_round=False)
    with pytest.raises(UserError, match="--deadline is for offers") as raised:
        check_options(Status.REJECTED, interview_id=7, deadline=True, next_round=False)
    assert raised.value.hint == "afterview outcome 7 offer --deadline DATE"


def test_a_next_round_time_or_stage_goes_with_next_round_only() -> None:
    check_options(Status.NEXT_ROUND, interview_id=7, deadline=False, next_round=True)
    with pytest.raises(UserError, match="--at, --stage, --format and --location are for next-round"):
        check_options(Status.OFFER, interview_id=7, deadline=False, next_round=True)


def test_status_change_refuses_a_day_not_yet_come() -> None:
    change = status_change(
        Status.OFFER, on=TODAY, deadline=dt.date(2026, 12, 4), note="base 100k", today=TODAY
    )
    assert (change.status, change.on, change.deadline, change.note) == (
        Status.OFFER,
        TODAY,
        dt.date(2026, 12, 4),
        "base 100k",
    )
    with pytest.raises(UserError, match=r"--on is in the future \("):
        status_change(Status.OFFER, on=TODAY + dt.timedelta(days=1), deadline=None, note=None, today=TODAY)


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        (Stage.SCREEN, Stage.TECHNICAL),
        (Stage.TECHNICAL, Stage.ONSITE),
        (Stage.ONSITE, Stage.FINAL),
        (Stage.FINAL, Stage.FINAL),
        (Stage.OTHER, Stage.OTHER),
    ],
)
def test_next_stage_moves_on_but_never_past_final(stage: Stage, expected: Stage) -> None:
    assert next_stage(stage) is expected


def test_recording_a_new_status_appends_it_to_the_process_history() -> None:
    interview = acme_round(1)
    document = document_of(interview)
    change = StatusChange(status=Status.REJECTED, on=TODAY)
    later = NOW + dt.timedelta(hours=1)
    recorded = record_outcome(document, interview, change, now=later)
    assert recorded.changed
    assert (recorded.change, recorded.following, recorded.withdrawn) == (change, None, ())
    process = document.processes[0]
    assert (process.status, process.updated_at, process.history) == (Status.REJECTED, later, [change])
    stored = document.interview(1)
    assert stored is not None
    assert stored.status is Status.REJECTED


def test_the_same_status_again_changes_nothing() -> None:
    rejected = acme_round(1, history=[StatusChange(status=Status.REJECTED, on=TODAY)])
    document = document_of(rejected)
    recorded = record_outcome(document, rejected, StatusChange(status=Status.REJECTED, on=TODAY), now=NOW)
    assert not recorded.changed
    assert recorded.change is None
    assert len(document.processes[0].history) == 1


def test_an_offer_again_with_a_new_deadline_or_terms_is_recorded_but_not_the_same_one() -> None:
    offer = acme_round(
        1, history=[StatusChange(status=Status.OFFER, on=TODAY, deadline=dt.date(2026, 12, 1))]
    )
    document = document_of(offer)
    same = StatusChange(status=Status.OFFER, on=TODAY, deadline=dt.date(2026, 12, 1))
    assert not record_outcome(document, offer, same, now=NOW).changed
    moved = StatusChange(status=Status.OFFER, on=TODAY, deadline=dt.date(2026, 12, 8))
    assert record_outcome(document, offer, moved, now=NOW).change == moved
    terms = StatusChange(status=Status.OFFER, on=TODAY, deadline=dt.date(2026, 12, 8), note="120k")
    assert record_outcome(document, offer, terms, now=NOW).change == terms
    process = document.processes[0]
    assert [c.deadline for c in process.history] == [
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 8),
        dt.date(2026, 12, 8),
    ]
    assert process.offer == terms


def test_next_round_logs_the_next_round_of_the_process_with_the_next_id_and_stage() -> None:
    first = acme_round(
        3, stage=Stage.SCREEN, format=Format.PHONE, location="Room 4", timezone="Europe/Berlin"
    )
    document = document_of(acme_round(1, company="Other"), first)
    at = dt.datetime(2026, 12, 1, 10, tzinfo=UTC)
    recorded = record_outcome(
        document,
        first,
        StatusChange(status=Status.NEXT_ROUND, on=TODAY),
        next_round=NextRound(at=at),
        now=NOW,
    )
    following = recorded.following
    assert following is not None
    assert (following.id, following.process_id, following.at) == (4, first.process_id, at)
    assert (following.company, following.role, following.stage, following.format, following.location) == (
        "Acme",
        "SRE",
        Stage.TECHNICAL,
        Format.PHONE,
        "Room 4",
    )
    assert following.timezone == "Europe/Berlin"
    assert document.next_id == 5
    assert [i.id for i in document.rounds(first.process)] == [3, 4]


def test_next_round_takes_the_stage_format_location_and_zone_given() -> None:
    first = acme_round(1, stage=Stage.SCREEN)
    document = document_of(first)
    wanted = NextRound(
        at=NOW + dt.timedelta(days=3),
        stage=Stage.FINAL,
        format=Format.ONSITE,
        location="1 Main St, New York",
        timezone="America/New_York",
    )
    recorded = record_outcome(
        document, first, StatusChange(status=Status.NEXT_ROUND, on=TODAY), next_round=wanted, now=NOW
    )
    following = recorded.following
    assert following is not None
    assert (following.stage, following.format, following.location, following.timezone) == (
        Stage.FINAL,
        Format.ONSITE,
        "1 Main St, New York",
        "America/New_York",
    )


def test_a_repeated_next_round_with_a_time_still_logs_the_round_it_promised() -> None:
    waiting_round = acme_round(1, history=[StatusChange(status=Status.NEXT_ROUND, on=TODAY)])
    document = document_of(waiting_round)
    recorded = record_outcome(
        document,
        waiting_round,
        StatusChange(status=Status.NEXT_ROUND, on=TODAY),
        next_round=NextRound(at=NOW + dt.timedelta(days=3)),
        now=NOW,
    )
    assert recorded.change is None
    assert recorded.following is not None
    assert recorded.changed
    assert len(document.processes[0].history) == 1


def test_a_second_next_round_for_the_same_promise_is_refused() -> None:
    first = acme_round(1, history=[StatusChange(status=Status.NEXT_ROUND, on=TODAY)])
    second = acme_round(2, process=first.process)
    document = document_of(first, second)
    with pytest.raises(
        UserError, match=r"Interview 2 is already the next round of Acme; nothing was changed\."
    ):
        record_outcome(
            document,
            first,
            StatusChange(status=Status.NEXT_ROUND, on=TODAY),
            next_round=NextRound(at=NOW + dt.timedelta(days=3)),
            now=NOW,
        )


def test_accepting_an_offer_ends_every_other_open_process_as_withdrawn_because_of_it() -> None:
    offer = acme_round(1, company="Acme", history=[StatusChange(status=Status.OFFER, on=TODAY)])
    waiting, rejected = (
        acme_round(2, company="Globex"),
        acme_round(3, company="Initech", history=[StatusChange(status=Status.REJECTED, on=TODAY)]),
    )
    document = document_of(offer, waiting, rejected)
    recorded = record_outcome(document, offer, StatusChange(status=Status.ACCEPTED, on=TODAY), now=NOW)
    assert [p.company for p in recorded.withdrawn] == ["Globex"]
    globex = waiting.process.history[-1]
    assert (globex.status, globex.cause, globex.note) == (
        Status.WITHDRAWN,
        offer.process_id,
        "accepted Acme's offer",
    )
    assert rejected.process.status is Status.REJECTED  # an ended process stays as it ended
