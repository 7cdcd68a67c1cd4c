"""``afterview outcome``: record how a process moved on, and let every step follow."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from afterview.cli import inputs, runtime
from afterview.cli.interviews import InterviewId, Json, find
from afterview.cli.lifecycle import option_date, option_moment, refresh_all, show_changes
from afterview.domain import outcomes
from afterview.domain.dates import DATE_EXAMPLES, describe_day
from afterview.domain.outcomes import OUTCOMES
from afterview.formats.contract import interview_json
from afterview.models import Document, Interview, Stage, Status, StatusChange, Step
from afterview.render import console, views
from afterview.store.storefile import Unchanged


def outcome(
    interview_id: InterviewId,
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
    note: Annotated[str | None, typer.Option(help="Anything worth keeping about it.")] = None,
    at: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="For next-round: when the next interview is, as a date with an optional HH:MM "
            "('tuesday 10:00', '2026-12-01T10:00'); logs it, linked to this one.",
        ),
    ] = None,
    stage: Annotated[
        str | None, typer.Option(help="For next-round: the next interview's stage (default: the next one).")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
    json_: Json = False,
) -> None:
    """Record an outcome: next-round, offer, rejected, withdrawn or no-response.

    Steps follow: an ended process closes its open steps, saying why.

    An offer gives every other waiting process a step to tell them, with your deadline.

    next-round with --at logs the next interview of the same process, linked to this one. Examples:

        afterview outcome 7 offer --deadline "next friday"

        afterview outcome 7 next-round --at "tuesday 10:00" --stage onsite
    """
    chosen = outcomes.outcome_status(status)
    outcomes.check_options(
        chosen,
        interview_id=interview_id,
        deadline=deadline is not None,
        next_round=at is not None or stage is not None,
    )
    next_stage = inputs.choice(stage, Stage, field="stage") if stage is not None else None
    text = (
        inputs.clean_text(note, field="note", max_length=2_000, multiline=True) if note is not None else None
    )
    store = runtime.open_store()
    current = store.read()
    now = runtime.local_now(current.profile)
    order = runtime.date_order(current.profile)
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
    if chosen is Status.NEXT_ROUND and at is None and runtime.interactive(no_input) and not json_:
        when = inputs.ask_date(
            "When is the next round? (e.g. 'tuesday 10:00'; blank if not known yet)",
            lambda text: option_moment("--at", text, now=now, past=False, order=order),
            required=False,
        )
    recorded = changes = None
    with store.transaction() as document:
        now = runtime.local_now(document.profile)
        recorded = outcomes.record_outcome(
            document, find(document, interview_id), change, next_round_at=when, stage=next_stage, now=now
        )
        if not recorded.changed:
            if json_:  # still the documented shape: the interview as it stands
                console.print_json(interview_json(find(document, interview_id), now=now))
            else:
                console.say(f"Nothing changed: interview {interview_id} is already {chosen.value}.")
            raise Unchanged
        changes = refresh_all(document, now=now)
    if recorded is None or changes is None:
        return
    if json_:
        console.print_json(interview_json(find(document, interview_id), now=now))
        return
    _report(document, interview_id, recorded.change, changes, recorded.following, now=now)


def _report(
    document: Document,
    interview_id: int,
    change: StatusChange | None,
    changes: list[tuple[Interview, Step]],
    following: Interview | None,
    *,
    now: dt.datetime,
) -> None:
    """What ``outcome`` did: the new status, the steps that opened or closed, the next round if logged."""
    updated = find(document, interview_id)
    if change is not None:
        extra = f", deadline {describe_day(change.deadline, today=now.date())}" if change.deadline else ""
        console.say(
            f"Interview {interview_id} ({updated.company} · {updated.role}): {change.status.value}, "
            f"{describe_day(change.on, today=now.date())}{extra}."
        )
    show_changes(((i, s) for i, s in changes if following is None or i.id != following.id), now=now)
    if following is not None:
        views.created(find(document, following.id), now=now)
    elif updated.status is Status.NEXT_ROUND:
        console.note(
            f"When you know when the next round is, log it linked to this one: "
            f"afterview outcome {interview_id} next-round --at 'tuesday 10:00'"
        )
