"""Invitations as calendars really send them (issue 25): floating times, reschedules and cancellations by
UID and SEQUENCE, sessions, list-valued parameters, declared charsets, wrapped links, company and role from
the summary. Every invitation here is written by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterview.errors import UserError
from afterview.formats.invitations import read_invitation, read_invitations
from afterview.formats.meeting_links import unwrap_link

UTC = dt.UTC


def calendar(*events: str, head: str = "METHOD:REQUEST") -> bytes:
    """A calendar with ``head`` lines (METHOD, X-WR-TIMEZONE...) and the given VEVENT bodies."""
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{head}\r\n{body}END:VCALENDAR\r\n".encode()
    )


def event(
    *, uid: str = "round-1@acme.com", start: str = "DTSTART:20261203T140000Z", extra: str = "",
    summary: str = "Acme interview",
) -> str:  # fmt: skip
    lines = [f"UID:{uid}", "DTSTAMP:20261125T101500Z", start, f"SUMMARY:{summary}",
             "ORGANIZER;CN=Jo Doe:mailto:jo@acme.com", extra]  # fmt: skip
    return "\r\n".join(line for line in lines if line)


def test_a_floating_time_is_read_in_the_calendars_x_wr_timezone() -> None:
    data = calendar(
        event(start="DTSTART:20261203T100000", extra="DTEND:20261203T110000"),
        head="METHOD:PUBLISH\r\nX-WR-TIMEZONE:America/New_York",
    )
    invitation = read_invitation(data, zone="Europe/Berlin")
    assert invitation.start == dt.datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    assert invitation.timezone == "America/New_York"
    assert invitation.end == dt.datetime(2026, 12, 3, 16, 0, tzinfo=UTC)
    assert invitation.notes == ()


def test_a_floating_time_without_a_calendar_zone_is_read_in_yours_and_says_so() -> None:
    data = calendar(event(start="DTSTART:20261203T100000"))
    invitation = read_invitation(data, zone="Europe/Berlin")
    assert invitation.start == dt.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert invitation.timezone == "Europe/Berlin"
    assert "no zone" in invitation.notes[0]
    assert "Europe/Berlin" in invitation.notes[0]
    unknown = read_invitation(data)
    assert unknown.start.tzinfo is None
    assert "read as your time" in unknown.notes[0]


def test_a_reschedule_keeps_its_uid_and_sequence() -> None:
    first = read_invitation(calendar(event()))
    moved = read_invitation(
        calendar(event(start="DTSTART;TZID=Europe/Berlin:20261204T160000", extra="SEQUENCE:1"))
    )
    assert (first.uid, first.sequence) == ("round-1@acme.com", 0)
    assert (moved.uid, moved.sequence, moved.method) == ("round-1@acme.com", 1, "REQUEST")
    assert moved.start == dt.datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
    assert not moved.cancelled


def test_a_cancel_message_is_read_as_a_cancellation_of_its_uid() -> None:
    data = calendar(event(extra="SEQUENCE:2\r\nSTATUS:CANCELLED"), head="METHOD:CANCEL")
    message = read_invitations(data)
    assert message.method == "CANCEL"
    assert message.sessions == ()
    [cancelled] = message.cancellations
    assert (cancelled.uid, cancelled.sequence, cancelled.method) == ("round-1@acme.com", 2, "CANCEL")
    assert cancelled.start == dt.datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
    with pytest.raises(UserError, match="was cancelled; nothing was logged"):
        read_invitation(data)


def test_a_cancel_without_a_start_and_a_cancelled_status_are_cancellations() -> None:
    bare = "UID:round-1@acme.com\r\nDTSTAMP:20261125T101500Z\r\nSEQUENCE:1\r\nORGANIZER:mailto:jo@acme.com"
    [cancelled] = read_invitations(calendar(bare, head="METHOD:CANCEL")).cancellations
    assert (cancelled.uid, cancelled.start) == ("round-1@acme.com", None)
    by_status = read_invitations(calendar(event(extra="STATUS:CANCELLED")))
    assert [c.uid for c in by_status.cancellations] == ["round-1@acme.com"]
    assert by_status.sessions == ()


def test_an_unquoted_comma_in_a_name_is_kept_as_written() -> None:
    data = calendar(event(extra="ATTENDEE;CN=Raman, Priya;ROLE=REQ-PARTICIPANT:mailto:priya@acme.com"))
    invitation = read_invitation(data)
    assert [a.name for a in invitation.attendees] == ["Raman, Priya"]


@pytest.mark.parametrize("encoding", ["8bit", "quoted-printable"])
def test_a_calendar_part_is_read_in_its_declared_charset(encoding: str) -> None:
    ics = calendar(
        event(extra="ATTENDEE;CN=Jörg Schäfer:mailto:joerg@acme.com\r\nLOCATION:Büro München")
    ).decode()
    raw = ics.encode("windows-1252")
    if encoding == "quoted-printable":
        import quopri

        raw = quopri.encodestring(raw)
    mail = (
        b"From: jo@acme.com\r\nTo: me@example.com\r\nSubject: Invitation\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/calendar; charset=windows-1252; method=REQUEST\r\n"
        b"Content-Transfer-Encoding: " + encoding.encode() + b"\r\n\r\n" + raw
    )
    invitation = read_invitation(mail)
    assert [a.name for a in invitation.attendees] == ["Jörg Schäfer"]
    assert invitation.location == "Büro München"


TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%7d"


def test_a_teams_link_behind_safe_links_is_found_unwrapped() -> None:
    from urllib.parse import quote

    wrapped = (
        "https://eur01.safelinks.protection.outlook.com/?url="
        + quote(TEAMS, safe="")
        + "&data=05%7C02%7Cjo%40acme.com&sdata=abc%3D&reserved=0"
    )
    data = calendar(event(extra=f"LOCATION:Microsoft Teams Meeting\r\nDESCRIPTION:Join: {wrapped}"))
    assert read_invitation(data).link == TEAMS


@pytest.mark.parametrize(
    ("link", "inner"),
    [
        ("https://www.google.com/url?q=https://meet.google.com/abc-defg-hij&sa=D&ust=1", "https://meet.google.com/abc-defg-hij"),
        ("https://www.google.com/url?q=https%3A%2F%2Facme.zoom.us%2Fj%2F1%3Fpwd%3Dx&sa=D", "https://acme.zoom.us/j/1?pwd=x"),
        ("https://www.google.com/search?q=https://meet.google.com/x", "https://www.google.com/search?q=https://meet.google.com/x"),
        ("https://evil.example/url?q=https://meet.google.com/x", "https://evil.example/url?q=https://meet.google.com/x"),
        ("https://www.google.com/url?q=javascript:alert(1)", "https://www.google.com/url?q=javascript:alert(1)"),
    ],
)  # fmt: skip
def test_googles_redirect_is_unwrapped_and_nothing_else(link: str, inner: str) -> None:
    assert unwrap_link(link) == inner


def test_an_invitation_with_two_sessions_gives_one_per_session() -> None:
    data = calendar(
        event(
            uid="part-2@acme.com", start="DTSTART;TZID=Europe/Berlin:20261204T140000", summary="Acme day 2"
        ),
        event(
            uid="part-1@acme.com", start="DTSTART;TZID=Europe/Berlin:20261203T100000", summary="Acme day 1"
        ),
    )
    message = read_invitations(data)
    assert [(s.uid, s.start.hour) for s in message.sessions] == [
        ("part-1@acme.com", 10),
        ("part-2@acme.com", 14),
    ]
    with pytest.raises(UserError, match="has 2 sessions") as refused:
        read_invitation(data)
    assert "recurring" not in str(refused.value)


def test_a_recurring_event_is_still_refused_as_recurring() -> None:
    with pytest.raises(UserError, match="recurring"):
        read_invitations(calendar(event(extra="RRULE:FREQ=WEEKLY")))


def test_the_google_summary_gives_company_role_and_stage() -> None:
    data = calendar(
        event(summary="Brightwave Technical Interview: Sam Lee (Senior Data Engineer)").replace(
            "jo@acme.com", "recruiting@brightwave.example"
        )
    )
    invitation = read_invitation(data)
    assert (invitation.company, invitation.company_sure, invitation.company_conflict) == (
        "Brightwave", True, False,
    )  # fmt: skip
    assert invitation.role == "Senior Data Engineer"
    assert invitation.stage == "technical"


@pytest.mark.parametrize(
    ("summary", "role"),
    [
        ("Acme: Sam Lee (30 min)", None),
        ("Interview for Backend Engineer | Acme", "Backend Engineer"),
        ("Acme - Entretien technique pour le poste de Développeur Python", "Développeur Python"),
        ("Acme onsite", None),
    ],
)
def test_a_role_is_taken_only_where_the_summary_names_a_job(summary: str, role: str | None) -> None:
    assert read_invitation(calendar(event(summary=summary))).role == role


@pytest.mark.parametrize(
    ("summary", "stage", "company"),
    [
        ("Acme Zweites Gespräch: Sam Lee", "other", "Acme"),
        ("Acme Technisches Interview", "technical", "Acme"),
        ("Acme Entretien technique", "technical", "Acme"),
        ("Acme Entrevista técnica", "technical", "Acme"),
        ("Acme Abschlussgespräch", "final", "Acme"),
        ("Acme Premier entretien", "screen", "Acme"),
    ],
)
def test_stages_in_german_french_and_spanish(summary: str, stage: str, company: str) -> None:
    invitation = read_invitation(calendar(event(summary=summary)))
    assert (invitation.stage, invitation.company, invitation.company_sure) == (stage, company, True)


def test_a_summary_naming_another_company_than_the_domain_is_flagged() -> None:
    invitation = read_invitation(calendar(event(summary="Interview with Globex")))
    assert (invitation.company, invitation.company_sure, invitation.company_conflict) == (
        "Globex", False, True,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("organizer", "company"),
    [
        ("sato@rakuten.co.jp", "Rakuten"),
        ("jo@recruit.bbc.co.uk", "Bbc"),
        ("jo@jobs.atlassian.com.au", "Atlassian"),
        ("jo@acme.com", "Acme"),
        ("jo@careers.acme.de", "Acme"),
    ],
)
def test_the_company_from_the_domain_skips_a_countrys_second_level(organizer: str, company: str) -> None:
    """``rakuten.co.jp`` is Rakuten, not "Co": the label before the public suffix names the company."""
    invitation = read_invitation(
        calendar(event(summary="Interview").replace("mailto:jo@acme.com", f"mailto:{organizer}"))
    )
    assert invitation.company == company


def test_an_interview_keeps_its_invitations_uid_and_sequence_and_old_ones_load_without() -> None:
    from afterview.models.records import Interview

    stored = {
        "id": 1, "process_id": 1, "at": "2026-12-03T14:00:00+00:00",
        "created_at": "2026-11-25T10:00:00+00:00", "updated_at": "2026-11-25T10:00:00+00:00",
    }  # fmt: skip
    old = Interview.model_validate(stored)
    assert (old.invitation_uid, old.invitation_sequence) == (None, None)
    logged = Interview.model_validate(
        {**stored, "invitation_uid": "round-1@acme.com", "invitation_sequence": 1}
    )
    again = Interview.model_validate_json(logged.model_dump_json())
    assert (again.invitation_uid, again.invitation_sequence) == ("round-1@acme.com", 1)


def _custom_zone(tzid: str) -> bytes:
    """Outlook's way: a VTIMEZONE of its own, named by its display name, at +09:00 all year."""
    vtimezone = (
        f"METHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:{tzid}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
        "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE"
    )
    return calendar(event(start=f'DTSTART;TZID="{tzid}":20261210T090000'), head=vtimezone)


def test_a_display_name_tzid_gives_the_zone_of_the_city_it_names() -> None:
    invitation = read_invitation(_custom_zone("(UTC+09:00) Osaka, Sapporo, Tokyo"))
    assert invitation.timezone == "Asia/Tokyo"
    assert invitation.start == dt.datetime(2026, 12, 10, 0, 0, tzinfo=UTC)


def test_a_custom_tzid_naming_no_city_keeps_the_instant_without_a_zone(cli: Any, tmp_path: Any) -> None:
    invitation = read_invitation(_custom_zone("Customized Time Zone"))
    assert invitation.timezone is None
    assert invitation.start == dt.datetime(2026, 12, 10, 0, 0, tzinfo=UTC)
    source = tmp_path / "invite.ics"
    source.write_bytes(_custom_zone("Customized Time Zone"))
    logged = cli("log", "--from", str(source), "--company", "Acme", "--role", "SRE", "--no-input")
    assert logged.code == 0, logged.err
    assert "Thu 10 Dec 2026 09:00 (UTC+09:00)" in logged.err  # never "09:00 (UTC)"
    assert "09:00 (UTC)" not in logged.err


@pytest.mark.parametrize(
    "tzid", ["(UTC+00:00) Dublin, Edinburgh, Lisbon, London", "(GMT) Greenwich Mean Time : London", "UTC"]
)
def test_a_utc_or_gmt_display_name_is_never_etc_utc(tzid: str) -> None:
    """London in winter is +00:00: the zone is a city's (or none), never Etc/UTC, whose days never move."""
    vtimezone = (
        f"METHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:{tzid}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
        "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\nEND:VTIMEZONE"
    )
    invitation = read_invitation(
        calendar(event(start=f'DTSTART;TZID="{tzid}":20270110T090000'), head=vtimezone)
    )
    assert invitation.timezone is None or not invitation.timezone.startswith("Etc/")
