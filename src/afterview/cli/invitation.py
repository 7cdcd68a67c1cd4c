"""``afterview log --from FILE|-``: what a calendar invitation fills in before ``log`` asks for the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from afterview.cli import inputs
from afterview.errors import UserError
from afterview.models.enums import Format, Stage
from afterview.models.records import Person

if TYPE_CHECKING:
    from afterview.cli.answers import Answers
    from afterview.formats.invitations import Attendee, Invitation

MAX_INTERVIEWERS = 25
"""The interviewers one invitation gives at most (a panel is a handful; a company-wide meeting is not an
interview, and each interviewer gets steps of their own)."""


def fill_from(answers: Answers, *, source: str, me: str | None, ask: bool) -> None:
    """Fill in what the flags left open from the invitation in ``source`` (a file, or ``-`` for stdin).

    Every flag wins over the invitation. The company is taken when the summary and an e-mail domain agree
    on it, else asked on a terminal (its guess as the default) and, off one, left to ``--company``.
    Raises UserError for a file that cannot be read or is no invitation, and for a cancelled or recurring
    one.
    """
    from afterview.formats.invitations import read_invitation

    invitation = read_invitation(_read(source), me=me)
    if answers.company is None and invitation.company is not None:
        if invitation.company_sure:
            answers.company = invitation.company
        elif ask:
            answers.company = inputs.ask("Company", default=invitation.company)
        else:
            raise UserError(
                f"The company is missing (the invitation suggests {invitation.company!r}, but not for sure).",
                hint=f'Give it with --company (for example --company "{invitation.company}").',
            )
    if answers.timezone is None:
        answers.timezone = invitation.timezone
    answers.moment = invitation.start
    answers.ends_at = (
        invitation.end if invitation.end is not None and invitation.end > invitation.start else None
    )
    if answers.format is None and invitation.link is not None:
        answers.format = Format.VIDEO.value
    if answers.location is None:
        answers.location = invitation.link or invitation.location
    if invitation.stage is not None:
        answers.stage_guess = Stage(invitation.stage)
    attendees = invitation.interviewers(me=me)
    answers.people = [_person(attendee) for attendee in attendees[:MAX_INTERVIEWERS]]
    if len(attendees) > MAX_INTERVIEWERS:
        from afterview.render import console

        console.note(
            f"The invitation lists {len(attendees):,} people; kept the first {MAX_INTERVIEWERS} as "
            'interviewers. Add another with: afterview interviewer ID "NAME <EMAIL>"'
        )
    _describe(invitation, answers.people)


def _describe(invitation: Invitation, people: list[Person]) -> None:
    """Say what the invitation gave, before any question (on stderr, as a note)."""
    from afterview.render import console

    when = invitation.start.strftime("%a %d %b %Y %H:%M") + (
        f" ({invitation.timezone})" if invitation.timezone else " (UTC)" if invitation.start.tzinfo else ""
    )
    names = ", ".join(person.name for person in people) or "no interviewers"
    place = invitation.link or invitation.location or "no place or link"
    title = f"{invitation.summary!r}: " if invitation.summary else ""
    console.note(f"From the invitation: {title}{when}; {place}; {names}.")


def _read(source: str) -> bytes:
    from afterview.cli.capped import read_capped
    from afterview.formats.mail import MAX_MESSAGE_BYTES

    return read_capped(source, cap=MAX_MESSAGE_BYTES, what="an invitation or an e-mail")


def _person(attendee: Attendee) -> Person:
    """An interviewer from an invitation's attendee; a name from the address when the invitation has none."""
    email = None
    if attendee.email is not None:
        try:
            email = inputs.email_address(attendee.email)
        except UserError:
            email = None
    name = attendee.name
    if not name and attendee.email:
        local = attendee.email.split("@")[0]
        name = " ".join(
            part.capitalize() for part in local.replace("_", ".").replace("-", ".").split(".") if part
        )
    family, comma, given = (name or "").partition(",")
    if comma and family.strip() and given.strip() and "," not in given:  # Outlook's "Weber, Anna"
        given = inputs.field_text(given, "given_name", label="interviewer's given name")
        family = inputs.field_text(family, "family_name", label="interviewer's family name")
        name = inputs.field_text(f"{given} {family}", "name", label="interviewer's name")
        return Person(name=name, given_name=given, family_name=family, email=email)
    return Person(name=inputs.field_text(name or "?", "name", label="interviewer's name"), email=email)
