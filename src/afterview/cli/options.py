"""Arguments and options that many commands share (an interview's id, ``--json``), in a module of their
own so a command imports them without the commands of :mod:`afterview.cli.interviews` and what those read."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.cli import completion

InterviewId = Annotated[
    int,
    typer.Argument(
        help="The interview's id, as afterview list shows it.",
        min=1,
        metavar="ID",
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
