"""Dates people type: what each form means, and that anything ambiguous is refused, never guessed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterview.domain.dates import (
    add_business_days,
    date_order_of_format,
    describe_day,
    needs_date_order,
    parse_date,
    parse_moment,
    spoken_date,
)
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
        ("next blursday", "Cannot read"),
        ("blursday", "Cannot read"),
        ("2026-13-01", "Cannot read"),
        ("2026-12-01T25:00", "Cannot read"),
        ("soon", "Cannot read"),
        ("", "Cannot read"),
        ("in a while", "Cannot read"),
        ("31 nov", "no 31 November"),
        ("29 feb 2027", "no 29 February in 2027"),
        ("13 blursember", "Cannot read"),
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
    now = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.UTC)
    assert parse_moment("tuesday 10:00", now=now, past=False) == dt.datetime(
        2026, 12, 1, 10, 0, tzinfo=dt.UTC
    )
    assert parse_moment("tuesday 10:00", now=now) == dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


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
        ("2026-11-20T10:00Z", dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)),
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


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("13 Nov 2026", None, dt.date(2026, 11, 13)),
        ("13 November 2026", None, dt.date(2026, 11, 13)),
        ("November 13, 2026", None, dt.date(2026, 11, 13)),
        ("Nov 13 2026", None, dt.date(2026, 11, 13)),
        ("13th Nov 2026", None, dt.date(2026, 11, 13)),
        ("sept 3 2027", None, dt.date(2027, 9, 3)),
        ("Fri 13 Nov 2026", None, dt.date(2026, 11, 13)),  # as the prompts echo it
        ("2026/11/13", None, dt.date(2026, 11, 13)),  # a year first is never ambiguous
        ("2026.11.13", None, dt.date(2026, 11, 13)),
        ("13.11.2026", "DMY", dt.date(2026, 11, 13)),
        ("13/11/2026", "DMY", dt.date(2026, 11, 13)),
        ("03/04/2026", "DMY", dt.date(2026, 4, 3)),
        ("03/04/2026", "MDY", dt.date(2026, 3, 4)),
        ("11-13-2026", "MDY", dt.date(2026, 11, 13)),
        ("13.11.26", "DMY", dt.date(2026, 11, 13)),
        ("26/11/13", "YMD", dt.date(2026, 11, 13)),
        ("2026-12-01", "MDY", dt.date(2026, 12, 1)),  # ISO, whatever the order
        ("friday 17:00", None, dt.date(2026, 12, 4)),  # a time where only the day is kept
    ],
)
def test_month_names_and_numeric_dates_in_the_users_order(
    text: str, order: str | None, expected: dt.date
) -> None:
    assert parse_date(text, today=FRIDAY, order=order) == expected


@pytest.mark.parametrize(
    ("text", "order", "ahead", "behind"),
    [
        ("13 Nov", None, dt.date(2027, 11, 13), dt.date(2026, 11, 13)),
        ("Nov 13", None, dt.date(2027, 11, 13), dt.date(2026, 11, 13)),
        ("27 Nov", None, FRIDAY, FRIDAY),  # today counts either way
        ("4 Dec", None, dt.date(2026, 12, 4), dt.date(2025, 12, 4)),
        ("13.11.", "DMY", dt.date(2027, 11, 13), dt.date(2026, 11, 13)),
        ("12/4", "MDY", dt.date(2026, 12, 4), dt.date(2025, 12, 4)),
        ("29 Feb", None, dt.date(2028, 2, 29), dt.date(2024, 2, 29)),
    ],
)
def test_a_date_without_a_year_is_the_next_one_ahead_or_the_latest_one_behind(
    text: str, order: str | None, ahead: dt.date, behind: dt.date
) -> None:
    """Due dates look ahead (the next such day from today on); things that happened look back."""
    assert parse_date(text, today=FRIDAY, order=order) == ahead
    assert parse_date(text, today=FRIDAY, order=order, past=True) == behind


@pytest.mark.parametrize(("text", "example"), [("03/04/2026", "3 Apr or Mar 4"), ("13/04", "13 Apr")])
def test_numeric_dates_without_a_date_order_are_refused_with_an_example(text: str, example: str) -> None:
    with pytest.raises(UserError, match="ambiguous") as raised:
        parse_date(text, today=FRIDAY)
    assert raised.value.hint is not None
    assert example in raised.value.hint
    assert "--date-order DMY" in raised.value.hint


def test_a_weekday_that_does_not_match_the_date_is_refused() -> None:
    with pytest.raises(UserError, match="Fri 13 Nov 2026 is a Friday, not a Monday"):
        parse_date("Mon 13 Nov 2026", today=FRIDAY)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("13 Nov 10:00", None, NOW.replace(day=13, hour=10, minute=0, second=0)),
        ("Nov 13", None, NOW.replace(day=13, hour=12, minute=0, second=0)),
        ("13.11.2026 9:15", "DMY", NOW.replace(day=13, hour=9, minute=15, second=0)),
        ("November 13, 2026 10:00", None, NOW.replace(day=13, hour=10, minute=0, second=0)),
    ],
)
def test_moments_take_every_date_form_with_a_time(
    text: str, order: str | None, expected: dt.datetime
) -> None:
    assert parse_moment(text, now=NOW, order=order) == expected


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)), st.sampled_from(["DMY", "MDY"])
)
def test_numeric_dates_read_back_in_their_order(day: dt.date, order: str) -> None:
    text = day.strftime("%d.%m.%Y" if order == "DMY" else "%m/%d/%Y")
    assert parse_date(text, today=FRIDAY, order=order) == day


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_the_echoed_date_reads_back(day: dt.date) -> None:
    assert parse_date(spoken_date(day), today=FRIDAY) == day


def test_spoken_dates() -> None:
    assert spoken_date(dt.date(2026, 11, 6)) == "Fri 6 Nov 2026"
    assert spoken_date(dt.datetime(2026, 11, 6, 9, 5)) == "Fri 6 Nov 2026 09:05"


@pytest.mark.parametrize(
    ("text", "needs"), [("03/04/2026", True), ("3.4. 10:00", True), ("2026/04/03", False), ("3 Apr", False)]
)
def test_which_dates_need_a_date_order(text: str, needs: bool) -> None:
    assert needs_date_order(text) is needs


@pytest.mark.parametrize(
    ("pattern", "order"),
    [("%d.%m.%Y", "DMY"), ("%m/%d/%y", "MDY"), ("%Y-%m-%d", "YMD"), ("%d/%m/%y", "DMY"), ("%x", None)],
)
def test_date_order_of_a_locale_pattern(pattern: str, order: str | None) -> None:
    assert date_order_of_format(pattern) == order


@pytest.mark.parametrize(
    ("at", "order"), [("13 Nov 10:00", None), ("Nov 13", None), ("13.11.2026", "DMY"), ("11/13/2026", "MDY")]
)
def test_log_reads_dates_as_people_type_them(cli: Cli, log: Log, at: str, order: str | None) -> None:
    if order:
        assert cli("profile", "--date-order", order.lower(), "--no-input").code == 0
    interview = log("--at", at)
    assert interview["at"].startswith("2026-11-13T")
    result = cli("show", "1")
    assert result.code == 0


def test_a_numeric_date_without_a_date_order_is_refused_with_an_example(cli: Cli, store_file: Path) -> None:
    result = cli("log", "--company", "Acme", "--role", "SRE", "--no-input", "--at", "03/04/2026")
    assert result.code == 1
    assert "ambiguous" in result.err
    assert "3 Apr or Mar 4" in result.err
    assert "--date-order" in result.err
    assert not store_file.exists()


def test_the_date_order_comes_from_the_locale_when_the_profile_has_none(
    cli: Cli, log: Log, monkeypatch: pytest.MonkeyPatch
) -> None:
    import locale

    from afterview.actions import session

    monkeypatch.setattr(locale, "nl_langinfo", lambda item: "%d.%m.%Y", raising=False)
    real = locale.setlocale
    monkeypatch.setattr(
        locale, "setlocale", lambda category, name=None: "de_DE.UTF-8" if name == "" else real(category)
    )
    assert session.locale_date_order() == "DMY"
    assert log("--at", "03.04.2026")["at"].startswith("2026-04-03T")
    assert cli("profile", "--date-order", "MDY", "--no-input").code == 0  # the profile wins
    assert log("--at", "03.04.2026")["at"].startswith("2026-03-04T")


def test_the_c_locale_gives_no_date_order() -> None:
    from afterview.actions import session

    assert session.locale_date_order() is None


def test_profile_date_order_is_checked_and_can_follow_the_locale_again(cli: Cli) -> None:
    bad = cli("profile", "--date-order", "DDMM", "--no-input")
    assert bad.code == 1
    assert "not a date order" in bad.err
    assert cli("profile", "--date-order", "ymd", "--no-input").code == 0
    assert cli("profile", "--json").json()["date_order"] == "YMD"
    assert cli("profile", "--date-order", "auto", "--no-input").code == 0
    assert cli("profile", "--json").json()["date_order"] is None


def test_a_task_can_be_due_at_a_time(cli: Cli, log: Log) -> None:
    log()
    result = cli("task", "add", "1", "Sign the NDA", "--due", "monday 18:00")
    assert result.code == 0, result.err
    assert "18:00, Mon 30 Nov" in result.out
    steps = cli("todo", "--json").json()
    assert [s["due"] for s in steps if s["kind"] == "paperwork"] == ["2026-11-30T18:00:00+01:00"]


def test_logs_summary_says_the_date_understood_in_words(cli: Cli) -> None:
    result = cli("log", "--company", "Acme", "--role", "SRE", "--no-input", "--at", "13 Nov 10:00")
    assert "Logged interview 1: Acme · SRE → Fri 13 Nov 2026 10:00 (2 weeks ago)" in result.out


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("13 Nov 10:00", dt.date(2026, 11, 2), dt.date(2026, 11, 13)),  # the must-show
        ("13 Nov", dt.date(2026, 11, 20), dt.date(2026, 11, 13)),  # a week ago, not next year
        ("13 Nov", dt.date(2027, 1, 20), dt.date(2026, 11, 13)),  # across the new year, back
        ("5 Jan", dt.date(2026, 12, 20), dt.date(2027, 1, 5)),  # across the new year, ahead
        ("Jun 1", dt.date(2026, 12, 1), dt.date(2027, 6, 1)),  # six months either way: the later one
        ("13/11", dt.date(2026, 11, 2), dt.date(2026, 11, 13)),
        ("29 Feb", dt.date(2026, 11, 2), dt.date(2028, 2, 29)),  # the next leap year
        ("13 Nov 2025", dt.date(2026, 11, 2), dt.date(2025, 11, 13)),  # a year given is kept
    ],
)
def test_a_date_without_a_year_is_the_nearest_one_when_asked(
    text: str, today: dt.date, expected: dt.date
) -> None:
    assert parse_date(text, today=today, nearest=True, order="DMY") == expected


def test_log_at_thirteen_november_on_second_november_is_this_year() -> None:
    """The issue's must-show, at the level of the moment: 2026-11-13 10:00 in the user's zone."""
    from zoneinfo import ZoneInfo

    now = dt.datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    moment = parse_moment("13 Nov 10:00", now=now, nearest=True)
    assert moment == dt.datetime(2026, 11, 13, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert parse_moment("13 Nov 10:00", now=now).year == 2025  # looking back, as before, without nearest


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 11, 13), "Fri 13 Nov 2026, in 11 days"),
        (dt.date(2026, 11, 2), "Mon 2 Nov 2026, today"),
        (dt.date(2026, 11, 3), "Tue 3 Nov 2026, tomorrow"),
        (dt.date(2026, 10, 30), "Fri 30 Oct 2026, 3 days ago"),
    ],
)
def test_the_echo_says_which_day_was_taken(day: dt.date, expected: str) -> None:
    from afterview.domain.date_echo import describe_chosen

    assert describe_chosen(day, today=dt.date(2026, 11, 2)) == expected


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("13 Nov", False),
        ("Nov 13 10:00", False),
        ("fri 13 nov", False),
        ("13/11", False),
        ("13 Nov 2026", True),
        ("2026-11-13T10:00", True),
        ("13/11/26", True),
        ("tomorrow 10:00", True),
        ("friday", True),
        ("+3d", True),
    ],
)
def test_whether_a_year_was_chosen_for_a_date(text: str, given: bool) -> None:
    from afterview.domain.date_echo import has_year

    assert has_year(text) is given
