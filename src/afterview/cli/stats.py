"""``afterview stats``: what your interviews tell you."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions import session
from afterview.cli.interviews import Json
from afterview.domain.dates import DATE_EXAMPLES, parse_date
from afterview.render import console


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
    from afterview.domain.stats import compute, stats_json

    document = session.open_store().read()
    now = session.local_now(document.profile)
    order = session.date_order(document.profile)
    start = parse_date(since, today=now.date(), past=True, order=order) if since else None
    result = compute(
        document.interviews, now=now, tz=session.user_tz(document.profile), since=start, weeks=weeks
    )
    if json_:
        console.print_json(stats_json(result))
    else:
        from afterview.render.stats import stats as show

        show(result)
