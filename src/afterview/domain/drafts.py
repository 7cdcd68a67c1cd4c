"""Messages afterview suggests: pure functions from an interview, a profile and a template to drafts.

Every field a template can use is filled: data the store does not have becomes a visible ``[add …]`` marker,
and the draft carries a warning saying what to add, so no placeholder ever reaches a message unfilled.
Whom a draft is addressed to is :mod:`afterview.domain.recipients`; how values read in it,
:mod:`afterview.domain.wording`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from afterview.domain.recipients import by_name, callers, checked_email, interviewers_named, recipient
from afterview.domain.templates import Template, render
from afterview.domain.wording import listing, long_date, one_line
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Rating, Status, StepKind, StepState
from afterview.models.records import Interview, Person, Profile, Step

TOPIC_WORDS = 20
"""A debrief topic is cut to this many words, so a thank-you note stays brief."""


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


@dataclass
class _Fill:
    """Template values being gathered, with the warning for each ``[add …]`` marker used."""

    values: dict[str, Any]
    missing: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def marker(self, what: str, warning: str) -> str:
        text = f"[add {what}]"
        self.missing[text] = warning
        return text


def thank_you_notes(
    interview: Interview, profile: Profile, *, template: Template, tz: dt.tzinfo, to: str | None = None
) -> list[Draft]:
    """One brief thank-you note per interviewer (or only to those whose name contains ``to``)."""
    people = interviewers_named(interview, to) if to is not None else list(interview.interviewers)
    return [thank_you_note(interview, person, profile, template=template, tz=tz) for person in people]


def thank_you_note(
    interview: Interview, person: Person, profile: Profile, *, template: Template, tz: dt.tzinfo
) -> Draft:
    """A thank-you note as the article has it: thanks for the time, eagerness to work for the company,
    excitement about the position, an invitation to get in touch; personal where the debrief allows."""
    fill = _common(interview, person, profile, tz=tz)
    fill.values["topic"] = _topic(interview) or ""
    index = interview.interviewers.index(person)
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
    interview: Interview, profile: Profile, *, template: Template, tz: dt.tzinfo, to: str | None = None
) -> Draft:
    """A polite check-in that refers to the timeline they gave."""
    person = recipient(interview, to)
    fill = _common(interview, person, profile, tz=tz)
    fill.values["decision_by"] = _decision_by(interview, fill)
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
    interview: Interview, profile: Profile, *, template: Template, tz: dt.tzinfo, to: str | None = None
) -> Draft:
    """The second, briefer check-in, pointing back at the first."""
    person = recipient(interview, to)
    fill = _common(interview, person, profile, tz=tz)
    fill.values["decision_by"] = _decision_by(interview, fill)
    sent = next(
        (
            s.done_at
            for s in interview.steps
            if s.kind is StepKind.FOLLOW_UP and s.state is StepState.DONE and s.done_at is not None
        ),
        None,
    )
    fill.values["follow_up_sent"] = (
        long_date(sent.astimezone(tz).date())
        if sent
        else fill.marker(
            "when you sent your first follow-up",
            f"No follow-up is marked sent for interview {interview.id}; "
            f"after sending one, run: afterview draft follow-up {interview.id} --sent",
        )
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
    tz: dt.tzinfo,
    ref: str | None = None,
    emphasis: str | None = None,
) -> list[Draft]:
    """A heads-up to each reference (or those whose name contains ``ref``): who may call, what to stress."""
    references = list(document.references)
    if ref is not None:
        references = by_name(references, ref)
        if not references:
            names = ", ".join(r.name for r in document.references) or "none recorded yet"
            raise UserError(f"No reference matches {ref!r}.", hint=f"Your references: {names}.")
    recipients: Sequence[tuple[str | None, str | None, str | None, str]] = [
        (r.name, r.email, r.relationship, f"reference:{r.id}") for r in references
    ] or [(None, None, None, "reference")]
    drafts = []
    for name, email, relationship, key in recipients:
        fill = _common(interview, None, document.profile, tz=tz)
        fill.values["name"] = (
            one_line(name)
            if name
            else fill.marker(
                "your reference's name",
                'No references are recorded: add one with afterview ref add "Name" --email EMAIL',
            )
        )
        fill.values["relationship"] = one_line(relationship or "")
        fill.values["callers"] = callers(interview)
        debrief = interview.debrief
        topics = [one_line(t) for t in debrief.thank_you_topics if t.strip()] if debrief else []
        fill.values["focus"] = listing(topics)
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
                to=(fill.values["name"], email),
                step_kind=StepKind.REFERENCE,
                step_key=key,
            )
        )
    return drafts


def offer_notice(
    interview: Interview,
    document: Document,
    *,
    template: Template,
    tz: dt.tzinfo,
    to: str | None = None,
    offer_id: int | None = None,
) -> Draft:
    """An honest note to a company you are waiting on: an offer arrived elsewhere, and its deadline."""
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
    offer = max(
        offers, key=lambda i: (i.process.offer.on if i.process.offer else dt.date.min, i.id), default=None
    )
    person = recipient(interview, to)
    fill = _common(interview, person, document.profile, tz=tz)
    no_offer = (
        "No offer from another company is recorded; "
        "record it with: afterview outcome ID offer --deadline DATE"
    )
    fill.values["offer_company"] = (
        one_line(offer.company) if offer else fill.marker("the company that made the offer", no_offer)
    )
    deadline = offer.process.offer.deadline if offer and offer.process.offer else None
    fill.values["offer_deadline"] = (
        long_date(deadline)
        if deadline
        else fill.marker(
            "the offer's deadline",
            no_offer
            if offer is None
            else "The offer has no deadline recorded; add it with: "
            f"afterview outcome {offer.id} offer --deadline DATE",
        )
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
    interview: Interview, profile: Profile, *, template: Template, tz: dt.tzinfo, to: str | None = None
) -> Draft:
    """A courteous note withdrawing from the process."""
    person = recipient(interview, to)
    fill = _common(interview, person, profile, tz=tz)
    return _compose(
        "withdraw", template, fill, interview=interview, person=person, step_kind=None, step_key=None
    )


def _common(interview: Interview, person: Person | None, profile: Profile, *, tz: dt.tzinfo) -> _Fill:
    day = interview.at.astimezone(tz)
    fill = _Fill(
        {
            "title": one_line(person.title or "") if person else "",
            "company": one_line(interview.company),
            "role": one_line(interview.role),
            "stage": interview.stage.value,
            "interview_day": f"{day:%A}",
            "interview_date": long_date(day.date()),
        }
    )
    fill.values["name"] = (
        one_line(person.name)
        if person and person.name.strip()
        else fill.marker(
            "their name",
            f"Interview {interview.id} has no interviewer to write to; "
            f'add one with: afterview interviewer {interview.id} "Name <email>"',
        )
    )
    no_name = 'Your profile has no name: run afterview profile --name "Your Name".'
    fill.values["my_name"] = one_line(profile.name) if profile.name else fill.marker("your name", no_name)
    if profile.signature:
        fill.values["signature"] = profile.signature.strip()
    elif profile.name:
        contact = " · ".join(part for part in (profile.email, profile.phone) if part)
        name = one_line(profile.name)
        fill.values["signature"] = f"{name}\n{contact}" if contact else name
    else:
        fill.values["signature"] = fill.marker("your name", no_name)
    return fill


def _compose(
    kind: str,
    template: Template,
    fill: _Fill,
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


def _decision_by(interview: Interview, fill: _Fill) -> str:
    if interview.decision_by is not None:
        return long_date(interview.decision_by)
    return fill.marker(
        "the date they said they would decide",
        f"Interview {interview.id} has no decision date; add it to the draft by hand.",
    )


def _topic(interview: Interview) -> str | None:
    debrief = interview.debrief
    if debrief is None:
        return None
    topic = next((one_line(t).rstrip(".") for t in debrief.thank_you_topics if t.strip()), None)
    if topic is not None:
        return _words(topic)
    strong = next((q for q in debrief.questions if q.rating is Rating.STRONG and q.question.strip()), None)
    return f'your question "{_words(one_line(strong.question).rstrip("?."))}"' if strong else None


def _words(text: str) -> str:
    words = text.split()
    return text if len(words) <= TOPIC_WORDS else " ".join(words[:TOPIC_WORDS]) + "…"
