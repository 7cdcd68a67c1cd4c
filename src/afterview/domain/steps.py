"""Reconciling an interview's steps with what it calls for now, and the state of a step (pure).

:func:`afterview.domain.planning.plan_steps` says which steps an interview calls for *now*;
:func:`refresh_steps` reconciles that plan with the steps it already has: a planned step that exists keeps
its id and state, a new one gets the next id, and a pending step the plan no longer holds is closed with the
reason (``process ended: rejected``). A step afterview closed reopens if the plan holds it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from afterview.domain.dates import due_moment, is_past, snoozed_due
from afterview.domain.identities import identities
from afterview.domain.planning import (
    PlanContext,
    PlannedStep,
    awaiting_answer,
    is_upcoming,
    plan_steps,
    zone_of,
)
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Status, StepKind, StepState
from afterview.models.records import Interview, Step

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
    steps, seq = _reconciled(interview, context, now=now, reason=reason)
    return interview.model_copy(update={"steps": steps, "step_seq": seq})


def _reconciled(
    interview: Interview, context: PlanContext, *, now: dt.datetime, reason: str | None
) -> tuple[list[Step], int]:
    """The steps of :func:`refresh_steps`, and the last step number given."""
    try:
        plans = {plan.key: plan for plan in plan_steps(interview, context)}
        if is_upcoming(interview, now=context.now):  # what it will call for once it has happened must fit
            plan_steps(interview, context._replace(now=None))
    except OverflowError:  # a step would fall after the year 9999
        decision = f", decision by {interview.decision_by}" if interview.decision_by else ""
        raise UserError(
            f"Interview {interview.id} is dated too far ahead to plan its steps "
            f"({interview.at.date()}{decision}); nothing was saved.",
            hint="Check the year of the interview's date and of its decision date.",
        ) from None
    seq = interview.step_seq
    zone = zone_of(interview, context.tz)
    steps: list[Step] = []
    for step in interview.steps:
        plan = plans.pop(step.key, None)
        if plan is not None and step.state is StepState.SKIPPED and step.closed_automatically:
            update = {**_fields(plan, now=now, zone=zone), **_REOPENED}
            steps.append(step.model_copy(update=update))
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
            steps.append(step.model_copy(update=_fields(plan, now=now, zone=zone, current=step.due)))
    for plan in plans.values():
        seq += 1
        steps.append(Step(id=f"{interview.id}.{seq}", **_fields(plan, now=now, zone=zone)))
    return steps, seq


def replan(
    document: Document,
    context: PlanContext,
    *,
    now: dt.datetime,
    processes: Collection[int] | None = None,
    reasons: Mapping[int, str] | None = None,
) -> list[tuple[Interview, Step]]:
    """Re-plan the rounds of ``processes`` (process ids; ``None``: every round) of ``document`` in place;
    return the steps that opened or closed.

    ``context`` must be :func:`afterview.domain.planning.plan_context` of ``document`` as it is now;
    ``reasons`` gives, by interview id, the reason its closed steps say (see :func:`refresh_steps`).
    Raises UserError as :func:`refresh_steps` does.
    """
    changed: list[tuple[Interview, Step]] = []
    for index, interview in enumerate(document.interviews):
        if processes is not None and interview.process_id not in processes:
            continue
        steps, seq = _reconciled(interview, context, now=now, reason=(reasons or {}).get(interview.id))
        if steps == interview.steps:  # kept as it is: one copy less an interview on every save
            continue
        updated = interview.model_copy(update={"steps": steps, "step_seq": seq, "updated_at": now})
        before = {step.id: step.state for step in interview.steps}
        changed += [(updated, step) for step in steps if before.get(step.id) is not step.state]
        document.interviews[index] = updated
    return changed


def closing_reason(interview: Interview, step: Step, context: PlanContext) -> str:
    """Why the plan no longer holds a step, in a few words the user sees in ``todo --all``."""
    process = interview.process
    if step.kind is StepKind.MOMENTUM:
        if context.accepted and context.momentum_anchor is None:
            return "you accepted an offer"
        if context.momentum_anchor == interview.id:  # still here: an earlier one was reopened (undo)
            return "the earlier momentum step is open again"
        return "the search's momentum moved to your newest process"
    if process.ended:
        return f"process ended: {process.status.value}"
    waiting_kinds = (StepKind.FOLLOW_UP, StepKind.NUDGE, StepKind.CLOSE_OUT, StepKind.OFFER_NOTICE)
    if process.status is Status.OFFER and step.kind in waiting_kinds:
        return "you have their offer"
    moved_on = not awaiting_answer(process, context.rounds.get(process.id, 1)) or (
        context.latest_rounds.get(process.id) != interview.id
    )
    if step.kind in waiting_kinds and moved_on:
        return "moved to the next round"
    if step.kind is StepKind.NETWORK and step.person is not None and _met_before(interview, step, context):
        return "met in an earlier round: that round's network step counts"
    reasons = {
        StepKind.PREP: "the interview has taken place",
        StepKind.OFFER_NOTICE: "that offer is no longer open",
        StepKind.NUDGE: "the check-in is open again",
        StepKind.PAPERWORK: "task removed",
        StepKind.REFERENCE: "references changed",
        StepKind.CONTACT_DETAILS: "interviewer removed",
        StepKind.THANK_YOU: "interviewer removed",
        StepKind.NETWORK: "interviewer removed",
    }
    return reasons.get(step.kind, "no longer needed")


def _met_before(interview: Interview, step: Step, context: PlanContext) -> bool:
    earlier = context.met_before.get(interview.id, frozenset())
    people = [p for p in interview.interviewers if p.name == step.person]
    return any(identities(person) & earlier for person in people)


def _email_now_known(interview: Interview, step: Step) -> bool:
    kind, _, index = step.key.partition(":")
    if kind != StepKind.CONTACT_DETAILS.value or not index.isdigit():
        return False
    return int(index) < len(interview.interviewers) and interview.interviewers[int(index)].email is not None


def _fields(
    plan: PlannedStep, *, now: dt.datetime, zone: dt.tzinfo, current: dt.date | None = None
) -> dict[str, Any]:
    """A step's fields from its plan. An "at once" step is due at its cause; one created after its cause has
    passed is due by the end of the day it was created, never at a time already gone (an existing step keeps
    its ``current`` due unless its cause moved later)."""
    due = plan.due
    if plan.at_once:
        start = current if current is not None else _created(due, now, zone=zone)
        due = start if due_moment(start, zone) > due_moment(due, zone) else due
    return {"kind": plan.kind, "key": plan.key, "title": plan.title, "person": plan.person, "due": due}


def _created(cause: dt.date, now: dt.datetime, *, zone: dt.tzinfo) -> dt.date:
    """When a new "at once" step is due: its cause, or, once that has passed, the end of today where you are
    (``now``'s zone, the reader's: a date is due by the end of that day there, so the step is never overdue
    the moment it appears, and a Tokyo round's step made at 20:00 in Berlin is due today, not on Tokyo's
    tomorrow)."""
    today = now.date()
    passed = due_moment(cause, zone) < now
    if isinstance(cause, dt.datetime):  # a moment: today once it has passed
        return today if passed else cause
    return today if passed or cause < today else cause


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


def closed(step: Step, state: StepState, *, now: dt.datetime, note: str | None = None) -> Step:
    """``step`` done or skipped at ``now``, keeping its note unless ``note`` is given; a step that is not
    pending is returned as it is."""
    if step.state is not StepState.PENDING:
        return step
    return step.model_copy(update={"state": state, "done_at": now, "note": note or step.note})


def reopened(step: Step) -> Step:
    """``step`` pending again, without the time and note of its closing; a pending step as it is."""
    if step.state is StepState.PENDING:
        return step
    return step.model_copy(update={"state": StepState.PENDING, "done_at": None, "note": None})


def snoozed(step: Step, *, until: dt.date) -> Step:
    """``step`` hidden from being due until the day ``until``.

    Raises UserError when the step is not pending.
    """
    if step.state is not StepState.PENDING:
        raise UserError(
            f"Step {step.id} is {step.state.value}; only pending steps can be snoozed.",
            hint=f"Reopen it first with: afterview undo {step.id}",
        )
    return step.model_copy(update={"snoozed_until": until})


def with_steps(interview: Interview, changed: Mapping[str, Step], *, now: dt.datetime) -> Interview:
    """``interview`` with the steps in ``changed`` (by step id) replaced, updated at ``now``."""
    steps = [changed.get(step.id, step) for step in interview.steps]
    return interview.model_copy(update={"steps": steps, "updated_at": now})
