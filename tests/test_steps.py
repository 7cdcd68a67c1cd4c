"""The step engine, tested directly: which steps an interview needs and when they are due (DESIGN.md's
table), and what closes when a process moves on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from afterview.domain.dates import add_business_days
from afterview.domain.planning import PlanContext, plan_context, plan_steps
from afterview.domain.steps import is_overdue, refresh_steps, remove_paperwork, replan
from afterview.models.document import Document
from afterview.models.enums import Status, StepKind, StepState
from afterview.models.records import (
    Interview,
    Paperwork,
    Person,
    Profile,
    Reference,
    Schedule,
    StatusChange,
    Step,
)
from tests.helpers import document_of, make_interview

TZ = dt.timezone(dt.timedelta(hours=1))
FRIDAY = dt.datetime(2026, 11, 27, 14, 0, tzinfo=TZ)
NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=TZ)
CONTEXT = PlanContext(profile=Profile(), tz=TZ)


def interview(**fields: Any) -> Interview:
    base: dict[str, Any] = {
        "id": 7,
        "company": "Acme",
        "role": "Staff Engineer",
        "at": FRIDAY,
        "created_at": FRIDAY,
        "updated_at": FRIDAY,
    }
    return make_interview(**(base | fields))


def due_by_key(item: Interview, context: PlanContext | None = None) -> dict[str, object]:
    return {plan.key: plan.due for plan in plan_steps(item, context or plan_for(item))}


def numbered(interview_id: int = 1, *, at: dt.datetime = FRIDAY, **fields: Any) -> Interview:
    """Interview ``interview_id`` at "Company ``interview_id``" (a process of its own unless ``process``
    names one), for tests of several processes."""
    return make_interview(
        id=interview_id,
        company=f"Company {interview_id}",
        role="Engineer",
        at=at,
        created_at=at,
        updated_at=at,
        **fields,
    )


def plan_for(
    *interviews: Interview, holidays: frozenset[dt.date] = frozenset(), **profile: object
) -> PlanContext:
    document = document_of(*interviews, profile=Profile.model_validate(profile))
    return plan_context(document, tz=TZ, holidays=holidays)


def planned(item: Interview, ctx: PlanContext | None = None) -> Interview:
    return refresh_steps(item, ctx or plan_for(item), now=NOW)


def step(item: Interview, key: str) -> Step:
    return next(s for s in item.steps if s.key == key)


def close(item: Interview, key: str, *, on: dt.datetime, state: StepState = StepState.DONE) -> Interview:
    steps = [s.model_copy(update={"state": state, "done_at": on}) if s.key == key else s for s in item.steps]
    return item.model_copy(update={"steps": steps})


def with_status(item: Interview, status: Status, **change: object) -> Interview:
    """``item``, with ``status`` recorded on its process (and so for every round of it)."""
    entry = StatusChange.model_validate({"status": status, "on": dt.date(2026, 11, 30), **change})
    item.process.history.append(entry)
    return item


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (dt.date(2026, 11, 27), 1, dt.date(2026, 11, 30)),  # Friday + 1 -> Monday
        (dt.date(2026, 11, 27), 5, dt.date(2026, 12, 4)),  # Friday + 5 -> next Friday
        (dt.date(2026, 11, 28), 1, dt.date(2026, 11, 30)),  # Saturday + 1 -> Monday
        (dt.date(2026, 11, 23), 2, dt.date(2026, 11, 25)),  # Monday + 2 -> Wednesday
        (dt.date(2026, 11, 23), 0, dt.date(2026, 11, 23)),
    ],
)
def test_add_business_days_skips_weekends(start: dt.date, days: int, expected: dt.date) -> None:
    assert add_business_days(start, days) == expected


def test_business_days_skip_holidays() -> None:
    assert add_business_days(dt.date(2026, 12, 24), 1, holidays={dt.date(2026, 12, 25)}) == dt.date(
        2026, 12, 28
    )


def test_friday_interview_with_two_emailed_interviewers() -> None:
    item = interview(
        interviewers=[
            Person(name="Jane Doe", email="jane@acme.com"),
            Person(name="Bob Roe", email="bob@acme.com"),
        ]
    )
    assert due_by_key(item) == {
        "memory-dump": dt.date(2026, 11, 27),
        "thank-you:0": FRIDAY + dt.timedelta(hours=24),
        "network:0": dt.date(2026, 12, 1),
        "thank-you:1": FRIDAY + dt.timedelta(hours=24),
        "network:1": dt.date(2026, 12, 1),
        "follow-up": dt.date(2026, 12, 4),  # five business days: the weekend is skipped
        "close-out": dt.date(2027, 1, 4),  # 38 days
        "momentum": dt.date(2026, 12, 4),
    }


def test_interviewer_without_email_and_a_decision_date() -> None:
    item = interview(interviewers=[Person(name="Ann Smith")], decision_by=dt.date(2026, 12, 4))
    due = due_by_key(item)
    assert due["contact-details:0"] == FRIDAY
    assert due["follow-up"] == dt.date(2026, 12, 8)  # decision Friday + 2 business days -> Tuesday


def test_paperwork_due_on_its_date_or_in_two_business_days() -> None:
    item = interview(
        paperwork=[Paperwork(title="NDA", due=dt.date(2026, 12, 10)), Paperwork(title="Background check")]
    )
    due = due_by_key(item)
    assert due["paperwork:0"] == dt.date(2026, 12, 10)
    assert due["paperwork:1"] == dt.date(2026, 12, 1)


def test_references_get_a_heads_up_the_next_business_day() -> None:
    context = PlanContext(profile=Profile(), tz=TZ, references=(Reference(id=1, name="Kim Park"),))
    plans = {plan.key: plan for plan in plan_steps(interview(references_may_call=True), context)}
    assert plans["reference:1"].due == dt.date(2026, 11, 30)
    assert "Kim Park" in plans["reference:1"].title
    assert "Acme" in plans["reference:1"].title
    assert "reference:1" not in due_by_key(interview(references_may_call=False), context)


def test_no_references_on_file_still_gets_one_reminder() -> None:
    assert due_by_key(interview(references_may_call=True))["reference"] == dt.date(2026, 11, 30)


def test_schedule_from_the_profile_changes_the_dates() -> None:
    profile = Profile.model_validate({"schedule": {"follow_up_business_days": 3, "thank_you_hours": 4}})
    item = interview(interviewers=[Person(name="Jane Doe", email="jane@acme.com")])
    due = due_by_key(item, PlanContext(profile=profile, tz=TZ))
    assert due["follow-up"] == dt.date(2026, 12, 2)
    assert due["thank-you:0"] == FRIDAY + dt.timedelta(hours=4)


def test_refresh_gives_ids_in_order_and_keeps_them() -> None:
    first = refresh_steps(interview(), CONTEXT, now=FRIDAY)
    ids = [step.id for step in first.steps]
    assert ids == [f"7.{n}" for n in range(1, len(ids) + 1)]
    again = refresh_steps(first, CONTEXT, now=FRIDAY)
    assert [step.id for step in again.steps] == ids
    assert again.step_seq == len(ids)


def test_refresh_adds_steps_for_a_new_interviewer_without_reusing_ids() -> None:
    first = refresh_steps(interview(), CONTEXT, now=FRIDAY)
    with_person = first.model_copy(update={"interviewers": [Person(name="Jane Doe", email="jane@acme.com")]})
    second = refresh_steps(with_person, CONTEXT, now=FRIDAY)
    new = [step for step in second.steps if step.person == "Jane Doe"]
    assert {step.kind for step in new} == {StepKind.THANK_YOU, StepKind.NETWORK}
    assert all(int(step.id.split(".")[1]) > first.step_seq for step in new)


def test_known_email_closes_the_contact_details_step_as_done() -> None:
    first = refresh_steps(interview(interviewers=[Person(name="Ann Smith")]), CONTEXT, now=FRIDAY)
    emailed = first.model_copy(update={"interviewers": [Person(name="Ann Smith", email="ann@globex.com")]})
    step = next(
        s for s in refresh_steps(emailed, CONTEXT, now=FRIDAY).steps if s.kind is StepKind.CONTACT_DETAILS
    )
    assert step.state is StepState.DONE


def test_a_rejection_closes_the_waiting_steps_and_keeps_the_memory_dump_and_network_step() -> None:
    first = refresh_steps(
        interview(interviewers=[Person(name="Jane Doe", email="j@acme.com")]), CONTEXT, now=FRIDAY
    )
    rejected = with_status(first, Status.REJECTED, on=dt.date(2026, 12, 1))
    steps = refresh_steps(rejected, CONTEXT, now=FRIDAY, reason="process ended").steps
    assert [step.id for step in steps][: len(first.steps)] == [step.id for step in first.steps]
    kept = {StepKind.MEMORY_DUMP, StepKind.NETWORK}
    assert {s.kind for s in steps if s.state is StepState.PENDING} == kept | {StepKind.REJECTION_REPLY}
    closed = [s for s in steps if s.kind not in kept | {StepKind.REJECTION_REPLY}]
    assert {(step.state, step.note) for step in closed} == {(StepState.SKIPPED, "process ended")}


def test_overdue_counts_a_date_as_due_by_the_end_of_the_day() -> None:
    step = next(
        s for s in refresh_steps(interview(), CONTEXT, now=FRIDAY).steps if s.kind is StepKind.MEMORY_DUMP
    )
    assert not is_overdue(step, now=FRIDAY.replace(hour=23, minute=59))
    assert is_overdue(step, now=FRIDAY + dt.timedelta(days=1))


def test_friday_interview_follows_up_next_friday_and_nudges_two_fridays_later() -> None:
    """No decision date: check in after 5 business days; after the check-in, nudge 10 business days later."""
    item = planned(numbered())
    assert step(item, "follow-up").due == dt.date(2026, 12, 4)
    assert not any(s.key == "nudge" for s in item.steps)
    checked_in = dt.datetime(2026, 12, 4, 10, 0, tzinfo=TZ)
    item = planned(close(item, "follow-up", on=checked_in))
    assert step(item, "nudge").due == dt.date(2026, 12, 18)
    assert step(item, "nudge").due.weekday() == 4


def test_a_public_holiday_in_the_window_moves_follow_up_and_nudge_one_day() -> None:
    """Portugal's 1 and 8 December fall inside the windows: each step moves one business day later."""
    holidays = frozenset({dt.date(2026, 12, 1), dt.date(2026, 12, 8)})
    ctx = plan_for(holidays=holidays)
    item = planned(numbered(), ctx)
    assert step(item, "follow-up").due == dt.date(2026, 12, 7)
    item = planned(close(item, "follow-up", on=dt.datetime(2026, 12, 7, 10, 0, tzinfo=TZ)), ctx)
    assert step(item, "nudge").due == dt.date(2026, 12, 22)


def test_real_public_holidays_of_the_profile_country() -> None:
    from afterview.domain.workdays import public_holidays

    ctx = plan_context(Document(), tz=TZ, holidays=public_holidays("PT"))
    assert step(planned(numbered(), ctx), "follow-up").due == dt.date(2026, 12, 7)


def test_decision_date_plus_two_business_days() -> None:
    item = planned(numbered(decision_by=dt.date(2026, 12, 3)))  # a Thursday
    assert step(item, "follow-up").due == dt.date(2026, 12, 7)
    assert "they said you would hear by Thu 3 Dec" in step(item, "follow-up").title


@pytest.mark.parametrize(
    ("setting", "key", "due"),
    [
        ({"close_out_days": 30}, "close-out", dt.date(2026, 12, 27)),
        ({"momentum_days": 3}, "momentum", dt.date(2026, 11, 30)),
    ],
)
def test_schedule_in_the_profile_changes_due_dates(setting: dict[str, int], key: str, due: dt.date) -> None:
    item = numbered()
    ctx = plan_for(item, schedule=Schedule.model_validate(setting))
    assert step(planned(item, ctx), key).due == due


@pytest.mark.parametrize("status", [Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE])
def test_an_ended_process_closes_its_open_steps_but_the_network_ones_with_the_reason(status: Status) -> None:
    """The waiting steps and thank-you notes close; the contact and network steps stay, a rejection adds a
    reply, and the search's momentum step stays (schema 2: it is the search's)."""
    item = planned(numbered(interviewers=[Person(name="Jane Doe")]))
    done = close(item, "memory-dump", on=NOW)
    ended = with_status(done, status)
    after = refresh_steps(ended, plan_for(ended), now=NOW)
    reply = [StepKind.REJECTION_REPLY] if status is Status.REJECTED else []
    kept = [StepKind.CONTACT_DETAILS, StepKind.NETWORK]  # the people you met are worth knowing anyway
    assert [s.kind for s in after.steps if s.state is StepState.PENDING] == [*kept, StepKind.MOMENTUM, *reply]
    assert step(after, "memory-dump").state is StepState.DONE  # what was done stays done
    closed = [s for s in after.steps if s.state is StepState.SKIPPED]
    assert {s.kind for s in closed} == {StepKind.THANK_YOU, StepKind.FOLLOW_UP, StepKind.CLOSE_OUT}
    assert {s.note for s in closed} == {f"process ended: {status.value}"}
    assert all(s.closed_automatically and s.state is StepState.SKIPPED for s in closed)


def test_offer_tells_every_other_waiting_process_and_closes_its_own_follow_ups() -> None:
    a, b, c = planned(numbered(1)), planned(numbered(2)), planned(numbered(3))
    a = with_status(a, Status.OFFER, deadline=dt.date(2026, 12, 4))
    ctx = plan_for(a, b, c)
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
    item = planned(numbered())
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
    item = planned(close(planned(numbered()), "momentum", on=NOW, state=StepState.SKIPPED))
    assert step(item, "momentum").state is StepState.SKIPPED


def test_later_round_ending_the_process_closes_the_earlier_rounds_steps() -> None:
    first = with_status(
        planned(numbered(1, interviewers=[Person(name="Jo", email="jo@x.org")])), Status.NEXT_ROUND
    )
    second = numbered(2, at=FRIDAY + dt.timedelta(days=4), process=first.process)
    second = with_status(planned(second, plan_for(first, second)), Status.REJECTED)
    ctx = plan_for(first, second)
    first = refresh_steps(first, ctx, now=NOW)
    assert step(first, "thank-you:0").note == "process ended: rejected"
    pending = {s.kind for s in first.steps if s.state is StepState.PENDING}
    assert pending == {StepKind.MEMORY_DUMP, StepKind.NETWORK, StepKind.MOMENTUM}


def test_an_offer_in_one_round_does_not_notify_another_round_of_the_same_process() -> None:
    first = planned(numbered(1))
    second = numbered(2, process=first.process)
    second = with_status(planned(second, plan_for(first, second)), Status.OFFER)
    first = refresh_steps(first, plan_for(first, second), now=NOW)
    assert not any(s.kind is StepKind.OFFER_NOTICE for s in first.steps)


def test_removing_paperwork_keeps_the_other_steps_ids_and_titles() -> None:
    item = planned(
        numbered(paperwork=[Paperwork(title="NDA"), Paperwork(title="Form"), Paperwork(title="ID")])
    )
    nda, form, ident = (step(item, f"paperwork:{n}") for n in range(3))
    after = planned(remove_paperwork(item, form.id))
    assert [p.title for p in after.paperwork] == ["NDA", "ID"]
    assert form.id not in {s.id for s in after.steps}
    moved = next(s for s in after.steps if s.id == ident.id)
    assert (moved.title, moved.key, moved.state) == ("ID", "paperwork:1", StepState.PENDING)
    assert step(after, "paperwork:0").id == nda.id


def test_a_process_waiting_for_its_next_round_hears_about_an_offer_once() -> None:
    """Waiting for a next round not yet logged still counts; once it is logged, only the latest round asks."""
    offer = with_status(planned(numbered(1)), Status.OFFER)
    first = with_status(planned(numbered(2)), Status.NEXT_ROUND)
    alone = refresh_steps(first, plan_for(offer, first), now=NOW)
    assert step(alone, "offer-notice:1").state is StepState.PENDING
    second = numbered(3, at=FRIDAY + dt.timedelta(days=1), process=alone.process)
    ctx = plan_for(offer, alone, second)
    assert step(refresh_steps(alone, ctx, now=NOW), "offer-notice:1").state is StepState.SKIPPED
    assert step(refresh_steps(second, ctx, now=NOW), "offer-notice:1").state is StepState.PENDING


def test_an_interview_logged_after_the_offer_is_told_from_its_own_day() -> None:
    offer = with_status(planned(numbered(1)), Status.OFFER)
    later = numbered(2, at=FRIDAY + dt.timedelta(days=7))
    assert step(refresh_steps(later, plan_for(offer, later), now=NOW), "offer-notice:1").due == dt.date(
        2026, 12, 4
    )


def test_the_latest_round_decides_however_the_rounds_are_ordered() -> None:
    first = with_status(planned(numbered(1)), Status.NEXT_ROUND)
    second = numbered(2, at=FRIDAY + dt.timedelta(days=4), process=first.process)
    second = with_status(planned(second, plan_for(first, second)), Status.REJECTED)
    ctx = plan_for(second, first)
    assert not any(s.kind is StepKind.REJECTION_REPLY for s in refresh_steps(first, ctx, now=NOW).steps)
    assert step(refresh_steps(second, ctx, now=NOW), "rejection-reply").state is StepState.PENDING


def test_replan_keeps_an_unchanged_interview_and_stamps_a_changed_one() -> None:
    """Planning again leaves a round whose steps are as planned exactly as it was (the same object, its
    updated_at); a round whose plan changed gets the new steps, updated_at ``now``, and is reported."""
    document = document_of(numbered(1), numbered(2))
    replan(document, plan_context(document, tz=TZ, now=NOW), now=NOW)
    first = document.interviews[0]
    document.put(document.interviews[1].model_copy(update={"interviewers": [Person(name="Jane Doe")]}))
    later = NOW + dt.timedelta(hours=1)
    changed = replan(document, plan_context(document, tz=TZ, now=later), now=later)
    assert document.interviews[0] is first
    assert first.updated_at == NOW  # from the first planning
    second = document.interviews[1]
    assert second.updated_at == later
    assert {item.id for item, _ in changed} == {2}
    assert {"contact-details:0", "thank-you:0", "network:0"} <= {s.key for s in second.steps}
    assert [s.id for s in second.steps] == [f"2.{n}" for n in range(1, len(second.steps) + 1)]
