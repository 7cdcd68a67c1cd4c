"""Synthetic afterview stores that look like a job search kept with the CLI, generated deterministically.

A store of N interviews is a search of about 0.6 N hiring processes, one started every two days or so,
each of 1-3 rounds about a week apart; the newest round was yesterday. The 20 newest processes are open (most
waiting for an answer, a few promised a next round, one of which is booked for next week, one with an
offer); every older one ended: rejected, no response or withdrawn.

Each process is played through afterview's own domain functions, as the CLI would: its rounds logged with
``log_interview``, its outcomes recorded with ``record_outcome``, its steps planned with ``refresh_steps``,
and between those the steps a person ticks off (most, not all) marked done or skipped. So every step, its
id, key, title and due date is what afterview plans; when a process ends its leftover steps close as the
engine closes them, and what an ending keeps (the memory dump, the network step, the reply to a rejection)
the person clears within a few weeks (:data:`CLEARED_AFTER`); so the open processes, and those that ended
in the last weeks, have pending steps, and the search's one momentum step is on
the first round of the newest process. A last re-plan of the whole document at the benchmark's "now"
(``AFTERVIEW_NOW``) makes the store a fixed point: the first command run on it has nothing to re-plan.

About 4 KB an interview (1,000 interviews are about 4 MB), as in the issue's reference store: most rounds
have 1-3 interviewers, some a short debrief, and thank-you notes marked sent. The document is saved through
``Store.transaction``, so the file holds exactly what afterview's own save path writes, whatever its layout.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # afterview is imported inside the functions: run.py imports this module for NOW only
    from afterview.domain.planning import PlanContext
    from afterview.models.document import Document
    from afterview.models.records import Interview, SentMessage, Step

ZONE_NAME = "Europe/Berlin"
ZONE = ZoneInfo(ZONE_NAME)
NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=ZONE)
"""The benchmark's fixed "now" (``AFTERVIEW_NOW``): a Friday afternoon in Berlin."""

OPEN_PROCESSES = 20
"""How many of the newest processes are still open; every older one has ended."""
BOOKED_AT = NOW - dt.timedelta(hours=2)
"""When the process promised a next round today logged it, booked for next week."""

_FIRST = ["Ada", "Grace", "Alan", "Barbara", "Edsger", "Donald", "Frances", "Ken", "Margaret", "Dennis",
          "Radia", "John", "Lynn", "Guido", "Anita", "Jörg", "Zoë", "Łukasz"]  # fmt: skip
_LAST = ["Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Knuth", "Allen", "Thompson", "Hamilton",
         "Ritchie", "Perlman", "Backus", "Müller", "Nakamura"]  # fmt: skip
_TITLES = ["Engineering Manager", "Staff Engineer", "Recruiter", "CTO", "Product Manager", "Tech Lead"]
_COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises",
              "Tyrell", "Cyberdyne", "Aperture", "Soylent", "Vandelay", "Massive Dynamic", "Pied Piper",
              "Wonka", "Oscorp", "Gringotts", "Monsters Inc", "Dunder Mifflin",
              "Prestige Worldwide"]  # fmt: skip
_ROLES = ["Staff Engineer", "Senior Backend Engineer", "Platform Engineer", "Data Engineer", "SRE",
          "Engineering Manager", "Senior Python Developer"]  # fmt: skip
_SOURCES = [None, None, "referral", "job board", "recruiter", "company site"]
_OTHER_ZONES = ["Europe/London", "America/New_York", "Europe/Lisbon"]
_ENDINGS = {"rejected": 5, "no-response": 3, "withdrawn": 2}
_TEXT = (
    "the team asked about distributed systems caching latency trade offs and how I would design a rate "
    "limiter for their public API I explained token buckets sliding windows and the failure modes of each "
    "they pushed on consistency across regions and I talked through leader election quorum reads and what "
    "I had learned running a migration that went wrong we spent time on on call culture incident reviews "
    "mentoring junior engineers and how to say no to a roadmap that does not fit the capacity we have"
)
_WORDS = _TEXT.split()
_QUESTIONS = [
    "Tell me about a time you disagreed with your manager.",
    "Design a URL shortener that serves a billion requests a day.",
    "How would you find the slowest endpoint in a service you do not know?",
    "What is the hardest bug you have fixed?",
    "How do you decide what not to build?",
    "Walk me through a migration you led.",
    "How do you review code from someone more senior?",
    "What would your first ninety days look like?",
    "Explain consistent hashing to a new graduate.",
    "Why are you leaving your current role?",
    "How do you handle an incident at 3am?",
    "What do you look for in a team?",
]
_NEXT_STEPS = [
    "They will get back to me within two weeks.",
    "Recruiter said a decision by the end of next week.",
    "Next would be a system design round with two engineers.",
    "They are still interviewing other candidates; I should hear soon.",
    None,
]

# What a person does with a step of each kind once it is due: (done, skipped) odds; the rest stay pending
# until afterview closes them (the process ended) or, in an open process, show as overdue.
_HABITS: dict[str, tuple[float, float]] = {
    "memory-dump": (0.85, 0.05),
    "contact-details": (0.75, 0.1),
    "thank-you": (0.85, 0.05),
    "network": (0.6, 0.2),
    "paperwork": (0.9, 0.05),
    "reference": (0.9, 0.0),
    "follow-up": (0.6, 0.1),
    "nudge": (0.5, 0.1),
    "close-out": (0.1, 0.1),
    "momentum": (0.6, 0.05),
    "offer-notice": (0.9, 0.0),
    "decide-offer": (0.5, 0.0),
    "prep": (0.9, 0.05),
    "rejection-reply": (0.6, 0.25),
    "withdraw": (0.9, 0.05),
}
CLEARED_AFTER = (14.0, 42.0)
"""Days after a process ended within which the person clears what is left of it (``afterview skip``): the
memory dump, contact details and network steps an ending keeps, and the reply to a rejection. A search
kept with afterview for years does not keep years-old steps in ``todo``, so every older process is
archived, as the store's guarantees expect of it."""


@dataclass
class ProcessPlan:
    """One hiring process before it is played: when its rounds are, and how it stands at the end."""

    zone: str
    rounds: list[dt.datetime]
    """When each round that has happened took place (earliest first)."""
    ending: str | None = None
    """How a closed process ended (``rejected``...); ``None`` while open."""
    promised: bool = False
    """An open process whose next round was promised but has not happened."""
    booked: dt.datetime | None = None
    """The next round, booked for after "now" (logged with ``outcome next-round --at``)."""
    offer: bool = False
    id: int = 0
    logged: list[dt.datetime] = field(default_factory=list)
    """When each round (the booked one last) was logged."""
    superseded: dt.datetime | None = None
    """When the next process was logged: the search's momentum step moved to it."""
    interview_ids: list[int] = field(default_factory=list)


@dataclass
class Generated:
    """What :func:`write` made, for the benchmark to pick its arguments from."""

    pending: list[str]
    """Pending step ids, newest interview first."""
    open_interviews: list[int]
    """The latest round of each open process that is not waiting on an offer, newest first."""
    interview: int
    """The newest round of an open process with interviewers, for ``show`` and ``draft-thanks``."""
    interviews: int
    processes: int
    open_processes: int
    bytes: int


def _words(rng: random.Random, count: int) -> str:
    start = rng.randrange(len(_WORDS))
    text = " ".join(_WORDS[(start + i) % len(_WORDS)] for i in range(count))
    return text[0].upper() + text[1:] + "."


def _timeline(rng: random.Random, size: int) -> list[ProcessPlan]:
    """The processes, newest first, with exactly ``size`` rounds between them (a booked one included)."""
    plans: list[ProcessPlan] = []
    count = 0
    start = NOW - dt.timedelta(days=1)
    latest = NOW - dt.timedelta(hours=3)
    while count < size:
        zone = ZONE_NAME if rng.random() < 0.85 else rng.choice(_OTHER_ZONES)
        wanted = rng.choices((1, 2, 3), (5, 3, 2))[0]
        day, rounds = start.date(), []
        for _ in range(wanted):
            rounds.append(_at(rng, day, zone))
            day += dt.timedelta(days=rng.randint(4, 10))
        happened = [at for at in rounds if at < latest][: size - count]
        plan = ProcessPlan(zone=zone, rounds=happened)
        if len(plans) >= OPEN_PROCESSES:
            plan.ending = rng.choices(list(_ENDINGS), list(_ENDINGS.values()))[0]
        elif len(happened) < wanted:
            plan.promised = True
            if count + len(happened) < size and not any(p.booked for p in plans):
                plan.booked = max(rounds[len(happened)], _at(rng, NOW.date() + dt.timedelta(days=4), zone))
        count += len(happened) + (plan.booked is not None)
        plans.append(plan)
        start -= dt.timedelta(hours=rng.randint(24, 72))
    offered = [p for p in plans[3:OPEN_PROCESSES] if len(p.rounds) >= 2 and not p.promised]
    if offered:
        offered[0].offer = True
    return plans


def _at(rng: random.Random, day: dt.date, zone: str) -> dt.datetime:
    hour = dt.time(rng.randint(9, 17), rng.choice((0, 15, 30, 45)))
    return dt.datetime.combine(day, hour, ZoneInfo(zone))


def _person(rng: random.Random, company: str) -> dict[str, Any]:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    domain = company.lower().replace(" ", "")
    email = None if rng.random() < 0.15 else f"{first}.{last}@{domain}.example".lower()
    return {"name": f"{first} {last}", "title": rng.choice(_TITLES), "email": email}


def _debrief(rng: random.Random) -> dict[str, Any]:
    questions = [
        {
            "question": question,
            "answer": _words(rng, rng.randint(12, 25)),
            "rating": rng.choice(["strong", "ok", "weak"]),
            "next_time": _words(rng, rng.randint(5, 10)) if rng.random() < 0.4 else "",
        }
        for question in rng.sample(_QUESTIONS, rng.randint(3, 4))
    ]
    return {
        "questions": questions,
        "went_well": _words(rng, rng.randint(8, 15)),
        "to_improve": _words(rng, rng.randint(8, 15)),
        "thank_you_topics": [_words(rng, 6)],
        "my_questions": ["How do you measure success in this role?", "What does on-call look like?"],
        "notes": _words(rng, rng.randint(15, 30)) if rng.random() < 0.3 else "",
    }


def _round_fields(
    rng: random.Random, plan: ProcessPlan, at: dt.datetime, *, company: str, number: int
) -> dict[str, Any]:
    """What ``log`` records for round ``number`` (the debrief is what ``remember`` adds soon after)."""
    stages = ["screen", "technical", "onsite", "final"]
    form = rng.choice(["video", "video", "phone", "onsite"])
    location = {"video": "https://meet.example.com/abc-defg-hij", "onsite": "Friedrichstraße 68, Berlin"}
    fields: dict[str, Any] = {
        "at": at,
        "timezone": plan.zone,
        "stage": stages[min(number + (rng.random() < 0.3), 3)],
        "format": form,
        "location": location.get(form),
        "interviewers": [_person(rng, company) for _ in range(rng.choices((1, 2, 3), (6, 3, 1))[0])],
        "next_steps": rng.choice(_NEXT_STEPS),
        "decision_by": at.date() + dt.timedelta(days=rng.randint(7, 14)) if rng.random() < 0.3 else None,
        "references_may_call": rng.random() < 0.1,
        "paperwork": [{"title": "Return the background-check form"}] if rng.random() < 0.1 else [],
        "notes": _words(rng, rng.randint(10, 30)) if rng.random() < 0.2 else None,
    }
    if rng.random() < 0.15:
        fields["debrief"] = _debrief(rng)
    return fields


class _Player:
    """Plays one process through the domain functions in a document of its own (its rounds only), so the
    cost of planning stays per process, not per store."""

    def __init__(self, plan: ProcessPlan, *, rng: random.Random, profile: Any, references: Any) -> None:
        from afterview.domain.workdays import public_holidays, weekend_of
        from afterview.models.document import Document

        self.plan = plan
        self.rng = rng
        self.holidays = public_holidays(profile.country, profile.subdivision)
        self.weekend = weekend_of(self.holidays)
        self.document = Document(profile=profile, references=references, next_process_id=plan.id)
        self.fates: dict[str, tuple[str | None, dt.datetime]] = {}
        self.company = rng.choice(_COMPANIES)
        self.role = rng.choice(_ROLES)

    def context(self, now: dt.datetime) -> PlanContext:
        """The plan context at ``now``: the momentum stays on the first round until the next process."""
        from afterview.domain.planning import plan_context

        context = plan_context(
            self.document, tz=ZONE, holidays=self.holidays, weekend=self.weekend, now=now.astimezone(ZONE)
        )
        superseded = self.plan.superseded is not None and now >= self.plan.superseded
        return context._replace(momentum_anchor=None) if superseded else context

    def replan(self, now: dt.datetime) -> None:
        """Re-plan every round, as each write of the CLI does."""
        from afterview.domain.steps import refresh_steps

        local = now.astimezone(ZONE)
        context = self.context(now)
        for index, interview in enumerate(self.document.interviews):
            updated = refresh_steps(interview, context, now=local)
            if updated.steps != interview.steps:
                updated = updated.model_copy(update={"updated_at": local})
            self.document.interviews[index] = updated

    def log(self, at: dt.datetime, *, interview_id: int, logged: dt.datetime) -> None:
        """``afterview log`` right after a round (the first starts the process, the others join it)."""
        from afterview.domain.interviews import log_interview

        self.document.next_id = interview_id
        join = self.document.processes[0] if self.document.processes else None
        log_interview(
            self.document,
            _round_fields(
                self.rng, self.plan, at, company=self.company, number=len(self.document.interviews)
            ),
            company=self.company,
            role=self.role,
            source=self.rng.choice(_SOURCES),
            join=join,
            now=logged.astimezone(ZONE),
        )
        self.replan(logged)  # as the transaction of ``log`` does

    def outcome(self, status: str, *, on: dt.datetime, **options: Any) -> None:
        """``afterview outcome``, then the re-plan that follows it."""
        from afterview.domain.outcomes import record_outcome
        from afterview.models.records import StatusChange

        booked = options.pop("next_round", None)
        change = StatusChange.model_validate({"status": status, "on": on.date(), **options})
        latest = self.document.rounds(self.document.processes[0])[-1]
        record_outcome(self.document, latest, change, next_round=booked, now=on.astimezone(ZONE))
        self.replan(on)

    def tick(self, until: dt.datetime) -> None:
        """Mark done or skipped the steps a person has got round to by ``until``."""
        from afterview.domain.dates import due_moment
        from afterview.domain.planning import zone_of
        from afterview.models.enums import StepState

        for index, interview in enumerate(self.document.interviews):
            zone = zone_of(interview, ZONE)
            steps: list[Step] = []
            sent: list[SentMessage] = []
            latest = interview.updated_at
            for step in interview.steps:
                if step.state is not StepState.PENDING:
                    steps.append(step)
                    continue
                state, when = self._fate(step, due=due_moment(step.due, zone), seen=interview.updated_at)
                if state is None or when > until:
                    steps.append(step)
                    continue
                steps.append(step.model_copy(update=self._closing(step, state, when)))
                latest = max(latest, when)
                if step.kind.value == "thank-you" and state == "done" and self.rng.random() < 0.4:
                    sent.append(self._sent(interview, step, when))
            if steps != interview.steps:
                update: dict[str, Any] = {"steps": steps, "updated_at": latest.astimezone(ZONE)}
                if sent:
                    update["sent"] = [*interview.sent, *sent]
                self.document.interviews[index] = interview.model_copy(update=update)

    def clear(self, when: dt.datetime) -> None:
        """``afterview skip`` on every step an ended process still has pending."""
        from afterview.models.enums import StepState

        for index, interview in enumerate(self.document.interviews):
            steps = [
                step.model_copy(update=self._closing(step, "skipped", when))
                if step.state is StepState.PENDING
                else step
                for step in interview.steps
            ]
            if steps != interview.steps:
                update = {"steps": steps, "updated_at": when.astimezone(ZONE)}
                self.document.interviews[index] = interview.model_copy(update=update)

    def _fate(self, step: Step, *, due: dt.datetime, seen: dt.datetime) -> tuple[str | None, dt.datetime]:
        """Whether the person will close ``step``, and when: decided once, when it is first seen."""
        if step.id not in self.fates:
            done, skipped = _HABITS.get(step.kind.value, (0.8, 0.1))
            roll = self.rng.random()
            state = "done" if roll < done else "skipped" if roll < done + skipped else None
            if due > seen:
                when = seen + (due - seen) * self.rng.uniform(0.1, 1.2)
            else:
                when = seen + dt.timedelta(hours=self.rng.uniform(0.5, 30))
            self.fates[step.id] = (state, max(when, seen + dt.timedelta(minutes=10)))
        return self.fates[step.id]

    def _closing(self, step: Step, state: str, when: dt.datetime) -> dict[str, Any]:
        from afterview.models.enums import StepState

        note = None
        if state == "skipped" and self.rng.random() < 0.5:
            note = self.rng.choice(["already connected", "not needed", "they said not to"])
        elif state == "done" and self.rng.random() < 0.1:
            note = self.rng.choice(["emailed", "called the recruiter", "done on LinkedIn"])
        return {"state": StepState(state), "done_at": when.astimezone(ZONE), "note": note}

    def _sent(self, interview: Interview, step: Step, when: dt.datetime) -> SentMessage:
        """What ``draft-thanks --sent`` records."""
        from afterview.models.records import SentMessage

        person = next((p for p in interview.interviewers if p.name == step.person), None)
        fields = {
            "kind": "thank-you",
            "to": step.person or "",
            "email": person.email if person else None,
            "subject": f"Thank you for today's {interview.role} interview",
            "at": when.astimezone(ZONE),
            "step": step.id,
        }
        return SentMessage.model_validate(fields)

    def events(self) -> list[tuple[dt.datetime, str, Any]]:
        """What happens to the process, in time order: its rounds logged, the next process started, how it
        stands at the end, and (once it ended) the person clearing what it kept."""
        plan = self.plan
        events: list[tuple[dt.datetime, str, Any]] = [
            (logged, "log", (at, plan.interview_ids[number]))
            for number, (at, logged) in enumerate(
                zip(plan.rounds, plan.logged[: len(plan.rounds)], strict=True)
            )
        ]
        last = plan.rounds[-1]
        if plan.superseded is not None:
            events.append((plan.superseded, "replan", None))
        if plan.ending is not None:
            days = self.rng.randint(3, 25)
            ended = min(last + dt.timedelta(days=days), NOW - dt.timedelta(hours=self.rng.uniform(20, 40)))
            ended = max(ended, last + dt.timedelta(hours=4))
            events.append((ended, plan.ending, None))
            events.append((ended + dt.timedelta(days=self.rng.uniform(*CLEARED_AFTER)), "clear", None))
        elif plan.offer:
            events.append((NOW - dt.timedelta(hours=self.rng.uniform(20, 30)), "offer", None))
        elif plan.booked is not None:
            events.append((BOOKED_AT, "next-round", None))
        elif plan.promised:
            heard = min(last + dt.timedelta(days=2), NOW - dt.timedelta(hours=2))
            events.append((max(heard, last + dt.timedelta(hours=2)), "next-round", None))
        return sorted((event for event in events if event[0] <= NOW), key=lambda event: event[0])

    def play(self) -> None:
        """Log the rounds, tick steps off between events, and record how the process stands at the end."""
        from afterview.domain.outcomes import NextRound

        plan = self.plan
        for when, kind, payload in self.events():
            self.tick(when)
            if kind == "log":
                self.log(payload[0], interview_id=payload[1], logged=when)
            elif kind == "replan":
                self.replan(when)
            elif kind == "clear":
                self.clear(when)
            elif kind == "offer":
                deadline = NOW.date() + dt.timedelta(days=7)
                self.outcome("offer", on=when, deadline=deadline, note="95k base, remote two days a week")
            elif kind == "next-round" and plan.booked is not None:  # with --at: logs the booked round
                self.document.next_id = plan.interview_ids[-1]
                self.outcome("next-round", on=when, next_round=NextRound(at=plan.booked))
            else:
                self.outcome(kind, on=when)
        self.tick(NOW)


def _profile_and_references() -> tuple[Any, Any]:
    from afterview.models.records import Profile, Reference

    profile = Profile.model_validate(
        {
            "name": "Sam Lee",
            "email": "sam@example.com",
            "phone": "+49 30 1234567",
            "signature": "Sam Lee\n+49 30 1234567",
            "timezone": ZONE_NAME,
            "country": "DE",
        }
    )
    references = [
        Reference(id=1, name="Priya Patel", relationship="former manager", email="priya@example.org"),
        Reference(id=2, name="Tom Becker", relationship="team lead", email="tom.becker@example.org"),
    ]
    return profile, references


def document(size: int, *, seed: int = 7) -> Document:
    """A whole store of ``size`` interviews; the same ``size`` and ``seed`` always give the same bytes."""
    from afterview.domain.steps import replan
    from afterview.models.document import Document

    rng = random.Random(f"{seed}:{size}")
    plans = list(reversed(_timeline(rng, size)))  # oldest first: ids are given in the order things are logged
    for number, plan in enumerate(plans):
        plan.id = number + 1
        plan.logged = [at + dt.timedelta(hours=rng.uniform(1, 6)) for at in plan.rounds]
        if plan.booked is not None:
            plan.logged.append(BOOKED_AT)
        if number:
            plans[number - 1].superseded = plan.logged[0]
    logged = sorted((when, number) for number, plan in enumerate(plans) for when in plan.logged)
    for interview_id, (_, number) in enumerate(logged, start=1):
        plans[number].interview_ids.append(interview_id)
    profile, references = _profile_and_references()
    processes, interviews = [], []
    for plan in plans:
        player = _Player(
            plan, rng=random.Random(f"{seed}:{size}:{plan.id}"), profile=profile, references=references
        )
        player.play()
        processes += player.document.processes
        interviews += player.document.interviews
    interviews.sort(key=lambda interview: interview.id)
    whole = Document(
        revision=4 * size,
        profile=profile,
        references=references,
        processes=processes,
        interviews=interviews,
        next_id=len(interviews) + 1,
        next_process_id=len(processes) + 1,
        next_reference_id=len(references) + 1,
    )
    context = _runtime_context(whole)
    replan(whole, context, now=NOW)  # offers elsewhere, the momentum on the newest process
    assert not replan(whole, _runtime_context(whole), now=NOW), "not a fixed point"
    return whole


def _runtime_context(document: Document) -> PlanContext:
    """The plan context the CLI makes at ``NOW`` (``afterview.actions.session.context``)."""
    from afterview.domain.planning import plan_context
    from afterview.domain.workdays import public_holidays, weekend_of

    holidays = public_holidays(document.profile.country, document.profile.subdivision)
    return plan_context(document, tz=ZONE, holidays=holidays, weekend=weekend_of(holidays), now=NOW)


def write(path: Path, size: int, *, seed: int = 7) -> Generated:
    """Write a store of ``size`` interviews to ``path`` through afterview's own save path.

    The generated document's records are copied into a ``Store.transaction``, so the file (and the derived
    index beside it) are exactly what afterview writes for them, in whatever layout its save path uses.
    """
    from afterview.models.enums import StepKind, StepState
    from afterview.store.storefile import Store

    generated = document(size, seed=seed)
    store = Store(path, clock=lambda: NOW)
    with store.transaction() as stored:
        stored.revision = generated.revision - 1  # the save counts one more
        for name in ("profile", "references", "processes", "interviews"):
            setattr(stored, name, getattr(generated, name))
        stored.next_id = generated.next_id
        stored.next_process_id = generated.next_process_id
        stored.next_reference_id = generated.next_reference_id
    _keep_holidays(path.parent, generated.profile)
    newest_first = sorted(generated.interviews, key=lambda i: i.id, reverse=True)
    open_ = [p for p in generated.processes if not p.ended]
    latest = {p.id: generated.rounds(p)[-1].id for p in open_ if p.offer is None}
    momentum = [
        s
        for i in generated.interviews
        for s in i.steps
        if s.kind is StepKind.MOMENTUM and s.state is StepState.PENDING
    ]
    assert len(momentum) == 1, momentum
    shown = next(i for i in newest_first if i.interviewers and not i.process.ended)
    return Generated(
        pending=[s.id for i in newest_first for s in i.steps if s.state is StepState.PENDING],
        open_interviews=sorted(latest.values(), reverse=True),
        interview=shown.id,
        interviews=len(generated.interviews),
        processes=len(generated.processes),
        open_processes=len(open_),
        bytes=path.stat().st_size,
    )


def _keep_holidays(home: Path, profile: Any) -> None:
    """Keep the profile country's holidays in ``home``'s cache, as the first write of a real store does
    (``cache/holidays.json``), so the benchmark's writes do not each pay for importing ``holidays``."""
    import os

    from afterview.actions.session import known_holidays  # set up as a first write would

    before = os.environ.get("AFTERVIEW_HOME")
    os.environ["AFTERVIEW_HOME"] = str(home)
    try:
        known_holidays(profile, NOW.year)
    finally:
        if before is None:
            del os.environ["AFTERVIEW_HOME"]
        else:
            os.environ["AFTERVIEW_HOME"] = before


def restamp_index(store: Path) -> bool:
    """Make the index beside a copied store name the copy, as it named the original (same bytes, another
    inode), so the first command does not rebuild it; return whether the index is valid now (it may not be,
    if afterview's index has changed shape: then any command rebuilds it)."""
    from afterview.store import index

    path = index.path_for(store)
    try:
        found = json.loads(path.read_bytes())
        found["source"] = index.stamp(store)
        path.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    except (OSError, ValueError, TypeError):
        pass
    return index.load(store) is not None


def main(argv: list[str] | None = None) -> int:
    """Run by run.py in processes of their own: on Linux a child's peak memory, as ``wait4`` reports it,
    is at least the highest its parent ever held (``subprocess`` starts children with ``vfork``), so the
    benchmark's own process must never hold a store or a command's output (``csv_rows.py`` writes the CSV)."""
    import argparse
    import dataclasses

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    store = commands.add_parser("store", help="write a store; print what it holds as JSON")
    store.add_argument("path", type=Path)
    store.add_argument("size", type=int)
    store.add_argument("--seed", type=int, default=7)
    restamp = commands.add_parser("restamp", help="point a copied store's index at the copy (exit 1: stale)")
    restamp.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    if args.command == "store":
        print(json.dumps(dataclasses.asdict(write(args.path, args.size, seed=args.seed))))
    else:
        return 0 if restamp_index(args.path) else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
