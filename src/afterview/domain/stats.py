"""What your interviews tell you: the funnel, time to an answer, momentum, thank-you habits, weak spots.

Pure: ``now`` and the time zone are parameters. The funnel counts hiring processes (one application, however
many rounds): processes → interviews (rounds) → offers → accepted. Time to an answer counts only answers
from the company (a next round, an offer, a rejection), each from the round it answers; your own
withdrawals and decisions are not answers, and neither is silence.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from afterview.models.enums import COMPANY_ANSWERS, Rating, Status, StepKind, StepState
from afterview.models.records import Interview, Process, Step

BENCHMARK_DAYS = 38
"""Jobvite's 2019 average time-to-hire, in days, which DESIGN.md measures waiting against."""
THANK_YOU_HOURS = 24
"""A thank-you note counts as on time when it is sent within this many hours of the interview."""
DEFAULT_WEEKS = 12


@dataclass(frozen=True)
class Funnel:
    """Processes, their interviews (rounds), and how many processes went to a next round, an offer, a yes."""

    processes: int
    interviews: int
    next_round: int
    offers: int
    accepted: int

    @property
    def next_round_rate(self) -> float | None:
        """The share of processes that reached a next round (or further)."""
        return _share(self.next_round, self.processes)

    @property
    def offer_rate(self) -> float | None:
        """The share of processes that reached an offer."""
        return _share(self.offers, self.processes)

    @property
    def rounds_per_process(self) -> float | None:
        """Interviews per process, on average."""
        return round(self.interviews / self.processes, 2) if self.processes else None


@dataclass(frozen=True)
class Answers:
    """Days from an interview to the first answer (next round, offer, rejection...)."""

    days: list[int]
    waiting_past_benchmark: int

    @property
    def median(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def mean(self) -> float | None:
        return round(statistics.fmean(self.days), 1) if self.days else None

    @property
    def over_benchmark(self) -> int:
        return sum(days > BENCHMARK_DAYS for days in self.days)


@dataclass(frozen=True)
class ThankYous:
    """Thank-you notes whose 24 hours are over: sent in time, sent late, or not sent."""

    on_time: int
    late: int
    missed: int

    @property
    def on_time_share(self) -> float | None:
        return _share(self.on_time, self.on_time + self.late + self.missed)


@dataclass(frozen=True)
class WeakQuestion:
    """A question you rated weak, with how often and in which interviews."""

    question: str
    count: int
    interviews: list[int]


@dataclass(frozen=True)
class Stats:
    """Everything ``afterview stats`` shows."""

    since: dt.date | None
    today: dt.date
    funnel: Funnel
    outcomes: dict[str, int]
    answers: Answers
    weeks: list[tuple[dt.date, int]]
    thank_yous: ThankYous
    weak_questions: list[WeakQuestion] = field(default_factory=list)


def compute(
    interviews: Sequence[Interview],
    *,
    now: dt.datetime,
    tz: dt.tzinfo,
    since: dt.date | None = None,
    weeks: int = DEFAULT_WEEKS,
    top: int = 5,
) -> Stats:
    """The statistics of the processes whose first round was on or after ``since`` (all by default).

    ``interviews`` are linked to their processes (as a loaded document's are).
    """
    today = now.astimezone(tz).date()
    rounds: dict[int, list[Interview]] = {}
    for interview in sorted(interviews, key=lambda i: (i.at, i.id)):
        rounds.setdefault(interview.process_id, []).append(interview)
    kept = {p: r for p, r in rounds.items() if since is None or _day(r[0], tz) >= since}
    processes = [r[0].process for r in kept.values()]
    chosen = [i for r in kept.values() for i in r]
    reached = [{change.status for change in p.history} for p in processes]
    funnel = Funnel(
        processes=len(processes),
        interviews=len(chosen),
        next_round=sum(bool(s & {Status.NEXT_ROUND, Status.OFFER, Status.ACCEPTED}) for s in reached),
        offers=sum(bool(s & {Status.OFFER, Status.ACCEPTED, Status.DECLINED}) for s in reached),
        accepted=sum(Status.ACCEPTED in s for s in reached),
    )
    outcomes = {status.value: 0 for status in Status}
    for process in processes:
        outcomes[process.status.value] += 1
    return Stats(
        since=since,
        today=today,
        funnel=funnel,
        outcomes=outcomes,
        answers=_answers(processes, kept, tz=tz, today=today),
        weeks=_weeks(
            chosen,
            tz=tz,
            today=today,
            since=since,
            count=weeks,
            started=min((_day(i, tz) for i in interviews), default=None),
        ),
        thank_yous=_thank_yous(chosen, now=now),
        weak_questions=_weak_questions(chosen, top=top),
    )


def _day(interview: Interview, tz: dt.tzinfo) -> dt.date:
    return interview.at.astimezone(tz).date()


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _answers(
    processes: Sequence[Process], rounds: dict[int, list[Interview]], *, tz: dt.tzinfo, today: dt.date
) -> Answers:
    """Days from each round to the company's answer to it (the first company answer on or after its day)."""
    days: list[int] = []
    waiting = 0
    for process in processes:
        held = [_day(i, tz) for i in rounds[process.id]]
        answers = sorted(c.on for c in process.history if c.status in COMPANY_ANSWERS)
        for day, until in zip(held, [*held[1:], None], strict=True):
            answer = next((on for on in answers if on >= day and (until is None or on <= until)), None)
            if answer is not None:
                days.append((answer - day).days)
        if process.status is Status.WAITING and (today - held[-1]).days > BENCHMARK_DAYS:
            waiting += 1
    return Answers(days=days, waiting_past_benchmark=waiting)


def _weeks(
    interviews: Sequence[Interview],
    *,
    tz: dt.tzinfo,
    today: dt.date,
    since: dt.date | None,
    count: int,
    started: dt.date | None,
) -> list[tuple[dt.date, int]]:
    """Interviews per week (weeks start on Monday), oldest first, up to this week, and from no earlier than
    the week of the first interview ever, ``started`` (a search begun last week has two weeks, not twelve
    empty ones before it)."""
    this_week = today - dt.timedelta(days=today.weekday())
    first = this_week - dt.timedelta(weeks=count - 1)
    if since is not None:
        first = since - dt.timedelta(days=since.weekday())
    if started is not None:
        first = max(first, min(started - dt.timedelta(days=started.weekday()), this_week))
    counts: dict[dt.date, int] = {}
    week = first
    while week <= this_week:
        counts[week] = 0
        week += dt.timedelta(weeks=1)
    for interview in interviews:
        day = _day(interview, tz)
        start = day - dt.timedelta(days=day.weekday())
        if start in counts:
            counts[start] += 1
    return list(counts.items())


def _thank_yous(interviews: Sequence[Interview], *, now: dt.datetime) -> ThankYous:
    on_time = late = missed = 0
    for interview in interviews:
        deadline = interview.at.astimezone(dt.UTC) + dt.timedelta(hours=THANK_YOU_HOURS)
        for step in interview.steps:
            if step.kind is not StepKind.THANK_YOU:
                continue
            if step.state is StepState.DONE and step.done_at is not None:
                if step.done_at <= deadline:
                    on_time += 1
                else:
                    late += 1
            elif (step.state is StepState.PENDING and now > deadline) or _closed_unsent(
                interview, step, deadline
            ):
                missed += 1
    return ThankYous(on_time=on_time, late=late, missed=missed)


def _closed_unsent(interview: Interview, step: Step, deadline: dt.datetime) -> bool:
    """Whether afterview closed the note after it was due, unsent, because its process ended (an accepted
    offer, say); one you skipped yourself, one closed for another reason (its interviewer removed) or
    before it was due is not counted."""
    return (
        interview.process.ended
        and step.state is StepState.SKIPPED
        and step.closed_automatically
        and step.done_at is not None
        and step.done_at > deadline
    )


def _weak_questions(interviews: Sequence[Interview], *, top: int) -> list[WeakQuestion]:
    found: dict[str, WeakQuestion] = {}
    for interview in sorted(interviews, key=lambda i: i.at):
        if interview.debrief is None:
            continue
        for question in interview.debrief.questions:
            if question.rating is not Rating.WEAK or not question.question.strip():
                continue
            key = " ".join(question.question.casefold().split()).rstrip("?.! ")
            known = found.get(key)
            if known is None:
                found[key] = WeakQuestion(" ".join(question.question.split()), 1, [interview.id])
            else:
                ids = (
                    known.interviews
                    if interview.id in known.interviews
                    else [*known.interviews, interview.id]
                )
                found[key] = WeakQuestion(known.question, known.count + 1, ids)
    return sorted(found.values(), key=lambda q: -q.count)[:top]


def stats_json(stats: Stats) -> dict[str, Any]:
    """``stats --json`` (documented in the README)."""
    funnel, answers, thanks = stats.funnel, stats.answers, stats.thank_yous
    return {
        "since": stats.since.isoformat() if stats.since else None,
        "today": stats.today.isoformat(),
        "processes": funnel.processes,
        "interviews": funnel.interviews,
        "funnel": {
            "processes": funnel.processes,
            "interviews": funnel.interviews,
            "next_round": funnel.next_round,
            "offers": funnel.offers,
            "accepted": funnel.accepted,
            "next_round_rate": funnel.next_round_rate,
            "offer_rate": funnel.offer_rate,
            "rounds_per_process": funnel.rounds_per_process,
        },
        "outcomes": stats.outcomes,
        "time_to_answer": {
            "answered": len(answers.days),
            "median_days": answers.median,
            "mean_days": answers.mean,
            "benchmark_days": BENCHMARK_DAYS,
            "over_benchmark": answers.over_benchmark,
            "waiting_past_benchmark": answers.waiting_past_benchmark,
        },
        "per_week": [
            {
                "week": f"{start.isocalendar()[0]}-W{start.isocalendar()[1]:02d}",
                "start": start.isoformat(),
                "interviews": n,
            }
            for start, n in stats.weeks
        ],
        "thank_you": {
            "on_time": thanks.on_time,
            "late": thanks.late,
            "missed": thanks.missed,
            "on_time_share": thanks.on_time_share,
            "within_hours": THANK_YOU_HOURS,
        },
        "weak_questions": [
            {"question": q.question, "count": q.count, "interviews": q.interviews}
            for q in stats.weak_questions
        ],
    }
