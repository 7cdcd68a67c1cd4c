"""Recording how a hiring process moved on (``afterview outcome``): the status, an offer's terms and
deadline, the next round; steps follow through the transaction's re-planning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from afterview.actions import clock, session
from afterview.actions.changes import changing
from afterview.actions.lookup import find, find_process, latest_round
from afterview.actions.typed import option_date, option_moment, year_echo
from afterview.domain import endings, outcomes
from afterview.models.document import Document
from afterview.models.enums import Format, Stage, Status
from afterview.models.records import Interview, Process, StatusChange, Step
from afterview.store.storefile import Unchanged


class NextRoundAsTyped(NamedTuple):
    """The next round, for ``next-round``, as the options gave it (``at`` as typed, or ``None``)."""

    at: str | None = None
    stage: Stage | None = None
    format: Format | None = None
    location: str | None = None
    timezone: str | None = None


class OutcomeRecorded(NamedTuple):
    """What ``outcome`` did: the round named (as it is now), the status recorded (``None``: the process
    already had it), the next round logged, the processes an acceptance ended, and the steps that opened
    or closed."""

    interview: Interview
    status: Status
    recorded: outcomes.Recorded | None
    now: dt.datetime
    following: Interview | None = None
    """The next round logged, as planned."""
    changes: Sequence[tuple[Interview, Step]] = ()
    on_echo: str | None = None
    """Which day a ``--on`` without a year was taken as (``13 Nov → Fri 13 Nov 2026, in 11 days``)."""
    kept: bool = False
    """Whether feedback or a date to reconnect was kept with it."""

    def to_json(self) -> Any:
        """The JSON contract: the interview named, as it is now."""
        from afterview.formats.contract import interview_json

        return interview_json(self.interview, now=self.now)


def outcome_clock(document: Document, named: str, *, timezone: str | None = None) -> dt.datetime:
    """Now, in the zone of the round ``named`` (or ``timezone`` when the next round is in another one):
    the day dates typed for an outcome are read in."""
    interview = latest_round(document, named)
    return clock.now_in(timezone or interview.timezone or document.profile.timezone)


def check_named(named: str) -> None:
    """Raise :class:`afterview.errors.UserError` unless the round or process ``named`` exists (before
    asking anything about it on a terminal)."""
    latest_round(session.open_store().read(open_only=True), named)


def next_round_time(named: str, text: str, *, timezone: str | None = None) -> dt.datetime:
    """When the next round is, from ``text`` as typed (a prompt's answer), in the round's day."""
    document = session.open_store().read(open_only=True)
    now = outcome_clock(document, named, timezone=timezone)
    return option_moment("--at", text, now=now, past=False, order=session.date_order(document.profile))


def record_outcome(
    *,
    named: str,
    status: Status,
    on: str = "today",
    deadline: str | None = None,
    note: str | None = None,
    following: NextRoundAsTyped | None = None,
    at: dt.datetime | None = None,
    feedback: str | None = None,
    reapply_in: str | None = None,
) -> OutcomeRecorded:
    """Record ``status`` on the process of the round or process ``named`` (``7`` or ``P2``), heard ``on``
    (as typed), with an offer's ``deadline`` and ``note``; log the next round when ``following`` says when
    (``following.at`` as typed, or ``at`` already read). Keep the company's ``feedback``; after an ended
    process, get back in touch ``reapply_in`` (a period after ``on``, or a date). Accepting an offer closes
    its "decide" step as done and notes the references to tell (:func:`endings.settle_acceptance`)."""
    outcomes.check_options(
        status,
        interview_id=named,
        deadline=deadline is not None,
        next_round=following is not None,
    )
    if reapply_in is not None:
        endings.check_reapply(status)
    recorded = None
    with changing() as change_:  # the dates are read in the round's day, from the document the lock holds
        document = change_.document
        interview = latest_round(document, named)
        typed = _read_typed(
            document, named, status=status, on=on, deadline=deadline, note=note, following=following,
            at=at, reapply_in=reapply_in, today=change_.now.date(),
        )  # fmt: skip
        recorded = outcomes.record_outcome(
            document, interview, typed.change, next_round=typed.next_round, now=change_.now
        )
        kept = _keep_ending(
            document,
            interview.process,
            recorded,
            feedback=feedback,
            reconnect=typed.reconnect,
            now=change_.now,
        )
        if not recorded.changed and not kept:
            recorded = None
            raise Unchanged
    kept = recorded is not None and kept
    return OutcomeRecorded(
        interview=find(document, interview.id),
        status=status,
        recorded=recorded,
        now=change_.now,
        following=find(document, recorded.following.id) if recorded and recorded.following else None,
        changes=change_.changes,
        on_echo=typed.on_echo,
        kept=kept,
    )


class _Typed(NamedTuple):
    """The options of ``outcome`` as read: days in the user's, the next round's time in its zone."""

    change: StatusChange
    next_round: outcomes.NextRound | None
    reconnect: dt.date | None
    on_echo: str | None


def _read_typed(
    document: Document,
    named: str,
    *,
    status: Status,
    on: str,
    deadline: str | None,
    note: str | None,
    following: NextRoundAsTyped | None,
    at: dt.datetime | None,
    reapply_in: str | None,
    today: dt.date,
) -> _Typed:
    """Read the days typed for an outcome (``--on``, ``--deadline``, ``--reapply-in``) in the user's ``today``
    (a rejection heard at 20:00 in Berlin is heard that day, though it is already tomorrow in Tokyo), and the
    next round's ``--at`` in the day of the round ``named`` (or of the next round's zone), as ``log --tz``
    reads ``--at``."""
    now = outcome_clock(document, named, timezone=following.timezone if following is not None else None)
    order = session.date_order(document.profile)
    heard = option_date("--on", on, today=today, order=order, nearest=True)
    change = outcomes.status_change(
        status,
        on=heard,
        deadline=option_date("--deadline", deadline, today=today, order=order) if deadline else None,
        note=note,
        today=today,
    )
    if following is not None and following.at is not None:
        at = option_moment("--at", following.at, now=now, past=False, order=order)
    next_round = None
    if at is not None:
        fields = following or NextRoundAsTyped()
        next_round = outcomes.NextRound(
            at=at,
            stage=fields.stage,
            format=fields.format,
            location=fields.location,
            timezone=fields.timezone,
        )
    reconnect = None
    if reapply_in is not None:
        reconnect = endings.reconnect_date(reapply_in, start=change.on, today=today, order=order)
    return _Typed(change, next_round, reconnect, year_echo(on, heard, today=today))


def _keep_ending(
    document: Document,
    process: Process,
    recorded: outcomes.Recorded,
    *,
    feedback: str | None,
    reconnect: dt.date | None,
    now: dt.datetime,
) -> bool:
    """Keep what came with the outcome besides the status; whether anything changed."""
    if recorded.change is not None and recorded.change.status is Status.ACCEPTED:
        endings.settle_acceptance(document, process, now=now)
    kept = feedback is not None and endings.keep_feedback(document, process, feedback, now=now)
    if reconnect is not None:
        kept = endings.set_reconnect(document, process, reconnect, now=now) or kept
    return kept


class FeedbackKept(NamedTuple):
    """What ``feedback`` did: the process, as it is now, with its rounds."""

    process: Process
    rounds: list[Interview]

    def to_json(self) -> Any:
        """The process object of ``show P2 --json``."""
        from afterview.formats.contract import process_json

        return process_json(self.process, self.rounds)


def record_feedback(*, named: str, text: str) -> FeedbackKept:
    """Keep ``text`` as the feedback from the company of the round or process ``named``."""
    with changing() as change_:
        document = change_.document
        process, _ = find_process(document, named)
        if not endings.keep_feedback(document, process, text, now=change_.now):
            raise Unchanged
    return FeedbackKept(process, document.rounds(process))
