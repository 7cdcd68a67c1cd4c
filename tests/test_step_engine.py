"""The step engine, tested directly: when follow-ups fall due, what closes when a process moves on."""

from __future__ import annotations

import datetime as dt

import pytest

from afterview.domain.steps import PlanContext, plan_context, refresh_steps, remove_paperwork
from afterview.models import (
    Document,
    Interview,
    Paperwork,
    Person,
    Profile,
    Schedule,
    Status,
    StatusChange,
    Step,
    StepKind,
    StepState,
)

TZ = dt.timezone(dt.timedelta(hours=1))
FRIDAY = dt.datetime(2026, 11, 27, 15, 0, tzinfo=TZ)
NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=TZ)


def interview(interview_id: int = 1, *, at: dt.datetime = FRIDAY, **fields: object) -> Interview:
    return Interview.model_validate(
        {
            "id": interview_id,
            "company": f"Company {interview_id}",
            "role": "Engineer",
            "at": at,
            "created_at": at,
            "updated_at": at,
            **fields,
        }
    )


def context(
    *interviews: Interview, holidays: frozenset[dt.date] = frozenset(), **profile: object
) -> PlanContext:
    document = Document(interviews=list(interviews), profile=Profile.model_validate(profile))
    return plan_context(document, tz=TZ, holidays=holidays)


def planned(item: Interview, ctx: PlanContext | None = None) -> Interview:
    return refresh_steps(item, ctx or context(item), now=NOW)


def step(item: Interview, key: str) -> Step:
    return next(s for s in item.steps if s.key == key)


def close(item: Interview, key: str, *, on: dt.datetime, state: StepState = StepState.DONE) -> Interview:
    steps = [s.model_copy(update={"state": state, "done_at": on}) if s.key == key else s for s in item.steps]
    return item.model_copy(update={"steps": steps})


def with_status(item: Interview, status: Status, **change: object) -> Interview:
    entry = StatusChange.model_validate({"status": status, "on": dt.date(2026, 11, 30), **change})
    return item.model_copy(update={"history": [*item.history, entry]})


def test_friday_interview_follows_up_next_friday_and_nudges_two_fridays_later() -> None:
    """No decision date: check in after 5 business days; after the check-in, nudge 10 business days later."""
    item = planned(interview())
    assert step(item, "follow-up").due == dt.date(2026, 12, 4)
    assert not any(s.key == "nudge" for s in item.steps)
    checked_in = dt.datetime(2026, 12, 4, 10, 0, tzinfo=TZ)
    item = planned(close(item, "follow-up", on=checked_in))
    assert step(item, "nudge").due == dt.date(2026, 12, 18)
    assert step(item, "nudge").due.weekday() == 4


def test_a_public_holiday_in_the_window_moves_follow_up_and_nudge_one_day() -> None:
    """Portugal's 1 and 8 December fall inside the windows: each step moves one business day later."""
    holidays = frozenset({dt.date(2026, 12, 1), dt.date(2026, 12, 8)})
    ctx = context(holidays=holidays)
    item = planned(interview(), ctx)
    assert step(item, "follow-up").due == dt.date(2026, 12, 7)
    item = planned(close(item, "follow-up", on=dt.datetime(2026, 12, 7, 10, 0, tzinfo=TZ)), ctx)
    assert step(item, "nudge").due == dt.date(2026, 12, 22)


def test_real_public_holidays_of_the_profile_country() -> None:
    from afterview.domain.workdays import public_holidays

    ctx = plan_context(Document(), tz=TZ, holidays=public_holidays("PT"))
    assert step(planned(interview(), ctx), "follow-up").due == dt.date(2026, 12, 7)


def test_decision_date_plus_two_business_days() -> None:
    item = planned(interview(decision_by=dt.date(2026, 12, 3)))  # a Thursday
    assert step(item, "follow-up").due == dt.date(2026, 12, 7)
    assert "they said you would hear by Thu 3 Dec" in step(item, "follow-up").title


def test_close_out_38_days_after_the_interview() -> None:
    assert step(planned(interview()), "close-out").due == dt.date(2027, 1, 4)


@pytest.mark.parametrize(
    ("setting", "key", "due"),
    [
        ({"follow_up_business_days": 3}, "follow-up", dt.date(2026, 12, 2)),
        ({"close_out_days": 30}, "close-out", dt.date(2026, 12, 27)),
        ({"momentum_days": 3}, "momentum", dt.date(2026, 11, 30)),
    ],
)
def test_schedule_in_the_profile_changes_due_dates(setting: dict[str, int], key: str, due: dt.date) -> None:
    item = interview()
    ctx = context(item, schedule=Schedule.model_validate(setting))
    assert step(planned(item, ctx), key).due == due


@pytest.mark.parametrize("status", [Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE])
def test_an_ended_process_closes_every_open_step_with_the_reason(status: Status) -> None:
    item = planned(interview(interviewers=[Person(name="Jane Doe")]))
    done = close(item, "memory-dump", on=NOW)
    ended = with_status(done, status)
    after = refresh_steps(ended, context(ended), now=NOW)
    assert not [s for s in after.steps if s.state is StepState.PENDING]
    assert step(after, "memory-dump").state is StepState.DONE  # what was done stays done
    closed = [s for s in after.steps if s.key != "memory-dump"]
    assert {s.note for s in closed} == {f"process ended: {status.value}"}
    assert all(s.closed_automatically and s.state is StepState.SKIPPED for s in closed)


def test_offer_tells_every_other_waiting_process_and_closes_its_own_follow_ups() -> None:
    a, b, c = planned(interview(1)), planned(interview(2)), planned(interview(3))
    a = with_status(a, Status.OFFER, deadline=dt.date(2026, 12, 4))
    ctx = context(a, b, c)
    a, b, c = (refresh_steps(i, ctx, now=NOW) for i in (a, b, c))
    for other in (b, c):
        notice = step(other, "offer-notice:1")
        assert notice.kind is StepKind.OFFER_NOTICE
        assert notice.due == dt.date(2026, 11, 30)
        assert notice.title == f"Tell {other.company} you have an offer from Company 1 (deadline Fri 4 Dec)"
    assert not any(s.kind is StepKind.OFFER_NOTICE for s in a.steps)
    for key in ("follow-up", "close-out"):
        assert step(a, key).state is StepState.SKIPPED
        assert step(a, key).note == "you have their offer"
    assert step(a, "memory-dump").state is StepState.PENDING


def test_a_step_afterview_closed_reopens_when_the_plan_holds_it_again() -> None:
    item = planned(interview())
    checked = planned(close(item, "follow-up", on=NOW))
    assert step(checked, "nudge").state is StepState.PENDING
    reopened = checked.model_copy(
        update={
            "steps": [
                s.model_copy(update={"state": StepState.PENDING, "done_at": None})
                if s.key == "follow-up"
                else s
                for s in checked.steps
            ]
        }
    )
    reopened = planned(reopened)
    assert step(reopened, "nudge").state is StepState.SKIPPED
    assert step(reopened, "nudge").note == "the check-in is open again"
    again = planned(close(reopened, "follow-up", on=NOW))
    nudge = step(again, "nudge")
    assert (nudge.state, nudge.note, nudge.id) == (StepState.PENDING, None, step(checked, "nudge").id)


def test_a_step_the_user_skipped_stays_skipped() -> None:
    item = planned(close(planned(interview()), "momentum", on=NOW, state=StepState.SKIPPED))
    assert step(item, "momentum").state is StepState.SKIPPED


def test_later_round_ending_the_process_closes_the_earlier_rounds_steps() -> None:
    first = with_status(
        planned(interview(1, interviewers=[Person(name="Jo", email="jo@x.org")])), Status.NEXT_ROUND
    )
    second = planned(interview(2, at=FRIDAY + dt.timedelta(days=4), previous_id=1))
    second = with_status(second, Status.REJECTED)
    ctx = context(first, second)
    first = refresh_steps(first, ctx, now=NOW)
    assert step(first, "thank-you:0").note == "process ended: rejected"
    assert not [s for s in first.steps if s.state is StepState.PENDING]


def test_an_offer_in_one_round_does_not_notify_another_round_of_the_same_process() -> None:
    first = planned(interview(1))
    second = with_status(planned(interview(2, previous_id=1)), Status.OFFER)
    first = refresh_steps(first, context(first, second), now=NOW)
    assert not any(s.kind is StepKind.OFFER_NOTICE for s in first.steps)


def test_removing_paperwork_keeps_the_other_steps_ids_and_titles() -> None:
    item = planned(
        interview(paperwork=[Paperwork(title="NDA"), Paperwork(title="Form"), Paperwork(title="ID")])
    )
    nda, form, ident = (step(item, f"paperwork:{n}") for n in range(3))
    after = planned(remove_paperwork(item, form.id))
    assert [p.title for p in after.paperwork] == ["NDA", "ID"]
    assert form.id not in {s.id for s in after.steps}
    moved = next(s for s in after.steps if s.id == ident.id)
    assert (moved.title, moved.key, moved.state) == ("ID", "paperwork:1", StepState.PENDING)
    assert step(after, "paperwork:0").id == nda.id


def test_new_email_closes_the_contact_details_step_as_done() -> None:
    item = planned(interview(interviewers=[Person(name="Jo")]))
    known = item.model_copy(update={"interviewers": [Person(name="Jo", email="jo@x.org")]})
    assert step(planned(known), "contact-details:0").state is StepState.DONE


def test_a_process_waiting_for_its_next_round_hears_about_an_offer_once() -> None:
    """Waiting for a next round not yet logged still counts; once it is logged, only the latest round asks."""
    offer = with_status(planned(interview(1)), Status.OFFER)
    first = with_status(planned(interview(2)), Status.NEXT_ROUND)
    alone = refresh_steps(first, context(offer, first), now=NOW)
    assert step(alone, "offer-notice:1").state is StepState.PENDING
    second = planned(interview(3, previous_id=2))
    ctx = context(offer, alone, second)
    assert step(refresh_steps(alone, ctx, now=NOW), "offer-notice:1").state is StepState.SKIPPED
    assert step(refresh_steps(second, ctx, now=NOW), "offer-notice:1").state is StepState.PENDING


def test_an_interview_logged_after_the_offer_is_told_from_its_own_day() -> None:
    offer = with_status(planned(interview(1)), Status.OFFER)
    later = interview(2, at=FRIDAY + dt.timedelta(days=7))
    assert step(refresh_steps(later, context(offer, later), now=NOW), "offer-notice:1").due == dt.date(
        2026, 12, 4
    )


def test_rounds_linked_in_a_loop_by_hand_do_not_hang_the_planner() -> None:
    first, second = interview(1, previous_id=2), interview(2, previous_id=1)
    ctx = context(first, second)
    assert set(ctx.processes) == {1, 2}
    assert step(planned(first, ctx), "follow-up").state is StepState.PENDING


def test_the_latest_round_decides_however_the_rounds_are_ordered() -> None:
    first = with_status(planned(interview(1)), Status.NEXT_ROUND)
    second = with_status(
        planned(interview(2, at=FRIDAY + dt.timedelta(days=4), previous_id=1)), Status.WITHDRAWN
    )
    ctx = context(second, first)
    assert step(refresh_steps(first, ctx, now=NOW), "momentum").note == "process ended: withdrawn"
