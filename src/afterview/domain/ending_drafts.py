"""The messages at the end of a process (pure): a gracious reply to a rejection that asks for feedback,
a note to get back in touch later, and, once you accept an offer, an update to each reference you told.

Like every draft (:mod:`afterview.domain.drafts`), each greets its reader by
:mod:`afterview.domain.greetings` and names the step that sending it completes.
"""

from __future__ import annotations

import datetime as dt

from afterview.domain.drafts import Draft, compose_message
from afterview.domain.greetings import Language, parts_of, reference_greeting
from afterview.domain.message_fields import common_fields, name_fields
from afterview.domain.phrasing import one_line
from afterview.domain.recipients import by_name, recipient
from afterview.domain.templates import Template
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Status, StepKind
from afterview.models.records import Interview, Profile


def rejection_reply(
    interview: Interview,
    profile: Profile,
    *,
    template: Template,
    now: dt.datetime,
    to: str | None = None,
    force: bool = False,
    language: Language | None = None,
) -> Draft:
    """A short, gracious reply to a rejection: thanks, a request for feedback, the door left open.

    Raises UserError when the process is not marked rejected, unless ``force``.
    """
    if interview.status is not Status.REJECTED and not force:
        raise UserError(
            f"{interview.company}'s process is {interview.status.value}, not rejected; "
            "a reply to a rejection does not fit, so none was drafted.",
            hint=f"Record it with: afterview outcome {interview.id} rejected (or draft anyway with --force)",
        )
    person = recipient(interview, to)
    fill = common_fields(
        interview, person, profile, now=now, kind="rejection-reply", force=force, language=language
    )
    return compose_message(
        "rejection-reply",
        template,
        fill,
        interview=interview,
        person=person,
        step_kind=StepKind.REJECTION_REPLY,
        step_key="rejection-reply",
    )


def reconnect(
    interview: Interview,
    profile: Profile,
    *,
    template: Template,
    now: dt.datetime,
    to: str | None = None,
    force: bool = False,
    language: Language | None = None,
) -> Draft:
    """A note to get back in touch with a company, months after a process there ended."""
    person = recipient(interview, to)
    fill = common_fields(
        interview, person, profile, now=now, kind="reconnect", force=force, language=language
    )
    return compose_message(
        "reconnect",
        template,
        fill,
        interview=interview,
        person=person,
        step_kind=StepKind.RECONNECT,
        step_key="reconnect",
    )


def reference_updates(
    interview: Interview,
    document: Document,
    *,
    template: Template,
    now: dt.datetime,
    ref: str | None = None,
    force: bool = False,
    language: Language | None = None,
) -> list[Draft]:
    """An update to each reference told about any process (or those whose name contains ``ref``): you
    accepted an offer at ``interview``'s company, and thank you.

    Raises UserError when the process is not accepted (unless ``force``), or when nobody is left to tell.
    """
    process = interview.process
    if process.status is not Status.ACCEPTED and not force:
        raise UserError(
            f"{interview.company}'s process is {process.status.value}: you have not accepted their offer, "
            "so there is nothing to tell your references yet.",
            hint=f"Record it with: afterview outcome {interview.id} accepted",
        )
    told = set(process.references_told)
    references = [r for r in document.references if r.id in told] or list(document.references)
    if ref is not None:
        references = by_name(references, ref)
    if not references:
        names = ", ".join(r.name for r in document.references) or "none recorded yet"
        raise UserError("No reference to tell.", hint=f"Your references: {names}.")
    drafts = []
    for reference in references:
        fill = common_fields(
            interview,
            None,
            document.profile,
            now=now,
            kind="reference-update",
            force=force,
            language=language,
        )
        parts = parts_of(reference)
        fill.values.update(name_fields(parts, reference.name))
        fill.values["greeting"] = one_line(reference_greeting(parts, reference.name, language=fill.language))
        fill.values["relationship"] = one_line(reference.relationship or "")
        drafts.append(
            compose_message(
                "reference-update",
                template,
                fill,
                interview=interview,
                person=None,
                to=(reference.name, reference.email),
                step_kind=StepKind.REFERENCE_UPDATE,
                step_key=f"reference-update:{reference.id}",
            )
        )
    return drafts
