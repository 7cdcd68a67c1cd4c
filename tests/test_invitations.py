"""``afterview log --from FILE|-``: calendar invitations from Google Calendar, Outlook, Teams, Zoom and an
applicant tracking system (hand-written fixtures in tests/fixtures/invitations/), and e-mails with them."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterview.errors import UserError
from afterview.formats.invitations import iana_zone, read_invitation
from afterview.formats.meeting_links import meeting_link
from tests.helpers import Result

Cli = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures" / "invitations"
UTC = dt.UTC

EXPECTED = {
    "google.ics": (
        dt.datetime(2026, 12, 3, 14, 0, tzinfo=UTC),
        "Europe/Berlin",  # a UTC time: your zone
        "https://meet.google.com/abc-defg-hij",
        {"Priya Raman": "priya.raman@acme.com", "Jane Doe": "jane.doe@acme.com"},
    ),
    "outlook.ics": (
        dt.datetime(2026, 12, 3, 9, 0, tzinfo=UTC),  # 10:00 "W. Europe Standard Time"
        "Europe/Berlin",
        "https://globex.webex.com/globex/j.php?MTID=m0a1b2c3d4e5f60718293a4b5c6d7e8f9",
        {
            "Jürgen Schmidt": "juergen.schmidt@globex.de",
            "Mia Hoffmann": "mia.hoffmann@globex.de",
            "Anna Weber": "anna.weber@globex.de",
        },
    ),
    "teams.ics": (
        dt.datetime(2026, 12, 4, 17, 0, tzinfo=UTC),  # 09:00 "Pacific Standard Time"
        "America/Los_Angeles",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ1YTk2ZDEtOWM0Ny00ZjI1LWI5ZmYtYTc1ZjE2ZDRk"
        "OGE3%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d",
        {"Peter Gibbons": "peter.gibbons@initech.com", "Bill Lumbergh": "bill.lumbergh@initech.com"},
    ),
    "zoom.ics": (
        dt.datetime(2026, 12, 7, 16, 0, tzinfo=UTC),  # 11:00 America/New_York
        "America/New_York",
        "https://hooli.zoom.us/j/85512345678?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ.1",
        {
            "Dinesh Chugtai": "dinesh@hooli.xyz",
            "Monica Hall": "monica@hooli.xyz",
            "Gavin Belson": "gavin@hooli.xyz",
        },
    ),
    "ats.ics": (
        dt.datetime(2026, 12, 8, 15, 30, tzinfo=UTC),
        "Europe/Berlin",
        "https://meet.google.com/xyz-abcd-efg",
        {"Alice Wesker": "alice.wesker@umbrella.com", "Chris Redfield": "chris.redfield@umbrella.com"},
    ),
}
NOT_INTERVIEWERS = {
    "sam@example.com",  # you
    "c_1889f0a1b2c3d4e5f6@resource.calendar.google.com",  # rooms and resources
    "rhein@globex.de",
    "confroom4b@initech.com",
    "zoomroom12@hooli.xyz",
    "raccoon-city-1@umbrella.com",
    "no-reply@greenhouse.io",  # the tracker's sender
}


def logged(cli: Cli, path: Path, *extra: str) -> dict[str, Any]:
    result = cli("log", "--from", str(path), "--no-input", "--company", "X", "--role", "Y", "--json", *extra)
    assert result.code == 0, result.err
    interview: dict[str, Any] = result.json()
    return interview


@pytest.mark.usefixtures("profile")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_invitation_gives_the_instant_video_link_and_interviewers(cli: Cli, name: str) -> None:
    """The issue's must-show, for Google Calendar, Outlook, Teams, Zoom and an applicant tracking system."""
    start, zone, link, people = EXPECTED[name]
    interview = logged(cli, FIXTURES / name)
    assert dt.datetime.fromisoformat(interview["at"]) == start
    assert interview["timezone"] == zone
    assert (
        dt.datetime.fromisoformat(interview["at"]).utcoffset() == start.astimezone(ZoneInfo(zone)).utcoffset()
    )
    assert interview["format"] == "video"
    assert interview["location"] == link
    assert {p["name"]: p["email"] for p in interview["interviewers"]} == people
    emails = {p["email"].lower() for p in interview["interviewers"]}
    assert not emails & NOT_INTERVIEWERS
    assert (interview["company"], interview["role"]) == ("X", "Y")


@pytest.mark.usefixtures("profile")
@pytest.mark.parametrize(
    ("eml", "ics"), [("google.eml", "google.ics"), ("outlook-attachment.eml", "outlook.ics")]
)
def test_an_email_carrying_the_invitation_gives_the_same_interview(cli: Cli, eml: str, ics: str) -> None:
    """A text/calendar part (Google) or an .ics attachment (Outlook) reads as the .ics alone (the first
    round removed before the second log, which would otherwise follow the same UID)."""
    same = ("at", "timezone", "ends_at", "format", "location", "interviewers", "stage", "company", "role")
    from_mail = logged(cli, FIXTURES / eml)
    assert cli("rm", str(from_mail["id"]), "--yes").code == 0
    from_file = logged(cli, FIXTURES / ics)
    assert {k: from_mail[k] for k in same} == {k: from_file[k] for k in same}


@pytest.mark.usefixtures("profile")
def test_a_cancelled_invitation_exits_1_and_says_so(cli: Cli, store_file: Path) -> None:
    before = store_file.read_bytes()
    result = cli("log", "--from", str(FIXTURES / "cancelled.ics"), "--no-input", "--role", "Y")
    assert result.code == 1
    assert "was cancelled, and no interview was logged from it" in result.err
    assert "nothing was logged" in result.err
    assert store_file.read_bytes() == before


def test_a_recurring_invitation_is_refused(cli: Cli, store_file: Path) -> None:
    result = cli(
        "log", "--from", str(FIXTURES / "recurring.ics"), "--no-input", "--company", "X", "--role", "Y"
    )
    assert result.code == 1
    assert "recurring" in result.err
    assert not store_file.exists()


@pytest.mark.usefixtures("profile")
def test_every_flag_wins_over_the_invitation(cli: Cli) -> None:
    interview = logged(
        cli, FIXTURES / "teams.ics",
        "--at", "2026-12-05T10:00", "--tz", "Europe/Paris", "--format", "onsite", "--location", "Room 1",
        "--interviewer", "Kim Park <kim@initech.com>", "--stage", "screen",
    )  # fmt: skip
    assert (interview["at"], interview["timezone"]) == ("2026-12-05T10:00:00+01:00", "Europe/Paris")
    assert (interview["format"], interview["location"], interview["stage"]) == ("onsite", "Room 1", "screen")
    assert [p["name"] for p in interview["interviewers"]] == ["Kim Park"]


@pytest.mark.usefixtures("profile")
def test_what_the_invitation_says_about_company_and_stage_is_used_when_no_flag_does(cli: Cli) -> None:
    result = cli("log", "--from", str(FIXTURES / "outlook.ics"), "--no-input", "--role", "Backend", "--json")
    assert result.code == 0, result.err
    interview = result.json()
    assert interview["company"] == "Globex"
    assert interview["ends_at"] == "2026-12-03T11:30:00+01:00"
    teams = cli("log", "--from", str(FIXTURES / "teams.ics"), "--no-input", "--role", "Backend", "--json")
    assert (teams.json()["company"], teams.json()["stage"]) == ("Initech", "final")


def test_the_role_is_asked_for_and_missing_off_a_terminal(cli: Cli, store_file: Path) -> None:
    result = cli("log", "--from", str(FIXTURES / "google.ics"), "--no-input")
    assert result.code == 1
    assert "The role is missing" in result.err
    assert not store_file.exists()


def test_an_unsure_company_is_not_guessed_off_a_terminal(cli: Cli, tmp_path: Path) -> None:
    invite = tmp_path / "invite.ics"
    invite.write_text(ICS.format(summary="Interview with Foo", organizer="jo@bar.com"), encoding="utf-8")
    result = cli("log", "--from", str(invite), "--no-input", "--role", "Y")
    assert result.code == 1
    assert "the invitation suggests 'Foo'" in result.err
    assert "--company" in result.err


def test_invitation_from_standard_input(process: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    data = (FIXTURES / "zoom.ics").read_text(encoding="utf-8")
    result = process("log", "--from", "-", "--company", "Hooli", "--role", "SRE", "--json", input=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"email"') == 4  # the three of them and you (no profile email to leave out)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello", "neither a calendar file"),
        (b"From: a@b.c\nSubject: hi\n\nno invitation here\n", "carries no invitation"),
        (b"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "holds no event"),
    ],
)
def test_what_is_not_an_invitation_is_a_clear_error(content: bytes, message: str) -> None:
    with pytest.raises(UserError, match=message):
        read_invitation(content)


def test_a_missing_file_is_a_clear_error(cli: Cli) -> None:
    result = cli("log", "--from", "nowhere.ics", "--no-input", "--company", "X", "--role", "Y")
    assert result.code == 1
    assert "Cannot read nowhere.ics" in result.err


ICS = (
    """BEGIN:VCALENDAR
VERSION:2.0
METHOD:{method}
BEGIN:VEVENT
UID:u1
DTSTAMP:20261125T101500Z
DTSTART{start}
SUMMARY:{summary}
ORGANIZER:mailto:{organizer}
{extra}END:VEVENT
END:VCALENDAR
""".replace("{method}", "REQUEST")
    .replace("{start}", ":20261203T140000Z")
    .replace("{extra}", "")
)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("METHOD:REPLY", "is a REPLY message"),
        ("DTSTART;VALUE=DATE:20261203", "all-day event"),
        ("RECURRENCE-ID:20261203T140000Z", "recurring"),
    ],
)
def test_replies_all_day_events_and_moved_occurrences_are_refused(lines: str, message: str) -> None:
    text = ICS.format(summary="Interview", organizer="jo@acme.com")
    rows = text.splitlines()
    key = lines.split(":")[0].split(";")[0]
    at = next((n for n, row in enumerate(rows) if row.startswith(key + ":")), None)
    if at is None:
        rows.insert(rows.index("END:VEVENT"), lines)
    else:
        rows[at] = lines
    with pytest.raises(UserError, match=message):
        read_invitation("\n".join(rows).encode())


@pytest.mark.parametrize(
    ("summary", "organizer", "company", "sure"),
    [
        ("Acme <> Sam Lee: technical interview", "jo@acme.com", "Acme", True),
        ("Interview with Foo", "jo@bar.com", "Foo", False),
        ("Chat", "jo@bar-labs.io", "Bar-labs", False),
        ("Chat", "jo@gmail.com", None, False),
        ("Sam Lee / Initech Corp - onsite interview", "x@initech.com", "Initech Corp", True),
    ],
)
def test_the_company_comes_from_the_summary_and_a_work_domain(
    summary: str, organizer: str, company: str | None, sure: bool
) -> None:
    invitation = read_invitation(ICS.format(summary=summary, organizer=organizer).encode())
    assert (invitation.company, invitation.company_sure) == (company, sure)


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("Eastern Standard Time", "America/New_York"),
        ("Europe/Lisbon", "Europe/Lisbon"),
        ("UTC", None),
        ("Mars Standard Time", None),
    ],
)
def test_windows_and_iana_zone_names(name: str, zone: str | None) -> None:
    assert iana_zone(name) == zone


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("Join: https://acme.zoom.us/j/1?pwd=x.", "https://acme.zoom.us/j/1?pwd=x"),
        ("<https://teams.live.com/meet/123>", "https://teams.live.com/meet/123"),
        ("https://example.com/agenda then https://meet.google.com/a-b-c", "https://meet.google.com/a-b-c"),
        ("https://notzoom.us/j/1 https://zoom.us.evil.com/j/1", None),
        ("https://evil.example\\@acme.zoom.us/j/1", None),  # a browser goes to evil.example
        ("https://evil.example\\.acme.zoom.us/j/1", None),
    ],
)
def test_meeting_links_are_those_of_known_video_services(text: str, link: str | None) -> None:
    assert meeting_link([text]) == link
