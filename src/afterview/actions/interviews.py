"""Logging an interview (``afterview log``): a new hiring process, or the next round of one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from afterview.actions.changes import changing
from afterview.actions.lookup import find
from afterview.domain.interviews import log_interview
from afterview.errors import UserError
from afterview.models.enums import Format, Stage
from afterview.models.records import Interview, Paperwork, Person

if TYPE_CHECKING:
    from afterview.models.document import Document


class NewRound(NamedTuple):
    """An interview to log, every field already read by the field rules (:mod:`afterview.models.fields`):
    when (time-zone aware) and in which IANA zone, its stage and format, who interviewed, what they said
    comes next and by when, what was handed over, whether references may be called, where, and notes."""

    at: dt.datetime
    stage: Stage
    format: Format
    timezone: str | None = None
    ends_at: dt.datetime | None = None
    interviewers: Sequence[Person] = ()
    next_steps: str | None = None
    decision_by: dt.date | None = None
    paperwork: Sequence[Paperwork] = ()
    references_may_call: bool = False
    location: str | None = None
    notes: str | None = None
    invitation_uid: str | None = None
    invitation_sequence: int | None = None
    invitation_stamp: dt.datetime | None = None

    def fields(self) -> dict[str, object]:
        """The interview's stored fields (those of :class:`afterview.models.records.Interview`)."""
        return {**self._asdict(), "interviewers": list(self.interviewers), "paperwork": list(self.paperwork)}


class Logged(NamedTuple):
    """The round logged, as planned, and the time it is shown against (in the round's zone)."""

    interview: Interview
    now: dt.datetime
    local: dt.tzinfo | None = None
    """The user's zone (the round's times are shown in both when they differ)."""

    def to_json(self) -> Any:
        """The JSON contract: the new interview."""
        from afterview.formats.contract import interview_json

        return interview_json(self.interview, now=self.now, local=self.local)


def log_round(
    *,
    new_round: NewRound,
    company: str,
    role: str,
    source: str | None = None,
    join: int | None = None,
    shown_in: dt.tzinfo | None = None,
    contact: str | None = None,
    snapshot: Document | None = None,
) -> Logged:
    """Log ``new_round`` for ``company`` and ``role``: a new
    hiring process (from ``source``), or the next round of process ``join``. ``shown_in`` is the zone the
    result's times are shown in (the round's; default the user's). ``contact``, a team's mailbox
    (``recruiting@…``), becomes the process's contact address when it has none. ``snapshot``, the store
    as read just before (to ask about what was typed), is taken over when nothing changed it meanwhile.

    Raises UserError when process ``join`` was removed meanwhile or has ended.
    """
    with changing(taking=snapshot) as change:
        document = change.document
        process = document.process(join) if join is not None else None
        if join is not None and process is None:
            raise UserError(f"P{join} was removed meanwhile; nothing was saved.")
        interview = log_interview(
            document,
            new_round.fields(),
            company=company,
            role=role,
            source=source,
            join=process,
            now=change.now,
        )
        logged_in = document.process(interview.process_id)
        if contact and logged_in is not None and not logged_in.contact:
            logged_in.contact = contact
    now = change.now.astimezone(shown_in) if shown_in is not None else change.now
    return Logged(find(document, interview.id), now=now, local=change.now.tzinfo)
