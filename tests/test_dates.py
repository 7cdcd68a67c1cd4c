"""Dates people type: what each form means, and that anything ambiguous is refused, never guessed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterview.domain.dates import add_business_days, describe_day, parse_date, parse_moment
from afterview.errors import UserError
from tests.helpers import Result

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]
FRIDAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("2026-12-01T10:30", dt.date(2026, 12, 1)),
        ("2026-12-01T23:30:00+05:00", dt.date(2026, 12, 1)),
        ("2026-12-01t09:00z", dt.date(2026, 12, 1)),
        ("today", FRIDAY),
        ("Tomorrow", dt.date(2026, 11, 28)),
        ("yesterday", dt.date(2026, 11, 26)),
        ("friday", dt.date(2026, 12, 4)),
        ("fri", dt.date(2026, 12, 4)),
        ("monday", dt.date(2026, 11, 30)),
        ("next friday", dt.date(2026, 12, 4)),
        ("next  Monday", dt.date(2026, 11, 30)),
        ("this friday", FRIDAY),
        ("last friday", dt.date(2026, 11, 20)),
        ("+3d", dt.date(2026, 11, 30)),
        ("+2w", dt.date(2026, 12, 11)),
        ("-1d", dt.date(2026, 11, 26)),
        ("in 3 days", dt.date(2026, 11, 30)),
        ("in 1 week", dt.date(2026, 12, 4)),
        ("2 days ago", dt.date(2026, 11, 25)),
    ],
)
def test_forms_people_type(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("friday", FRIDAY), ("wednesday", dt.date(2026, 11, 25)), ("next friday", dt.date(2026, 12, 4))],
)
def test_weekdays_look_back_for_things_that_happened(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=FRIDAY, past=True) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("13/14/2026", "ambiguous"),
        ("03/04/2026", "ambiguous"),
        ("next blursday", "Cannot read"),
        ("blursday", "Cannot read"),
        ("2026-13-01", "Cannot read"),
        ("2026-12-01T25:00", "Cannot read"),
        ("soon", "Cannot read"),
        ("", "Cannot read"),
        ("in a while", "Cannot read"),
    ],
)
def test_ambiguous_or_unknown_dates_are_refused_with_examples(text: str, message: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_date(text, today=FRIDAY)
    assert message in raised.value.message
    assert raised.value.hint is not None
    assert "next friday" in raised.value.hint
    assert "+3d" in raised.value.hint


@given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_any_iso_date_reads_back(day: dt.date) -> None:
    assert parse_date(day.isoformat(), today=FRIDAY) == day


def test_moments_ahead_for_a_next_round() -> None:
    now = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.timezone.utc)
    assert parse_moment("tuesday 10:00", now=now, past=False) == dt.datetime(
        2026, 12, 1, 10, 0, tzinfo=dt.timezone.utc
    )
    assert parse_moment("tuesday 10:00", now=now) == dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone.utc)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)), st.integers(0, 60))
def test_business_days_land_on_a_weekday_and_never_on_a_holiday(start: dt.date, days: int) -> None:
    holidays = {start + dt.timedelta(days=n) for n in range(0, 90, 11)}
    end = add_business_days(start, days, holidays=holidays)
    if days:
        assert end.weekday() < 5
        assert end not in holidays
    weekdays = sum(
        1
        for n in range(1, (end - start).days + 1)
        if (start + dt.timedelta(days=n)).weekday() < 5 and start + dt.timedelta(days=n) not in holidays
    )
    assert weekdays == days


NOW = dt.datetime(2026, 11, 27, 16, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW.replace(second=0)),
        ("14:00", NOW.replace(hour=14, minute=0, second=0)),
        ("yesterday 9:30", NOW.replace(day=26, hour=9, minute=30, second=0)),
        ("2026-11-20", NOW.replace(day=20, hour=12, minute=0, second=0)),
        ("2026-11-20T10:00", NOW.replace(day=20, hour=10, minute=0, second=0)),
        ("2026-11-20T10:00Z", dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc)),
    ],
)
def test_moments(text: str, expected: dt.datetime) -> None:
    assert parse_moment(text, now=NOW) == expected


@pytest.mark.parametrize(
    ("text", "message"), [("2026-11-20T99:00", "date and time"), ("today 25:00", "time of day")]
)
def test_bad_moments(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_moment(text, now=NOW)


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (dt.date(2026, 12, 4), "in a week, Fri 4 Dec"),
        (dt.date(2026, 11, 24), "3 days ago, Tue 24 Nov"),
        (dt.date(2026, 11, 30), "in 3 days, Mon 30 Nov"),
        (dt.date(2026, 12, 18), "in 3 weeks, Fri 18 Dec"),
        (dt.date(2026, 11, 20), "a week ago, Fri 20 Nov"),
        (dt.date(2026, 11, 6), "3 weeks ago, Fri 6 Nov"),
        (dt.date(2027, 1, 1), "in 5 weeks, Fri 1 Jan 2027"),
    ],
)
def test_describe_day(day: dt.date, said: str) -> None:
    assert describe_day(day, today=FRIDAY) == said


@pytest.mark.parametrize(
    "flags", [("--at", "9999-12-31"), ("--at", "9999-12-20T10:00"), ("--decision-by", "9999-12-31")]
)
def test_a_date_beyond_2100_is_a_clear_error(cli: Cli, store_file: Path, flags: tuple[str, str]) -> None:
    result = cli("log", "--company", "Acme", "--role", "SRE", "--no-input", *flags)
    assert result.code == 1
    assert "unexpected problem" not in result.err
    assert "not between 1970 and 2100" in result.err
    assert not store_file.exists()


def test_an_edit_too_far_ahead_changes_nothing(cli: Cli, log: Log, store_file: Path) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("edit", "1", "--at", "9999-12-31")
    assert result.code == 1
    assert "not between 1970 and 2100" in result.err
    assert store_file.read_bytes() == before


def test_a_csv_row_too_far_ahead_imports_nothing(cli: Cli, tmp_path: Path, store_file: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("company,role,at\nAcme,SRE,2026-11-20\nGlobex,SRE,9999-12-31\n", encoding="utf-8")
    result = cli("import", str(rows))
    assert result.code == 1
    assert "not between 1970 and 2100" in result.err
    assert not store_file.exists()
