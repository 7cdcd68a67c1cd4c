"""``afterview log``: record an interview right after it happens."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from afterview.actions import clock, session
from afterview.actions.interviews import NewRound, log_round
from afterview.actions.lookup import find_process
from afterview.actions.typed import year_echo
from afterview.cli import inputs
from afterview.cli.answers import Answers
from afterview.cli.people_check import confirm_greetings, split_mailboxes
from afterview.domain.dates import needs_date_order, parse_date, parse_moment
from afterview.domain.interviews import open_process_named
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Format, Stage
from afterview.models.records import Paperwork, Person, Process

if TYPE_CHECKING:
    from afterview.formats.invitations import Invitation
from afterview.render import console, views
from afterview.render.results import emit


def log(  # the command's options, as Typer passes them
    *,
    company: str | None = None,
    role: str | None = None,
    at: str | None = None,
    stage: str | None = None,
    format_: str | None = None,
    interviewer: list[str] | None = None,
    next_steps: str | None = None,
    decision_by: str | None = None,
    paperwork: list[str] | None = None,
    references: bool | None = None,
    note: str | None = None,
    location: str | None = None,
    tz: str | None = None,
    process: str | None = None,
    source: str | None = None,
    from_: str | None = None,
    no_input: bool = False,
    json_: bool = False,
) -> None:
    """Record the round the options describe, asking on a terminal for what they leave out; read an
    invitation with ``from_`` (a path, or ``-`` for standard input)."""
    ask = inputs.interactive(no_input)
    # Read once, before any prompt (a corrupt store fails here) and without the lock, as prompts may follow;
    # the transaction takes this document over when nothing changed the file meanwhile.
    snapshot = session.open_store().read(open_only=True)
    profile_zone = snapshot.profile.timezone
    answers = Answers(
        company=company,
        role=role,
        at=at,
        stage=stage,
        format=format_,
        interviewers=list(interviewer or []),
        next_steps=next_steps,
        decision_by=decision_by,
        paperwork=list(paperwork or []),
        references=references,
        note=note,
        location=location,
        timezone=inputs.timezone(tz) if tz is not None else None,
    )
    sessions: tuple[Invitation, ...] = ()
    if from_ is not None:
        from afterview.cli.invitation import take_invitation

        own = profile_zone or clock.system_zone()
        sessions = take_invitation(answers, source=from_, document=snapshot, zone=own, ask=ask, json_=json_)
        if not sessions:  # it moved or cancelled rounds already logged, and logs no new one
            return
    zone = answers.timezone
    now = clock.now_in(zone or profile_zone)
    joined = None
    if process is not None:
        joined, _ = find_process(snapshot, process)
        answers.company = answers.company if answers.company is not None else joined.company
        answers.role = answers.role if answers.role is not None else joined.role
    answers.company = inputs.field_text(_required(answers.company, "company", "Company", ask=ask), "company")
    answers.role = inputs.field_text(_required(answers.role, "role", "Role", ask=ask), "role")
    if joined is None:  # asked before the other questions, and without holding the store's lock
        joined = _same_process(snapshot, answers.company, answers.role, ask=ask)
    new_round = _read(
        answers,
        now=now,
        ask=ask,
        order=_date_order(answers, snapshot, ask=ask),
        zone=zone or profile_zone or clock.system_zone(),
    )
    people, contact = split_mailboxes(new_round.interviewers, ask=ask)
    profile = snapshot.profile
    people = confirm_greetings(
        people, ask=ask, language=profile.language or "en", style=profile.greeting or "auto"
    )
    new_round = new_round._replace(interviewers=people)
    if len(sessions) > 1:
        from afterview.cli.invitation import log_every_session

        me = snapshot.profile.email
        log_every_session(
            sessions, first=new_round, company=answers.company, role=answers.role, me=me,
            source=inputs.field_text(source, "source") if source else None,
            join=joined.id if joined is not None else None, json_=json_,
        )  # fmt: skip
        return
    result = log_round(
        new_round=new_round,
        contact=contact or answers.contact,
        company=answers.company,
        role=answers.role,
        source=inputs.field_text(source, "source") if source else None,
        join=joined.id if joined is not None else None,
        shown_in=now.tzinfo,
        snapshot=snapshot,
    )
    emit(
        result,
        json_=json_,
        human=lambda logged: views.created(logged.interview, now=logged.now, local=logged.local),
    )


def _same_process(document: Document, company: str, role: str, *, ask: bool) -> Process | None:
    """An open process for the same company and role to add this round to: asked on a terminal,
    else a hint (a new process is started, as the flags said nothing)."""
    same = open_process_named(document, company, role)
    if same is None:
        return None
    label = f"P{same.id} ({same.company} · {same.role}, {same.status.value})"
    if ask and inputs.confirm(f"Is this the next round of {label}?", default=True):
        return same
    if not ask:
        console.note(
            f"Started a new process; to add this as the next round of {label}, log with --process P{same.id}."
        )
    return None


def _date_order(answers: Answers, document: Document, *, ask: bool) -> str | None:
    """The user's date order, looked up only when a date typed (or to be typed) may need it."""
    typed = (answers.at, answers.decision_by)
    if not ask and not any(text and needs_date_order(text) for text in typed):
        return None
    return session.date_order(document.profile)


def _read(answers: Answers, *, now: dt.datetime, ask: bool, order: str | None, zone: str | None) -> NewRound:
    """Check every answer, prompting for what is missing when ``ask``, else failing naming the field."""
    if answers.at is None and answers.moment is not None:
        # in the zone it happens in (the invitation's, else yours), a floating time read in that zone
        at = _in_zone(answers.moment, now)
    elif answers.at is None and ask:
        asked = inputs.ask_date(
            "When (date or date-time)",
            lambda t: parse_moment(t, now=now, order=order, nearest=True),
            default="now",
        )
        assert asked is not None  # a default is given, so there is always an answer
        at = asked
    else:
        at = parse_moment(answers.at or "now", now=now, order=order, nearest=True)
        echo = year_echo(answers.at or "now", at.date(), today=now.date())
        if echo is not None:
            console.note(echo)
    stage = _choice(answers.stage, Stage, "stage", ask=ask, default=answers.stage_guess or Stage.OTHER)
    format_ = _choice(answers.format, Format, "format", ask=ask, default=Format.VIDEO)
    return NewRound(
        at=at,
        ends_at=_in_zone(answers.ends_at, now)
        if answers.at is None and answers.ends_at is not None
        else None,
        timezone=zone,
        stage=stage,
        format=format_,
        interviewers=_people(answers, ask=ask),
        next_steps=_next_steps(answers, ask=ask),
        decision_by=_decision_by(answers, now=now, ask=ask, order=order),
        paperwork=_paperwork(answers, ask=ask),
        references_may_call=_references(answers, ask=ask),
        location=inputs.field_text(answers.location, "location") if answers.location else None,
        notes=inputs.field_text(answers.note, "notes") if answers.note else None,
        invitation_uid=answers.invitation_uid,
        invitation_sequence=answers.invitation_sequence,
        invitation_stamp=answers.invitation_stamp,
    )


def _people(answers: Answers, *, ask: bool) -> list[Person]:
    """The interviewers: from ``--interviewer``, else the invitation's, else asked for."""
    if answers.interviewers:
        return [inputs.interviewer(spec) for spec in answers.interviewers]
    if answers.people is not None:
        return answers.people
    return _ask_interviewers() if ask else []


def _next_steps(answers: Answers, *, ask: bool) -> str | None:
    next_steps = answers.next_steps
    if next_steps is None and ask:
        next_steps = inputs.ask("What did they say about next steps?", required=False) or None
    return inputs.field_text(next_steps, "next_steps") if next_steps else None


def _decision_by(answers: Answers, *, now: dt.datetime, ask: bool, order: str | None) -> dt.date | None:
    if answers.decision_by is None and ask:
        return inputs.ask_date(
            "When should you hear back? (blank if they did not say)",
            lambda t: parse_date(t, today=now.date(), order=order),
            required=False,
        )
    return parse_date(answers.decision_by, today=now.date(), order=order) if answers.decision_by else None


def _paperwork(answers: Answers, *, ask: bool) -> list[Paperwork]:
    items = answers.paperwork
    if not items and ask:
        items = _ask_lines("Paperwork you were handed, one per line (blank to finish)")
    return [Paperwork(title=inputs.field_text(t, "paperwork")) for t in items]


def _references(answers: Answers, *, ask: bool) -> bool:
    references = answers.references
    if references is None and ask:
        references = inputs.confirm("May they contact your references?", default=False)
    return bool(references)


def _in_zone(moment: dt.datetime, now: dt.datetime) -> dt.datetime:
    return moment.astimezone(now.tzinfo) if moment.tzinfo is not None else moment.replace(tzinfo=now.tzinfo)


def _required(value: str | None, flag: str, label: str, *, ask: bool) -> str:
    if value is not None:
        return value
    if ask:
        return inputs.ask(label)
    raise UserError(
        f"The {flag} is missing.",
        hint=f"Give it with --{flag}, or run afterview log on a terminal to be asked.",
    )


def _choice(value: str | None, enum: type[inputs.E], field: str, *, ask: bool, default: inputs.E) -> inputs.E:
    if value is not None:
        return inputs.choice(value, enum, field=field)
    if not ask:
        return default
    options = "/".join(str(member.value) for member in enum)
    answer = inputs.ask_until_valid(
        f"{field.capitalize()} ({options})",
        lambda t: inputs.choice(t, enum, field=field),
        default=str(default.value),
    )
    assert answer is not None
    return answer


def _ask_interviewers() -> list[Person]:
    people: list[Person] = []
    inputs.say("Interviewers, one at a time (blank name to finish).")
    while name := inputs.ask(f"Interviewer {len(people) + 1} name", required=False):
        try:
            if "<" in name or "," in name:  # typed as --interviewer takes it: "Name, Title <email>"
                person = inputs.interviewer(name)
            else:
                person = Person(name=inputs.field_text(name, "name"))
                title = inputs.ask("  Title", required=False)
                if title:
                    person = person.model_copy(update={"title": inputs.field_text(title, "title")})
        except UserError as error:
            inputs.say(f"{error.message} {error.hint or ''}".strip(), err=True)
            continue
        if person.email is None:
            email = inputs.ask_until_valid("  Email", inputs.email_address, required=False)
            person = person.model_copy(update={"email": email})
        people.append(person)
    return people


def _ask_lines(label: str) -> list[str]:
    inputs.say(label)
    lines: list[str] = []
    while line := inputs.ask("  Item", required=False):
        lines.append(line)
    return lines
