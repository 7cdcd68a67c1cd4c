"""Logging an interview: a new hiring process or the next round of one, then the steps it changes (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from afterview.domain.planning import PlanContext
from afterview.domain.steps import refresh_steps
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
    context: Callable[[Document], PlanContext],
    now: dt.datetime,
) -> Interview:
    """Add an interview made of ``fields`` to ``document``, plan its steps, and return it.

    It starts a new hiring process for ``company`` and ``role`` (from ``source``), unless ``join`` names an
    open process, whose next round it becomes: a process still waiting on its latest round records
    ``next-round`` (as of the day the new round was logged). Then the interviews a new round changes are
    planned again with ``context(document)``: the new one, its process's other rounds (their follow-ups move
    to it) and the one that held the search's momentum step (it moves to a new process); nothing else.

    Raises UserError when ``join`` has ended or the interview is dated too far ahead to plan its steps, and
    pydantic.ValidationError when the fields do not make a valid process or interview.
    """
    anchor = context(document).momentum_anchor
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
    interview = document.add_interview(fields, process=process, now=now)
    planning = context(document)
    affected = {interview.id, anchor, *(i.id for i in document.rounds(process))}
    for index, item in enumerate(document.interviews):
        if item.id in affected:
            document.interviews[index] = refresh_steps(item, planning, now=now)
    found = document.interview(interview.id)
    assert found is not None
    return found


def open_process_named(document: Document, company: str, role: str) -> Process | None:
    """An open process for the same company and role (ignoring case and accents), the newest if several."""
    from afterview.domain.people import name_key

    wanted = (name_key(company), name_key(role))
    matches = [
        p for p in document.processes if not p.ended and (name_key(p.company), name_key(p.role)) == wanted
    ]
    return max(matches, key=lambda p: p.id, default=None)
