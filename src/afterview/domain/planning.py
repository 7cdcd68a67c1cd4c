"""Which steps an interview calls for now, and when each is due (pure: the profile is a parameter).

The rules are DESIGN.md's table, per hiring process (schema 2):

- the steps of one interview (memory dump, contact details, thank-you notes, network, paperwork,
  references) while its process is open;
- the waiting steps (follow-up, nudge, close-out), the offer to decide on and the notices of offers
  elsewhere only on a process's latest round;
- a "withdraw" step on each process that an accepted offer elsewhere ended;
- one momentum step for the whole search, on the first round of the newest process, rolling forward when
  it is done, and none once an offer is accepted (until a process starts after that day: a new search);
- an upcoming interview (its time is after ``now``) gets a prep step the day before instead of the steps
  of an interview: those come once it has happened, due from its real time.

Time: every due is worked out in the interview's own IANA zone. "24 hours after" is one absolute instant
(``at + 24 h``, shown in that zone, so a DST change in between is counted right). A step that is due "at
once" after its cause (an email to find, an offer to tell about, a withdrawal) is due at the cause, or by
the end of the day it was created if the cause has passed: never already past when it first appears.
Business days skip the country's own weekend (Friday and Saturday in Israel) and its public holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from afterview.domain.dates import WEEKEND, add_business_days, short_date
from afterview.domain.identities import identities, met_before
from afterview.domain.mailboxes import is_role_mailbox
from afterview.models.document import Document
from afterview.models.enums import Stage, Status, StepKind, StepState
from afterview.models.records import Interview, Process, Profile, Reference

_NO_ENTRIES: Mapping[Any, Any] = MappingProxyType({})
"""An empty mapping no one can add to: the default of the context's mappings."""


class Offer(NamedTuple):
    """An offer recorded on a process, which the other waiting processes should hear about."""

    process_id: int
    interview_id: int
    """The offering process's latest round (offer-notice steps are keyed by it)."""
    company: str
    on: dt.date
    deadline: dt.date | None = None


class PlanContext(NamedTuple):
    """Everything besides the interview itself that decides its steps."""

    profile: Profile
    tz: dt.tzinfo
    """The user's zone, for interviews that do not know their own."""
    references: tuple[Reference, ...] = ()
    offers: tuple[Offer, ...] = ()
    """Every offer, newest first (as :func:`plan_context` sorts them)."""
    first_offer_deadline: dt.date | None = None
    """The earliest deadline among the offers, named by the notice steps."""
    holidays: Container[dt.date] = frozenset()
    weekend: Container[int] = WEEKEND
    """The country's weekend days, as ``date.weekday()`` numbers."""
    latest_rounds: Mapping[int, int] = _NO_ENTRIES
    """Each process's latest round: process id → interview id."""
    rounds: Mapping[int, int] = _NO_ENTRIES
    """How many rounds each process has: process id → count."""
    momentum_anchor: int | None = None
    """The interview that holds the search's one momentum step (``None`` once an offer is accepted, until a
    new search starts)."""
    accepted: Mapping[int, str] = _NO_ENTRIES
    """Accepted offers: process id → company."""
    now: dt.datetime | None = None
    """The current time: an interview after it is upcoming. ``None`` plans every interview as happened."""
    met_before: Mapping[int, frozenset[str]] = _NO_ENTRIES
    """Who was met in an earlier round of the same process: interview id → identity keys
    (:func:`afterview.domain.identities.identities`). They keep their first round's network step."""


class PlannedStep(NamedTuple):
    """A step the interview calls for, before it has an id.

    ``at_once`` steps are due at ``due`` (their cause) or, when created after it, by the end of that day:
    :func:`afterview.domain.steps.refresh_steps` settles the time when it gives the step an id.
    """

    kind: StepKind
    key: str
    title: str
    due: dt.date
    person: str | None = None
    at_once: bool = False


def plan_context(
    document: Document,
    *,
    tz: dt.tzinfo,
    holidays: Container[dt.date] = frozenset(),
    weekend: Container[int] = WEEKEND,
    now: dt.datetime | None = None,
) -> PlanContext:
    """The context for planning any interview of ``document``: references, offers, rounds, the momentum."""
    latest: dict[int, Interview] = {}
    rounds: dict[int, int] = {}
    for interview in document.interviews:
        current = latest.get(interview.process_id)
        if current is None or (interview.at, interview.id) > (current.at, current.id):
            latest[interview.process_id] = interview
        rounds[interview.process_id] = rounds.get(interview.process_id, 0) + 1
    offers = tuple(
        sorted(
            (
                Offer(p.id, latest[p.id].id, p.company, p.offer.on, p.offer.deadline)
                for p in document.processes
                if p.status is Status.OFFER and p.offer is not None and p.id in latest
            ),
            key=lambda offer: (offer.on, offer.interview_id),
            reverse=True,
        )
    )
    deadlines = [offer.deadline for offer in offers if offer.deadline is not None]
    accepted = {p.id: p.company for p in document.processes if p.status is Status.ACCEPTED}
    return PlanContext(
        profile=document.profile,
        tz=tz,
        references=tuple(document.references),
        offers=offers,
        first_offer_deadline=min(deadlines, default=None),
        holidays=holidays,
        weekend=weekend,
        latest_rounds={process_id: interview.id for process_id, interview in latest.items()},
        rounds=rounds,
        momentum_anchor=_momentum_anchor(document),
        accepted=accepted,
        now=now,
        met_before=met_before(document.interviews),
    )


PLANNING_PROFILE = ("schedule", "country", "subdivision", "timezone")
"""The profile's fields that decide when steps fall due."""


def shared_facts(document: Document) -> tuple[object, ...]:
    """What planning any one round reads from the rest of ``document`` (:func:`plan_context`): the
    profile's schedule, country, region and time zone (business days and "end of day" depend on them),
    the references, the offers and acceptances of every process, and which round holds the search's
    momentum step. When a change alters these, every round must be planned again, not only those it
    touched."""
    return (
        {key: getattr(document.profile, key) for key in PLANNING_PROFILE},
        [reference.model_dump() for reference in document.references],
        [
            (p.id, p.status, p.offer, p.history[-1].on if p.history else None)
            for p in document.processes
            if p.status in (Status.OFFER, Status.ACCEPTED)
        ],
        _momentum_anchor(document),
    )


def _momentum_anchor(document: Document) -> int | None:
    """The first round of the newest process: the search's momentum rolls forward to each new process.

    ``None`` once an offer is accepted, unless the newest process started (was logged, and had its first
    round) after the day of the latest acceptance: that is a new search.
    """
    if not document.processes:
        return None
    newest = max(document.processes, key=lambda p: p.id)
    first = [i for i in document.interviews if i.process_id == newest.id]
    if not first:
        return None
    accepted = [p.history[-1].on for p in document.processes if p.status is Status.ACCEPTED]
    started = min([newest.created_at.date(), *(i.at.date() for i in first)])
    if accepted and started <= max(accepted):
        return None
    return min(i.id for i in first)


def zone_of(interview: Interview, default: dt.tzinfo) -> dt.tzinfo:
    """The zone the interview happened in: its IANA zone, else ``default`` (the user's)."""
    if interview.timezone:
        from zoneinfo import ZoneInfo

        try:
            return ZoneInfo(interview.timezone)
        except (ValueError, KeyError, OSError):  # a name the system does not know: the user's zone
            return default
    return default


def awaiting_answer(process: Process, rounds: int) -> bool:
    """Whether the process waits for the company's answer to its latest round.

    It does while it is ``waiting``, and after ``next-round`` once that next round is logged: each
    ``next-round`` leads to one more round, so more rounds than next-round entries means the latest one is
    the round that next-round promised.
    """
    if process.status is Status.WAITING:
        return True
    promised = sum(change.status is Status.NEXT_ROUND for change in process.history)
    return process.status is Status.NEXT_ROUND and rounds > promised


def plan_steps(interview: Interview, context: PlanContext) -> list[PlannedStep]:
    """The steps ``interview`` calls for, following DESIGN.md's table (see the module docstring)."""
    process = interview.process
    zone = zone_of(interview, context.tz)
    day = interview.at.astimezone(zone).date()
    latest = context.latest_rounds.get(process.id, interview.id) == interview.id  # unknown: the only round
    plans: list[PlannedStep] = []
    if interview.cancelled is not None:
        return plans
    if not process.ended and is_upcoming(interview, now=context.now):
        plans.append(_prep(interview, zone=zone, day=day))
        plans.extend(_paperwork(interview, context, day))
    elif not process.ended:
        day = ended_day(interview, context.tz)
        plans.extend(_round_steps(interview, context, zone=zone, day=day))
        if latest and awaiting_answer(process, context.rounds.get(process.id, 1)):
            plans.extend(_waiting_steps(interview, context, day, company=process.company))
        if latest and process.status is Status.OFFER and process.offer is not None:
            plans.append(_decide(process, context))
        if latest and process.status in (Status.WAITING, Status.NEXT_ROUND):
            plans.extend(_offer_notices(interview, context, day, company=process.company))
    elif latest and process.status is Status.WITHDRAWN and process.history[-1].cause in context.accepted:
        plans.append(_withdraw(interview, context.accepted[process.history[-1].cause or 0]))
    if process.ended:
        plans.extend(after_the_end(interview, context, zone=zone, day=day, latest=latest))
    if context.momentum_anchor == interview.id:
        plans.append(_momentum(interview, context, zone=zone, day=day))
    return plans


ASSUMED_LENGTH = dt.timedelta(hours=1)
"""How long an interview is taken to last when no invitation said when it ends."""


def ended_day(interview: Interview, tz: dt.tzinfo) -> dt.date:
    """The user's day (in ``tz``) in which the interview ended: the day its after-interview steps count
    from, so a 23:30 interview's memory dump is due by the end of the next day, not overdue at 00:45."""
    end = interview.ends_at if interview.ends_at is not None else interview.at + ASSUMED_LENGTH
    return end.astimezone(tz).date()


def is_upcoming(interview: Interview, *, now: dt.datetime | None) -> bool:
    """Whether the interview is still to come (``now`` unknown: it has happened)."""
    return now is not None and interview.at > now


def _prep(interview: Interview, *, zone: dt.tzinfo, day: dt.date) -> PlannedStep:
    """Prepare the day before (or the day it was logged, when that is later)."""
    import shlex

    logged = interview.created_at.astimezone(zone).date()
    return PlannedStep(
        StepKind.PREP,
        "prep",
        f"Prepare for {interview.company} (afterview prep {shlex.quote(interview.company)})",
        max(day - dt.timedelta(days=1), min(logged, day)),
    )


def _business(context: PlanContext, start: dt.date, days: int) -> dt.date:
    return add_business_days(start, days, holidays=context.holidays, weekend=context.weekend)


def _round_steps(
    interview: Interview, context: PlanContext, *, zone: dt.tzinfo, day: dt.date
) -> Iterable[PlannedStep]:
    """What one interview calls for while its process is open."""
    schedule = context.profile.schedule
    logged = interview.created_at.astimezone(context.tz).date()
    stage = "interview" if interview.stage is Stage.OTHER else f"{interview.stage.value} interview"
    yield PlannedStep(
        StepKind.MEMORY_DUMP,
        "memory-dump",
        f"Write down what you remember of the {stage} (afterview remember {interview.id})",
        max(day, logged),  # the end of the user's day in which it ended, or of the day it was logged
    )
    earlier = context.met_before.get(interview.id, frozenset())
    for index, person in enumerate(interview.interviewers):
        if is_role_mailbox(person.email):  # a team's mailbox is no one to thank or to add
            continue
        if person.email is None:
            yield PlannedStep(
                StepKind.CONTACT_DETAILS,
                f"contact-details:{index}",
                f"Get {person.name}'s email address",
                interview.at,
                person.name,
                at_once=True,
            )
        # in UTC, so the hours are real hours (an aware time plus hours keeps its wall clock across DST)
        later = interview.at.astimezone(dt.UTC) + dt.timedelta(hours=schedule.thank_you_hours)
        thank_you_due = later.astimezone(zone)
        yield PlannedStep(
            StepKind.THANK_YOU,
            f"thank-you:{index}",
            f"Send {person.name} a thank-you note (afterview draft-thanks {interview.id})",
            thank_you_due,
            person.name,
        )
        if identities(person) & earlier:  # one network step per person and process: the first round's
            continue
        yield PlannedStep(
            StepKind.NETWORK,
            f"network:{index}",
            f"Add {person.name} to your professional network",
            _business(context, day, schedule.network_business_days),
            person.name,
        )
    yield from _paperwork(interview, context, day)
    if interview.references_may_call:
        yield from _reference_steps(
            interview, context.references, _business(context, day, schedule.reference_business_days)
        )


def _paperwork(interview: Interview, context: PlanContext, day: dt.date) -> Iterable[PlannedStep]:
    for index, item in enumerate(interview.paperwork):
        yield PlannedStep(
            StepKind.PAPERWORK,
            f"paperwork:{index}",
            item.title,
            item.due or _business(context, day, context.profile.schedule.paperwork_business_days),
        )


def _reference_steps(
    interview: Interview, references: Iterable[Reference], due: dt.date
) -> Iterable[PlannedStep]:
    about = f"{interview.company} may call about the {interview.role} role"
    references = list(references)
    if not references:
        yield PlannedStep(StepKind.REFERENCE, "reference", f"Tell your references that {about}", due)
    for reference in references:
        yield PlannedStep(
            StepKind.REFERENCE, f"reference:{reference.id}", f"Tell {reference.name} that {about}", due
        )


def _waiting_steps(
    interview: Interview, context: PlanContext, day: dt.date, *, company: str
) -> Iterable[PlannedStep]:
    """Follow-up, nudge and close-out (``company``: the process's, read once by :func:`plan_steps`)."""
    schedule = context.profile.schedule
    if interview.decision_by is not None:
        follow_up_due = _business(
            context, interview.decision_by, schedule.follow_up_after_decision_business_days
        )
        when = f"they said you would hear by {short_date(interview.decision_by)}"
    else:
        follow_up_due = _business(context, day, schedule.follow_up_business_days)
        when = "no news yet"
    yield PlannedStep(StepKind.FOLLOW_UP, "follow-up", f"Check in with {company} ({when})", follow_up_due)
    follow_up = next((s for s in interview.steps if s.key == "follow-up"), None)
    if follow_up is not None and follow_up.state is StepState.DONE:
        zone = zone_of(interview, context.tz)
        checked_in = follow_up.done_at.astimezone(zone).date() if follow_up.done_at else follow_up_due
        yield PlannedStep(
            StepKind.NUDGE,
            "nudge",
            f"Still waiting? Send {company} a second, brief nudge",
            _business(context, checked_in, schedule.nudge_business_days),
        )
    yield PlannedStep(
        StepKind.CLOSE_OUT,
        "close-out",
        f"Still no answer from {company}? Close it out and focus elsewhere",
        day + dt.timedelta(days=schedule.close_out_days),
    )


DECIDE_BUSINESS_DAYS = 3
"""When an offer comes without a deadline, decide within this many business days (a common courtesy)."""


def _decide(process: Process, context: PlanContext) -> PlannedStep:
    offer = process.offer
    assert offer is not None
    deadline = f" (deadline {short_date(offer.deadline)})" if offer.deadline else ""
    return PlannedStep(
        StepKind.DECIDE_OFFER,
        "decide-offer",
        f"Decide on {process.company}'s offer{deadline}",
        offer.deadline or _business(context, offer.on, DECIDE_BUSINESS_DAYS),
    )


OFFERS_NAMED = 2
"""How many offering companies one notice step names (the newest first); the rest are counted."""


def _offer_notices(
    interview: Interview, context: PlanContext, day: dt.date, *, company: str
) -> Iterable[PlannedStep]:
    """One notice step per waiting process, whatever the number of offers elsewhere: keyed by the newest
    offer (what ``draft offer-notice`` tells about by default), naming the newest ones and counting the rest.
    Only the first few offers are looked at, so planning every waiting process stays linear.
    """
    head = context.offers[: OFFERS_NAMED + 1]  # newest first; a waiting process has no offer of its own
    own = sum(1 for offer in head if offer.process_id == interview.process_id)
    named = [offer for offer in head if offer.process_id != interview.process_id][:OFFERS_NAMED]
    if not named:
        return
    newest, total = named[0], len(context.offers) - own
    if total == 1:
        deadline = f" (deadline {short_date(newest.deadline)})" if newest.deadline else ""
        title = f"Tell {company} you have an offer from {newest.company}{deadline}"
    else:
        rest = total - len(named)
        names = [offer.company for offer in named]
        who = f"{', '.join(names)} and {rest:,} more" if rest else " and ".join(names)
        first = context.first_offer_deadline
        deadline = f" (first deadline {short_date(first)})" if first else ""
        title = f"Tell {company} you have offers from {who}{deadline}"
    yield PlannedStep(
        StepKind.OFFER_NOTICE,
        f"offer-notice:{newest.interview_id}",
        title,
        max(newest.on, day),  # from the newest offer's day, or from this interview's if it is later
        at_once=True,
    )


def _withdraw(interview: Interview, accepted_company: str) -> PlannedStep:
    change = interview.process.history[-1]
    return PlannedStep(
        StepKind.WITHDRAW,
        "withdraw",
        f"Tell {interview.company} you are withdrawing: you accepted {accepted_company}'s offer "
        f"(afterview draft withdraw {interview.id})",
        change.on,
        at_once=True,
    )


def _momentum(interview: Interview, context: PlanContext, *, zone: dt.tzinfo, day: dt.date) -> PlannedStep:
    """The search's momentum step: after each one you tick off, the next is due ``momentum_days`` later."""
    closed = [
        s
        for s in interview.steps
        if s.kind is StepKind.MOMENTUM and s.state is not StepState.PENDING and not s.closed_automatically
    ]
    ends = [s.done_at.astimezone(zone).date() for s in closed if s.done_at is not None]
    start = max(ends) if ends else max(day, interview.created_at.astimezone(zone).date())
    return PlannedStep(
        StepKind.MOMENTUM,
        "momentum" if not closed else f"momentum:{len(closed)}",
        "Keep your search moving: line up your next application or interview",
        start + dt.timedelta(days=context.profile.schedule.momentum_days),
    )


KEPT_AFTER_THE_END = frozenset({Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE, Status.DECLINED})
"""Ended processes whose rounds keep their pending memory dump, contact details and network steps: the
memory dump is invaluable for the next interview, and the people you met are worth knowing whatever the
outcome."""
_KEPT_KINDS = frozenset({StepKind.MEMORY_DUMP, StepKind.CONTACT_DETAILS, StepKind.NETWORK})
RECENT_END_DAYS = 14
"""A process that ended longer ago than this gets no new reply or update step (an old rejection read
again, say from the archive, is too late to answer); one it already has stays."""


def after_the_end(
    interview: Interview, context: PlanContext, *, zone: dt.tzinfo, day: dt.date, latest: bool
) -> Iterable[PlannedStep]:
    """What a round of an ended process still calls for: its pending memory dump, contact details and
    network steps (never new ones); on the latest round, a reply to a rejection, the reconnect date you
    set, and after an accepted offer an update to each reference you told about any process."""
    process = interview.process
    pending = {s.key for s in interview.steps if s.state is StepState.PENDING}
    if pending and process.status in KEPT_AFTER_THE_END:  # none pending: none kept (and no plan to make)
        kept = _round_steps(interview, context, zone=zone, day=day)
        yield from (plan for plan in kept if plan.kind in _KEPT_KINDS and plan.key in pending)
    if not latest or not process.history:
        return
    ended = process.history[-1].on
    had = {s.key for s in interview.steps}
    recent = context.now is None or ended >= context.now.date() - dt.timedelta(days=RECENT_END_DAYS)
    if process.status is Status.REJECTED and (recent or "rejection-reply" in had):
        yield PlannedStep(
            StepKind.REJECTION_REPLY,
            "rejection-reply",
            f"Reply to {process.company}: thank them and ask for feedback "
            f"(afterview draft rejection-reply {interview.id})",
            ended,
            at_once=True,
        )
    if process.reconnect_on is not None and process.status is not Status.ACCEPTED:
        yield PlannedStep(
            StepKind.RECONNECT,
            "reconnect",
            f"Reconnect with {process.company} (afterview draft reconnect {interview.id})",
            process.reconnect_on,
        )
    if process.status is Status.ACCEPTED:
        yield from _reference_updates(interview, context, ended, recent=recent, had=had)


def _reference_updates(
    interview: Interview, context: PlanContext, accepted: dt.date, *, recent: bool, had: Container[str]
) -> Iterable[PlannedStep]:
    """One update to each reference told about any process (``Process.references_told``)."""
    references = {reference.id: reference for reference in context.references}
    for reference_id in interview.process.references_told:
        reference = references.get(reference_id)
        key = f"reference-update:{reference_id}"
        if reference is None or not (recent or key in had):
            continue
        yield PlannedStep(
            StepKind.REFERENCE_UPDATE,
            key,
            f"Tell {reference.name} you accepted an offer at {interview.company}, and thank them "
            f"(afterview draft reference-update {interview.id})",
            accepted,
            at_once=True,
        )
