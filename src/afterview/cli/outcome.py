"""``afterview outcome``: record how a process moved on, and let every step follow."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from afterview.actions import clock, session
from afterview.actions.lookup import find, latest_round
from afterview.actions.typed import option_date, option_moment
from afterview.cli import inputs
from afterview.cli.interviews import Json, RoundOrProcess
from afterview.cli.lifecycle import refresh_all, show_changes
from afterview.domain import outcomes
from afterview.domain.dates import DATE_EXAMPLES, describe_day
from afterview.domain.outcomes import OUTCOMES
from afterview.formats.contract import interview_json
from afterview.models.document import Document
from afterview.models.enums import Format, Stage, Status
from afterview.models.records import Interview, Step
from afterview.render import console, views
from afterview.store.storefile import Unchanged


def outcome(
    interview_id: RoundOrProcess,
    status: Annotated[
        str, typer.Argument(metavar="OUTCOME", help=f"What happened: {OUTCOMES}.", show_default=False)
    ],
    on: Annotated[
        str,
        typer.Option(
            metavar="DATE", help=f"When you heard (default: today): {DATE_EXAMPLES}.", show_default=False
        ),
    ] = "today",
    deadline: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help=f"For an offer: when you must answer by: {DATE_EXAMPLES}.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Anything worth keeping; for an offer, its terms.")] = None,
    at: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="For next-round: when the next interview is, as a date with an optional HH:MM "
            "('tuesday 10:00', '2026-12-01T10:00'); logs it as the process's next round.",
        ),
    ] = None,
    stage: Annotated[
        str | None, typer.Option(help="For next-round: the next interview's stage (default: the next one).")
    ] = None,
    format_: Annotated[
        str | None,
        typer.Option("--format", help="For next-round: video, phone or onsite (default: as the last round)."),
    ] = None,
    location: Annotated[
        str | None,
        typer.Option(help="For next-round: where it is, or its link (default: as the last round)."),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option("--tz", help="For next-round: the IANA time zone it is in, when not the last round's."),
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
    json_: Json = False,
) -> None:
    """Record an outcome of a hiring process: next-round, offer, accepted, declined, rejected, withdrawn.

    Or no-response, when they went silent.

    ID is any of the process's interviews (7) or the process itself (P2). Steps follow: an ended process
    closes its open steps, saying why. An offer gives you a step to decide by its deadline (3 business days
    without one) and every other waiting process a step to tell them. accepted ends every other open
    process with a step to withdraw from it, and the search's momentum step.

    next-round with --at logs the process's next interview. Examples:

        afterview outcome 7 offer --deadline "next friday" --note "120k, remote"

        afterview outcome P2 next-round --at "tuesday 10:00" --stage onsite
    """
    chosen = outcomes.outcome_status(status)
    outcomes.check_options(
        chosen,
        interview_id=interview_id,
        deadline=deadline is not None,
        next_round=any(v is not None for v in (at, stage, format_, location, tz)),
    )
    next_stage = inputs.choice(stage, Stage, field="stage") if stage is not None else None
    next_format = inputs.choice(format_, Format, field="format") if format_ is not None else None
    place = inputs.clean_text(location, field="location", max_length=2_000) if location is not None else None
    zone = inputs.timezone(tz) if tz is not None else None
    text = (
        inputs.clean_text(note, field="note", max_length=2_000, multiline=True) if note is not None else None
    )
    store = session.open_store()
    current = store.read(open_only=True)
    named = latest_round(current, interview_id)
    now = clock.now_in(zone or named.timezone or current.profile.timezone)
    order = session.date_order(current.profile)
    change = outcomes.status_change(
        chosen,
        on=option_date("--on", on, today=now.date(), past=True, order=order),
        deadline=option_date("--deadline", deadline, today=now.date(), order=order)
        if deadline is not None
        else None,
        note=text,
        today=now.date(),
    )
    when = option_moment("--at", at, now=now, past=False, order=order) if at else None
    if chosen is Status.NEXT_ROUND and at is None and inputs.interactive(no_input) and not json_:
        when = inputs.ask_date(
            "When is the next round? (e.g. 'tuesday 10:00'; blank if not known yet)",
            lambda text: option_moment("--at", text, now=now, past=False, order=order),
            required=False,
        )
    following = None
    if when is not None:
        following = outcomes.NextRound(
            at=when, stage=next_stage, format=next_format, location=place, timezone=zone
        )
    recorded = changes = None
    with store.transaction(open_only=True) as document:
        now = session.local_now(document.profile)
        interview = latest_round(document, interview_id)
        recorded = outcomes.record_outcome(document, interview, change, next_round=following, now=now)
        if not recorded.changed:
            if json_:  # still the documented shape: the interview as it stands
                console.print_json(interview_json(interview, now=now))
            else:
                console.say(f"Nothing changed: {interview.company}'s process is already {chosen.value}.")
            raise Unchanged
        changes = refresh_all(document, now=now)
    if recorded is None or changes is None:
        return
    if json_:
        console.print_json(interview_json(find(document, recorded.interview.id), now=now))
        return
    _report(document, recorded, changes, now=now)


def _report(
    document: Document,
    recorded: outcomes.Recorded,
    changes: list[tuple[Interview, Step]],
    *,
    now: dt.datetime,
) -> None:
    """What ``outcome`` did: the new status, the steps that opened or closed, the next round if logged."""
    updated = find(document, recorded.interview.id)
    change, following = recorded.change, recorded.following
    if change is not None:
        extra = f", deadline {describe_day(change.deadline, today=now.date())}" if change.deadline else ""
        console.say(
            f"P{updated.process_id} ({updated.company} · {updated.role}): {change.status.value}, "
            f"{describe_day(change.on, today=now.date())}{extra}."
        )
    for process in recorded.withdrawn:
        console.say(f"P{process.id} ({process.company} · {process.role}): withdrawn.")
    show_changes(((i, s) for i, s in changes if following is None or i.id != following.id), now=now)
    if following is not None:
        views.created(find(document, following.id), now=now)
    elif updated.status is Status.NEXT_ROUND:
        console.note(
            f"When you know when the next round is, log it: "
            f"afterview outcome P{updated.process_id} next-round --at 'tuesday 10:00'"
        )
