"""The JSON contract for scripts (documented in the README; changed only with a version bump)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from afterview.domain.steps import effective_due, is_overdue
from afterview.models import Interview, Step


def step_json(interview: Interview, step: Step, *, now: dt.datetime) -> dict[str, Any]:
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


def interview_json(interview: Interview, *, now: dt.datetime) -> dict[str, Any]:
    """An interview as ``log --json``, ``show --json`` and ``list --json`` show it."""
    dumped = interview.model_dump(mode="json", exclude={"steps", "step_seq", "history"})
    return {
        "id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "at": interview.at.isoformat(),
        "stage": interview.stage.value,
        "format": interview.format.value,
        "location": interview.location,
        "interviewers": dumped["interviewers"],
        "next_steps": interview.next_steps,
        "decision_by": interview.decision_by.isoformat() if interview.decision_by else None,
        "references_may_call": interview.references_may_call,
        "paperwork": dumped["paperwork"],
        "status": interview.status.value,
        "history": [change.model_dump(mode="json") for change in interview.history],
        "debrief": dumped["debrief"],
        "notes": interview.notes,
        "steps": [step_json(interview, step, now=now) for step in interview.steps],
        "created_at": interview.created_at.isoformat(),
        "updated_at": interview.updated_at.isoformat(),
    }
