"""``afterview schedule`` and ``profile``: every default configurable, the country's real public holidays."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

Log = Callable[..., dict[str, Any]]
Cli = Callable[..., Result]


def due(cli: Cli, kind: str) -> str:
    return str(next(s for s in cli("todo", "--json").json() if s["kind"] == kind)["due"])


def test_defaults_are_shown(cli: Cli) -> None:
    shown = cli("schedule", "--json").json()
    assert shown["follow_up_business_days"] == 5
    assert shown["nudge_business_days"] == 10
    assert shown["close_out_days"] == 38
    assert "follow_up_business_days" in cli("schedule").out


def test_changing_a_setting_moves_pending_steps(cli: Cli, log: Log) -> None:
    log()
    assert due(cli, "follow-up") == "2026-12-04"
    result = cli("schedule", "follow_up_business_days=3", "close-out-days=30")
    assert result.code == 0, result.err
    assert "2 pending steps moved" in result.err
    assert due(cli, "follow-up") == "2026-12-02"
    assert due(cli, "close-out") == "2026-12-27"
    assert cli("schedule", "--reset").code == 0
    assert due(cli, "follow-up") == "2026-12-04"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("follow_up=3", "Cannot read"),
        ("nudge_business_days=soon", "whole number"),
        ("close_out_days=0", "close_out_days"),
    ],
)
def test_bad_settings_change_nothing(
    cli: Cli, log: Log, store_file: Path, setting: str, message: str
) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("schedule", setting)
    assert result.code == 1
    assert message in result.err
    assert store_file.read_bytes() == before


def test_friday_interview_with_a_public_holiday_in_the_window(
    cli: Cli, log: Log, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Portugal: 1 December moves the check-in from Fri 4 to Mon 7 Dec; 8 December moves the nudge a day."""
    assert cli("profile", "--country", "PT", "--no-input").code == 0
    log()
    follow_up = next(s for s in cli("todo", "--json").json() if s["kind"] == "follow-up")
    assert follow_up["due"] == "2026-12-07"
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-07T11:00:00+01:00")
    assert cli("done", follow_up["id"]).code == 0
    assert due(cli, "nudge") == "2026-12-22"


def test_friday_interview_without_holidays(cli: Cli, log: Log, monkeypatch: pytest.MonkeyPatch) -> None:
    log()
    follow_up = next(s for s in cli("todo", "--json").json() if s["kind"] == "follow-up")
    assert follow_up["due"] == "2026-12-04"
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-04T11:00:00+01:00")
    assert cli("done", follow_up["id"]).code == 0
    assert due(cli, "nudge") == "2026-12-18"


def test_a_subdivision_adds_its_holidays(cli: Cli, log: Log) -> None:
    assert cli("profile", "--country", "GB", "--no-input").code == 0
    log()
    assert due(cli, "follow-up") == "2026-12-04"
    result = cli("schedule", "--subdivision", "sct")
    assert result.code == 0, result.err
    assert "Saint Andrew's Day" in result.out
    assert due(cli, "follow-up") == "2026-12-07"  # Mon 30 Nov is St Andrew's Day in Scotland
    assert cli("schedule", "--json").json()["subdivision"] == "SCT"


def test_unknown_subdivision_or_no_country_changes_nothing(cli: Cli, store_file: Path) -> None:
    result = cli("schedule", "--subdivision", "BY")
    assert result.code == 1
    assert "country" in result.err
    assert cli("profile", "--country", "DE", "--no-input").code == 0
    before = store_file.read_bytes()
    result = cli("schedule", "--subdivision", "ZZ")
    assert result.code == 1
    assert "knows no public holidays" in result.err
    assert store_file.read_bytes() == before


def test_a_country_the_library_does_not_know_is_a_clear_error(cli: Cli, store_file: Path) -> None:
    assert cli("profile", "--name", "Sam", "--no-input").code == 0
    document = json.loads(store_file.read_text())
    document["profile"]["country"] = "XX"  # set by hand, or by a version that did not check it
    store_file.write_text(json.dumps(document))
    result = cli("log", "--company", "Acme", "--role", "SRE", "--no-input")
    assert result.code == 1
    assert "knows no public holidays for 'XX'" in result.err


def test_setting_the_country_moves_pending_steps_at_once(cli: Cli, log: Log) -> None:
    """Portugal's 1 December and 8 December are holidays: the check-in moves at once, no --replan."""
    log()
    assert due(cli, "follow-up") == "2026-12-04"
    result = cli("profile", "--country", "PT", "--no-input")
    assert result.code == 0, result.err
    assert "pending step" in result.err
    assert "moved" in result.err
    assert due(cli, "follow-up") == "2026-12-07"


def test_setting_israel_moves_business_day_steps_to_the_israeli_week(cli: Cli, log: Log) -> None:
    """Israel's weekend is Friday and Saturday: a step due on a Friday moves when the country is set."""
    log()
    before = due(cli, "follow-up")
    assert dt.date.fromisoformat(before).weekday() == 4  # a Friday under the Monday-Friday week
    result = cli("profile", "--country", "IL", "--no-input")
    assert result.code == 0, result.err
    after = dt.date.fromisoformat(due(cli, "follow-up"))
    assert after.weekday() not in (4, 5), after  # neither Friday nor Saturday
    assert str(after) != before


def test_a_schedule_setting_moves_what_depends_on_it(cli: Cli, log: Log) -> None:
    log()
    before = dt.date.fromisoformat(due(cli, "follow-up"))
    assert cli("schedule", "follow_up_business_days=8").code == 0
    assert dt.date.fromisoformat(due(cli, "follow-up")) > before


def test_a_new_time_zone_moves_the_steps_of_rounds_without_a_zone_of_their_own(
    cli: Cli, store_file: Path
) -> None:
    """A round stored without its own zone (written before zones were kept) is planned in the user's
    zone: 12:00 in Berlin is already the next day in Kiritimati (UTC+14), so the memory dump, due at the
    end of the interview's day, moves a day when the profile's zone is set there."""
    logged = cli("log", "--company", "Acme", "--role", "SRE", "--at", "2026-11-27 12:00", "--no-input")
    assert logged.code == 0, logged.err
    data = json.loads(store_file.read_text())
    data["interviews"][0]["timezone"] = None
    store_file.write_text(json.dumps(data))
    assert cli("profile", "--timezone", "Europe/Berlin", "--no-input").code == 0
    assert due(cli, "memory-dump") == "2026-11-27"
    result = cli("profile", "--timezone", "Pacific/Kiritimati", "--no-input")
    assert result.code == 0, result.err
    assert due(cli, "memory-dump") == "2026-11-28"


@pytest.mark.parametrize("args", [["--reset"], ["thank_you_hours=24"]])
def test_a_schedule_change_that_changes_nothing_writes_nothing(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]], store_file: Path, args: list[str]
) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("schedule", *args)
    assert result.code == 0, result.err
    assert "Nothing changed" in result.err
    assert "Schedule saved" not in result.err
    assert store_file.read_bytes() == before


def test_a_country_without_known_holidays_is_refused_when_set(cli: Cli, store_file: Path) -> None:
    assert cli("profile", "--country", "DE", "--no-input").code == 0
    before = store_file.read_bytes()
    result = cli("profile", "--country", "XX", "--no-input")
    assert result.code == 1
    assert "knows no public holidays for 'XX'" in result.err
    assert store_file.read_bytes() == before
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0


def test_setting_the_same_values_again_writes_nothing(cli: Cli, store_file: Path, home: Path) -> None:
    assert cli("profile", "--name", "Sam Lee", "--country", "de", "--no-input").code == 0
    before = store_file.read_bytes()
    backups = sorted((home / "backups").iterdir()) if (home / "backups").exists() else []
    result = cli("profile", "--name", "Sam Lee", "--country", "DE", "--no-input")
    assert result.code == 0
    assert "Nothing changed" in result.err + result.out
    assert "Profile saved" not in result.err
    assert store_file.read_bytes() == before  # no new revision
    assert (sorted((home / "backups").iterdir()) if (home / "backups").exists() else []) == backups


@pytest.mark.parametrize(("lang", "language"), [("pt_PT.UTF-8", "pt"), ("de_DE.UTF-8", "de:pt"), ("C", "")])
def test_holiday_names_are_english_whatever_the_locale_says(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, lang: str, language: str
) -> None:
    """The issue's must-show: ``--country PT`` prints English names, whatever ``LANG``/``LANGUAGE`` say."""
    monkeypatch.setenv("LANG", lang)
    monkeypatch.setenv("LANGUAGE", language)
    monkeypatch.setenv("LC_ALL", lang)
    assert cli("profile", "--country", "PT", "--no-input").code == 0
    result = cli("schedule")
    assert result.code == 0, result.err
    assert "Immaculate Conception" in result.out
    assert "Imaculada" not in result.out
