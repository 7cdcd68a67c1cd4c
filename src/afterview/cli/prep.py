"""``afterview prep``: before the next interview, the questions asked so far, weakest first."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions import reading
from afterview.cli.interviews import Json
from afterview.render.results import emit


def prep(
    company: Annotated[
        str | None, typer.Argument(help="Only interviews at this company (any part of its name).")
    ] = None,
    role: Annotated[str | None, typer.Option(help="Only interviews for this role (any part of it).")] = None,
    json_: Json = False,
) -> None:
    """List the questions you have been asked, weakest and most frequent first, with your notes.

    With a company: first the next interview there (when, in your time and theirs; where or the link; who,
    and whom you met in an earlier round) and the feedback it gave you; before a first round there, your
    weakest questions anywhere. Each question lists the stories you told for it; with a company, your
    stories by tag, and those already told there (to the next round's interviewers above all).

    Example: afterview prep Acme --role engineer
    """
    from afterview.render.prep import prep_shown

    def human(shown: reading.PrepShown) -> None:
        prep_shown(shown, company=company, role=role)

    emit(reading.prep(company=company, role=role), json_=json_, human=human)
