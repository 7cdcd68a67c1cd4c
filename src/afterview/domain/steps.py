"""Which steps an interview needs and when they are due (pure: ``now`` and the profile are parameters).

The engine plans the steps an interview calls for *now* (:func:`plan_steps`) and reconciles the plan
with the steps it already has (:func:`refresh_steps`): a planned step that exists keeps its id and
state, a new one gets the next id, and a pending step the plan no longer holds is closed with the reason
(``process ended: rejected``). A step afterview closed reopens if the plan holds it again.

Rounds of one process are linked by ``Interview.previous_id``; when the latest round ends the process,
every round's open steps close.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from afterview.domain.dates import add_business_days, is_past, short_date, snoozed_due
from afterview.errors import UserError
from afterview.models import (
    ENDED_STATUSES,
    Document,
    Interview,
    Profile,
    Reference,
    Stage,
    Status,
    Step,
    StepKind,
    StepState,
)


@dataclass(frozen=True)
class Offer:
    """An offer recorded on another process, which the waiting ones should hear about."""

    interview_id: int
    company: str
    on: dt.date
    deadline: dt.date | None = None
    process: int = 0
    """The first round's id of the process the offer belongs to."""


@dataclass(frozen=True)
class PlanContext:
    """Everything besides the interview itself that decides its steps."""

    profile: Profile
    tz: dt.tzinfo
    references: tuple[Reference, ...] = ()
    offers: tuple[Offer, ...] = ()
    holidays: Container[dt.date] = field(default_factory=frozenset)
    processes: Mapping[int, int] = field(default_factory=dict)
    """Each interview's process: the id of its first round (absent: the interview is its own process)."""
    endings: Mapping[int, Status] = field(default_factory=dict)
    """For each interview of a process that ended in a later round, how it ended."""
    earlier_rounds: Container[int] = field(default_factory=frozenset)
    """The interviews that have a later round."""


@dataclass(frozen=True)
class PlannedStep:
    """A step the interview calls for, before it has an id."""

    kind: StepKind
    key: str
    title: str
    due: dt.date
    person: str | None = None


def plan_context(
    document: Document, *, tz: dt.tzinfo, holidays: Container[dt.date] = frozenset()
) -> PlanContext:
    """The context for planning any interview of ``document``: references, offers and how rounds link."""
    processes = _processes(document.interviews)
    offers = tuple(
        Offer(i.id, i.company, i.history[-1].on, i.history[-1].deadline, processes.get(i.id, i.id))
        for i in document.interviews
        if i.status is Status.OFFER
    )
    latest: dict[int, Interview] = {}
    for interview in document.interviews:
        root = processes.get(interview.id, interview.id)
        if root not in latest or (interview.at, interview.id) > (latest[root].at, latest[root].id):
            latest[root] = interview
    endings = {
        interview_id: latest[root].status
        for interview_id, root in processes.items()
        if latest[root].status in ENDED_STATUSES and latest[root].id != interview_id
    }
    return PlanContext(
        profile=document.profile,
        tz=tz,
        references=tuple(document.references),
        offers=offers,
        holidays=holidays,
        processes=processes,
        endings=endings,
        earlier_rounds=frozenset(i.previous_id for i in document.interviews if i.previous_id is not None),
    )


def _processes(interviews: Iterable[Interview]) -> dict[int, int]:
    """The first round of each linked interview's process (interviews never linked are left out)."""
    previous = {i.id: i.previous_id for i in interviews if i.previous_id is not None}
    roots: dict[int, int] = {}
    for start in previous:
        root, seen = start, {start}
        while (earlier := previous.get(root)) is not None and earlier not in seen:
            seen.add(earlier)
            root = earlier
        roots[start] = root
    for root in set(roots.values()):
        roots[root] = root
    return roots


def process_status(interview: Interview, context: PlanContext) -> Status:
    """Where the interview's process stands: its own status, unless a later round ended the process."""
    return context.endings.get(interview.id, interview.status)


def plan_steps(interview: Interview, context: PlanContext) -> list[PlannedStep]:
    """The steps ``interview`` calls for, following DESIGN.md's table."""
    schedule = context.profile.schedule
    day = interview.at.astimezone(context.tz).date()

    def business(days: int, start: dt.date = day) -> dt.date:
        return add_business_days(start, days, holidays=context.holidays)

    status = process_status(interview, context)
    if status in ENDED_STATUSES:
        return []
    waiting = status is Status.WAITING
    plans = [
        PlannedStep(
            StepKind.MEMORY_DUMP,
            "memory-dump",
            "Write down what you remember of the "
            + ("interview" if interview.stage is Stage.OTHER else f"{interview.stage.value} interview")
            + f" (afterview remember {interview.id})",
            day,
        )
    ]
    for index, person in enumerate(interview.interviewers):
        if person.email is None:
            plans.append(
                PlannedStep(
                    StepKind.CONTACT_DETAILS,
                    f"contact-details:{index}",
                    f"Get {person.name}'s email address",
                    interview.at,
                    person.name,
                )
            )
        plans.append(
            PlannedStep(
                StepKind.THANK_YOU,
                f"thank-you:{index}",
                f"Send {person.name} a thank-you note (afterview draft-thanks {interview.id})",
                interview.at + dt.timedelta(hours=schedule.thank_you_hours),
                person.name,
            )
        )
        plans.append(
            PlannedStep(
                StepKind.NETWORK,
                f"network:{index}",
                f"Add {person.name} to your professional network",
                business(schedule.network_business_days),
                person.name,
            )
        )
    plans.extend(
        PlannedStep(
            StepKind.PAPERWORK,
            f"paperwork:{index}",
            item.title,
            item.due or business(schedule.paperwork_business_days),
        )
        for index, item in enumerate(interview.paperwork)
    )
    if interview.references_may_call:
        plans.extend(
            _reference_steps(interview, context.references, business(schedule.reference_business_days))
        )
    if waiting:
        plans.extend(_waiting_steps(interview, context, day))
    if waiting or (status is Status.NEXT_ROUND and interview.id not in context.earlier_rounds):
        plans.extend(_offer_notices(interview, context, day))
    plans.append(
        PlannedStep(
            StepKind.MOMENTUM,
            "momentum",
            "Line up your next application or interview",
            day + dt.timedelta(days=schedule.momentum_days),
        )
    )
    return plans


def _reference_steps(
    interview: Interview, references: Iterable[Reference], due: dt.date
) -> Iterable[PlannedStep]:
    about = f"{interview.company} may call about the {interview.role} role"
    references = list(references)
    if not references:
        yield PlannedStep(StepKind.REFERENCE, "reference", f"Tell your references that {about}", due)
    for reference in references:
        yield PlannedStep(
            StepKind.REFERENCE, f"reference:{reference.id}", f"Tell {reference.name} that {about}", due
        )


def _waiting_steps(interview: Interview, context: PlanContext, day: dt.date) -> Iterable[PlannedStep]:
    schedule = context.profile.schedule
    if interview.decision_by is not None:
        follow_up_due = add_business_days(
            interview.decision_by, schedule.follow_up_after_decision_business_days, holidays=context.holidays
        )
        when = f"they said you would hear by {short_date(interview.decision_by)}"
    else:
        follow_up_due = add_business_days(day, schedule.follow_up_business_days, holidays=context.holidays)
        when = "no news yet"
    yield PlannedStep(
        StepKind.FOLLOW_UP, "follow-up", f"Check in with {interview.company} ({when})", follow_up_due
    )
    follow_up = next((s for s in interview.steps if s.key == "follow-up"), None)
    if follow_up is not None and follow_up.state is StepState.DONE:
        checked_in = follow_up.done_at.astimezone(context.tz).date() if follow_up.done_at else follow_up_due
        yield PlannedStep(
            StepKind.NUDGE,
            "nudge",
            f"Still waiting? Send {interview.company} a second, brief nudge",
            add_business_days(checked_in, schedule.nudge_business_days, holidays=context.holidays),
        )
    yield PlannedStep(
        StepKind.CLOSE_OUT,
        "close-out",
        f"Still no answer from {interview.company}? Close it out and focus elsewhere",
        day + dt.timedelta(days=schedule.close_out_days),
    )


def _offer_notices(interview: Interview, context: PlanContext, day: dt.date) -> Iterable[PlannedStep]:
    process = context.processes.get(interview.id, interview.id)
    for offer in context.offers:
        if offer.process == process:
            continue
        deadline = f" (deadline {short_date(offer.deadline)})" if offer.deadline else ""
        yield PlannedStep(
            StepKind.OFFER_NOTICE,
            f"offer-notice:{offer.interview_id}",
            f"Tell {interview.company} you have an offer from {offer.company}{deadline}",
            max(offer.on, day),
        )


_REOPENED: dict[str, Any] = {
    "state": StepState.PENDING,
    "done_at": None,
    "note": None,
    "closed_automatically": False,
}


def refresh_steps(
    interview: Interview, context: PlanContext, *, now: dt.datetime, reason: str | None = None
) -> Interview:
    """The interview with its steps reconciled with what it calls for now.

    Done and skipped steps stay as they are, except that a step afterview closed reopens when the plan holds
    it again; pending ones are updated to the plan, or closed when the plan no longer holds them, with
    ``reason`` or else :func:`closing_reason` (a contact-details step whose email is known now closes as
    done); new ones get the next free id, never a reused one.

    Raises UserError when the interview is dated so far ahead that a step would fall after the year 9999.
    """
    try:
        plans = {plan.key: plan for plan in plan_steps(interview, context)}
    except OverflowError:  # a step would fall after the year 9999
        decision = f", decision by {interview.decision_by}" if interview.decision_by else ""
        raise UserError(
            f"Interview {interview.id} is dated too far ahead to plan its steps "
            f"({interview.at.date()}{decision}); nothing was saved.",
            hint="Check the year of the interview's date and of its decision date.",
        ) from None
    seq = interview.step_seq
    steps: list[Step] = []
    for step in interview.steps:
        plan = plans.pop(step.key, None)
        if plan is not None and step.state is StepState.SKIPPED and step.closed_automatically:
            steps.append(step.model_copy(update={**_fields(plan), **_REOPENED}))
        elif step.state is not StepState.PENDING:
            steps.append(step)
        elif plan is None and _email_now_known(interview, step):
            steps.append(step.model_copy(update={"state": StepState.DONE, "done_at": now}))
        elif plan is None:
            closed = {
                "state": StepState.SKIPPED,
                "done_at": now,
                "note": reason or closing_reason(interview, step, context),
                "closed_automatically": True,
            }
            steps.append(step.model_copy(update=closed))
        else:
            steps.append(step.model_copy(update=_fields(plan)))
    for plan in plans.values():
        seq += 1
        steps.append(Step(id=f"{interview.id}.{seq}", **_fields(plan)))
    return interview.model_copy(update={"steps": steps, "step_seq": seq})


def closing_reason(interview: Interview, step: Step, context: PlanContext) -> str:
    """Why the plan no longer holds a step, in a few words the user sees in ``todo --all``."""
    status = process_status(interview, context)
    if status in ENDED_STATUSES:
        return f"process ended: {status.value}"
    waiting_kinds = (StepKind.FOLLOW_UP, StepKind.NUDGE, StepKind.CLOSE_OUT, StepKind.OFFER_NOTICE)
    if status is Status.OFFER and step.kind in waiting_kinds:
        return "you have their offer"
    if status is Status.NEXT_ROUND and step.kind in waiting_kinds:
        return "moved to the next round"
    reasons = {
        StepKind.OFFER_NOTICE: "that offer is no longer open",
        StepKind.NUDGE: "the check-in is open again",
        StepKind.PAPERWORK: "task removed",
        StepKind.REFERENCE: "references changed",
        StepKind.CONTACT_DETAILS: "interviewer removed",
        StepKind.THANK_YOU: "interviewer removed",
        StepKind.NETWORK: "interviewer removed",
    }
    return reasons.get(step.kind, "no longer needed")


def _email_now_known(interview: Interview, step: Step) -> bool:
    kind, _, index = step.key.partition(":")
    if kind != StepKind.CONTACT_DETAILS.value or not index.isdigit():
        return False
    return int(index) < len(interview.interviewers) and interview.interviewers[int(index)].email is not None


def _fields(plan: PlannedStep) -> dict[str, Any]:
    return {"kind": plan.kind, "key": plan.key, "title": plan.title, "person": plan.person, "due": plan.due}


def effective_due(step: Step) -> dt.date:
    """When the step is due, counting a snooze."""
    return snoozed_due(step.due, step.snoozed_until)


def is_overdue(step: Step, *, now: dt.datetime) -> bool:
    """Whether a pending step is past its (snoozed) due time."""
    return step.state is StepState.PENDING and is_past(effective_due(step), now=now)


def remove_paperwork(interview: Interview, step_id: str) -> Interview:
    """The interview without the paperwork item behind step ``step_id``, and without that step.

    The items after it move up one place, so their steps' keys move with them and keep their ids.
    """
    step = next(s for s in interview.steps if s.id == step_id)
    index = int(step.key.partition(":")[2])
    steps: list[Step] = []
    for other in interview.steps:
        kind, _, position = other.key.partition(":")
        if other.id == step_id:
            continue
        if kind == StepKind.PAPERWORK.value and position.isdigit() and int(position) > index:
            other = other.model_copy(update={"key": f"paperwork:{int(position) - 1}"})
        steps.append(other)
    paperwork = [item for n, item in enumerate(interview.paperwork) if n != index]
    return interview.model_copy(update={"steps": steps, "paperwork": paperwork})
