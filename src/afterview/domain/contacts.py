"""Your contacts in the store: interviewers added or updated by name, and your references (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from afterview.domain.people import name_key
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.records import Person, Reference


def same_name(first: str, second: str) -> bool:
    """Whether two names are the same person's, ignoring case, accents and punctuation
    (:func:`afterview.domain.people.name_key`: "Jose Nunez" is "José Núñez")."""
    return name_key(first) == name_key(second)


def same_person(first: Person, second: Person) -> bool:
    """Whether two people (say, in two rounds of one process) are one person: the same email, compared
    casefolded, or the same :func:`afterview.domain.people.name_key` ("José Núñez" and "jose nunez")."""
    if first.email and second.email and first.email.strip().casefold() == second.email.strip().casefold():
        return True
    return bool(name_key(first.name)) and same_name(first.name, second.name)


@dataclass(frozen=True)
class Interviewers:
    """An interview's interviewers after adding one, and what that did."""

    people: list[Person]
    position: int
    """Where the person added or updated is in ``people``."""
    added: bool
    """Whether they are new (else an interviewer of the same name was updated, or already as given)."""
    changed: bool

    @property
    def person(self) -> Person:
        """The interviewer added or updated, as they are now."""
        return self.people[self.position]


def add_interviewer(interviewers: Sequence[Person], person: Person) -> Interviewers:
    """``interviewers`` with ``person`` added, or merged into the one with the same name.

    Merging keeps what ``person`` does not say: their title and email, when not given, stay as they were.
    """
    people = list(interviewers)
    same = next((n for n, p in enumerate(people) if same_name(p.name, person.name)), None)
    if same is None:
        return Interviewers([*people, person], position=len(people), added=True, changed=True)
    old = people[same]
    people[same] = old.model_copy(
        update={"title": person.title or old.title, "email": person.email or old.email}
    )
    return Interviewers(people, position=same, added=False, changed=people[same] != old)


def add_reference(document: Document, fields: Mapping[str, object]) -> Reference:
    """Add a reference made of ``fields`` to ``document`` under a new id (never reused), and return it.

    Raises UserError when a reference with the same name exists.
    """
    name = str(fields["name"])
    if any(same_name(r.name, name) for r in document.references):
        raise UserError(
            f"You already have a reference named {name}; nothing was changed.",
            hint="See them with: afterview ref list",
        )
    new_id = max([document.next_reference_id, *(r.id + 1 for r in document.references)])
    reference = Reference.model_validate({"id": new_id, **fields})
    document.references.append(reference)
    document.next_reference_id = new_id + 1
    return reference


def remove_reference(document: Document, reference_id: int) -> Reference:
    """Remove reference ``reference_id`` from ``document`` (its id is not given again), and return it.

    Raises UserError when there is no such reference.
    """
    reference = next((r for r in document.references if r.id == reference_id), None)
    if reference is None:
        raise UserError(
            f"There is no reference {reference_id}; nothing was changed.",
            hint="See them with: afterview ref list",
        )
    document.references.remove(reference)
    document.next_reference_id = max(document.next_reference_id, reference.id + 1)
    return reference
