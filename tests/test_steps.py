"""The step engine: which steps an interview needs and when they are due (DESIGN.md's table)."""

from __future__ import annotations

import datetime as dt

import pytest

from afterview.domain.dates import add_business_days
from afterview.domain.steps import PlanContext, is_overdue, plan_steps, refresh_steps
from afterview.models import (
    Interview,
    Paperwork,
    Person,
    Profile,
    Reference,
    Status,
    StatusChange,
    StepKind,
    StepState,
)

TZ = dt.timezone(dt.timedelta(hours=1))
FRIDAY = dt.datetime(2026, 11, 27, 14, 0, tzinfo=TZ)
CONTEXT = PlanContext(profile=Profile(), tz=TZ)


def interview(**fields: object) -> Interview:
    base: dict[str, object] = {
        "id": 7,
        "company": "Acme",
        "role": "Staff Engineer",
        "at": FRIDAY,
        "created_at": FRIDAY,
        "updated_at": FRIDAY,
    }
    return Interview.model_validate(base | fields)


def due_by_key(item: Interview, context: PlanContext = CONTEXT) -> dict[str, object]:
    return {plan.key: plan.due for plan in plan_steps(item, context)}


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


def test_a_rejection_closes_every_open_step_with_the_reason() -> None:
    first = refresh_steps(
        interview(interviewers=[Person(name="Jane Doe", email="j@acme.com")]), CONTEXT, now=FRIDAY
    )
    rejected = first.model_copy(
        update={"history": [StatusChange(status=Status.REJECTED, on=dt.date(2026, 12, 1))]}
    )
    steps = refresh_steps(rejected, CONTEXT, now=FRIDAY, reason="process ended").steps
    assert [step.id for step in steps] == [step.id for step in first.steps]
    assert {(step.state, step.note) for step in steps} == {(StepState.SKIPPED, "process ended")}


def test_overdue_counts_a_date_as_due_by_the_end_of_the_day() -> None:
    step = next(
        s for s in refresh_steps(interview(), CONTEXT, now=FRIDAY).steps if s.kind is StepKind.MEMORY_DUMP
    )
    assert not is_overdue(step, now=FRIDAY.replace(hour=23, minute=59))
    assert is_overdue(step, now=FRIDAY + dt.timedelta(days=1))
