"""Reading the store as of now, for the commands that show it (``todo``, ``ref list``, ``prep``, ``stats``;
``list`` and ``show`` are in :mod:`afterview.actions.listing`); each returns a result whose ``to_json()``
is the documented JSON."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from afterview.actions import session
from afterview.actions.index import current, load_index
from afterview.actions.listing import round_counts
from afterview.actions.lookup import find
from afterview.domain import briefing, story_bank
from afterview.domain.briefing import Brief
from afterview.domain.dates import due_moment, parse_date
from afterview.domain.endings import SearchSummary, search_summary
from afterview.domain.local_times import Ahead, ahead_of, ahead_today
from afterview.domain.prep import PrepQuestion, prep_questions
from afterview.domain.stats import Stats, compute, stats_json
from afterview.domain.steps import effective_due
from afterview.formats.contract import StepJson, step_json
from afterview.formats.story_contract import told_for_json
from afterview.models.enums import Rating, StepState
from afterview.models.records import Interview, Reference, Step
from afterview.models.stories import Story

if TYPE_CHECKING:
    from afterview.domain.prep import PrepQuestion
    from afterview.domain.stats import Stats


@dataclass(frozen=True)
class StepsListed:
    """``todo``: steps, soonest first."""

    items: list[tuple[Interview, Step]]
    now: dt.datetime
    today: tuple[Ahead, ...] = ()
    """The interviews still to come today, shown above the steps (not in the JSON array)."""

    def to_json(self) -> list[StepJson]:
        """The JSON contract: an array of step objects."""
        return [step_json(interview, step, now=self.now) for interview, step in self.items]


def list_steps(*, interview_id: int | None = None, everything: bool = False) -> StepsListed:
    """The pending steps (``everything``: done and skipped too, archived rounds included), of one interview
    or all, soonest first."""
    load_index()  # plans the steps of an interview that has happened since the last save
    document = session.open_store().read(open_only=not everything)
    now = session.local_now(document.profile)
    interviews = [find(document, interview_id)] if interview_id is not None else document.interviews
    items = [
        (interview, step)
        for interview in interviews
        for step in interview.steps
        if everything or step.state is StepState.PENDING
    ]
    tz = now.tzinfo or dt.UTC
    items.sort(key=lambda item: (due_moment(effective_due(item[1]), tz), item[0].id))
    today = ahead_today(ahead_of(interviews, now=now), now=now) if not everything else []
    return StepsListed(items, now=now, today=tuple(today))


@dataclass(frozen=True)
class ReferencesListed:
    """``ref list``: your references."""

    references: list[Reference]

    def to_json(self) -> list[Any]:
        """An array of references, as stored."""
        return [reference.model_dump(mode="json") for reference in self.references]


def list_references() -> ReferencesListed:
    """Your references, as stored."""
    return ReferencesListed(list(session.open_store().read(open_only=True).references))


@dataclass(frozen=True)
class StatsShown:
    """``stats``: what the interviews tell (:class:`afterview.domain.stats.Stats`)."""

    stats: Stats
    search: SearchSummary | None = None
    """The search your latest accepted offer ended, if any."""

    def to_json(self) -> Any:
        """The documented ``stats --json`` object (with ``search`` once an offer is accepted)."""
        found = {"search": self.search.to_json()} if self.search is not None else {}
        return {**stats_json(self.stats), **found}


def stats(*, since: str | None = None, weeks: int = 12) -> StatsShown:
    """The funnel, time to an answer, interviews per week (the last ``weeks``, or ``since`` a day as
    typed), thank-you habit and weakest questions (from the store as saved: a read that plans nothing)."""

    document = session.open_store().read()
    now = session.local_now(document.profile)
    order = session.date_order(document.profile)
    start = parse_date(since, today=now.date(), past=True, order=order) if since else None
    tz = session.user_tz(document.profile)
    search = search_summary(document.processes, round_counts(document))
    return StatsShown(compute(document.interviews, now=now, tz=tz, since=start, weeks=weeks), search=search)


@dataclass(frozen=True)
class PrepShown:
    """``prep``: the questions asked so far, weakest and most frequent first, of ``debriefs`` debriefs."""

    questions: list[PrepQuestion]
    debriefs: int
    tz: dt.tzinfo
    stories: list[Story] = field(default_factory=list)
    """The story bank: each question lists the stories told for it."""
    briefing: story_bank.Briefing | None = None
    """With a company: its next round and the stories already told there."""
    brief: Brief | None = None
    """The next interview at the company and what you know from before it (``prep COMPANY``)."""
    weakest: list[PrepQuestion] = field(default_factory=list)
    """Before a first round there (no questions at the company yet): your weakest questions anywhere."""

    def to_json(self) -> Any:
        """An array: one object per question, each time it was asked inside (README, "JSON output")."""
        return [
            {
                "question": q.text,
                "count": q.count,
                "rating": q.rating.value if q.rating else None,
                "next_time": q.next_time or None,
                "stories": [told_for_json(told) for told in story_bank.told_for(q, self.stories)],
                "asked": [
                    {
                        "interview_id": a.interview_id,
                        "company": a.company,
                        "role": a.role,
                        "at": a.at.isoformat(),
                        "question": a.question.question,
                        "answer": a.question.answer,
                        "rating": a.question.rating.value if a.question.rating else None,
                        "next_time": a.question.next_time,
                    }
                    for a in q.asked
                ],
            }
            for q in self.questions
        ]


WEAKEST_OVERALL = 5
"""How many of your weakest questions anywhere ``prep COMPANY`` shows before a first round there."""


def prep(*, company: str | None = None, role: str | None = None) -> PrepShown:
    """The questions asked at ``company`` for ``role`` (any part of each; all when not given); with a
    company, the next interview there and the feedback it gave (:func:`briefing.brief`), and before a first
    round there your weakest questions anywhere."""
    document = current()

    questions = prep_questions(document.interviews, company=company, role=role)
    debriefs = sum(i.debrief is not None for i in document.interviews)
    now = session.local_now(document.profile)
    stories_briefing = None
    found = None
    weakest: list[PrepQuestion] = []
    if company:
        stories_briefing = story_bank.briefing(
            document.interviews, document.stories, company=company, now=now
        )
        found = briefing.brief(document.interviews, document.processes, company=company, now=now)
        if not questions:
            weakest = [
                q for q in prep_questions(document.interviews) if q.rating in (Rating.WEAK, Rating.OK)
            ][:WEAKEST_OVERALL]
    return PrepShown(
        list(questions),
        debriefs=debriefs,
        tz=session.user_tz(document.profile),
        stories=list(document.stories),
        briefing=stories_briefing,
        brief=found,
        weakest=weakest,
    )
