"""Public holidays from the ``holidays`` library: the right days, loaded only when a day is looked up."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from afterview.domain.workdays import PublicHolidays, public_holidays
from afterview.errors import UserError


def test_no_country_means_weekends_only() -> None:
    assert dt.date(2026, 12, 25) not in public_holidays(None)


def test_country_and_subdivision_holidays() -> None:
    assert dt.date(2026, 11, 26) in public_holidays("us")  # Thanksgiving
    assert dt.date(2026, 11, 30) not in public_holidays("GB")
    assert dt.date(2026, 11, 30) in public_holidays("GB", "sct")  # St Andrew's Day in Scotland
    assert PublicHolidays("PT").names(dt.date(2026, 12, 1), dt.date(2026, 12, 1)) == [
        (dt.date(2026, 12, 1), "Restoration of Independence Day")
    ]


@pytest.mark.parametrize(("country", "subdivision"), [("XX", None), ("DE", "ZZ")])
def test_unknown_country_or_subdivision_is_a_user_error(country: str, subdivision: str | None) -> None:
    with pytest.raises(UserError, match="knows no public holidays"):
        PublicHolidays(country, subdivision).check()


def test_the_library_is_imported_only_when_a_day_is_looked_up() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from afterview.domain.workdays import public_holidays\n"
        "h = public_holidays('US')\n"
        "print('holidays' in sys.modules)\n"
        "dt.date(2026, 1, 1) in h\n"
        "print('holidays' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]


@pytest.mark.parametrize(
    ("language", "supported", "chosen"),
    [
        ("en", ("en_US", "pt_PT", "uk"), "en_US"),
        ("de", ("de", "en_US", "fr"), "de"),
        ("fr", ("en_US", "pt_PT"), "en_US"),
        ("es", ("es", "en_US"), "es"),
        ("en", ("en_GB", "en_US"), "en_US"),
        ("de", ("ar", "ko"), None),
    ],
)
def test_holiday_names_take_the_users_language_else_english(
    language: str, supported: tuple[str, ...], chosen: str | None
) -> None:
    from afterview.domain.workdays import holiday_language

    assert holiday_language(language, supported) == chosen


def test_portuguese_holidays_are_named_in_english_by_default_and_in_german_on_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "pt_PT.UTF-8")
    monkeypatch.setenv("LANGUAGE", "pt")
    from afterview.domain.workdays import PublicHolidays

    day = dt.date(2026, 12, 8)
    assert dict(PublicHolidays("PT").names(day, day)) == {day: "Immaculate Conception"}
    assert dict(
        PublicHolidays("DE", "BY", language="de").names(dt.date(2026, 12, 25), dt.date(2026, 12, 25))
    ) == {dt.date(2026, 12, 25): "Erster Weihnachtstag"}
