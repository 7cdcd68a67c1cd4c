"""The JSON contract for scripts (documented in the README; changed only with a version bump)."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from afterview.domain.history import in_time_order
from afterview.domain.steps import effective_due, is_overdue
from afterview.models.records import Interview, Process, Step


class StepJson(TypedDict):
    """A step in ``todo --json`` and the ``steps`` arrays (dates and times as ISO 8601 text)."""

    id: str
    interview_id: int
    company: str
    role: str
    kind: str
    title: str
    person: str | None
    due: str
    state: str
    overdue: bool
    done_at: str | None
    snoozed_until: str | None
    note: str | None


class InterviewJson(TypedDict):
    """An interview in ``log --json``, ``show --json`` and ``list --json``.

    ``company``, ``role``, ``status`` and ``history`` are its process's (schema 2).
    """

    id: int
    process_id: int
    company: str
    role: str
    at: str
    timezone: str | None
    ends_at: str | None
    stage: str
    format: str
    location: str | None
    interviewers: list[dict[str, Any]]
    next_steps: str | None
    decision_by: str | None
    references_may_call: bool
    paperwork: list[dict[str, Any]]
    status: str
    history: list[dict[str, Any]]
    debrief: dict[str, Any] | None
    notes: str | None
    steps: list[StepJson]
    sent: list[dict[str, Any]]
    created_at: str
    updated_at: str
    at_local: str
    """``at`` in the user's zone (the same instant; added in 0.x, additive)."""
    cancelled: dict[str, Any] | None
    """``{"on", "reason"}`` when an invitation cancelled the round, else null."""
    invitation_uid: str | None
    invitation_sequence: int | None


class ProcessJson(TypedDict):
    """A hiring process in ``show P2 --json`` and ``list --processes --json``, with its rounds."""

    id: str
    company: str
    role: str
    source: str | None
    status: str
    history: list[dict[str, Any]]
    offer: dict[str, Any] | None
    rounds: list[int]
    feedback: str | None
    reconnect_on: str | None
    created_at: str
    updated_at: str


def step_json(interview: Interview, step: Step, *, now: dt.datetime) -> StepJson:
    """A step as ``todo --json`` and the ``steps`` arrays show it."""
    return {
        "id": step.id,
        "interview_id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "kind": step.kind.value,
        "title": step.title,
        "person": step.person,
        "due": effective_due(step).isoformat(),
        "state": step.state.value,
        "overdue": is_overdue(step, now=now),
        "done_at": step.done_at.isoformat() if step.done_at else None,
        "snoozed_until": step.snoozed_until.isoformat() if step.snoozed_until else None,
        "note": step.note,
    }


def interview_json(
    interview: Interview, *, now: dt.datetime, local: dt.tzinfo | None = None
) -> InterviewJson:
    """An interview as ``log --json``, ``show --json`` and ``list --json`` show it; ``at_local`` is its time
    in ``local`` (the user's zone; default ``now``'s)."""
    dumped = interview.model_dump(mode="json", exclude={"steps", "step_seq"})
    return {
        "id": interview.id,
        "process_id": interview.process_id,
        "company": interview.company,
        "role": interview.role,
        "at": interview.at.isoformat(),
        "timezone": interview.timezone,
        "ends_at": interview.ends_at.isoformat() if interview.ends_at else None,
        "stage": interview.stage.value,
        "format": interview.format.value,
        "location": interview.location,
        "interviewers": dumped["interviewers"],
        "next_steps": interview.next_steps,
        "decision_by": interview.decision_by.isoformat() if interview.decision_by else None,
        "references_may_call": interview.references_may_call,
        "paperwork": dumped["paperwork"],
        "status": interview.status.value,
        "history": [change.model_dump(mode="json") for change in in_time_order(interview.process.history)],
        "debrief": dumped["debrief"],
        "notes": interview.notes,
        "steps": [step_json(interview, step, now=now) for step in interview.steps],
        "sent": dumped["sent"],
        "created_at": interview.created_at.isoformat(),
        "updated_at": interview.updated_at.isoformat(),
        "at_local": interview.at.astimezone(local or now.tzinfo).isoformat(),
        "cancelled": dumped["cancelled"],
        "invitation_uid": interview.invitation_uid,
        "invitation_sequence": interview.invitation_sequence,
    }


def process_label(process: Process) -> str:
    """How a person types a process's id: ``P2``."""
    return f"P{process.id}"


def process_json(process: Process, rounds: list[Interview]) -> ProcessJson:
    """A process as ``show P2 --json`` shows it: its status history, offer and rounds (interview ids)."""
    offer = process.offer
    return {
        "id": process_label(process),
        "company": process.company,
        "role": process.role,
        "source": process.source,
        "status": process.status.value,
        "history": [change.model_dump(mode="json") for change in in_time_order(process.history)],
        "offer": offer.model_dump(mode="json") if offer is not None else None,
        "rounds": [interview.id for interview in rounds],
        "feedback": process.feedback,
        "reconnect_on": process.reconnect_on.isoformat() if process.reconnect_on else None,
        "created_at": process.created_at.isoformat(),
        "updated_at": process.updated_at.isoformat(),
    }
