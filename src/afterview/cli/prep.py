"""``afterview prep``: before the next interview, the questions asked so far, weakest first."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions import reading, session
from afterview.cli.interviews import Json
from afterview.render import console


def prep(
    company: Annotated[
        str | None, typer.Argument(help="Only interviews at this company (any part of its name).")
    ] = None,
    role: Annotated[str | None, typer.Option(help="Only interviews for this role (any part of it).")] = None,
    json_: Json = False,
) -> None:
    """List the questions you have been asked, weakest and most frequent first, with your notes.

    Example: afterview prep Acme --role engineer
    """
    from afterview.domain.prep import prep_questions
    from afterview.render.prep import prep_json, prep_list

    document = reading.current()
    questions = prep_questions(document.interviews, company=company, role=role)
    if json_:
        console.print_json(prep_json(questions))
        return
    prep_list(
        questions,
        debriefs=sum(i.debrief is not None for i in document.interviews),
        company=company,
        role=role,
        tz=session.user_tz(document.profile),
    )
