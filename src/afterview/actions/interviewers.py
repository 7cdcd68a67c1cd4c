"""Adding an interviewer to a round, or updating the one with the same name (their email, title, the parts
of their name a greeting needs); their thank-you and network steps follow through re-planning."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from afterview.actions.changes import changing
from afterview.actions.lookup import find
from afterview.domain import contacts
from afterview.domain.greetings import parts_of
from afterview.formats.contract import interview_json
from afterview.models.enums import StepState
from afterview.models.records import Interview, Person, Step
from afterview.store.storefile import Unchanged

NAME_PARTS = ("honorific", "given_name", "family_name", "address_as")
"""The stored parts of a person's name (vCard ``N``, RFC 6350 §6.2.2, plus how to address them)."""


def name_parts(person: Person, given: Mapping[str, str | None]) -> dict[str, str | None]:
    """All four stored name parts of ``person`` with the parts ``given`` applied (already cleaned; ""
    clears one); none when no part is given. Parts not given keep what is stored, else what the name reads
    as, so the stored parts are complete (a greeting reads them instead of the name once any is set)."""
    if all(value is None for value in given.values()):
        return {}
    current = parts_of(person)
    parts: dict[str, str | None] = {key: getattr(current, key) for key in NAME_PARTS}
    for key, value in given.items():
        if value is not None:
            parts[key] = value or None
    return parts


@dataclass(frozen=True)
class InterviewerAdded:
    """The round as it is now, the person added or updated (``added``: new on it), whether anything
    changed, and their pending steps."""

    interview: Interview
    person: Person
    added: bool
    changed: bool
    now: dt.datetime

    @property
    def steps(self) -> list[Step]:
        """The person's pending steps on this round."""
        name = self.person.name
        return [s for s in self.interview.steps if s.person == name and s.state is StepState.PENDING]

    def to_json(self) -> Any:
        """The JSON contract: the interview, as it is now."""
        return interview_json(self.interview, now=self.now)


def add_interviewer(
    *, interview_id: int, person: Person, parts: Mapping[str, str | None]
) -> InterviewerAdded:
    """Add ``person`` to the interview, or update the interviewer of the same name; ``parts`` set the
    parts of their name (see :func:`name_parts`)."""
    with changing() as change:
        document = change.document
        interview = find(document, interview_id)
        added = contacts.add_interviewer(interview.interviewers, person)
        extra = name_parts(added.person, parts)
        if extra:
            people = list(added.people)
            old = interview.interviewers[added.position] if not added.added else None
            people[added.position] = people[added.position].model_copy(update=extra)
            added = dataclasses.replace(
                added, people=people, changed=added.changed or people[added.position] != old
            )
        if not added.changed:
            raise Unchanged
        document.put(interview.model_copy(update={"interviewers": added.people, "updated_at": change.now}))
    return InterviewerAdded(
        find(document, interview_id), added.person, added=added.added, changed=added.changed, now=change.now
    )


@dataclass(frozen=True)
class ContactKept:
    """A team's mailbox kept as the process's contact address (not an interviewer)."""

    interview: Interview
    contact: str
    now: dt.datetime

    def to_json(self) -> Any:
        """The JSON contract: the interview, as it is now."""
        return interview_json(self.interview, now=self.now)


def keep_contact(*, interview_id: int, address: str) -> ContactKept:
    """Keep ``address`` (a team's mailbox, ``recruiting@…``) as the contact of the interview's process."""
    with changing() as change:
        process = find(change.document, interview_id).process
        if process.contact == address:
            raise Unchanged
        process.contact = address
        process.updated_at = change.now
        change.document.touch(process.id)
    return ContactKept(find(change.document, interview_id), address, now=change.now)
