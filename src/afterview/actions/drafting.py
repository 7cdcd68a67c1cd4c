"""Drafting messages (``draft-thanks``, ``draft KIND``): in the reader's language, saying what to check.

A draft is written in ``--language`` when given (and the process keeps it for its next drafts), else in the
process's language, else the profile's. Debrief text a draft quotes (a topic, a question) in another
language is named in a warning, as is a greeting that rests on a guessed name order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from afterview.actions import session
from afterview.actions.changes import changing
from afterview.actions.lookup import find
from afterview.domain.drafts import Draft
from afterview.domain.greetings import Language
from afterview.domain.phrasing import one_line
from afterview.domain.templates import Template
from afterview.domain.topics import debrief_texts
from afterview.models.document import Document
from afterview.models.records import Interview
from afterview.store.storefile import Unchanged

Loader = Callable[[str], Template]
"""Loads a template by name, in the draft's language."""
Composer = Callable[[Interview, Document, dt.datetime, Loader, Language], Sequence[Draft]]
"""Drafts the messages of one round: the round, the store, now, the template loader, the language."""


@dataclass(frozen=True)
class Drafted:
    """The drafts of one round, the language they are in, and who signs them (name, email)."""

    interview: Interview
    drafts: list[Draft]
    language: Language
    sender: tuple[str | None, str | None]

    def to_json(self) -> Any:
        """The drafts as ``--json`` prints them: kind, to_name, to_email, subject, body, warnings."""
        keys = ("kind", "to_name", "to_email", "subject", "body")
        return [{**{key: getattr(d, key) for key in keys}, "warnings": list(d.warnings)} for d in self.drafts]


def draft_messages(
    *,
    interview_id: int,
    compose: Composer,
    load: Callable[[str, Language], Template],
    language: Language | None = None,
    to_company: bool = False,
) -> Drafted:
    """Draft the messages ``compose`` writes for interview ``interview_id``, in ``language`` (kept on its
    process when it changes), else the process's, else the profile's, else English. A message ``to_company``
    (a follow-up, a withdrawal...) on a round with no one recorded goes to the people of the process's
    latest round that has some (:func:`afterview.domain.recipients.company_side`)."""
    if language is not None:
        _keep_language(interview_id, language)
    document = session.open_store().read(open_only=True)
    now = session.local_now(document.profile)
    interview = find(document, interview_id)
    chosen: Language = language or interview.process.language or document.profile.language or "en"
    if to_company:
        from afterview.domain.recipients import company_side

        interview = company_side(interview, document.rounds(interview.process), now=now)
    drafts = list(compose(interview, document, now, lambda name: load(name, chosen), chosen))
    drafts = [_checked(draft, interview, chosen) for draft in drafts]
    return Drafted(interview, drafts, chosen, (document.profile.name, document.profile.email))


def _keep_language(interview_id: int, language: Language) -> None:
    """Keep ``language`` as the process's, when it is not already (one save, no re-planning)."""
    with changing() as change:
        process = find(change.document, interview_id).process
        if process.language == language:
            raise Unchanged
        process.language = language
        process.updated_at = change.now


def _checked(draft: Draft, interview: Interview, language: Language) -> Draft:
    """``draft`` with a warning for each debrief text it quotes in another language."""
    quoted = [
        (what, text)
        for what, text in debrief_texts(interview.debrief)
        if one_line(text) in draft.body or one_line(text) in draft.subject
    ]
    if not quoted:
        return draft
    from afterview.actions.language_check import foreign_texts

    extra = foreign_texts(quoted, language=language)
    return dataclasses.replace(draft, warnings=tuple(dict.fromkeys([*draft.warnings, *extra])))
