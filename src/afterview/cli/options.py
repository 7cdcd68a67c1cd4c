"""Arguments and options that many commands share (an interview's id, ``--json``), in a module of their
own so a command imports them without the commands of :mod:`afterview.cli.interviews` and what those read."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.cli import completion


def interview_number(text: str) -> int:
    """An interview's id as typed (``7``); a hiring process's (``P2``), a step's (``7.2``) or anything else
    is refused, saying what to type instead, rather than with a type checker's words."""
    typed = text.strip()
    if typed.isascii() and typed.isdigit() and int(typed) >= 1:
        return int(typed)
    if typed[:1] in "Pp" and typed[1:].isdigit():
        raise typer.BadParameter(
            f"{typed} is a hiring process; give one of its interviews (afterview show {typed.upper()} "
            "lists them)."
        )
    if "." in typed and typed.partition(".")[0].isdigit():
        raise typer.BadParameter(f"{typed} is a step; its interview is {typed.partition('.')[0]}.")
    raise typer.BadParameter(f"{typed!r} is not an interview id: the number afterview list shows, such as 7.")


InterviewId = Annotated[
    int,
    typer.Argument(
        help="The interview's id, as afterview list shows it.",
        metavar="ID",
        parser=interview_number,
        autocompletion=completion.interview_ids,
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON (see the README for the format).")]
RoundOrProcess = Annotated[
    str,
    typer.Argument(
        help="An interview's id (7), or a hiring process's (P2), as afterview list shows them.",
        metavar="ID",
        autocompletion=completion.interview_ids,
        show_default=False,
    ),
]
ChangedJson = Annotated[
    bool, typer.Option("--json", help="Print what changed as JSON (see the README for the format).")
]
