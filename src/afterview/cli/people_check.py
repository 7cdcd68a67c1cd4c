"""Checking the people typed or read at entry (``log``, ``log --from``, ``interviewer``), once.

- A team's mailbox (``recruiting@``, ``careers@``…: :func:`afterview.domain.mailboxes.is_role_mailbox`) is
  no one to thank. Typed with ``--interviewer``, a terminal is asked whether it is a person after all; off
  a terminal it becomes the process's contact address (for follow-ups), never an interviewer, and stderr
  says so.
- When afterview is not sure how to greet someone (a name whose order is a guess), a terminal shows the
  greeting it will use ("Greeting: Dear Zhang Wei,") and takes the family and given name, stored in the
  person's name parts; off a terminal the guess is kept and stderr says so (as every draft resting on it
  will).
"""

from __future__ import annotations

from collections.abc import Sequence

from afterview.cli import inputs
from afterview.domain.greetings import Language, Style, greeting_check
from afterview.domain.mailboxes import is_role_mailbox
from afterview.domain.people import read_name
from afterview.models.records import Person
from afterview.render import console


def split_mailboxes(people: Sequence[Person], *, ask: bool) -> tuple[list[Person], str | None]:
    """``people`` less the team mailboxes not confirmed as a person, and the first of those (its address):
    the process's contact."""
    kept: list[Person] = []
    contact: str | None = None
    for person in people:
        if not is_role_mailbox(person.email):
            kept.append(person)
            continue
        question = f"{person.email} looks like a team's mailbox. Thank {person.name} as an interviewer?"
        if ask and inputs.confirm(question, default=False):
            kept.append(person)
            continue
        contact = contact or person.email
        console.note(
            f"{person.email} is a team's mailbox: kept as the process's contact address for follow-ups, "
            "not as an interviewer (no thank-you or network step)."
        )
    return kept, contact


def confirm_greetings(
    people: Sequence[Person], *, ask: bool, language: Language, style: Style
) -> list[Person]:
    """``people``, each whose greeting rests on a guess confirmed or corrected on a terminal (stored in
    their name parts), or kept and said on stderr off one."""
    confirmed = []
    for person in people:
        check = greeting_check(person, style=style, language=language)
        if check.confident:
            confirmed.append(person)
            continue
        if not ask:
            console.warn(
                f"The greeting {check.line!r} for {person.name} is a guess: {check.reason}. Drafts will "
                "use it; set the name's parts with afterview interviewer ID NAME --given-name --family-name."
            )
            confirmed.append(person)
            continue
        console.note(f"Greeting: {check.line} ({check.reason})")
        parts = read_name(person.name).parts
        family = inputs.ask("  Family name", default=parts.family_name or "", required=False)
        given = inputs.ask("  Given name", default=parts.given_name or "", required=False)
        same = (family or None, given or None) == (parts.family_name, parts.given_name)
        confirmed.append(
            person.model_copy(
                update={
                    "honorific": parts.honorific,
                    "family_name": inputs.field_text(family, "family_name") if family else None,
                    "given_name": inputs.field_text(given, "given_name") if given else None,
                    "address_as": parts.address_as if same else None,
                }
            )
        )
    return confirmed
