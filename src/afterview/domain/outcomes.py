"""How a hiring process moves on: which outcome options go together, and what recording one changes (pure).

An outcome is a status change of a process (``next-round``, ``offer``, ``accepted``, ``rejected``...),
named through any of its rounds. Recording the status it already has changes nothing, except an offer with
a new deadline or terms. ``next-round`` with a time also logs the next round of the process. ``accepted``
ends every other open process as withdrawn (each then gets a step to tell them), and the search's momentum.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from afterview.domain.dates import short_date
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Format, Stage, Status
from afterview.models.records import Interview, Process, StatusChange

OUTCOMES = ", ".join(s.value for s in Status if s is not Status.WAITING)
"""The outcomes a user can record, as they type them."""


class Recorded(NamedTuple):
    """What recording an outcome changed in the document."""

    interview: Interview
    """The interview the outcome was named through, as it is now in the document."""
    change: StatusChange | None
    """The status change added to its process's history; ``None`` when it already had that status."""
    following: Interview | None
    """The next round, when one was logged."""
    withdrawn: tuple[Process, ...] = ()
    """The other processes an accepted offer ended."""

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


def check_options(status: Status, *, interview_id: int | str, deadline: bool, next_round: bool) -> None:
    """Check that the options go with ``status``: a deadline with an offer, a next round with next-round.

    ``deadline`` says whether a deadline was given, ``next_round`` whether a time or stage of the next round
    was. Raises UserError when one was given with another outcome.
    """
    if deadline and status is not Status.OFFER:
        raise UserError(
            "--deadline is for offers.", hint=f"afterview outcome {interview_id} offer --deadline DATE"
        )
    if next_round and status is not Status.NEXT_ROUND:
        raise UserError(
            "--at, --stage, --format and --location are for next-round: they log the next interview."
        )


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


class NextRound(NamedTuple):
    """The next round to log with a ``next-round`` outcome: when, and what is known of it."""

    at: dt.datetime
    stage: Stage | None = None
    format: Format | None = None
    location: str | None = None
    timezone: str | None = None


def record_outcome(
    document: Document,
    interview: Interview,
    change: StatusChange,
    *,
    next_round: NextRound | None = None,
    now: dt.datetime,
) -> Recorded:
    """Record ``change`` on the process of ``interview`` in ``document``; log its next round if given.

    The same status again is not recorded (an offer with a different deadline or terms is). ``accepted``
    also ends every other open process as withdrawn, naming this one as the cause. The next round gets the
    next id, the previous round's format and location unless given, and ``stage`` or else
    :func:`next_stage`. Steps are not re-planned here: every process changed is marked touched, and the
    transaction re-plans them (and every other round, when an offer or acceptance changes what they call
    for). Raises UserError when the process has ended and the outcome
    would reopen it in a way that makes no sense (a next round after it ended).
    """
    process = interview.process
    if next_round is not None and process.ended:  # before the change, which would reopen it
        raise UserError(
            f"{interview.company}'s process has ended ({interview.status.value}); nothing was changed.",
            hint="Log a new interview with: afterview log",
        )
    last = process.history[-1] if process.history else None
    new_offer = change.status is Status.OFFER and (
        last is None or (change.deadline, change.note) != (last.deadline, last.note)
    )
    repeated = process.status is change.status and not new_offer
    withdrawn: list[Process] = []
    if not repeated:
        process.history.append(change)
        process.updated_at = now
        document.touch(process.id)
        if change.status is Status.ACCEPTED:
            withdrawn = _end_the_others(document, process, on=change.on, now=now)
    following = None
    if next_round is not None:
        promised = sum(c.status is Status.NEXT_ROUND for c in process.history)
        rounds = document.rounds(process)
        if repeated and len(rounds) > promised:
            raise UserError(
                f"Interview {rounds[-1].id} is already the next round of {process.company}; "
                "nothing was changed.",
                hint=f"Record its outcome with: afterview outcome {rounds[-1].id} next-round --at WHEN",
            )
        following = _log_next_round(document, interview, next_round, now=now)
    return Recorded(
        interview=interview,
        change=None if repeated else change,
        following=following,
        withdrawn=tuple(withdrawn),
    )


def _end_the_others(document: Document, accepted: Process, *, on: dt.date, now: dt.datetime) -> list[Process]:
    """Every other open process, ended as withdrawn because ``accepted``'s offer was taken.

    Processes this one ended before (an acceptance undone, then made again) call for their withdraw steps
    again: their rounds may be archived, so they are read to be planned.
    """
    if any(p.history and p.history[-1].cause == accepted.id for p in document.processes):
        document.unpack()
    ended = []
    for process in document.processes:
        if process.id == accepted.id or process.ended:
            continue
        process.history.append(
            StatusChange(
                status=Status.WITHDRAWN,
                on=on,
                note=f"accepted {accepted.company}'s offer",
                cause=accepted.id,
            )
        )
        process.updated_at = now
        document.touch(process.id)
        ended.append(process)
    return ended


def _log_next_round(
    document: Document, interview: Interview, next_round: NextRound, *, now: dt.datetime
) -> Interview:
    """Add the next round of ``interview``'s process, after its latest round."""
    rounds = document.rounds(interview.process)
    latest = rounds[-1] if rounds else interview
    fields = {
        "at": next_round.at,
        "timezone": next_round.timezone if next_round.timezone is not None else latest.timezone,
        "stage": next_round.stage if next_round.stage is not None else next_stage(latest.stage),
        "format": next_round.format if next_round.format is not None else latest.format,
        "location": next_round.location if next_round.location is not None else latest.location,
    }
    return document.add_interview(fields, process=interview.process, now=now)
