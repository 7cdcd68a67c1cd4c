"""The human view of what a step command did (``done``, ``skip``, ``snooze``, ``undo``, ``task``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from afterview.actions.steps import StepsChanged
from afterview.domain.dates import describe_day
from afterview.models.enums import StepState
from afterview.models.records import Interview, Step
from afterview.render import console, views

_VERBS = {"done": "Done", "skipped": "Skipped", "reopened": "Reopened", "removed": "Removed task"}
_ALREADY = {"done": "already closed", "skipped": "already closed", "reopened": "already pending"}


def changed_steps(result: StepsChanged) -> None:
    """One line per step changed (a snooze says until when); ids that needed no change, as a note."""
    today = result.now.date()
    if result.verb == "added":
        interview, step = result.steps[0]
        console.say(f"Added step {step.id} to interview {interview.id}:")
        views.step_rows(result.steps, now=result.now, show_interview=False)
        return
    if not result.steps:
        console.say(f"Nothing changed: {', '.join(result.unchanged)} {_ALREADY[result.verb]}.")
        return
    for _, step in result.steps:
        if result.verb == "snoozed" and result.until is not None:
            later = f" ({result.notes[step.id]})" if step.id in result.notes else ""
            console.say(
                f"Snoozed {step.id} until {describe_day(result.until, today=today)}: {step.title}{later}"
            )
        else:
            console.say(f"{_VERBS[result.verb]} {step.id}: {step.title}")
    if result.unchanged and result.verb in ("done", "skipped"):
        console.note(f"Already closed: {', '.join(result.unchanged)}.")


def show_changes(changes: Iterable[tuple[Interview, Step]], *, now: dt.datetime) -> None:
    """What re-planning did: new or reopened steps, then the ones closed and why."""
    items = list(changes)
    opened = [(i, s) for i, s in items if s.state is StepState.PENDING]
    closed = [(i, s) for i, s in items if s.state is not StepState.PENDING]
    if opened:
        console.say("New steps:")
        views.step_rows(opened, now=now)
    if closed:
        console.say("Closed steps:")
        views.step_rows(closed, now=now)
