"""Dates in words, said from the day a draft is written, in each language."""

from __future__ import annotations

import datetime as dt

import pytest

from afterview.domain.phrasing import about_them, date_in_words, listing, long_date, on_day

TODAY = dt.date(2026, 11, 27)  # a Friday


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (TODAY, "en", "today"),
        (TODAY - dt.timedelta(days=1), "en", "yesterday"),
        (dt.date(2026, 11, 23), "en", "on Monday"),
        (dt.date(2026, 11, 21), "en", "on Saturday"),
        (dt.date(2026, 11, 20), "en", "on 20 November"),
        (dt.date(2026, 11, 3), "en", "on 3 November"),
        (dt.date(2025, 12, 30), "en", "on 30 December 2025"),
        (dt.date(2026, 12, 3), "en", "on 3 December"),
        (TODAY, "de", "heute"),
        (dt.date(2026, 11, 26), "de", "gestern"),
        (dt.date(2026, 11, 23), "de", "am Montag"),
        (dt.date(2026, 11, 3), "de", "am 3. November"),
        (TODAY, "fr", "aujourd'hui"),
        (dt.date(2026, 11, 23), "fr", "lundi"),
        (dt.date(2026, 11, 1), "fr", "le 1er novembre"),
        (dt.date(2026, 11, 26), "es", "ayer"),
        (dt.date(2026, 11, 23), "es", "el lunes"),
        (dt.date(2026, 11, 3), "es", "el 3 de noviembre"),
    ],
)
def test_on_day(day: dt.date, language: str, expected: str) -> None:
    assert on_day(day, today=TODAY, language=language) == expected  # type: ignore[arg-type]


def test_long_dates_and_lists_read_natively() -> None:
    day = dt.date(2026, 12, 4)
    assert long_date(day) == "Friday 4 December"
    assert long_date(day, language="de") == "Freitag, 4. Dezember"
    assert long_date(day, language="fr") == "vendredi 4 décembre"
    assert long_date(day, language="es") == "viernes 4 de diciembre"
    assert date_in_words(day, language="es", year=True) == "4 de diciembre de 2026"
    assert listing(["a", "b", "c"], language="de") == "a, b und c"
    assert listing(["a"], language="fr") == "a"


def test_a_topic_written_to_them_is_said_of_them_to_someone_else() -> None:
    assert about_them("your move to event sourcing") == "their move to event sourcing"
    assert about_them("Ihren Umstieg auf Event Sourcing", language="de") == "ihren Umstieg auf Event Sourcing"
    assert about_them("votre passage à Kafka", language="fr") == "leur passage à Kafka"
    assert about_them("su paso a Kafka", language="es") == "su paso a Kafka"
