"""``afterview snooze``, ``undo`` and ``task add|rm``: moving steps through their life."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions.steps import add_task, remove_task, reopen_steps, snooze_steps
from afterview.cli import completion, inputs
from afterview.cli.interviews import ChangedJson, InterviewId
from afterview.cli.todo import StepIds
from afterview.domain.dates import DATE_EXAMPLES
from afterview.render.results import emit
from afterview.render.steps import changed_steps

task_app = typer.Typer(
    name="task",
    help="Add or remove your own paperwork items (forms, NDAs...) as steps.",
    no_args_is_help=True,
)


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
    emit(snooze_steps(step_ids=step_ids, until=until), json_=json_, human=changed_steps)


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
    emit(reopen_steps(step_ids=step_ids), json_=json_, human=changed_steps)


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
    text = inputs.field_text(title, "paperwork", label="task")
    emit(add_task(interview_id=interview_id, title=text, due=due), json_=json_, human=changed_steps)


@task_app.command("rm")
def task_rm(
    step_id: Annotated[str, typer.Argument(metavar="STEP", help="The paperwork step's id, e.g. 7.5.")],
    json_: ChangedJson = False,
) -> None:
    """Remove a paperwork item and its step.

    Example: afterview task rm 7.5
    """
    emit(remove_task(step_id=step_id), json_=json_, human=changed_steps)
