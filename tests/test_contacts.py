"""Interviewers and references found by name, and references added and removed (pure)."""

from __future__ import annotations

import pytest

from afterview.domain.contacts import add_interviewer, add_reference, remove_reference, same_name
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.records import Person, Reference


def test_same_name_ignores_case_accents_and_spacing_only() -> None:
    assert same_name("Jane DOE", "jane doe")
    assert same_name("STRASSE", "straße")  # casefold, as Python folds it
    assert same_name("Jane Doe", "Jane  Doe")
    assert same_name("José Núñez", "Jose Nunez")
    assert not same_name("Jane Doe", "Jane Doer")
    assert not same_name("Ann", "Ann Lee")


def test_a_new_interviewer_is_added_at_the_end() -> None:
    jane = Person(name="Jane Doe")
    result = add_interviewer([jane], Person(name="Raj Patel", email="raj@acme.com"))
    assert (result.added, result.changed, result.position) == (True, True, 1)
    assert [p.name for p in result.people] == ["Jane Doe", "Raj Patel"]
    assert result.person.email == "raj@acme.com"


def test_the_same_name_updates_what_is_given_and_keeps_the_rest() -> None:
    jane = Person(name="Jane Doe", title="CTO")
    result = add_interviewer([jane], Person(name="jane doe", email="jane@acme.com"))
    assert (result.added, result.changed, result.position) == (False, True, 0)
    assert result.people == [Person(name="Jane Doe", title="CTO", email="jane@acme.com")]


def test_the_same_interviewer_as_given_changes_nothing() -> None:
    jane = Person(name="Jane Doe", title="CTO", email="jane@acme.com")
    result = add_interviewer([jane], Person(name="JANE DOE", title="CTO"))
    assert (result.added, result.changed) == (False, False)
    assert result.people == [jane]


def test_a_reference_gets_an_id_never_given_before() -> None:
    document = Document(references=[Reference(id=2, name="Ann Smith")], next_reference_id=5)
    reference = add_reference(document, {"name": "Bo Lee", "email": "bo@example.com"})
    assert (reference.id, reference.email) == (5, "bo@example.com")
    assert document.next_reference_id == 6
    assert document.references[-1] == reference


def test_a_reference_id_is_past_every_existing_one() -> None:
    document = Document(references=[Reference(id=7, name="Ann Smith")], next_reference_id=1)
    assert add_reference(document, {"name": "Bo Lee"}).id == 8


def test_a_second_reference_of_the_same_name_is_refused() -> None:
    document = Document(references=[Reference(id=1, name="Ann Smith")])
    with pytest.raises(
        UserError, match=r"You already have a reference named ann smith; nothing was changed\."
    ):
        add_reference(document, {"name": "ann smith"})
    assert len(document.references) == 1


def test_removing_a_reference_keeps_its_id_from_coming_back() -> None:
    document = Document(references=[Reference(id=3, name="Ann Smith")], next_reference_id=1)
    removed = remove_reference(document, 3)
    assert removed.name == "Ann Smith"
    assert document.references == []
    assert document.next_reference_id == 4


def test_removing_an_unknown_reference_is_refused() -> None:
    with pytest.raises(UserError, match=r"There is no reference 9; nothing was changed\."):
        remove_reference(Document(), 9)


def test_an_interviewer_typed_without_accents_updates_the_one_with_them() -> None:
    """``interviewer 2 "Jose Nunez <jose@x.co>"`` gives José Núñez his email, and adds no second person."""
    stored = [Person(name="José Núñez"), Person(name="Ann Lee", email="ann@x.co")]
    added = add_interviewer(stored, Person(name="Jose Nunez", email="jose@x.co"))
    assert (added.added, added.changed, added.position) == (False, True, 0)
    assert [(p.name, p.email) for p in added.people] == [("José Núñez", "jose@x.co"), ("Ann Lee", "ann@x.co")]
    assert same_name("Mary-Jane O'Neil", "mary jane oneil")
