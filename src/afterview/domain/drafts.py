"""Messages afterview suggests: pure functions from an interview, a profile and a template to drafts.

Every draft is written as of ``now`` (days read "today", "yesterday", "on Monday"), greets its reader by
:mod:`afterview.domain.greetings`, and checks the process first (:mod:`afterview.domain.process_check`):
no follow-up after a rejection unless forced. A fact the user never had (a decision date nobody gave, a
follow-up never sent) changes the sentence; data the user has but did not enter (their own name, whom
they met) becomes a visible ``[add …]`` marker with a warning saying what to add, so no placeholder ever
reaches a message unfilled. Whom a draft is addressed to is :mod:`afterview.domain.recipients`; which
debrief topic a note mentions, :mod:`afterview.domain.topics`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from afterview.domain import phrasing
from afterview.domain.greetings import Language, parts_of, reference_greeting
from afterview.domain.identities import WORDINGS, earlier_rounds, panel_wordings, thanked_before
from afterview.domain.mailboxes import is_role_mailbox
from afterview.domain.message_fields import Fill, common_fields, name_fields
from afterview.domain.people import NameParts
from afterview.domain.phrasing import one_line
from afterview.domain.recipients import by_name, callers, checked_email, interviewers_named, recipient
from afterview.domain.templates import Template, render
from afterview.domain.topics import plain_topics, topic_for
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Status, StepKind, StepState
from afterview.models.records import Interview, Person, Profile, Reference, Step


@dataclass(frozen=True)
class Draft:
    """A message ready to paste or send, and the step that sending it completes."""

    kind: str
    to_name: str
    to_email: str | None
    subject: str
    body: str
    step_kind: StepKind | None = None
    step_key: str | None = None
    person: str | None = None
    warnings: tuple[str, ...] = field(default=())

    def closes(self, step: Step) -> bool:
        """Whether sending this draft completes ``step``."""
        if self.step_kind is None or step.kind is not self.step_kind:
            return False
        return step.key == self.step_key or (self.person is not None and step.person == self.person)


def thank_you_notes(
    interview: Interview,
    profile: Profile,
    *,
    template: Template,
    now: dt.datetime,
    to: str | None = None,
    force: bool = False,
    language: Language | None = None,
    rounds: Sequence[Interview] = (),
) -> list[Draft]:
    """One brief thank-you note per interviewer (or only to those whose name contains ``to``), none to a
    team's mailbox (``recruiting@``…). ``rounds`` are the process's rounds: someone met in an earlier one
    gets a note for this round, never the words of their last one."""
    people = interviewers_named(interview, to) if to is not None else list(interview.interviewers)
    wordings = panel_wordings(interview, rounds)
    earlier = earlier_rounds(interview, rounds)
    return [
        thank_you_note(
            interview,
            person,
            profile,
            template=template,
            now=now,
            force=force,
            language=language,
            wording=wordings[interview.interviewers.index(person)],
            again=thanked_before(person, earlier),
        )
        for person in people
        if not is_role_mailbox(person.email)
    ]


def thank_you_note(
    interview: Interview,
    person: Person,
    profile: Profile,
    *,
    template: Template,
    now: dt.datetime,
    force: bool = False,
    language: Language | None = None,
    wording: int | None = None,
    again: bool = False,
) -> Draft:
    """A thank-you note as the article has it: thanks for the time, eagerness to work for the company,
    excitement about the position, an invitation to get in touch; personal where the debrief allows.

    Notes to a panel differ: each has that person's own topic (else a shared one, dealt in turn), and its
    own ``wording`` (``variant`` 1 to 6: an ``opening`` of three and a ``closing`` of two; default: its
    place on the panel). ``again``: they were thanked after an earlier round ("Thank you again for…").
    """
    fill = common_fields(
        interview, person, profile, now=now, kind="thank-you", force=force, language=language
    )
    index = interview.interviewers.index(person)
    topic = topic_for(person, interview.debrief, position=index)
    fill.values["topic"] = topic.text if topic else ""
    variant = wording if wording is not None else index % WORDINGS + 1
    fill.values["variant"] = variant
    fill.values["opening"] = (variant - 1) % 3 + 1
    fill.values["closing"] = (variant - 1) % 2 + 1
    fill.values["again"] = again
    return _compose(
        "thank-you",
        template,
        fill,
        interview=interview,
        person=person,
        step_kind=StepKind.THANK_YOU,
        step_key=f"thank-you:{index}",
    )


def follow_up(
    interview: Interview,
    profile: Profile,
    *,
    template: Template,
    now: dt.datetime,
    to: str | None = None,
    force: bool = False,
    language: Language | None = None,
) -> Draft:
    """A polite check-in that refers to the timeline they gave (and to none when they gave none)."""
    person = recipient(interview, to)
    fill = common_fields(
        interview, person, profile, now=now, kind="follow-up", force=force, language=language
    )
    fill.values["decision_by"] = _decision_by(interview, fill.language)
    fill.values["next_steps"] = one_line(interview.next_steps or "")
    return _compose(
        "follow-up",
        template,
        fill,
        interview=interview,
        person=person,
        step_kind=StepKind.FOLLOW_UP,
        step_key="follow-up",
    )


def nudge(
    interview: Interview,
    document: Document,
    *,
    template: Template,
    now: dt.datetime,
    to: str | None = None,
    force: bool = False,
    language: Language | None = None,
) -> Draft:
    """The second, briefer check-in, pointing back at the last note: the offer notice when one went out
    (with that offer's deadline), else the first follow-up, else neither."""
    person = recipient(interview, to)
    fill = common_fields(
        interview, person, document.profile, now=now, kind="nudge", force=force, language=language
    )
    fill.values["decision_by"] = _decision_by(interview, fill.language)
    today = now.date()
    sent = next(
        (
            s.done_at
            for s in interview.steps
            if s.kind is StepKind.FOLLOW_UP and s.state is StepState.DONE and s.done_at is not None
        ),
        None,
    )
    fill.values["follow_up_sent"] = _on(sent, now, fill.language) if sent else ""
    notice = next((r for r in reversed(interview.sent) if r.kind == "offer-notice"), None)
    fill.values["offer_notice_sent"] = _on(notice.at, now, fill.language) if notice else ""
    offer = _latest_offer(interview, document) if notice else None
    deadline = offer.process.offer.deadline if offer and offer.process.offer else None
    fill.values["offer_deadline"] = (
        phrasing.long_date(deadline, language=fill.language) if deadline and deadline >= today else ""
    )
    return _compose(
        "nudge",
        template,
        fill,
        interview=interview,
        person=person,
        step_kind=StepKind.NUDGE,
        step_key="nudge",
    )


def reference_notes(
    interview: Interview,
    document: Document,
    *,
    template: Template,
    now: dt.datetime,
    ref: str | None = None,
    emphasis: str | None = None,
    force: bool = False,
    language: Language | None = None,
) -> list[Draft]:
    """A heads-up to each reference (or those whose name contains ``ref``): who may call, what to stress.

    References are your own contacts, greeted by first name ("Hi Anna,").
    """
    references = list(document.references)
    if ref is not None:
        references = by_name(references, ref)
        if not references:
            names = ", ".join(r.name for r in document.references) or "none recorded yet"
            raise UserError(f"No reference matches {ref!r}.", hint=f"Your references: {names}.")
    drafts = []
    every: list[Reference | None] = [*references] or [None]
    for reference in every:
        fill = common_fields(
            interview, None, document.profile, now=now, kind="reference", force=force, language=language
        )
        language = fill.language
        if reference is not None:
            parts = parts_of(reference)
            fill.values.update(name_fields(parts, reference.name))
            fill.values["greeting"] = one_line(reference_greeting(parts, reference.name, language=language))
        else:
            marker = fill.marker(
                "your reference's name",
                'No references are recorded: add one with afterview ref add "Name" --email EMAIL',
            )
            fill.values["name"] = fill.values["first_name"] = marker
            fill.values["greeting"] = reference_greeting(
                NameParts(given_name=marker), marker, language=language
            )
        fill.values["relationship"] = one_line(reference.relationship or "") if reference else ""
        fill.values["callers"] = callers(interview, language=language)
        topics = [phrasing.about_them(t, language=language) for t in plain_topics(interview.debrief)]
        fill.values["focus"] = phrasing.listing(topics, language=language)
        fill.values["emphasis"] = (
            one_line(emphasis)
            if emphasis and emphasis.strip()
            else fill.marker(
                "what they should emphasise",
                "Say what your reference should emphasise with --emphasis, or edit the draft.",
            )
        )
        drafts.append(
            _compose(
                "reference",
                template,
                fill,
                interview=interview,
                person=None,
                to=(str(fill.values["name"]), reference.email if reference else None),
                step_kind=StepKind.REFERENCE,
                step_key=f"reference:{reference.id}" if reference else "reference",
            )
        )
    return drafts


def offer_notice(
    interview: Interview,
    document: Document,
    *,
    template: Template,
    now: dt.datetime,
    to: str | None = None,
    offer_id: int | None = None,
    force: bool = False,
    language: Language | None = None,
) -> Draft:
    """An honest note to a company you are waiting on: an offer arrived elsewhere, and its deadline."""
    offer = _latest_offer(interview, document, offer_id=offer_id)
    person = recipient(interview, to)
    fill = common_fields(
        interview, person, document.profile, now=now, kind="offer-notice", force=force, language=language
    )
    fill.values["offer_company"] = (
        one_line(offer.company)
        if offer
        else fill.marker(
            "the company that made the offer",
            "No offer from another company is recorded; "
            "record it with: afterview outcome ID offer --deadline DATE",
        )
    )
    deadline = offer.process.offer.deadline if offer and offer.process.offer else None
    fill.values["offer_deadline"] = phrasing.long_date(deadline, language=fill.language) if deadline else ""
    if offer is not None and deadline is None:
        fill.warnings.append(
            f"The offer has no deadline recorded, so the note names none; "
            f"add it with: afterview outcome {offer.id} offer --deadline DATE"
        )
    return _compose(
        "offer-notice",
        template,
        fill,
        interview=interview,
        person=person,
        step_kind=StepKind.OFFER_NOTICE,
        step_key=f"offer-notice:{offer.id}" if offer else None,
    )


def withdraw(
    interview: Interview,
    profile: Profile,
    *,
    template: Template,
    now: dt.datetime,
    to: str | None = None,
    force: bool = False,
    language: Language | None = None,
) -> Draft:
    """A courteous note withdrawing from the process."""
    person = recipient(interview, to)
    fill = common_fields(interview, person, profile, now=now, kind="withdraw", force=force, language=language)
    return _compose(
        "withdraw",
        template,
        fill,
        interview=interview,
        person=person,
        step_kind=StepKind.WITHDRAW,
        step_key="withdraw",
    )


def _compose(
    kind: str,
    template: Template,
    fill: Fill,
    *,
    interview: Interview,
    person: Person | None,
    step_kind: StepKind | None,
    step_key: str | None,
    to: tuple[str, str | None] | None = None,
) -> Draft:
    subject, body = render(template, fill.values)
    name, raw_email = to if to else (str(fill.values["name"]), person.email if person else None)
    email = checked_email(raw_email, name=name, interview=interview, warnings=fill.warnings)
    used = [warning for marker, warning in fill.missing.items() if marker in subject or marker in body]
    if email is None and raw_email is None and not name.startswith("[add "):
        used.append(  # shown as "[add their email]" beside the name (render.drafts.recipient)
            f"{name} has no email, so the draft has none; add it with: "
            + (
                f'afterview interviewer {interview.id} "{name} <address>"'
                if person
                else f'afterview ref add "{name}" --email EMAIL'
            )
        )
    return Draft(
        kind=kind,
        to_name=name,
        to_email=email,
        subject=subject,
        body=body,
        step_kind=step_kind,
        step_key=step_key,
        person=person.name if person else None,
        warnings=tuple(dict.fromkeys([*used, *fill.warnings])),
    )


compose_message = _compose
"""Render a template's fill into a :class:`Draft` (for the drafts of other modules)."""


def _decision_by(interview: Interview, language: Language) -> str:
    """When they said they would decide, written out; empty when they never said."""
    return phrasing.long_date(interview.decision_by, language=language) if interview.decision_by else ""


def _on(at: dt.datetime, now: dt.datetime, language: Language) -> str:
    return phrasing.on_day(at.astimezone(now.tzinfo).date(), today=now.date(), language=language)


def _latest_offer(
    interview: Interview, document: Document, *, offer_id: int | None = None
) -> Interview | None:
    """The latest offer from another hiring process, as one of its rounds (``offer_id``'s, when given: a
    user error if it has none)."""
    offers = [
        i for i in document.interviews if i.process_id != interview.process_id and i.status is Status.OFFER
    ]
    if offer_id is not None:
        offers = [i for i in offers if i.id == offer_id]
        if not offers:
            raise UserError(
                f"Interview {offer_id} has no offer recorded.",
                hint="See your interviews with: afterview list",
            )
    return max(
        offers, key=lambda i: (i.process.offer.on if i.process.offer else dt.date.min, i.id), default=None
    )
