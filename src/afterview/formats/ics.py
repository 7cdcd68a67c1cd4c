"""Steps as an RFC 5545 calendar (the ``icalendar`` library, imported only here). Pure: steps in, bytes out.

One event per step at its (snoozed) due time, all-day when the step has only a date, with a reminder
(VALARM) and a UID that depends only on the step and its interview, so importing the file again updates
the events instead of duplicating them. Closed steps, when included, are marked CANCELLED.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from afterview import __version__
from afterview.domain.steps import effective_due
from afterview.models.enums import StepState
from afterview.models.records import Interview, Step

TIMED_EVENT = dt.timedelta(minutes=30)
TIMED_ALARM = dt.timedelta(hours=-1)
"""A step due at a time: remind an hour before."""
ALL_DAY_ALARM = dt.timedelta(hours=9)
"""A step due on a day: remind at 09:00 that day (relative to the start of the all-day event)."""


_COMMAND = re.compile(r"\s*\((?P<command>afterview [^()]*)\)\s*$")
"""The ``(afterview draft-thanks 2)`` that a step's title in afterview ends with."""


def split_title(title: str) -> tuple[str, str | None]:
    """A step's title as what to do, and the afterview command that helps do it (if the title names one).

    A calendar's title says what to do; how (the command) belongs in the description.
    """
    match = _COMMAND.search(title)
    return (title[: match.start()], match["command"]) if match else (title, None)


def step_uid(interview: Interview, step: Step) -> str:
    """A UID that stays the same for this step across exports (and differs between stores)."""
    created = interview.created_at.astimezone(dt.timezone.utc)
    return f"afterview-step-{step.id}-{created:%Y%m%dT%H%M%SZ}"


def calendar(items: Iterable[tuple[Interview, Step]], *, now: dt.datetime) -> bytes:
    """The steps as an iCalendar file; ``now`` stamps the events (DTSTAMP)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", f"-//afterview//afterview {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "afterview")
    stamp = now.astimezone(dt.timezone.utc)
    for interview, step in items:
        event = Event()
        event.add("uid", step_uid(interview, step))
        event.add("dtstamp", stamp)
        event.add("last-modified", interview.updated_at.astimezone(dt.timezone.utc))
        due = effective_due(step)
        if isinstance(due, dt.datetime):
            start = due.astimezone(dt.timezone.utc)
            event.add("dtstart", start)
            event.add("dtend", start + TIMED_EVENT)
        else:
            event.add("dtstart", due)
            event.add("dtend", due + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        summary = split_title(step.title)[0]
        event.add("summary", summary)
        event.add("description", _description(interview, step))
        event.add("categories", [step.kind.value])
        if step.state is StepState.PENDING:
            event.add("status", "CONFIRMED")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", TIMED_ALARM if isinstance(due, dt.datetime) else ALL_DAY_ALARM)
            event.add_component(alarm)
        else:
            event.add("status", "CANCELLED")
        cal.add_component(event)
    return bytes(cal.to_ical())


def _description(interview: Interview, step: Step) -> str:
    lines = [
        f"Interview {interview.id}: {interview.company} · {interview.role}",
        f"Step {step.id} ({step.kind.value})" + (f", about {step.person}" if step.person else ""),
    ]
    command = split_title(step.title)[1]
    if command and step.state is StepState.PENDING:
        lines.append(f"How: {command}")
    if step.state is StepState.PENDING:
        lines.append(f"When it is done: afterview done {step.id}")
    else:
        lines.append(f"Closed: {step.state.value}" + (f" ({step.note})" if step.note else ""))
    return "\n".join(lines)
