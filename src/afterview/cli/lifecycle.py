"""``afterview snooze``, ``undo`` and ``task add|rm``: moving steps through their life."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated

import typer

from afterview.cli import completion, inputs, runtime
from afterview.cli.interviews import ChangedJson, InterviewId, find
from afterview.cli.todo import StepIds, locate, print_steps
from afterview.domain.dates import DATE_EXAMPLES, describe_day, has_time, parse_date, parse_moment
from afterview.domain.steps import effective_due, refresh_document, refresh_steps, remove_paperwork
from afterview.errors import UserError
from afterview.formats.contract import step_json
from afterview.models.document import Document
from afterview.models.enums import ENDED_STATUSES, StepKind, StepState
from afterview.models.records import Interview, Paperwork, Step
from afterview.render import console, views
from afterview.store.storefile import Unchanged

task_app = typer.Typer(
    name="task",
    help="Add or remove your own paperwork items (forms, NDAs...) as steps.",
    no_args_is_help=True,
)


def option_date(
    option: str, text: str, *, today: dt.date, past: bool = False, order: str | None = None
) -> dt.date:
    """:func:`parse_date`, with the option named in the error."""
    try:
        return parse_date(text, today=today, past=past, order=order)
    except UserError as error:
        raise UserError(f"{option}: {error.message}", hint=error.hint) from None


def option_moment(
    option: str, text: str, *, now: dt.datetime, past: bool = True, order: str | None = None
) -> dt.datetime:
    """:func:`parse_moment`, with the option named in the error."""
    try:
        return parse_moment(text, now=now, past=past, order=order)
    except UserError as error:
        raise UserError(f"{option}: {error.message}", hint=error.hint) from None


def option_due(option: str, text: str, *, now: dt.datetime, order: str | None = None) -> dt.date:
    """A due date as typed: a date, or a date-time when a time is given (``monday 18:00``)."""
    if has_time(text):
        return option_moment(option, text, now=now, past=False, order=order)
    return option_date(option, text, today=now.date(), order=order)


def refresh_all(document: Document, *, now: dt.datetime) -> list[tuple[Interview, Step]]:
    """Re-plan every interview of ``document`` in place; return the steps that opened or closed."""
    return refresh_document(document, runtime.context(document), now=now)


def show_changes(changes: Iterable[tuple[Interview, Step]], *, now: dt.datetime) -> None:
    """What re-planning did: new or reopened steps, then the ones closed and why."""
    items = list(changes)
    opened = [(i, s) for i, s in items if s.state is StepState.PENDING]
    closed = [(i, s) for i, s in items if s.state is not StepState.PENDING]
    if opened:
        console.say("New steps:")
        views.step_rows(opened, now=now)
    if closed:
        console.say("Closed steps:")
        views.step_rows(closed, now=now)


def snooze(
    step_ids: StepIds,
    until: Annotated[
        str,
        typer.Option(metavar="DATE", help=f"The day to bring it back: {DATE_EXAMPLES}.", show_default=True),
    ] = "tomorrow",
    json_: ChangedJson = False,
) -> None:
    """Hide pending steps from being due until a later day.

    Example: afterview snooze 7.4 --until "next monday"
    """
    store = runtime.open_store()
    with store.transaction(open_only=True) as document:
        now = runtime.local_now(document.profile)
        day = option_date("--until", until, today=now.date(), order=runtime.date_order(document.profile))
        if day <= now.date():
            raise UserError(
                f"Snooze until a day after today, not {describe_day(day, today=now.date())}.",
                hint="For example: --until tomorrow, --until +3d or --until 'next monday'.",
            )
        targets = [locate(document, step_id) for step_id in step_ids]
        for _, step in targets:
            if step.state is not StepState.PENDING:
                raise UserError(
                    f"Step {step.id} is {step.state.value}; only pending steps can be snoozed.",
                    hint=f"Reopen it first with: afterview undo {step.id}",
                )
        for interview, step in targets:
            current = find(document, interview.id)
            steps = [
                s.model_copy(update={"snoozed_until": day}) if s.id == step.id else s for s in current.steps
            ]
            document.put(current.model_copy(update={"steps": steps, "updated_at": now}))
    if json_:
        print_steps(document, [step.id for _, step in targets], now=now)
        return
    for _, step in targets:
        due = effective_due(step)
        late = (due.date() if isinstance(due, dt.datetime) else due) > day
        console.say(
            f"Snoozed {step.id} until {describe_day(day, today=now.date())}: {step.title}"
            + (" (it was due later anyway)" if late else "")
        )


def _complete_closed(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Tab completion for ``undo``: the steps it can reopen, leaving out those already on the line."""
    return completion.closed_step_ids(incomplete, (str(v) for v in ctx.params.get("step_ids") or ()))


ClosedStepIds = Annotated[
    list[str],
    typer.Argument(
        metavar="STEP...",
        help="Done or skipped step ids, e.g. 7.2.",
        show_default=False,
        autocompletion=_complete_closed,
    ),
]


def undo(step_ids: ClosedStepIds, json_: ChangedJson = False) -> None:
    """Reopen done or skipped steps (back to pending).

    Example: afterview undo 7.2
    """
    store = runtime.open_store()
    with store.transaction(open_only=True) as document:
        now = runtime.local_now(document.profile)
        targets = [locate(document, step_id) for step_id in step_ids]
        wanted = {step.id for _, step in targets if step.state is not StepState.PENDING}
        if not wanted:
            if not json_:
                console.say(f"Nothing changed: {', '.join(step_ids)} already pending.")
            raise Unchanged
        context = runtime.context(document)
        for interview_id in dict.fromkeys(interview.id for interview, _ in targets):
            interview = find(document, interview_id)
            steps = [
                s.model_copy(update={"state": StepState.PENDING, "done_at": None, "note": None})
                if s.id in wanted
                else s
                for s in interview.steps
            ]
            updated = refresh_steps(
                interview.model_copy(update={"steps": steps, "updated_at": now}), context, now=now
            )
            for step in updated.steps:
                if step.id in wanted and step.state is not StepState.PENDING:
                    raise UserError(
                        f"Step {step.id} cannot reopen: {step.note}. Nothing was changed.",
                        hint=f"See the interview with: afterview show {interview_id}",
                    )
            document.put(updated)
    if json_:
        print_steps(document, [step_id for step_id in step_ids if step_id in wanted], now=now)
        return
    for step_id in wanted:
        console.say(f"Reopened {step_id}: {locate(document, step_id)[1].title}")


@task_app.command("add")
def task_add(
    interview_id: InterviewId,
    title: Annotated[str, typer.Argument(help='What to do, e.g. "Sign the NDA".')],
    due: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="When it is due (default: 2 business days after the interview), with an optional HH:MM: "
            f"{DATE_EXAMPLES}.",
        ),
    ] = None,
    json_: ChangedJson = False,
) -> None:
    """Add a paperwork item to an interview; it becomes a step.

    Example: afterview task add 7 "Sign the NDA" --due friday
    """
    text = inputs.clean_text(title, field="task", max_length=200)
    store = runtime.open_store()
    with store.transaction(open_only=True) as document:
        now = runtime.local_now(document.profile)
        order = runtime.date_order(document.profile)
        day = option_due("--due", due, now=now, order=order) if due is not None else None
        interview = find(document, interview_id)
        context = runtime.context(document)
        status = interview.status
        if status in ENDED_STATUSES:
            raise UserError(
                f"Interview {interview_id}'s process has ended ({status.value}); nothing was changed.",
                hint="Tasks are for processes still open.",
            )
        paperwork = [*interview.paperwork, Paperwork(title=text, due=day)]
        updated = refresh_steps(
            interview.model_copy(update={"paperwork": paperwork, "updated_at": now}), context, now=now
        )
        document.put(updated)
    key = f"paperwork:{len(paperwork) - 1}"
    step = next(s for s in updated.steps if s.key == key)
    if json_:
        print_steps(document, [step.id], now=now)
        return
    console.say(f"Added step {step.id} to interview {interview_id}:")
    views.step_rows([(updated, step)], now=now, show_interview=False)


@task_app.command("rm")
def task_rm(
    step_id: Annotated[str, typer.Argument(metavar="STEP", help="The paperwork step's id, e.g. 7.5.")],
    json_: ChangedJson = False,
) -> None:
    """Remove a paperwork item and its step.

    Example: afterview task rm 7.5
    """
    store = runtime.open_store()
    with store.transaction(open_only=True) as document:
        now = runtime.local_now(document.profile)
        interview, step = locate(document, step_id)
        if step.kind is not StepKind.PAPERWORK:
            raise UserError(
                f"Step {step_id} is a {step.kind.value} step, not a task; nothing was changed.",
                hint=f"To drop it from your list: afterview skip {step_id} --reason '...'",
            )
        updated = refresh_steps(
            remove_paperwork(interview, step_id).model_copy(update={"updated_at": now}),
            runtime.context(document),
            now=now,
        )
        document.put(updated)
    if json_:
        console.print_json([step_json(interview, step, now=now)])  # the step as it was before removal
        return
    console.say(f"Removed task {step_id}: {step.title}")
