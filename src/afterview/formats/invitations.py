"""Calendar invitations in: an .ics (RFC 5545/5546) or an e-mail carrying one. Pure: bytes in, an
:class:`Invitation` out.

The calendar is read by the ``icalendar`` library and the e-mail by the standard library's ``email``
package (a ``text/calendar`` part, or an ``.ics`` attachment); nothing here parses either by hand. What an
invitation says is kept as it says it; :meth:`Invitation.interviewers` leaves out you and the rooms.

- **Time.** DTSTART with its TZID: an IANA name, or a Windows zone name as Outlook and Teams write it ("W.
  Europe Standard Time"), mapped to IANA with the table icalendar ships (Unicode CLDR's windowsZones). The
  instant is the one the invitation's own VTIMEZONE gives. A UTC or floating time has no zone of its own.
- **Refused.** A cancelled invitation (METHOD:CANCEL or STATUS:CANCELLED), a recurring one (RRULE, RDATE or
  RECURRENCE-ID: an interview happens once), a reply, and an all-day event (no time).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from afterview.domain.mailboxes import is_role_mailbox
from afterview.errors import UserError

MEETING_HOSTS = (
    ("meet.google.com", "Google Meet"),
    ("teams.microsoft.com", "Microsoft Teams"),
    ("teams.live.com", "Microsoft Teams"),
    ("zoom.us", "Zoom"),
    ("zoomgov.com", "Zoom"),
    ("webex.com", "Webex"),
)
"""Hosts of the video meetings an invitation may link to (a subdomain counts: ``acme.zoom.us``)."""

_LINK = re.compile(r"https://[^\s<>\"'()\[\]]+", re.IGNORECASE)
_CONFERENCE_PROPERTIES = ("X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "URL")
_NOT_PEOPLE = ("ROOM", "RESOURCE", "UNKNOWN")
_MACHINE_SENDERS = re.compile(r"^(no-?reply|do-?not-?reply|notifications?|calendar|scheduling)\b", re.I)
_MACHINE_DOMAINS = ("resource.calendar.google.com", "group.calendar.google.com")
_SHARED_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com",
        "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "aol.com",
        "greenhouse.io", "lever.co", "ashbyhq.com", "workday.com", "myworkday.com", "smartrecruiters.com",
        "teamtailor.com", "personio.de", "recruitee.com", "workable.com", "bamboohr.com", "calendly.com",
        "goodtime.io", "zoom.us", "google.com", "microsoft.com",
    }
)  # fmt: skip
"""Domains that say nothing about the company: mail providers, applicant trackers, schedulers."""
_WITH_COMPANY = re.compile(
    r"\b(?:interview|call|chat|meeting|screen|conversation|loop)\s+(?:with|at)\s+(?P<c>[^:|/()<>\u2013\u2014]+)",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:<>|[|:/()\u2013\u2014\[\]]|\s-\s)\s*")
_STAGE_WORDS = (
    ("final", "final"),
    ("onsite", "onsite"),
    ("on-site", "onsite"),
    ("technical", "technical"),
    ("coding", "technical"),
    ("system design", "technical"),
    ("screen", "screen"),
    ("intro", "screen"),
)


@dataclass(frozen=True)
class Attendee:
    """Someone an invitation names (organizer or attendee); rooms and resources are left out."""

    name: str | None
    email: str | None


@dataclass(frozen=True)
class Invitation:
    """What an invitation says about the interview."""

    start: dt.datetime
    """The instant it starts (time-zone aware; naive only for a floating time, read in your zone)."""
    timezone: str | None
    """Its IANA zone, or ``None`` for a UTC or floating time."""
    end: dt.datetime | None
    summary: str | None
    organizer: Attendee | None
    attendees: tuple[Attendee, ...]
    location: str | None
    """LOCATION as written (a room, an address, or "Microsoft Teams Meeting")."""
    link: str | None
    """The video meeting link (Meet, Teams, Zoom, Webex), from URL, LOCATION, DESCRIPTION or a vendor's
    conference property."""
    company: str | None
    """The company, guessed from the summary or the organizer's domain."""
    company_sure: bool
    """Whether the summary and the organizer's domain agree on the company."""
    stage: str | None
    """A stage named in the summary (``technical``, ``onsite``...), if any."""

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


def read_invitation(data: bytes, *, me: str | None = None) -> Invitation:
    """The invitation in ``data``: an .ics file, or an e-mail (.eml) that carries one; ``me`` (your email)
    is no sign of the company.

    Raises UserError for anything else, and for a cancelled, recurring or replied invitation.
    """
    calendar = _calendar_bytes(data)
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(calendar)
    except ValueError as error:
        raise UserError(f"The invitation is not a calendar file icalendar can read ({error}).") from None
    method = str(cal.get("METHOD", "")).upper()
    events = list(cal.walk("VEVENT"))
    if not events:
        raise UserError("The invitation holds no event (no VEVENT).")
    event = events[0]
    summary = _text(event.get("SUMMARY"))
    what = f"The invitation {summary!r}" if summary else "The invitation"
    if method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED":
        raise UserError(f"{what} was cancelled; nothing was logged.")
    if method not in ("", "REQUEST", "PUBLISH"):
        raise UserError(f"{what} is a {method} message, not an invitation; nothing was logged.")
    if len(events) > 1 or any(event.get(name) is not None for name in ("RRULE", "RDATE", "RECURRENCE-ID")):
        raise UserError(
            f"{what} is a recurring event; an interview happens once, so nothing was logged.",
            hint="Log it with --at instead.",
        )
    start, timezone = _start(event, what)
    return _invitation(event, start=start, timezone=timezone, summary=summary, me=me)


def _invitation(
    event: Any, *, start: dt.datetime, timezone: str | None, summary: str | None, me: str | None
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
    company, sure = _company(
        summary, organizer, [p for p in people if (p.email or "").casefold() != (me or "").casefold()]
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
        stage=_stage(summary),
    )


def meeting_link(texts: list[str]) -> str | None:
    """The first Meet, Teams, Zoom or Webex link in ``texts``."""
    from urllib.parse import urlsplit

    for text in texts:
        for match in _LINK.finditer(text):
            link = match.group(0).rstrip(".,;>")
            # a browser reads a backslash as "/" in an http(s) address (WHATWG URL), so
            # evil.example\@acme.zoom.us goes to evil.example: the host is checked as the browser sees it
            host = (urlsplit(link.replace("\\", "/")).hostname or "").lower()
            if any(host == known or host.endswith("." + known) for known, _ in MEETING_HOSTS):
                return link
    return None


def _calendar_bytes(data: bytes) -> bytes:
    """The calendar itself: ``data`` when it is one, else the calendar an e-mail carries."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return data
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.keys():
        raise UserError("This is neither a calendar file (.ics) nor an e-mail (.eml) with an invitation.")
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = (part.get_filename() or "").lower()
        if part.get_content_type() in ("text/calendar", "application/ics") or filename.endswith(".ics"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload
    raise UserError("The e-mail carries no invitation (no text/calendar part or .ics attachment).")


def _start(event: Any, what: str) -> tuple[dt.datetime, str | None]:
    """DTSTART as an aware instant (naive when floating) and the IANA name of its zone, if it has one."""
    if event.get("DTSTART") is None:
        raise UserError(f"{what} has no start time (DTSTART).")
    start = event.decoded("DTSTART")
    if not isinstance(start, dt.datetime):
        raise UserError(f"{what} is an all-day event; give the time with --at.")
    if start.tzinfo is None:
        return start, None
    tzid = event["DTSTART"].params.get("TZID")
    zone = iana_zone(getattr(start.tzinfo, "key", None) or tzid)
    if zone is None:
        return start, None
    from zoneinfo import ZoneInfo

    return start.astimezone(ZoneInfo(zone)), zone


def iana_zone(name: str | None) -> str | None:
    """The IANA zone for ``name``: an IANA name itself, or a Windows zone name ("W. Europe Standard Time",
    mapped with icalendar's copy of CLDR's table); ``None`` for UTC or a name neither knows."""
    if not name or name.upper() in ("UTC", "GMT", "Z"):
        return None
    from zoneinfo import ZoneInfo

    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    candidate = WINDOWS_TO_OLSON.get(name.strip('"'), name.strip('"'))
    try:
        ZoneInfo(candidate)
    except (ValueError, KeyError, OSError):
        return None
    return str(candidate)


def _end(event: Any, start: dt.datetime) -> dt.datetime | None:
    if event.get("DTEND") is not None:
        end = event.decoded("DTEND")
        if isinstance(end, dt.datetime) and (end.tzinfo is None) == (start.tzinfo is None):
            return end.astimezone(start.tzinfo) if start.tzinfo is not None else end
        return None
    if event.get("DURATION") is not None:
        duration = event.decoded("DURATION")
        if isinstance(duration, dt.timedelta):
            return start + duration
    return None


def _person(address: Any) -> Attendee | None:
    """An attendee or organizer, or ``None`` for a room, a resource or an address with nothing in it."""
    if address is None:
        return None
    params = getattr(address, "params", {})
    if str(params.get("CUTYPE", "INDIVIDUAL")).upper() in _NOT_PEOPLE:
        return None
    if str(params.get("ROLE", "")).upper() == "NON-PARTICIPANT":
        return None
    value = str(address).strip()
    email = value[7:].strip() if value.lower().startswith("mailto:") else None
    email = email if email and "@" in email else None
    if email and email.lower().split("@")[-1] in _MACHINE_DOMAINS:
        return None
    name = _text(params.get("CN"))
    if name and email and name.strip('"').casefold() == email.casefold():
        name = None
    if name is None and email is None:
        return None
    return Attendee(name=name.strip('"') if name else None, email=email)


def _machine(email: str | None) -> bool:
    return email is not None and bool(_MACHINE_SENDERS.match(email.split("@")[0]))


def _company(
    summary: str | None, organizer: Attendee | None, people: list[Attendee]
) -> tuple[str | None, bool]:
    """The company, and whether two signs agree on it: the summary's words and a work e-mail domain."""
    match = _WITH_COMPANY.search(summary or "")
    named = match.group("c").strip(" .,-") if match else None
    segments = [s.strip(" .,") for s in _SEPARATORS.split(summary or "") if s.strip(" .,")]
    domains = [p.email.lower().split("@")[-1] for p in (organizer, *people) if p is not None and p.email]
    work = [d for d in domains if not any(d == s or d.endswith("." + s) for s in _SHARED_DOMAINS)]
    label = work[0].split(".")[-2] if work and "." in work[0] else None
    if label:
        for candidate in (named, *segments):
            if candidate and candidate.casefold().replace(" ", "").startswith(label.casefold()):
                return candidate, True
    return named or (label.capitalize() if label else None), False


def _stage(summary: str | None) -> str | None:
    text = (summary or "").lower()
    return next((stage for word, stage in _STAGE_WORDS if word in text), None)


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None
