"""Issue 25 end to end: an invitation is a living calendar entry (moved, cancelled, several sessions), times
in the user's own day (both zones, the interview named on its day), day steps from the user's day, POSIX TZ,
and dates without a year. Hand-written invitations; the installed command where processes matter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

Cli = Callable[..., Result]

INVITATION = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Hand written//EN
METHOD:{method}
BEGIN:VEVENT
UID:bw-123@brightwave.example
SEQUENCE:{sequence}
DTSTAMP:{stamp}
DTSTART;TZID=America/New_York:{start}
DTEND;TZID=America/New_York:{end}
SUMMARY:Brightwave Technical Interview: Sam Lee (Senior Data Engineer)
ORGANIZER;CN=Sam Lee:mailto:sam.lee@brightwave.example
ATTENDEE;CN="Raman, Priya":mailto:priya@brightwave.example
ATTENDEE;CN=Me:mailto:me@example.org
LOCATION:https://meet.google.com/abc-defg-hij
END:VEVENT
END:VCALENDAR
"""


def invitation(
    tmp_path: Path,
    *,
    method: str = "REQUEST",
    sequence: int = 0,
    start: str = "20261203T150000",
    end: str = "20261203T160000",
    stamp: str = "20261101T100000Z",
) -> Path:
    path = tmp_path / f"invite-{method}-{sequence}-{start}-{stamp}.ics"
    text = INVITATION.format(method=method, sequence=sequence, start=start, end=end, stamp=stamp)
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    return path


@pytest.fixture
def me(cli: Cli) -> None:
    assert cli("profile", "--email", "me@example.org", "--timezone", "Europe/Berlin", "--no-input").code == 0


def log_json(cli: Cli, path: Path, *extra: str) -> Any:
    result = cli("log", "--from", str(path), "--no-input", "--json", *extra)
    assert result.code == 0, result.err
    return result.json()


@pytest.mark.usefixtures("me")
def test_the_google_summary_gives_company_and_role_and_both_times(cli: Cli, tmp_path: Path) -> None:
    """'Brightwave Technical Interview: Sam Lee (Senior Data Engineer)' at brightwave.example: Brightwave,
    the role from the summary; log's summary shows 15:00 New York and 21:00 your time."""
    path = invitation(tmp_path)
    result = cli("log", "--from", str(path), "--no-input")
    assert result.code == 0, result.err
    assert "Brightwave · Senior Data Engineer" in result.out
    assert "15:00 New York, Thu 3 Dec 2026 21:00 your time" in result.out
    logged = cli("list", "--json").json()[0]
    assert (logged["company"], logged["role"]) == ("Brightwave", "Senior Data Engineer")
    assert logged["at"] == "2026-12-03T15:00:00-05:00"
    assert logged["at_local"] == "2026-12-03T21:00:00+01:00"
    assert (logged["invitation_uid"], logged["invitation_sequence"]) == ("bw-123@brightwave.example", 0)
    assert "(15:00 New York; 21:00 your time)" in cli("list").out


@pytest.mark.usefixtures("me")
def test_a_reschedule_moves_the_round_without_a_second_process(cli: Cli, tmp_path: Path) -> None:
    """Same UID, SEQUENCE 1, a new time: the round moves and says so; no second process, and once the old
    slot has passed no thank-you step is asked for it."""
    first = log_json(cli, invitation(tmp_path))
    moved = invitation(tmp_path, sequence=1, start="20261210T110000", end="20261210T120000")
    result = cli("log", "--from", str(moved), "--no-input")
    assert result.code == 0, result.err
    assert "updated from the invitation" in result.out
    assert "time: Thu 3 Dec 2026 15:00 (America/New_York) → Thu 10 Dec 2026 11:00" in result.out
    rounds = cli("list", "--json").json()
    assert [(r["id"], r["process_id"]) for r in rounds] == [(first["id"], first["process_id"])]
    assert rounds[0]["at"] == "2026-12-10T11:00:00-05:00"
    assert rounds[0]["invitation_sequence"] == 1
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AFTERVIEW_NOW", "2026-12-05T12:00:00+01:00")
        steps = cli("todo", "--json").json()
    assert not [s for s in steps if s["kind"] in ("thank-you", "memory-dump")]


@pytest.mark.usefixtures("me")
def test_the_same_sequence_written_later_moves_the_round_and_an_earlier_one_does_not(
    cli: Cli, tmp_path: Path, store_file: Path
) -> None:
    """A sender that moves the event without raising SEQUENCE: the later DTSTAMP wins (RFC 5546 2.1.5),
    and the first message read again afterwards changes nothing back."""
    first = invitation(tmp_path)
    log_json(cli, first)
    moved = invitation(tmp_path, start="20261210T110000", end="20261210T120000", stamp="20261105T090000Z")
    result = cli("log", "--from", str(moved), "--no-input")
    assert result.code == 0, result.err
    assert "updated from the invitation" in result.out
    assert cli("show", "1", "--json").json()["at"] == "2026-12-10T11:00:00-05:00"
    before = store_file.read_bytes()
    again = cli("log", "--from", str(first), "--no-input")
    assert again.code == 0, again.err
    assert "nothing changed; the invitation's SEQUENCE 0 is not newer than the 0 already logged" in again.out
    assert "(nor is its DTSTAMP)" in again.out
    assert store_file.read_bytes() == before


@pytest.mark.usefixtures("me")
def test_an_older_or_equal_sequence_changes_nothing_and_says_so(
    cli: Cli, tmp_path: Path, store_file: Path
) -> None:
    log_json(cli, invitation(tmp_path, sequence=2))
    before = store_file.read_bytes()
    stale = invitation(tmp_path, sequence=2, start="20261210T110000", end="20261210T120000")
    result = cli("log", "--from", str(stale), "--no-input")
    assert result.code == 0, result.err
    assert "nothing changed; the invitation's SEQUENCE 2 is not newer than the 2 already logged" in result.out
    assert store_file.read_bytes() == before


@pytest.mark.usefixtures("me")
def test_a_cancel_cancels_the_round_and_show_records_it(cli: Cli, tmp_path: Path) -> None:
    """METHOD:CANCEL for a logged UID: its steps close saying why, the process stays, show records it."""
    logged = log_json(cli, invitation(tmp_path))
    result = cli("log", "--from", str(invitation(tmp_path, method="CANCEL", sequence=1)), "--no-input")
    assert result.code == 0, result.err
    assert "cancelled" in result.out
    assert f"P{logged['process_id']} stays open" in result.out
    shown = cli("show", str(logged["id"]), "--json").json()
    assert shown["cancelled"]["reason"].startswith("cancelled by the invitation")
    assert shown["status"] == "waiting"
    assert all(s["state"] == "skipped" and s["note"] == "the interview was cancelled" for s in shown["steps"])
    assert "Cancelled: " in cli("show", str(logged["id"])).out
    assert cli("todo", "--json").json() == []


def test_a_cancel_for_an_interview_never_logged_names_the_reason(cli: Cli, tmp_path: Path) -> None:
    result = cli("log", "--from", str(invitation(tmp_path, method="CANCEL")), "--no-input")
    assert result.code == 1
    assert "was cancelled, and no interview was logged from it" in result.err


TWO_SESSIONS = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Hand written//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:part-1@acme.example
DTSTAMP:20261101T100000Z
DTSTART:20261203T090000Z
DTEND:20261203T100000Z
SUMMARY:Acme onsite, part 1
ORGANIZER;CN=Ann Bell:mailto:ann@acme.example
END:VEVENT
BEGIN:VEVENT
UID:part-2@acme.example
DTSTAMP:20261101T100000Z
DTSTART:20261203T130000Z
DTEND:20261203T140000Z
SUMMARY:Acme onsite, part 2
ORGANIZER;CN=Cy Dale:mailto:cy@acme.example
END:VEVENT
END:VCALENDAR
"""


@pytest.mark.usefixtures("me")
def test_two_sessions_log_one_round_each_in_one_process(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "two.ics"
    path.write_text(TWO_SESSIONS.replace("\n", "\r\n"), encoding="utf-8")
    result = cli("log", "--from", str(path), "--no-input", "--company", "Acme", "--role", "SRE", "--json")
    assert result.code == 0, result.err
    assert "has 2 sessions" in result.err
    rounds = result.json()
    assert [r["at"] for r in rounds] == ["2026-12-03T10:00:00+01:00", "2026-12-03T14:00:00+01:00"]
    assert len({r["process_id"] for r in rounds}) == 1
    assert [r["invitation_uid"] for r in rounds] == ["part-1@acme.example", "part-2@acme.example"]
    assert [[p["name"] for p in r["interviewers"]] for r in rounds] == [["Ann Bell"], ["Cy Dale"]]


CONFLICT = INVITATION.replace("sam.lee@brightwave.example", "sam.lee@northwind.example").replace(
    "priya@brightwave.example", "priya@northwind.example"
)


@pytest.mark.usefixtures("me")
def test_summary_and_domain_disagreeing_require_company_off_a_terminal(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "conflict.ics"
    text = CONFLICT.format(
        method="REQUEST", sequence=0, start="20261203T150000", end="20261203T160000", stamp="20261101T100000Z"
    )
    path.write_text(text, encoding="utf-8")
    result = cli("log", "--from", str(path), "--no-input")
    assert result.code == 1
    assert "--company" in result.err
    assert cli("log", "--from", str(path), "--no-input", "--company", "Northwind").code == 0


@pytest.mark.usefixtures("me")
def test_the_interview_is_named_on_its_day_in_todo_afterview_and_remind(
    cli: Cli, tmp_path: Path, process: Callable[..., Any]
) -> None:
    """At 20:00 Berlin with the 21:00 interview (15:00 New York): todo (both paths), bare afterview and
    remind name it, above the steps."""
    log_json(cli, invitation(tmp_path))
    evening = {"AFTERVIEW_NOW": "2026-12-03T20:00:00+01:00"}
    line = "Interview today 21:00 (15:00 New York): Brightwave · https://meet.google.com/abc-defg-hij"
    piped = process("todo", env=evening)  # the fast path: stdout is a pipe
    assert piped.stdout.splitlines()[0] == line
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AFTERVIEW_NOW", evening["AFTERVIEW_NOW"])
        full = cli("todo")  # the full command
    assert full.out.splitlines()[0] == line
    bare = process(env=evening)
    assert line in bare.stdout
    remind = process("remind", env=evening)
    assert remind.stdout.startswith(line)
    assert remind.returncode == 1
    later = {"AFTERVIEW_NOW": "2026-12-04T09:00:00+01:00"}
    assert "Interview today" not in process("todo", env=later).stdout


@pytest.mark.usefixtures("me")
def test_a_2330_interview_memory_dump_is_not_overdue_at_0045(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """17:30 New York is 23:30 Berlin; at 00:45 Berlin, fifteen minutes after it ended, its memory dump is
    due today (the user's day in which it ended), not overdue."""
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-03T12:00:00+01:00")
    result = cli(
        "log", "--company", "X", "--role", "Y", "--at", "2026-12-03 17:30", "--tz", "America/New_York",
        "--no-input",
    )  # fmt: skip
    assert result.code == 0, result.err
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-04T00:45:00+01:00")
    steps = cli("todo", "--json").json()
    dump = next(s for s in steps if s["kind"] == "memory-dump")
    assert dump["due"] == "2026-12-04"
    assert dump["overdue"] is False


@pytest.mark.parametrize(
    ("now", "offset"), [("2026-11-02T12:00:00+00:00", "-05:00"), ("2026-07-01T12:00:00+00:00", "-04:00")]
)
def test_tz_est5edt_stores_new_york_offsets(process: Callable[..., Any], now: str, offset: str) -> None:
    """``TZ=EST5EDT afterview log --at "tomorrow 10:00"``: -05:00 in winter, -04:00 in summer, never UTC."""
    result = process(
        "log", "--company", "Acme", "--role", "Eng", "--at", "tomorrow 10:00", "--no-input", "--json",
        env={"TZ": "EST5EDT", "AFTERVIEW_NOW": now},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    import json

    assert json.loads(result.stdout)["at"].endswith(f"T10:00:00{offset}")


def test_a_date_without_a_year_is_the_nearest_and_the_echo_says_which(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``log --at "13 Nov 10:00"`` on 2 Nov 2026 stores 2026-11-13 and says so."""
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-02T12:00:00+01:00")
    result = cli("log", "--company", "Acme", "--role", "Eng", "--at", "13 Nov 10:00", "--no-input", "--json")
    assert result.code == 0, result.err
    assert result.json()["at"] == "2026-11-13T10:00:00+01:00"
    assert "→ Fri 13 Nov 2026, in 11 days" in result.err


def test_outcome_on_without_a_year_is_the_nearest(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFTERVIEW_NOW", "2027-01-05T12:00:00+01:00")
    assert cli("log", "--company", "A", "--role", "B", "--at", "2026-12-20 10:00", "--no-input").code == 0
    result = cli("outcome", "1", "rejected", "--on", "30 Dec")
    assert result.code == 0, result.err
    assert "→ Wed 30 Dec 2026, 6 days ago" in result.err


@pytest.mark.usefixtures("me")
def test_an_update_written_before_a_cancellation_never_brings_the_round_back(
    cli: Cli, tmp_path: Path, store_file: Path
) -> None:
    """Mail read out of order: the round was cancelled (SEQUENCE 0), then an update with the same SEQUENCE
    arrives, written later than the first invitation but before the cancellation."""
    log_json(cli, invitation(tmp_path))
    assert cli("log", "--from", str(invitation(tmp_path, method="CANCEL", stamp="20261103T100000Z")),
               "--no-input").code == 0  # fmt: skip
    before = store_file.read_bytes()
    stale = invitation(tmp_path, start="20261211T110000", end="20261211T120000", stamp="20261102T100000Z")
    result = cli("log", "--from", str(stale), "--no-input")
    assert result.code == 0, result.err
    assert "nothing changed" in result.out
    assert store_file.read_bytes() == before
    assert cli("show", "1", "--json").json()["cancelled"] is not None
