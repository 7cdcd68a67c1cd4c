"""``afterview remember``: write down what you remember of an interview (the flow is in memory_dump)."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.cli.interviews import InterviewId


def remember(
    interview_id: InterviewId,
    prompt: Annotated[
        bool, typer.Option("--prompt", help="Ask question by question in the terminal instead of an editor.")
    ] = False,
    from_: Annotated[
        str | None,
        typer.Option("--from", metavar="FILE", help="Read the debrief's Markdown from FILE, or - for stdin."),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never prompt: a file that does not read is kept, not reopened."),
    ] = False,
) -> None:
    """Write down what you remember of an interview: questions, answers, how they went.

    Opens $VISUAL or $EDITOR on a Markdown debrief, saved when you close the editor.

    --prompt asks in the terminal instead; --from FILE (- for stdin) reads the same Markdown.

    Example: afterview remember 7, or afterview remember 7 --from notes.md
    """
    if prompt and from_ is not None:
        raise typer.BadParameter("use either --prompt or --from, not both", param_hint="--prompt / --from")
    from afterview.cli.memory_dump import memory_dump  # only this command needs the editor and parser

    memory_dump(interview_id, prompt=prompt, source=from_, no_input=no_input)
