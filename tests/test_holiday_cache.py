"""The public holidays afterview looked up are kept, so a write need not import ``holidays`` (issue 18)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.domain.dates import add_business_days
from afterview.domain.workdays import KnownHolidays, PublicHolidays, public_holidays, weekend_of
from tests.helpers import Result, loaded

Cli = Callable[..., Result]
YEARS = [2025, 2026, 2027, 2028]
"""The years around AFTERVIEW_NOW (27 Nov 2026): one before, two after."""


@pytest.fixture
def cache(home: Path) -> Path:
    return home / "cache" / "holidays.json"


@pytest.fixture
def germany(cli: Cli) -> None:
    """A store whose profile's country is Germany (Berlin)."""
    result = cli("profile", "--name", "Sam Lee", "--country", "DE", "--no-input")
    assert result.code == 0, result.err
    assert cli("schedule", "--subdivision", "BE").code == 0


def logged(cli: Cli, company: str = "Acme") -> dict[str, Any]:
    result = cli("log", "--company", company, "--role", "SRE", "--no-input", "--json")
    assert result.code == 0, result.err
    found: dict[str, Any] = result.json()
    return found


@pytest.mark.usefixtures("germany")
def test_a_write_keeps_what_the_library_said_for_the_years_around_now(cli: Cli, cache: Path) -> None:
    logged(cli)
    kept = json.loads(cache.read_text())
    assert (kept["country"], kept["subdivision"], kept["years"]) == ("DE", "BE", YEARS)
    library = PublicHolidays("DE", "BE")
    expected = {
        day for year in YEARS for day in (dt.date(year, 1, 1) + dt.timedelta(n) for n in range(366))
        if day.year == year and day in library
    }  # fmt: skip
    assert {dt.date.fromisoformat(day) for day in kept["dates"]} == expected
    assert dt.date(2026, 3, 8) in expected  # International Women's Day: Berlin's own holiday
    assert kept["weekend"] == [5, 6]


@pytest.mark.usefixtures("germany")
def test_the_next_write_plans_the_same_days_without_importing_holidays(
    cli: Cli, cache: Path, process: Any
) -> None:
    first = logged(cli)
    modules, _ = loaded("log", "--company", "Beta", "--role", "SRE", "--no-input", "--json")
    assert not [m for m in modules if m.startswith("holidays")]
    second = json.loads(process("show", "2", "--json").stdout)
    # logged at the same moment, so every step is due on the same day, from the cache as from the library
    assert {s["kind"]: s["due"] for s in second["steps"]} == {s["kind"]: s["due"] for s in first["steps"]}


@pytest.mark.usefixtures("germany")
@pytest.mark.parametrize(
    "kept",
    [
        "not json",
        '{"format": "afterview-holidays", "version": 1}',
        None,  # made for another country: see the test body
    ],
    ids=["unreadable", "incomplete", "another-country"],
)
def test_a_cache_that_does_not_fit_is_made_again(cli: Cli, cache: Path, kept: str | None) -> None:
    logged(cli)
    good = json.loads(cache.read_text())
    if kept is None:
        kept = json.dumps({**good, "country": "FR", "dates": []})
    cache.write_text(kept)
    logged(cli, "Beta")
    assert json.loads(cache.read_text()) == good


@pytest.mark.usefixtures("germany")
@pytest.mark.parametrize(
    ("key", "damaged"),
    [
        ("dates", ["2026-13-01"]),
        ("dates", [20261225]),
        ("dates", [None]),
        ("years", [[2026]]),
        ("weekend", ["5", "6"]),
        ("weekend", [5, 9]),
    ],
    ids=["no-such-day", "date-as-number", "date-null", "year-as-list", "weekday-as-text", "weekday-9"],
)
def test_a_damaged_cache_is_made_again(cli: Cli, cache: Path, key: str, damaged: list[Any]) -> None:
    """The cache is derived and safe to delete: a damaged one never stops a command, nor moves a step."""
    logged(cli)
    good = json.loads(cache.read_text())
    cache.write_text(json.dumps({**good, key: damaged}))
    second = logged(cli, "Beta")
    assert json.loads(cache.read_text()) == good
    follow_up = next(s["due"] for s in second["steps"] if s["kind"] == "follow-up")
    assert follow_up == "2026-12-04"  # five business days after Friday 27 Nov: the weekend is not one


def test_a_day_outside_the_known_years_asks_the_library() -> None:
    known = KnownHolidays("DE", None, (2026,), frozenset(), frozenset({5, 6}))  # says 2026 has no holidays
    calendar = public_holidays("DE", known=known)
    assert dt.date(2026, 12, 25) not in calendar  # the known years answer for themselves
    assert dt.date(2031, 12, 25) in calendar  # others come from the library


def test_known_holidays_for_another_country_are_not_used() -> None:
    known = KnownHolidays("FR", None, (2026,), frozenset(), frozenset({5, 6}))
    assert dt.date(2026, 12, 25) in public_holidays("DE", known=known)


def test_the_weekend_comes_from_what_is_known() -> None:
    israel = PublicHolidays("IL").known_for(range(2026, 2027))
    assert israel.weekend == frozenset({4, 5})  # Friday and Saturday
    calendar = public_holidays("IL", known=israel)
    wednesday = dt.date(2026, 12, 2)
    assert add_business_days(wednesday, 2, holidays=calendar, weekend=weekend_of(calendar)) == dt.date(
        2026, 12, 6
    )  # Thursday, then Sunday


def test_without_a_home_folder_yet_no_cache_is_written(home: Path) -> None:
    from afterview.store import holiday_cache

    assert not home.exists()
    kept = holiday_cache.Kept(tuple(YEARS), frozenset(), frozenset({5, 6}))
    holiday_cache.save("DE", None, library="x", kept=kept)
    assert not home.exists()  # AFTERVIEW_HOME is created by the store's first save, 0700
