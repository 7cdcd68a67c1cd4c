"""``afterview log --from FILE|-``: what a calendar invitation fills in before ``log`` asks for the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from afterview.actions.interviews import NewRound
from afterview.cli import inputs
from afterview.errors import UserError
from afterview.models.enums import Format, Stage
from afterview.models.records import Person

if TYPE_CHECKING:
    import datetime as dt

    from afterview.cli.answers import Answers
    from afterview.formats.invitations import Attendee, Invitation, Invitations
    from afterview.models.document import Document

MAX_INTERVIEWERS = 25
"""The interviewers one invitation gives at most (a panel is a handful; a company-wide meeting is not an
interview, and each interviewer gets steps of their own)."""


def take_invitation(
    answers: Answers, *, source: str, document: Document, zone: str | None, ask: bool, json_: bool
) -> tuple[Invitation, ...]:
    """Read the invitation in ``source`` and return the sessions still to log (``answers`` filled from the
    first). Sessions already logged (by UID) are moved, and cancelled ones cancelled, through
    :func:`afterview.actions.invitations.follow_invitation`, whose result is shown here.
    """
    from afterview.actions.invitations import Cancel, Move, follow_invitation, round_with_uid
    from afterview.render.invitations import followed
    from afterview.render.results import emit

    me = document.profile.email
    message = read_message(source, me=me, zone=zone)
    logged = [s for s in message.sessions if round_with_uid(document, s.uid) is not None]
    fresh = tuple(s for s in message.sessions if s not in logged)
    if logged or message.cancellations:
        moves = [Move(s.uid or "", s.sequence, moved_round(s, me=me, zone=zone), s.summary) for s in logged]
        cancels = [Cancel(c.uid, c.sequence, c.summary) for c in message.cancellations]
        emit(follow_invitation(moves=moves, cancels=cancels), json_=json_, human=followed)
    if fresh:
        fill_from(answers, fresh[0], me=me, ask=ask)
    if len(fresh) > 1:
        several_sessions(fresh, ask=ask)
    return fresh


def read_message(source: str, *, me: str | None, zone: str | None) -> Invitations:
    """Every event of the calendar message in ``source`` (a file, or ``-`` for stdin), floating times read
    in ``zone`` (yours) when the calendar names none."""
    from afterview.formats.invitations import read_invitations

    return read_invitations(_read(source), me=me, zone=zone)


def fill_from(answers: Answers, invitation: Invitation, *, me: str | None, ask: bool) -> None:
    """Fill in what the flags left open from one session of an invitation.

    Every flag wins over the invitation. The company is taken when the summary and an e-mail domain agree
    on it; when they disagree (or only one guesses), it is asked on a terminal (the guess as the default)
    and, off one, left to ``--company``. The role is the summary's when ``--role`` is not given.
    """
    if answers.company is None and invitation.company is not None:
        answers.company = _company(invitation, ask=ask)
    if answers.role is None and invitation.role is not None:
        answers.role = invitation.role
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
    if invitation.contact is not None and invitation.contact.email:
        answers.contact = invitation.contact.email
    answers.invitation_uid = invitation.uid
    answers.invitation_sequence = invitation.sequence
    answers.invitation_stamp = invitation.stamp
    _describe(invitation, answers.people)


def _company(invitation: Invitation, *, ask: bool) -> str | None:
    """The company the invitation names, asked on a terminal unless summary and domain agree."""
    guess = invitation.company
    if invitation.company_sure and not invitation.company_conflict:
        return guess
    if ask:
        return inputs.ask("Company", default=guess)
    why = (
        "the summary and the e-mail domain name different companies"
        if invitation.company_conflict
        else "but not for sure"
    )
    raise UserError(
        f"The company is missing (the invitation suggests {guess!r}; {why}).",
        hint=f'Give it with --company (for example --company "{guess}").',
    )


def session_round(invitation: Invitation, *, me: str | None, like: NewRound) -> NewRound:
    """A round for one more session of the invitation, otherwise as ``like`` (the first session's)."""
    people = [_person(attendee) for attendee in invitation.interviewers(me=me)]
    start = invitation.start if invitation.start.tzinfo else invitation.start.replace(tzinfo=like.at.tzinfo)
    if invitation.timezone is None:  # a UTC time, shown in the zone the first session was (as log does)
        start = start.astimezone(like.at.tzinfo)
    end = invitation.end if invitation.end is not None and invitation.end > invitation.start else None
    if end is not None and end.tzinfo is None:
        end = end.replace(tzinfo=start.tzinfo)
    return like._replace(
        at=start,
        ends_at=end,
        timezone=invitation.timezone or like.timezone,
        interviewers=people or like.interviewers,
        location=invitation.link or invitation.location or like.location,
        invitation_uid=invitation.uid,
        invitation_sequence=invitation.sequence,
        invitation_stamp=invitation.stamp,
    )


def moved_round(invitation: Invitation, *, me: str | None, zone: str | None) -> NewRound:
    """What a later message for a logged session says the round is now: when, where, who."""
    from afterview.actions import clock

    start = invitation.start
    if start.tzinfo is None:
        start = start.replace(tzinfo=clock.now_in(zone).tzinfo)
    end = invitation.end if invitation.end is not None and invitation.end > invitation.start else None
    if end is not None and end.tzinfo is None:
        end = end.replace(tzinfo=start.tzinfo)
    return NewRound(
        at=start,
        ends_at=end,
        stage=Stage.OTHER,  # not changed by a later message
        format=Format.VIDEO,
        timezone=invitation.timezone,
        interviewers=[_person(attendee) for attendee in invitation.interviewers(me=me)],
        location=invitation.link or invitation.location,
        invitation_stamp=invitation.stamp,
    )


def several_sessions(sessions: tuple[Invitation, ...], *, ask: bool) -> None:
    """Say that the invitation has several sessions, each logged as a round; on a terminal, ask first.

    Raises UserError when the user would rather log them one by one."""
    from afterview.render import console

    summary = sessions[0].summary
    what = f"The invitation {summary!r}" if summary else "The invitation"
    when = ", ".join(session.start.strftime("%a %d %b %H:%M") for session in sessions)
    text = f"{what} has {len(sessions)} sessions ({when})"
    if ask and not typer.confirm(f"{text}. Log one round per session?", default=True):
        raise UserError(f"{text}; nothing was logged.", hint="Log each session with --at.")
    console.note(f"{text}: one round each, in one process.")


def _offset(start: dt.datetime) -> str:
    """`` (UTC+09:00)`` for a start in a zone with no name afterview knows (`` (UTC)`` at offset zero), or
    nothing for a floating time (a note says how it was read)."""
    offset = start.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f" (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})" if minutes else " (UTC)"


def _describe(invitation: Invitation, people: list[Person]) -> None:
    """Say what the invitation gave, before any question (on stderr, as a note)."""
    from afterview.render import console

    when = invitation.start.strftime("%a %d %b %Y %H:%M") + (
        f" ({invitation.timezone})" if invitation.timezone else _offset(invitation.start)
    )
    names = ", ".join(person.name for person in people) or "no interviewers"
    place = invitation.link or invitation.location or "no place or link"
    title = f"{invitation.summary!r}: " if invitation.summary else ""
    console.note(f"From the invitation: {title}{when}; {place}; {names}.")
    for note in invitation.notes:
        console.note(note)


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


def log_every_session(
    sessions: tuple[Invitation, ...],
    *,
    first: NewRound,
    company: str,
    role: str,
    me: str | None,
    source: str | None,
    join: int | None,
    json_: bool,
) -> None:
    """Log one round per session of the invitation, the first as read and asked, the others like it."""
    from afterview.actions.invitations import log_sessions
    from afterview.render.invitations import sessions_logged
    from afterview.render.results import emit

    rounds = [first, *(session_round(session, me=me, like=first) for session in sessions[1:])]
    result = log_sessions(rounds=rounds, company=company, role=role, source=source, join=join)
    emit(result, json_=json_, human=sessions_logged)
