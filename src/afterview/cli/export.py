"""``afterview export``: your steps and interviews in formats other tools read."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from afterview import render
from afterview.cli import runtime
from afterview.errors import UserError
from afterview.models import StepState
from afterview.steps import due_moment, effective_due

app = typer.Typer(
    name="export", help="Export your steps and interviews for other tools.", no_args_is_help=True
)

Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of standard output.", dir_okay=False),
]


@app.command("ics")
def ics(
    output: Output = None,
    include_closed: Annotated[
        bool,
        typer.Option(
            "--include-closed",
            help="Also list done and skipped steps, marked cancelled, so calendars drop them.",
        ),
    ] = False,
) -> None:
    """Export pending steps as an iCalendar (.ics) file: one event per step, with a reminder.

    Each step keeps its UID across exports, so importing again updates the events. Example:

        afterview export ics -o ~/afterview.ics
    """
    from afterview.ics import calendar

    document = runtime.open_store().read()
    now = runtime.local_now(document.profile)
    tz = now.tzinfo or runtime.user_tz(document.profile)
    items = [
        (interview, step)
        for interview in document.interviews
        for step in interview.steps
        if include_closed or step.state is StepState.PENDING
    ]
    items.sort(key=lambda item: (due_moment(effective_due(item[1]), tz), item[0].id, item[1].id))
    data = calendar(items, now=now)
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_file(output, data)
    render.note(f"Wrote {len(items)} event{'' if len(items) == 1 else 's'} to {output}.")


def write_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, so a reader never sees half a file."""
    target = path.expanduser()
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise UserError(f"Cannot write {path}: {error.strerror or error}.") from None
