"""Changing a logged interview (``afterview edit``) and removing one (``afterview rm``); the steps of what
the change touches are planned again by the transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from afterview.actions import session
from afterview.actions.changes import Change, changing
from afterview.actions.lookup import find
from afterview.domain.dates import parse_date, parse_moment
from afterview.errors import UserError
from afterview.formats import editable
from afterview.formats.contract import interview_json
from afterview.models.records import Interview
from afterview.store.storefile import Unchanged

EDIT_REASON = "changed by an edit"
"""What a step the plan no longer holds after an edit says when it closes."""


@dataclass(frozen=True)
class Edited:
    """The interview as it is now; ``fields`` that the edit changed (labels), and ``conflicts``: the
    fields someone else changed meanwhile, whose other version was kept."""

    interview: Interview
    now: dt.datetime
    fields: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    in_editor: bool = False

    def to_json(self) -> Any:
        """The JSON contract: the interview, as it is now."""
        return interview_json(self.interview, now=self.now)


def edit_fields(*, interview_id: int, given: Mapping[str, object]) -> Edited:
    """Set the fields in ``given`` (text already read by the field rules; ``at`` and ``decision_by`` as
    typed, read in the user's day here)."""
    with changing() as change:
        document, now = change.document, change.now
        interview = find(document, interview_id)
        update = dict(given)
        order = session.date_order(document.profile)
        if isinstance(update.get("at"), str):
            update["at"] = parse_moment(str(update["at"]), now=now, order=order)
        if isinstance(update.get("decision_by"), str):
            typed = str(update["decision_by"])
            update["decision_by"] = (
                parse_date(typed, today=now.date(), order=order) if typed.strip() else None
            )
        try:
            changed = editable.interview_of(
                {**editable.editable(interview, mode="python"), **update}, keep=interview, now=now
            )
        except ValidationError as error:
            raise UserError(f"That change is not valid: {error.errors()[0]['msg']}.") from None
        fields = changed_fields(interview, changed)  # before the store: the process is shared
        if not fields:
            raise Unchanged
        _store_edit(change, changed)
    return Edited(find(document, interview_id), now=now, fields=fields)


def save_edit(*, base: Interview, edited: Interview) -> Edited:
    """Save an edit made in the editor, merged with whatever was saved since ``base`` was read."""
    with changing() as change:
        document, now = change.document, change.now
        theirs = document.interview(base.id)
        if theirs is None:
            raise UserError(f"Interview {base.id} was removed while you were editing; nothing was saved.")
        merged, conflicts = editable.merge(base=base, mine=edited, theirs=theirs, now=now)
        _store_edit(change, merged)
    return Edited(
        find(document, base.id),
        now=now,
        fields=changed_fields(base, edited),
        conflicts=conflicts,
        in_editor=True,
    )


def changed_fields(before: Interview, after: Interview) -> list[str]:
    """The labels of the editable fields that differ (``next steps``)."""
    old, new = editable.editable(before), editable.editable(after)
    return [key.replace("_", " ") for key in dict.fromkeys([*old, *new]) if old.get(key) != new.get(key)]


def _store_edit(change: Change, edited: Interview) -> None:
    """Store an edited interview (its company and role are its process's); steps it no longer calls for
    close saying it was an edit. Every round is planned again: an edit is also how a hand-edited store is
    brought back in line (a process reopened by hand plans its rounds)."""
    change.document.put_edited(edited)
    change.reasons[edited.id] = EDIT_REASON
    change.everything = True


@dataclass(frozen=True)
class Removed:
    """The interview removed, as it was (steps and all)."""

    interview: Interview
    now: dt.datetime

    def to_json(self) -> Any:
        """The JSON contract: the interview as it was."""
        return interview_json(self.interview, now=self.now)


def remove_interview(*, interview_id: int) -> Removed:
    """Remove the interview and its steps (and its process, when it was the only round); steps of other
    rounds that depended on it close saying so."""
    with changing(open_only=False) as change:
        document = change.document
        interview = find(document, interview_id)
        document.remove_interview(interview)
        change.reasons.update({i.id: f"interview {interview_id} was removed" for i in document.interviews})
    return Removed(interview, now=change.now)
