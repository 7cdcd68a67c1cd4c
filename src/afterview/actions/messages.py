"""Recording that drafted messages went out (``--sent`` on a draft command): each draft marked sent is kept
on its round and closes the steps it completes (a thank-you note its person's thank-you step)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from afterview.actions.changes import changing
from afterview.actions.lookup import find
from afterview.domain import steps as rules
from afterview.domain.drafts import Draft
from afterview.models.enums import StepState
from afterview.models.records import Interview, SentMessage, Step
from afterview.store.storefile import Unchanged


@dataclass(frozen=True)
class SentMarked:
    """What marking drafts sent did: ``records`` newly kept on the round (``interview``, as it is now),
    ``already`` the earlier records of drafts that were on record with nothing left to close, and ``by``
    how they went out (``email``, ``phone``, ``linkedin``, ``in-person``, ``other``)."""

    interview: Interview
    by: str
    now: dt.datetime
    records: list[SentMessage] = field(default_factory=list)
    already: list[SentMessage] = field(default_factory=list)

    def to_json(self) -> Any:
        """The messages newly marked sent, as stored (``kind``, ``to``, ``email``, ``subject``, ``at``,
        ``step``)."""
        return [record.model_dump(mode="json") for record in self.records]


def mark_sent(*, interview_id: int, drafts: Sequence[Draft], by: str) -> SentMarked:
    """Record every draft as sent ``by`` a way (the address kept only for ``email``) and close the pending
    steps it completes, in one transaction.

    Marking the same message sent again changes nothing: it is already on record, and its step closed.
    """
    already: list[SentMessage] = []
    records: list[SentMessage] = []
    with changing() as change:
        document, now = change.document, change.now
        # plan the round first: one held since it was last planned gets its steps now, to be closed here
        document.touch(find(document, interview_id).process_id)
        change.planned()
        interview = find(document, interview_id)
        steps: list[Step] = list(interview.steps)
        for draft in drafts:
            closed = [
                n for n, step in enumerate(steps) if step.state is StepState.PENDING and draft.closes(step)
            ]
            earlier = next((r for r in interview.sent if (r.kind, r.to) == (draft.kind, draft.to_name)), None)
            if earlier is not None and not closed:
                already.append(earlier)
                continue
            for n in closed:
                steps[n] = rules.closed(steps[n], StepState.DONE, now=now)
            fields = {
                "kind": draft.kind,
                "to": draft.to_name,
                "email": draft.to_email if by == "email" else None,
                "subject": draft.subject,
                "at": now,
                "step": ", ".join(steps[n].id for n in closed) or None,
            }
            records.append(SentMessage.model_validate({**fields, **({"by": by} if by != "email" else {})}))
        if not records:
            raise Unchanged
        document.put(
            interview.model_copy(
                update={"steps": steps, "sent": [*interview.sent, *records], "updated_at": now}
            )
        )
    return SentMarked(find(document, interview_id), by, now, records=records, already=already)
