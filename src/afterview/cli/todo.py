"""``afterview todo``, ``done`` and ``skip``: the steps still to do, and ticking them off."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from afterview.cli import completion, inputs, runtime
from afterview.cli.interviews import ChangedJson, Json, find
from afterview.domain.dates import due_moment
from afterview.domain.steps import effective_due, refresh_steps
from afterview.errors import UserError
from afterview.formats.contract import step_json
from afterview.models.document import Document
from afterview.models.enums import StepState
from afterview.models.records import Interview, Step
from afterview.render import console, views
from afterview.store.storefile import Unchanged


def _complete_steps(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Tab completion: pending step ids with their text, leaving out those already on the line."""
    typed = (str(value) for value in ctx.params.get("step_ids") or ())
    return completion.step_candidates(
        completion.index_or_empty(), incomplete, typed, bash=completion.under_bash()
    )


StepIds = Annotated[
    list[str],
    typer.Argument(
        metavar="STEP...",
        help="Step ids as todo shows them, e.g. 7.2.",
        show_default=False,
        autocompletion=_complete_steps,
    ),
]


def todo(
    interview_id: Annotated[
        int | None,
        typer.Argument(
            help="Only this interview's steps.", min=1, metavar="ID", autocompletion=completion.interview_ids
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include done and skipped steps.")] = False,
    json_: Json = False,
) -> None:
    """List the steps still to do, soonest first; overdue ones stand out.

    Example: afterview todo, or afterview todo 7 --all
    """
    runtime.load_index()  # plans the steps of an interview that has happened since the last save
    document = runtime.open_store().read(open_only=not all_)  # closed steps: archived rounds too
    now = runtime.local_now(document.profile)
    interviews = [find(document, interview_id)] if interview_id is not None else document.interviews
    items = [
        (interview, step)
        for interview in interviews
        for step in interview.steps
        if all_ or step.state is StepState.PENDING
    ]
    items.sort(
        key=lambda item: (due_moment(effective_due(item[1]), now.tzinfo or dt.timezone.utc), item[0].id)
    )
    if json_:
        console.print_json([step_json(interview, step, now=now) for interview, step in items])
    else:
        views.todo(items, now=now)


def done(
    step_ids: StepIds,
    note: Annotated[str | None, typer.Option(help="A note to keep with the step.")] = None,
    json_: ChangedJson = False,
) -> None:
    """Mark steps as done.

    Example: afterview done 7.1 7.2, or afterview done 7.3 --note "emailed Jane"
    """
    text = inputs.clean_text(note, field="note", max_length=2_000) if note is not None else None
    _close(step_ids, StepState.DONE, reason=text, json_=json_)


def skip(
    step_ids: StepIds,
    reason: Annotated[str | None, typer.Option(help="Why you are skipping it (kept with the step).")] = None,
    json_: ChangedJson = False,
) -> None:
    """Skip steps that do not apply, optionally saying why.

    Example: afterview skip 7.4 --reason "met them at a meetup already"
    """
    text = inputs.clean_text(reason, field="reason", max_length=2_000) if reason is not None else None
    _close(step_ids, StepState.SKIPPED, reason=text, json_=json_)


def _close(step_ids: list[str], state: StepState, *, reason: str | None, json_: bool = False) -> None:
    """Set ``state`` on every step in ``step_ids``; if any id is unknown, change nothing."""
    store = runtime.open_store()
    with store.transaction(open_only=True) as document:
        now = runtime.local_now(document.profile)
        targets = [locate(document, step_id) for step_id in step_ids]
        changed: list[str] = []
        for interview_id in dict.fromkeys(interview.id for interview, _ in targets):
            interview = find(document, interview_id)
            wanted = {step.id for i, step in targets if i.id == interview_id}
            steps = [
                step.model_copy(update={"state": state, "done_at": now, "note": reason or step.note})
                if step.id in wanted and step.state is StepState.PENDING
                else step
                for step in interview.steps
            ]
            changed += [s.id for s, old in zip(steps, interview.steps, strict=True) if s is not old]
            updated = interview.model_copy(update={"steps": steps, "updated_at": now})
            document.put(refresh_steps(updated, runtime.context(document), now=now))
        if not changed:
            if not json_:
                console.say(f"Nothing changed: {', '.join(step_ids)} already closed.")
            raise Unchanged
    if json_:
        print_steps(document, changed, now=now)
        return
    if not changed:
        return
    verb = "Done" if state is StepState.DONE else "Skipped"
    for step_id in changed:
        console.say(f"{verb} {step_id}: {locate(document, step_id)[1].title}")
    already = [step_id for step_id in step_ids if step_id not in changed]
    if already:
        console.note(f"Already closed: {', '.join(already)}.")


def print_steps(document: Document, step_ids: list[str], *, now: dt.datetime) -> None:
    """``--json`` for a command that changed steps: the steps ``step_ids`` as they are now, in the contract's
    step shape (an array, empty when nothing changed)."""
    console.print_json([step_json(*locate(document, step_id), now=now) for step_id in step_ids])


def locate(document: Document, step_id: str) -> tuple[Interview, Step]:
    """The interview and step with this id, or a clear error."""
    interview_part, dot, _ = step_id.partition(".")
    if not dot or not interview_part.isdigit():
        raise UserError(
            f"{step_id!r} is not a step id.", hint="Step ids look like 7.2; see them with: afterview todo"
        )
    interview = document.interview(int(interview_part))
    step = next((s for s in interview.steps if s.id == step_id), None) if interview else None
    if interview is None or step is None:
        raise UserError(
            f"There is no step {step_id}; nothing was changed.",
            hint="See your steps with: afterview todo --all",
        )
    return interview, step
