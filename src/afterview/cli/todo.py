"""``afterview todo``, ``done`` and ``skip``: the steps still to do, and ticking them off."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions import reading
from afterview.cli import completion
from afterview.cli.handlers import steps
from afterview.cli.options import ChangedJson, Json
from afterview.render import views
from afterview.render.results import emit


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
    result = reading.list_steps(interview_id=interview_id, everything=all_)
    emit(
        result, json_=json_, human=lambda listed: views.todo(listed.items, now=listed.now, today=listed.today)
    )


def done(
    step_ids: StepIds,
    note: Annotated[str | None, typer.Option(help="A note to keep with the step.")] = None,
    json_: ChangedJson = False,
) -> None:
    """Mark steps as done.

    Example: afterview done 7.1 7.2, or afterview done 7.3 --note "emailed Jane"
    """
    steps.done(step_ids=step_ids, note=note, json_=json_)


def skip(
    step_ids: StepIds,
    reason: Annotated[str | None, typer.Option(help="Why you are skipping it (kept with the step).")] = None,
    json_: ChangedJson = False,
) -> None:
    """Skip steps that do not apply, optionally saying why.

    Example: afterview skip 7.4 --reason "met them at a meetup already"
    """
    steps.skip(step_ids=step_ids, reason=reason, json_=json_)
