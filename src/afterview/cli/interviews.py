"""``afterview list``, ``show`` and ``interviewer``: what is stored, and adding who you met."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions import session
from afterview.actions.interviewers import add_interviewer, keep_contact
from afterview.cli import inputs
from afterview.cli.handlers import stored
from afterview.cli.options import ChangedJson as ChangedJson  # their home before cli.options
from afterview.cli.options import InterviewId as InterviewId
from afterview.cli.options import Json as Json
from afterview.cli.options import RoundOrProcess as RoundOrProcess
from afterview.domain.dates import DATE_EXAMPLES
from afterview.render.interviews import contact_kept, interviewer_added
from afterview.render.results import emit

Honorific = Annotated[
    str | None, typer.Option("--honorific", help="Their title for a greeting: Dr., Prof. Dr., Ms., Frau Dr.…")
]
GivenName = Annotated[str | None, typer.Option("--given-name", help="Their given name (first name).")]
FamilyName = Annotated[str | None, typer.Option("--family-name", help="Their family name (surname).")]
AddressAs = Annotated[
    str | None, typer.Option("--address-as", help="What to call them by first name, if not the given name.")
]
NAME_PARTS = ("honorific", "given_name", "family_name", "address_as")
"""The stored parts of a person's name; each overrides what afterview reads from the name."""


def name_parts_given(**given: str | None) -> dict[str, str | None]:
    """The name-part options as typed, cleaned by the field rules ("" or blank clears a part)."""
    return {
        key: (inputs.field_text(value, key) if value.strip() else "") if value is not None else None
        for key, value in given.items()
    }


def list_interviews(
    status: Annotated[
        str | None, typer.Option(help="Only this status: waiting, next-round, offer, rejected, ...")
    ] = None,
    company: Annotated[str | None, typer.Option(help="Only companies whose name contains this.")] = None,
    since: Annotated[
        str | None, typer.Option(metavar="DATE", help=f"Only interviews on or after: {DATE_EXAMPLES}.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(metavar="DATE", help="Only interviews on or before this date.")
    ] = None,
    json_: Json = False,
) -> None:
    """List every interview, newest first, optionally filtered.

    Example: afterview list --status waiting --since 2026-11-01 --json
    """
    stored.list_interviews(status=status, company=company, since=since, until=until, json_=json_)


def show(interview_id: RoundOrProcess, json_: Json = False) -> None:
    """Show one interview (who, when, what comes next, its steps) or one hiring process and its rounds.

    Examples: afterview show 7   ·   afterview show P2
    """
    stored.show(interview_id=interview_id, json_=json_)


def interviewer(
    interview_id: InterviewId,
    spec: Annotated[
        str, typer.Argument(metavar='"NAME <EMAIL>"', help='"Name, Title <email>"; title and email optional.')
    ],
    json_: ChangedJson = False,
    honorific: Honorific = None,
    given_name: GivenName = None,
    family_name: FamilyName = None,
    address_as: AddressAs = None,
) -> None:
    """Add an interviewer to an interview, or update one with the same name (say, their email).

    The parts of the name, for greetings, are read from it ("Dr. Priya Raman": Dr., Priya, Raman); the
    options set them where that reading is wrong. Example:

        afterview interviewer 7 "Priya Raman, CTO <priya@acme.com>" --honorific "Dr."
    """
    from afterview.cli.people_check import confirm_greetings, split_mailboxes

    ask = inputs.interactive(False)
    given = name_parts_given(
        honorific=honorific, given_name=given_name, family_name=family_name, address_as=address_as
    )
    people, contact = split_mailboxes([inputs.interviewer(spec)], ask=ask)
    if contact is not None:
        kept = keep_contact(interview_id=interview_id, address=contact)
        emit(kept, json_=json_, human=contact_kept)
        return
    if all(value is None for value in given.values()):
        profile = session.open_store().read(open_only=True).profile
        language, style = profile.language or "en", profile.greeting or "auto"
        people = confirm_greetings(people, ask=ask, language=language, style=style)
    result = add_interviewer(interview_id=interview_id, person=people[0], parts=given)
    emit(result, json_=json_, human=interviewer_added)
