"""Before the next round (pure): the upcoming interview at a company, whom you met there before, and the
feedback that company gave you, beside the questions :mod:`afterview.domain.prep` groups.

A brief is what ``afterview prep COMPANY`` (the prep step's own command) shows above the questions: when
(your time and theirs), where or the link, who, which of them you met in an earlier round, and what the
company told you before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from afterview.domain.contacts import same_person
from afterview.domain.prep import normalise
from afterview.models.records import Interview, Person, Process


@dataclass(frozen=True)
class Met:
    """An interviewer of the upcoming round you met before: in which earlier rounds."""

    person: Person
    rounds: tuple[Interview, ...]


@dataclass(frozen=True)
class Brief:
    """The next interview at a company, and what you know from before it."""

    interview: Interview | None
    """The soonest upcoming round at the company, if one is logged."""
    met: tuple[Met, ...] = ()
    feedback: tuple[tuple[Process, str], ...] = ()
    """The feedback each process at the company was given, newest process first."""
    round_number: int = 1
    """Which round of its process the interview is."""


def upcoming_at(
    interviews: Iterable[Interview], *, company: str | None, now: dt.datetime
) -> Interview | None:
    """The soonest round still to come (at ``company``, any part of its name, when given) of an open
    process."""
    wanted = normalise(company) if company else ""
    coming = [
        interview
        for interview in interviews
        if interview.at > now and not interview.process.ended and wanted in normalise(interview.company)
    ]
    return min(coming, key=lambda i: (i.at, i.id), default=None)


def brief(
    interviews: Sequence[Interview],
    processes: Iterable[Process],
    *,
    company: str | None,
    now: dt.datetime,
) -> Brief:
    """What to know before the next round at ``company`` (any part of its name; ``None``: the soonest
    round anywhere, and no feedback)."""
    interview = upcoming_at(interviews, company=company, now=now)
    met: list[Met] = []
    if interview is not None:
        earlier = [
            i
            for i in interviews
            if normalise(i.company) == normalise(interview.company) and i.at < interview.at
        ]
        for person in interview.interviewers:
            rounds = tuple(i for i in earlier if any(same_person(person, p) for p in i.interviewers))
            if rounds:
                met.append(Met(person, rounds))
    named = interview.company if interview is not None else company
    feedback: tuple[tuple[Process, str], ...] = ()
    if named:
        wanted = normalise(named)
        feedback = tuple(
            (process, process.feedback)
            for process in sorted(processes, key=lambda p: p.id, reverse=True)
            if process.feedback and wanted in normalise(process.company)
        )
    number = 1
    if interview is not None:
        number = sum(i.process_id == interview.process_id and i.at < interview.at for i in interviews) + 1
    return Brief(interview, tuple(met), feedback, round_number=number)
