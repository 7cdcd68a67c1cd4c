"""Calendar invitations in: an .ics (RFC 5545/5546) or an e-mail carrying one. Pure: bytes in, an
:class:`Invitation` (or, for a whole message, :class:`Invitations`) out.

The calendar is read by the ``icalendar`` library and the e-mail by the standard library's ``email``
package (a ``text/calendar`` part, or an ``.ics`` attachment, decoded in the charset the part declares);
nothing here parses either by hand. What an invitation says is kept as it says it;
:meth:`Invitation.interviewers` leaves out you and the rooms.

- **Time.** DTSTART with its TZID: an IANA name, or a Windows zone name as Outlook and Teams write it ("W.
  Europe Standard Time"), mapped to IANA with the table icalendar ships (Unicode CLDR's windowsZones). The
  instant is the one the invitation's own VTIMEZONE gives. A floating time (no zone) is read in the
  calendar's ``X-WR-TIMEZONE`` (as Google Calendar exports write it), else in your zone, with a note
  saying so.
- **A living entry.** Each event keeps its UID and SEQUENCE (RFC 5545 §3.8.4.7, §3.8.7.4), so a later
  message for the same UID can move or cancel what an earlier one set up; several events without a
  recurrence rule are several sessions, one :class:`Invitation` each.
- **Refused.** A recurring event (RRULE, RDATE or RECURRENCE-ID: an interview happens once), a reply, and an
  all-day event (no time). :func:`read_invitation` (one interview) also refuses a cancellation and a message
  with several sessions, naming which.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from afterview.domain.mailboxes import is_role_mailbox
from afterview.errors import UserError
from afterview.formats import invitation_summary
from afterview.formats.calendar_mail import calendar_bytes
from afterview.formats.meeting_links import meeting_link

_CONFERENCE_PROPERTIES = ("X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "URL")
_NOT_PEOPLE = ("ROOM", "RESOURCE", "UNKNOWN")
_MACHINE_SENDERS = re.compile(r"^(no-?reply|do-?not-?reply|notifications?|calendar|scheduling)\b", re.I)
_MACHINE_DOMAINS = ("resource.calendar.google.com", "group.calendar.google.com")


@dataclass(frozen=True)
class Attendee:
    """Someone an invitation names (organizer or attendee); rooms and resources are left out."""

    name: str | None
    email: str | None


@dataclass(frozen=True)
class Invitation:
    """What an invitation says about the interview (one session of it)."""

    start: dt.datetime
    """The instant it starts (time-zone aware; naive only for a floating time read with no zone given)."""
    timezone: str | None
    """Its IANA zone (a floating time's ``X-WR-TIMEZONE`` or your zone), or ``None`` for a UTC time."""
    end: dt.datetime | None
    summary: str | None
    organizer: Attendee | None
    attendees: tuple[Attendee, ...]
    location: str | None
    """LOCATION as written (a room, an address, or "Microsoft Teams Meeting")."""
    link: str | None
    """The video meeting link (Meet, Teams, Zoom, Webex), from URL, LOCATION, DESCRIPTION or a vendor's
    conference property, unwrapped from Outlook Safe Links or Google's redirect."""
    company: str | None
    """The company, guessed from the summary or the organizer's domain."""
    company_sure: bool
    """Whether the summary and the organizer's domain agree on the company."""
    stage: str | None
    """A stage named in the summary (``technical``, ``onsite``...; in English, German, French or Spanish)."""
    role: str | None = None
    """The role the summary names ("... (Senior Data Engineer)", "... for Backend Engineer"), if any."""
    company_conflict: bool = False
    """Whether the summary names a company and a work e-mail domain names another (ask, or require
    ``--company``)."""
    uid: str | None = None
    """The event's UID (RFC 5545 §3.8.4.7): the same for every later message about this session."""
    sequence: int = 0
    """The event's SEQUENCE (RFC 5545 §3.8.7.4): higher in a message that changes it; 0 when absent."""
    stamp: dt.datetime | None = None
    """The event's DTSTAMP (RFC 5545 §3.8.7.2), when the sender wrote the message; ``None`` when absent."""
    method: str = ""
    """The calendar's METHOD (RFC 5546: ``REQUEST``, ``PUBLISH``, ``CANCEL``), upper case; ``""`` if none."""
    status: str | None = None
    """The event's STATUS (``CONFIRMED``, ``TENTATIVE``), upper case, if any."""
    notes: tuple[str, ...] = ()
    """What the reader assumed, to tell the user (a floating time read in your zone)."""

    @property
    def cancelled(self) -> bool:
        """Whether this message cancels the event (METHOD:CANCEL or STATUS:CANCELLED)."""
        return self.method == "CANCEL" or self.status == "CANCELLED"

    def interviewers(self, *, me: str | None) -> list[Attendee]:
        """The people to thank: the attendees and the organizer, less ``me`` (an email), machine senders
        (no-reply addresses, calendars) and role mailboxes (``recruiting@``, ``careers@``…: see
        :func:`afterview.domain.mailboxes.is_role_mailbox`), each once."""
        seen = {me.casefold()} if me else set()
        people: list[Attendee] = []
        for person in (*self.attendees, *((self.organizer,) if self.organizer else ())):
            key = (person.email or person.name or "").casefold()
            if not key or key in seen or _machine(person.email) or is_role_mailbox(person.email):
                continue
            seen.add(key)
            people.append(person)
        return people

    @property
    def contact(self) -> Attendee | None:
        """The company's role mailbox for the process (``recruiting@acme.com``), organizer first, else
        ``None``: kept as the address for follow-ups, never an interviewer."""
        for person in ((self.organizer,) if self.organizer else ()) + self.attendees:
            if is_role_mailbox(person.email) and not _machine(person.email):
                return person
        return None


@dataclass(frozen=True)
class Cancellation:
    """An event a message cancels (METHOD:CANCEL, or STATUS:CANCELLED), to match to a logged round by UID."""

    uid: str | None
    sequence: int
    """Its SEQUENCE; a cancellation applies to a round logged with a lower or equal one."""
    summary: str | None
    start: dt.datetime | None
    """When the cancelled session was (a CANCEL need not say; RFC 5546 §3.2.5)."""
    method: str


@dataclass(frozen=True)
class Invitations:
    """Everything one calendar message says: the sessions it sets up or moves, the ones it cancels."""

    method: str
    """The calendar's METHOD, upper case; ``""`` if none."""
    sessions: tuple[Invitation, ...]
    """One per event that is not cancelled, soonest first."""
    cancellations: tuple[Cancellation, ...]


def read_invitations(data: bytes, *, me: str | None = None, zone: str | None = None) -> Invitations:
    """Every event of the calendar message in ``data`` (an .ics file, or an e-mail that carries one).

    ``me`` (your email) is no sign of the company; ``zone`` (your IANA zone) reads a floating time when the
    calendar names none (without it such a time stays naive). Each event keeps its UID and SEQUENCE.

    Raises UserError for anything that is not a calendar message, for a reply or other non-invitation
    method, and for a recurring event (RRULE, RDATE or RECURRENCE-ID) or an all-day one.
    """
    calendar = calendar_bytes(data)
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(calendar)
    except ValueError as error:
        raise UserError(f"The invitation is not a calendar file icalendar can read ({error}).") from None
    method = str(cal.get("METHOD", "")).strip().upper()
    events = list(cal.walk("VEVENT"))
    if not events:
        raise UserError("The invitation holds no event (no VEVENT).")
    first = _text(events[0].get("SUMMARY"))
    what = f"The invitation {first!r}" if first else "The invitation"
    if method not in ("", "REQUEST", "PUBLISH", "CANCEL"):
        raise UserError(f"{what} is a {method} message, not an invitation; nothing was logged.")
    calendar_zone = iana_zone(_text(cal.get("X-WR-TIMEZONE")))
    sessions: list[Invitation] = []
    cancellations: list[Cancellation] = []
    for event in events:
        summary = _text(event.get("SUMMARY"))
        what = f"The invitation {summary!r}" if summary else "The invitation"
        uid, sequence = _text(event.get("UID")), _sequence(event)
        status = (_text(event.get("STATUS")) or "").upper() or None
        if method == "CANCEL" or status == "CANCELLED":
            when = _start(event, what, calendar_zone=calendar_zone, zone=zone, needed=False)
            cancellations.append(Cancellation(uid, sequence, summary, when[0] if when else None, method))
            continue
        if any(event.get(name) is not None for name in ("RRULE", "RDATE", "RECURRENCE-ID")):
            raise UserError(
                f"{what} is a recurring event; an interview happens once, so nothing was logged.",
                hint="Log it with --at instead.",
            )
        found = _start(event, what, calendar_zone=calendar_zone, zone=zone, needed=True)
        assert found is not None
        start, timezone, notes = found
        _check_year(start, what)
        sessions.append(
            _invitation(
                event, start=start, timezone=timezone, summary=summary, me=me,
                uid=uid, sequence=sequence, method=method, status=status, notes=notes,
                stamp=_stamp(event),
            )
        )  # fmt: skip
    sessions.sort(key=lambda session: _sort_key(session.start))
    return Invitations(method=method, sessions=tuple(sessions), cancellations=tuple(cancellations))


def read_invitation(data: bytes, *, me: str | None = None, zone: str | None = None) -> Invitation:
    """The one interview the invitation in ``data`` sets up (see :func:`read_invitations`).

    Raises UserError for anything :func:`read_invitations` refuses, for a cancellation, and for a message
    with several sessions (naming how many and when).
    """
    message = read_invitations(data, me=me, zone=zone)
    if message.cancellations and not message.sessions:
        summary = message.cancellations[0].summary
        what = f"The invitation {summary!r}" if summary else "The invitation"
        raise UserError(f"{what} was cancelled; nothing was logged.")
    if len(message.sessions) > 1:
        summary = message.sessions[0].summary
        what = f"The invitation {summary!r}" if summary else "The invitation"
        when = ", ".join(session.start.strftime("%a %d %b %H:%M") for session in message.sessions)
        raise UserError(
            f"{what} has {len(message.sessions)} sessions ({when}), not one; nothing was logged.",
            hint="Log each session with --at.",
        )
    return message.sessions[0]


def _check_year(start: dt.datetime, what: str) -> None:
    """Refuse a start outside the years every other date keeps to (1970 to 2100), saying which way."""
    from afterview.domain.dates import EARLIEST, LATEST, out_of_bounds

    way = out_of_bounds(start)
    if way is not None:
        raise UserError(
            f"{what} starts on {start.date().isoformat()}, {way}: afterview keeps dates from "
            f"{EARLIEST.year} to {LATEST.year}; nothing was logged.",
            hint="Check the year in the invitation, or give the time with --at.",
        )


def _sort_key(start: dt.datetime) -> tuple[dt.datetime, int]:
    """Sessions in order; naive (floating) starts among themselves, aware ones by instant."""
    if start.tzinfo is None:
        return start, 0
    return start.astimezone(dt.UTC).replace(tzinfo=None), 1


def _stamp(event: Any) -> dt.datetime | None:
    """DTSTAMP as an aware instant (a UTC time, RFC 5545 §3.8.7.2), or ``None`` when absent or unreadable."""
    try:
        stamp = event.decoded("DTSTAMP") if event.get("DTSTAMP") is not None else None
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(stamp, dt.datetime):
        return None
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


def _sequence(event: Any) -> int:
    """SEQUENCE as a non-negative integer (0 when absent or not a number)."""
    try:
        value = int(str(event.get("SEQUENCE", 0)).strip())
    except ValueError:
        return 0
    return max(value, 0)


def _invitation(
    event: Any,
    *,
    start: dt.datetime,
    timezone: str | None,
    summary: str | None,
    me: str | None,
    uid: str | None = None,
    sequence: int = 0,
    method: str = "",
    status: str | None = None,
    notes: tuple[str, ...] = (),
    stamp: dt.datetime | None = None,
) -> Invitation:
    end = _end(event, start)
    organizer = _person(event.get("ORGANIZER"))
    attendees = event.get("ATTENDEE") or []
    people = tuple(
        person
        for address in (attendees if isinstance(attendees, list) else [attendees])
        if (person := _person(address)) is not None
    )
    location = _text(event.get("LOCATION"))
    texts = [str(event.get(name)) for name in _CONFERENCE_PROPERTIES if event.get(name) is not None]
    texts += [location or "", _text(event.get("DESCRIPTION")) or ""]
    others = [p for p in people if (p.email or "").casefold() != (me or "").casefold()]
    company, sure, conflict = invitation_summary.company(
        summary, [p.email for p in ((organizer,) if organizer else ()) + tuple(others) if p.email]
    )
    return Invitation(
        start=start,
        timezone=timezone,
        end=end,
        summary=summary,
        organizer=organizer,
        attendees=people,
        location=location,
        link=meeting_link(texts),
        company=company,
        company_sure=sure,
        stage=invitation_summary.stage(summary),
        role=invitation_summary.role(summary, company),
        company_conflict=conflict,
        uid=uid,
        sequence=sequence,
        method=method,
        status=status,
        notes=notes,
        stamp=stamp,
    )


def _start(
    event: Any, what: str, *, calendar_zone: str | None, zone: str | None, needed: bool
) -> tuple[dt.datetime, str | None, tuple[str, ...]] | None:
    """DTSTART as an aware instant, the IANA name of its zone, and what was assumed to read it.

    A floating time is read in ``calendar_zone`` (the calendar's X-WR-TIMEZONE), else in ``zone`` (yours,
    with a note), else left naive (with a note). ``None`` when there is no DTSTART and it is not ``needed``.
    """
    if event.get("DTSTART") is None:
        if not needed:
            return None
        raise UserError(f"{what} has no start time (DTSTART).")
    start = event.decoded("DTSTART")
    if not isinstance(start, dt.datetime):
        if not needed:
            return None
        raise UserError(f"{what} is an all-day event; give the time with --at.")
    from zoneinfo import ZoneInfo

    if start.tzinfo is None:
        if calendar_zone is not None:
            return start.replace(tzinfo=ZoneInfo(calendar_zone)), calendar_zone, ()
        own = iana_zone(zone)
        if own is not None:
            note = f"The invitation's time has no zone; it was read as your time ({own})."
            return start.replace(tzinfo=ZoneInfo(own)), own, (note,)
        return start, None, ("The invitation's time has no zone; it was read as your time.",)
    tzid = _param(event["DTSTART"].params, "TZID")
    found = iana_zone(getattr(start.tzinfo, "key", None) or tzid) or _zone_of_city(tzid, start)
    if found is None:
        return start, None, ()
    return start.astimezone(ZoneInfo(found)), found, ()


def _zone_of_city(tzid: str | None, start: dt.datetime) -> str | None:
    """The IANA zone of a city a display-name TZID names, as Outlook writes them ("(UTC+09:00) Osaka,
    Sapporo, Tokyo" gives Asia/Tokyo): the first whose offset at ``start`` is the event's own, so the city
    is never taken for another place of the same name. ``None`` when no city matches."""
    offset = start.utcoffset()
    if not tzid or offset is None:
        return None
    from zoneinfo import ZoneInfo

    cities = _zones_by_city()
    for word in re.findall(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", tzid):
        for name in cities.get(word.casefold(), ()):
            if start.astimezone(ZoneInfo(name)).utcoffset() == offset:
                return name
    return None


_AREAS = (
    "Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/",
    "Pacific/",
)  # fmt: skip
"""The IANA areas whose zones name a city (not ``Etc/UTC`` or ``Etc/GMT``, nor the old ``US/`` aliases)."""


@functools.cache
def _zones_by_city() -> dict[str, tuple[str, ...]]:
    """Each city the IANA database names (``tokyo``, ``new york``), casefolded, with its zones: read once,
    as listing the database walks its folder."""
    from zoneinfo import available_timezones

    found: dict[str, list[str]] = {}
    for name in sorted(available_timezones()):
        if name.startswith(_AREAS):
            found.setdefault(name.rpartition("/")[2].replace("_", " ").casefold(), []).append(name)
    return {city: tuple(names) for city, names in found.items()}


def iana_zone(name: str | None) -> str | None:
    """The IANA zone for ``name``: an IANA name itself, or a Windows zone name ("W. Europe Standard Time",
    mapped with icalendar's copy of CLDR's table); ``None`` for UTC or a name neither knows."""
    if not name or name.upper() in ("UTC", "GMT", "Z"):
        return None
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    from afterview.domain.zones import iana_name

    return iana_name(str(WINDOWS_TO_OLSON.get(name.strip('"'), name.strip('"'))))


def _end(event: Any, start: dt.datetime) -> dt.datetime | None:
    if event.get("DTEND") is not None:
        end = event.decoded("DTEND")
        if not isinstance(end, dt.datetime):
            return None
        if end.tzinfo is None and start.tzinfo is not None:
            return end.replace(tzinfo=start.tzinfo)  # floating, read in the same zone as the start
        if (end.tzinfo is None) == (start.tzinfo is None):
            return end.astimezone(start.tzinfo) if start.tzinfo is not None else end
        return None
    if event.get("DURATION") is not None:
        duration = event.decoded("DURATION")
        if isinstance(duration, dt.timedelta):
            return start + duration
    return None


def _param(params: Any, name: str) -> str | None:
    """A property parameter as one string: icalendar hands back a list for a value with unquoted commas
    (``CN=Raman, Priya``), joined here as written."""
    value = params.get(name)
    if isinstance(value, (list, tuple)):
        value = ",".join(str(part) for part in value)
    return _text(value)


def _person(address: Any) -> Attendee | None:
    """An attendee or organizer, or ``None`` for a room, a resource or an address with nothing in it."""
    if address is None:
        return None
    params = getattr(address, "params", {})
    if (_param(params, "CUTYPE") or "INDIVIDUAL").upper() in _NOT_PEOPLE:
        return None
    if (_param(params, "ROLE") or "").upper() == "NON-PARTICIPANT":
        return None
    value = str(address).strip()
    email = value[7:].strip() if value.lower().startswith("mailto:") else None
    email = email if email and "@" in email else None
    if email and email.lower().split("@")[-1] in _MACHINE_DOMAINS:
        return None
    name = _param(params, "CN")
    if name and email and name.strip('"').casefold() == email.casefold():
        name = None
    if name is None and email is None:
        return None
    return Attendee(name=name.strip('"') if name else None, email=email)


def _machine(email: str | None) -> bool:
    return email is not None and bool(_MACHINE_SENDERS.match(email.split("@")[0]))


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None
