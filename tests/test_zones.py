"""Time as a person lives it (schema 2): IANA zones, summer time, the country's weekend, "at once" never
in the past."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from afterview.domain.dates import add_business_days, describe_day
from afterview.domain.workdays import public_holidays, weekend_of
from tests.helpers import Result

Cli = Callable[..., Result]


def steps_of(cli: Cli, interview_id: int = 1) -> dict[str, dict[str, Any]]:
    return {s["kind"]: s for s in cli("show", str(interview_id), "--json").json()["steps"]}


def test_berlin_summer_time_is_the_offset_of_the_day_typed_and_24_hours_stay_24_hours(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No profile zone, TZ=Europe/Berlin, Saturday 28 March 2026 12:00 (CET); summer time begins at night."""
    # the must-show
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-03-28T12:00:00+01:00")
    logged = cli(
        "log", "--company", "Acme", "--role", "SRE", "--at", "tomorrow 10:00",
        "--interviewer", "Jane Doe <jane@acme.com>", "--no-input", "--json",
    )  # fmt: skip
    assert logged.code == 0, logged.err
    interview = logged.json()
    assert (interview["at"], interview["timezone"]) == ("2026-03-29T10:00:00+02:00", "Europe/Berlin")
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-03-29T11:00:00+02:00")  # it has happened: todo plans its steps
    assert cli("todo").code == 0
    thank_you = steps_of(cli)["thank-you"]["due"]
    assert dt.datetime.fromisoformat(thank_you) - dt.datetime.fromisoformat(interview["at"]) == dt.timedelta(
        hours=24
    )
    assert thank_you == "2026-03-30T10:00:00+02:00"
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-03-30T09:00:00+02:00")
    assert cli("edit", "1", "--role", "Staff SRE").code == 0
    assert steps_of(cli)["thank-you"]["due"] == thank_you


def test_a_thank_you_across_the_change_to_summer_time_is_one_absolute_day_later(cli: Cli) -> None:
    """An interview on Saturday 28 March 10:00 CET: the note is due 24 hours later, Sunday 11:00 CEST."""
    assert cli("profile", "--timezone", "Europe/Berlin", "--no-input").code == 0
    logged = cli(
        "log", "--company", "Acme", "--role", "SRE", "--at", "2026-03-28T10:00",
        "--interviewer", "Jo <jo@a.co>", "--no-input",
    )  # fmt: skip
    assert logged.code == 0, logged.err
    due = steps_of(cli)["thank-you"]["due"]
    assert due == "2026-03-29T11:00:00+02:00"


def test_israel_counts_business_days_over_its_friday_and_saturday_weekend(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("profile", "--country", "IL", "--no-input").code == 0
    logged = cli(
        "log", "--company", "Acme", "--role", "SRE", "--at", "2026-12-02T10:00",
        "--interviewer", "Dana Levi <dana@acme.example>", "--no-input",
    )  # fmt: skip
    assert logged.code == 0, logged.err
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-02T11:00:00+01:00")  # it has happened: todo plans its steps
    assert cli("todo").code == 0
    network = dt.date.fromisoformat(steps_of(cli)["network"]["due"])
    assert network.weekday() not in (4, 5)  # not Friday 4 or Saturday 5 December
    assert network == dt.date(2026, 12, 6)  # Wednesday + 2 business days: Thursday, then Sunday


def test_the_weekend_comes_from_the_holidays_library() -> None:
    israel = public_holidays("IL")
    assert add_business_days(dt.date(2026, 12, 2), 2, holidays=israel, weekend=weekend_of(israel)) == dt.date(
        2026, 12, 6
    )
    germany = public_holidays("DE")
    assert add_business_days(
        dt.date(2026, 12, 2), 2, holidays=germany, weekend=weekend_of(germany)
    ) == dt.date(2026, 12, 4)


def test_a_log_made_after_the_interview_makes_nothing_overdue(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Logged at 17:30 for a 16:00 interview with an interviewer who has no email."""
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-27T17:30:00+01:00")
    logged = cli(
        "log", "--company", "Acme", "--role", "SRE", "--at", "16:00", "--interviewer", "Raj Patel",
        "--no-input", "--json",
    )  # fmt: skip
    assert logged.code == 0, logged.err
    assert logged.json()["at"] == "2026-11-27T16:00:00+01:00"
    pending = cli("todo", "--json").json()
    assert [s["id"] for s in pending if s["overdue"]] == []
    contact = next(s for s in pending if s["kind"] == "contact-details")
    assert contact["due"] == "2026-11-27"  # "at once", logged after the interview: by the end of that day


def test_a_memory_dump_logged_the_morning_after_is_due_that_day(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-28T08:30:00+01:00")
    assert cli("log", "--company", "Acme", "--role", "SRE", "--at", "yesterday 16:00", "--no-input").code == 0
    dump = steps_of(cli)["memory-dump"]
    assert (dump["due"], dump["overdue"]) == ("2026-11-28", False)


def test_an_interview_elsewhere_keeps_its_zone_and_show_prints_both(cli: Cli) -> None:
    logged = cli(
        "log", "--company", "Acme", "--role", "SRE", "--at", "2026-12-01T10:00", "--tz", "America/New_York",
        "--location", "1 Main St, New York", "--no-input", "--json",
    )  # fmt: skip
    assert logged.code == 0, logged.err
    assert (logged.json()["at"], logged.json()["timezone"]) == (
        "2026-12-01T10:00:00-05:00",
        "America/New_York",
    )
    shown = cli("show", "1").out
    assert "(2026-12-01 10:00 -0500, America/New_York)" in shown
    assert "at 16:00 your time" in shown
    assert "Where: 1 Main St, New York" in shown


def test_log_prints_its_steps_in_the_readers_day_as_todo_does(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round at 01:30 Monday in Tokyo (17:30 Sunday in Berlin), logged in Berlin on Monday morning: its
    thank-you is due 01:30 Tuesday Tokyo, which is 17:30 Monday to the reader. ``log`` says "today 17:30" and
    "(yesterday)" as ``todo`` does, not Tokyo's "tomorrow 01:30" and "(today)" unlabelled."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-07T09:00:00+01:00")
    logged = cli(
        "log", "--company", "Rakuten", "--role", "SRE", "--at", "2026-12-07T01:30", "--tz", "Asia/Tokyo",
        "--interviewer", "佐藤 花子 <hanako@rakuten.example>", "--no-input",
    )  # fmt: skip
    assert logged.code == 0, logged.err
    assert "Mon 7 Dec 2026 01:30 Tokyo, Sun 6 Dec 2026 17:30 your time (yesterday)" in logged.out
    thank_you = next(line for line in logged.out.splitlines() if "thank-you note" in line)
    assert "today 17:30, Mon 7 Dec" in thank_you
    assert "01:30" not in thank_you
    in_todo = next(line for line in cli("todo").out.splitlines() if "thank-you note" in line)
    assert in_todo.split("  Send")[0] == thank_you.split("  Send")[0]


@pytest.mark.parametrize(
    ("language", "said"), [("en", "speak with me on Friday"), ("de", "Gespräch am Freitag")]
)
def test_a_thank_you_names_the_day_as_the_interviewer_lived_it(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, language: str, said: str
) -> None:
    """Friday 19:30 in New York is Saturday 01:30 in Berlin: the note to the New York interviewer says
    Friday."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-07T10:00:00+01:00")
    logged = cli(
        "log", "--company", "Datadog", "--role", "SRE", "--at", "2026-12-04 19:30",
        "--tz", "America/New_York", "--interviewer", "Ana Sofía Pérez-Ortega <ana@datadoghq.com>",
        "--no-input",
    )  # fmt: skip
    assert logged.code == 0, logged.err
    note = cli("draft-thanks", "1", "--language", language)
    assert note.code == 0, note.err
    assert said in note.out
    assert "Saturday" not in note.out
    assert "Samstag" not in note.out


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/passwd", "/etc/localtime", ""])
def test_an_unknown_zone_is_refused_and_nothing_is_written(cli: Cli, store_file: Any, zone: str) -> None:
    result = cli("log", "--company", "Acme", "--role", "SRE", "--tz", zone, "--no-input")
    assert result.code == 1
    assert "is not a time zone" in result.err
    assert not store_file.exists()


@pytest.mark.parametrize(
    ("days", "said"),
    [(6, "in 6 days"), (7, "in a week"), (10, "in a week"), (11, "in 2 weeks"), (13, "in 2 weeks"),
     (-13, "2 weeks ago"), (21, "in 3 weeks")],
)  # fmt: skip
def test_relative_dates_round_to_the_nearest_week(days: int, said: str) -> None:
    today = dt.date(2026, 11, 4)
    assert describe_day(today + dt.timedelta(days=days), today=today).startswith(said + ", ")


@pytest.mark.parametrize(
    ("at", "zone"), [("2027-03-14 02:30", "America/New_York"), ("2027-03-28T02:30", "Europe/Berlin")]
)
def test_a_time_the_clocks_skip_is_refused_naming_the_time_it_would_be(
    cli: Cli, store_file: Any, at: str, zone: str
) -> None:
    """02:30 on the night summer time begins never happens: ``log`` used to print 02:30 and store 03:30."""
    result = cli("log", "--company", "Acme", "--role", "SRE", "--at", at, "--tz", zone, "--no-input")
    assert result.code == 1
    assert f"02:30 on Sun {at[8:10]} Mar 2027 does not happen in {zone}" in result.err
    assert "Did you mean 03:30?" in result.err
    assert not store_file.exists()
    later = at.replace("02:30", "03:30")
    kept = cli("log", "--company", "Acme", "--role", "SRE", "--at", later, "--tz", zone, "--no-input",
               "--json")  # fmt: skip
    assert kept.code == 0, kept.err
    assert kept.json()["at"][11:16] == "03:30"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("JST", "Asia/Tokyo"),
        ("america/new_york", "America/New_York"),
        ("PDT", "America/Los_Angeles"),
        ("est", "America/New_York"),
    ],
)
def test_a_zone_typed_another_way_is_refused_with_the_iana_name_it_means(
    cli: Cli, store_file: Any, typed: str, meant: str
) -> None:
    result = cli("log", "--company", "Acme", "--role", "SRE", "--tz", typed, "--no-input")
    assert result.code == 1
    assert f"Did you mean {meant}?" in result.err
    assert not store_file.exists()


def test_a_fixed_offset_zone_is_taken_with_a_warning_that_it_has_no_summer_time(cli: Cli) -> None:
    """EST is UTC-5 in June too, an hour off New York's 10:00."""
    result = cli("log", "--company", "Acme", "--role", "SRE", "--at", "2027-06-04 10:00", "--tz", "EST",
                 "--no-input", "--json")  # fmt: skip
    assert result.code == 0, result.err
    assert "EST is UTC-0500 all year, with no summer time" in result.err
    assert "America/New_York" in result.err
    assert result.json()["at"] == "2027-06-04T10:00:00-05:00"
