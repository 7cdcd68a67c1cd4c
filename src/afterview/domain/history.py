"""A hiring process's status history, in the order things happened (pure).

People record things late ("we heard on Monday", typed on Wednesday) and log rounds ahead of time, so the
order of recording is not the order of events: the history is shown sorted by date (a stable sort, so the
events of one day keep the order they were recorded in). The status is the last change recorded.

A round logged as the next one (``next-round``) is awaited; once it has taken place the process waits
again for the company's answer: :func:`held_rounds` records that ``waiting`` on the round's day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from afterview.models.enums import Status
from afterview.models.records import Interview, Process, StatusChange


def held_rounds(process: Process, rounds: Sequence[Interview], *, now: dt.datetime) -> bool:
    """Record ``waiting`` on the day of each round that ``next-round`` promised and that has taken place by
    ``now``; return whether the history changed. ``rounds`` are the process's rounds, earliest first."""
    changed = False
    while process.status is Status.NEXT_ROUND:
        promised = sum(entry.status is Status.NEXT_ROUND for entry in process.history)
        if len(rounds) <= promised or rounds[promised].at > now:
            break  # the promised round is not logged yet, or is still ahead
        held = rounds[promised].at
        day = held.astimezone(now.tzinfo).date() if now.tzinfo is not None else held.date()
        process.history.append(StatusChange(status=Status.WAITING, on=day))
        changed = True
    return changed


def timeline(process: Process, *, since: dt.date) -> list[tuple[Status, dt.date]]:
    """Where the process went, in time order: ``waiting`` from ``since`` (its first day), then each change
    of status with its day; repeats of the same status are shown once."""
    entries: list[tuple[Status, dt.date]] = [(Status.WAITING, since)]
    for change in in_time_order(process.history):
        if change.status is not entries[-1][0]:
            entries.append((change.status, change.on))
    return entries


def in_time_order(history: Iterable[StatusChange]) -> list[StatusChange]:
    """``history`` sorted by day, same-day entries in the order they were recorded (a store written before
    the history was kept in order is shown in order too)."""
    return sorted(history, key=lambda entry: entry.on)
