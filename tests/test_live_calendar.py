"""``afterview calendar --file PATH``: a live .ics rewritten after every change, with stable UIDs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.helpers import Result

Cli = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures" / "invitations"


def events(path: Path) -> dict[str, Any]:
    """The calendar's events by UID, read back by icalendar."""
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}


@pytest.fixture
def live(cli: Cli, tmp_path: Path) -> Path:
    path = tmp_path / "cal" / "afterview.ics"
    path.parent.mkdir()
    result = cli("calendar", "--file", str(path))
    assert result.code == 0, result.err
    assert "Live calendar on" in result.out
    return path


@pytest.mark.usefixtures("profile")
def test_done_rewrites_the_file_icalendar_reads_it_and_the_uids_stay(cli: Cli, live: Path) -> None:
    """The issue's must-show."""
    assert cli("log", "--company", "Acme", "--role", "SRE", "--interviewer", "Jane Doe <jane@acme.com>",
               "--no-input").code == 0  # fmt: skip
    before = events(live)
    titles = {str(e["SUMMARY"]) for e in before.values()}
    assert "Send Jane Doe a thank-you note" in titles  # the command is in the description, not the title
    written = live.read_bytes()
    assert cli("done", "1.2").code == 0
    assert live.read_bytes() != written
    after = events(live)
    assert set(after) < set(before)  # the step done is gone; every other UID is the same
    assert len(before) - len(after) == 1
    gone = (set(before) - set(after)).pop()
    assert gone.startswith("afterview-step-1.2-")
    assert {uid: str(after[uid]["SUMMARY"]) for uid in after} == {
        uid: str(before[uid]["SUMMARY"]) for uid in after
    }


@pytest.mark.usefixtures("profile")
def test_an_upcoming_interview_is_an_event_with_its_link_and_interviewers(cli: Cli, live: Path) -> None:
    assert cli("log", "--from", str(FIXTURES / "teams.ics"), "--no-input", "--role", "SRE").code == 0
    found = events(live)
    interview = next(e for uid, e in found.items() if uid.startswith("afterview-interview-1-"))
    assert str(interview["SUMMARY"]) == "Final interview: Initech · SRE"
    assert interview.decoded("DTSTART").isoformat() == "2026-12-04T17:00:00+00:00"
    assert interview.decoded("DTEND").isoformat() == "2026-12-04T18:00:00+00:00"
    assert str(interview["URL"]).startswith("https://teams.microsoft.com/l/meetup-join/")
    attendees = interview["ATTENDEE"]
    assert {str(a) for a in attendees} == {
        "mailto:peter.gibbons@initech.com",
        "mailto:bill.lumbergh@initech.com",
    }
    assert {str(a.params["CN"]) for a in attendees} == {"Peter Gibbons", "Bill Lumbergh"}
    assert any(str(e["SUMMARY"]).startswith("Prepare for Initech") for e in found.values())
    uid_before = set(found)
    assert cli("task", "add", "1", "Sign the NDA").code == 0
    assert set(events(live)) > uid_before


def test_off_stops_it_and_leaves_the_file(cli: Cli, live: Path) -> None:
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0
    written = live.read_bytes()
    result = cli("calendar", "--off")
    assert result.code == 0
    assert "Live calendar off" in result.out
    assert cli("log", "--company", "Beta", "--role", "SRE", "--no-input").code == 0
    assert live.read_bytes() == written
    assert "No live calendar" in cli("calendar").out


def test_turning_it_on_writes_the_file_at_once_and_says_where(cli: Cli, live: Path) -> None:
    assert live.exists()
    assert events(live) == {}
    assert str(live) in cli("calendar").out


def test_a_folder_that_does_not_exist_is_refused(cli: Cli, tmp_path: Path) -> None:
    result = cli("calendar", "--file", str(tmp_path / "nowhere" / "a.ics"))
    assert result.code == 1
    assert "does not exist" in result.err


def test_doctor_reports_a_calendar_file_that_cannot_be_written(cli: Cli, live: Path) -> None:
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0
    assert "live calendar, rewritten" in cli("doctor").out
    live.unlink()
    live.parent.rmdir()  # the folder went away (an unmounted drive)
    result = cli("doctor")
    assert result.code == 3
    assert "the live calendar cannot be written" in result.out
    saved = cli("log", "--company", "Beta", "--role", "SRE", "--no-input")
    assert saved.code == 0  # the store is saved all the same, with a warning
    assert "live calendar" in saved.err


@pytest.mark.usefixtures("profile")
def test_a_snoozed_step_and_its_interview_get_a_higher_sequence_under_the_same_uid(
    cli: Cli, live: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's must-show for the live calendar."""
    assert cli("log", "--company", "Acme", "--role", "SRE", "--at", "2026-12-03T10:00",
               "--interviewer", "Jane Doe <jane@acme.com>", "--no-input").code == 0  # fmt: skip
    before = events(live)
    prep = next(uid for uid, e in before.items() if uid.startswith("afterview-step-"))
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-27T16:05:00+01:00")
    step_id = prep.split("-")[2]
    assert cli("snooze", step_id, "--until", "2026-12-02").code == 0
    after = events(live)
    assert prep in after
    assert int(after[prep]["SEQUENCE"]) > int(before[prep]["SEQUENCE"])
    interview = next(uid for uid in after if uid.startswith("afterview-interview-"))
    assert int(after[interview]["SEQUENCE"]) > int(before[interview]["SEQUENCE"])


@pytest.mark.usefixtures("profile")
def test_a_store_made_from_an_export_never_rewrites_the_other_stores_calendar(
    cli: Cli, live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export carries the profile, and the profile names the live calendar: a second store that takes
    the profile must not take the file, or its changes would rewrite the first store's calendar."""
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0
    exported = tmp_path / "export.json"
    assert cli("export", "json", "-o", str(exported)).code == 0
    before = live.read_bytes()
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "second"))
    imported = cli("import", str(exported))
    assert imported.code == 0, imported.err
    assert "Imported the profile (yours was empty)." in imported.out
    assert "Its live calendar file was left out" in imported.err
    assert cli("profile", "--json").json()["calendar_file"] is None
    assert cli("rm", "1", "--yes").code == 0
    assert live.read_bytes() == before


def test_an_import_into_a_store_with_only_a_live_calendar_takes_the_profile_and_keeps_the_calendar(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("profile", "--name", "Sam Lee", "--email", "sam@example.com", "--no-input").code == 0
    exported = tmp_path / "export.json"
    assert cli("export", "json", "-o", str(exported)).code == 0
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "second"))
    mine = tmp_path / "mine.ics"
    assert cli("calendar", "--file", str(mine)).code == 0
    imported = cli("import", str(exported))
    assert imported.code == 0, imported.err
    assert "Imported the profile (yours was empty)." in imported.out
    profile = cli("profile", "--json").json()
    assert (profile["name"], profile["calendar_file"]) == ("Sam Lee", str(mine))
