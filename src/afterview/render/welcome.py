"""What ``afterview`` with no command prints: the first-run greeting, and today's agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from afterview.domain.phrasing import plural
from afterview.models.records import Interview, Step
from afterview.render.console import literal, note, out
from afterview.render.views import step_rows

if TYPE_CHECKING:
    from afterview.actions.settings import ProfileSet

FIVE_STEPS = (  # each under 80 columns with its indent
    "Remember and thank: note what they asked; send each interviewer a thank-you.",
    "Paperwork: finish any forms; tell your references to expect a call.",
    "Momentum and network: keep applying, follow up, connect with interviewers.",
)


SUMMARY = """\
afterview: what to do after a job interview, as dated steps.

  afterview log              right after an interview: record it and plan its steps
  afterview todo             every pending step, soonest first
  afterview draft-thanks ID  a thank-you note for each interviewer
  afterview done STEP        tick a step off
  afterview demo             try it on made-up interviews first

On a terminal, afterview alone guides you through the first steps; afterview --help lists every command."""


def summary(*, due: int, today: Sequence[str] = ()) -> None:
    """The short summary printed when afterview runs alone off a terminal; ``due``: steps due by tonight;
    ``today``: the interviews still to come today, one line each."""
    from rich.text import Text

    out().print(Text(SUMMARY))
    for line in today:
        out().print(literal(line))
    if due:
        out().print(f"{plural(due, 'step')} due today or overdue: afterview todo")


def greeting() -> None:
    """Hello, and the five habits afterview turns into dated steps, in three lines."""
    console = out()
    console.print("[bold]Welcome to afterview![/] After an interview, it plans these as dated steps:")
    for line in FIVE_STEPS:
        console.print(f"  {line}")
    console.print()


def profile_set_up(result: ProfileSet) -> None:
    """What the first run's profile set-up says once the answers are saved."""
    note("Profile saved; change it any time with: afterview profile")


def agenda(
    due: Sequence[tuple[Interview, Step]],
    *,
    now: dt.datetime,
    upcoming: tuple[Interview, Step] | None,
    next_command: str,
    today: Sequence[str] = (),
) -> None:
    """An interview still to come today, then the steps due today or overdue, else the next one coming up;
    then the one command worth running next."""
    console = out()
    for line in today:
        console.print(literal(line, style="bold"))
    if due:
        console.print(f"[bold]Due today or overdue[/] ({len(due)}):")
        step_rows(due, now=now)
    elif upcoming is not None:
        console.print("Nothing due today. Next up:")
        step_rows([upcoming], now=now)
    else:
        console.print("Nothing to do: every step is closed.")
    console.print("Next: ", literal(next_command, style="bold"), sep="")
    note("All steps: afterview todo · every command: afterview --help")
