"""What ``log --from`` says when an invitation moves or cancels a logged round, or logs several sessions."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from afterview.render.console import literal, out

if TYPE_CHECKING:
    from afterview.actions.invitations import InvitationFollowed, SessionsLogged


def followed(result: InvitationFollowed) -> None:
    """One paragraph per round the message named: moved (and what changed), cancelled, or unchanged."""
    from afterview.domain.local_times import both_times
    from afterview.render.views import step_rows

    console = out()
    for item in result.rounds:
        interview, now = item.interview, item.now
        label = f"Interview {interview.id} ({interview.company} · {interview.role})"
        if item.kind == "unchanged":
            console.print(literal(f"{label}: nothing changed; {item.reason}."))
            continue
        if item.kind == "cancelled":
            console.print(literal(f"{label}: cancelled ({item.reason}); P{interview.process_id} stays open."))
        else:
            local = now.tzinfo or dt.UTC
            when = both_times(interview.at, zone=interview.timezone, local=local, day=True)
            console.print(literal(f"{label}: updated from the invitation, now {when}."))
            for line in item.changes:
                console.print(literal(f"  {line}"))
        if item.planned:
            console.print("Steps that changed:")
            step_rows(item.planned, now=now, show_interview=False)


def sessions_logged(result: SessionsLogged) -> None:
    """Each round logged, as ``log`` shows one."""
    from afterview.render.views import created

    for logged in result.rounds:
        created(logged.interview, now=logged.now, local=logged.local)
