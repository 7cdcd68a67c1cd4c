"""Steps as an RFC 5545 calendar (the ``icalendar`` library, imported only here). Pure: steps in, bytes out.

One event per step at its (snoozed) due time, all-day when the step has only a date, with a reminder
(VALARM) and a UID that depends only on the step and its interview, so importing the file again updates
the events instead of duplicating them; its SEQUENCE (:func:`event_sequence`) grows whenever its interview
changes, so calendars that take only a higher one (RFC 5545 §3.8.7.4) take a snoozed or re-planned step.
Closed steps, when included, are marked CANCELLED.

The live calendar (:func:`live_calendar`) adds each upcoming interview as an event of its own, with its
link and its interviewers as attendees, under a UID of its own that never changes either.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from afterview import __version__
from afterview.domain.steps import effective_due
from afterview.models.document import Document
from afterview.models.enums import Stage, StepState
from afterview.models.records import Interview, Step

TIMED_EVENT = dt.timedelta(minutes=30)
INTERVIEW_LENGTH = dt.timedelta(hours=1)
"""An interview whose invitation gave no end."""
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
    created = interview.created_at.astimezone(dt.UTC)
    return f"afterview-step-{step.id}-{created:%Y%m%dT%H%M%SZ}"


def interview_uid(interview: Interview) -> str:
    """A UID that stays the same for this interview across writes (and differs between stores)."""
    created = interview.created_at.astimezone(dt.UTC)
    return f"afterview-interview-{interview.id}-{created:%Y%m%dT%H%M%SZ}"


MAX_SEQUENCE = 2**31 - 1
"""The largest SEQUENCE calendars are sure to read (a signed 32-bit INTEGER, RFC 5545 §3.3.8)."""


def event_sequence(interview: Interview) -> int:
    """The SEQUENCE of every event afterview writes for ``interview`` (the interview and its steps): the
    whole seconds from its creation to its last change (its own ``updated_at``, or its process's when that
    is later). Every change afterview makes stamps ``updated_at`` with the time, so the number grows with each
    change and is the same in every export between two changes; two changes within one second share it.
    """
    changed = interview.updated_at
    with contextlib.suppress(LookupError):  # an interview made outside a document: its own time is all
        changed = max(changed, interview.process.updated_at)
    seconds = int((changed - interview.created_at).total_seconds())
    return min(max(seconds, 0), MAX_SEQUENCE)


def live_calendar(document: Document, *, now: dt.datetime) -> bytes:
    """What the live calendar file holds: every upcoming interview, then every pending step, soonest first
    (as ``export ics`` writes them)."""
    from afterview.domain.dates import due_moment
    from afterview.domain.planning import is_upcoming

    tz = now.tzinfo or dt.UTC
    upcoming = sorted(
        (i for i in document.interviews if is_upcoming(i, now=now) and not i.process.ended),
        key=lambda i: (i.at, i.id),
    )
    steps = sorted(
        ((i, s) for i in document.interviews for s in i.steps if s.state is StepState.PENDING),
        key=lambda item: (due_moment(effective_due(item[1]), tz), item[0].id, item[1].id),
    )
    return calendar(steps, now=now, interviews=upcoming)


def calendar(
    items: Iterable[tuple[Interview, Step]], *, now: dt.datetime, interviews: Iterable[Interview] = ()
) -> bytes:
    """The steps (and ``interviews``, as events of their own) as an iCalendar file; ``now`` stamps the
    events (DTSTAMP)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", f"-//afterview//afterview {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "afterview")
    stamp = now.astimezone(dt.UTC)
    for interview in interviews:
        cal.add_component(_interview_event(interview, stamp=stamp))
    for interview, step in items:
        event = Event()
        event.add("uid", step_uid(interview, step))
        event.add("sequence", event_sequence(interview))
        event.add("dtstamp", stamp)
        event.add("last-modified", interview.updated_at.astimezone(dt.UTC))
        due = effective_due(step)
        if isinstance(due, dt.datetime):
            start = due.astimezone(dt.UTC)
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


def _interview_event(interview: Interview, *, stamp: dt.datetime) -> Any:
    """An upcoming interview: its time, link or place, and its interviewers as attendees."""
    from icalendar import Alarm, Event, vCalAddress, vText

    event = Event()
    event.add("uid", interview_uid(interview))
    event.add("sequence", event_sequence(interview))
    event.add("dtstamp", stamp)
    event.add("last-modified", interview.updated_at.astimezone(dt.UTC))
    start = interview.at.astimezone(dt.UTC)
    end = interview.ends_at.astimezone(dt.UTC) if interview.ends_at else start + INTERVIEW_LENGTH
    event.add("dtstart", start)
    event.add("dtend", max(end, start))
    stage = (
        "Interview" if interview.stage is Stage.OTHER else f"{interview.stage.value.capitalize()} interview"
    )
    event.add("summary", f"{stage}: {interview.company} · {interview.role}")
    lines = [f"Interview {interview.id} ({interview.format.value}), process P{interview.process_id}"]
    if interview.location:
        event.add("location", interview.location)
        lines.append(interview.location)
        if interview.location.startswith(("https://", "http://")):
            event.add("url", interview.location)
    for person in interview.interviewers:
        title = f", {person.title}" if person.title else ""
        lines.append(f"{person.name}{title}" + (f" <{person.email}>" if person.email else ""))
        if person.email:
            attendee = vCalAddress(f"mailto:{person.email}")
            attendee.params["cn"] = vText(person.name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=False)
    lines.append(f"Before it: afterview prep {interview.company}")
    event.add("description", "\n".join(lines))
    event.add("categories", ["interview"])
    event.add("status", "CONFIRMED")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Interview with {interview.company}")
    alarm.add("trigger", TIMED_ALARM)
    event.add_component(alarm)
    return event


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
