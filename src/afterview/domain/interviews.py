"""Logging an interview: a new hiring process or the next round of one, then the steps it changes (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Status
from afterview.models.records import Interview, Process, StatusChange


def log_interview(
    document: Document,
    fields: Mapping[str, object],
    *,
    company: str,
    role: str,
    source: str | None = None,
    join: Process | None = None,
    now: dt.datetime,
) -> Interview:
    """Add an interview made of ``fields`` to ``document`` and return it (its process is touched, so the
    transaction plans its steps and those of the rounds it changes).

    It starts a new hiring process for ``company`` and ``role`` (from ``source``), unless ``join`` names an
    open process, whose next round it becomes: a process still waiting on its latest round records
    ``next-round`` (as of the day the new round was logged). The rounds it changes are the new one, its
    process's other rounds (their follow-ups move to it) and the one that held the search's momentum step
    (a change of the momentum re-plans every round).

    Raises UserError when ``join`` has ended, and pydantic.ValidationError when the fields do not make a
    valid process or interview.
    """
    if join is None:
        process = document.add_process(company=company, role=role, source=source, now=now)
    else:
        process = join
        if process.ended:
            raise UserError(
                f"{process.company}'s process has ended ({process.status.value}); nothing was changed.",
                hint="Log it as a new process: leave out --process.",
            )
        promised = sum(change.status is Status.NEXT_ROUND for change in process.history)
        if len(document.rounds(process)) > promised:
            process.history.append(StatusChange(status=Status.NEXT_ROUND, on=now.date()))
            process.updated_at = now
    return document.add_interview(fields, process=process, now=now)


def open_process_named(document: Document, company: str, role: str) -> Process | None:
    """An open process for the same company and role (ignoring case and accents), the newest if several."""
    from afterview.domain.people import name_key

    wanted = (name_key(company), name_key(role))
    matches = [
        p for p in document.processes if not p.ended and (name_key(p.company), name_key(p.role)) == wanted
    ]
    return max(matches, key=lambda p: p.id, default=None)
