"""Logging an interview (``afterview log``): a new hiring process, or the next round of one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from afterview.actions.changes import changing
from afterview.actions.lookup import find
from afterview.domain.interviews import log_interview
from afterview.errors import UserError
from afterview.formats.contract import interview_json
from afterview.models.records import Interview


@dataclass(frozen=True)
class Logged:
    """The round logged, as planned, and the time it is shown against (in the round's zone)."""

    interview: Interview
    now: dt.datetime

    def to_json(self) -> Any:
        """The JSON contract: the new interview."""
        return interview_json(self.interview, now=self.now)


def log_round(
    *,
    fields: Mapping[str, object],
    company: str,
    role: str,
    source: str | None = None,
    join: int | None = None,
    shown_in: dt.tzinfo | None = None,
) -> Logged:
    """Log an interview made of ``fields`` (read by the field rules) for ``company`` and ``role``: a new
    hiring process (from ``source``), or the next round of process ``join``. ``shown_in`` is the zone the
    result's times are shown in (the round's; default the user's).

    Raises UserError when process ``join`` was removed meanwhile or has ended.
    """
    with changing() as change:
        document = change.document
        process = document.process(join) if join is not None else None
        if join is not None and process is None:
            raise UserError(f"P{join} was removed meanwhile; nothing was saved.")
        interview = log_interview(
            document, fields, company=company, role=role, source=source, join=process, now=change.now
        )
    now = change.now.astimezone(shown_in) if shown_in is not None else change.now
    return Logged(find(document, interview.id), now=now)
