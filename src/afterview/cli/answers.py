"""What the user told ``afterview log``: from flags, prompts, or an invitation (``log --from``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from afterview.models.enums import Stage
from afterview.models.records import Person


@dataclass
class Answers:
    """What the user told ``log``, from flags or prompts; an invitation fills what they left out."""

    company: str | None
    role: str | None
    at: str | None
    stage: str | None
    format: str | None
    interviewers: list[str]
    next_steps: str | None
    decision_by: str | None
    paperwork: list[str]
    references: bool | None
    note: str | None
    location: str | None = None
    timezone: str | None = None
    moment: dt.datetime | None = None
    """When it happens, as an invitation gave it (``at`` still wins)."""
    people: list[Person] | None = None
    """The interviewers an invitation named (``--interviewer`` still wins)."""
    contact: str | None = None
    """The team mailbox an invitation came from (``recruiting@…``): the process's contact address."""
    stage_guess: Stage | None = None
    ends_at: dt.datetime | None = None
    invitation_uid: str | None = None
    """The UID and SEQUENCE of the invitation it was read from, kept on the round."""
    invitation_sequence: int | None = None
    invitation_stamp: dt.datetime | None = None
