"""``afterview outcome``: record how a process moved on, and let every step follow."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from afterview.cli import inputs, runtime
from afterview.cli.interviews import InterviewId, Json, find
from afterview.cli.lifecycle import option_date, option_moment, refresh_all, show_changes
from afterview.domain.dates import DATE_EXAMPLES, describe_day, short_date
from afterview.errors import UserError
from afterview.formats.contract import interview_json
from afterview.models import Document, Interview, Stage, Status, StatusChange, Step
from afterview.render import console, views
from afterview.store.storefile import Unchanged

OUTCOMES = ", ".join(s.value for s in Status if s is not Status.WAITING)


def outcome(
    interview_id: InterviewId,
    status: Annotated[str, typer.Argument(help=f"What happened: {OUTCOMES}.", show_default=False)],
    on: Annotated[
        str, typer.Option(help=f"When you heard (default: today): {DATE_EXAMPLES}.", show_default=False)
    ] = "today",
    deadline: Annotated[
        str | None,
        typer.Option(help=f"For an offer: when you must answer by: {DATE_EXAMPLES}.", show_default=False),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Anything worth keeping about it.")] = None,
    at: Annotated[
        str | None,
        typer.Option(
            help="For next-round: when the next interview is, as a date with an optional HH:MM "
            "('tuesday 10:00', '2026-12-01T10:00'); logs it, linked to this one."
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
    chosen = next((s for s in Status if s.value == status.strip().lower() and s is not Status.WAITING), None)
    if chosen is None:
        raise UserError(f"{status!r} is not an outcome; choose one of: {OUTCOMES}.")
    if deadline is not None and chosen is not Status.OFFER:
        raise UserError(
            "--deadline is for offers.", hint=f"afterview outcome {interview_id} offer --deadline DATE"
        )
    if (at is not None or stage is not None) and chosen is not Status.NEXT_ROUND:
        raise UserError("--at and --stage are for next-round: they log the next interview.")
    next_stage = inputs.choice(stage, Stage, field="stage") if stage is not None else None
    text = (
        inputs.clean_text(note, field="note", max_length=2_000, multiline=True) if note is not None else None
    )
    store = runtime.open_store()
    current = store.read()
    now = runtime.local_now(current.profile)
    change = StatusChange(
        status=chosen,
        on=option_date("--on", on, today=now.date(), past=True),
        deadline=option_date("--deadline", deadline, today=now.date()) if deadline is not None else None,
        note=text,
    )
    if change.on > now.date():
        raise UserError(f"--on is in the future ({short_date(change.on)}); say when you heard.")
    when = option_moment("--at", at, now=now, past=False) if at else None
    if chosen is Status.NEXT_ROUND and at is None and runtime.interactive(no_input) and not json_:
        when = inputs.ask_until_valid(
            "When is the next round? (e.g. 'tuesday 10:00'; blank if not known yet)",
            lambda text: option_moment("--at", text, now=now, past=False),
            required=False,
        )
    changes = None
    with store.transaction() as document:
        now = runtime.local_now(document.profile)
        interview = find(document, interview_id)
        new_deadline = change.deadline is not None and change.deadline != _last_deadline(interview)
        repeated = interview.status is chosen and not (chosen is Status.OFFER and new_deadline)
        if repeated and when is None:
            console.out().print(f"Nothing changed: interview {interview_id} is already {chosen.value}.")
            raise Unchanged
        if not repeated:
            document.put(
                interview.model_copy(update={"history": [*interview.history, change], "updated_at": now})
            )
        following = _log_next_round(document, interview, at=when, stage=next_stage, now=now) if when else None
        changes = refresh_all(document, now=now)
    if changes is None:
        return
    if json_:
        console.print_json(interview_json(find(document, interview_id), now=now))
        return
    _report(document, interview_id, change if not repeated else None, changes, following, now=now)


def _last_deadline(interview: Interview) -> dt.date | None:
    return interview.history[-1].deadline if interview.history else None


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
        console.out().print(
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


def _log_next_round(
    document: Document, interview: Interview, *, at: dt.datetime, stage: Stage | None, now: dt.datetime
) -> Interview:
    """Add the next interview of ``interview``'s process (same company and role), linked to it."""
    linked = next((i for i in document.interviews if i.previous_id == interview.id), None)
    if linked is not None:
        raise UserError(
            f"Interview {linked.id} is already the round after {interview.id}; nothing was changed.",
            hint=f"Record its outcome with: afterview outcome {linked.id} next-round --at WHEN",
        )
    if stage is None:
        stages = list(Stage)
        stage = (
            stages[min(stages.index(interview.stage) + 1, stages.index(Stage.FINAL))]
            if interview.stage is not Stage.OTHER
            else Stage.OTHER
        )
    following = Interview(
        id=document.next_id,
        company=interview.company,
        role=interview.role,
        at=at,
        stage=stage,
        format=interview.format,
        previous_id=interview.id,
        created_at=now,
        updated_at=now,
    )
    document.next_id += 1
    document.interviews.append(following)
    return following
