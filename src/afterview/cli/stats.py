"""``afterview stats``: what your interviews tell you."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions import reading
from afterview.cli.interviews import Json
from afterview.domain.dates import DATE_EXAMPLES
from afterview.render.console import out
from afterview.render.results import emit


def stats(
    since: Annotated[
        str | None,
        typer.Option(metavar="DATE", help=f"Only interviews on or after this date: {DATE_EXAMPLES}."),
    ] = None,
    weeks: Annotated[
        int, typer.Option(metavar="N", help="Weeks of momentum to show (without --since).", min=1, max=520)
    ] = 12,
    json_: Json = False,
) -> None:
    """Your funnel, time to an answer, interviews per week, thank-you habit and weakest questions.

    Example: afterview stats --since 2026-09-01
    """
    from afterview.render.stats import search_summary
    from afterview.render.stats import stats as show

    def human(shown: reading.StatsShown) -> None:
        show(shown.stats)
        if shown.search is not None:
            out().print()
            search_summary(shown.search)

    emit(reading.stats(since=since, weeks=weeks), json_=json_, human=human)
