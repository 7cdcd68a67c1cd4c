"""Your references: adding one gives every interview that may call references a step to warn them;
removing one closes their pending heads-up steps (re-planned by the transaction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from afterview.actions.changes import changing
from afterview.domain import contacts
from afterview.models.records import Interview, Reference, Step


@dataclass(frozen=True)
class ReferenceChanged:
    """The reference added or removed (``verb``), and the steps that opened or closed."""

    verb: str
    reference: Reference
    now: dt.datetime
    changes: list[tuple[Interview, Step]] = field(default_factory=list)

    def to_json(self) -> Any:
        """The reference, as stored (for ``rm``: as it was)."""
        return self.reference.model_dump(mode="json")


def add_reference(fields: dict[str, Any]) -> ReferenceChanged:
    """Add a reference made of ``fields`` (already read by the field rules)."""
    with changing() as change:
        reference = contacts.add_reference(change.document, fields)
    return ReferenceChanged("added", reference, now=change.now, changes=change.changes)


def remove_reference(reference_id: int) -> ReferenceChanged:
    """Remove the reference with this id (UserError when there is none)."""
    with changing() as change:
        reference = contacts.remove_reference(change.document, reference_id)
    return ReferenceChanged("removed", reference, now=change.now, changes=change.changes)
