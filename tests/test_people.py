"""Names: parsed into the parts a greeting needs, greeted by etiquette, found ignoring case and accents."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from afterview.domain.people import (
    NameParts,
    find_person,
    first_name,
    formal_greeting_name,
    name_key,
    parse_name,
    vcard_n,
)
from afterview.errors import UserError


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("Dr. Priya Raman", NameParts("Dr.", "Priya", "Raman")),
        ("Prof. Dr. Jörg Schäfer", NameParts("Prof. Dr.", "Jörg", "Schäfer")),
        ("José Núñez", NameParts(None, "José", "Núñez")),
        ("Aoife Ní Bhriain", NameParts(None, "Aoife", "Ní Bhriain")),
        ("Mary-Jane O'Neil", NameParts(None, "Mary-Jane", "O'Neil")),
        ("王伟", NameParts(None, "伟", "王", "王伟")),
        ("欧阳娜娜", NameParts(None, "娜娜", "欧阳", "欧阳娜娜")),
        ("王 伟", NameParts(None, "伟", "王", "王 伟")),
        ("김민준", NameParts(None, "민준", "김", "김민준")),
        ("Cher", NameParts(None, "Cher", None)),
        ("Ludwig van Beethoven", NameParts(None, "Ludwig", "van Beethoven")),
        ("Johannes van der Waals", NameParts(None, "Johannes", "van der Waals")),
        ("Juan de la Cruz", NameParts(None, "Juan", "de la Cruz")),
        ("Seán Mac Giolla", NameParts(None, "Seán", "Mac Giolla")),
        ("Raman, Priya", NameParts(None, "Priya", "Raman")),
        ("van Beethoven, Ludwig", NameParts(None, "Ludwig", "van Beethoven")),
        ("Raman, Dr. Priya", NameParts("Dr.", "Priya", "Raman")),
        ("Martin Luther King Jr.", NameParts(None, "Martin", "King")),
        ("Martin Luther King, Jr.", NameParts(None, "Martin", "King")),
        ("Jane Smith PhD", NameParts(None, "Jane", "Smith")),
        ("Jack Ma", NameParts(None, "Jack", "Ma")),
        ("  Dr  Priya   Raman  ", NameParts("Dr", "Priya", "Raman")),
        ("dr priya raman", NameParts("dr", "priya", "raman")),
        ("Mr. Smith", NameParts("Mr.", None, "Smith")),
        ("Sra. Lucía Pérez", NameParts("Sra.", "Lucía", "Pérez")),
        ("Dr.", NameParts("Dr.", None, None)),
        ("Jr.", NameParts(None, "Jr.", None)),
        ("", NameParts()),
        ("   ", NameParts()),
        (",", NameParts()),
    ],
)
def test_parse_name(display: str, expected: NameParts) -> None:
    assert parse_name(display) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        "A" * 100_000,
        " ".join(["Dr."] * 10_000),
        "Priya\x00Raman\x1b[31m",
        "\u202eRaman Priya",
        ",,,;;;\t\n\r",
        "\U0001d57b\U0001d597\U0001d58e\U0001d59e\U0001d586 " * 1000,  # Fraktur "Priya"
        "Jr. Jr. Jr.",
    ],
)
def test_hostile_text_never_crashes(hostile: str) -> None:
    parts = parse_name(hostile)
    for helper in (formal_greeting_name, first_name, vcard_n):
        helper(parts, hostile)
    name_key(hostile)


@given(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60))
def test_parts_are_always_taken_from_the_input(display: str) -> None:
    parts = parse_name(display)
    spaced = " ".join(display.split())
    for part in parts:
        assert part is None or (part and part in spaced)


_TRICKY_WORDS = st.sampled_from(
    [
        "Dr.",
        "Prof.",
        "dr",
        "M.",
        "Sr.",
        "Jr.",
        "III",
        "PhD",
        "van",
        "der",
        "Ní",
        ",",
        ", ",
        "王伟",
        "欧阳",
        "김",
        "O'Neil",
        "Mary-Jane",
        "José",
        "Ann",
        " ",
        "\t",
        "\x00",
        "\u200b",
    ]
)


@given(st.lists(_TRICKY_WORDS, min_size=1, max_size=8).map(" ".join))
@example("Jr. , Dr. , Dr.")  # titles on both sides of a comma are not one run
def test_names_made_of_tricky_words_give_parts_from_the_input(display: str) -> None:
    parts = parse_name(display)
    spaced = " ".join(display.split())
    for part in parts:
        assert part is None or (part and part in spaced)
    greeting = formal_greeting_name(parts, display)
    assert greeting is None or (parts.honorific and greeting.startswith(parts.honorific))
    assert first_name(parts, display) in spaced


@pytest.mark.parametrize(
    ("display", "formal", "first"),
    [
        ("Dr. Priya Raman", "Dr. Raman", "Priya"),
        ("Prof. Dr. Jörg Schäfer", "Prof. Dr. Schäfer", "Jörg"),
        ("Dr Anna Schmidt", "Dr Schmidt", "Anna"),
        ("José Núñez", None, "José"),
        ("Aoife Ní Bhriain", None, "Aoife"),
        ("Mary-Jane O'Neil", None, "Mary-Jane"),
        ("王伟", None, "王伟"),
        ("Cher", None, "Cher"),
        ("Mr. Smith", "Mr. Smith", "Mr. Smith"),
        ("Dr.", None, "Dr."),
    ],
)
def test_greeting_names(display: str, formal: str | None, first: str) -> None:
    parts = parse_name(display)
    assert formal_greeting_name(parts, display) == formal
    assert first_name(parts, display) == first


def test_greeting_names_parse_the_display_when_no_parts_are_set() -> None:
    assert formal_greeting_name(NameParts(), "Dr. Priya Raman") == "Dr. Raman"
    assert first_name(NameParts(), "  Priya  Raman ") == "Priya"
    assert first_name(NameParts(), "   ") == ""


def test_parts_set_by_hand_win_and_a_title_is_never_doubled() -> None:
    display = "Priya Raman"
    assert first_name(NameParts(given_name="Priya", address_as="PJ"), display) == "PJ"
    by_hand = NameParts(honorific="Dr.", given_name="Priya", family_name="Dr. Raman")
    assert formal_greeting_name(by_hand, display) == "Dr. Raman"
    assert formal_greeting_name(NameParts(honorific="Dr.", family_name="Dr."), display) is None


@pytest.mark.parametrize(
    ("display", "n"),
    [
        ("Dr. Priya Raman", ("Raman", "Priya", "", "Dr.", "")),
        ("Prof. Dr. Jörg Schäfer", ("Schäfer", "Jörg", "", "Prof. Dr.", "")),
        ("Martin Luther King Jr.", ("King", "Martin", "Luther", "", "Jr.")),
        ("Ludwig van Beethoven", ("van Beethoven", "Ludwig", "", "", "")),
        ("王伟", ("王", "伟", "", "", "")),
        ("Cher", ("", "Cher", "", "", "")),
        ("", ("", "", "", "", "")),
    ],
)
def test_vcard_n(display: str, n: tuple[str, str, str, str, str]) -> None:
    assert vcard_n(parse_name(display), display) == n


def test_vcard_n_drops_parsed_extras_when_the_parts_were_set_by_hand() -> None:
    display = "Martin Luther King Jr."
    assert vcard_n(NameParts(given_name="ML", family_name="King"), display) == ("King", "ML", "", "", "")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("José Núñez", "jose nunez"),
        ("  JOSE   nunez ", "jose nunez"),
        ("Mary-Jane O’Neil", "mary jane oneil"),  # noqa: RUF001 - a typographic apostrophe
        ("Dr. Priya Raman", "dr priya raman"),
        ("Søren Łukasz Straße", "soren lukasz strasse"),
        ("Ｊｏｓé", "jose"),  # full-width letters
        ("がぎ", "がぎ"),  # a kana voicing mark is not an accent
        ("王伟", "王伟"),
        ("Priya\x00\u200bRaman", "priyaraman"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@dataclass
class Someone:
    id: int
    name: str


PEOPLE = [
    Someone(1, "José Núñez"),
    Someone(2, "Dr. Priya Raman"),
    Someone(3, "Ann"),
    Someone(4, "Ann Lee"),
    Someone(5, "Anne Ng"),
    Someone(6, "王伟"),
]


def _find(query: str, people: list[Someone] = PEOPLE) -> int | None:
    found = find_person(people, query, name_of=lambda person: person.name)
    return found.id if found else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("José Núñez", 1),
        ("Jose Nunez", 1),
        ("jose núñez", 1),
        ("  JOSÉ  NÚÑEZ ", 1),
        ("Priya Raman", 2),
        ("Raman, Priya", 2),
        ("dr priya raman", 2),
        ("Ann", 3),
        ("ann", 3),
        ("王伟", 6),
        ("Ann Lee", 4),
        ("Lee", None),
        ("Priya", None),
        ("Nobody Here", None),
        ("", None),
        ("...", None),
    ],
)
def test_find_person(query: str, expected: int | None) -> None:
    assert _find(query) == expected


def test_find_person_never_matches_by_prefix() -> None:
    assert _find("Ann", [Someone(4, "Ann Lee"), Someone(5, "Anne Ng")]) is None


def test_an_exact_name_wins_over_a_name_equal_only_by_key() -> None:
    people = [Someone(1, "José Núñez"), Someone(2, "Jose Nunez")]
    assert _find("Jose Nunez", people) == 2
    assert _find("José Núñez", people) == 1


@pytest.mark.parametrize(
    ("people", "query"),
    [
        ([Someone(1, "José Núñez"), Someone(2, "Jose Nunez")], "jose nunez"),
        ([Someone(1, "Priya Raman"), Someone(2, "Priya Raman")], "Priya Raman"),
        ([Someone(1, "Dr. Priya Raman"), Someone(2, "Prof. Priya Raman")], "Priya Raman"),
    ],
)
def test_an_ambiguous_name_is_a_user_error_naming_the_candidates(people: list[Someone], query: str) -> None:
    with pytest.raises(UserError, match="matches 2 people") as caught:
        find_person(people, query, name_of=lambda p: p.name, label_of=lambda p: f"#{p.id} {p.name}")
    assert "#1" in caught.value.message
    assert "#2" in caught.value.message
    assert caught.value.hint
    assert "id" in caught.value.hint


def test_find_person_uses_the_stored_parts_when_given() -> None:
    people = [Someone(1, "PJ Raman"), Someone(2, "Priya Raman-Iyer")]
    stored = {1: NameParts(given_name="Priya", family_name="Raman"), 2: NameParts()}
    found = find_person(people, "Priya Raman", name_of=lambda p: p.name, parts_of=lambda p: stored[p.id])
    assert found is people[0]
    assert find_person(people, "Priya Raman-Iyer", name_of=lambda p: p.name, parts_of=lambda p: stored[p.id])
