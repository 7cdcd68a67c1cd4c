"""How a hiring process moves on: which outcome options go together, and what recording one changes (pure).

An outcome is a status change on an interview (``next-round``, ``offer``, ``rejected``...). Recording the
status it already has changes nothing, except an offer with a new deadline. ``next-round`` with a time also
logs the next interview of the same process (same company and role), linked to this one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from afterview.domain.dates import short_date
from afterview.errors import UserError
from afterview.models import Document, Interview, Stage, Status, StatusChange

OUTCOMES = ", ".join(s.value for s in Status if s is not Status.WAITING)
"""The outcomes a user can record, as they type them."""


@dataclass(frozen=True)
class Recorded:
    """What recording an outcome changed in the document."""

    interview: Interview
    """The interview the outcome is about, as it is now in the document."""
    change: StatusChange | None
    """The status change added to its history; ``None`` when it already had that status."""
    following: Interview | None
    """The next round, when one was logged."""

    @property
    def changed(self) -> bool:
        """Whether the document changed at all."""
        return self.change is not None or self.following is not None


def outcome_status(text: str) -> Status:
    """The outcome ``text`` names (any case, spaces around ignored).

    Raises UserError when it names no outcome (``waiting`` is where every process starts, not an outcome).
    """
    chosen = next((s for s in Status if s.value == text.strip().lower() and s is not Status.WAITING), None)
    if chosen is None:
        raise UserError(f"{text!r} is not an outcome; choose one of: {OUTCOMES}.")
    return chosen


def check_options(status: Status, *, interview_id: int, deadline: bool, next_round: bool) -> None:
    """Check that the options go with ``status``: a deadline with an offer, a next round with next-round.

    ``deadline`` says whether a deadline was given, ``next_round`` whether a time or stage of the next round
    was. Raises UserError when one was given with another outcome.
    """
    if deadline and status is not Status.OFFER:
        raise UserError(
            "--deadline is for offers.", hint=f"afterview outcome {interview_id} offer --deadline DATE"
        )
    if next_round and status is not Status.NEXT_ROUND:
        raise UserError("--at and --stage are for next-round: they log the next interview.")


def status_change(
    status: Status, *, on: dt.date, deadline: dt.date | None, note: str | None, today: dt.date
) -> StatusChange:
    """The history entry for an outcome heard ``on`` a day.

    Raises UserError when ``on`` is after ``today``: an outcome is recorded once it is known.
    """
    change = StatusChange(status=status, on=on, deadline=deadline, note=note)
    if change.on > today:
        raise UserError(f"--on is in the future ({short_date(change.on)}); say when you heard.")
    return change


def next_stage(stage: Stage) -> Stage:
    """The stage of the round after one at ``stage``: the next in order, at most final; other stays other."""
    if stage is Stage.OTHER:
        return Stage.OTHER
    stages = list(Stage)
    return stages[min(stages.index(stage) + 1, stages.index(Stage.FINAL))]


def record_outcome(
    document: Document,
    interview: Interview,
    change: StatusChange,
    *,
    next_round_at: dt.datetime | None = None,
    stage: Stage | None = None,
    now: dt.datetime,
) -> Recorded:
    """Record ``change`` on ``interview`` of ``document`` with ``next_round_at``, log the next round.

    The same status again is not recorded (an offer with a different deadline is). The next round gets the
    next id, the same company, role and format, and ``stage`` or else :func:`next_stage`. Steps are not
    re-planned here: the caller re-plans the whole document, since an outcome can change other processes'
    steps. Raises UserError when the interview already has a next round and another is asked for.
    """
    last_deadline = interview.history[-1].deadline if interview.history else None
    new_deadline = change.deadline is not None and change.deadline != last_deadline
    repeated = interview.status is change.status and not (change.status is Status.OFFER and new_deadline)
    if not repeated:
        interview = interview.model_copy(update={"history": [*interview.history, change], "updated_at": now})
        document.put(interview)
    following = None
    if next_round_at is not None:
        following = _log_next_round(document, interview, at=next_round_at, stage=stage, now=now)
    return Recorded(interview=interview, change=None if repeated else change, following=following)


def _log_next_round(
    document: Document, interview: Interview, *, at: dt.datetime, stage: Stage | None, now: dt.datetime
) -> Interview:
    """Add the next interview of ``interview``'s process (same company and role), linked to it."""
    linked = next((i for i in document.interviews if i.previous_id == interview.id), None)
    if linked is not None:
        raise UserError(
            f"Interview {linked.id} is already the round after {interview.id}; nothing was changed.",
            hint=f"Record its outcome with: afterview outcome {linked.id} next-round --at WHEN",
        )
    fields = {
        "company": interview.company,
        "role": interview.role,
        "at": at,
        "stage": stage if stage is not None else next_stage(interview.stage),
        "format": interview.format,
        "previous_id": interview.id,
    }
    return document.add_interview(fields, now=now)
