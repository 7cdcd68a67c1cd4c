"""The human view of ``afterview outcome``: the new status, the steps that opened or closed, the next
round."""

from __future__ import annotations

import shlex

from afterview.actions.outcomes import FeedbackKept, OutcomeRecorded
from afterview.domain.dates import describe_day
from afterview.models.enums import Status
from afterview.render import console, views
from afterview.render.steps import show_changes


def outcome_recorded(result: OutcomeRecorded) -> None:
    """What ``outcome`` did, or that the process already had that status."""
    now, updated, recorded = result.now, result.interview, result.recorded
    if result.on_echo is not None:
        console.note(result.on_echo)
    if recorded is None:
        console.say(f"Nothing changed: {updated.company}'s process is already {result.status.value}.")
        return
    change, following = recorded.change, result.following
    if change is not None:
        extra = f", deadline {describe_day(change.deadline, today=now.date())}" if change.deadline else ""
        console.say(
            f"P{updated.process_id} ({updated.company} · {updated.role}): {change.status.value}, "
            f"{describe_day(change.on, today=now.date())}{extra}."
        )
    process = updated.process
    if result.kept and process.feedback:
        console.say(f"Feedback kept: afterview prep {shlex.quote(process.company)} shows it.")
    if result.kept and process.reconnect_on:
        when = describe_day(process.reconnect_on, today=now.date())
        console.say(f"Reconnect with {process.company} {when}.")
    for process in recorded.withdrawn:
        console.say(f"P{process.id} ({process.company} · {process.role}): withdrawn.")
    opened_elsewhere = [(i, s) for i, s in result.changes if following is None or i.id != following.id]
    show_changes(opened_elsewhere, now=now)
    if following is not None:
        views.created(following, now=now)
    elif updated.status is Status.NEXT_ROUND:
        console.note(
            f"When you know when the next round is, log it: "
            f"afterview outcome P{updated.process_id} next-round --at 'tuesday 10:00'"
        )


def feedback_kept(result: FeedbackKept) -> None:
    """What ``feedback`` did."""
    process = result.process
    console.say(
        f"Feedback kept for P{process.id} ({process.company} · {process.role}): "
        f"afterview prep {shlex.quote(process.company)} shows it."
    )
