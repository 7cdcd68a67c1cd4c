"""Recording how a hiring process moved on (``afterview outcome``): the status, an offer's terms and
deadline, the next round; steps follow through the transaction's re-planning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from afterview.actions import clock, session
from afterview.actions.changes import changing
from afterview.actions.lookup import find, latest_round
from afterview.actions.typed import option_date, option_moment, year_echo
from afterview.domain import outcomes
from afterview.formats.contract import interview_json
from afterview.models.document import Document
from afterview.models.enums import Format, Stage, Status
from afterview.models.records import Interview, Step
from afterview.store.storefile import Unchanged


@dataclass(frozen=True)
class NextRoundAsTyped:
    """The next round, for ``next-round``, as the options gave it (``at`` as typed, or ``None``)."""

    at: str | None = None
    stage: Stage | None = None
    format: Format | None = None
    location: str | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class OutcomeRecorded:
    """What ``outcome`` did: the round named (as it is now), the status recorded (``None``: the process
    already had it), the next round logged, the processes an acceptance ended, and the steps that opened
    or closed."""

    interview: Interview
    status: Status
    recorded: outcomes.Recorded | None
    now: dt.datetime
    following: Interview | None = None
    """The next round logged, as planned."""
    changes: list[tuple[Interview, Step]] = field(default_factory=list)
    on_echo: str | None = None
    """Which day a ``--on`` without a year was taken as (``13 Nov → Fri 13 Nov 2026, in 11 days``)."""

    def to_json(self) -> Any:
        """The JSON contract: the interview named, as it is now."""
        return interview_json(self.interview, now=self.now)


def outcome_clock(document: Document, named: str, *, timezone: str | None = None) -> dt.datetime:
    """Now, in the zone of the round ``named`` (or ``timezone`` when the next round is in another one):
    the day dates typed for an outcome are read in."""
    interview = latest_round(document, named)
    return clock.now_in(timezone or interview.timezone or document.profile.timezone)


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
) -> OutcomeRecorded:
    """Record ``status`` on the process of the round or process ``named`` (``7`` or ``P2``), heard ``on``
    (as typed), with an offer's ``deadline`` and ``note``; log the next round when ``following`` says when
    (``following.at`` as typed, or ``at`` already read)."""
    outcomes.check_options(
        status,
        interview_id=named,
        deadline=deadline is not None,
        next_round=following is not None,
    )
    store = session.open_store()
    current = store.read(open_only=True)
    zone = following.timezone if following is not None else None
    now = outcome_clock(current, named, timezone=zone)
    order = session.date_order(current.profile)
    heard = option_date("--on", on, today=now.date(), order=order, nearest=True)
    change = outcomes.status_change(
        status,
        on=heard,
        deadline=option_date("--deadline", deadline, today=now.date(), order=order) if deadline else None,
        note=note,
        today=now.date(),
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
    recorded = None
    with changing(store=store) as change_:
        document = change_.document
        interview = latest_round(document, named)
        recorded = outcomes.record_outcome(
            document, interview, change, next_round=next_round, now=change_.now
        )
        if not recorded.changed:
            recorded = None
            raise Unchanged
    return OutcomeRecorded(
        interview=find(document, interview.id),
        status=status,
        recorded=recorded,
        now=change_.now,
        following=find(document, recorded.following.id) if recorded and recorded.following else None,
        changes=change_.changes,
        on_echo=year_echo(on, heard, today=now.date()),
    )
