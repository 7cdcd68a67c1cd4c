"""What the end of a process leaves to do (pure): the feedback you received, when to get back in touch,
and, when you accept an offer, the decision closed as done and the references to tell.

A rejection is not the end of the relationship: the article afterview follows says the memory dump is
invaluable for future interviews and the people you met are worth adding to your network ("maybe you
won't get offered a job this time but taking these steps could lead to an offer down the line"). The steps
themselves are planned by :func:`afterview.domain.planning.after_the_end`; this module changes the records
they are planned from.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from afterview.domain.dates import LATEST, parse_date, short_date
from afterview.domain.steps import closed
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Status, StepKind, StepState
from afterview.models.records import Interview, Process

REAPPLY_EXAMPLES = "6m, 6 months, 1y, 12w, or a date: 2027-05-01"
_PERIOD = re.compile(
    r"^(?:in\s+)?\+?(?P<n>\d{1,3})\s*(?P<unit>d|days?|w|weeks?|m|mo|months?|y|years?)$", re.IGNORECASE
)
_MONTHS = {"m": 1, "mo": 1, "month": 1, "months": 1, "y": 12, "year": 12, "years": 12}
REAPPLY_STATUSES = frozenset({Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE, Status.DECLINED})
"""The outcomes after which a date to get back in touch makes sense."""


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def reconnect_date(text: str, *, start: dt.date, today: dt.date, order: str | None = None) -> dt.date:
    """When to get back in touch: ``text`` as a period after ``start`` (``6m``, ``1y``, ``12w``, ``90d``)
    or as a date (anything :func:`afterview.domain.dates.parse_date` reads).

    Raises UserError when it is neither, or not after ``start``.
    """
    words = " ".join(text.strip().split())
    match = _PERIOD.match(words)
    if match:
        n, unit = int(match["n"]), match["unit"].lower()
        if unit in _MONTHS:
            day = add_months(start, n * _MONTHS[unit])
        else:
            day = start + dt.timedelta(days=n * (7 if unit.startswith("w") else 1))
    else:
        try:
            day = parse_date(words, today=today)
        except UserError:
            raise UserError(
                f"--reapply-in: {text!r} is neither a period nor a date.", hint=f"Try {REAPPLY_EXAMPLES}."
            ) from None
    if day <= start or day > LATEST:
        raise UserError(
            f"--reapply-in: {short_date(day)} is not after the outcome ({short_date(start)}).",
            hint=f"Try {REAPPLY_EXAMPLES}.",
        )
    return day


def check_reapply(status: Status) -> None:
    """Refuse ``--reapply-in`` with an outcome that leaves nothing to come back to."""
    if status not in REAPPLY_STATUSES:
        allowed = ", ".join(sorted(s.value for s in REAPPLY_STATUSES))
        raise UserError(f"--reapply-in is for an ended process: {allowed}.")


def keep_feedback(document: Document, process: Process, text: str, *, now: dt.datetime) -> bool:
    """Keep ``text`` as the feedback the company gave (replacing earlier feedback); whether it changed."""
    text = text.strip()
    if not text or process.feedback == text:
        return False
    process.feedback = text
    process.updated_at = now
    document.touch(process.id)
    return True


def set_reconnect(document: Document, process: Process, day: dt.date, *, now: dt.datetime) -> bool:
    """Get back in touch with ``process``'s company on ``day`` (a "reconnect" step); whether it changed."""
    if process.reconnect_on == day:
        return False
    process.reconnect_on = day
    process.updated_at = now
    document.touch(process.id)
    return True


def told_references(interviews: Iterable[Interview]) -> list[int]:
    """The ids of the references you told about any process: a reference step of theirs is done."""
    told: set[int] = set()
    for interview in interviews:
        for step in interview.steps:
            kind, _, reference = step.key.partition(":")
            if kind == StepKind.REFERENCE.value and step.state is StepState.DONE and reference.isdigit():
                told.add(int(reference))
    return sorted(told)


def settle_acceptance(document: Document, process: Process, *, now: dt.datetime) -> None:
    """An offer was accepted: its "decide" step is done (you decided), and every reference told about any
    process, archived ones included, is noted for one update each (``Process.references_told``)."""
    document.unpack()
    for interview in document.rounds(process):
        decide = {
            s.id: closed(s, StepState.DONE, now=now, note="you accepted it")
            for s in interview.steps
            if s.kind is StepKind.DECIDE_OFFER and s.state is StepState.PENDING
        }
        if decide:
            document.put(
                interview.model_copy(
                    update={"steps": [decide.get(s.id, s) for s in interview.steps], "updated_at": now}
                )
            )
    process.references_told = told_references(document.interviews)
    document.touch(process.id)


class SearchSummary(NamedTuple):
    """The search an accepted offer ended, in a few numbers for the notes people keep."""

    company: str
    role: str
    accepted_on: dt.date
    started_on: dt.date
    processes: int
    interviews: int
    offers: int

    @property
    def days(self) -> int:
        """How long it took, from the first process logged to the offer accepted."""
        return (self.accepted_on - self.started_on).days

    def to_json(self) -> dict[str, object]:
        """As ``stats --json`` and ``show P2 --json`` give it (``search``)."""
        return {
            "company": self.company,
            "role": self.role,
            "started_on": self.started_on.isoformat(),
            "accepted_on": self.accepted_on.isoformat(),
            "days": self.days,
            "processes": self.processes,
            "interviews": self.interviews,
            "offers": self.offers,
        }


def search_summary(
    processes: Sequence[Process], rounds: Mapping[int, int], *, accepted: Process | None = None
) -> SearchSummary | None:
    """The search that ``accepted`` (default: the latest offer accepted) ended: the processes logged by
    that day, their interviews (``rounds``: process id → how many), the offers among them, and how long
    it took; ``None`` when no offer was accepted."""
    if accepted is None:
        taken = [p for p in processes if p.status is Status.ACCEPTED and p.history]
        accepted = max(taken, key=lambda p: (p.history[-1].on, p.id), default=None)
    if accepted is None or accepted.status is not Status.ACCEPTED or not accepted.history:
        return None
    day = accepted.history[-1].on
    search = [p for p in processes if p.created_at.date() <= day or p.id == accepted.id]
    return SearchSummary(
        company=accepted.company,
        role=accepted.role,
        accepted_on=day,
        started_on=min(min(p.created_at.date() for p in search), day),
        processes=len(search),
        interviews=sum(rounds.get(p.id, 0) for p in search),
        offers=sum(any(c.status is Status.OFFER for c in p.history) for p in search),
    )
