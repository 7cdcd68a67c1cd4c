"""Greetings from the parts of a name, by the documented rule, in every language afterview writes."""

from __future__ import annotations

import pytest

from afterview.domain.greetings import (
    LANGUAGES,
    STYLES,
    gender_of,
    greeting,
    parts_of,
    reference_greeting,
)
from afterview.domain.people import NameParts, parse_name
from afterview.models.records import Person, Reference


def hello(name: str, **options: str) -> str:
    return greeting(parse_name(name), name, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dr. Priya Raman", "Dear Dr. Raman,"),
        ("Prof. Dr. Jörg Schäfer", "Dear Prof. Dr. Schäfer,"),
        ("José Núñez", "Dear José,"),
        ("Aoife Ní Bhriain", "Dear Aoife,"),
        ("Mary-Jane O'Neil", "Dear Mary-Jane,"),
        ("Cher", "Dear Cher,"),
        ("王伟", "Dear 王伟,"),
        ("Ms. Priya Raman", "Dear Ms. Raman,"),
    ],
)
def test_the_default_rule_title_and_family_name_else_the_first_name(name: str, expected: str) -> None:
    assert hello(name) == expected


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("auto", ["Dear Dr. Raman,", "Dear José,", "Dear Cher,"]),
        ("formal", ["Dear Dr. Raman,", "Dear José Núñez,", "Dear Cher,"]),
        ("full-name", ["Dear Priya Raman,", "Dear José Núñez,", "Dear Cher,"]),
        ("first-name", ["Dear Priya,", "Dear José,", "Dear Cher,"]),
    ],
)
def test_each_profile_setting(style: str, expected: list[str]) -> None:
    names = ["Dr. Priya Raman", "José Núñez", "Cher"]
    assert [hello(name, style=style) for name in names] == expected


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name",
    [
        "Dr. Priya Raman",
        "Prof. Dr. Jörg Schäfer",
        "José Núñez",
        "Aoife Ní Bhriain",
        "Mary-Jane O'Neil",
        "Cher",
    ],
)
def test_no_title_is_doubled_and_no_full_name_follows_a_title(name: str, language: str, style: str) -> None:
    line = hello(name, style=style, language=language)
    for title in ("Dr.", "Prof."):
        assert line.count(title) <= 1, line
    assert "Dr. Priya" not in line, line
    assert "Dr. Jörg" not in line, line
    assert line.endswith(":" if language == "es" else ","), line


def test_references_are_greeted_by_first_name_in_every_language() -> None:
    parts = parse_name("Dr. Anna Schmidt")
    assert reference_greeting(parts, "Dr. Anna Schmidt") == "Hi Anna,"
    assert reference_greeting(parts, "x", language="de") == "Hallo Anna,"
    assert reference_greeting(parts, "x", language="fr") == "Bonjour Anna,"
    assert reference_greeting(parts, "x", language="es") == "Hola, Anna:"


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("Frau Dr. Priya Raman", "de", "Sehr geehrte Frau Dr. Raman,"),
        ("Herr Prof. Dr. Jörg Schäfer", "de", "Sehr geehrter Herr Prof. Dr. Schäfer,"),
        ("Mr. Jörg Schäfer", "de", "Sehr geehrter Herr Schäfer,"),
        ("Dr. Priya Raman", "de", "Guten Tag Dr. Raman,"),  # gender unknown: DIN 5008's neutral form
        ("Priya Raman", "de", "Guten Tag Priya Raman,"),
        ("Mme Priya Raman", "fr", "Madame,"),
        ("Frau Dr. Priya Raman", "fr", "Madame la Docteure,"),
        ("Herr Prof. Jörg Schäfer", "fr", "Monsieur le Professeur,"),
        ("Priya Raman", "fr", "Bonjour Priya,"),
        ("Frau Dr. Priya Raman", "es", "Estimada Dra. Raman:"),
        ("Sr. Jörg Schäfer", "es", "Estimado Sr. Schäfer:"),
        ("Dr. Priya Raman", "es", "Buenos días, Dr. Raman:"),
        ("Priya Raman", "es", "Hola, Priya:"),
        ("Frau Dr. Priya Raman", "en", "Dear Dr. Raman,"),
        ("Frau Priya Raman", "en", "Dear Ms. Raman,"),
    ],
)
def test_each_language_greets_by_its_own_conventions(name: str, language: str, expected: str) -> None:
    assert hello(name, language=language) == expected


def test_gender_comes_only_from_an_honorific() -> None:
    assert gender_of("Frau Dr.") == "f"
    assert gender_of("Mr.") == "m"
    assert gender_of("Dr.") is None
    assert gender_of(None) is None


def test_stored_parts_win_over_the_name_once_any_is_set() -> None:
    assert parts_of(Person(name="Dr. Priya Raman")) == NameParts("Dr.", "Priya", "Raman")
    stored = Person(name="Priya Raman", honorific="Dr.", given_name="Priya", family_name="Raman")
    assert greeting(parts_of(stored), stored.name) == "Dear Dr. Raman,"
    spanish = Person(name="José Núñez García", given_name="José", family_name="Núñez García", honorific="Sr.")
    assert greeting(parts_of(spanish), spanish.name, language="es") == "Estimado Sr. Núñez García:"
    nickname = Reference(
        id=1, name="Dr. Anna Schmidt", given_name="Anna", family_name="Schmidt", address_as="Annie"
    )
    assert reference_greeting(parts_of(nickname), nickname.name) == "Hi Annie,"
